// A recovery code is never stored or shown, end to end with the real branchctl: `recover
// start --method sms` hands it to a local SMS gateway (FakeSmsGateway) at once, and after a
// sync to a SQLite central the code is in no row of any table of the branch database or
// the central, not in the bytes of their files (-wal and -shm too), not in what branchctl
// printed. No gateway, or one that fails: recovery.sms_unavailable, exit 3, nothing kept but
// the failure's audit entry. `sms list` and `applicants show` show the message as a hidden
// recovery code.
#include "CliSmsGateway.h"
#include "CliTestUtil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

const QString kAli = u"0012345679"_s;
const QString kMobile = u"09121234567"_s;
const QDateTime kT0 = QDateTime(QDate(2025, 5, 10), QTime(9, 0), Qt::UTC);
// Words of the recovery SMS that no other text of the branch holds.
const QString kCodeWords = u"شناسه بازیابی گذرواژه"_s;

QString at(qint64 seconds)
{
    return iso(kT0.addSecs(seconds));
}

// The code as a whole token (not inside a hash, a UUID or a longer number).
bool holdsCode(const QByteArray &bytes, const QString &code)
{
    const QRegularExpression token(u"(?<![0-9A-Za-z+/])%1(?![0-9A-Za-z+/])"_s.arg(code));
    return token.match(QString::fromUtf8(bytes)).hasMatch();
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int count(const QString &db, const QString &table)
{
    bool ok = false;
    const QByteArray out = sqlite(db, u"SELECT count(*) FROM %1;"_s.arg(table), &ok);
    return ok ? out.trimmed().toInt() : -1;
}

} // namespace

class TestCliRecoveryCode : public QObject
{
    Q_OBJECT

    Workspace ws;
    smstest::FakeSmsGateway m_gateway;

    // A database with Ali's activated account (his mobile registered).
    QString accountDb()
    {
        const QString db = ws.newDb();
        if (db.isEmpty())
            return {};
        const QString reg =
            ws.file(u"reg.csv"_s, kRegistryHeader + (kAli + u",علی,رضایی,حسن,12345,1365/04/12,M\n"_s).toUtf8());
        const QString own =
            ws.file(u"own.csv"_s, (u"national_code,mobile\n"_s + kAli + u","_s + kMobile + u"\n"_s).toUtf8());
        const QList<CliResult> steps = {
            ctlAs(db, u"admin"_s, {u"--now"_s, at(-7200), u"import-registry"_s, reg}),
            ctlAs(db, u"admin"_s, {u"--now"_s, at(-7200), u"import-mobile-owners"_s, own}),
            ctlAs(db, u"clerk"_s, {u"--now"_s, at(-7200), u"register"_s, u"-"_s}, json(validRequest(kAli, kMobile))),
            ctlAs(db, u"service"_s, {u"--now"_s, at(-3600), u"verify"_s}),
        };
        for (const auto &s : steps)
            if (s.exitCode != 0) {
                qWarning("setup failed: %s", qPrintable(describe(s)));
                return {};
            }
        return show(db, kAli).value(u"status").toString() == u"activated" ? db : QString();
    }

    CliResult startSms(const QString &db)
    {
        return ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"sms"_s});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(ws.isValid());
        if (sqlite3Path().isEmpty())
            QSKIP("the sqlite3 shell is needed to read every table");
        QVERIFY(m_gateway.isListening());
        useSmsGateway(&m_gateway);
    }

    void init()
    {
        useSmsGateway(&m_gateway);
        m_gateway.setFallback({});
        m_gateway.clear();
    }

    // (a) After the start and a sync, the code and its SMS's words are nowhere.
    void codeIsStoredNowhere()
    {
        const QString db = accountDb();
        QVERIFY(!db.isEmpty());
        const QString centralPath = QFileInfo(db).absolutePath() + u"/central.db"_s;
        const QString central = u"sqlite://"_s + centralPath;
        CLI_EXPECT(ctl(db, {u"central"_s, u"init"_s, u"--central"_s, central}), 0);
        CLI_EXPECT(ctl(db, {u"central"_s, u"add-branch"_s, u"1234"_s, u"--central"_s, central}), 0);
        CLI_EXPECT(ctlAs(db, u"service"_s, {u"--now"_s, at(-60), u"sync"_s, u"--central"_s, central}), 0);

        const CliResult started = startSms(db);
        CLI_EXPECT(started, 0);
        QCOMPARE(m_gateway.requests().size(), 1);
        const QJsonObject body = m_gateway.requests().first().json();
        const QString text = body.value(u"text"_s).toString();
        const QString code = codeInText(text);
        QCOMPARE(code.size(), 6);
        QVERIFY2(text.contains(kCodeWords), qPrintable(text));
        // The id the person holds still works with that code, after a sync.
        const CliResult synced = ctlAs(db, u"service"_s, {u"--now"_s, at(30), u"sync"_s, u"--central"_s, central});
        CLI_EXPECT(synced, 0);
        const QString id = started.json().object().value(u"recovery_id").toString();
        CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(60), u"recover"_s, u"verify"_s, id, u"--code"_s, code}), 0);

        // Every row of every table, as text (the sqlite3 shell's dump), of both databases.
        for (const QString &file : {db, centralPath}) {
            const QByteArray dump = sqlite(file, u".dump"_s);
            QVERIFY2(dump.contains("CREATE TABLE"), qPrintable(file));
            QVERIFY2(dump.contains(body.value(u"id"_s).toString().toUtf8()) || file == centralPath,
                     "the SMS's row is not in the dump: the scan would prove nothing");
            QVERIFY2(!holdsCode(dump, code), qPrintable(u"the code is in a row of "_s + file));
            QVERIFY2(!dump.contains(kCodeWords.toUtf8()), qPrintable(u"the SMS text is in a row of "_s + file));
        }
        // The files' bytes, free pages and journals included.
        const QDir folder = QFileInfo(db).absoluteDir();
        for (const QString &base : {QFileInfo(db).fileName(), QFileInfo(centralPath).fileName()})
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
                const QByteArray bytes = fileBytes(folder.filePath(base + suffix));
                QVERIFY2(!holdsCode(bytes, code), qPrintable(base + suffix));
                QVERIFY2(!bytes.contains(kCodeWords.toUtf8()), qPrintable(base + suffix));
                QVERIFY2(!bytes.contains(text.toUtf8()), qPrintable(base + suffix));
            }
        // Nor on the screen.
        for (const CliResult &r : {started, synced})
            QVERIFY(!holdsCode(r.out + r.err, code));
        QVERIFY(!holdsCode(ctlAs(db, u"clerk"_s, {u"sms"_s, u"list"_s}).out, code));
        QVERIFY(!holdsCode(ctlAs(db, u"clerk"_s, {u"applicants"_s, u"show"_s, kAli}).out, code));
        // The SMS's row stayed at the branch: the central has no recovery_code message.
        QCOMPARE(sqlite(centralPath, u"SELECT count(*) FROM sms_messages WHERE kind = 'recovery_code';"_s).trimmed(),
                 QByteArray("0"));
        QCOMPARE(sqlite(db, u"SELECT count(*) FROM outbox WHERE table_name = 'sms_messages' AND "
                            "json_extract(payload, '$.kind') = 'recovery_code';"_s)
                     .trimmed(),
                 QByteArray("0"));
    }

    // (b) No gateway, or it fails: exit 3, recovery.sms_unavailable, nothing kept but the
    // failure's audit entry.
    void gatewayUnavailable_data()
    {
        QTest::addColumn<QString>("gateway"); // "none", "closed", or "fake" answering as scripted
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("status");
        using Step = smstest::FakeSmsGateway::Step;
        QTest::newRow("no gateway set up") << u"none"_s << 0 << 0;
        QTest::newRow("nothing listens") << u"closed"_s << 0 << 0;
        QTest::newRow("HTTP 500") << u"fake"_s << int(Step::Answer) << 500;
        QTest::newRow("HTTP 401") << u"fake"_s << int(Step::Answer) << 401;
        QTest::newRow("closes without a word") << u"fake"_s << int(Step::Close) << 0;
        QTest::newRow("hangs past the timeout") << u"fake"_s << int(Step::Hang) << 0;
    }

    void gatewayUnavailable()
    {
        QFETCH(QString, gateway);
        QFETCH(int, mode);
        QFETCH(int, status);
        const QString db = accountDb();
        QVERIFY(!db.isEmpty());
        if (gateway == "none"_L1) {
            useSmsGateway(nullptr);
        } else if (gateway == "closed"_L1) {
            qputenv("BRANCHDESK_SMS_GATEWAY",
                    "http://127.0.0.1:" + QByteArray::number(smstest::closedPort()) + "/v1/sms");
        } else {
            smstest::FakeSmsGateway::Step step;
            step.mode = smstest::FakeSmsGateway::Step::Mode(mode);
            step.status = status;
            m_gateway.setFallback(step);
        }
        const QStringList tables{u"recoveries"_s, u"sms_messages"_s, u"outbox"_s};
        QMap<QString, int> before;
        for (const QString &t : tables)
            before.insert(t, count(db, t));
        const int audit = count(db, u"audit_log"_s);

        const CliResult r = startSms(db);
        CLI_REFUSED(r, 3);
        QVERIFY(isOneJson(r));
        QCOMPARE(codesOf(r.json().object()), QStringList{u"recovery.sms_unavailable"_s});
        QVERIFY2(r.errText().contains(u"سؤال‌های امنیتی"_s),
                 qPrintable(r.errText())); // branchctl speaks Persian
        for (const QString &t : tables)
            QCOMPARE(count(db, t), before.value(t));
        QCOMPARE(count(db, u"audit_log"_s), audit + 1);
        const QByteArray details =
            sqlite(db, u"SELECT details FROM audit_log WHERE action = 'recovery.sms_unavailable';"_s);
        QVERIFY2(!details.isEmpty() && !details.contains(kMobile.toUtf8()), details.constData());
        // Whatever the gateway got, no code was kept to check it against.
        CLI_EXPECT(ctl(db, {u"audit"_s, u"verify"_s}), 0);
    }

    // (c) The lists show the message as a hidden recovery code, in the staff's language.
    void listsShowTheCodeHidden()
    {
        const QString db = accountDb();
        QVERIFY(!db.isEmpty());
        CLI_EXPECT(startSms(db), 0);
        const QString code = lastRecoveryCode(m_gateway);
        QCOMPARE(code.size(), 6);
        for (const auto &[lang, hidden] :
             {std::pair{u"en"_s, u"Recovery code (hidden)"_s}, std::pair{u"fa"_s, u"کد بازیابی (پنهان)"_s}}) {
            const CliResult list = ctlAs(db, u"clerk"_s, {u"--lang"_s, lang, u"sms"_s, u"list"_s});
            CLI_EXPECT(list, 0);
            QJsonObject message;
            for (const auto &v : list.json().array())
                if (v.toObject().value(u"kind"_s).toString() == "recovery_code"_L1)
                    message = v.toObject();
            QCOMPARE(message.value(u"text"_s).toString(), hidden);
            QCOMPARE(message.value(u"status"_s).toString(), u"sent"_s);
            const CliResult shown = ctlAs(db, u"clerk"_s, {u"--lang"_s, lang, u"applicants"_s, u"show"_s, kAli});
            CLI_EXPECT(shown, 0);
            QJsonObject listed;
            for (const auto &v : shown.json().object().value(u"sms"_s).toArray())
                if (v.toObject().value(u"kind"_s).toString() == "recovery_code"_L1)
                    listed = v.toObject();
            QCOMPARE(listed.value(u"text"_s).toString(), hidden);
            QVERIFY(!holdsCode(list.out + shown.out, code));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliRecoveryCode)
#include "TestCliRecoveryCode.moc"
