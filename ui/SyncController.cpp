// The desk's background sync (see SyncController.h).
#include "SyncController.h"

#include "app/core/Settings.h"

#include "app/sync/CentralAdmin.h"
#include "app/sync/SyncEngine.h"
#include "app/sync/SyncStatus.h"

namespace branch::ui
{

SyncController::SyncController(const QString &databasePath, QObject *parent)
    : QObject(parent), m_worker(databasePath, {}, QStringLiteral("sync"), Worker::Connection::Kept)
{
    connect(&m_timer, &QTimer::timeout, this, &SyncController::syncNow);
    setInterval(Settings::syncInterval());
    setCentralUrl(Settings::value(SettingKey::SyncCentralUrl).toString().trimmed());
}

// A run in progress finishes its transaction (the worker waits for it); the thread then ends.
SyncController::~SyncController() = default;

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
    // The run's time is taken when it starts, on the worker thread.
    auto at = std::make_shared<QDateTime>();
    m_worker.run(
        [centralUrl = m_centralUrl, at](Context &ctx) -> Outcome<SyncResult> {
            *at = QDateTime::currentDateTimeUtc();
            auto url = parseCentralUrl(centralUrl);
            if (!url.ok())
                return url.failure;
            auto out = syncWithCentral(ctx, *url.value, *at);
            if (out.ok())
                recordSyncSuccess(ctx, *at);
            return out;
        },
        [this, at](const Outcome<SyncResult> &out) {
            m_lastErrorCode = out.ok() ? QString() : out.failure.violations.value(0).code;
            if (out.ok())
                onDone(true, out.value->pushed, out.value->pulled, out.value->conflicts, QString(), *at);
            else
                onDone(false, 0, 0, 0, out.failure.message(), *at);
        });
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
