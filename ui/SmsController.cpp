// The desk's SMS delivery (see SmsController.h).
#include "SmsController.h"

#include "app/core/Settings.h"

#include "app/sync/SmsGateway.h"

namespace branch::ui
{

namespace
{
constexpr std::chrono::seconds kDefaultInterval{20};
}

SmsController::SmsController(const QString &databasePath, QObject *parent)
    : QObject(parent), m_worker(databasePath, {}, QStringLiteral("sms"), Worker::Connection::PerJob)
{
    connect(&m_timer, &QTimer::timeout, this, &SmsController::sendNow);
    setInterval(kDefaultInterval);
    setGatewayUrl(Settings::value(SettingKey::SmsGatewayUrl).toString().trimmed());
}

// A run in progress ends its message's transaction (each POST has a deadline); the worker
// waits for it.
SmsController::~SmsController() = default;

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
    m_worker.run([config](Context &ctx) { return deliverQueuedSms(ctx, config, QDateTime::currentDateTimeUtc()); },
                 [this](const Outcome<SmsDeliveryReport> &out) {
                     if (out.ok())
                         onFinished(true, out.value->sent, QString());
                     else
                         onFinished(false, out.failure.extra.value(QStringLiteral("sent")).toInt(),
                                    out.failure.message());
                 });
}

void SmsController::onFinished(bool ok, int sent, const QString &error)
{
    m_running = false;
    m_sent += sent;
    m_lastError = error;
    emit stateChanged();
    emit finished(ok, sent);
    if (m_again)
        sendNow();
}

} // namespace branch::ui
