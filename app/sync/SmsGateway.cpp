// SMS delivery to the HTTP gateway: claim, POST, outcome; see SmsGateway.h for the rules.
#include "SmsGateway.h"

#include "app/core/Settings.h"
#include "app/lifecycle/Recovery.h"
#include "app/lifecycle/SmsTexts.h"
#include "app/security/SecretHash.h"
#include "db/SmsRepository.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

namespace branch
{

namespace
{

const QString kActor = QStringLiteral("system");

// The text a secret-bearing message keeps once it is final: nothing. Its kind says what it was.
const QString kWipedText = QStringLiteral("");

struct HttpAnswer {
    int status = 0;       // the HTTP status, 0 when none arrived
    bool network = false; // refused, unreachable, closed early, timed out: no complete answer
    bool timedOut = false;
    int qtError = 0; // QNetworkReply::NetworkError, for last_error
    QByteArray body; // read only for the gateway's id; never stored or logged
    int retryAfterSeconds = -1;
};

// One POST with a hard deadline. A fresh QNetworkAccessManager per message, so no
// connection is re-used: a gateway that answers twice cannot have its second answer taken
// for the next message's.
HttpAnswer post(const SmsGatewayConfig &config, const QByteArray &key, const QByteArray &body)
{
    QNetworkAccessManager nam;
    nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // a POST is never silently re-sent elsewhere
    QNetworkRequest req(config.url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader(QByteArrayLiteral("Idempotency-Key"), key);
    req.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    QByteArray auth = QByteArrayLiteral("Bearer ") + config.token;
    req.setRawHeader(QByteArrayLiteral("Authorization"), auth);
    security::wipe(auth); // Qt keeps its own copy inside the request; ours goes now
    req.setRawHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    HttpAnswer a;
    std::unique_ptr<QNetworkReply> reply(nam.post(req, body));
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        a.timedOut = true;
        reply->abort(); // emits finished
    });
    deadline.start(std::max(1, config.timeoutMs));
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    deadline.stop();

    a.qtError = int(reply->error());
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Errors below 200 are the transport's (connection, proxy, TLS, cancel); from 200 on
    // Qt reports an HTTP status it received, which the status itself describes.
    const bool transport = reply->error() != QNetworkReply::NoError && a.qtError < 200;
    a.network = a.timedOut || transport;
    // A status line without its complete answer proves nothing. (Without a transport error
    // and without a status, the gateway spoke something other than HTTP: status 0, retried.)
    if (a.network)
        a.status = 0;
    if (a.status != 0) {
        a.body = reply->readAll().left(64 * 1024);
        bool ok = false;
        const int ra = reply->rawHeader(QByteArrayLiteral("Retry-After")).trimmed().toInt(&ok);
        if (ok && ra >= 0)
            a.retryAfterSeconds = ra;
    }
    return a;
}

QString errorClass(const HttpAnswer &a)
{
    if (a.timedOut)
        return QStringLiteral("timeout");
    if (a.network)
        return QStringLiteral("network %1").arg(a.qtError);
    if (a.status == 0)
        return QStringLiteral("protocol %1").arg(a.qtError);
    return QStringLiteral("http %1").arg(a.status);
}

QByteArray requestBody(const db::SmsRecord &s)
{
    const QJsonObject o{{QStringLiteral("idempotency_key"), s.id},
                        {QStringLiteral("id"), s.id},
                        {QStringLiteral("to"), s.mobile},
                        {QStringLiteral("text"), s.text},
                        {QStringLiteral("kind"), s.kind},
                        {QStringLiteral("branch_code"), s.branchCode},
                        {QStringLiteral("created_at"), db::isoUtc(s.createdAt)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The gateway's id for the message, from a 2xx answer ("id" or "message_id").
QString gatewayIdOf(const HttpAnswer &a)
{
    const QJsonObject reply = QJsonDocument::fromJson(a.body).object();
    QString id = reply.value(QStringLiteral("id")).toString();
    if (id.isEmpty())
        id = reply.value(QStringLiteral("message_id")).toString();
    return id.left(200);
}

// A gateway that names the key it answers for must name ours.
bool answersFor(const HttpAnswer &a, const QString &key)
{
    const QString echoed = QJsonDocument::fromJson(a.body).object().value(QStringLiteral("idempotency_key")).toString();
    return echoed.isEmpty() || echoed == key;
}

} // namespace

bool smsGatewayUrlAllowed(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true; // Qt verifies the certificate and the host name (nothing here turns it off)
    if (url.scheme() != QLatin1String("http"))
        return false;
    // Plain HTTP carries the token and the texts in the clear: only to this computer.
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

namespace
{
bool usableUrl(const QUrl &url)
{
    return smsGatewayUrlAllowed(url);
}

// The final states; a claim or an outcome never overwrites them.
bool isFinal(const QString &status)
{
    return status == QLatin1String("sent") || status == QLatin1String("failed");
}

bool isDue(const db::SmsRecord &s, const QDateTime &t)
{
    if (s.status != QLatin1String("queued") && s.status != QLatin1String("sending"))
        return false;
    return !s.nextAttemptAt.isValid() || s.nextAttemptAt <= t;
}

Failure gatewayFailure(const QString &code, const QString &message, const SmsDeliveryReport &r)
{
    Failure f{Failure::Kind::Environment, {Violation{QStringLiteral("gateway"), code, message}}, {}};
    f.extra = {{QStringLiteral("sent"), r.sent},
               {QStringLiteral("retrying"), r.retrying},
               {QStringLiteral("failed"), r.failed},
               {QStringLiteral("deferred"), r.deferred}};
    return f;
}

enum class Claim { Taken, Skipped };

// Marks the message "sending" (with its lease) if it is still due; another run may have
// taken it since it was listed.
Outcome<Claim> claim(Context &ctx, const QString &id, const QDateTime &t, const SmsGatewayConfig &config,
                     db::SmsRecord *out)
{
    return inTransaction<Claim>(ctx, [&]() -> Outcome<Claim> {
        auto s = db::findSms(ctx.db, id);
        if (!s || !isDue(*s, t))
            return Claim::Skipped;
        *out = *s; // as it was before the claim: its status tells whether a crash left it
        s->status = QStringLiteral("sending");
        s->nextAttemptAt = t.addMSecs(qint64(config.timeoutMs) + kSmsLeaseMarginSeconds * 1000LL);
        db::updateSmsDelivery(ctx.db, *s);
        return Claim::Taken;
    });
}

// Writes the outcome of one POST in one transaction: the row, and for a final state its
// outbox row (the message travels) and the wiped secret; the audit entry every time.
// Returns the status written, or an empty string when another run had finished the message.
Outcome<QString> settle(Context &ctx, const db::SmsRecord &before, SmsVerdict verdict, const HttpAnswer &answer,
                        const QDateTime &t, const SmsGatewayConfig &config)
{
    return inTransaction<QString>(ctx, [&]() -> Outcome<QString> {
        auto cur = db::findSms(ctx.db, before.id);
        if (!cur || isFinal(cur->status))
            return QString(); // another run finished it meanwhile; it stays as that run left it
        db::SmsRecord s = *cur;
        QJsonObject details{{QStringLiteral("sms_id"), s.id}, {QStringLiteral("kind"), s.kind}};
        if (before.status == QLatin1String("sending"))
            details.insert(QStringLiteral("resumed"), true); // a killed run had claimed it
        if (verdict == SmsVerdict::Unauthorized) {
            // The token was refused: the message is not at fault and keeps its place.
            s.status = QStringLiteral("queued");
            s.nextAttemptAt = {};
            s.lastError = errorClass(answer);
            db::updateSmsDelivery(ctx.db, s);
            return s.status;
        }
        s.attempts += 1;
        details.insert(QStringLiteral("attempts"), s.attempts);
        // Only the gateway's own answers use up a message's attempts: while the gateway
        // cannot be reached (a normal day for an offline-first branch) messages wait, with
        // the backoff at its cap, and go out when it is back.
        if (verdict == SmsVerdict::Retry && !answer.network && s.attempts >= config.maxAttempts)
            verdict = SmsVerdict::Permanent;
        QString action;
        if (verdict == SmsVerdict::Delivered) {
            s.status = QStringLiteral("sent");
            s.sentAt = t;
            s.nextAttemptAt = {};
            s.lastError.clear();
            s.gatewayId = gatewayIdOf(answer);
            action = QStringLiteral("sms.sent");
        } else if (verdict == SmsVerdict::Permanent) {
            s.status = QStringLiteral("failed");
            s.nextAttemptAt = {};
            s.lastError = errorClass(answer);
            details.insert(QStringLiteral("error"), s.lastError);
            action = QStringLiteral("sms.failed");
        } else {
            s.status = QStringLiteral("queued");
            int wait = smsBackoffSeconds(s.attempts, config);
            if (answer.retryAfterSeconds >= 0)
                wait = std::min(std::max(wait, answer.retryAfterSeconds), config.backoffCapSeconds);
            s.nextAttemptAt = t.addSecs(wait);
            s.lastError = errorClass(answer);
            details.insert(QStringLiteral("error"), s.lastError);
            details.insert(QStringLiteral("next_attempt_at"), db::isoUtc(s.nextAttemptAt));
            action = QStringLiteral("sms.retry");
        }
        const AuditInfo audit{kActor, action, s.nationalCode, details};
        if (isFinal(s.status)) {
            const bool wipe = sms::holdsSecret(s.kind);
            if (wipe) {
                security::wipe(s.text);
                s.text = kWipedText;
                db::wipeSmsTextInOutbox(ctx.db, s.id, kWipedText);
            }
            const int base = s.version;
            s.version += 1;
            db::updateSmsDelivery(ctx.db, s);
            recordChange(ctx, QStringLiteral("sms_messages"), s.id, base, s.version, s.toJson(), audit, t);
        } else {
            // Retry bookkeeping stays at the branch: no new version, nothing to push.
            db::updateSmsDelivery(ctx.db, s);
            recordAudit(ctx, audit, t);
        }
        return s.status;
    });
}

} // namespace

SmsVerdict smsVerdictForStatus(int httpStatus)
{
    if (httpStatus >= 200 && httpStatus < 300)
        return SmsVerdict::Delivered;
    if (httpStatus == 401 || httpStatus == 403)
        return SmsVerdict::Unauthorized;
    if (httpStatus == 408 || httpStatus == 429)
        return SmsVerdict::Retry;
    if (httpStatus >= 400 && httpStatus < 500)
        return SmsVerdict::Permanent;
    // 5xx, and 1xx/3xx (a redirect is not followed: the URL is probably wrong, which an
    // administrator fixes; the message waits meanwhile).
    return SmsVerdict::Retry;
}

int smsBackoffSeconds(int attempts, const SmsGatewayConfig &config)
{
    const int n = std::clamp(attempts, 1, 31);
    qint64 s = qint64(config.backoffBaseSeconds) << std::min(n - 1, 20);
    return int(std::min<qint64>(s, config.backoffCapSeconds));
}

QString smsGatewayUrlRule()
{
    return Services::tr("The SMS gateway's address must be an https:// URL (plain http:// only to this computer: "
                        "localhost, 127.0.0.1 or ::1).");
}

SmsGatewayConfig smsGatewayFromSettings()
{
    SmsGatewayConfig config;
    const QString url = Settings::value(SettingKey::SmsGatewayUrl).toString().trimmed();
    if (!url.isEmpty())
        config.url = QUrl(url, QUrl::StrictMode);
    config.token = qgetenv(kSmsTokenVariable); // from the environment only, never from the settings file
    return config;
}

GatewaySmsSender::GatewaySmsSender(SmsGatewayConfig config) : m_config(std::move(config)) {}

GatewaySmsSender::~GatewaySmsSender()
{
    security::wipe(m_config.token);
}

Outcome<QString> GatewaySmsSender::send(const db::SmsRecord &message)
{
    const auto unavailable = [](const QString &reason) {
        Failure f = smsUnavailable();
        f.extra.insert(QStringLiteral("reason"), reason);
        return f;
    };
    if (!usableUrl(m_config.url) || m_config.token.isEmpty())
        return unavailable(QStringLiteral("not_configured"));
    QByteArray body = requestBody(message);
    const HttpAnswer answer = post(m_config, message.id.toUtf8(), body);
    security::wipe(body);
    if (answer.status == 0 || smsVerdictForStatus(answer.status) != SmsVerdict::Delivered)
        return unavailable(errorClass(answer));
    if (!answersFor(answer, message.id))
        return unavailable(QStringLiteral("wrong_key"));
    return gatewayIdOf(answer);
}

Outcome<SmsDeliveryReport> deliverQueuedSms(Context &ctx, const SmsGatewayConfig &config, const QDateTime &now)
{
    SmsDeliveryReport report;
    if (config.token.isEmpty())
        return gatewayFailure(QStringLiteral("gateway.no_token"),
                              Services::tr("No token for the SMS gateway: set the environment variable %1.")
                                  .arg(QLatin1String(kSmsTokenVariable)),
                              report);
    if (!usableUrl(config.url))
        return gatewayFailure(QStringLiteral("gateway.bad_url"), smsGatewayUrlRule(), report);

    QList<db::SmsRecord> due;
    try {
        due = db::smsDue(ctx.db, now, std::max(1, config.limit));
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }

    QElapsedTimer clock;
    clock.start();
    int tried = 0, unreachable = 0, streak = 0;
    for (int i = 0; i < due.size(); ++i) {
        if (streak >= std::max(1, config.unreachableStreak)) {
            report.deferred = int(due.size()) - i;
            break;
        }
        const QDateTime t = now.addMSecs(clock.elapsed());
        db::SmsRecord before;
        const auto claimed = claim(ctx, due.at(i).id, t, config, &before);
        if (!claimed.ok())
            return claimed.failure;
        if (*claimed.value == Claim::Skipped)
            continue;

        HttpAnswer answer = post(config, before.id.toUtf8(), requestBody(before));
        security::wipe(before.text); // our copy; the row keeps it until the message is final
        ++tried;
        SmsVerdict verdict = answer.status != 0 ? smsVerdictForStatus(answer.status) : SmsVerdict::Retry;
        if (verdict == SmsVerdict::Delivered) {
            // A gateway that names the key it answers for must name ours; anything else is a
            // mixed-up answer, and the message is sent again (the key makes that safe).
            if (!answersFor(answer, before.id)) {
                verdict = SmsVerdict::Retry;
                answer.status = 0;
                answer.qtError = int(QNetworkReply::ProtocolFailure);
            }
        }
        if (answer.network) {
            ++unreachable;
            ++streak;
        } else {
            streak = 0;
        }
        const QDateTime after = now.addMSecs(clock.elapsed());
        const auto settled = settle(ctx, before, verdict, answer, after, config);
        if (!settled.ok())
            return settled.failure;
        if (verdict == SmsVerdict::Unauthorized) {
            report.deferred = int(due.size()) - i - 1;
            return gatewayFailure(QStringLiteral("gateway.unauthorized"),
                                  Services::tr("The SMS gateway refused the token (HTTP %1). Check %2; the messages "
                                               "stay queued.")
                                      .arg(answer.status)
                                      .arg(QLatin1String(kSmsTokenVariable)),
                                  report);
        }
        const QString &status = *settled.value;
        if (status == QLatin1String("sent"))
            ++report.sent;
        else if (status == QLatin1String("failed"))
            ++report.failed;
        else if (status == QLatin1String("queued"))
            ++report.retrying;
    }
    if (tried > 0 && unreachable == tried)
        return gatewayFailure(QStringLiteral("gateway.unreachable"),
                              Services::tr("The SMS gateway could not be reached; every message stays queued and "
                                           "will be sent by a later run."),
                              report);
    return report;
}

} // namespace branch
