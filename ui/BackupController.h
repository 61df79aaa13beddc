// The desk's own backups (issue 15): every backup/intervalMinutes while changes wait to be
// sent, on demand (Desk → Back up now), and before the desk closes or signs out when
// changes wait and no backup is recent. Each run is makeBackup on a worker thread (its own
// database connection), one at a time, its progress in percent; the UI thread never waits
// on the copy except when closing (waitForIdle).
#pragma once

#include "app/lifecycle/Backup.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>

namespace branch::ui
{

class BackupController : public QObject
{
    Q_OBJECT

public:
    // `databasePath`: the branch database; the folder, interval and policy from the settings.
    explicit BackupController(const QString &databasePath, QObject *parent = nullptr);
    ~BackupController() override;

    QString folder() const { return m_folder; }
    // A dead disk takes both the database and its backups.
    bool sharesTheDatabaseDisk() const;
    bool isRunning() const { return m_watcher.isRunning(); }
    int progressPercent() const { return m_percent; }
    QDateTime lastBackup() const { return m_lastBackup; }
    QString lastError() const { return m_lastError; }
    // A backup newer than the interval exists (none is due yet).
    bool isRecent(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // Test seams and settings: the folder, the interval, the time of the last backup known
    // from the database at start, who is at the desk (the actor audited).
    void setFolder(const QString &folder);
    void setInterval(std::chrono::milliseconds interval);
    void setLastBackup(const QDateTime &at);
    void setActor(const QString &login);
    // Whether changes wait to be sent (the desk tells it after each action and refresh).
    void setChangesWaiting(bool waiting);

public slots:
    // Starts a backup now unless one runs.
    void backUpNow();
    // Starts one when changes wait and the last backup is older than the interval.
    void backUpIfDue();

public:
    // Blocks (the event loop runs) until no backup runs. The close and sign-out path.
    void waitForIdle();

signals:
    void stateChanged();
    void finished(bool ok, const QString &message);

private:
    void onFinished();

    QString m_databasePath;
    QString m_folder;
    QString m_actor;
    BackupPolicy m_policy;
    std::chrono::milliseconds m_interval;
    QTimer m_timer;
    QFutureWatcher<Outcome<BackupMade>> m_watcher;
    std::atomic<int> m_progress{0};
    int m_percent = 0;
    QDateTime m_lastBackup;
    QString m_lastError;
    bool m_waiting = false;
};

} // namespace branch::ui
