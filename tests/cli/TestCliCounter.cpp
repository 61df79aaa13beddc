// branchctl at the branch counter, end to end: staff accounts (user add), in-person
// activation (documents, staff password, lockout after five wrong passwords), mobile
// change, password and security-question resets (staff password first on stdin, then
// JSON), and the applicants search (national code in any digit script, any mobile form,
// Persian-normalised names, --status) and show.
#include "CliSmsGateway.h"
#include "CliTestUtil.h"

#include <QTest>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

const QString kStaffPw = u"Clerk#2024xKuhSabalan"_s;
const QDateTime kT0 = QDateTime(QDate(2025, 6, 1), QTime(7, 30), Qt::UTC);

const QString kAli = u"0012345679"_s;   // activated (owns his mobile)
const QString kZahra = u"1234567891"_s; // branch_activation_required
const QString kKazem = u"0067749828"_s; // identity_mismatch (typed another first name)
const QString kSara = u"0499370899"_s;  // submitted, not decided yet

QString aliK()
{
    return nationalCode(u"222333444"_s); // علی کریمی, submitted
}

QString at(qint64 seconds)
{
    return iso(kT0.addSecs(seconds));
}

QJsonObject person(const QString &code, const QString &first, const QString &last, const QString &gender,
                   const QString &mobile)
{
    QJsonObject r = validRequest(code, mobile);
    r.insert(u"first_name"_s, first);
    r.insert(u"last_name"_s, last);
    r.insert(u"gender"_s, gender);
    return r;
}

QByteArray staffThen(const QByteArray &jsonText, const QString &pw = kStaffPw)
{
    return pw.toUtf8() + '\n' + jsonText;
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

} // namespace

class TestCliCounter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void userAdd_data();
    void userAdd();
    void userAddBootstrap_data();
    void userAddBootstrap();
    void userAddDuplicate();

    void activate();
    void activateDocuments_data();
    void activateDocuments();
    void activateWrongStaffPassword();
    void activateStaffLockout();
    void activateNotAwaitingBranch_data();
    void activateNotAwaitingBranch();

    void mobileChange();
    void mobileChangeRefused_data();
    void mobileChangeRefused();

    void passwordReset();
    void passwordResetRefused_data();
    void passwordResetRefused();

    void questionsReset();
    void questionsResetRefused_data();
    void questionsResetRefused();

    void search_data();
    void search();
    void show();
    void showRefused_data();
    void showRefused();

private:
    // A database with a clerk and the five people above.
    QString counterDb();
    Workspace ws;
    smstest::FakeSmsGateway m_gateway; // recover start sends its code here
    QString m_searchDb;
};

void TestCliCounter::initTestCase()
{
    QVERIFY(ws.isValid());
    QVERIFY(m_gateway.isListening());
    useSmsGateway(&m_gateway);
    m_searchDb = counterDb();
    QVERIFY(!m_searchDb.isEmpty());
}

QString TestCliCounter::counterDb()
{
    const QString db = ws.newDb();
    if (db.isEmpty())
        return {};
    QByteArray reg = kRegistryHeader;
    reg += (kAli + u",علی,رضایی,حسن,12345,1365/04/12,M\n"_s).toUtf8();
    reg += (kZahra + u",زهرا,محمدی\u200Cنژاد,محمد,12345,1365/04/12,F\n"_s).toUtf8();
    reg += (kKazem + u",کاظم,کریمی,,12345,1365/04/12,M\n"_s).toUtf8();
    const QJsonArray first{person(kAli, u"علی"_s, u"رضایی"_s, u"M"_s, u"09121234567"_s),
                           person(kZahra, u"زهرا"_s, u"محمدی\u200Cنژاد"_s, u"F"_s, u"09351112233"_s),
                           person(kKazem, u"کامران"_s, u"کریمی"_s, u"M"_s, u"09191112233"_s)};
    const QJsonArray later{person(kSara, u"سارا"_s, u"احمدی"_s, u"F"_s, u"09124445566"_s),
                           person(aliK(), u"علی"_s, u"کریمی"_s, u"M"_s, u"09127778899"_s)};
    const QList<CliResult> steps = {
        ctlAs(db, u"admin"_s, {u"--now"_s, at(-4 * 3600), u"user"_s, u"add"_s, u"clerk1"_s, u"--role"_s, u"clerk"_s},
              kStaffPw.toUtf8() + '\n'),
        ctlAs(db, u"admin"_s, {u"--now"_s, at(-4 * 3600), u"import-registry"_s, ws.file(u"reg.csv"_s, reg)}),
        ctlAs(db, u"admin"_s,
              {u"--now"_s, at(-4 * 3600), u"import-mobile-owners"_s,
               ws.file(u"own.csv"_s, "national_code,mobile\n0012345679,09121234567\n")}),
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(-3 * 3600), u"register"_s, u"-"_s}, json(first)),
        ctlAs(db, u"service"_s, {u"--now"_s, at(-2 * 3600), u"verify"_s}),
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(-3600), u"register"_s, u"-"_s}, json(later)),
    };
    for (const auto &s : steps)
        if (s.exitCode != 0) {
            qWarning("setup failed: %s", qPrintable(describe(s)));
            return {};
        }
    return db;
}

// ---- user add -------------------------------------------------------------------------

void TestCliCounter::userAdd_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QByteArray>("stdinText");
    QTest::addColumn<QStringList>("codes"); // empty: accepted
    QTest::newRow("clerk") << u"clerk2"_s << u"clerk"_s << QByteArray("Strong#Pass1KavirSepid\n") << QStringList{};
    QTest::newRow("supervisor, CRLF") << u"sup.one"_s << u"supervisor"_s << QByteArray("Strong#Pass1KavirSepid\r\n")
                                      << QStringList{};
    QTest::newRow("admin, no newline") << u"admin_2"_s << u"admin"_s << QByteArray("Strong#Pass1KavirSepid")
                                       << QStringList{};
    // Logins are case-insensitive: stored in lower case.
    QTest::newRow("login upper case") << u"Clerk3"_s << u"clerk"_s << QByteArray("Strong#Pass1KavirSepid\n")
                                      << QStringList{};
    QTest::newRow("login too short") << u"ab"_s << u"clerk"_s << QByteArray("Strong#Pass1KavirSepid\n")
                                     << QStringList{u"login.format"_s};
    QTest::newRow("login starts with digit")
        << u"1abc"_s << u"clerk"_s << QByteArray("Strong#Pass1KavirSepid\n") << QStringList{u"login.format"_s};
    QTest::newRow("login Persian") << u"کارمند"_s << u"clerk"_s << QByteArray("Strong#Pass1KavirSepid\n")
                                   << QStringList{u"login.format"_s};
    QTest::newRow("role unknown") << u"clerk4"_s << u"boss"_s << QByteArray("Strong#Pass1KavirSepid\n")
                                  << QStringList{u"role.invalid"_s};
    QTest::newRow("role upper case") << u"clerk4"_s << u"Clerk"_s << QByteArray("Strong#Pass1KavirSepid\n")
                                     << QStringList{u"role.invalid"_s};
    // The staff rule (12 characters or more, a zxcvbn score of 3 or more), not the portal's.
    QTest::newRow("weak password") << u"clerk5"_s << u"clerk"_s << QByteArray("abc\n")
                                   << QStringList{u"password.staff_too_short"_s, u"password.staff_weak"_s};
    QTest::newRow("no password") << u"clerk5"_s << u"clerk"_s << QByteArray() << QStringList{u"password.required"_s};
    QTest::newRow("12 characters, easy to guess")
        << u"clerk5"_s << u"clerk"_s << QByteArray("password1234\n") << QStringList{u"password.staff_weak"_s};
    QTest::newRow("Strong passphrase with spaces, Persian")
        << u"clerk5"_s << u"clerk"_s << QByteArray("Strong کویر سپید ۱۴۰۳\n") << QStringList{};
    QTest::newRow("everything wrong") << u"X"_s << u"boss"_s << QByteArray("abc\n")
                                      << QStringList{u"login.format"_s, u"password.staff_too_short"_s,
                                                     u"password.staff_weak"_s, u"role.invalid"_s};
}

void TestCliCounter::userAdd()
{
    QFETCH(QString, login);
    QFETCH(QString, role);
    QFETCH(QByteArray, stdinText);
    QFETCH(QStringList, codes);
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    // these are later additions, by the administrator (userAddBootstrap: the first)
    const QByteArray before = dump(db);
    const auto r = ctlAs(db, u"admin"_s, {u"user"_s, u"add"_s, login, u"--role"_s, role}, stdinText);
    QVERIFY(isOneJson(r));
    QVERIFY2(!r.out.contains("Strong") && !r.err.contains("Strong"), "the password must not be echoed");
    if (codes.isEmpty()) {
        CLI_EXPECT(r, 0);
        QCOMPARE(r.json().object(), (QJsonObject{{u"login"_s, login.toLower()}, {u"role"_s, role}}));
        QVERIFY(dump(db) != before);
    } else {
        CLI_REFUSED(r, 1);
        QCOMPARE(sorted(codesOf(r.json().object())), codes);
        QCOMPARE(dump(db), before);
    }
}

void TestCliCounter::userAddDuplicate()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    CLI_EXPECT(
        ctlAs(db, u"admin"_s, {u"user"_s, u"add"_s, u"clerk2"_s, u"--role"_s, u"clerk"_s}, "Strong#Pass1KavirSepid\n"),
        0);
    const QByteArray before = dump(db);
    const auto r =
        ctlAs(db, u"admin"_s, {u"user"_s, u"add"_s, u"clerk2"_s, u"--role"_s, u"admin"_s}, "Other#Pass2DaryaAbi\n");
    CLI_REFUSED(r, 1);
    QCOMPARE(codesOf(r.json().object()), QStringList{u"login.exists"_s});
    QCOMPARE(dump(db), before);
    const auto noRole = ctlAs(db, u"admin"_s, {u"user"_s, u"add"_s, u"clerk3"_s}, "Strong#Pass1KavirSepid\n");
    CLI_REFUSED(noRole, 2);
    QCOMPARE(dump(db), before);
}

// The first account of a branch is its administrator (the same bootstrap as the desk's
// first-run dialog): another role first is refused and stores nothing; after it, every role
// is added as before.
void TestCliCounter::userAddBootstrap_data()
{
    QTest::addColumn<QString>("firstRole");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("admin first") << u"admin"_s << 0;
    QTest::newRow("clerk first") << u"clerk"_s << 1;
    QTest::newRow("supervisor first") << u"supervisor"_s << 1;
}

void TestCliCounter::userAddBootstrap()
{
    QFETCH(QString, firstRole);
    QFETCH(int, exitCode);
    const QString db = ws.newDb(false);
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    const int entries = auditEntries(db);
    const auto first = ctl(db, {u"--lang"_s, u"en"_s, u"user"_s, u"add"_s, u"first1"_s, u"--role"_s, firstRole},
                           "Strong#Pass1KavirSepid\n");
    QVERIFY(isOneJson(first));
    if (exitCode != 0) {
        CLI_REFUSED(first, 1);
        QCOMPARE(codesOf(first.json().object()), QStringList{u"staff.first_must_be_admin"_s});
        QVERIFY2(first.errText().contains(u"first account of a branch must be its administrator"_s),
                 qPrintable(first.errText()));
        QCOMPARE(dump(db), before);
        // The administrator first, and then the same role goes through.
        CLI_EXPECT(addAdministrator(db), 0);
        CLI_EXPECT(ctlAs(db, u"admin"_s, {u"user"_s, u"add"_s, u"first1"_s, u"--role"_s, firstRole},
                         "Strong#Pass1KavirSepid\n"),
                   0);
        return;
    }
    CLI_EXPECT(first, 0);
    QCOMPARE(first.json().object(), (QJsonObject{{u"login"_s, u"first1"_s}, {u"role"_s, u"admin"_s}}));
    QCOMPARE(auditEntries(db), entries + 1);
    // The bootstrap is audited as such, under the new administrator; a later one as staff.add.
    QVERIFY(sqlite(db, u"SELECT actor || ' ' || action FROM audit_log ORDER BY seq DESC LIMIT 1;"_s)
                .startsWith("first1 staff.bootstrap"));
    // The next one needs the new administrator signed in.
    CLI_EXPECT(ctl(db, {u"user"_s, u"add"_s, u"clerk2"_s, u"--role"_s, u"clerk"_s, u"--staff"_s, u"first1"_s},
                   "Strong#Pass1KavirSepid\nStrong#Pass2JangalAbr\n"),
               0);
    QVERIFY(sqlite(db, u"SELECT actor || ' ' || action FROM audit_log ORDER BY seq DESC LIMIT 1;"_s)
                .startsWith("first1 staff.add"));
    // The clerk's password works: a counter action gets past the staff check to the person
    // (there is nobody to activate here); a wrong one stops at the staff check.
    const QStringList activate{u"activate"_s, u"0012345679"_s,  u"--staff"_s,
                               u"clerk2"_s,   u"--documents"_s, u"national_card,birth_certificate"_s};
    const auto right = ctl(db, activate, "Strong#Pass2JangalAbr\n");
    CLI_REFUSED(right, 1);
    QCOMPARE(codesOf(right.json().object()), QStringList{u"national_code.not_found"_s});
    const auto wrong = ctl(db, activate, "Wrong#Pass2\n");
    CLI_REFUSED(wrong, 1);
    QCOMPARE(codesOf(wrong.json().object()), QStringList{u"staff.wrong_password"_s});
}

// ---- activate -------------------------------------------------------------------------

void TestCliCounter::activate()
{
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    const int smsBefore = smsList(db).size();
    const auto r = ctl(db,
                       {u"--now"_s, at(0), u"activate"_s, toPersianDigits(kZahra), u"--staff"_s, u"clerk1"_s,
                        u"--documents"_s, u"birth_certificate, national_card"_s},
                       kStaffPw.toUtf8() + '\n');
    CLI_EXPECT(r, 0);
    QVERIFY(isOneJson(r));
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(u"ok").toBool(), true);
    QCOMPARE(o.value(u"status").toString(), u"activated"_s);
    QVERIFY(!o.value(u"request_id").toString().isEmpty());

    const QJsonObject shown = ::clitest::show(db, kZahra);
    QCOMPARE(shown.value(u"status").toString(), u"activated"_s);
    QVERIFY(shown.value(u"account").isObject());
    QVERIFY(historyActions(shown).contains(u"request.activated"_s));
    QVERIFY(historyActions(shown).contains(u"account.create"_s));
    bool byClerk = false;
    for (const auto &h : shown.value(u"history").toArray())
        byClerk = byClerk || (h.toObject().value(u"action").toString() == u"request.activated" &&
                              h.toObject().value(u"actor").toString() == u"clerk1");
    QVERIFY(byClerk);
    const QJsonArray sms = smsList(db);
    QCOMPARE(sms.size(), smsBefore + 1);
    QVERIFY(sms.last().toObject().value(u"text").toString().startsWith(u"سرکار خانم زهرا محمدی\u200Cنژاد"_s));
    CLI_EXPECT(ctl(db, {u"audit"_s, u"verify"_s}), 0);

    // Once is enough.
    const auto again = ctl(db,
                           {u"--now"_s, at(60), u"activate"_s, kZahra, u"--staff"_s, u"clerk1"_s, u"--documents"_s,
                            u"national_card,birth_certificate"_s},
                           kStaffPw.toUtf8() + '\n');
    CLI_REFUSED(again, 1);
    QCOMPARE(codesOf(again.json().object()), QStringList{u"account.exists"_s});
}

void TestCliCounter::activateDocuments_data()
{
    QTest::addColumn<QString>("documents");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("national card only") << u"national_card"_s << QStringList{u"documents.missing"_s};
    QTest::newRow("birth certificate only") << u"birth_certificate"_s << QStringList{u"documents.missing"_s};
    QTest::newRow("none") << u""_s << QStringList{u"documents.missing"_s};
    QTest::newRow("passport instead") << u"national_card,passport"_s
                                      << QStringList{u"documents.missing"_s, u"documents.unknown"_s};
    QTest::newRow("an unknown extra") << u"national_card,birth_certificate,passport"_s
                                      << QStringList{u"documents.unknown"_s};
}

void TestCliCounter::activateDocuments()
{
    QFETCH(QString, documents);
    QFETCH(QStringList, codes);
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    const auto r =
        ctl(db, {u"--now"_s, at(0), u"activate"_s, kZahra, u"--staff"_s, u"clerk1"_s, u"--documents"_s, documents},
            kStaffPw.toUtf8() + '\n');
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QCOMPARE(sorted(codesOf(r.json().object())), codes);
    QCOMPARE(dump(db), before);
}

void TestCliCounter::activateWrongStaffPassword()
{
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    for (const QString &login : {u"clerk1"_s, u"nobody"_s}) {
        const auto r = ctl(db,
                           {u"--now"_s, at(0), u"activate"_s, kZahra, u"--staff"_s, login, u"--documents"_s,
                            u"national_card,birth_certificate"_s},
                           "Wrong#Pass1\n");
        CLI_REFUSED(r, 1);
        QVERIFY(isOneJson(r));
        QCOMPARE(codesOf(r.json().object()), QStringList{u"staff.wrong_password"_s});
        QVERIFY(!r.out.contains("Wrong#Pass1") && !r.err.contains("Wrong#Pass1"));
    }
    const QJsonObject shown = ::clitest::show(db, kZahra);
    QCOMPARE(shown.value(u"status").toString(), u"branch_activation_required"_s);
    QVERIFY(shown.value(u"account").isNull());
}

void TestCliCounter::activateStaffLockout()
{
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    auto attempt = [&](qint64 seconds, const QString &pw) {
        return ctl(db,
                   {u"--now"_s, at(seconds), u"activate"_s, kZahra, u"--staff"_s, u"clerk1"_s, u"--documents"_s,
                    u"national_card,birth_certificate"_s},
                   pw.toUtf8() + '\n');
    };
    for (int i = 0; i < 5; ++i) {
        const auto r = attempt(i * 10, u"Wrong#Pass"_s + QString::number(i));
        CLI_REFUSED(r, 1);
        QCOMPARE(codesOf(r.json().object()), QStringList{u"staff.wrong_password"_s});
    }
    // Locked: the right password is refused too, and the person's request is untouched.
    for (qint64 later : {qint64(60), qint64(14 * 60)}) {
        const auto r = attempt(later, kStaffPw);
        CLI_REFUSED(r, 1);
        QCOMPARE(codesOf(r.json().object()), QStringList{u"staff.locked"_s});
    }
    QCOMPARE(::clitest::show(db, kZahra).value(u"status").toString(), u"branch_activation_required"_s);
    // The lock lasts 15 minutes from the fifth failure.
    CLI_EXPECT(attempt(40 + 15 * 60 + 1, kStaffPw), 0);
    QCOMPARE(::clitest::show(db, kZahra).value(u"status").toString(), u"activated"_s);
}

void TestCliCounter::activateNotAwaitingBranch_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("error");
    QTest::newRow("activated already") << kAli << u"account.exists"_s;
    QTest::newRow("identity mismatch") << kKazem << u"account.not_awaiting_branch"_s;
    QTest::newRow("not decided yet") << kSara << u"account.not_awaiting_branch"_s;
    QTest::newRow("no request") << nationalCode(u"987654321"_s) << u"national_code.not_found"_s;
    QTest::newRow("invalid national code") << badChecksumCode(u"987654321"_s) << u"national_code.checksum"_s;
}

void TestCliCounter::activateNotAwaitingBranch()
{
    QFETCH(QString, code);
    QFETCH(QString, error);
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    const auto r = ctl(db,
                       {u"--now"_s, at(0), u"activate"_s, code, u"--staff"_s, u"clerk1"_s, u"--documents"_s,
                        u"national_card,birth_certificate"_s},
                       kStaffPw.toUtf8() + '\n');
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QCOMPARE(codesOf(r.json().object()), QStringList{error});
    QCOMPARE(dump(db), before);
}

// ---- mobile change --------------------------------------------------------------------

void TestCliCounter::mobileChange()
{
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    const auto r = ctl(db,
                       {u"--now"_s, at(0), u"mobile"_s, u"change"_s, kAli, u"--mobile"_s,
                        toPersianDigits(u"+98 935 000 1122"_s), u"--staff"_s, u"clerk1"_s},
                       kStaffPw.toUtf8() + '\n');
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json().object().value(u"ok").toBool(), true);
    const QJsonObject shown = ::clitest::show(db, kAli);
    QCOMPARE(shown.value(u"account").toObject().value(u"mobile").toString(), u"09350001122"_s);
    QVERIFY(historyActions(shown).contains(u"account.mobile_change"_s));
    bool noticeSent = false;
    for (const auto &s : smsList(db))
        noticeSent = noticeSent || s.toObject().value(u"mobile").toString() == u"09350001122";
    QVERIFY(noticeSent);
    CLI_EXPECT(ctl(db, {u"audit"_s, u"verify"_s}), 0);

    // Recovery codes now go to the new mobile.
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(60), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"sms"_s}), 0);
    const QJsonArray sms = smsList(db);
    QCOMPARE(sms.last().toObject().value(u"mobile").toString(), u"09350001122"_s);
    QCOMPARE(m_gateway.requests().last().json().value(u"to"_s).toString(), u"09350001122"_s);
}

void TestCliCounter::mobileChangeRefused_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mobile");
    QTest::addColumn<QString>("staffPw");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("unchanged"); // a wrong staff password is audited, nothing else is stored
    QTest::newRow("landline") << kAli << u"02188776655"_s << kStaffPw << u"mobile.landline"_s << true;
    QTest::newRow("not a number") << kAli << u"abc"_s << kStaffPw << u"mobile.format"_s << true;
    QTest::newRow("too short") << kAli << u"0912123"_s << kStaffPw << u"mobile.length"_s << true;
    QTest::newRow("same mobile, other form") << kAli << u"+989121234567"_s << kStaffPw << u"mobile.unchanged"_s << true;
    QTest::newRow("no account yet") << kZahra << u"09350001122"_s << kStaffPw << u"account.not_found"_s << true;
    QTest::newRow("invalid national code")
        << badChecksumCode(u"001234567"_s) << u"09350001122"_s << kStaffPw << u"national_code.checksum"_s << true;
    QTest::newRow("wrong staff password")
        << kAli << u"09350001122"_s << u"Wrong#Pass1"_s << u"staff.wrong_password"_s << false;
}

void TestCliCounter::mobileChangeRefused()
{
    QFETCH(QString, code);
    QFETCH(QString, mobile);
    QFETCH(QString, staffPw);
    QFETCH(QString, error);
    QFETCH(bool, unchanged);
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    const auto r =
        ctl(db, {u"--now"_s, at(0), u"mobile"_s, u"change"_s, code, u"--mobile"_s, mobile, u"--staff"_s, u"clerk1"_s},
            staffPw.toUtf8() + '\n');
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QCOMPARE(codesOf(r.json().object()), QStringList{error});
    if (unchanged)
        QCOMPARE(dump(db), before);
    QCOMPARE(::clitest::show(db, kAli).value(u"account").toObject().value(u"mobile").toString(), u"09121234567"_s);
}

// ---- password reset -------------------------------------------------------------------

void TestCliCounter::passwordReset()
{
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    const QByteArray body = json(QJsonObject{{u"password"_s, u"Counter#2025aSahraTorkaman"_s},
                                             {u"password_confirm"_s, u"Counter#2025aSahraTorkaman"_s}});
    const auto r =
        ctl(db, {u"--now"_s, at(0), u"password"_s, u"reset"_s, kAli, u"--staff"_s, u"clerk1"_s}, staffThen(body));
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json().object().value(u"ok").toBool(), true);
    QVERIFY(!r.out.contains("Counter#2025aSahraTorkaman"));
    QVERIFY(historyActions(::clitest::show(db, kAli)).contains(u"account.password_reset"_s));

    // Recovery still works afterwards: start, verify the SMS code, set a new password.
    const auto s = ctlAs(db, u"clerk"_s, {u"--now"_s, at(60), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"sms"_s});
    CLI_EXPECT(s, 0);
    const QString code = lastRecoveryCode(m_gateway, u"09121234567"_s);
    QCOMPARE(code.size(), 6);
    const QString id = s.json().object().value(u"recovery_id").toString();
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(70), u"recover"_s, u"verify"_s, id, u"--code"_s, code}), 0);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(80), u"recover"_s, u"reset"_s, id},
                     json(QJsonObject{{u"password"_s, u"Again#2025b"_s}, {u"password_confirm"_s, u"Again#2025b"_s}})),
               0);
    CLI_EXPECT(ctl(db, {u"audit"_s, u"verify"_s}), 0);
}

void TestCliCounter::passwordResetRefused_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<bool>("unchanged");
    auto pw = [](const QString &p, const QString &c) {
        return json(QJsonObject{{u"password"_s, p}, {u"password_confirm"_s, c}});
    };
    QTest::newRow("no_upper") << kAli << staffThen(pw(u"counter#2025a"_s, u"counter#2025a"_s))
                              << QStringList{u"password.no_upper"_s} << true;
    QTest::newRow("too_short") << kAli << staffThen(pw(u"Co#1"_s, u"Co#1"_s)) << QStringList{u"password.too_short"_s}
                               << true;
    QTest::newRow("contains_national_code") << kAli << staffThen(pw(u"Ab0012345679"_s, u"Ab0012345679"_s))
                                            << QStringList{u"password.contains_national_code"_s} << true;
    QTest::newRow("mismatch") << kAli << staffThen(pw(u"Counter#2025aSahraTorkaman"_s, u"Counter#2025b"_s))
                              << QStringList{u"password.mismatch"_s} << true;
    QTest::newRow("several") << kAli << staffThen(pw(u"1 a"_s, u"1 a"_s))
                             << QStringList{u"password.first_not_letter"_s, u"password.invalid_chars"_s,
                                            u"password.no_upper"_s, u"password.too_short"_s}
                             << true;
    QTest::newRow("malformed JSON") << kAli << staffThen("{\"password\": ") << QStringList{u"input.malformed_json"_s}
                                    << true;
    QTest::newRow("JSON missing") << kAli << staffThen("") << QStringList{u"input.malformed_json"_s} << true;
    QTest::newRow("password not text") << kAli << staffThen("{\"password\": [1], \"password_confirm\": [1]}")
                                       << QStringList{u"password.invalid_type"_s} << true;
    QTest::newRow("no account yet") << kZahra
                                    << staffThen(pw(u"Counter#2025aSahraTorkaman"_s, u"Counter#2025aSahraTorkaman"_s))
                                    << QStringList{u"account.not_found"_s} << true;
    QTest::newRow("wrong staff password")
        << kAli << staffThen(pw(u"Counter#2025aSahraTorkaman"_s, u"Counter#2025aSahraTorkaman"_s), u"Wrong#Pass1"_s)
        << QStringList{u"staff.wrong_password"_s} << false;
}

void TestCliCounter::passwordResetRefused()
{
    QFETCH(QString, code);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, codes);
    QFETCH(bool, unchanged);
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    const auto r = ctl(db, {u"--now"_s, at(0), u"password"_s, u"reset"_s, code, u"--staff"_s, u"clerk1"_s}, input);
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QCOMPARE(sorted(codesOf(r.json().object())), codes);
    if (unchanged)
        QCOMPARE(dump(db), before);
    QVERIFY(!historyActions(::clitest::show(db, kAli)).contains(u"account.password_reset"_s));
}

// ---- questions reset ------------------------------------------------------------------

void TestCliCounter::questionsReset()
{
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    const QJsonArray fresh{QJsonObject{{u"question_id"_s, u"favorite_color"_s}, {u"answer"_s, u"سبز"_s}},
                           QJsonObject{{u"question_id"_s, u"birth_city"_s}, {u"answer"_s, u"شیراز"_s}},
                           QJsonObject{{u"question_id"_s, u"primary_teacher"_s}, {u"answer"_s, u"آقای احمدی"_s}}};
    const auto r = ctl(db, {u"--now"_s, at(0), u"questions"_s, u"reset"_s, kAli, u"--staff"_s, u"clerk1"_s},
                       staffThen(json(QJsonObject{{u"security_questions"_s, fresh}})));
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json().object().value(u"ok").toBool(), true);
    QVERIFY(historyActions(::clitest::show(db, kAli)).contains(u"account.questions_reset"_s));

    const auto s =
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(60), u"recover"_s, u"start"_s, kAli, u"--method"_s, u"questions"_s});
    CLI_EXPECT(s, 0);
    QStringList ids;
    for (const auto &q : s.json().object().value(u"questions").toArray())
        ids << q.toObject().value(u"question_id").toString();
    QCOMPARE(ids, (QStringList{u"favorite_color"_s, u"birth_city"_s, u"primary_teacher"_s}));
    const QString id = s.json().object().value(u"recovery_id").toString();
    const auto old = ctlAs(db, u"clerk"_s, {u"--now"_s, at(70), u"recover"_s, u"verify"_s, id, u"--answers"_s, u"-"_s},
                           json(questions()));
    CLI_REFUSED(old, 1);
    QCOMPARE(codesOf(old.json().object()), QStringList{u"recovery.answers_wrong"_s});
    // The new answers, given as a bare array and typed with Arabic yeh.
    const QJsonArray typed{QJsonObject{{u"question_id"_s, u"favorite_color"_s}, {u"answer"_s, u"سبز"_s}},
                           QJsonObject{{u"question_id"_s, u"birth_city"_s}, {u"answer"_s, u"شيراز"_s}},
                           QJsonObject{{u"question_id"_s, u"primary_teacher"_s}, {u"answer"_s, u"آقاي احمدي"_s}}};
    CLI_EXPECT(
        ctlAs(db, u"clerk"_s, {u"--now"_s, at(80), u"recover"_s, u"verify"_s, id, u"--answers"_s, u"-"_s}, json(typed)),
        0);
}

void TestCliCounter::questionsResetRefused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("codes");
    auto q = [](const QString &id, const QString &a) { return QJsonObject{{u"question_id"_s, id}, {u"answer"_s, a}}; };
    QTest::newRow("two questions") << staffThen(json(
                                          QJsonArray{q(u"favorite_color"_s, u"سبز"_s), q(u"birth_city"_s, u"شیراز"_s)}))
                                   << QStringList{u"security_questions.count"_s};
    QTest::newRow("same answer twice") << staffThen(json(QJsonArray{q(u"favorite_color"_s, u"سبز"_s),
                                                                    q(u"birth_city"_s, u"سبز"_s),
                                                                    q(u"primary_teacher"_s, u"احمدی"_s)}))
                                       << QStringList{u"security_questions.duplicate_answer"_s};
    QTest::newRow("unknown question") << staffThen(
                                             json(QJsonArray{q(u"favorite_color"_s, u"سبز"_s),
                                                             q(u"birth_city"_s, u"شیراز"_s), q(u"pet"_s, u"احمدی"_s)}))
                                      << QStringList{u"security_questions.unknown"_s};
    QTest::newRow("not a list") << staffThen("{\"security_questions\": \"x\"}")
                                << QStringList{u"security_questions.invalid_type"_s};
    QTest::newRow("malformed JSON") << staffThen("[{") << QStringList{u"input.malformed_json"_s};
}

void TestCliCounter::questionsResetRefused()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, codes);
    const QString db = counterDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    const auto r = ctl(db, {u"--now"_s, at(0), u"questions"_s, u"reset"_s, kAli, u"--staff"_s, u"clerk1"_s}, input);
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QCOMPARE(sorted(codesOf(r.json().object())), codes);
    QCOMPARE(dump(db), before);
}

// ---- applicants search and show -------------------------------------------------------

void TestCliCounter::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expected"); // national codes, sorted
    const QStringList ali{kAli}, zahra{kZahra}, kazem{kKazem}, sara{kSara};
    const QStringList alis = sorted({kAli, aliK()});
    const QStringList karimis = sorted({kKazem, aliK()});
    const QStringList none;
    const QStringList no;

    QTest::newRow("code ASCII") << kAli << no << ali;
    QTest::newRow("code Persian") << toPersianDigits(kAli) << no << ali;
    QTest::newRow("code Arabic-Indic") << toArabicIndicDigits(kZahra) << no << zahra;
    QTest::newRow("code with spaces") << u"001 234 567 9"_s << no << ali;
    QTest::newRow("code of a mismatch") << kKazem << no << kazem;
    QTest::newRow("code without request") << nationalCode(u"987654321"_s) << no << none;

    QTest::newRow("mobile 09") << u"09121234567"_s << no << ali;
    QTest::newRow("mobile +98") << u"+989351112233"_s << no << zahra;
    QTest::newRow("mobile 0098") << u"00989124445566"_s << no << sara;
    QTest::newRow("mobile 9") << u"9191112233"_s << no << kazem;
    QTest::newRow("mobile spaced") << u"0912 123 4567"_s << no << ali;
    QTest::newRow("mobile dashed") << u"0912-777-8899"_s << no << QStringList{aliK()};
    QTest::newRow("mobile Persian") << toPersianDigits(u"09121234567"_s) << no << ali;
    QTest::newRow("mobile unknown") << u"09000000000"_s << no << none;

    QTest::newRow("last name") << u"رضایی"_s << no << ali;
    QTest::newRow("last name Arabic yeh") << u"رضايي"_s << no << ali;
    QTest::newRow("first name, two people") << u"علی"_s << no << alis;
    QTest::newRow("first name Arabic yeh") << u"علي"_s << no << alis;
    QTest::newRow("last name, two people") << u"کریمی"_s << no << karimis;
    QTest::newRow("last name Arabic kaf and yeh") << u"كريمي"_s << no << karimis;
    QTest::newRow("full name") << u"علی کریمی"_s << no << QStringList{aliK()};
    QTest::newRow("full name Arabic letters") << u"علي كريمي"_s << no << QStringList{aliK()};
    QTest::newRow("ZWNJ") << u"محمدی\u200Cنژاد"_s << no << zahra;
    QTest::newRow("ZWNJ as space") << u"محمدی نژاد"_s << no << zahra;
    QTest::newRow("ZWNJ left out") << u"محمدینژاد"_s << no << zahra;
    QTest::newRow("name prefix") << u"محمد"_s << no << zahra;
    QTest::newRow("first and last with ZWNJ as space") << u"زهرا محمدی نژاد"_s << no << zahra;
    QTest::newRow("unknown name") << u"ناشناس"_s << no << none;

    QTest::newRow("status activated") << u"علی"_s << QStringList{u"--status"_s, u"activated"_s} << ali;
    QTest::newRow("status submitted") << u"علی"_s << QStringList{u"--status"_s, u"submitted"_s} << QStringList{aliK()};
    QTest::newRow("status identity_mismatch")
        << u"کریمی"_s << QStringList{u"--status"_s, u"identity_mismatch"_s} << kazem;
    QTest::newRow("status branch_activation_required")
        << toPersianDigits(kZahra) << QStringList{u"--status"_s, u"branch_activation_required"_s} << zahra;
    QTest::newRow("status excludes") << kZahra << QStringList{u"--status"_s, u"activated"_s} << none;
    QTest::newRow("limit") << u"علی"_s << QStringList{u"--limit"_s, u"1"_s} << QStringList{u"*"_s};
}

void TestCliCounter::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, options);
    QFETCH(QStringList, expected);
    const QByteArray before = fileChecksum(m_searchDb);
    const auto r = ctlAs(m_searchDb, u"clerk"_s, QStringList{u"applicants"_s, u"search"_s, text} + options);
    CLI_EXPECT(r, 0);
    QVERIFY(isOneJson(r));
    QStringList got;
    for (const auto &v : r.json().array()) {
        const QJsonObject row = v.toObject();
        QStringList keys = row.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{u"first_name"_s, u"last_name"_s, u"mobile"_s, u"national_code"_s, u"status"_s}));
        got << row.value(u"national_code").toString();
    }
    if (expected == QStringList{u"*"_s})
        QCOMPARE(got.size(), 1);
    else
        QCOMPARE(sorted(got), expected);
    QCOMPARE(fileChecksum(m_searchDb), before);
}

void TestCliCounter::show()
{
    const auto r = ctlAs(m_searchDb, u"clerk"_s, {u"applicants"_s, u"show"_s, toArabicIndicDigits(kAli)});
    CLI_EXPECT(r, 0);
    QVERIFY(isOneJson(r));
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(u"national_code").toString(), kAli);
    QCOMPARE(o.value(u"status").toString(), u"activated"_s);
    QCOMPARE(o.value(u"first_name").toString(), u"علی"_s);
    QCOMPARE(o.value(u"mobile").toString(), u"09121234567"_s);
    QVERIFY(o.value(u"account").isObject());
    QCOMPARE(o.value(u"requests").toArray().size(), 1);
    const QStringList actions = historyActions(o);
    QVERIFY(actions.size() >= 3);
    QCOMPARE(actions.first(), u"request.submit"_s);
    QVERIFY(actions.contains(u"request.activated"_s));
    for (const auto &h : o.value(u"history").toArray()) {
        QVERIFY(!h.toObject().value(u"at").toString().isEmpty());
        QVERIFY(!h.toObject().value(u"actor").toString().isEmpty());
    }
    // No secret travels in the output.
    QVERIFY(!r.out.contains("password_hash") && !r.out.contains("answer_hash") && !r.out.contains(kPassword.toUtf8()));

    const QJsonObject k = ::clitest::show(m_searchDb, kKazem);
    QCOMPARE(k.value(u"status").toString(), u"identity_mismatch"_s);
    QVERIFY(k.value(u"account").isNull());
    QCOMPARE(k.value(u"registry").toObject().value(u"first_name").toString(), u"کاظم"_s);
}

void TestCliCounter::showRefused_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("error");
    QTest::newRow("no request") << nationalCode(u"987654321"_s) << u"national_code.not_found"_s;
    QTest::newRow("bad check digit") << badChecksumCode(u"987654321"_s) << u"national_code.checksum"_s;
    QTest::newRow("not a code") << u"abc"_s << u"national_code.format"_s;
}

void TestCliCounter::showRefused()
{
    QFETCH(QString, code);
    QFETCH(QString, error);
    const QByteArray before = fileChecksum(m_searchDb);
    const auto r = ctlAs(m_searchDb, u"clerk"_s, {u"applicants"_s, u"show"_s, code});
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    QCOMPARE(codesOf(r.json().object()), QStringList{error});
    QCOMPARE(fileChecksum(m_searchDb), before);
}

QTEST_GUILESS_MAIN(TestCliCounter)
#include "TestCliCounter.moc"
