// The supervisor's dashboard (see DashboardPage.h).
#include "DashboardPage.h"
#include "Bidi.h"
#include "ui_DashboardPage.h"

#include "DeskKeys.h"

#include "DashboardReport.h"
#include "SaveFileDialog.h"
#include "SyncController.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCalendar>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace branch::ui
{

namespace
{
bool isPersian()
{
    return language() == QLatin1String("fa");
}

void setUpTable(QTableWidget *t, const QStringList &headers)
{
    t->setColumnCount(int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    t->verticalHeader()->hide();
}

void addRow(QTableWidget *t, const QString &label, qint64 n)
{
    const int row = t->rowCount();
    t->insertRow(row);
    t->setItem(row, 0, new QTableWidgetItem(label));
    auto *item = new QTableWidgetItem(DashboardReport::number(n));
    item->setData(Qt::UserRole, n);
    item->setTextAlignment(kNumberAlignment);
    t->setItem(row, 1, item);
}
} // namespace

DashboardPage::DashboardPage(const QString &databasePath, const QString &branchCode, QWidget *parent)
    : QWidget(parent), m_ui(new Ui::DashboardPage), m_branchCode(branchCode),
      m_worker(databasePath, branchCode, QStringLiteral("dashboard"), Worker::Connection::PerJob), m_chart(new QChart),
      m_chartView(new QChartView(m_chart))
{
    m_ui->setupUi(this);
    useDeskKeys(this);
    m_ui->title->setText(tr("Dashboard of branch %1").arg(isPersian() ? toPersianDigits(m_branchCode) : m_branchCode));
    m_ui->message->hide();
    // The day as people count it: Jalali, in the interface's digits (QLocale::setDefault).
    m_ui->day->setCalendar(QCalendar(QCalendar::System::Jalali));
    m_ui->day->setLocale(QLocale());
    // Year first, read left to right like every date in a Persian line (۱۴۰۵/۰۹/۰۴). A
    // right-to-left QDateEdit reverses its sections when the format is set, which put the
    // year on the right: the direction is set first.
    m_ui->day->setLayoutDirection(Qt::LeftToRight);
    m_ui->day->setDisplayFormat(QStringLiteral("yyyy/MM/dd"));
    m_ui->day->setDate(now().toLocalTime().date());
    m_ui->day->setMaximumDate(QDate(2100, 1, 1));

    setUpTable(m_ui->statusTable, {tr("Status"), tr("Requests")});
    setUpTable(m_ui->staffTable, {tr("Staff member"), tr("Activations")});

    // The chart: one horizontal bar per staff member, the most active on top; in Persian the
    // bars grow from the right and the logins stand on the right, as the text reads.
    m_chart->setTitle(tr("Activations per staff member"));
    m_chart->legend()->hide();
    m_chart->setLocalizeNumbers(true);
    m_chart->setLocale(QLocale());
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_chartView->setFocusPolicy(Qt::NoFocus);
    m_chartView->setAccessibleName(tr("Activations per staff member"));
    auto *chartLayout = new QVBoxLayout(m_ui->chartArea);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_chartView);

    // F5 is the window's Refresh (Desk menu), which refreshes the page while it shows: a second
    // F5 shortcut here would make both ambiguous.
    auto *exportAction = new QAction(tr("Export daily report…"), this);
    exportAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence::Save});
    exportAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(exportAction, &QAction::triggered, this, &DashboardPage::exportReport);
    addAction(exportAction);
    auto *back = new QAction(tr("Back to search"), this);
    back->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(QKeySequence::Back)});
    back->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QAction::triggered, this, &DashboardPage::closed);
    addAction(back);
    // Ctrl+E is also "end of line" in a field under X11's key scheme: the page's export wins.
    keepShortcutsOf(this, m_ui->day);

    connect(m_ui->refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &DashboardPage::exportReport);
    connect(m_ui->backButton, &QPushButton::clicked, this, &DashboardPage::closed);
    connect(m_ui->day, &QDateEdit::userDateChanged, this, [this] {
        m_dayChosen = true;
        refresh();
    });
    m_ui->exportButton->setEnabled(false);
    setFocusProxy(m_ui->day);
}

// The worker holds only its own connection and copies; it waits for a refresh on its way.
DashboardPage::~DashboardPage() = default;

void DashboardPage::setSession(const StaffSession &session)
{
    m_session = session;
}

void DashboardPage::setSyncController(SyncController *sync)
{
    m_sync = sync;
}

void DashboardPage::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    if (!m_dayChosen) {
        const QSignalBlocker block(m_ui->day);
        m_ui->day->setDate(now().toLocalTime().date());
    }
}

QDateTime DashboardPage::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

QDate DashboardPage::day() const
{
    return m_dayChosen ? m_ui->day->date() : now().toLocalTime().date();
}

void DashboardPage::setDay(const QDate &day)
{
    m_dayChosen = true;
    const QSignalBlocker block(m_ui->day);
    m_ui->day->setDate(day);
}

QTableWidget *DashboardPage::statusTable() const
{
    return m_ui->statusTable;
}

QTableWidget *DashboardPage::staffTable() const
{
    return m_ui->staffTable;
}

QPushButton *DashboardPage::exportButton() const
{
    return m_ui->exportButton;
}

QDateEdit *DashboardPage::dayEdit() const
{
    return m_ui->day;
}

QLabel *DashboardPage::figure(const char *name) const
{
    return findChild<QLabel *>(QString::fromLatin1(name));
}

QString DashboardPage::message() const
{
    return m_ui->message->isHidden() ? QString() : m_ui->message->text();
}

void DashboardPage::setNextPdfPath(const QString &path)
{
    m_nextPdfPath = path;
}

void DashboardPage::refresh()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_ui->refreshButton->setEnabled(false);
    showMessage(tr("Computing the figures…"), false);
    if (!m_dayChosen) {
        const QSignalBlocker block(m_ui->day);
        m_ui->day->setDate(now().toLocalTime().date());
    }
    // Everything the worker needs is copied: it opens its own connection (a Database is used
    // only on the thread that opened it) and reads in one read transaction.
    m_worker.run([session = m_session, day = day(), now = now()](
                     Context &ctx) { return dashboardSnapshot(ctx, session, day, QTimeZone::systemTimeZone(), now); },
                 [this](const Outcome<DashboardSnapshot> &out) { onFinished(out); });
}

void DashboardPage::onFinished(const Outcome<DashboardSnapshot> &out)
{
    m_running = false;
    m_ui->refreshButton->setEnabled(true);
    if (m_again) {
        m_again = false;
        refresh();
        return;
    }
    if (!out.ok()) {
        showMessage(out.failure.message(), true);
        emit refreshed(false);
        return;
    }
    DashboardSnapshot s = *out.value;
    // What this desk knows about its sync runs (the database does not keep it).
    if (m_sync) {
        s.sync.known = true;
        s.sync.configured = m_sync->isConfigured();
        s.sync.online = m_sync->isOnline();
        s.sync.lastSuccess = m_sync->lastSuccess();
        s.sync.lastError = m_sync->lastError();
    }
    m_snapshot = s;
    m_ui->message->hide();
    showSnapshot(s);
    emit refreshed(true);
}

void DashboardPage::showSnapshot(const DashboardSnapshot &s)
{
    using R = DashboardReport;
    m_ui->staffActivations->setText(R::number(s.staffActivations));
    m_ui->automaticActivations->setText(R::number(s.automaticActivations));
    m_ui->waiting->setText(R::number(s.waiting));
    m_ui->oldestWaiting->setText(s.oldestWaiting ? tr("%1 — %2 (since %3)")
                                                       .arg(R::age(s.oldestWaiting->ageSeconds),
                                                            R::statusText(s.oldestWaiting->status),
                                                            R::dateTime(s.oldestWaiting->submittedAt))
                                                 : tr("none"));
    m_ui->queued->setText(R::number(s.sync.queued));
    m_ui->oldestQueued->setText(R::dateTime(s.sync.oldestQueuedAt));
    QString state = tr("unknown");
    if (s.sync.known)
        state = !s.sync.configured ? tr("not set up (this desk works offline)")
                : s.sync.online    ? tr("online")
                                   : tr("offline");
    m_ui->syncState->setText(state);
    m_ui->syncState->setToolTip(s.sync.lastError);
    m_ui->lastSync->setText(s.sync.known && s.sync.lastSuccess.isValid() ? R::dateTime(s.sync.lastSuccess)
                                                                         : tr("never"));

    m_ui->statusTable->setRowCount(0);
    for (RequestStatus st : allStatuses())
        addRow(m_ui->statusTable, R::statusText(st), s.countsByStatus.value(st));
    addRow(m_ui->statusTable, tr("Total"), s.totalRequests);
    m_ui->staffTable->setRowCount(0);
    for (const auto &a : s.activationsByStaff)
        addRow(m_ui->staffTable, a.login, a.count);

    // The chart is rebuilt: a handful of bars, cheaper than keeping axes in step.
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    auto *series = new QHorizontalBarSeries;
    m_set = new QBarSet(tr("Activations"));
    QStringList logins;
    qint64 top = 0;
    // A horizontal bar series draws its first category at the bottom: the staff go in from
    // the least to the most active, so that the most active stands on top as in the table.
    for (auto it = s.activationsByStaff.crbegin(); it != s.activationsByStaff.crend(); ++it) {
        logins << it->login;
        *m_set << qreal(it->count);
        top = std::max(top, it->count);
    }
    series->append(m_set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(0);
    m_chart->addSeries(series);
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    auto *names = new QBarCategoryAxis;
    names->append(logins.isEmpty() ? QStringList{tr("nobody")} : logins);
    auto *values = new QValueAxis;
    // Whole numbers only, a little room for the bar's label.
    const qint64 max = std::max<qint64>(1, top + (top + 4) / 5);
    values->setRange(0, qreal(max));
    if (max <= 10)
        values->setTickCount(int(max) + 1);
    else
        values->applyNiceNumbers();
    // "%.0f", not "%d": with localized numbers (Persian digits) Qt Charts reads only the
    // "%.N" forms and leaves the labels empty otherwise.
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setReverse(rtl);
    m_chart->addAxis(names, rtl ? Qt::AlignRight : Qt::AlignLeft);
    m_chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(names);
    series->attachAxis(values);
    m_chart->setTitle(tr("Activations per staff member on %1").arg(R::date(s.day)));

    m_ui->exportButton->setEnabled(true);
}

bool DashboardPage::exportReport()
{
    if (!m_snapshot) {
        showMessage(tr("There are no figures to export yet."), true);
        return false;
    }
    QString path;
    if (!m_nextPdfPath.isNull()) {
        path = m_nextPdfPath;
        m_nextPdfPath.clear();
    } else {
        path = SaveFileDialog::askPath(this, tr("Save the daily report as PDF"), dashboardReportFileName(*m_snapshot),
                                       tr("PDF files (*.pdf)"), QStringLiteral("pdf"));
        if (path.isEmpty())
            return false; // cancelled
    }
    QString error;
    if (!exportDashboardPdf(*m_snapshot, path, &error)) {
        showMessage(error, true);
        return false;
    }
    showMessage(tr("The daily report was saved as %1.").arg(shownPath(QFileInfo(path).absoluteFilePath())), false);
    emit pdfSaved(path);
    return true;
}

void DashboardPage::showMessage(const QString &text, bool error)
{
    m_ui->message->setText(text);
    m_ui->message->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
    m_ui->message->show();
}

} // namespace branch::ui
