// Refusal of a request at the counter, with the reason (kept in the history for the
// supervisor), after a confirmation.
#pragma once

#include "CounterDialog.h"

#include <QScopedPointer>

namespace Ui
{
class RefusalDialog;
}

class QPlainTextEdit;
class QPushButton;

namespace branch::ui
{

class RefusalDialog : public CounterDialog
{
    Q_OBJECT

public:
    RefusalDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant, QWidget *parent = nullptr);
    ~RefusalDialog() override;

    QPlainTextEdit *reasonField() const;
    QPushButton *submitButton() const;

public slots:
    void submit();

private:
    const QScopedPointer<Ui::RefusalDialog> m_ui;
};

} // namespace branch::ui
