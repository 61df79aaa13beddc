// Activation at the counter after the documents check (see ActivationDialog.h).
#include "ActivationDialog.h"
#include "ui_ActivationDialog.h"

#include "app/lifecycle/Lifecycle.h"

#include <QCheckBox>

namespace branch::ui
{

ActivationDialog::ActivationDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant,
                                   QWidget *parent)
    : CounterDialog(ctx, staff, applicant, parent), m_ui(new Ui::ActivationDialog)
{
    m_ui->setupUi(this);
    bind(m_ui->heading, m_ui->message);
    QWidget *previous = nullptr;
    for (const QString &doc : requiredActivationDocuments()) {
        auto *box = new QCheckBox(documentLabel(doc), m_ui->documentsGroup);
        box->setObjectName(doc);
        m_ui->documentsLayout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ActivationDialog::updateButton);
        if (previous)
            setTabOrder(previous, box);
        previous = box;
        m_documents << qMakePair(doc, box);
    }
    if (previous)
        setTabOrder(previous, m_ui->submitButton);
    setTabOrder(m_ui->submitButton, m_ui->cancelButton);
    connect(m_ui->submitButton, &QPushButton::clicked, this, &ActivationDialog::submit);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    updateButton();
    if (!m_documents.isEmpty())
        m_documents.first().second->setFocus();
}

ActivationDialog::~ActivationDialog() = default;

QString ActivationDialog::documentLabel(const QString &document)
{
    if (document == QLatin1String("national_card"))
        return tr("National card (the original, photo and national code checked)");
    if (document == QLatin1String("birth_certificate"))
        return tr("Birth certificate (the original, names, number and date checked)");
    return document;
}

QCheckBox *ActivationDialog::documentBox(const QString &document) const
{
    for (const auto &[doc, box] : m_documents)
        if (doc == document)
            return box;
    return nullptr;
}

QPushButton *ActivationDialog::submitButton() const
{
    return m_ui->submitButton;
}

QStringList ActivationDialog::tickedDocuments() const
{
    QStringList out;
    for (const auto &[doc, box] : m_documents)
        if (box->isChecked())
            out << doc;
    return out;
}

void ActivationDialog::updateButton()
{
    const bool all = tickedDocuments().size() == m_documents.size();
    m_ui->submitButton->setEnabled(all);
    m_ui->submitButton->setDefault(all);
    m_ui->submitButton->setToolTip(all ? QString() : tr("Tick every document first."));
}

void ActivationDialog::submit()
{
    // The service decides what is missing; the button only spares the clerk a refusal.
    const QStringList documents = tickedDocuments();
    QStringList names;
    for (const QString &d : documents)
        names << documentLabel(d);
    // Read by the caller only once the action succeeded.
    m_receiptDetails = {{tr("Documents checked"), names.join(tr(", "))}};
    confirmAndRun<QString>(tr("Activate the online account of %1?").arg(applicantHeading(m_case)), tr("Activate"),
                           [&] { return activateAtCounter(m_ctx, m_case.nationalCode, m_staff, documents, m_now()); });
}

} // namespace branch::ui
