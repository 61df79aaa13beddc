// The paper receipt the applicant takes home after a counter action (registration,
// activation, refusal, mobile change, password or questions reset): who did what, where and
// when, the request's tracking code, with a line for the applicant's signature. One HTML
// document feeds the screen, the printer and the PDF, in the interface language (fa: right to
// left, Persian digits, Jalali date). It never carries a password, a security answer or a
// recovery code: callers pass only what may be printed, in `details`.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

class QPrinter;
class QTextDocument;

namespace branch::ui
{

struct Receipt {
    Q_DECLARE_TR_FUNCTIONS(branch::ui::Receipt)

public:
    QString action;        // audit action code, e.g. "account.activate"
    QString branchCode;    // e.g. "1203"
    QString staffLogin;    // the clerk
    QString nationalCode;  // the applicant's
    QString applicantName; // "first last" as on the request; printed in Persian letter forms
    QDateTime at;          // UTC moment of the action
    // The request's tracking code "XXXX-XXXX" (branch::trackingCode): what the person reads
    // out later to be found. The request's UUID stays internal and is never printed.
    QString trackingCode;
    // Extra labelled lines, already translated by the caller, e.g. {"Reason", "..."},
    // {"New mobile", "0912***4567"}. In Persian their ASCII digits are shown as Persian digits.
    QList<QPair<QString, QString>> details;
};

// The translated title of a counter action ("account.activate" → "Account activated at the
// branch"). The audit log's own codes for the two request outcomes ("request.activated",
// "request.rejected") give the same titles; an unknown code is returned as it is.
QString receiptActionLabel(const QString &action);

// The receipt as HTML, every piece of data escaped; dir="rtl" in Persian, "ltr" in English.
QString receiptHtml(const Receipt &r);

// The receipt as a document whose default text direction follows the language.
std::unique_ptr<QTextDocument> receiptDocument(const Receipt &r);

// Writes the receipt as a PDF (A5 portrait) to `path`. The file is written beside the
// target first and moved into place only when complete, so a failure leaves an existing
// file untouched and no new one. On failure *error (if given) receives a translated message.
[[nodiscard]] bool exportReceiptPdf(const Receipt &r, const QString &path, QString *error);

// Prints the receipt on `printer` as it is set up (page size, output format).
void printReceipt(const Receipt &r, QPrinter *printer);

} // namespace branch::ui
