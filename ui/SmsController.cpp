// The desk's SMS delivery (see SmsController.h).
#include "SmsController.h"

#include "app/core/Settings.h"

#include "app/sync/SmsGateway.h"
#include "db/Repository.h"

#include <QtConcurrent/QtConcurrentRun>

namespace branch::ui
{

namespace
{
constexpr std::chrono::seconds kDefaultInterval{20};
}

SmsController::SmsController(const QString &databasePath, QObject *parent)
    : QObject(parent), m_databasePath(databasePath)
{
    connect(&m_timer, &QTimer::timeout, this, &SmsController::sendNow);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &SmsController::onFinished);
    setInterval(kDefaultInterval);
    setGatewayUrl(Settings::value(SettingKey::SmsGatewayUrl).toString().trimmed());
}

SmsController::~SmsController()
{
    // A run in progress ends its message's transaction (each POST has a deadline).
    m_watcher.waitForFinished();
}

void SmsController::setGatewayUrl(const QString &url)
{
    m_gatewayUrl = url;
    if (isConfigured())
        m_timer.start();
    else
        m_timer.stop();
    emit stateChanged();
}

void SmsController::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void SmsController::sendNow()
{
    if (!isConfigured())
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    emit stateChanged();
    SmsGatewayConfig config;
    config.url = QUrl(m_gatewayUrl);
    config.token = qgetenv(kSmsTokenVariable); // from the environment only, never from the settings file
    m_watcher.setFuture(QtConcurrent::run([path = m_databasePath, config]() -> RunResult {
        db::DbError error;
        auto db = db::Database::open(path, db::Database::OpenMode::MustExist, &error);
        if (!db)
            return {false, 0, describeDbError(error)};
        try {
            Context ctx{*db, db::metaValue(*db, QStringLiteral("branch_code"))};
            const auto out = deliverQueuedSms(ctx, config, QDateTime::currentDateTimeUtc());
            if (!out.ok())
                return {false, out.failure.extra.value(QStringLiteral("sent")).toInt(), out.failure.message()};
            return {true, out.value->sent, QString()};
        } catch (const db::DbException &e) {
            return {false, 0, describeDbError(e.error())};
        }
    }));
}

void SmsController::onFinished()
{
    const RunResult r = m_watcher.result();
    m_running = false;
    m_sent += r.sent;
    m_lastError = r.error;
    emit stateChanged();
    emit finished(r.ok, r.sent);
    if (m_again)
        sendNow();
}

} // namespace branch::ui
