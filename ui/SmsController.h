// The desk's SMS delivery: when a gateway is set up (setting sms/gatewayUrl or
// BRANCHDESK_SMS_GATEWAY; the token only from BRANCHDESK_SMS_TOKEN, never stored), the queued
// SMS go out from the desk itself, every few seconds and after a pull, through the same
// delivery as `branchctl sms send` (retries, backoff, idempotency key). (A recovery code is
// never queued: RecoveryDialog sends it at once through the same gateway.) Each run is on a
// worker thread with its own database connection, one at a time; a request during a run
// starts another right after it.
#pragma once

#include "Worker.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace branch::ui
{

class SmsController : public QObject
{
    Q_OBJECT

public:
    explicit SmsController(const QString &databasePath, QObject *parent = nullptr);
    ~SmsController() override;

    bool isConfigured() const { return !m_gatewayUrl.isEmpty(); }
    bool isRunning() const { return m_running; }
    // The last run's failure, translated (no token, gateway unreachable...); empty after a success.
    QString lastError() const { return m_lastError; }
    // Messages delivered to the gateway since the desk started.
    int sentSinceStart() const { return m_sent; }

    // Settings change and test seam: the gateway (empty: the desk sends nothing).
    void setGatewayUrl(const QString &url);
    void setInterval(std::chrono::milliseconds interval);

public slots:
    // Delivers what is due now (after the run in progress, if any).
    void sendNow();

signals:
    void stateChanged();
    // A run ended: `sent` messages reached the gateway.
    void finished(bool ok, int sent);

private:
    void onFinished(bool ok, int sent, const QString &error);

    QString m_gatewayUrl;
    QTimer m_timer;
    Worker m_worker; // a connection per run
    bool m_running = false;
    bool m_again = false;
    int m_sent = 0;
    QString m_lastError;
};

} // namespace branch::ui
