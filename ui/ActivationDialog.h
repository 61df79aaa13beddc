// Activation at the counter: the clerk ticks each required document (national card,
// birth certificate) after checking the original; only then can the account be activated,
// after a confirmation. The rule (which documents, which status) is the service's.
#pragma once

#include "CounterDialog.h"

#include <QScopedPointer>

namespace Ui
{
class ActivationDialog;
}

class QCheckBox;
class QPushButton;

namespace branch::ui
{

class ActivationDialog : public CounterDialog
{
    Q_OBJECT

public:
    ActivationDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant,
                     QWidget *parent = nullptr);
    ~ActivationDialog() override;

    // The checkbox of a required document ("national_card", "birth_certificate").
    QCheckBox *documentBox(const QString &document) const;
    QPushButton *submitButton() const;
    // The translated name of a document.
    static QString documentLabel(const QString &document);

public slots:
    void submit();

private:
    void updateButton();
    QStringList tickedDocuments() const;

    const QScopedPointer<Ui::ActivationDialog> m_ui;
    QList<QPair<QString, QCheckBox *>> m_documents;
};

} // namespace branch::ui
