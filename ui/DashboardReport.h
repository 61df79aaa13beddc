// The supervisor's daily report: the dashboard's figures as one HTML document for the
// screen's texts and the PDF (A4), in the interface language (fa: right to left, Persian
// digits, Jalali dates). Counts, staff logins and times only: no applicant's name, code or
// mobile is ever put in it.
#pragma once

#include "app/lifecycle/Dashboard.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QTextDocument;

namespace branch::ui
{

struct DashboardReport {
    Q_DECLARE_TR_FUNCTIONS(branch::ui::DashboardReport)

public:
    // A count as people read it (Persian digits and separators in fa).
    static QString number(qint64 n);
    // "1405/09/04" in the interface's digits.
    static QString date(const QDate &day);
    // "1405/09/04, 14:05" in local time; "—" for an invalid time.
    static QString dateTime(const QDateTime &at);
    // How long a case has waited: "3 d 4 h", "5 h 20 min", "12 min".
    static QString age(qint64 seconds);
    // "Activated"-style label of a status for the report and the page.
    static QString statusText(RequestStatus s);
};

// The report as HTML, every piece of data escaped; dir="rtl" in Persian.
QString dashboardReportHtml(const DashboardSnapshot &s);

// The report as a document whose default text direction follows the language.
std::unique_ptr<QTextDocument> dashboardReportDocument(const DashboardSnapshot &s);

// Writes the report as a PDF (A4 portrait) to `path`, beside it first and moved into place
// when complete (nothing half-written, an existing file untouched on failure). On failure
// *error (if given) receives a translated message.
[[nodiscard]] bool exportDashboardPdf(const DashboardSnapshot &s, const QString &path, QString *error);

// daily-report-<branch>-<yyyy-MM-dd>.pdf (the Gregorian date: ASCII, sortable).
QString dashboardReportFileName(const DashboardSnapshot &s);

} // namespace branch::ui
