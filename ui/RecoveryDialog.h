// Password recovery at the branch, for a person at the counter (F7 in the applicant view).
// The person proves the account is theirs by one of the portal's methods, driven from the
// desk: the SMS code sent to the registered mobile (they read it from their phone) or their
// security questions; then they type the new password. The code's SMS goes to the gateway at
// once, from a worker thread (the dialog shows that it is sending); no gateway, or it fails:
// the dialog says so and offers the questions or the documents. When neither works (no phone, the
// answers forgotten, locked after wrong tries), the clerk checks the identity documents
// and the person sets a new password and/or new security questions. Every step goes
// through the recovery services (app/lifecycle/Recovery.h, recoverAtCounter), audited with
// the clerk as actor; the receipt names the method, never a secret.
#pragma once

#include "CounterDialog.h"

#include "app/core/SecurityQuestions.h"
#include "app/lifecycle/Recovery.h"
#include "app/sync/SmsGateway.h"

#include <QList>
#include <QScopedPointer>

#include <memory>

namespace Ui
{
class RecoveryDialog;
}

class QCheckBox;
class QComboBox;
class QCommandLinkButton;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace branch::ui
{

class Worker;

class RecoveryDialog : public CounterDialog
{
    Q_OBJECT

public:
    enum class Route { None, Sms, Questions, Documents };
    enum class Page { Method, Code, Questions, Renew };

    RecoveryDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant, QWidget *parent = nullptr);
    ~RecoveryDialog() override;

    Page page() const { return m_page; }
    Route route() const { return m_route; }
    // The recovery started from the desk (empty on the document route or before a start).
    QString recoveryId() const { return m_recoveryId; }
    // True once the code or the answers were accepted (the online routes).
    bool verified() const { return m_verified; }
    // The audit action the receipt is titled with: the online recovery's or the branch's.
    QString receiptAction() const override;
    // True while the code's SMS is on its way to the gateway.
    bool isSending() const { return m_sending; }
    // Test seam and settings change: the gateway the code's SMS goes to (by default the
    // desk's, smsGatewayFromSettings()).
    void setSmsGateway(const SmsGatewayConfig &config);

    QCommandLinkButton *methodButton(Route route) const;
    QLabel *codeInfo() const;
    QLineEdit *codeField() const;
    QPushButton *verifyCodeButton() const;
    QPushButton *newCodeButton() const;
    QLabel *questionLabel(int row) const;
    QLineEdit *answerField(int row) const;
    QPushButton *verifyAnswersButton() const;
    QCheckBox *documentBox(const QString &document) const;
    QGroupBox *passwordGroup() const;
    QGroupBox *questionsGroup() const;
    QLineEdit *passwordField() const;
    QLineEdit *confirmField() const;
    QComboBox *newQuestionBox(int row) const;
    QLineEdit *newAnswerField(int row) const;
    QPushButton *renewButton() const;
    QPushButton *backButton() const;
    // The password rules shown unticked ("password.no_upper", ...).
    QStringList unmetRules() const;
    // The new questions' rule messages shown (document route).
    QStringList questionViolations() const;

public slots:
    void startSms();
    void startQuestions();
    void startDocuments();
    void verifyCode();
    void verifyAnswers();
    // The last step of every route: the new password (online), or the document check's renewal.
    void renew();
    // Back to the choice of method; what was typed is dropped.
    void backToMethods();

protected:
    bool event(QEvent *e) override;

private:
    void fitHeight(bool mayShrink);
    void start(Route route);
    void sendCode();
    void started(Route route, const Outcome<RecoveryStart> &out);
    void updateSmsButton();
    void showPage(Page page);
    void showRenewPage();
    void updateRenewState();
    void showFailure(const Failure &failure);
    void clearSecrets();
    QStringList tickedDocuments() const;
    QList<QuestionAnswer> newQuestions() const;

    const QScopedPointer<Ui::RecoveryDialog> m_ui;
    QList<QPair<QString, QCheckBox *>> m_documents;
    QList<QLabel *> m_questionLabels;
    QList<QLineEdit *> m_answers;
    QList<QComboBox *> m_newQuestions;
    QList<QLineEdit *> m_newAnswers;
    QList<Question> m_askedQuestions;
    Page m_page = Page::Method;
    Route m_route = Route::None;
    QString m_recoveryId;
    bool m_verified = false;
    bool m_rulesMet = false;
    SmsGatewayConfig m_gateway;
    std::unique_ptr<Worker> m_worker; // the code's SMS, off the UI thread
    bool m_sending = false;
};

} // namespace branch::ui
