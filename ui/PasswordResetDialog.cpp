// Password reset at the counter (see PasswordResetDialog.h).
#include "PasswordResetDialog.h"
#include "ui_PasswordResetDialog.h"

#include "app/core/PersianText.h"
#include "app/lifecycle/Counter.h"
#include "app/security/SecretHash.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace branch::ui
{

PasswordResetDialog::PasswordResetDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant,
                                         QWidget *parent)
    : CounterDialog(ctx, staff, applicant, parent),
      m_ui(new Ui::PasswordResetDialog), m_personal{applicant.request.firstName, applicant.request.lastName,
                                                    applicant.nationalCode}
{
    m_ui->setupUi(this);
    bind(m_ui->heading, m_ui->message);

    // Passwords are Latin only: they read and are typed left to right in both languages.
    m_ui->password->setLayoutDirection(Qt::LeftToRight);
    m_ui->confirm->setLayoutDirection(Qt::LeftToRight);

    m_ui->rules->setPersonal(m_personal);

    // Enter never presses a button behind the clerk's back: no default button (QDialog
    // would make the first auto-default one the default when shown). Enter in the first
    // field moves on, Enter in the repetition submits once every rule is met; a focused
    // button is pressed with Space.
    m_ui->submitButton->setAutoDefault(false);
    m_ui->cancelButton->setAutoDefault(false);
    connect(m_ui->password, &QLineEdit::textChanged, this, &PasswordResetDialog::updateState);
    connect(m_ui->confirm, &QLineEdit::textChanged, this, &PasswordResetDialog::updateState);
    connect(m_ui->password, &QLineEdit::returnPressed, m_ui->confirm, qOverload<>(&QWidget::setFocus));
    connect(m_ui->confirm, &QLineEdit::returnPressed, this, [this] {
        if (m_ui->submitButton->isEnabled())
            submit();
    });
    connect(m_ui->showPassword, &QCheckBox::toggled, this, [this](bool shown) {
        const auto mode = shown ? QLineEdit::Normal : QLineEdit::Password;
        m_ui->password->setEchoMode(mode);
        m_ui->confirm->setEchoMode(mode);
    });
    connect(m_ui->submitButton, &QPushButton::clicked, this, &PasswordResetDialog::submit);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    setTabOrder(m_ui->password, m_ui->confirm);
    setTabOrder(m_ui->confirm, m_ui->showPassword);
    setTabOrder(m_ui->showPassword, m_ui->submitButton);
    setTabOrder(m_ui->submitButton, m_ui->cancelButton);

    updateState();
    m_ui->password->setFocus();
}

PasswordResetDialog::~PasswordResetDialog()
{
    clearFields();
}

QLineEdit *PasswordResetDialog::passwordField() const
{
    return m_ui->password;
}

QLineEdit *PasswordResetDialog::confirmField() const
{
    return m_ui->confirm;
}

QPushButton *PasswordResetDialog::submitButton() const
{
    return m_ui->submitButton;
}

QStringList PasswordResetDialog::unmetRules() const
{
    return m_ui->rules->unmetRules();
}

QString PasswordResetDialog::strengthText() const
{
    return m_ui->rules->strengthText();
}

int PasswordResetDialog::strengthPercent() const
{
    return m_ui->rules->strengthPercent();
}

void PasswordResetDialog::clearFields()
{
    // setText (not clear()) also drops the undo history.
    m_ui->password->setText(QString());
    m_ui->confirm->setText(QString());
}

void PasswordResetDialog::updateState()
{
    // Copies of the secrets live only for this call.
    QString pw = m_ui->password->text();
    QString confirm = m_ui->confirm->text();
    const bool allMet = m_ui->rules->update(pw, confirm);
    security::wipe(pw);
    security::wipe(confirm);
    m_ui->submitButton->setEnabled(allMet);
    if (!m_ui->password->text().isEmpty() || !m_ui->confirm->text().isEmpty())
        showMessage(QString());
}

void PasswordResetDialog::submit()
{
    if (!unmetRules().isEmpty() || m_ui->password->text().isEmpty()) {
        // Only reachable by calling the slot: the button is disabled then.
        QString pw = m_ui->password->text();
        QString confirm = m_ui->confirm->text();
        const Violations errors = checkPassword(pw, confirm, m_personal);
        security::wipe(pw);
        security::wipe(confirm);
        if (!errors.isEmpty()) {
            showMessage(errors.first().message);
            return;
        }
    }
    confirmAndRun<bool>(tr("Reset the password of %1 %2 (national code %3)? The old password stops working at once.")
                            .arg(persianLetterForms(m_case.request.firstName),
                                 persianLetterForms(m_case.request.lastName), digits(m_case.nationalCode)),
                        tr("Reset password"), [this] {
                            // Take the secrets out of the fields first, so that the service's wipe()
                            // overwrites the only copies (they are moved: no other copy remains).
                            QString pw = m_ui->password->text();
                            QString confirm = m_ui->confirm->text();
                            clearFields();
                            return resetPasswordAtCounter(m_ctx, m_case.nationalCode, m_staff, std::move(pw),
                                                          std::move(confirm), m_now());
                        });
    if (result() != QDialog::Accepted && !message().isEmpty())
        m_ui->password->setFocus();
}

} // namespace branch::ui
