// The applicant view: one person's current request beside the civil-registry reference
// (fields that differ after normalisation highlighted, with a tooltip), the status, the
// history from the audit log and the SMS sent to them. Esc or Alt+Left returns to the
// search (closed()). It reads through the services (applicantCase), never SQL.
#pragma once

#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Staff.h"

#include <QScopedPointer>
#include <QWidget>

namespace Ui
{
class ApplicantView;
}

class QAction;
class QDialog;
class QLabel;
class QTableWidget;
class QPushButton;
class QToolButton;

namespace branch::ui
{

class CounterDialog;

// What a clerk can do for the person in the applicant view, each with its shortcut.
enum class CounterAction {
    Activate,       // F2: activation after the documents check
    ChangeMobile,   // F3
    ResetPassword,  // F4
    ResetQuestions, // F6
    Recover,        // F7: password recovery with the person (SMS code, questions, documents)
    Refuse,         // F8: refusal with a reason
};
const QList<CounterAction> &allCounterActions();
// The audit action each one records ("account.activate", ...): the receipt's action.
QString counterActionCode(CounterAction a);

class ApplicantView : public QWidget
{
    Q_OBJECT

public:
    explicit ApplicantView(Context &ctx, QWidget *parent = nullptr);
    ~ApplicantView() override;

    // Loads this person's case, a read by the session's staff member (audited: only a clerk
    // or a supervisor may open one). On failure the view is left as it was and the failure's
    // message is returned (empty on success).
    QString showApplicant(const QString &nationalCode);
    // Shows a case already read (for previews and tests).
    void showCase(const ApplicantCase &c);

    const ApplicantCase &currentCase() const { return m_case; }
    // The field names (see identityDifferences) whose rows are highlighted on screen.
    QStringList highlightedFields() const;
    // The two value labels of an identity row ("first_name", ...): request, registry.
    QLabel *requestValue(const QString &field) const;
    QLabel *registryValue(const QString &field) const;
    QTableWidget *historyTable() const;
    QTableWidget *smsTable() const;
    QPushButton *backButton() const;

    // Who acts: decides which actions show (roleMay); the dialogs act for this session.
    void setSession(const StaffSession &session);
    const StaffSession &session() const { return m_session; }
    // The action (its shortcut, enabled when the case allows it, visible when the role does).
    QAction *counterAction(CounterAction a) const;
    QToolButton *actionButton(CounterAction a) const;
    // The counter dialog open now (window-modal, not blocking), or null.
    QDialog *openDialog() const { return m_dialog; }
    // Opens the dialog of `a` for the case shown; false when the action is not available.
    bool startAction(CounterAction a);

    // The readable, translated name of an audit action ("request.submit" → "Request submitted");
    // an unknown action is shown as stored.
    static QString actionLabel(const QString &action);

signals:
    // The clerk asked to return to the search (Esc, Alt+Left or the button).
    void closed();
    // A counter action succeeded; the case shown is already reloaded. `details` are the
    // receipt's extra lines (translated).
    // `receiptAction`: the audit action the receipt is titled with (the dialog's, or the
    // action's own code).
    void counterActionDone(branch::ui::CounterAction action, const QString &nationalCode,
                           const QList<QPair<QString, QString>> &details, const QString &receiptAction);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row {
        QString field;
        QLabel *name, *request, *registry;
    };
    void buildGrid();
    void buildActions();
    void updateActions();
    QDialog *createDialog(CounterAction a);
    void alignValues();
    QString digits(const QString &s) const;
    QString dateText(const QDate &d) const;
    QString dateTimeText(const QDateTime &t) const;
    QString genderText(const QString &g) const;
    QString actorText(const QString &actor) const;
    QString smsStatusText(const QString &status) const;

    const QScopedPointer<Ui::ApplicantView> m_ui;
    Context &m_ctx;
    ApplicantCase m_case;
    QList<Row> m_rows;
    bool m_persianDigits = false;
    StaffSession m_session;
    // The case again after this view's own action, without a new audited read.
    void reload(const QString &nationalCode);
    QMap<CounterAction, QAction *> m_actions;
    QMap<CounterAction, QToolButton *> m_buttons;
    QDialog *m_dialog = nullptr;
};

} // namespace branch::ui
