// Change of the account's mobile number at the counter: the new number is checked as it
// is typed (the mobile rule, any digit script), the clerk confirms the person proved the
// number is theirs, then a confirmation. The old number gets no say: the person is here.
#pragma once

#include "CounterDialog.h"

#include <QScopedPointer>

namespace Ui
{
class MobileChangeDialog;
}

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace branch::ui
{

class MobileChangeDialog : public CounterDialog
{
    Q_OBJECT

public:
    MobileChangeDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant,
                       QWidget *parent = nullptr);
    ~MobileChangeDialog() override;

    QLineEdit *mobileField() const;
    QCheckBox *ownershipBox() const;
    QPushButton *submitButton() const;

    // A mobile for a receipt: "0912***4567" (the middle hidden).
    static QString maskedMobile(const QString &mobile);

public slots:
    void submit();

private:
    void updateState();

    const QScopedPointer<Ui::MobileChangeDialog> m_ui;
};

} // namespace branch::ui
