// The supervisor's dashboard: for one day of the branch (today unless another is chosen),
// activations per staff member (figures, a bar chart, a table), the waiting requests and
// the age of the oldest, requests per status, and what waits to be synced; "Export daily
// report…" writes the same as a PDF. The figures are computed on a worker thread with its
// own database connection (ui/Worker), so the desk never waits for them; F5 (the window's
// Refresh) refreshes, Ctrl+E or Ctrl+S exports, Esc goes back to the search. Shown to supervisors only; the service
// checks the role again.
#pragma once

#include "Worker.h"

#include "app/lifecycle/Dashboard.h"
#include "app/lifecycle/Staff.h"

#include <QPointer>
#include <QScopedPointer>
#include <QWidget>

#include <functional>

namespace Ui
{
class DashboardPage;
}

class QBarSet;
class QChart;
class QChartView;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace branch::ui
{

class SyncController;

class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    DashboardPage(const QString &databasePath, const QString &branchCode, QWidget *parent = nullptr);
    ~DashboardPage() override;

    void setSession(const StaffSession &session);
    // Where the sync state (online, last sync, last error) comes from; may be null.
    void setSyncController(SyncController *sync);
    // Test seam: the clock ("now", UTC) the figures are computed for; the default is the
    // current time. The day shown follows it until another day is chosen.
    void setClock(std::function<QDateTime()> clock);

    QDate day() const;
    void setDay(const QDate &day);
    // The last figures shown; valid after the first refreshed(true).
    bool hasSnapshot() const { return m_snapshot.has_value(); }
    const DashboardSnapshot &snapshot() const { return *m_snapshot; }
    bool isBusy() const { return m_running; }

    QChart *chart() const { return m_chart; }
    // The chart's one bar set: activations per staff member, from the bottom bar up (the
    // table's order reversed: the most active is drawn on top).
    QBarSet *activationsSet() const { return m_set; }
    QTableWidget *statusTable() const;
    QTableWidget *staffTable() const;
    QPushButton *exportButton() const;
    QDateEdit *dayEdit() const;
    // A figure label by its name: staffActivations, automaticActivations, waiting,
    // oldestWaiting, syncState, queued, oldestQueued, lastSync.
    QLabel *figure(const char *name) const;
    // The line under the header (working, the last export's outcome, an error).
    QString message() const;

    // Test seam: the next exportReport() writes to `path` instead of asking with a file dialog.
    void setNextPdfPath(const QString &path);

public slots:
    // Computes the figures again; a refresh asked while one runs follows it.
    void refresh();
    // Asks for a path (or takes the one set by setNextPdfPath) and writes the daily report
    // of the figures shown. False when cancelled, when nothing is shown yet or when writing
    // failed; the failure is shown on the page.
    bool exportReport();

signals:
    // A refresh ended; `ok` false with the reason in message().
    void refreshed(bool ok);
    void pdfSaved(const QString &path);
    // Esc or "Back to search".
    void closed();

private:
    void onFinished(const Outcome<DashboardSnapshot> &out);
    void showSnapshot(const DashboardSnapshot &s);
    void showMessage(const QString &text, bool error);
    QDateTime now() const;

    const QScopedPointer<Ui::DashboardPage> m_ui;
    const QString m_branchCode;
    StaffSession m_session;
    QPointer<SyncController> m_sync;
    std::function<QDateTime()> m_clock;
    bool m_dayChosen = false;
    bool m_running = false, m_again = false;
    Worker m_worker; // a connection per refresh
    std::optional<DashboardSnapshot> m_snapshot;
    QChart *m_chart;
    QChartView *m_chartView;
    QBarSet *m_set = nullptr;
    QString m_nextPdfPath;
};

} // namespace branch::ui
