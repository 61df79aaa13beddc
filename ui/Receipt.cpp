// The counter receipt: HTML in the interface language, printed or saved as PDF.
#include "Receipt.h"

#include "PdfFile.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/core/PersianText.h"

#include <QDir>
#include <QFileInfo>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPrinter>
#include <QTextDocument>
#include <QTextOption>

namespace branch::ui
{

namespace
{

struct ActionTitle {
    const char *action;
    const char *label;
};

// The counter actions and their titles. "request.activated" and "request.rejected" are the
// audit log's names for the outcome of the same two counter decisions.
const ActionTitle kActionTitles[] = {
    {"request.submit", QT_TRANSLATE_NOOP("branch::ui::Receipt", "Registration request submitted at the branch")},
    {"account.activate", QT_TRANSLATE_NOOP("branch::ui::Receipt", "Account activated at the branch")},
    {"request.activated", QT_TRANSLATE_NOOP("branch::ui::Receipt", "Account activated at the branch")},
    {"request.reject", QT_TRANSLATE_NOOP("branch::ui::Receipt", "Registration request refused at the branch")},
    {"request.rejected", QT_TRANSLATE_NOOP("branch::ui::Receipt", "Registration request refused at the branch")},
    {"account.mobile_change", QT_TRANSLATE_NOOP("branch::ui::Receipt", "Mobile number changed at the branch")},
    {"account.password_reset", QT_TRANSLATE_NOOP("branch::ui::Receipt", "Password reset at the branch")},
    {"account.questions_reset", QT_TRANSLATE_NOOP("branch::ui::Receipt", "Security questions reset at the branch")},
    {"account.password_recovered", QT_TRANSLATE_NOOP("branch::ui::Receipt", "Password recovered at the branch")},
    {"account.recovered_at_branch",
     QT_TRANSLATE_NOOP("branch::ui::Receipt", "Account recovered at the branch after a document check")},
};

bool isPersian()
{
    return language() == QLatin1String("fa");
}

// Digits as people read them in the current language.
QString digits(const QString &s, bool persian)
{
    return persian ? toPersianDigits(s) : s;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

bool hasRtlLetters(const QString &s)
{
    for (const QChar c : s)
        if (c.direction() == QChar::DirR || c.direction() == QChar::DirAL)
            return true;
    return false;
}

// "1405/09/04, 14:00": the Jalali date in local time (Asia/Tehran at the branches), in both
// languages as everywhere in the interface; Persian digits in Persian.
QString dateTimeText(const QDateTime &at, bool persian)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    const QString date = toJalaliString(local.date(), persian);
    const QString time = digits(local.time().toString(QStringLiteral("HH:mm")), persian);
    //: On the receipt: %1 is the date, %2 the time (hh:mm).
    return Receipt::tr("%1, %2").arg(date, time);
}

} // namespace

QString receiptActionLabel(const QString &action)
{
    for (const ActionTitle &a : kActionTitles)
        if (action == QLatin1String(a.action))
            return Receipt::tr(a.label);
    return action;
}

QString receiptHtml(const Receipt &r)
{
    const bool persian = isPersian();
    const QString dir = persian ? QStringLiteral("rtl") : QStringLiteral("ltr");

    struct Row {
        QString label; // plain text
        QString value; // plain text
        bool prominent = false;
    };
    QList<Row> rows;
    rows.append({Receipt::tr("Date and time"), dateTimeText(r.at, persian)});
    rows.append({Receipt::tr("Branch"), digits(r.branchCode, persian)});
    rows.append({Receipt::tr("Clerk"), r.staffLogin});
    rows.append({Receipt::tr("Applicant"), persianLetterForms(r.applicantName)});
    rows.append({Receipt::tr("National code"), digits(r.nationalCode, persian)});
    rows.append({Receipt::tr("Action"), receiptActionLabel(r.action)});
    for (const auto &[label, value] : r.details)
        rows.append({label, digits(value, persian)});
    // Kept in Latin letters and ASCII digits in both languages: one script inside the code,
    // as the search takes it (Persian digits typed are accepted too).
    if (!r.trackingCode.isEmpty())
        rows.append({Receipt::tr("Tracking code"), r.trackingCode, true});

    QString html;
    html += QStringLiteral("<html><head><meta charset=\"utf-8\"/></head><body dir=\"%1\">").arg(dir);
    html += QStringLiteral("<p dir=\"%1\" align=\"center\" style=\"font-size:15pt; font-weight:bold; "
                           "margin-bottom:2px\">%2</p>")
                .arg(dir, esc(Receipt::tr("Social Security Organization")));
    html += QStringLiteral("<p dir=\"%1\" align=\"center\" style=\"font-size:12pt; margin:0\">%2</p>")
                .arg(dir, esc(Receipt::tr("BranchDesk receipt")));
    html += QStringLiteral("<p dir=\"%1\" align=\"center\" style=\"font-size:12pt; margin-top:0; "
                           "margin-bottom:10px\">%2</p>")
                .arg(dir, esc(Receipt::tr("Branch %1").arg(digits(r.branchCode, persian))));
    html += QStringLiteral("<p dir=\"%1\" align=\"center\" style=\"font-size:13pt; font-weight:bold; "
                           "margin-bottom:8px\">%2</p>")
                .arg(dir, esc(receiptActionLabel(r.action)));

    html += QStringLiteral("<table dir=\"%1\" width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"5\" "
                           "style=\"border-collapse:collapse; border-color:#808080; border-style:solid\">")
                .arg(dir);
    for (const Row &row : rows) {
        // A value without right-to-left letters (a login, a masked mobile "0912***4567", a
        // tracking code) is laid out left to right, or the bidi algorithm would reorder its pieces
        // inside a Persian paragraph; it still sits at the trailing side.
        const bool ltrValue = persian && !hasRtlLetters(row.value);
        const QString valueAttrs =
            ltrValue ? QStringLiteral("dir=\"ltr\" align=\"right\"") : QStringLiteral("dir=\"%1\"").arg(dir);
        const QString style = row.prominent ? QStringLiteral(" style=\"font-size:13pt; font-weight:bold\"") : QString();
        html += QStringLiteral("<tr><td dir=\"%1\" width=\"32%\" style=\"background-color:#eeeeee; "
                               "font-weight:bold\">%2</td><td %3%4>%5</td></tr>")
                    .arg(dir, esc(row.label), valueAttrs, style, esc(row.value));
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<p dir=\"%1\" style=\"margin-top:40px\">%2 ______________________________</p>")
                .arg(dir, esc(Receipt::tr("Applicant's signature:")));
    html += QStringLiteral("</body></html>");
    return html;
}

std::unique_ptr<QTextDocument> receiptDocument(const Receipt &r)
{
    return printableDocument(receiptHtml(r), Receipt::tr("BranchDesk receipt"));
}

void printReceipt(const Receipt &r, QPrinter *printer)
{
    const auto doc = receiptDocument(r);
    paintDocument(*doc, printer);
}

bool exportReceiptPdf(const Receipt &r, const QString &path, QString *error)
{
    return exportDocumentPdf(
        path,
        QPageLayout(QPageSize(QPageSize::A5), QPageLayout::Portrait, QMarginsF(12, 12, 12, 12),
                    QPageLayout::Millimeter),
        Receipt::tr("BranchDesk receipt"), [&] { return receiptDocument(r); },
        {Receipt::tr("No file name was given for the receipt."),
         Receipt::tr("The receipt could not be saved: %1 is a folder."),
         Receipt::tr("The receipt could not be saved as %1: the folder %2 cannot be written to."),
         Receipt::tr("The receipt could not be saved as %1: the PDF could not be written."),
         Receipt::tr("The receipt could not be saved as %1: the file could not be replaced.")},
        error);
}

} // namespace branch::ui
