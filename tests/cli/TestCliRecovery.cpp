// branchctl recover start / verify / reset, end to end: the SMS code (6 digits, sent to a
// local gateway, valid 20 minutes, 5 tries then locked), the security questions (answers compared
// Persian-normalised and case-insensitively), the new password under the registration
// rules, a recovery id that works once, and the refusals (unknown user, no mobile, no
// questions) with their codes. The clock is moved with --now.
#include "CliSmsGateway.h"
#include "CliTestUtil.h"

#include <QTest>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

const QString kAli = u"0012345679"_s;
const QString kNewPassword = u"Tazeh#2025x"_s;
const QDateTime kT0 = QDateTime(QDate(2025, 5, 10), QTime(9, 0), Qt::UTC);

QString at(qint64 seconds)
{
    return iso(kT0.addSecs(seconds));
}

QByteArray passwordJson(const QString &p, const QString &confirm)
{
    return json(QJsonObject{{u"password"_s, p}, {u"password_confirm"_s, confirm}});
}

QByteArray answers(const QString &a1, const QString &a2, const QString &a3)
{
    return json(questions(a1, a2, a3));
}

smstest::FakeSmsGateway *g_gateway = nullptr;

// The code of the newest recovery SMS the gateway received, in ASCII digits (empty when none).
QString lastCode()
{
    return g_gateway ? lastRecoveryCode(*g_gateway) : QString();
}

QString otherCode(const QString &code)
{
    return QString::number((code.toInt() + 1) % 1000000).rightJustified(6, u'0');
}

} // namespace

class TestCliRecovery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void smsCodeFlow();
    void usernameInAnyDigitScript_data();
    void usernameInAnyDigitScript();
    void wrongCodesCountDownThenLock();
    void codeExpiry_data();
    void codeExpiry();
    void resetRefusedBeforeVerify();
    void resetPasswordRules_data();
    void resetPasswordRules();
    void recoveryIdWorksOnce();
    void questionsListed();
    void rightAnswers_data();
    void rightAnswers();
    void wrongAnswers();
    void wrongMethodForRecovery();
    void unknownUser_data();
    void unknownUser();
    void unknownRecoveryId();
    void noMobile();
    void noQuestions();

private:
    // A database with Ali's activated account (answers: Blue / تهران / بانک ملت).
    QString accountDb();
    // Starts an SMS recovery at kT0 + seconds; returns its id.
    QString startSms(const QString &db, qint64 seconds = 0);
    Workspace ws;
    smstest::FakeSmsGateway m_gateway;
};

void TestCliRecovery::initTestCase()
{
    QVERIFY(ws.isValid());
    QVERIFY(m_gateway.isListening());
    g_gateway = &m_gateway;
    useSmsGateway(&m_gateway);
}

QString TestCliRecovery::accountDb()
{
    const QString db = ws.newDb();
    if (db.isEmpty())
        return {};
    const QString reg =
        ws.file(u"reg.csv"_s, kRegistryHeader + (kAli + u",علی,رضایی,حسن,12345,1365/04/12,M\n"_s).toUtf8());
    const QString own = ws.file(u"own.csv"_s, "national_code,mobile\n0012345679,09121234567\n");
    QJsonObject req = validRequest(kAli);
    req.insert(u"security_questions"_s, questions(u"Blue"_s, u"تهران"_s, u"بانک ملت"_s));
    const QList<CliResult> steps = {
        ctlAs(db, u"admin"_s, {u"--now"_s, at(-7200), u"import-registry"_s, reg}),
        ctlAs(db, u"admin"_s, {u"--now"_s, at(-7200), u"import-mobile-owners"_s, own}),
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(-7200), u"register"_s, u"-"_s}, json(req)),
        ctlAs(db, u"service"_s, {u"--now"_s, at(-3600), u"verify"_s}),
    };
    for (const auto &s : steps)
        if (s.exitCode != 0) {
            qWarning("setup failed: %s", qPrintable(describe(s)));
            return {};
        }
    if (show(db, kAli).value(u"status").toString() != u"activated")
        return {};
    return db;
}

QString TestCliRecovery::startSms(const QString &db, qint64 seconds)
{
    const auto r =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(seconds), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"sms"_s});
    if (r.exitCode != 0)
        qWarning("recover start failed: %s", qPrintable(describe(r)));
    return r.json().object().value(u"recovery_id").toString();
}

void TestCliRecovery::smsCodeFlow()
{
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const int smsBefore = smsList(db).size();
    const auto r = ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"sms"_s});
    CLI_EXPECT(r, 0);
    QVERIFY(isOneJson(r));
    const QJsonObject o = r.json().object();
    QStringList keys = o.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{u"expires_at"_s, u"method"_s, u"recovery_id"_s}));
    QCOMPARE(o.value(u"method").toString(), u"sms"_s);
    const QString id = o.value(u"recovery_id").toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(QDateTime::fromString(o.value(u"expires_at").toString(), Qt::ISODateWithMs), kT0.addSecs(20 * 60));

    // One SMS to the registered mobile, with a 6-digit code, handed to the gateway at once;
    // the list shows it sent, its code hidden.
    const QJsonArray sms = smsList(db);
    QCOMPARE(sms.size(), smsBefore + 1);
    const QJsonObject s = sms.last().toObject();
    QCOMPARE(s.value(u"national_code").toString(), kAli);
    QCOMPARE(s.value(u"mobile").toString(), u"09121234567"_s);
    QCOMPARE(s.value(u"status").toString(), u"sent"_s);
    QCOMPARE(s.value(u"text").toString(), u"کد بازیابی (پنهان)"_s);
    const auto request = m_gateway.requests().last();
    QCOMPARE(request.json().value(u"to").toString(), u"09121234567"_s);
    QCOMPARE(request.key(), s.value(u"id").toString());
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer " + kCliSmsToken));
    const QString code = lastCode();
    QCOMPARE(code.size(), 6);
    QVERIFY2(!r.out.contains(code.toUtf8()) && !r.err.contains(code.toUtf8()), "the code must travel by SMS only");

    const auto v = ctlAs(db, u"clerk"_s, {u"--now"_s, at(60), u"recover"_s, u"verify"_s, id, u"--code"_s, code});
    CLI_EXPECT(v, 0);
    QCOMPARE(v.json().object(), (QJsonObject{{u"verified"_s, true}}));

    const auto reset = ctlAs(db, u"clerk"_s, {u"--now"_s, at(120), u"recover"_s, u"reset"_s, id},
                             passwordJson(kNewPassword, kNewPassword));
    CLI_EXPECT(reset, 0);
    QCOMPARE(reset.json().object().value(u"ok").toBool(), true);
    QVERIFY(historyActions(show(db, kAli)).contains(u"account.password_recovered"_s));
    CLI_EXPECT(ctl(db, {u"audit"_s, u"verify"_s}), 0);
    // Every step is the signed-in clerk's, in the audit log: nobody acts as "portal" here.
    bool ok = false;
    const QByteArray actors =
        sqlite(db,
               u"SELECT DISTINCT actor FROM audit_log WHERE national_code = '%1' AND (action LIKE "
               "'recovery.%%' OR action = 'account.password_recovered') ORDER BY actor"_s.arg(kAli),
               &ok);
    QVERIFY(ok);
    QCOMPARE(actors.trimmed(), QByteArray("clerk"));
}

void TestCliRecovery::usernameInAnyDigitScript_data()
{
    QTest::addColumn<QString>("username");
    QTest::newRow("ASCII") << kAli;
    QTest::newRow("Persian") << toPersianDigits(kAli);
    QTest::newRow("Arabic-Indic") << toArabicIndicDigits(kAli);
    QTest::newRow("with dashes") << u"001-234567-9"_s;
}

void TestCliRecovery::usernameInAnyDigitScript()
{
    QFETCH(QString, username);
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const auto r =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"start"_s, username, u"--method"_s, u"sms"_s});
    CLI_EXPECT(r, 0);
    const QString code = lastCode();
    QCOMPARE(code.size(), 6);
    // The code typed in Persian digits is the same code.
    const auto v = ctlAs(db, u"clerk"_s,
                         {u"--now"_s, at(30), u"recover"_s, u"verify"_s,
                          r.json().object().value(u"recovery_id").toString(), u"--code"_s, toPersianDigits(code)});
    CLI_EXPECT(v, 0);
}

void TestCliRecovery::wrongCodesCountDownThenLock()
{
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const QString id = startSms(db);
    QVERIFY(!id.isEmpty());
    const QString code = lastCode();
    const QString wrong = otherCode(code);
    for (int i = 1; i <= 5; ++i) {
        const auto r =
            ctlAs(db, u"clerk"_s, {u"--now"_s, at(i * 10), u"recover"_s, u"verify"_s, id, u"--code"_s, wrong});
        CLI_REFUSED(r, 1);
        QVERIFY(isOneJson(r));
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(u"ok").toBool(true), false);
        QCOMPARE(codesOf(o), QStringList{u"recovery.code_wrong"_s});
        QCOMPARE(o.value(u"attempts_left").toInt(-1), 5 - i);
    }
    // Locked: even the right code is refused now, and so is a reset.
    const auto right = ctlAs(db, u"clerk"_s, {u"--now"_s, at(70), u"recover"_s, u"verify"_s, id, u"--code"_s, code});
    CLI_REFUSED(right, 1);
    QCOMPARE(codesOf(right.json().object()), QStringList{u"recovery.locked"_s});
    const auto reset = ctlAs(db, u"clerk"_s, {u"--now"_s, at(80), u"recover"_s, u"reset"_s, id},
                             passwordJson(kNewPassword, kNewPassword));
    CLI_REFUSED(reset, 1);
    QCOMPARE(codesOf(reset.json().object()), QStringList{u"recovery.locked"_s});

    // A new recovery starts afresh.
    const QString id2 = startSms(db, 90);
    QVERIFY(!id2.isEmpty() && id2 != id);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(100), u"recover"_s, u"verify"_s, id2, u"--code"_s, lastCode()}),
               0);
}

void TestCliRecovery::codeExpiry_data()
{
    QTest::addColumn<qint64>("after");
    QTest::addColumn<QString>("code"); // empty: verified
    QTest::newRow("1 minute") << qint64(60) << QString();
    QTest::newRow("19 minutes 59 s") << qint64(20 * 60 - 1) << QString();
    QTest::newRow("20 minutes 1 s") << qint64(20 * 60 + 1) << u"recovery.code_expired"_s;
    QTest::newRow("21 minutes") << qint64(21 * 60) << u"recovery.code_expired"_s;
    QTest::newRow("a day") << qint64(86400) << u"recovery.code_expired"_s;
}

void TestCliRecovery::codeExpiry()
{
    QFETCH(qint64, after);
    QFETCH(QString, code);
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const QString id = startSms(db);
    QVERIFY(!id.isEmpty());
    const auto r =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(after), u"recover"_s, u"verify"_s, id, u"--code"_s, lastCode()});
    if (code.isEmpty()) {
        CLI_EXPECT(r, 0);
        QCOMPARE(r.json().object().value(u"verified").toBool(), true);
    } else {
        CLI_REFUSED(r, 1);
        QVERIFY(isOneJson(r));
        QCOMPARE(codesOf(r.json().object()), QStringList{code});
    }
}

void TestCliRecovery::resetRefusedBeforeVerify()
{
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const QString id = startSms(db);
    QVERIFY(!id.isEmpty());
    const QByteArray before = dump(db);
    const auto r = ctlAs(db, u"clerk"_s, {u"--now"_s, at(10), u"recover"_s, u"reset"_s, id},
                         passwordJson(kNewPassword, kNewPassword));
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QCOMPARE(codesOf(r.json().object()), QStringList{u"recovery.not_verified"_s});
    QCOMPARE(dump(db), before);
    // The recovery still works afterwards.
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(20), u"recover"_s, u"verify"_s, id, u"--code"_s, lastCode()}), 0);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(30), u"recover"_s, u"reset"_s, id},
                     passwordJson(kNewPassword, kNewPassword)),
               0);
}

void TestCliRecovery::resetPasswordRules_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("codes");
    auto same = [](const QString &p) { return passwordJson(p, p); };
    QTest::newRow("no_upper") << same(u"tazeh#2025x"_s) << QStringList{u"password.no_upper"_s};
    QTest::newRow("no_lower") << same(u"TAZEH#2025X"_s) << QStringList{u"password.no_lower"_s};
    QTest::newRow("no_digit") << same(u"Tazeh#Abcd"_s) << QStringList{u"password.no_digit"_s};
    QTest::newRow("too_short") << same(u"Ta#1"_s) << QStringList{u"password.too_short"_s};
    QTest::newRow("invalid_chars") << same(u"Tazeh 2025x"_s) << QStringList{u"password.invalid_chars"_s};
    QTest::newRow("first_not_letter") << same(u"2025#Tazeh"_s) << QStringList{u"password.first_not_letter"_s};
    QTest::newRow("contains_national_code")
        << same(u"Ab0012345679"_s) << QStringList{u"password.contains_national_code"_s};
    QTest::newRow("mismatch") << passwordJson(kNewPassword, u"Tazeh#2025y"_s) << QStringList{u"password.mismatch"_s};
    QTest::newRow("several") << same(u"abc"_s)
                             << QStringList{u"password.no_digit"_s, u"password.no_upper"_s, u"password.too_short"_s};
    QTest::newRow("password not text") << QByteArray("{\"password\": 5, \"password_confirm\": 5}")
                                       << QStringList{u"password.invalid_type"_s};
    QTest::newRow("malformed JSON") << QByteArray("{\"password\": ") << QStringList{u"input.malformed_json"_s};
}

void TestCliRecovery::resetPasswordRules()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, codes);
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const QString id = startSms(db);
    QVERIFY(!id.isEmpty());
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(10), u"recover"_s, u"verify"_s, id, u"--code"_s, lastCode()}), 0);
    const QByteArray before = dump(db);
    const auto r = ctlAs(db, u"clerk"_s, {u"--now"_s, at(20), u"recover"_s, u"reset"_s, id}, input);
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QStringList got = codesOf(r.json().object());
    got.sort();
    QCOMPARE(got, codes);
    QCOMPARE(dump(db), before);
    // A refused password does not use up the recovery.
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(30), u"recover"_s, u"reset"_s, id},
                     passwordJson(kNewPassword, kNewPassword)),
               0);
}

void TestCliRecovery::recoveryIdWorksOnce()
{
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const QString id = startSms(db);
    const QString code = lastCode();
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(10), u"recover"_s, u"verify"_s, id, u"--code"_s, code}), 0);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(20), u"recover"_s, u"reset"_s, id},
                     passwordJson(kNewPassword, kNewPassword)),
               0);
    const QByteArray before = dump(db);
    const auto again = ctlAs(db, u"clerk"_s, {u"--now"_s, at(30), u"recover"_s, u"reset"_s, id},
                             passwordJson(u"Another#2026"_s, u"Another#2026"_s));
    CLI_REFUSED(again, 1);
    QCOMPARE(codesOf(again.json().object()), QStringList{u"recovery.used"_s});
    const auto verifyAgain =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(40), u"recover"_s, u"verify"_s, id, u"--code"_s, code});
    CLI_REFUSED(verifyAgain, 1);
    QCOMPARE(codesOf(verifyAgain.json().object()), QStringList{u"recovery.used"_s});
    QCOMPARE(dump(db), before);
}

void TestCliRecovery::questionsListed()
{
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const int smsBefore = smsList(db).size();
    for (const QString &lang : {u"fa"_s, u"en"_s}) {
        const auto r = ctlAs(
            db, u"clerk"_s,
            {u"--lang"_s, lang, u"--now"_s, at(0), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"questions"_s});
        CLI_EXPECT(r, 0);
        QVERIFY(isOneJson(r));
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(u"method").toString(), u"questions"_s);
        QVERIFY(!o.value(u"recovery_id").toString().isEmpty());
        const QJsonArray qs = o.value(u"questions").toArray();
        QStringList ids;
        for (const auto &q : qs) {
            ids << q.toObject().value(u"question_id").toString();
            QVERIFY(!q.toObject().value(u"text").toString().trimmed().isEmpty());
            QVERIFY(!q.toObject().contains(u"answer"));
        }
        QCOMPARE(ids, (QStringList{u"favorite_color"_s, u"birth_city"_s, u"first_workplace"_s}));
        QVERIFY(!r.out.contains("Blue") && !r.out.contains(QStringLiteral("تهران").toUtf8()));
    }
    QCOMPARE(smsList(db).size(), smsBefore); // no SMS for the questions method
}

void TestCliRecovery::rightAnswers_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("as registered") << answers(u"Blue"_s, u"تهران"_s, u"بانک ملت"_s);
    QTest::newRow("other case") << answers(u"bLUE"_s, u"تهران"_s, u"بانک ملت"_s);
    QTest::newRow("Arabic kaf") << answers(u"Blue"_s, u"تهران"_s, u"بانك ملت"_s);
    QTest::newRow("no space") << answers(u"Blue"_s, u"تهران"_s, u"بانکملت"_s);
    QTest::newRow("ZWNJ instead of space") << answers(u"Blue"_s, u"تهران"_s, u"بانک\u200Cملت"_s);
    QTest::newRow("extra spaces") << answers(u"  Blue "_s, u" تهران"_s, u"بانک   ملت "_s);
    QTest::newRow("other order") << json(
        QJsonArray{QJsonObject{{u"question_id"_s, u"first_workplace"_s}, {u"answer"_s, u"بانک ملت"_s}},
                   QJsonObject{{u"question_id"_s, u"favorite_color"_s}, {u"answer"_s, u"blue"_s}},
                   QJsonObject{{u"question_id"_s, u"birth_city"_s}, {u"answer"_s, u"تهران"_s}}});
    QTest::newRow("as an object with answers")
        << json(QJsonObject{{u"answers"_s, questions(u"Blue"_s, u"تهران"_s, u"بانک ملت"_s)}});
}

void TestCliRecovery::rightAnswers()
{
    QFETCH(QByteArray, input);
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const auto s =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"questions"_s});
    CLI_EXPECT(s, 0);
    const QString id = s.json().object().value(u"recovery_id").toString();
    const auto v =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(60), u"recover"_s, u"verify"_s, id, u"--answers"_s, u"-"_s}, input);
    CLI_EXPECT(v, 0);
    QCOMPARE(v.json().object(), (QJsonObject{{u"verified"_s, true}}));
    // The answers may also come from a file.
    const QString file = ws.file(u"answers.json"_s, input);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(70), u"recover"_s, u"verify"_s, id, u"--answers"_s, file}), 0);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(80), u"recover"_s, u"reset"_s, id},
                     passwordJson(kNewPassword, kNewPassword)),
               0);
}

void TestCliRecovery::wrongAnswers()
{
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const auto s =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"questions"_s});
    CLI_EXPECT(s, 0);
    const QString id = s.json().object().value(u"recovery_id").toString();
    const QList<QByteArray> wrongs = {
        answers(u"Red"_s, u"تهران"_s, u"بانک ملت"_s),  // one wrong
        answers(u"Blue"_s, u"تهران"_s, u"بانک"_s),     // a prefix is not the answer
        json(QJsonArray{questions().at(0)}),           // only one question answered
        answers(u"بانک ملت"_s, u"Blue"_s, u"تهران"_s), // answers under the wrong questions
    };
    for (int i = 0; i < wrongs.size(); ++i) {
        const auto r =
            ctlAs(db, u"clerk"_s, {u"--now"_s, at(10 + i), u"recover"_s, u"verify"_s, id, u"--answers"_s, u"-"_s},
                  wrongs.at(i));
        CLI_REFUSED(r, 1);
        QVERIFY(isOneJson(r));
        QCOMPARE(codesOf(r.json().object()), QStringList{u"recovery.answers_wrong"_s});
        QCOMPARE(r.json().object().value(u"attempts_left").toInt(-1), 4 - i);
    }
    const auto bad =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(20), u"recover"_s, u"verify"_s, id, u"--answers"_s, u"-"_s}, "{\"x\":1}");
    CLI_REFUSED(bad, 1);
    QCOMPARE(codesOf(bad.json().object()), QStringList{u"answers.invalid_type"_s});
    // The fifth wrong try locks the recovery.
    const auto fifth =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(30), u"recover"_s, u"verify"_s, id, u"--answers"_s, u"-"_s},
              answers(u"x1"_s, u"x2"_s, u"x3"_s));
    CLI_REFUSED(fifth, 1);
    QCOMPARE(fifth.json().object().value(u"attempts_left").toInt(-1), 0);
    const auto locked =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(40), u"recover"_s, u"verify"_s, id, u"--answers"_s, u"-"_s},
              answers(u"Blue"_s, u"تهران"_s, u"بانک ملت"_s));
    CLI_REFUSED(locked, 1);
    QCOMPARE(codesOf(locked.json().object()), QStringList{u"recovery.locked"_s});
}

void TestCliRecovery::wrongMethodForRecovery()
{
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const QString smsId = startSms(db);
    const auto a = ctlAs(db, u"clerk"_s, {u"--now"_s, at(10), u"recover"_s, u"verify"_s, smsId, u"--answers"_s, u"-"_s},
                         answers(u"Blue"_s, u"تهران"_s, u"بانک ملت"_s));
    CLI_REFUSED(a, 1);
    QCOMPARE(codesOf(a.json().object()), QStringList{u"recovery.method"_s});
    const auto q =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"questions"_s});
    const auto c = ctlAs(db, u"clerk"_s,
                         {u"--now"_s, at(10), u"recover"_s, u"verify"_s,
                          q.json().object().value(u"recovery_id").toString(), u"--code"_s, u"123456"_s});
    CLI_REFUSED(c, 1);
    QCOMPARE(codesOf(c.json().object()), QStringList{u"recovery.method"_s});
}

void TestCliRecovery::unknownUser_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("method");
    QTest::newRow("valid code, no account (sms)") << nationalCode(u"123456789"_s) << u"sms"_s;
    QTest::newRow("valid code, no account (questions)") << nationalCode(u"123456789"_s) << u"questions"_s;
    QTest::newRow("bad check digit") << badChecksumCode(u"001234567"_s) << u"sms"_s;
    QTest::newRow("too short") << u"123"_s << u"sms"_s;
    QTest::newRow("letters") << u"abcdefghij"_s << u"questions"_s;
}

void TestCliRecovery::unknownUser()
{
    QFETCH(QString, username);
    QFETCH(QString, method);
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    const auto r =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"start"_s, username, u"--method"_s, method});
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QCOMPARE(r.json().object().value(u"ok").toBool(true), false);
    QCOMPARE(codesOf(r.json().object()), QStringList{u"recovery.unknown_user"_s});
    QCOMPARE(dump(db), before);
}

void TestCliRecovery::unknownRecoveryId()
{
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    const QString bogus = u"00000000-0000-4000-8000-000000000000"_s;
    const auto v =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"verify"_s, bogus, u"--code"_s, u"123456"_s});
    CLI_REFUSED(v, 1);
    QCOMPARE(codesOf(v.json().object()), QStringList{u"recovery.not_found"_s});
    const auto r = ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"reset"_s, bogus},
                         passwordJson(kNewPassword, kNewPassword));
    CLI_REFUSED(r, 1);
    QCOMPARE(codesOf(r.json().object()), QStringList{u"recovery.not_found"_s});
    QCOMPARE(dump(db), before);
}

void TestCliRecovery::noMobile()
{
    // An account without a mobile cannot be made through branchctl (registration requires
    // one); the sqlite3 shell removes it.
    if (sqlite3Path().isEmpty())
        QSKIP("needs the sqlite3 shell");
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    bool ok = false;
    sqlite(db, u"UPDATE accounts SET mobile = NULL;"_s, &ok);
    QVERIFY(ok);
    const QByteArray before = dump(db);
    const auto r = ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"sms"_s});
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QCOMPARE(codesOf(r.json().object()), QStringList{u"recovery.no_mobile"_s});
    QCOMPARE(dump(db), before);
    // The questions still work.
    CLI_EXPECT(
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"questions"_s}), 0);

    // The seed's words, in the default language (fa), once the translation is there.
    QFile ts(QStringLiteral(BRANCH_SOURCE_DIR "/translations/branchdesk_fa.ts"));
    QByteArray tsText = ts.open(QIODevice::ReadOnly) ? ts.readAll() : QByteArray();
    const qsizetype source = tsText.indexOf("<source>No mobile number was found for this username.</source>");
    const qsizetype end = tsText.indexOf("</translation>", source);
    const bool translated =
        source >= 0 && end > source && tsText.mid(source, end - source).contains(QStringLiteral("یافت نشد").toUtf8());
    if (!translated)
        QSKIP("the fa translation of recovery.no_mobile is not in translations/branchdesk_fa.ts yet");
    QVERIFY2(r.errText().contains(u"برای این نام کاربری شماره تلفن همراه یافت نشد."_s), qPrintable(r.errText()));
}

void TestCliRecovery::noQuestions()
{
    if (sqlite3Path().isEmpty())
        QSKIP("needs the sqlite3 shell");
    const QString db = accountDb();
    QVERIFY(!db.isEmpty());
    bool ok = false;
    sqlite(db, u"UPDATE accounts SET questions_json = '[]';"_s, &ok);
    QVERIFY(ok);
    const QByteArray before = dump(db);
    const auto r =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"questions"_s});
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QCOMPARE(codesOf(r.json().object()), QStringList{u"recovery.no_questions"_s});
    QCOMPARE(dump(db), before);
}

QTEST_GUILESS_MAIN(TestCliRecovery)
#include "TestCliRecovery.moc"
