// branchctl against what an acceptance run does and expects, end to end. Each case was a
// deviation found by an acceptance pass before the foundation issue closed:
// - a person who registered again after a decision appeared twice in `applicants search`
//   (by name and by mobile), once with the stale status of the old request;
// - after `mobile change`, the person could not be found by the new mobile, and
//   `applicants search` / `applicants show` still showed the old one;
// - `--now ""` (or `--now=`) was taken silently as "the current time".
#include "CliTestUtil.h"

#include <QTest>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

const QString kStaffPw = u"Clerk#2024xKuhSabalan"_s;
const QDateTime kT0 = QDateTime(QDate(2025, 3, 10), QTime(8, 0), Qt::UTC);

const QString kAli = u"0012345679"_s;

QString at(qint64 seconds)
{
    return iso(kT0.addSecs(seconds));
}

// The national codes of a search result, in order.
QStringList codes(const QJsonArray &rows)
{
    QStringList out;
    for (const auto &r : rows)
        out << r.toObject().value(u"national_code"_s).toString();
    return out;
}

} // namespace

class TestCliAcceptance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void searchShowsEachPersonOnceWithCurrentStatus_data();
    void searchShowsEachPersonOnceWithCurrentStatus();
    void searchFindsTheMobileAfterMobileChange();
    void emptyNowIsUsageError_data();
    void emptyNowIsUsageError();

private:
    Workspace ws;
};

void TestCliAcceptance::initTestCase()
{
    QVERIFY(ws.isValid());
}

void TestCliAcceptance::searchShowsEachPersonOnceWithCurrentStatus_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("last name") << u"رضایی"_s;
    QTest::newRow("first and last name") << u"علی رضایی"_s;
    QTest::newRow("mobile") << u"09121234567"_s;
    QTest::newRow("mobile +98") << u"+989121234567"_s;
    QTest::newRow("national code") << kAli;
}

void TestCliAcceptance::searchShowsEachPersonOnceWithCurrentStatus()
{
    QFETCH(QString, text);
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    // No registry row: the first request is an identity mismatch; the person registers again
    // (the seed: "you may register again"), so the second request is the current one.
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"register"_s, u"-"_s}, json(validRequest(kAli))), 0);
    const CliResult v = ctlAs(db, u"service"_s, {u"--now"_s, at(3600), u"verify"_s});
    CLI_EXPECT(v, 0);
    QCOMPARE(v.json().array().first().toObject().value(u"outcome"_s).toString(), u"identity_mismatch"_s);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(7200), u"register"_s, u"-"_s}, json(validRequest(kAli))), 0);

    const QJsonArray rows = search(db, text);
    QCOMPARE(codes(rows), QStringList{kAli});
    QCOMPARE(rows.first().toObject().value(u"status"_s).toString(), u"submitted"_s);
    QCOMPARE(show(db, kAli).value(u"status"_s).toString(), u"submitted"_s);
}

void TestCliAcceptance::searchFindsTheMobileAfterMobileChange()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const QString oldMobile = u"09121234567"_s;
    const QString newMobile = u"09355556677"_s;
    QByteArray reg = kRegistryHeader;
    reg += (kAli + u",علی,رضایی,حسن,12345,1365/04/12,M\n"_s).toUtf8();
    CLI_EXPECT(ctlAs(db, u"admin"_s, {u"import-registry"_s, ws.file(u"registry.csv"_s, reg)}), 0);
    CLI_EXPECT(ctlAs(db, u"admin"_s,
                     {u"import-mobile-owners"_s,
                      ws.file(u"owners.csv"_s, "national_code,mobile\n" + (kAli + u',' + oldMobile).toUtf8() + '\n')}),
               0);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(0), u"register"_s, u"-"_s}, json(validRequest(kAli, oldMobile))),
               0);
    const CliResult v = ctlAs(db, u"service"_s, {u"--now"_s, at(600), u"verify"_s});
    CLI_EXPECT(v, 0);
    QCOMPARE(v.json().array().first().toObject().value(u"outcome"_s).toString(), u"activated"_s);
    CLI_EXPECT(
        ctlAs(db, u"admin"_s, {u"user"_s, u"add"_s, u"sara"_s, u"--role"_s, u"clerk"_s}, kStaffPw.toUtf8() + '\n'), 0);
    CLI_EXPECT(ctl(db,
                   {u"--now"_s, at(1200), u"mobile"_s, u"change"_s, kAli, u"--mobile"_s, u"+98 935 555 6677"_s,
                    u"--staff"_s, u"sara"_s},
                   kStaffPw.toUtf8() + '\n'),
               0);

    for (const QString &form : {newMobile, u"+989355556677"_s, u"9355556677"_s}) {
        const QJsonArray rows = search(db, form);
        QVERIFY2(codes(rows) == QStringList{kAli}, qPrintable(form));
        QCOMPARE(rows.first().toObject().value(u"mobile"_s).toString(), newMobile);
    }
    QVERIFY(search(db, oldMobile).isEmpty()); // the old number is no longer theirs
    QCOMPARE(search(db, kAli).first().toObject().value(u"mobile"_s).toString(), newMobile);
    QCOMPARE(search(db, u"رضایی"_s).first().toObject().value(u"mobile"_s).toString(), newMobile);
    const QJsonObject shown = show(db, kAli);
    QCOMPARE(shown.value(u"mobile"_s).toString(), newMobile);
    QCOMPARE(shown.value(u"account"_s).toObject().value(u"mobile"_s).toString(), newMobile);
}

void TestCliAcceptance::emptyNowIsUsageError_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("--now \"\"") << QStringList{u"--now"_s, QString()};
    QTest::newRow("--now=") << QStringList{u"--now="_s};
    QTest::newRow("--now= after the command") << QStringList{u"sms"_s, u"list"_s, u"--now="_s};
}

void TestCliAcceptance::emptyNowIsUsageError()
{
    QFETCH(QStringList, args);
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    if (!args.contains(u"sms"_s))
        args << u"sms"_s << u"list"_s;
    const CliResult r = ctl(db, args);
    CLI_REFUSED(r, 2);
}

QTEST_GUILESS_MAIN(TestCliAcceptance)
#include "TestCliAcceptance.moc"
