// SMS delivery (app/sync/SmsGateway, `branchctl sms send`) against a gateway of the test's
// own (FakeSmsGateway) that answers, fails, hangs, answers twice and closes early. What must
// hold: every message reaches the gateway under one idempotency key, its id, however often
// it is sent; nothing is marked sent without a complete 2xx; nothing is lost (a timeout, a
// killed branchctl, an unreachable gateway leave it queued or "sending", and a later run
// sends it with the same key); a refused message fails once and is not retried; a recovery
// code's text is wiped once final, other texts stay; the token goes in the Authorization
// header and never to stdout or stderr. The clock is moved with `now` / --now; the only
// waits are for the server's requests or branchctl's end, with short request timeouts.
#include "FakeSmsGateway.h"

#include "app/lifecycle/Service.h"
#include "app/security/Random.h"
#include "app/sync/SmsGateway.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/SmsRepository.h"
#include "db/SyncRepository.h"
#include "tests/cli/CliTestUtil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(smstest::FakeSmsGateway::Step)

using namespace branch;
using namespace Qt::StringLiterals;
using smstest::FakeSmsGateway;
using Step = smstest::FakeSmsGateway::Step;

namespace
{

const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QByteArray kToken = "tok-9f3b2c7e-secret-token";
const QString kCodeText = u"سازمان تامین اجتماعی\nشناسه بازیابی گذرواژه شما: 482913"_s;
const QString kNoticeText = u"حساب کاربری شما فعال شد."_s;

Step answer(int status, const QByteArray &headers = {})
{
    Step s;
    s.status = status;
    s.extraHeaders = headers;
    return s;
}
Step mode(Step::Mode m)
{
    Step s;
    s.mode = m;
    return s;
}

} // namespace

class TestSmsGateway : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_n = 0;

    // Queues one SMS as the services do (row, outbox, audit) and returns its id.
    QString queue(const QString &kind, const QString &text, const QString &code = u"0012345679"_s)
    {
        db::Transaction tx(*m_db);
        queueSms(*m_ctx, code, u"09121234567"_s, kind, text, kT0, u"system"_s);
        tx.commit();
        return db::listSms(*m_db).last().id;
    }

    db::SmsRecord sms(const QString &id) { return db::findSms(*m_db, id).value_or(db::SmsRecord{}); }

    // Requests that are answered get a generous timeout (a loaded CI machine must not turn an
    // answer into a timeout); the hanging ones a short one.
    SmsGatewayConfig config(const QUrl &url, int timeoutMs = 5000)
    {
        SmsGatewayConfig c;
        c.url = url;
        c.token = kToken;
        c.timeoutMs = timeoutMs;
        return c;
    }

    QStringList auditActions()
    {
        QStringList out;
        for (const auto &a : db::auditLog(*m_db))
            out << a.action;
        return out;
    }

    // The "text" of every outbox payload of this message.
    QStringList outboxTexts(const QString &id)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(u"SELECT json_extract(payload, '$.text') FROM outbox WHERE row_id = ? ORDER BY seq"_s);
        q.addBindValue(id);
        q.exec();
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

    // A message's row as stored (the lists show a recovery code hidden, whatever the row holds).
    static QString storedText(const QString &path, const QString &id)
    {
        db::DbError err;
        auto d = db::Database::open(path, db::Database::OpenMode::MustExist, &err);
        const auto s = d ? db::findSms(*d, id) : std::nullopt;
        return s ? s->text : u"(no such message)"_s;
    }

private slots:
    void init()
    {
        m_ctx.reset();
        db::DbError err;
        m_db =
            db::Database::open(m_dir.filePath(u"s%1.db"_s.arg(++m_n)), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(m_db);
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
    }

    void backoffDoublesUpToTheCap()
    {
        SmsGatewayConfig c;
        const QList<std::pair<int, int>> table = {{1, 30},  {2, 60},   {3, 120},  {4, 240},  {5, 480},
                                                  {6, 960}, {7, 1920}, {8, 3600}, {9, 3600}, {40, 3600}};
        for (const auto &[attempts, seconds] : table)
            QCOMPARE(smsBackoffSeconds(attempts, c), seconds);
    }

    void statusVerdicts()
    {
        QCOMPARE(smsVerdictForStatus(200), SmsVerdict::Delivered);
        QCOMPARE(smsVerdictForStatus(202), SmsVerdict::Delivered);
        for (int s : {408, 429, 500, 502, 503, 504, 301, 302})
            QCOMPARE(smsVerdictForStatus(s), SmsVerdict::Retry);
        for (int s : {400, 404, 409, 410, 413, 422})
            QCOMPARE(smsVerdictForStatus(s), SmsVerdict::Permanent);
        QCOMPARE(smsVerdictForStatus(401), SmsVerdict::Unauthorized);
        QCOMPARE(smsVerdictForStatus(403), SmsVerdict::Unauthorized);
    }

    void allDeliveredOnce()
    {
        FakeSmsGateway gw;
        QVERIFY(gw.isListening());
        const QStringList ids = {queue(u"activated"_s, kNoticeText), queue(u"identity_mismatch"_s, kNoticeText),
                                 queue(u"activated"_s, kNoticeText, u"0499370899"_s)};
        const qint64 outboxBefore = db::outboxCount(*m_db);
        auto r = deliverQueuedSms(*m_ctx, config(gw.url()), kT0);
        QVERIFY2(r.ok(), qPrintable(r.failure.message()));
        QCOMPARE(r.value->sent, 3);
        QCOMPARE(r.value->retrying, 0);
        QCOMPARE(r.value->failed, 0);
        QCOMPARE(gw.keys(), ids); // oldest first, one key per message: its id
        for (const auto &req : gw.requests()) {
            QCOMPARE(req.method, QByteArray("POST"));
            QCOMPARE(req.path, QByteArray("/v1/sms"));
            QCOMPARE(req.headers.value("authorization"), QByteArray("Bearer ") + kToken);
            QCOMPARE(req.headers.value("content-type"), QByteArray("application/json"));
            const QJsonObject body = req.json();
            QCOMPARE(body.value(u"idempotency_key").toString(), req.key());
            QCOMPARE(body.value(u"to").toString(), u"09121234567"_s);
            QCOMPARE(body.value(u"text").toString(), kNoticeText);
        }
        for (int i = 0; i < ids.size(); ++i) {
            const auto s = sms(ids.at(i));
            QCOMPARE(s.status, u"sent"_s);
            QCOMPARE(s.attempts, 1);
            QCOMPARE(s.version, 2);
            QVERIFY(s.sentAt >= kT0 && s.sentAt < kT0.addSecs(60));
            QCOMPARE(s.gatewayId, u"gw-%1"_s.arg(i + 1));
            QCOMPARE(s.text, kNoticeText); // only secrets are wiped
        }
        QCOMPARE(db::outboxCount(*m_db), outboxBefore + 3); // the delivered state travels
        QCOMPARE(auditActions().count(u"sms.sent"_s), 3);
        for (const auto &a : db::auditLog(*m_db)) {
            QVERIFY(!a.details.contains(u"0912"_s)); // no mobile, no text in the audit log
            QVERIFY(!a.details.contains(kNoticeText));
        }

        // A second run finds nothing to send.
        auto again = deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addDays(1));
        QVERIFY(again.ok());
        QCOMPARE(again.value->sent, 0);
        QCOMPARE(gw.requests().size(), 3);
    }

    void serverErrorThenSuccess()
    {
        FakeSmsGateway gw;
        gw.script({answer(500), answer(503)});
        const QString id = queue(u"activated"_s, kNoticeText);
        auto r1 = deliverQueuedSms(*m_ctx, config(gw.url()), kT0);
        QVERIFY(r1.ok());
        QCOMPARE(r1.value->retrying, 1);
        auto s = sms(id);
        QCOMPARE(s.status, u"queued"_s);
        QCOMPARE(s.attempts, 1);
        QCOMPARE(s.lastError, u"http 500"_s);
        QVERIFY(s.nextAttemptAt >= kT0.addSecs(30) && s.nextAttemptAt < kT0.addSecs(31));

        // Within the backoff: nothing is sent.
        QVERIFY(deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addSecs(20)).ok());
        QCOMPARE(gw.requests().size(), 1);

        QVERIFY(deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addSecs(31)).ok());
        s = sms(id);
        QCOMPARE(s.attempts, 2);
        QVERIFY(s.nextAttemptAt >= kT0.addSecs(31 + 60) && s.nextAttemptAt < kT0.addSecs(31 + 61));

        auto r3 = deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addSecs(200));
        QVERIFY(r3.ok());
        QCOMPARE(r3.value->sent, 1);
        s = sms(id);
        QCOMPARE(s.status, u"sent"_s);
        QCOMPARE(s.attempts, 3);
        QCOMPARE(s.lastError, QString());
        QCOMPARE(gw.keys(), QStringList({id, id, id})); // one message, one key
        QCOMPARE(auditActions().count(u"sms.retry"_s), 2);
        QCOMPARE(auditActions().count(u"sms.sent"_s), 1);
    }

    void retryAfterIsHonoured()
    {
        FakeSmsGateway gw;
        gw.script({answer(429, "Retry-After: 600\r\n")});
        const QString id = queue(u"activated"_s, kNoticeText);
        QVERIFY(deliverQueuedSms(*m_ctx, config(gw.url()), kT0).ok());
        const auto s = sms(id);
        QCOMPARE(s.status, u"queued"_s);
        QVERIFY(s.nextAttemptAt >= kT0.addSecs(600) && s.nextAttemptAt < kT0.addSecs(601));
    }

    void hangTimesOutAndTheNextRunUsesTheSameKey()
    {
        FakeSmsGateway gw;
        gw.script({mode(Step::Hang)});
        const QString id = queue(u"activated"_s, kNoticeText);
        QElapsedTimer took;
        took.start();
        auto r1 = deliverQueuedSms(*m_ctx, config(gw.url(), 300), kT0);
        QVERIFY2(took.elapsed() < 5000, "a hanging gateway held the run");
        // The only message met a timeout: the gateway is unreachable for this run.
        QVERIFY(!r1.ok());
        QCOMPARE(r1.failure.kind, Failure::Kind::Environment);
        QCOMPARE(r1.failure.violations.value(0).code, u"gateway.unreachable"_s);
        QCOMPARE(r1.failure.extra.value(u"retrying").toInt(), 1);
        auto s = sms(id);
        QCOMPARE(s.status, u"queued"_s);
        QCOMPARE(s.lastError, u"timeout"_s);
        QVERIFY(s.nextAttemptAt > kT0);

        auto r2 = deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addSecs(60));
        QVERIFY(r2.ok());
        QCOMPARE(r2.value->sent, 1);
        QCOMPARE(gw.keys(), QStringList({id, id}));
        QCOMPARE(gw.requests().at(0).body, gw.requests().at(1).body); // the very same request again
    }

    void oneHangDoesNotStopTheOthers()
    {
        FakeSmsGateway gw;
        gw.script({mode(Step::Hang)});
        const QString a = queue(u"activated"_s, kNoticeText);
        const QString b = queue(u"activated"_s, kNoticeText);
        auto r = deliverQueuedSms(*m_ctx, config(gw.url(), 1500), kT0);
        QVERIFY(r.ok());
        QCOMPARE(r.value->sent, 1);
        QCOMPARE(r.value->retrying, 1);
        QCOMPARE(sms(a).status, u"queued"_s);
        QCOMPARE(sms(b).status, u"sent"_s);
    }

    void answeredTwiceOrMixedUp()
    {
        // The first message is answered twice on its connection; the second is refused with
        // 500: the second answer to the first must not be taken for the second's.
        FakeSmsGateway gw;
        gw.script({mode(Step::Twice), answer(500), mode(Step::WrongKey)});
        const QString a = queue(u"activated"_s, kNoticeText);
        const QString b = queue(u"activated"_s, kNoticeText);
        const QString c = queue(u"activated"_s, kNoticeText);
        auto r = deliverQueuedSms(*m_ctx, config(gw.url()), kT0);
        QVERIFY(r.ok());
        QCOMPARE(sms(a).status, u"sent"_s);
        QCOMPARE(sms(b).status, u"queued"_s);
        QCOMPARE(sms(b).lastError, u"http 500"_s);
        // An answer naming another key is not a delivery of this message.
        QCOMPARE(sms(c).status, u"queued"_s);
        QCOMPARE(r.value->sent, 1);
        QCOMPARE(r.value->retrying, 2);

        QVERIFY(deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addSecs(60)).ok());
        QCOMPARE(sms(b).status, u"sent"_s);
        QCOMPARE(sms(c).status, u"sent"_s);
        // Never two keys for one message, never one key for two messages.
        QCOMPARE(gw.keys(), QStringList({a, b, c, b, c}));
    }

    void closedEarlyOrTruncatedIsRetried()
    {
        // Note: Qt itself re-sends, once, a request whose fresh connection was closed before
        // any answer; with the same key, so the gateway may see a message twice within one
        // attempt. That is what the key is for; only the outcomes are compared here.
        FakeSmsGateway gw;
        gw.setFallback(mode(Step::Close));
        const QString a = queue(u"activated"_s, kNoticeText);
        const QString b = queue(u"activated"_s, kNoticeText);
        auto r1 = deliverQueuedSms(*m_ctx, config(gw.url()), kT0);
        QVERIFY(!r1.ok()); // no answer at all: unreachable
        QCOMPARE(r1.failure.violations.value(0).code, u"gateway.unreachable"_s);
        QCOMPARE(sms(a).status, u"queued"_s);
        QCOMPARE(sms(b).status, u"queued"_s);

        // A 200 status line whose body never comes proves nothing either.
        gw.setFallback(mode(Step::Partial));
        QVERIFY(!deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addSecs(60)).ok());
        QCOMPARE(sms(a).status, u"queued"_s);
        QCOMPARE(sms(b).status, u"queued"_s);
        QVERIFY(sms(b).lastError.startsWith(u"network "_s));
        QCOMPARE(sms(b).attempts, 2);

        gw.setFallback(answer(200));
        auto r3 = deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addSecs(600));
        QVERIFY(r3.ok());
        QCOMPARE(r3.value->sent, 2);
        QCOMPARE(sms(a).status, u"sent"_s);
        QCOMPARE(sms(b).status, u"sent"_s);
        // Every request carried its message's key, and a message's requests are identical.
        QHash<QString, QByteArray> bodyOf;
        for (const auto &req : gw.requests()) {
            QVERIFY(req.key() == a || req.key() == b);
            QCOMPARE(req.json().value(u"idempotency_key").toString(), req.key());
            if (bodyOf.contains(req.key()))
                QCOMPARE(req.body, bodyOf.value(req.key()));
            bodyOf.insert(req.key(), req.body);
        }
        QCOMPARE(gw.keys().last(), b);
    }

    void clientErrorFailsOnce()
    {
        FakeSmsGateway gw;
        gw.script({answer(400)});
        const QString id = queue(u"activated"_s, kNoticeText);
        auto r = deliverQueuedSms(*m_ctx, config(gw.url()), kT0);
        QVERIFY(r.ok());
        QCOMPARE(r.value->failed, 1);
        const auto s = sms(id);
        QCOMPARE(s.status, u"failed"_s);
        QCOMPARE(s.lastError, u"http 400"_s);
        QCOMPARE(s.version, 2);
        QCOMPARE(auditActions().count(u"sms.failed"_s), 1);
        QVERIFY(deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addDays(2)).ok());
        QCOMPARE(gw.requests().size(), 1); // not retried
        QCOMPARE(s.text, kNoticeText);
    }

    void lastAllowedAttemptFails()
    {
        FakeSmsGateway gw;
        gw.setFallback(answer(502));
        const QString id = queue(u"activated"_s, kNoticeText);
        SmsGatewayConfig c = config(gw.url());
        c.maxAttempts = 3;
        for (int i = 0; i < 3; ++i)
            QVERIFY(deliverQueuedSms(*m_ctx, c, kT0.addSecs(3600 * i)).ok());
        QCOMPARE(sms(id).status, u"failed"_s);
        QCOMPARE(sms(id).attempts, 3);
        QVERIFY(deliverQueuedSms(*m_ctx, c, kT0.addDays(1)).ok());
        QCOMPARE(gw.requests().size(), 3);
    }

    void recoveryCodeWipedOtherTextsKept()
    {
        FakeSmsGateway gw;
        gw.script({answer(200), answer(200), answer(404)});
        const QString code = queue(u"recovery_code"_s, kCodeText);
        const QString notice = queue(u"activated"_s, kNoticeText);
        const QString refused = queue(u"recovery_code"_s, kCodeText);
        QVERIFY(deliverQueuedSms(*m_ctx, config(gw.url()), kT0).ok());
        QCOMPARE(gw.requests().at(0).json().value(u"text").toString(), kCodeText); // sent whole
        QCOMPARE(sms(code).status, u"sent"_s);
        QCOMPARE(sms(code).text, QString());
        QCOMPARE(sms(notice).text, kNoticeText);
        QCOMPARE(sms(refused).status, u"failed"_s);
        QCOMPARE(sms(refused).text, QString()); // final too: the code is of no use any more
        // Nothing waiting in the outbox still holds the code.
        QCOMPARE(outboxTexts(code), QStringList({QString(), QString()}));
        QCOMPARE(outboxTexts(notice), QStringList({kNoticeText, kNoticeText}));
        for (const auto &a : db::auditLog(*m_db))
            QVERIFY(!a.details.contains(u"482913"_s));
    }

    // The recovery code's sender (GatewaySmsSender): one POST, the queued delivery's request
    // (body, token, key), and recovery.sms_unavailable for anything but a 2xx naming our key.
    void recoveryCodeSenderPostsOnce_data()
    {
        QTest::addColumn<Step>("step");
        QTest::addColumn<bool>("delivered");
        QTest::newRow("200") << answer(200) << true;
        QTest::newRow("500") << answer(500) << false;
        QTest::newRow("404") << answer(404) << false;
        QTest::newRow("401") << answer(401) << false;
        QTest::newRow("429") << answer(429) << false;
        QTest::newRow("hangs past the timeout") << mode(Step::Hang) << false;
        QTest::newRow("closes the connection") << mode(Step::Close) << false;
        QTest::newRow("truncated answer") << mode(Step::Partial) << false;
        QTest::newRow("names another key") << mode(Step::WrongKey) << false;
    }

    void recoveryCodeSenderPostsOnce()
    {
        QFETCH(Step, step);
        QFETCH(bool, delivered);
        FakeSmsGateway gw;
        gw.setFallback(step);
        GatewaySmsSender sender(config(gw.url(), 400));
        db::SmsRecord m;
        m.id = security::newUuid();
        m.branchCode = u"1001"_s;
        m.nationalCode = u"0012345679"_s;
        m.mobile = u"09121234567"_s;
        m.kind = u"recovery_code"_s;
        m.text = kCodeText;
        m.createdAt = kT0;
        QElapsedTimer clock;
        clock.start();
        const auto r = sender.send(m);
        QVERIFY2(clock.elapsed() < 3000, "the send outlived its timeout");
        QCOMPARE(r.ok(), delivered);
        // One POST (Qt itself re-sends once a request whose fresh connection closed unanswered).
        QVERIFY(!gw.requests().isEmpty());
        QVERIFY(gw.requests().size() <= (step.mode == Step::Close ? 2 : 1));
        const auto req = gw.requests().first();
        QCOMPARE(req.key(), m.id);
        QCOMPARE(req.headers.value("authorization"), QByteArray("Bearer " + kToken));
        QCOMPARE(req.json(), (QJsonObject{{u"idempotency_key"_s, m.id},
                                          {u"id"_s, m.id},
                                          {u"to"_s, m.mobile},
                                          {u"text"_s, kCodeText},
                                          {u"kind"_s, m.kind},
                                          {u"branch_code"_s, m.branchCode},
                                          {u"created_at"_s, db::isoUtc(kT0)}}));
        if (delivered) {
            QCOMPARE(*r.value, u"gw-1"_s);
        } else {
            QCOMPARE(r.failure.kind, Failure::Kind::Environment);
            QCOMPARE(r.failure.violations.first().code, u"recovery.sms_unavailable"_s);
            QVERIFY(!r.failure.extra.value(u"reason"_s).toString().isEmpty());
        }
    }

    void recoveryCodeSenderWithoutGateway()
    {
        db::SmsRecord m;
        m.id = security::newUuid();
        m.text = kCodeText;
        for (const SmsGatewayConfig &c : {SmsGatewayConfig{}, config(QUrl(u"ftp://example.org/x"_s))}) {
            GatewaySmsSender sender(c);
            const auto r = sender.send(m);
            QVERIFY(!r.ok());
            QCOMPARE(r.failure.violations.first().code, u"recovery.sms_unavailable"_s);
            QCOMPARE(r.failure.extra.value(u"reason"_s).toString(), u"not_configured"_s);
        }
        FakeSmsGateway gw;
        SmsGatewayConfig noToken = config(gw.url());
        noToken.token.clear();
        QCOMPARE(GatewaySmsSender(noToken).send(m).failure.extra.value(u"reason"_s).toString(), u"not_configured"_s);
        QVERIFY(gw.requests().isEmpty());
    }

    void crashWhileSendingIsResentWithTheSameKey()
    {
        FakeSmsGateway gw;
        const QString id = queue(u"recovery_code"_s, kCodeText);
        // What a killed run leaves: "sending", with a lease.
        auto s = sms(id);
        s.status = u"sending"_s;
        s.nextAttemptAt = kT0.addSecs(70);
        db::updateSmsDelivery(*m_db, s);

        // While the lease holds, another run leaves it alone (the first may still be at it).
        QVERIFY(deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addSecs(10)).ok());
        QCOMPARE(gw.requests().size(), 0);

        auto r = deliverQueuedSms(*m_ctx, config(gw.url()), kT0.addSecs(71));
        QVERIFY(r.ok());
        QCOMPARE(r.value->sent, 1);
        QCOMPARE(gw.keys(), QStringList({id}));
        QCOMPARE(sms(id).status, u"sent"_s);
        QCOMPARE(sms(id).text, QString());
        const auto log = db::auditLog(*m_db);
        QCOMPARE(log.last().action, u"sms.sent"_s);
        QVERIFY(log.last().details.contains(u"\"resumed\":true"_s));
    }

    void refusedTokenStopsTheRun()
    {
        FakeSmsGateway gw;
        gw.setFallback(answer(401));
        const QString a = queue(u"activated"_s, kNoticeText);
        const QString b = queue(u"activated"_s, kNoticeText);
        auto r = deliverQueuedSms(*m_ctx, config(gw.url()), kT0);
        QVERIFY(!r.ok());
        QCOMPARE(r.failure.violations.value(0).code, u"gateway.unauthorized"_s);
        QCOMPARE(gw.requests().size(), 1);
        for (const auto &id : {a, b}) {
            QCOMPARE(sms(id).status, u"queued"_s);
            QCOMPARE(sms(id).attempts, 0);
            QVERIFY(!sms(id).nextAttemptAt.isValid());
        }
        QVERIFY(!r.failure.message().contains(QString::fromLatin1(kToken)));
    }

    void noTokenNoRequest()
    {
        FakeSmsGateway gw;
        queue(u"activated"_s, kNoticeText);
        SmsGatewayConfig c = config(gw.url());
        c.token.clear();
        auto r = deliverQueuedSms(*m_ctx, c, kT0);
        QVERIFY(!r.ok());
        QCOMPARE(r.failure.violations.value(0).code, u"gateway.no_token"_s);
        QCOMPARE(gw.requests().size(), 0);
    }

    void unreachableKeepsEverythingQueued()
    {
        for (int i = 0; i < 5; ++i)
            queue(u"activated"_s, kNoticeText);
        const QUrl url(u"http://127.0.0.1:%1/sms"_s.arg(smstest::closedPort()));
        auto r = deliverQueuedSms(*m_ctx, config(url), kT0);
        QVERIFY(!r.ok());
        QCOMPARE(r.failure.violations.value(0).code, u"gateway.unreachable"_s);
        // Three refused connections in a row end the run; the last two are not even tried.
        QCOMPARE(r.failure.extra.value(u"retrying").toInt(), 3);
        QCOMPARE(r.failure.extra.value(u"deferred").toInt(), 2);
        const auto all = db::listSms(*m_db);
        for (const auto &s : all)
            QCOMPARE(s.status, u"queued"_s);
        // An unreachable gateway never uses up a message's attempts.
        SmsGatewayConfig c = config(url);
        c.maxAttempts = 1;
        QVERIFY(!deliverQueuedSms(*m_ctx, c, kT0.addDays(1)).ok());
        for (const auto &s : db::listSms(*m_db))
            QCOMPARE(s.status, u"queued"_s);
    }

    // ---- the real branchctl ---------------------------------------------------------

    void cliSendListAndTokenNeverShown()
    {
        using namespace clitest;
        Workspace ws;
        const QString path = ws.newDb();
        QVERIFY(!path.isEmpty());
        QString a, b;
        {
            db::DbError err;
            auto d = db::Database::open(path, db::Database::OpenMode::MustExist, &err);
            QVERIFY(d);
            Context ctx{*d, u"1234"_s};
            db::Transaction tx(*d);
            queueSms(ctx, u"0012345679"_s, u"09121234567"_s, u"recovery_code"_s, kCodeText, kT0, u"system"_s);
            queueSms(ctx, u"0012345679"_s, u"09121234567"_s, u"activated"_s, kNoticeText, kT0, u"system"_s);
            tx.commit();
            const auto rows = db::listSms(*d);
            a = rows.at(0).id;
            b = rows.at(1).id;
        }
        FakeSmsGateway gw;
        gw.script({answer(200), answer(500)});
        QProcessEnvironment env = cliEnv();
        env.insert(QString::fromLatin1(kSmsTokenVariable), QString::fromLatin1(kToken));
        const QStringList send = {u"--now"_s,          iso(kT0),          u"sms"_s, u"send"_s, u"--gateway"_s,
                                  gw.url().toString(), u"--timeout-ms"_s, u"5000"_s};
        const CliResult r = ctlAs(path, u"service"_s, send, {}, env);
        CLI_EXPECT(r, 0);
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(u"ok").toBool(), true);
        QCOMPARE(o.value(u"sent").toInt(), 1);
        QCOMPARE(o.value(u"retrying").toInt(), 1);
        QCOMPARE(o.value(u"failed").toInt(), 0);
        QCOMPARE(gw.requests().at(0).headers.value("authorization"), QByteArray("Bearer ") + kToken);
        QVERIFY(!r.out.contains(kToken) && !r.err.contains(kToken));

        const QJsonArray sent = ctlAs(path, u"clerk"_s, {u"sms"_s, u"list"_s, u"--status"_s, u"sent"_s}).json().array();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0)[u"id"].toString(), a);
        QCOMPARE(sent.at(0)[u"text"].toString(), u"کد بازیابی (پنهان)"_s); // never listed
        QCOMPARE(storedText(path, a), QString());                          // and wiped
        const QJsonArray queued =
            ctlAs(path, u"clerk"_s, {u"sms"_s, u"list"_s, u"--status"_s, u"queued"_s}).json().array();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.at(0)[u"id"].toString(), b);
        QCOMPARE(queued.at(0)[u"attempts"].toInt(), 1);
        QCOMPARE(queued.at(0)[u"last_error"].toString(), u"http 500"_s);
        CLI_EXPECT(ctlAs(path, u"clerk"_s, {u"sms"_s, u"list"_s, u"--status"_s, u"lost"_s}), 2);

        // A refused token: exit 3, the token not echoed, the message still queued.
        gw.setFallback(answer(403));
        const CliResult denied = ctlAs(path, u"service"_s,
                                       {u"--now"_s, iso(kT0.addSecs(120)), u"sms"_s, u"send"_s, u"--gateway"_s,
                                        gw.url().toString(), u"--timeout-ms"_s, u"5000"_s},
                                       {}, env);
        CLI_REFUSED(denied, 3);
        QVERIFY(!denied.out.contains(kToken) && !denied.err.contains(kToken));
        QCOMPARE(codesOf(denied.json().object()), QStringList({u"gateway.unauthorized"_s}));

        // No token: exit 3 before anything is sent.
        const int before = int(gw.requests().size());
        const CliResult none = ctlAs(path, u"service"_s, send, {}, cliEnv());
        CLI_REFUSED(none, 3);
        QCOMPARE(codesOf(none.json().object()), QStringList({u"gateway.no_token"_s}));
        QCOMPARE(gw.requests().size(), before);
        CLI_EXPECT(ctl(path, {u"audit"_s, u"verify"_s}), 0);
    }

    // The gateway's address (issue 13 item 4): https anywhere, plain http only to this computer.
    void gatewayUrlRule_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << u"https://sms.tamin.example/api/send"_s << true;
        QTest::newRow("https with port") << u"https://10.20.30.40:8443/send"_s << true;
        QTest::newRow("http to a remote host") << u"http://sms.tamin.example/api/send"_s << false;
        QTest::newRow("http to a LAN address") << u"http://10.0.0.5:8080/"_s << false;
        QTest::newRow("http to 127.0.0.1") << u"http://127.0.0.1:9000/sms"_s << true;
        QTest::newRow("http to 127.8.9.10") << u"http://127.8.9.10/"_s << true;
        QTest::newRow("http to ::1") << u"http://[::1]:9000/"_s << true;
        QTest::newRow("http to localhost") << u"http://localhost:9000/"_s << true;
        QTest::newRow("http to LOCALHOST") << u"http://LOCALHOST/"_s << true;
        QTest::newRow("http to localhost.example") << u"http://localhost.example/"_s << false;
        QTest::newRow("http to 0.0.0.0") << u"http://0.0.0.0/"_s << false;
        QTest::newRow("user and password") << u"https://user:secret@sms.tamin.example/"_s << false;
        QTest::newRow("ftp") << u"ftp://sms.tamin.example/"_s << false;
        QTest::newRow("no host") << u"https:///send"_s << false;
        QTest::newRow("empty") << QString() << false;
    }
    void gatewayUrlRule()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(smsGatewayUrlAllowed(QUrl(url, QUrl::StrictMode)), allowed);
    }

    // The same rule for branchctl's --gateway (a usage error) and the delivery's own check.
    void plainHttpToAnotherHostIsRefused()
    {
        using namespace clitest;
        Workspace ws;
        const QString path = ws.newDb();
        QProcessEnvironment env = cliEnv();
        env.insert(QString::fromLatin1(kSmsTokenVariable), QString::fromLatin1(kToken));
        const CliResult r =
            ctlAs(path, u"service"_s,
                  {u"--lang"_s, u"en"_s, u"sms"_s, u"send"_s, u"--gateway"_s, u"http://sms.tamin.example/"_s}, {}, env);
        CLI_REFUSED(r, 2);
        QVERIFY2(r.errText().contains(u"https://"_s), qPrintable(r.errText()));
        const auto delivered = deliverQueuedSms(*m_ctx, config(QUrl(u"http://sms.tamin.example/"_s)), kT0);
        QVERIFY(!delivered.ok());
        QCOMPARE(delivered.failure.violations.first().code, u"gateway.bad_url"_s);
    }

    void cliUsageErrors()
    {
        using namespace clitest;
        Workspace ws;
        const QString path = ws.newDb();
        QProcessEnvironment env = cliEnv();
        env.insert(QString::fromLatin1(kSmsTokenVariable), QString::fromLatin1(kToken));
        CLI_REFUSED(ctlAs(path, u"service"_s, {u"sms"_s, u"send"_s}, {}, env), 2);
        CLI_REFUSED(ctlAs(path, u"service"_s, {u"sms"_s, u"send"_s, u"--gateway"_s, u"ftp://example.org/"_s}, {}, env),
                    2);
        CLI_REFUSED(ctlAs(path, u"service"_s, {u"sms"_s, u"send"_s, u"--gateway"_s, u"not a url"_s}, {}, env), 2);
        CLI_REFUSED(ctlAs(path, u"service"_s,
                          {u"sms"_s, u"send"_s, u"--gateway"_s, u"http://127.0.0.1:1/"_s, u"--timeout-ms"_s, u"0"_s},
                          {}, env),
                    2);
        const CliResult help = ctlAs(path, u"service"_s, {u"sms"_s, u"send"_s, u"--help"_s, u"--lang"_s, u"en"_s});
        CLI_EXPECT(help, 0);
        QVERIFY(help.out.contains("--gateway") && help.out.contains("--timeout-ms"));
    }

    void cliUnreachableExitsThreeAndKeepsTheQueue()
    {
        using namespace clitest;
        Workspace ws;
        const QString path = ws.newDb();
        {
            db::DbError err;
            auto d = db::Database::open(path, db::Database::OpenMode::MustExist, &err);
            QVERIFY(d);
            Context ctx{*d, u"1234"_s};
            db::Transaction tx(*d);
            for (int i = 0; i < 2; ++i)
                queueSms(ctx, u"0012345679"_s, u"09121234567"_s, u"activated"_s, kNoticeText, kT0, u"system"_s);
            tx.commit();
        }
        QProcessEnvironment env = cliEnv();
        env.insert(QString::fromLatin1(kSmsTokenVariable), QString::fromLatin1(kToken));
        const CliResult r =
            ctlAs(path, u"service"_s,
                  {u"--now"_s, iso(kT0), u"sms"_s, u"send"_s, u"--gateway"_s,
                   u"http://127.0.0.1:%1/sms"_s.arg(smstest::closedPort()), u"--timeout-ms"_s, u"300"_s},
                  {}, env);
        CLI_REFUSED(r, 3);
        QCOMPARE(codesOf(r.json().object()), QStringList({u"gateway.unreachable"_s}));
        QCOMPARE(r.json().object().value(u"retrying").toInt(), 2);
        const QJsonArray all = smsList(path);
        QCOMPARE(all.size(), 2);
        for (const auto &v : all)
            QCOMPARE(v[u"status"].toString(), u"queued"_s);
    }

    // A real branchctl killed (SIGKILL) while the gateway holds its request: the message is
    // left "sending"; the next run, after the lease, sends it again with the same key.
    void cliKilledMidSendResendsWithTheSameKey()
    {
        using namespace clitest;
        Workspace ws;
        const QString path = ws.newDb();
        QString id;
        {
            db::DbError err;
            auto d = db::Database::open(path, db::Database::OpenMode::MustExist, &err);
            QVERIFY(d);
            Context ctx{*d, u"1234"_s};
            db::Transaction tx(*d);
            queueSms(ctx, u"0012345679"_s, u"09121234567"_s, u"recovery_code"_s, kCodeText, kT0, u"system"_s);
            tx.commit();
            id = db::listSms(*d).first().id;
        }
        FakeSmsGateway gw;
        gw.script({mode(Step::Hang)});
        QProcessEnvironment env = cliEnv();
        env.insert(QString::fromLatin1(kSmsTokenVariable), QString::fromLatin1(kToken));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(branchctl(), {u"--db"_s, path, u"--now"_s, iso(kT0), u"sms"_s, u"send"_s, u"--gateway"_s,
                              gw.url().toString(), u"--timeout-ms"_s, u"60000"_s, u"--staff"_s, u"service"_s});
        QVERIFY(p.waitForStarted(30000));
        p.write(testPassword(u"service"_s).toUtf8() + '\n'); // the service login's password line
        QVERIFY(p.waitForBytesWritten(30000));
        p.closeWriteChannel();
        QVERIFY2(gw.waitForRequests(1, 60000), "branchctl never reached the gateway");
        p.kill(); // SIGKILL: no clean-up of any kind
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);

        const QJsonArray sending =
            ctlAs(path, u"clerk"_s, {u"sms"_s, u"list"_s, u"--status"_s, u"sending"_s}).json().array();
        QCOMPARE(sending.size(), 1);
        QCOMPARE(sending.at(0)[u"id"].toString(), id);
        // Not delivered yet: an older version's queued code is still in the row, never listed.
        QCOMPARE(sending.at(0)[u"text"].toString(), u"کد بازیابی (پنهان)"_s);
        QCOMPARE(storedText(path, id), kCodeText);

        // Right after the crash the lease still holds; after it, the message goes out again.
        const QStringList send = {u"sms"_s,          u"send"_s, u"--gateway"_s, gw.url().toString(),
                                  u"--timeout-ms"_s, u"5000"_s};
        const CliResult early =
            ctlAs(path, u"service"_s, QStringList{u"--now"_s, iso(kT0.addSecs(30))} + send, {}, env);
        CLI_EXPECT(early, 0);
        QCOMPARE(early.json().object().value(u"sent").toInt(), 0);
        QCOMPARE(gw.requests().size(), 1);
        const CliResult later =
            ctlAs(path, u"service"_s, QStringList{u"--now"_s, iso(kT0.addSecs(7200))} + send, {}, env);
        CLI_EXPECT(later, 0);
        QCOMPARE(later.json().object().value(u"sent").toInt(), 1);
        QCOMPARE(gw.keys(), QStringList({id, id}));
        const QJsonArray sent = ctlAs(path, u"clerk"_s, {u"sms"_s, u"list"_s, u"--status"_s, u"sent"_s}).json().array();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(storedText(path, id), QString());
        QVERIFY(!later.out.contains(kToken) && !later.err.contains(kToken));
        CLI_EXPECT(ctl(path, {u"audit"_s, u"verify"_s}), 0);
    }
};

QTEST_GUILESS_MAIN(TestSmsGateway)
#include "TestSmsGateway.moc"
