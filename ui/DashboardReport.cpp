// The supervisor's daily report (see DashboardReport.h).
#include "DashboardReport.h"

#include "PdfFile.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMarginsF>
#include <QPageSize>
#include <QPrinter>
#include <QTextDocument>
#include <QTextOption>

namespace branch::ui
{

namespace
{
bool isPersian()
{
    return language() == QLatin1String("fa");
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

struct Row {
    QString label, value;
    bool ltrValue = false; // a login or other Latin text inside a Persian table
};

QString table(const QString &dir, const QString &head1, const QString &head2, const QList<Row> &rows)
{
    QString html = QStringLiteral("<table dir=\"%1\" width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                                  "style=\"border-collapse:collapse; border-color:#808080; border-style:solid; "
                                  "margin-bottom:12px\">")
                       .arg(dir);
    // QTextDocument does not mirror a table's columns in a right-to-left document: in Persian
    // the cells are written value first, so that the label stands on the right, read first.
    const bool rtl = dir == QLatin1String("rtl");
    const auto row = [rtl](const QString &label, const QString &value) {
        return QStringLiteral("<tr>%1</tr>").arg(rtl ? value + label : label + value);
    };
    if (!head1.isEmpty())
        html += row(QStringLiteral("<th dir=\"%1\" width=\"60%\" style=\"background-color:#dddddd\">%2</th>")
                        .arg(dir, esc(head1)),
                    QStringLiteral("<th dir=\"%1\" style=\"background-color:#dddddd\">%2</th>").arg(dir, esc(head2)));
    for (const Row &r : rows) {
        const QString valueAttrs =
            r.ltrValue && rtl ? QStringLiteral("dir=\"ltr\" align=\"right\"") : QStringLiteral("dir=\"%1\"").arg(dir);
        const QString labelAttrs =
            r.ltrValue && rtl ? QStringLiteral("dir=\"ltr\" align=\"right\"") : QStringLiteral("dir=\"%1\"").arg(dir);
        html += row(QStringLiteral("<td %1 width=\"60%\">%2</td>").arg(labelAttrs, esc(r.label)),
                    QStringLiteral("<td %1>%2</td>").arg(valueAttrs, esc(r.value)));
    }
    html += QStringLiteral("</table>");
    return html;
}
} // namespace

QString DashboardReport::number(qint64 n)
{
    return QLocale().toString(n);
}

QString DashboardReport::date(const QDate &day)
{
    return toJalaliString(day, isPersian());
}

QString DashboardReport::dateTime(const QDateTime &at)
{
    if (!at.isValid())
        return QStringLiteral("—");
    const QDateTime local = at.toLocalTime();
    const QString time = local.time().toString(QStringLiteral("HH:mm"));
    //: In the daily report: %1 is the Jalali date, %2 the time (hh:mm).
    return tr("%1, %2").arg(date(local.date()), isPersian() ? toPersianDigits(time) : time);
}

QString DashboardReport::age(qint64 seconds)
{
    const qint64 minutes = std::max<qint64>(0, seconds) / 60;
    const qint64 hours = minutes / 60, days = hours / 24;
    if (days > 0)
        //: A waiting time: %1 days and %2 hours.
        return tr("%1 d %2 h").arg(number(days), number(hours % 24));
    if (hours > 0)
        //: A waiting time: %1 hours and %2 minutes.
        return tr("%1 h %2 min").arg(number(hours), number(minutes % 60));
    //: A waiting time in minutes.
    return tr("%1 min").arg(number(minutes));
}

QString DashboardReport::statusText(RequestStatus s)
{
    return statusLabel(s);
}

QString dashboardReportHtml(const DashboardSnapshot &s)
{
    using R = DashboardReport;
    const bool persian = isPersian();
    const QString dir = persian ? QStringLiteral("rtl") : QStringLiteral("ltr");
    const QString branch = persian ? toPersianDigits(s.branchCode) : s.branchCode;

    QString html;
    html += QStringLiteral("<html><head><meta charset=\"utf-8\"/></head><body dir=\"%1\">").arg(dir);
    html += QStringLiteral("<p dir=\"%1\" align=\"center\" style=\"font-size:15pt; font-weight:bold; "
                           "margin-bottom:2px\">%2</p>")
                .arg(dir, esc(DashboardReport::tr("Social Security Organization")));
    html += QStringLiteral("<p dir=\"%1\" align=\"center\" style=\"font-size:13pt; margin:0\">%2</p>")
                .arg(dir, esc(DashboardReport::tr("Daily report of branch %1").arg(branch)));
    html += QStringLiteral("<p dir=\"%1\" align=\"center\" style=\"font-size:13pt; font-weight:bold; margin-top:4px; "
                           "margin-bottom:4px\">%2</p>")
                .arg(dir, esc(R::date(s.day)));
    html += QStringLiteral("<p dir=\"%1\" align=\"center\" style=\"font-size:9pt; color:#555555; margin-top:0; "
                           "margin-bottom:12px\">%2</p>")
                .arg(dir, esc(DashboardReport::tr("Figures as of %1").arg(R::dateTime(s.computedAt))));

    auto heading = [&](const QString &text) {
        return QStringLiteral("<p dir=\"%1\" style=\"font-size:12pt; font-weight:bold; margin-top:8px; "
                              "margin-bottom:4px\">%2</p>")
            .arg(dir, esc(text));
    };

    // The day at a glance.
    QList<Row> glance;
    glance.append({DashboardReport::tr("Activations by staff"), R::number(s.staffActivations)});
    glance.append({DashboardReport::tr("Automatic activations (verification)"), R::number(s.automaticActivations)});
    glance.append({DashboardReport::tr("Waiting requests"), R::number(s.waiting)});
    glance.append({DashboardReport::tr("Oldest waiting case"),
                   s.oldestWaiting
                       ? DashboardReport::tr("%1 (%2, since %3)")
                             .arg(R::age(s.oldestWaiting->ageSeconds), R::statusText(s.oldestWaiting->status),
                                  R::dateTime(s.oldestWaiting->submittedAt))
                       : DashboardReport::tr("none")});
    html += heading(DashboardReport::tr("The day at a glance"));
    html += table(dir, {}, {}, glance);

    // Activations per staff member.
    html += heading(DashboardReport::tr("Activations per staff member"));
    QList<Row> staff;
    for (const auto &a : s.activationsByStaff)
        staff.append({a.login, R::number(a.count), true});
    if (staff.isEmpty())
        html += QStringLiteral("<p dir=\"%1\">%2</p>")
                    .arg(dir, esc(DashboardReport::tr("No activation by staff on this day.")));
    else
        html += table(dir, DashboardReport::tr("Staff member"), DashboardReport::tr("Activations"), staff);

    // Requests per status (the whole branch database, not only this day).
    html += heading(DashboardReport::tr("Requests per status (all days)"));
    QList<Row> statuses;
    for (auto it = s.countsByStatus.begin(); it != s.countsByStatus.end(); ++it)
        statuses.append({R::statusText(it.key()), R::number(it.value())});
    statuses.append({DashboardReport::tr("Total"), R::number(s.totalRequests)});
    html += table(dir, DashboardReport::tr("Status"), DashboardReport::tr("Requests"), statuses);

    // Sync.
    html += heading(DashboardReport::tr("Sync with the central database"));
    QList<Row> sync;
    sync.append({DashboardReport::tr("Changes waiting to be sent"), R::number(s.sync.queued)});
    sync.append({DashboardReport::tr("Oldest waiting change"), R::dateTime(s.sync.oldestQueuedAt)});
    if (s.sync.known) {
        sync.append({DashboardReport::tr("State"), !s.sync.configured ? DashboardReport::tr("not set up")
                                                   : s.sync.online    ? DashboardReport::tr("online")
                                                                      : DashboardReport::tr("offline")});
        sync.append({DashboardReport::tr("Last successful sync"), R::dateTime(s.sync.lastSuccess)});
        if (!s.sync.lastError.isEmpty())
            sync.append({DashboardReport::tr("Last error"), s.sync.lastError});
    }
    html += table(dir, {}, {}, sync);
    html += QStringLiteral("</body></html>");
    return html;
}

std::unique_ptr<QTextDocument> dashboardReportDocument(const DashboardSnapshot &s)
{
    return printableDocument(dashboardReportHtml(s), DashboardReport::tr("BranchDesk daily report"));
}

QString dashboardReportFileName(const DashboardSnapshot &s)
{
    QString code;
    for (const QChar c : normalizeDigits(s.branchCode))
        if (c >= u'0' && c <= u'9')
            code += c;
    return QStringLiteral("daily-report-%1-%2.pdf")
        .arg(code.isEmpty() ? QStringLiteral("branch") : code, s.day.toString(Qt::ISODate));
}

bool exportDashboardPdf(const DashboardSnapshot &s, const QString &path, QString *error)
{
    return exportDocumentPdf(
        path,
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                    QPageLayout::Millimeter),
        DashboardReport::tr("BranchDesk daily report"), [&] { return dashboardReportDocument(s); },
        {DashboardReport::tr("No file name was given for the report."),
         DashboardReport::tr("The report could not be saved: %1 is a folder."),
         DashboardReport::tr("The report could not be saved as %1: the folder %2 cannot be written to."),
         DashboardReport::tr("The report could not be saved as %1: the PDF could not be written."),
         DashboardReport::tr("The report could not be saved as %1: the file could not be replaced.")},
        error);
}

} // namespace branch::ui
