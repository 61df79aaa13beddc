// The desk's background sync (see SyncController.h).
#include "SyncController.h"

#include "app/core/Settings.h"

#include "app/sync/CentralAdmin.h"
#include "app/sync/SyncEngine.h"
#include "app/sync/SyncStatus.h"
#include "db/Repository.h"

namespace branch::ui
{

struct SyncWorker::State {
    std::unique_ptr<db::Database> db;
};

SyncWorker::SyncWorker(const QString &databasePath) : m_path(databasePath) {}

SyncWorker::~SyncWorker()
{
    delete m_state;
}

void SyncWorker::run(const QString &centralUrl)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_state) {
        db::DbError error;
        auto db = db::Database::open(m_path, db::Database::OpenMode::MustExist, &error);
        if (!db) {
            emit done(false, 0, 0, 0, describeDbError(error), now);
            return;
        }
        m_state = new State{std::move(db)};
    }
    auto url = parseCentralUrl(centralUrl);
    if (!url.ok()) {
        emit done(false, 0, 0, 0, url.failure.message(), now);
        return;
    }
    try {
        Context ctx{*m_state->db, db::metaValue(*m_state->db, QStringLiteral("branch_code"))};
        auto out = syncWithCentral(ctx, *url.value, now);
        if (!out.ok()) {
            emit done(false, 0, 0, 0, out.failure.message(), now);
            return;
        }
        recordSyncSuccess(ctx, now);
        emit done(true, out.value->pushed, out.value->pulled, out.value->conflicts, QString(), now);
    } catch (const db::DbException &e) {
        emit done(false, 0, 0, 0, describeDbError(e.error()), now);
    }
}

SyncController::SyncController(const QString &databasePath, QObject *parent)
    : QObject(parent), m_worker(new SyncWorker(databasePath))
{
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::done, this, &SyncController::onDone);
    m_thread.setObjectName(QStringLiteral("sync"));
    m_thread.start();
    connect(&m_timer, &QTimer::timeout, this, &SyncController::syncNow);
    setInterval(Settings::syncInterval());
    setCentralUrl(Settings::value(SettingKey::SyncCentralUrl).toString().trimmed());
}

SyncController::~SyncController()
{
    // A run in progress finishes its transaction; the thread then ends.
    m_thread.quit();
    m_thread.wait();
}

void SyncController::setCentralUrl(const QString &url)
{
    m_centralUrl = url;
    if (isConfigured())
        m_timer.start();
    else
        m_timer.stop();
    emit stateChanged();
}

void SyncController::setLastSuccess(const QDateTime &at)
{
    m_lastSuccess = at;
    emit stateChanged();
}

void SyncController::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void SyncController::syncNow()
{
    if (m_running || !isConfigured())
        return;
    m_running = true;
    emit stateChanged();
    QMetaObject::invokeMethod(m_worker, "run", Qt::QueuedConnection, Q_ARG(QString, m_centralUrl));
}

void SyncController::onDone(bool ok, int pushed, int pulled, int conflicts, const QString &error, const QDateTime &at)
{
    m_running = false;
    m_online = ok;
    m_lastError = error;
    if (ok) {
        m_lastSuccess = at;
        m_pushed = pushed;
        m_pulled = pulled;
        m_conflicts = conflicts;
    }
    emit stateChanged();
    emit finished(ok, pulled);
}

} // namespace branch::ui
