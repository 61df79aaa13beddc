// The desk's sync with the central database: on a timer and on demand (F9), on a worker
// thread with its own database connection (never the UI thread), one run at a time. It
// keeps what the status bar shows: configured or not, running, online or offline, the last
// successful sync. Offline is a normal state: the desk works on, changes wait in the outbox.
#pragma once

#include "Worker.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace branch::ui
{

class SyncController : public QObject
{
    Q_OBJECT

public:
    // `databasePath`: the branch database, opened again on the worker thread. The central
    // URL and the interval come from the settings (sync/centralUrl, sync/intervalMinutes).
    explicit SyncController(const QString &databasePath, QObject *parent = nullptr);
    ~SyncController() override;

    bool isConfigured() const { return !m_centralUrl.isEmpty(); }
    bool isRunning() const { return m_running; }
    // The last run reached the central database.
    bool isOnline() const { return m_online; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    // The last run's failure, translated (empty after a success).
    QString lastError() const { return m_lastError; }
    // The last failed run's code (empty after a good run), e.g. audit.anchor_mismatch.
    QString lastErrorCode() const { return m_lastErrorCode; }
    int lastPushed() const { return m_pushed; }
    int lastPulled() const { return m_pulled; }
    int lastConflicts() const { return m_conflicts; }

    // Test seam and settings change: the central URL (empty: sync not set up).
    void setCentralUrl(const QString &url);
    void setInterval(std::chrono::milliseconds interval);
    // The last successful sync known from the database at start (an earlier session's or
    // `branchctl sync`'s); a run of this session replaces it.
    void setLastSuccess(const QDateTime &at);

public slots:
    // Starts a run now unless one is running or sync is not set up.
    void syncNow();

signals:
    void stateChanged();
    // A run ended; `pulled` central changes arrived (the desk refreshes what it shows).
    void finished(bool ok, int pulled);

private:
    void onDone(bool ok, int pushed, int pulled, int conflicts, const QString &error, const QDateTime &at);

    Worker m_worker; // its connection kept from run to run
    QTimer m_timer;
    QString m_centralUrl;
    bool m_running = false;
    bool m_online = false;
    QDateTime m_lastSuccess;
    QString m_lastError;
    QString m_lastErrorCode;
    int m_pushed = 0, m_pulled = 0, m_conflicts = 0;
};

} // namespace branch::ui
