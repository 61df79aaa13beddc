// Assisted registration at the counter: the portal's four steps (seed: national code and
// mobile; identity as on the birth certificate; email, password and three security
// questions; review) filled in with the person, then submitted as one request by the same
// service as `branchctl register` (branch::registerAtCounter → submitRegistration), with the
// signed-in clerk as the audit's actor. Every rule is the core's: each field shows its rule's message as
// it is typed, the password rules tick, the strength meter moves, and Next stays disabled
// until the step holds. A last page shows the seed's submission message and the request's
// tracking code; the desk then prints the registration's receipt (MainWindow::showReceipt).
#pragma once

#include "app/core/PasswordPolicy.h"
#include "app/core/SecurityQuestions.h"
#include "app/lifecycle/Staff.h"

#include <QHash>
#include <QScopedPointer>
#include <QWizard>
#include <QWizardPage>
#include <functional>

namespace Ui
{
class RegistrationWizard;
}

class QComboBox;
class QLabel;
class QLineEdit;

namespace branch::ui
{

class PasswordRulesChecklist;

// One step of the wizard: whether it is complete, and what Next does, are the wizard's
// (the pages hold widgets from the form, not rules).
class RegistrationStep : public QWizardPage
{
    Q_OBJECT

public:
    explicit RegistrationStep(QWidget *parent = nullptr);

    void setCompleteCheck(std::function<bool()> check) { m_complete = std::move(check); }
    void setValidator(std::function<bool()> validate) { m_validate = std::move(validate); }
    void setInitializer(std::function<void()> init) { m_init = std::move(init); }
    // Tells the wizard to ask isComplete() again (Next follows it).
    void changed() { emit completeChanged(); }

    bool isComplete() const override;
    bool validatePage() override;
    void initializePage() override;

private:
    std::function<bool()> m_complete;
    std::function<bool()> m_validate;
    std::function<void()> m_init;
};

class RegistrationWizard : public QWizard
{
    Q_OBJECT

public:
    enum Step { CodesStep, IdentityStep, AccountStep, ReviewStep, DoneStep };

    RegistrationWizard(Context &ctx, const StaffSession &staff, QWidget *parent = nullptr);
    ~RegistrationWizard() override;

    void setClock(std::function<QDateTime()> now);

    // The rule codes broken on this step now (checked whatever was typed or touched), in
    // the core's order; empty when the step holds.
    QStringList violationCodes(Step step) const;
    // The messages shown under a field ("national_code", "mobile", "first_name", ...,
    // "email", "security_questions", "submit"): empty when nothing is shown.
    QString shownMessage(const QString &field) const;
    PasswordRulesChecklist *passwordRules() const;
    // The question ids a chooser offers (0..2), in order.
    QStringList offeredQuestions(int row) const;
    // The review table as shown: (label, value) per row.
    QList<QPair<QString, QString>> reviewRows() const;

    // Set once the request was stored: its id and the national code (10 ASCII digits).
    QString requestId() const { return m_requestId; }
    QString nationalCode() const { return m_nationalCode; }
    // The stored request's tracking code (branch::trackingCode), shown on the last page and
    // printed on the receipt; empty before the submission.
    QString trackingCode() const;
    // The receipt's lines for the registration, already translated: where the result goes.
    QList<QPair<QString, QString>> receiptDetails() const;
    // The seed's message after submission, as shown on the last page.
    static QString submittedMessage();

public slots:
    // Esc, Cancel and the window's close button: asks before throwing away what was typed
    // (nothing is stored); after the submission it simply closes (accepted).
    void cancel();
    // Closes without asking, what was typed wiped (the session lock cancels open dialogs
    // this way); after the submission, the same as accept().
    void reject() override;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    struct FieldCheck {
        QString field;
        QLabel *error = nullptr;
        bool touched = false;
    };

    void wire();
    void rebuildQuestionChoosers();
    void updateCodes();
    void updateIdentity();
    void updateAccount();
    void fillReview();
    bool submit();
    bool anythingTyped() const;
    void clearSecrets();
    QList<QuestionAnswer> currentQuestions() const;
    PasswordContext personal() const;
    Violations violationsOf(Step step) const;
    void showMessages(const QString &field, const Violations &vs);

    const QScopedPointer<Ui::RegistrationWizard> m_ui;
    Context &m_ctx;
    const StaffSession m_staff;
    std::function<QDateTime()> m_now;
    QList<QComboBox *> m_questionBoxes;
    QList<QLineEdit *> m_answers;
    QHash<QString, FieldCheck> m_checks;
    QString m_requestId, m_nationalCode;
};

} // namespace branch::ui
