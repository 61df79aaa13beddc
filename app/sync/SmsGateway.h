// SMS delivery: posts the queued SMS (sms_messages) to the organisation's HTTP gateway, one
// at a time, with retries, backoff and an idempotency key per message.
//
// Why it is safe against crashes and timeouts:
// - The idempotency key is the message's id (a UUID, stable for the message's life). It goes
//   in the `Idempotency-Key` header and in the body; the gateway de-duplicates on it, so any
//   re-send (after a timeout, a dropped connection or a killed process, when the gateway may
//   already have the message) reaches the phone once. Delivery to the gateway is therefore
//   at-least-once, and to the phone exactly-once.
// - Each message is claimed (status "sending", with a lease) in its own transaction before
//   the POST, and its outcome is written in another transaction after it. A process killed
//   in between leaves "sending": once the lease has run out, the next run sends it again with
//   the same key. Nothing is marked sent without a complete 2xx answer; on any doubt the
//   message is retried, never dropped. (Qt itself also re-sends, once, a request whose new
//   connection closed before any answer: the same request, the same key.)
// - Outcomes: 2xx → sent; 408, 429, 5xx, timeout, network error, a malformed answer → back to
//   queued, attempts + 1, not before now + backoff (30 s · 2^(attempts − 1), at most 1 h, or
//   the gateway's Retry-After); other 4xx, or the last allowed attempt failing → failed
//   (kept, visible in `sms list`, never retried by itself); 401/403 → the token is refused:
//   the run stops and the message stays queued as it was (a configuration problem is not the
//   message's fault).
// - A recovery code never enters this queue: GatewaySmsSender below sends it at once, when
//   it is made (one POST, the same request), and only an empty-text row of it is kept. A
//   queued text of that kind (left by an older version; db/local/007 wipes those) is still
//   wiped when the message reaches a final state, in the same transaction, and in the
//   outbox rows not yet pushed.
// Texts, mobiles and the token are never logged or audited; audit details carry the
// message id, its kind, the attempt count and a technical error class.
#pragma once

#include "app/lifecycle/Recovery.h"
#include "app/lifecycle/Service.h"

#include <QByteArray>
#include <QUrl>

namespace branch
{

// The environment variable holding the gateway's bearer token.
inline constexpr char kSmsTokenVariable[] = "BRANCHDESK_SMS_TOKEN";

struct SmsGatewayConfig {
    QUrl url;              // http:// or https://; the messages are POSTed to it as JSON
    QByteArray token;      // sent as "Authorization: Bearer <token>"; never printed
    int timeoutMs = 10000; // per request, connection to last byte; a hanging gateway is abandoned
    int limit = 500;       // at most this many messages per run
    int maxAttempts = 8;   // after this many failed attempts a message is marked failed
    int backoffBaseSeconds = 30;
    int backoffCapSeconds = 3600;
    // This many network-level failures in a row (refused, unreachable, timeout) end the run
    // early: the gateway is down, and waiting a timeout per message would only delay the
    // command. The messages not tried stay queued as they were.
    int unreachableStreak = 3;
};

struct SmsDeliveryReport {
    int sent = 0;     // delivered to the gateway (2xx) in this run
    int retrying = 0; // back in the queue with a backoff
    int failed = 0;   // permanently refused in this run
    int deferred = 0; // due, but not tried because the run stopped early
};

// The gateway's address: https:// (Qt checks the certificate and the host name), or plain
// http:// only to a loopback address (localhost, 127.0.0.0/8, ::1). No user:password@.
bool smsGatewayUrlAllowed(const QUrl &url);
// That rule as a sentence for people (gateway.bad_url, and --gateway's usage error).
QString smsGatewayUrlRule();

// What one HTTP answer (or its absence) means for a message.
enum class SmsVerdict { Delivered, Retry, Permanent, Unauthorized };
SmsVerdict smsVerdictForStatus(int httpStatus);

// Seconds to wait before the next attempt, after `attempts` failed ones (>= 1).
int smsBackoffSeconds(int attempts, const SmsGatewayConfig &config);

// The gateway set up for this desk or command: the URL from the setting sms/gatewayUrl or
// BRANCHDESK_SMS_GATEWAY (empty: none), the token from BRANCHDESK_SMS_TOKEN only.
SmsGatewayConfig smsGatewayFromSettings();

// The recovery code's sender (app/lifecycle/Recovery.h): one POST to the gateway, the same
// request the queued delivery makes (body, bearer token, idempotency key), within the
// config's timeout, no retry. No URL or token, a network error, a timeout, any answer but a
// complete 2xx naming our key: recovery.sms_unavailable, with a technical class in
// extra["reason"] ("not_configured", "timeout", "http 500", ...). Nothing is logged.
class GatewaySmsSender : public SmsSender
{
public:
    explicit GatewaySmsSender(SmsGatewayConfig config);
    ~GatewaySmsSender() override;
    Outcome<QString> send(const db::SmsRecord &message) override;

private:
    SmsGatewayConfig m_config;
};

// The "sending" claim lasts the request's timeout plus this margin; a run finding a message
// "sending" after that takes it over (the process that claimed it is gone).
inline constexpr int kSmsLeaseMarginSeconds = 60;

// Sends the due messages (queued and out of backoff, or left "sending" past their lease),
// oldest first. `now` is the run's start; each message's times are now + the time elapsed.
// Failures: gateway.no_token, gateway.bad_url (configuration), gateway.unreachable (every
// message tried met a network-level error; they all stay queued), gateway.unauthorized;
// all of Kind::Environment, with the figures in `extra` ({"sent", "retrying", ...}).
Outcome<SmsDeliveryReport> deliverQueuedSms(Context &ctx, const SmsGatewayConfig &config, const QDateTime &now);

} // namespace branch
