// The shared frame of the counter-action dialogs (see CounterDialog.h).
#include "CounterDialog.h"
#include "Bidi.h"

#include "Confirm.h"
#include "DeskKeys.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/core/PersianText.h"

#include <QLabel>

namespace branch::ui
{

CounterDialog::CounterDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant, QWidget *parent)
    : QDialog(parent), m_ctx(ctx), m_staff(staff), m_case(applicant),
      m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    useDeskKeys(this);
}

void CounterDialog::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

QString CounterDialog::message() const
{
    return m_message && m_message->isVisibleTo(this) ? m_message->text() : QString();
}

QString CounterDialog::digits(const QString &s)
{
    return language() == QLatin1String("fa") ? toPersianDigits(s) : s;
}

QString CounterDialog::applicantHeading(const ApplicantCase &c)
{
    const IsolatedName name =
        isolatedName(persianLetterForms(c.request.firstName), persianLetterForms(c.request.lastName));
    return tr("%1 %2 — national code %3").arg(name.first, name.last, digits(c.nationalCode));
}

void CounterDialog::bind(QLabel *heading, QLabel *message)
{
    m_message = message;
    QFont f = heading->font();
    f.setBold(true);
    heading->setFont(f);
    heading->setText(applicantHeading(m_case));
    message->setStyleSheet(QStringLiteral("color: #b00020;"));
    message->hide();
}

void CounterDialog::showMessage(const QString &text)
{
    if (!m_message)
        return;
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

bool CounterDialog::confirm(const QString &question, const QString &confirmLabel)
{
    return confirmAction(this, windowTitle(), question, confirmLabel);
}

void CounterDialog::finish(bool ok, const Failure &failure)
{
    if (!ok) {
        showMessage(failure.message());
        return;
    }
    showMessage(QString());
    accept();
}

} // namespace branch::ui
