// The desk's own backups (see BackupController.h).
#include "BackupController.h"

#include "app/core/Settings.h"

#include <QEventLoop>
#include <QtConcurrent/QtConcurrentRun>

namespace branch::ui
{

BackupController::BackupController(const QString &databasePath, QObject *parent)
    : QObject(parent), m_databasePath(databasePath), m_folder(backupFolderFromSettings(databasePath)),
      m_policy(backupPolicyFromSettings()), m_interval(Settings::backupInterval())
{
    m_timer.setInterval(m_interval);
    connect(&m_timer, &QTimer::timeout, this, &BackupController::backUpIfDue);
    connect(&m_watcher, &QFutureWatcher<Outcome<BackupMade>>::finished, this, &BackupController::onFinished);
    // The worker's progress, read on the UI thread a few times a second while a copy runs.
    auto *poll = new QTimer(this);
    poll->setInterval(200);
    connect(poll, &QTimer::timeout, this, [this, poll] {
        if (!m_watcher.isRunning()) {
            poll->stop();
            return;
        }
        const int p = m_progress.load();
        if (p != m_percent) {
            m_percent = p;
            emit stateChanged();
        }
    });
    connect(this, &BackupController::stateChanged, poll, [this, poll] {
        if (m_watcher.isRunning() && !poll->isActive())
            poll->start();
    });
    m_timer.start();
}

BackupController::~BackupController()
{
    // A copy running at exit finishes (its connections are its own); waiting here keeps
    // the watcher from outliving the copy's result.
    m_watcher.waitForFinished();
}

bool BackupController::sharesTheDatabaseDisk() const
{
    return onSameDisk(m_databasePath, m_folder);
}

bool BackupController::isRecent(const QDateTime &now) const
{
    return m_lastBackup.isValid() && m_lastBackup.msecsTo(now) < qint64(m_interval.count());
}

void BackupController::setFolder(const QString &folder)
{
    m_folder = folder;
    emit stateChanged();
}

void BackupController::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    m_timer.setInterval(interval);
}

void BackupController::setLastBackup(const QDateTime &at)
{
    m_lastBackup = at;
    emit stateChanged();
}

void BackupController::setActor(const QString &login)
{
    m_actor = login;
}

void BackupController::setChangesWaiting(bool waiting)
{
    m_waiting = waiting;
}

void BackupController::backUpIfDue()
{
    if (m_waiting && !isRecent())
        backUpNow();
}

void BackupController::backUpNow()
{
    if (m_watcher.isRunning())
        return;
    m_progress = 0;
    m_percent = 0;
    m_lastError.clear();
    const QString path = m_databasePath, folder = m_folder, actor = m_actor;
    const BackupPolicy policy = m_policy;
    std::atomic<int> *progress = &m_progress;
    m_watcher.setFuture(QtConcurrent::run([path, folder, actor, policy, progress] {
        return makeBackup(path, folder, actor, QDateTime::currentDateTimeUtc(), policy,
                          [progress](qint64 done, qint64 total) {
                              progress->store(total > 0 ? int(done * 100 / total) : 100);
                              return true;
                          });
    }));
    emit stateChanged();
}

void BackupController::waitForIdle()
{
    if (!m_watcher.isRunning())
        return;
    QEventLoop loop;
    connect(this, &BackupController::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

void BackupController::onFinished()
{
    const Outcome<BackupMade> r = m_watcher.result();
    if (r.ok()) {
        m_lastBackup = r.value->file.takenAt;
        m_percent = 100;
    } else {
        m_lastError = r.failure.message();
    }
    emit stateChanged();
    emit finished(r.ok(), r.ok() ? QString() : m_lastError);
}

} // namespace branch::ui
