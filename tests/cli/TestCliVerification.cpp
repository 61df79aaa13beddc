// branchctl verify, end to end: the central verification's four outcomes (activated,
// branch_activation_required, identity_mismatch, expired) against imported registry and
// mobile-ownership data, Persian name normalisation (Arabic ي/ك, ZWNJ, spaces), the 48-hour
// window moved with --now, and the seed's exact SMS texts in `sms list`.
#include "CliTestUtil.h"

#include <QTest>
#include <QTimeZone>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

// The seed's texts, copied word for word from shared/seed/README.md.
const QString kMr = u"جناب آقای"_s;
const QString kMrs = u"سرکار خانم"_s;
const QString kActivated = u"به سیستم های متمرکز سازمان تامین اجتماعی خوش آمدید. حساب کاربری شما فعال گردید."_s;
const QString kBranch =
    u"ثبت نام شما تائید شد، جهت فعال سازی حساب کاربری با در دست داشتن مدارک هویتی به نزدیکترین شعبه مراجعه فرمائید ."_s;
const QString kMismatch =
    u"اطلاعات هویتی وارد شده توسط شما با پایگاه مرجع مطابقت ندارد، میتوانید مجدداً ثبت نام نمائید. چنانچه از صحت اطلاعات ثبت شده اطمینان دارید با در دست داشتن مدارک هویتی خود به نزدیکترین شعبه مراجعه فرمائید."_s;

const QString kAli = u"0012345679"_s;   // علی رضایی, M, owns 09121234567
const QString kZahra = u"1234567891"_s; // زهرا محمدی‌نژاد (ZWNJ), F, owns 09351112233
const QString kKazem = u"0067749828"_s; // کاظم کریمی, M, owns 09191112233
const QString kNoRow = u"0499370899"_s; // not in the registry

QString zwnj()
{
    return QString(QChar(0x200C));
}

QJsonObject person(const QString &code, const QString &first, const QString &last, const QString &certNo,
                   const QString &birth, const QString &gender, const QString &mobile)
{
    QJsonObject r = validRequest(code, mobile);
    r.insert(u"first_name"_s, first);
    r.insert(u"last_name"_s, last);
    r.insert(u"birth_cert_no"_s, certNo);
    r.insert(u"birth_date"_s, birth);
    r.insert(u"gender"_s, gender);
    return r;
}

QJsonObject ali(const QString &mobile = u"09121234567"_s)
{
    return person(kAli, u"علی"_s, u"رضایی"_s, u"12345"_s, u"1365/04/12"_s, u"M"_s, mobile);
}
QJsonObject zahra(const QString &mobile = u"09351112233"_s)
{
    return person(kZahra, u"زهرا"_s, u"محمدی"_s + zwnj() + u"نژاد"_s, u"5678"_s, u"1370/01/15"_s, u"F"_s, mobile);
}
QJsonObject kazem(const QString &mobile = u"09191112233"_s)
{
    return person(kKazem, u"کاظم"_s, u"کریمی"_s, u"998"_s, u"1350/11/30"_s, u"M"_s, mobile);
}

QJsonObject with(QJsonObject o, const QString &key, const QString &value)
{
    o.insert(key, value);
    return o;
}

} // namespace

class TestCliVerification : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void outcomes_data();
    void outcomes();
    void expiry_data();
    void expiry();
    void severalRequestsAtOnce();
    void verifyIsIdempotent();

private:
    // A database with the registry and the mobile owners imported.
    QString preparedDb();
    Workspace ws;
    QString m_registry, m_owners;
};

void TestCliVerification::initTestCase()
{
    QVERIFY(ws.isValid());
    QVERIFY(nationalCode(kZahra.left(9)) == kZahra);
    QVERIFY(nationalCode(kKazem.left(9)) == kKazem);
    QVERIFY(nationalCode(kNoRow.left(9)) == kNoRow);
    QByteArray reg = kRegistryHeader;
    reg += (kAli + u",علی,رضایی,حسن,12345,1365/04/12,M\n"_s).toUtf8();
    reg += (kZahra + u",زهرا,محمدی"_s + zwnj() + u"نژاد,محمد,5678,1370/01/15,F\n"_s).toUtf8();
    reg += (kKazem + u",کاظم,کریمی,,998,1350/11/30,M\n"_s).toUtf8();
    m_registry = ws.file(u"registry.csv"_s, reg);
    m_owners =
        ws.file(u"owners.csv"_s, QByteArray("national_code,mobile\n") + kAli.toUtf8() + ",09121234567\n" +
                                     kZahra.toUtf8() + ",+98 935 111 2233\n" + kKazem.toUtf8() + ",09191112233\n");
}

QString TestCliVerification::preparedDb()
{
    const QString db = ws.newDb();
    if (db.isEmpty())
        return {};
    const auto a = ctlAs(db, u"admin"_s, {u"import-registry"_s, m_registry});
    const auto b = ctlAs(db, u"admin"_s, {u"import-mobile-owners"_s, m_owners});
    if (a.exitCode != 0 || b.exitCode != 0) {
        qWarning("import failed: %s\n%s", qPrintable(describe(a)), qPrintable(describe(b)));
        return {};
    }
    if (a.json().object().value(u"imported").toInt() != 3 || b.json().object().value(u"imported").toInt() != 3)
        return {};
    return db;
}

void TestCliVerification::outcomes_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("smsText"); // the exact text of the one SMS queued

    auto greet = [](const QString &title, const QString &name, const QString &text) {
        return title + u' ' + name + u'\n' + text;
    };
    const QString aliName = u"علی رضایی"_s;
    const QString zahraName = u"زهرا محمدی"_s + zwnj() + u"نژاد"_s;

    QTest::newRow("activated M") << ali() << u"activated"_s << greet(kMr, aliName, kActivated);
    QTest::newRow("activated F") << zahra() << u"activated"_s << greet(kMrs, zahraName, kActivated);
    QTest::newRow("activated, mobile typed +98 with Persian digits")
        << ali(toPersianDigits(u"+98 912 123 4567"_s)) << u"activated"_s << greet(kMr, aliName, kActivated);
    QTest::newRow("activated, birth date and cert in Persian digits")
        << with(with(ali(), u"birth_date"_s, u"۱۳۶۵/۰۴/۱۲"_s), u"birth_cert_no"_s, u"۱۲۳۴۵"_s) << u"activated"_s
        << greet(kMr, aliName, kActivated);
    QTest::newRow("activated, birth date with dashes and no zero padding")
        << with(ali(), u"birth_date"_s, u"1365-4-12"_s) << u"activated"_s << greet(kMr, aliName, kActivated);

    QTest::newRow("branch M (mobile not his)")
        << ali(u"09350000000"_s) << u"branch_activation_required"_s << greet(kMr, aliName, kBranch);
    QTest::newRow("branch F (mobile not hers)")
        << zahra(u"09129998877"_s) << u"branch_activation_required"_s << greet(kMrs, zahraName, kBranch);
    QTest::newRow("branch: someone else's mobile")
        << ali(u"09191112233"_s) << u"branch_activation_required"_s << greet(kMr, aliName, kBranch);

    QTest::newRow("mismatch first name") << with(ali(), u"first_name"_s, u"رضا"_s) << u"identity_mismatch"_s
                                         << kMismatch;
    QTest::newRow("mismatch last name") << with(ali(), u"last_name"_s, u"رضائی‌پور"_s)
                                        << u"identity_mismatch"_s << kMismatch;
    QTest::newRow("mismatch birth date") << with(ali(), u"birth_date"_s, u"1365/04/13"_s) << u"identity_mismatch"_s
                                         << kMismatch;
    QTest::newRow("mismatch birth cert") << with(ali(), u"birth_cert_no"_s, u"12346"_s) << u"identity_mismatch"_s
                                         << kMismatch;
    QTest::newRow("mismatch gender") << with(ali(), u"gender"_s, u"F"_s) << u"identity_mismatch"_s << kMismatch;
    QTest::newRow("mismatch: first and last name swapped")
        << with(with(ali(), u"first_name"_s, u"رضایی"_s), u"last_name"_s, u"علی"_s) << u"identity_mismatch"_s
        << kMismatch;
    QTest::newRow("no registry row") << person(kNoRow, u"علی"_s, u"رضایی"_s, u"12345"_s, u"1365/04/12"_s, u"M"_s,
                                               u"09121234567"_s)
                                     << u"identity_mismatch"_s << kMismatch;

    // Normalisation: what a person types must still match the registry.
    QTest::newRow("Arabic yeh") << with(with(ali(), u"first_name"_s, u"علي"_s), u"last_name"_s, u"رضايي"_s)
                                << u"activated"_s << greet(kMr, u"علي رضايي"_s, kActivated);
    QTest::newRow("Arabic kaf and yeh") << with(with(kazem(), u"first_name"_s, u"كاظم"_s), u"last_name"_s, u"كريمي"_s)
                                        << u"activated"_s << greet(kMr, u"كاظم كريمي"_s, kActivated);
    QTest::newRow("ZWNJ typed as a space") << with(zahra(), u"last_name"_s, u"محمدی نژاد"_s) << u"activated"_s
                                           << greet(kMrs, u"زهرا محمدی نژاد"_s, kActivated);
    QTest::newRow("ZWNJ left out") << with(zahra(), u"last_name"_s, u"محمدینژاد"_s) << u"activated"_s
                                   << greet(kMrs, u"زهرا محمدینژاد"_s, kActivated);
    QTest::newRow("ZWNJ and Arabic yeh, extra spaces")
        << with(zahra(), u"last_name"_s, u"  محمدي"_s + zwnj() + u"نژاد "_s) << u"activated"_s
        << greet(kMrs, u"زهرا محمدي"_s + zwnj() + u"نژاد"_s, kActivated);
}

void TestCliVerification::outcomes()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, outcome);
    QFETCH(QString, smsText);
    const QString db = preparedDb();
    QVERIFY(!db.isEmpty());
    const auto reg = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(request));
    CLI_EXPECT(reg, 0);
    const QString requestId = reg.json().array().at(0).toObject().value(u"request_id").toString();
    const QString code = reg.json().array().at(0).toObject().value(u"national_code").toString();
    QCOMPARE(smsList(db).size(), 0);

    const auto v = ctlAs(db, u"service"_s, {u"verify"_s});
    CLI_EXPECT(v, 0);
    QVERIFY(isOneJson(v));
    const QJsonArray decisions = v.json().array();
    QCOMPARE(decisions.size(), 1);
    const QJsonObject d = decisions.at(0).toObject();
    QCOMPARE(d.value(u"request_id").toString(), requestId);
    QCOMPARE(d.value(u"national_code").toString(), code);
    QCOMPARE(d.value(u"outcome").toString(), outcome);

    const QJsonArray sms = smsList(db);
    QCOMPARE(sms.size(), 1);
    const QJsonObject s = sms.at(0).toObject();
    QCOMPARE(s.value(u"national_code").toString(), code);
    QCOMPARE(s.value(u"mobile").toString(), search(db, code).at(0).toObject().value(u"mobile").toString());
    QCOMPARE(s.value(u"text").toString(), smsText);
    QVERIFY(!s.value(u"created_at").toString().isEmpty());
    QVERIFY(!s.value(u"status").toString().isEmpty());

    const QJsonObject shown = show(db, code);
    QCOMPARE(shown.value(u"status").toString(), outcome);
    QCOMPARE(shown.value(u"account").isObject(), outcome == u"activated");
    QVERIFY(historyActions(shown).contains(u"request."_s + outcome));
    const auto audit = ctl(db, {u"audit"_s, u"verify"_s});
    CLI_EXPECT(audit, 0);
}

void TestCliVerification::expiry_data()
{
    QTest::addColumn<qint64>("secondsLater");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("1 hour") << qint64(3600) << u"activated"_s;
    QTest::newRow("47 hours") << qint64(47 * 3600) << u"activated"_s;
    QTest::newRow("48 hours - 1 s") << qint64(48 * 3600 - 1) << u"activated"_s;
    QTest::newRow("48 hours + 1 s") << qint64(48 * 3600 + 1) << u"expired"_s;
    QTest::newRow("49 hours") << qint64(49 * 3600) << u"expired"_s;
    QTest::newRow("30 days") << qint64(30 * 86400) << u"expired"_s;
}

void TestCliVerification::expiry()
{
    QFETCH(qint64, secondsLater);
    QFETCH(QString, outcome);
    const QString db = preparedDb();
    QVERIFY(!db.isEmpty());
    const QDateTime t = QDateTime(QDate(2025, 3, 1), QTime(8, 0), Qt::UTC);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, iso(t), u"register"_s, u"-"_s}, json(ali())), 0);
    const auto v = ctlAs(db, u"service"_s, {u"verify"_s, u"--now"_s, iso(t.addSecs(secondsLater))});
    CLI_EXPECT(v, 0);
    const QJsonArray decisions = v.json().array();
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions.at(0).toObject().value(u"outcome").toString(), outcome);
    QCOMPARE(show(db, kAli).value(u"status").toString(), outcome);
    if (outcome == u"expired") {
        QCOMPARE(smsList(db).size(), 0); // the seed: no SMS; the person registers again
        CLI_EXPECT(
            ctlAs(db, u"clerk"_s, {u"--now"_s, iso(t.addSecs(secondsLater)), u"register"_s, u"-"_s}, json(ali())), 0);
        const auto again = ctlAs(db, u"service"_s, {u"verify"_s, u"--now"_s, iso(t.addSecs(secondsLater + 60))});
        QCOMPARE(again.json().array().at(0).toObject().value(u"outcome").toString(), u"activated"_s);
    } else {
        QCOMPARE(smsList(db).size(), 1);
    }
}

void TestCliVerification::severalRequestsAtOnce()
{
    const QString db = preparedDb();
    QVERIFY(!db.isEmpty());
    const QJsonArray reqs{ali(), zahra(u"09129998877"_s), with(kazem(), u"first_name"_s, u"کامران"_s)};
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(reqs)), 0);
    const auto v = ctlAs(db, u"service"_s, {u"verify"_s});
    CLI_EXPECT(v, 0);
    QHash<QString, QString> byCode;
    for (const auto &d : v.json().array())
        byCode.insert(d.toObject().value(u"national_code").toString(), d.toObject().value(u"outcome").toString());
    QCOMPARE(byCode.size(), 3);
    QCOMPARE(byCode.value(kAli), u"activated"_s);
    QCOMPARE(byCode.value(kZahra), u"branch_activation_required"_s);
    QCOMPARE(byCode.value(kKazem), u"identity_mismatch"_s);
    QCOMPARE(smsList(db).size(), 3);
}

void TestCliVerification::verifyIsIdempotent()
{
    const QString db = preparedDb();
    QVERIFY(!db.isEmpty());
    const auto empty = ctlAs(db, u"service"_s, {u"verify"_s});
    CLI_EXPECT(empty, 0);
    QVERIFY(isOneJson(empty));
    QCOMPARE(empty.json().array().size(), 0);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(ali())), 0);
    CLI_EXPECT(ctlAs(db, u"service"_s, {u"verify"_s}), 0);
    const QByteArray before = dump(db);
    const auto again = ctlAs(db, u"service"_s, {u"verify"_s});
    CLI_EXPECT(again, 0);
    QCOMPARE(again.json().array().size(), 0);
    QCOMPARE(smsList(db).size(), 1);
    QCOMPARE(dump(db), before);
}

QTEST_GUILESS_MAIN(TestCliVerification)
#include "TestCliVerification.moc"
