// What the counter-action dialogs share (activation, mobile change, refusal): the case and
// the signed-in staff they act for, the clock (a test seam), the heading naming the
// person, the failure line, and the confirm-then-call step. Each dialog keeps its own
// form; this base holds no widgets of its own.
#pragma once

#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Staff.h"

#include <QDialog>
#include <functional>

class QLabel;

namespace branch::ui
{

class CounterDialog : public QDialog
{
    Q_OBJECT

public:
    CounterDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant, QWidget *parent);

    void setClock(std::function<QDateTime()> now);
    // The failure shown (empty when none).
    QString message() const;
    // Extra lines for the receipt (label, value), already translated; meaningful once the
    // dialog was accepted (finished(Accepted) is the moment to read them).
    QList<QPair<QString, QString>> receiptDetails() const { return m_receiptDetails; }
    // The audit action the receipt is titled with, when it depends on what the dialog did
    // (empty: the counter action's own code).
    virtual QString receiptAction() const { return QString(); }

    // "Ali Rezaei — national code ۰۰۱۲۳۴۵۶۷۹", digits as the language reads them.
    static QString applicantHeading(const ApplicantCase &c);
    // Digits in the interface language's script.
    static QString digits(const QString &s);

protected:
    // Call after the subclass's setupUi.
    void bind(QLabel *heading, QLabel *message);
    void showMessage(const QString &text);
    // Asks the confirmation, then runs the service call; accept() on success, the
    // failure's message otherwise (the dialog stays open, nothing changed).
    template <class T>
    void confirmAndRun(const QString &question, const QString &confirmLabel, const std::function<Outcome<T>()> &call)
    {
        if (!confirm(question, confirmLabel))
            return;
        const Outcome<T> out = call();
        finish(out.ok(), out.failure);
    }

    Context &m_ctx;
    const StaffSession m_staff;
    const ApplicantCase m_case;
    std::function<QDateTime()> m_now;
    QList<QPair<QString, QString>> m_receiptDetails;

private:
    bool confirm(const QString &question, const QString &confirmLabel);
    void finish(bool ok, const Failure &failure);

    QLabel *m_message = nullptr;
};

} // namespace branch::ui
