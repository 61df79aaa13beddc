// Refusal at the counter (see RefusalDialog.h).
#include "RefusalDialog.h"
#include "ui_RefusalDialog.h"

#include "app/lifecycle/Lifecycle.h"

namespace branch::ui
{

RefusalDialog::RefusalDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant, QWidget *parent)
    : CounterDialog(ctx, staff, applicant, parent), m_ui(new Ui::RefusalDialog)
{
    m_ui->setupUi(this);
    bind(m_ui->heading, m_ui->message);
    // Enabled as soon as something is written: the service judges the reason and says why
    // it refuses one, so the rule lives in one place.
    connect(m_ui->reason, &QPlainTextEdit::textChanged, this,
            [this] { m_ui->submitButton->setEnabled(!m_ui->reason->toPlainText().trimmed().isEmpty()); });
    connect(m_ui->submitButton, &QPushButton::clicked, this, &RefusalDialog::submit);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    m_ui->submitButton->setEnabled(false);
    m_ui->reason->setFocus();
}

RefusalDialog::~RefusalDialog() = default;

QPlainTextEdit *RefusalDialog::reasonField() const
{
    return m_ui->reason;
}

QPushButton *RefusalDialog::submitButton() const
{
    return m_ui->submitButton;
}

void RefusalDialog::submit()
{
    const QString reason = m_ui->reason->toPlainText().trimmed();
    m_receiptDetails = {{tr("Reason"), reason}};
    confirmAndRun<QString>(
        tr("Refuse the request of %1? The person will have to register again.").arg(applicantHeading(m_case)),
        tr("Refuse request"), [&] { return refuseAtCounter(m_ctx, m_case.nationalCode, m_staff, reason, m_now()); });
}

} // namespace branch::ui
