// A supervisor's proposal on an identity-mismatch case (see ReviewProposalDialog.h).
#include "ReviewProposalDialog.h"
#include "Bidi.h"

#include "Confirm.h"
#include "CounterDialog.h"
#include "DeskKeys.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/core/PersianText.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace branch::ui
{

ReviewProposalDialog::ReviewProposalDialog(Context &ctx, const StaffSession &staff, const ReviewCase &c,
                                           ReviewKind kind, QWidget *parent)
    : QDialog(parent), m_ctx(ctx), m_staff(staff), m_case(c), m_kind(kind),
      m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("ReviewProposalDialog"));
    useDeskKeys(this);
    setWindowTitle(reviewKindLabel(kind));
    const bool persian = language() == QLatin1String("fa");
    auto digits = [persian](const QString &s) { return persian ? toPersianDigits(s) : s; };
    const auto &r = c.request;

    auto *layout = new QVBoxLayout(this);
    const IsolatedName name = isolatedName(persianLetterForms(r.firstName), persianLetterForms(r.lastName));
    auto *heading = new QLabel(tr("%1 %2 — national code %3").arg(name.first, name.last, digits(r.nationalCode)), this);
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    auto *explain = new QLabel(this);
    explain->setWordWrap(true);
    explain->setTextFormat(Qt::PlainText);
    layout->addWidget(explain);

    if (kind == ReviewKind::CorrectAndActivate) {
        explain->setText(tr("Write the identity data as it stands on the documents you saw. After another supervisor "
                            "approves, the request is corrected and the account activated."));
        auto *form = new QFormLayout;
        m_firstName = new QLineEdit(r.firstName, this);
        m_lastName = new QLineEdit(r.lastName, this);
        m_birthCert = new QLineEdit(digits(r.birthCertNo), this);
        m_birthDate = new QLineEdit(toJalaliString(r.birthDate, persian), this);
        m_birthDate->setPlaceholderText(digits(QStringLiteral("1365/04/12")));
        m_gender = new QComboBox(this);
        m_gender->addItem(tr("Male"), QStringLiteral("M"));
        m_gender->addItem(tr("Female"), QStringLiteral("F"));
        m_gender->setCurrentIndex(r.gender == QLatin1String("F") ? 1 : 0);
        form->addRow(tr("&First name:"), m_firstName);
        form->addRow(tr("&Last name:"), m_lastName);
        form->addRow(tr("Birth &certificate number:"), m_birthCert);
        form->addRow(tr("Birth &date (Jalali):"), m_birthDate);
        form->addRow(tr("&Gender:"), m_gender);
        layout->addLayout(form);
    } else {
        explain->setText(kind == ReviewKind::SendBack
                             ? tr("The request ends and the person is told by SMS to register again. A note for the "
                                  "approving supervisor is optional.")
                             : tr("The request ends without activation. Write the reason; it stays in the history."));
        auto *label = new QLabel(kind == ReviewKind::Reject ? tr("&Reason:") : tr("&Note (optional):"), this);
        m_reason = new QPlainTextEdit(this);
        m_reason->setTabChangesFocus(true);
        label->setBuddy(m_reason);
        layout->addWidget(label);
        layout->addWidget(m_reason);
    }
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setForegroundRole(QPalette::BrightText);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_submit = new QPushButton(tr("&Propose"), this);
    m_submit->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setAutoDefault(false);
    buttons->addWidget(m_submit);
    buttons->addWidget(cancel);
    layout->addLayout(buttons);
    connect(m_submit, &QPushButton::clicked, this, &ReviewProposalDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    if (m_firstName)
        m_firstName->setFocus();
    else
        m_reason->setFocus();
    resize(520, sizeHint().height());
}

QString ReviewProposalDialog::message() const
{
    return m_message->text();
}

void ReviewProposalDialog::submit()
{
    ReviewProposalInput in;
    in.kind = m_kind;
    if (m_kind == ReviewKind::CorrectAndActivate) {
        // Only what differs from the request is proposed, so the audit names the corrected fields.
        const auto &r = m_case.request;
        auto put = [&in](const char *key, const QString &typed, const QString &was) {
            if (typed.trimmed() != was)
                in.corrections.insert(QLatin1String(key), typed);
        };
        put("first_name", m_firstName->text(), r.firstName);
        put("last_name", m_lastName->text(), r.lastName);
        put("birth_cert_no",
            normalizeDigits(m_birthCert->text()).trimmed() == r.birthCertNo ? r.birthCertNo : m_birthCert->text(),
            r.birthCertNo);
        put("birth_date", m_birthDate->text(), toJalaliString(r.birthDate));
        if (normalizeDigits(m_birthDate->text()).trimmed() == toJalaliString(r.birthDate))
            in.corrections.remove(QStringLiteral("birth_date"));
        put("gender", m_gender->currentData().toString(), r.gender);
    } else {
        in.reason = m_reason->toPlainText().trimmed();
    }
    if (!confirmAction(this, windowTitle(),
                       tr("Propose \"%1\" for %2 %3? Another supervisor must approve it before anything changes.")
                           .arg(reviewKindLabel(m_kind), persianLetterForms(m_case.request.firstName),
                                persianLetterForms(m_case.request.lastName)),
                       tr("Propose")))
        return;
    const auto out = proposeReview(m_ctx, m_case.request.nationalCode, in, m_staff, m_now());
    if (!out.ok()) {
        m_message->setText(out.failure.message());
        return;
    }
    m_proposalId = out.value->id;
    accept();
}

} // namespace branch::ui
