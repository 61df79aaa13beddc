// Change of mobile at the counter (see MobileChangeDialog.h).
#include "MobileChangeDialog.h"
#include "ui_MobileChangeDialog.h"

#include "app/core/Mobile.h"
#include "app/lifecycle/Counter.h"

namespace branch::ui
{

MobileChangeDialog::MobileChangeDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant,
                                       QWidget *parent)
    : CounterDialog(ctx, staff, applicant, parent), m_ui(new Ui::MobileChangeDialog)
{
    m_ui->setupUi(this);
    bind(m_ui->heading, m_ui->message);
    m_ui->currentValue->setText(applicant.mobile.isEmpty() ? QStringLiteral("—") : digits(applicant.mobile));
    // A phone number reads left to right in both languages.
    m_ui->mobile->setLayoutDirection(Qt::LeftToRight);
    m_ui->mobile->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    connect(m_ui->mobile, &QLineEdit::textChanged, this, &MobileChangeDialog::updateState);
    connect(m_ui->ownershipConfirmed, &QCheckBox::toggled, this, &MobileChangeDialog::updateState);
    // Change is the default button (enabled once the number is valid and the box ticked), so
    // Enter submits from the number field and from the ticked ownership box alike; while the
    // box is not ticked yet, Enter in the number field moves on to it.
    m_ui->submitButton->setDefault(true);
    connect(m_ui->mobile, &QLineEdit::returnPressed, this, [this] {
        if (!m_ui->ownershipConfirmed->isChecked())
            m_ui->ownershipConfirmed->setFocus();
    });
    connect(m_ui->submitButton, &QPushButton::clicked, this, &MobileChangeDialog::submit);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    updateState();
    m_ui->mobile->setFocus();
}

MobileChangeDialog::~MobileChangeDialog() = default;

QLineEdit *MobileChangeDialog::mobileField() const
{
    return m_ui->mobile;
}

QCheckBox *MobileChangeDialog::ownershipBox() const
{
    return m_ui->ownershipConfirmed;
}

QPushButton *MobileChangeDialog::submitButton() const
{
    return m_ui->submitButton;
}

QString MobileChangeDialog::maskedMobile(const QString &mobile)
{
    if (mobile.size() < 8)
        return mobile;
    return mobile.left(4) + QStringLiteral("***") + mobile.right(4);
}

void MobileChangeDialog::updateState()
{
    QString normalized;
    const QString typed = m_ui->mobile->text();
    const Violations errors = checkMobile(typed, &normalized);
    bool ok = errors.isEmpty();
    if (typed.trimmed().isEmpty())
        showMessage(QString());
    else if (!ok)
        showMessage(errors.first().message);
    else if (normalized == m_case.mobile) {
        ok = false;
        showMessage(tr("This is already the account's mobile number."));
    } else
        showMessage(QString());
    m_ui->submitButton->setEnabled(ok && m_ui->ownershipConfirmed->isChecked());
}

void MobileChangeDialog::submit()
{
    QString mobile;
    if (!checkMobile(m_ui->mobile->text(), &mobile).isEmpty() || !m_ui->ownershipConfirmed->isChecked()) {
        updateState();
        return;
    }
    m_receiptDetails = {{tr("New mobile"), digits(maskedMobile(mobile))}};
    confirmAndRun<bool>(tr("Change the mobile number of %1 to %2?").arg(applicantHeading(m_case), digits(mobile)),
                        tr("Change mobile"),
                        [&] { return changeMobile(m_ctx, m_case.nationalCode, mobile, m_staff, m_now()); });
}

} // namespace branch::ui
