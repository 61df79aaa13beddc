// Password reset at the counter: the person types the new password themselves, the
// portal's rules tick as they type (branch::passwordChecklist) and the strength meter
// follows (branch::passwordStrength), both shown by PasswordRulesChecklist; the clerk confirms, and
// branch::resetPasswordAtCounter changes it in one audited transaction and queues the SMS.
// The widget holds no rule of its own: every tick and the button's state come from the core.
#pragma once

#include "CounterDialog.h"
#include "app/core/PasswordPolicy.h"

#include <QDialog>
#include <QList>
#include <QScopedPointer>
#include <QStringList>
#include <functional>

namespace Ui
{
class PasswordResetDialog;
}

class QLabel;
class QLineEdit;
class QPushButton;

namespace branch::ui
{

class PasswordResetDialog : public CounterDialog
{
    Q_OBJECT

public:
    PasswordResetDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant,
                        QWidget *parent = nullptr);
    ~PasswordResetDialog() override;

    QLineEdit *passwordField() const;
    QLineEdit *confirmField() const;
    QPushButton *submitButton() const;

    // The codes ("password.no_upper", ...) of the checklist lines shown unticked.
    QStringList unmetRules() const;
    // What the meter's label shows, e.g. "87% خیلی قوی".
    QString strengthText() const;
    int strengthPercent() const;

public slots:
    // Rules, then the confirmation, then the service: accept() on success; on failure the
    // service's message is shown, the dialog stays open and nothing has changed.
    void submit();

private:
    void updateState();
    void clearFields();

    const QScopedPointer<Ui::PasswordResetDialog> m_ui;
    const PasswordContext m_personal;
};

} // namespace branch::ui
