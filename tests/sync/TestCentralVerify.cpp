// The central verification (`branchctl verify --central URL`), against a PostgreSQL 15
// central and a SQLite central alike: each outcome decided against the central registry
// and mobile ownership (Arabic and Persian letter variants matching as at a branch), with
// the request's new version, the account, the seed's SMS and the central audit, all with
// the request's own branch code; the same decision and SMS text as a branch's own `verify`
// on the same data; a request decided once however often (or however concurrently) the
// verifier runs; a branch role refused; an unreachable central changes nothing; and end to
// end: a branch registers, syncs, the central decides, the branch syncs again and sees the
// status, the account and the SMS in its outbox; the central reference data loaded from
// CSV files by `import-registry|import-mobile-owners --central`. The real branchctl binary
// throughout.
#include "app/core/JalaliDate.h"
#include "app/core/PersianText.h"
#include "db/Central.h"
#include "db/Records.h"
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"
#include "tests/sync/FakeSmsGateway.h"
#include "tests/sync/SyncTestUtil.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace clitest;
using namespace synctest;
using namespace Qt::StringLiterals;

namespace
{

const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(7, 30), Qt::UTC);

QString at(qint64 seconds)
{
    return iso(kT0.addSecs(seconds));
}

// The seed's texts, word for word (shared/seed/README.md), written here independently of
// the product's SmsTexts.
const QString kActivated = u"به سیستم های متمرکز سازمان تامین اجتماعی خوش آمدید. حساب کاربری شما فعال گردید."_s;
const QString kBranch = u"ثبت نام شما تائید شد، جهت فعال سازی حساب کاربری با در دست داشتن مدارک هویتی به "
                        u"نزدیکترین شعبه مراجعه فرمائید ."_s;
const QString kMismatch = u"اطلاعات هویتی وارد شده توسط شما با پایگاه مرجع مطابقت ندارد، میتوانید مجدداً ثبت نام "
                          u"نمائید. چنانچه از صحت اطلاعات ثبت شده اطمینان دارید با در دست داشتن مدارک هویتی خود به "
                          u"نزدیکترین شعبه مراجعه فرمائید."_s;

// 1365/04/12 (the requests' birth date) in the Gregorian calendar, as the databases keep it.
const QString kBirthIso = u"1986-07-03"_s;

} // namespace

class TestCentralVerify : public SyncFixture
{
    Q_OBJECT

    int m_people = 0;

    struct Person {
        QString code, mobile;
    };
    Person newPerson()
    {
        ++m_people;
        const QString nine = u"%1"_s.arg(420000000 + m_people * 7907, 9, 10, QLatin1Char('0'));
        return {nationalCode(nine), u"0935%1"_s.arg(2000000 + m_people, 7, 10, QLatin1Char('0'))};
    }

    // A branch database `code` with testStaff() and, when given, registry rows and mobile owners.
    QString newBranch(const QString &code, const QByteArray &registry = {}, const QByteArray &owners = {})
    {
        const QString db = m_ws.path(u"branch-%1-%2.db"_s.arg(code).arg(++m_people));
        QList<CliResult> steps = {ctl(db, {u"init"_s, u"--branch"_s, code}), addAdministrator(db), addTestStaff(db)};
        if (!registry.isEmpty())
            steps << ctlAs(
                db, u"admin"_s,
                {u"--now"_s, at(0), u"import-registry"_s, m_ws.file(u"reg.csv"_s, kRegistryHeader + registry)});
        if (!owners.isEmpty())
            steps << ctlAs(db, u"admin"_s,
                           {u"--now"_s, at(0), u"import-mobile-owners"_s,
                            m_ws.file(u"own.csv"_s, "national_code,mobile\n" + owners)});
        for (const auto &s : steps)
            if (s.exitCode != 0) {
                qWarning("setup failed: %s", qPrintable(describe(s)));
                return {};
            }
        return db;
    }

    CliResult sync(const QString &db, const QString &dialect, const QString &branch, qint64 when)
    {
        return ctlAs(db, u"service"_s, {u"--now"_s, at(when), u"sync"_s, u"--central"_s, urlFor(dialect, branch)}, {},
                     env());
    }

    // `branchctl verify --central URL` (no branch database).
    CliResult verifyCentral(const QString &url, qint64 when, const QStringList &extra = {})
    {
        return branchtest::runCli(
            branchctl(), QStringList{u"--now"_s, at(when), u"verify"_s, u"--central"_s, url} + extra, {}, env());
    }

    // Runs `sql` on the central database as its owner with `binds`; every row, columns
    // joined by '|', one line per row.
    QString central(const QString &dialect, const QString &sql, const QVariantList &binds = {})
    {
        auto db = admin(dialect);
        if (!db)
            return u"<no connection>"_s;
        QSqlQuery q(db->connection());
        if (!q.prepare(sql)) {
            qWarning("central prepare failed: %s", qPrintable(q.lastError().text()));
            return u"<error>"_s;
        }
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec()) {
            qWarning("central query failed: %s", qPrintable(q.lastError().text()));
            return u"<error>"_s;
        }
        QStringList rows;
        while (q.next()) {
            QStringList cols;
            for (int i = 0; i < q.record().count(); ++i)
                cols << q.value(i).toString();
            rows << cols.join(u'|');
        }
        return rows.join(u'\n');
    }

    // The civil-registry row and the mobile ownership, written centrally as the owner
    // (names with their matching form, the birth date in ISO, as `import-registry` stores them).
    void centralRegistry(const QString &dialect, const QString &code, const QString &first, const QString &last,
                         const QString &cert, const QString &birthIso)
    {
        const QString r =
            central(dialect,
                    u"INSERT INTO registry_persons (national_code, first_name, last_name, father_name, "
                    "first_name_norm, last_name_norm, father_name_norm, birth_cert_no, birth_date, gender, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'M', ?)"_s,
                    {code, first, last, u"رضا"_s, branch::normalizeName(first), branch::normalizeName(last),
                     branch::normalizeName(u"رضا"_s), cert, birthIso, at(0)});
        QVERIFY2(r.isEmpty(), qPrintable(r));
    }
    void centralOwner(const QString &dialect, const QString &code, const QString &mobile)
    {
        const QString r =
            central(dialect, u"INSERT INTO mobile_owners (national_code, mobile) VALUES (?, ?)"_s, {code, mobile});
        QVERIFY2(r.isEmpty(), qPrintable(r));
    }

    static QByteArray request(const Person &p, const QString &first, const QString &last)
    {
        QJsonObject r = validRequest(p.code, p.mobile);
        r.insert(u"first_name"_s, first);
        r.insert(u"last_name"_s, last);
        return json(QJsonArray{r});
    }

    // The request id `register` printed.
    static QString requestId(const CliResult &r)
    {
        return r.json().array().first().toObject().value(u"request_id"_s).toString();
    }

    // The one decision about `code` in a verify output (an empty object when none).
    static QJsonObject decisionOf(const CliResult &r, const QString &code)
    {
        QJsonObject found;
        int count = 0;
        for (const auto &d : r.json().array())
            if (d.toObject().value(u"national_code"_s).toString() == code) {
                found = d.toObject();
                ++count;
            }
        return count == 1 ? found : QJsonObject{};
    }

    // Central counts that any change would move: rows of the travelling tables, the change
    // log, the audit, and the statuses with their versions.
    QString centralSnapshot(const QString &dialect)
    {
        return central(dialect, u"SELECT (SELECT count(*) FROM changes), (SELECT count(*) FROM accounts), "
                                "(SELECT count(*) FROM sms_messages), (SELECT count(*) FROM central_audit)"_s) +
               u"\n"_s +
               central(dialect, dialect == "postgresql"_L1
                                    ? u"SELECT id::text, status, version FROM requests ORDER BY id::text"_s
                                    : u"SELECT id, status, version FROM requests ORDER BY id"_s);
    }

private slots:
    void initTestCase() { setUpCentrals({u"1001"_s, u"1002"_s}); }

    // Each outcome, decided centrally for a request pushed by branch 1001: the output, the
    // central request (status, version + 1, decided_at, its own branch code), the account
    // (activated only; the request's secrets as hashes, branch 1001), the seed's SMS
    // (queued, version 1, branch 1001; none for expired) and the central audit (no name,
    // mobile or text in it). A branch deciding the same data itself (its own `verify`,
    // with the same registry and owners imported) reaches the same outcome and SMS text.
    void outcomes_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("typedFirst");
        QTest::addColumn<QString>("typedLast");
        QTest::addColumn<QString>("registryFirst"); // empty: no registry row
        QTest::addColumn<QString>("registryLast");
        QTest::addColumn<QString>("registryCert");
        QTest::addColumn<QString>("registryBirth"); // Jalali, as in the registry CSV
        QTest::addColumn<bool>("ownsMobile");
        QTest::addColumn<qint64>("decidedAfter"); // seconds after the submission
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("smsText"); // the seed's sentence after the salutation line; empty: none

        struct Row {
            const char *name;
            QString typedFirst, typedLast, regFirst, regLast, regCert, regBirth;
            bool owns;
            qint64 after;
            QString outcome, sms;
        };
        const QString ali = u"علی"_s, rezaei = u"رضایی"_s;
        const QList<Row> rows = {
            {"activated", ali, rezaei, ali, rezaei, u"12345"_s, u"1365/04/12"_s, true, 60, u"activated"_s, kActivated},
            {"branch activation required", ali, rezaei, ali, rezaei, u"12345"_s, u"1365/04/12"_s, false, 60,
             u"branch_activation_required"_s, kBranch},
            {"certificate number with a leading zero", ali, rezaei, ali, rezaei, u"012345"_s, u"1365/04/12"_s, false,
             60, u"branch_activation_required"_s, kBranch},
            // Arabic keyboard letters (ي U+064A, ك U+0643), a ZWNJ and a space typed; the
            // registry in Persian letters: the same person.
            {"arabic letters match", u"علي"_s, u"كريمي نيك\u200cپور"_s, ali, u"کریمی نیکپور"_s, u"12345"_s,
             u"1365/04/12"_s, true, 60, u"activated"_s, kActivated},
            {"no registry row", ali, rezaei, {}, {}, {}, {}, true, 60, u"identity_mismatch"_s, kMismatch},
            {"another birth date", ali, rezaei, ali, rezaei, u"12345"_s, u"1365/04/13"_s, true, 60,
             u"identity_mismatch"_s, kMismatch},
            {"another last name", ali, rezaei, ali, u"کریمی"_s, u"12345"_s, u"1365/04/12"_s, true, 60,
             u"identity_mismatch"_s, kMismatch},
            {"another certificate number", ali, rezaei, ali, rezaei, u"12346"_s, u"1365/04/12"_s, true, 60,
             u"identity_mismatch"_s, kMismatch},
            {"expired after 48 hours",
             ali,
             rezaei,
             ali,
             rezaei,
             u"12345"_s,
             u"1365/04/12"_s,
             true,
             48 * 3600 + 1,
             u"expired"_s,
             {}},
            {"not yet expired at 48 hours", ali, rezaei, ali, rezaei, u"12345"_s, u"1365/04/12"_s, true, 48 * 3600,
             u"activated"_s, kActivated},
        };
        for (const QString &dialect : {u"postgresql"_s, u"sqlite"_s})
            for (const auto &r : rows)
                QTest::addRow("%s: %s", qPrintable(dialect), r.name)
                    << dialect << r.typedFirst << r.typedLast << r.regFirst << r.regLast << r.regCert << r.regBirth
                    << r.owns << r.after << r.outcome << r.sms;
    }
    void outcomes()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, typedFirst);
        QFETCH(QString, typedLast);
        QFETCH(QString, registryFirst);
        QFETCH(QString, registryLast);
        QFETCH(QString, registryCert);
        QFETCH(QString, registryBirth);
        QFETCH(bool, ownsMobile);
        QFETCH(qint64, decidedAfter);
        QFETCH(QString, outcome);
        QFETCH(QString, smsText);
        const bool pg = dialect == "postgresql"_L1;
        const Person p = newPerson();

        // The reference data, centrally and (for the twin) at a branch.
        QByteArray registryCsv, ownersCsv;
        if (!registryFirst.isEmpty()) {
            const auto birth = branch::parseJalali(registryBirth);
            QVERIFY(birth);
            centralRegistry(dialect, p.code, registryFirst, registryLast, registryCert, birth->toString(Qt::ISODate));
            registryCsv = (p.code + u","_s + registryFirst + u","_s + registryLast + u",رضا,"_s + registryCert +
                           u","_s + registryBirth + u",M\n"_s)
                              .toUtf8();
        }
        if (ownsMobile) {
            centralOwner(dialect, p.code, p.mobile);
            ownersCsv = (p.code + u","_s + p.mobile + u"\n"_s).toUtf8();
        }

        // Branch 1001 registers and pushes; the central verifier decides.
        const QString branch = newBranch(u"1001"_s);
        QVERIFY(!branch.isEmpty());
        const CliResult reg =
            ctlAs(branch, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, request(p, typedFirst, typedLast));
        CLI_EXPECT(reg, 0);
        const QString id = requestId(reg);
        CLI_EXPECT(sync(branch, dialect, u"1001"_s, 120), 0);
        const QString idSql = pg ? u"id = ?::uuid"_s : u"id = ?"_s;
        QCOMPARE(central(dialect, u"SELECT status || '|' || version FROM requests WHERE "_s + idSql, {id}),
                 u"submitted|1"_s);
        QCOMPARE(central(dialect, u"SELECT birth_date FROM requests WHERE "_s + idSql, {id}), kBirthIso);

        const qint64 when = 60 + decidedAfter;
        const CliResult v = verifyCentral(adminUrl(dialect), when);
        CLI_EXPECT(v, 0);
        QVERIFY2(isOneJson(v) && v.json().isArray(), v.out.constData());
        const QJsonObject d = decisionOf(v, p.code);
        QCOMPARE(d.value(u"request_id"_s).toString(), id);
        QCOMPARE(d.value(u"outcome"_s).toString(), outcome);
        QCOMPARE(d.keys(), (QStringList{u"national_code"_s, u"outcome"_s, u"request_id"_s}));

        // The request: decided at `when`, one version up, still branch 1001's.
        QCOMPARE(central(dialect,
                         u"SELECT status || '|' || version || '|' || branch_code || '|' || updated_by FROM "
                         "requests WHERE "_s +
                             idSql,
                         {id}),
                 u"%1|2|1001|verifier"_s.arg(outcome));
        QCOMPARE(branch::db::fromIsoUtc(central(dialect, u"SELECT decided_at FROM requests WHERE "_s + idSql, {id})),
                 kT0.addSecs(when));

        // The account, for an activation only: the request's hashes, branch 1001.
        const QString account = central(
            dialect,
            pg ? u"SELECT a.branch_code || '|' || a.version || '|' || (a.request_id::text = ?) || '|' || a.mobile || "
                 "'|' || (a.password_hash = r.password_hash) || '|' || (a.questions_json = r.questions_json) FROM "
                 "accounts a JOIN requests r ON r.id = a.request_id WHERE a.national_code = ?"_s
               : u"SELECT a.branch_code || '|' || a.version || '|' || (a.request_id = ?) || '|' || a.mobile || '|' || "
                 "(a.password_hash = r.password_hash) || '|' || (a.questions_json = r.questions_json) FROM accounts "
                 "a JOIN requests r ON r.id = a.request_id WHERE a.national_code = ?"_s,
            {id, p.code});
        const QString yes = pg ? u"true"_s : u"1"_s;
        if (outcome == "activated"_L1)
            QCOMPARE(account, u"1001|1|%1|%2|%1|%1"_s.arg(yes, p.mobile));
        else
            QCOMPARE(account, QString());

        // The seed's SMS, queued for branch 1001 to send.
        const QString expectedText =
            smsText.isEmpty() ? QString()
            : outcome == "identity_mismatch"_L1
                ? smsText
                : u"جناب آقای "_s + cleanName(typedFirst) + u" "_s + cleanName(typedLast) + u"\n"_s + smsText;
        const QString sms = central(dialect,
                                    u"SELECT branch_code || '|' || version || '|' || status || '|' || kind || '|' || "
                                    "mobile || '|' || coalesce(sent_at, 'null') FROM sms_messages WHERE "
                                    "national_code = ?"_s,
                                    {p.code});
        if (smsText.isEmpty()) {
            QCOMPARE(sms, QString());
        } else {
            QCOMPARE(sms, u"1001|1|queued|%1|%2|null"_s.arg(outcome, p.mobile));
            QCOMPARE(central(dialect, u"SELECT text FROM sms_messages WHERE national_code = ?"_s, {p.code}),
                     expectedText);
        }

        // The central audit: one entry per change, without names, mobiles or texts.
        QStringList actions{u"request."_s + outcome};
        if (outcome == "activated"_L1)
            actions << u"account.create"_s;
        if (!smsText.isEmpty())
            actions << u"sms.queue"_s;
        QCOMPARE(central(dialect, u"SELECT action FROM central_audit WHERE national_code = ? ORDER BY seq"_s, {p.code})
                     .split(u'\n'),
                 actions);
        QCOMPARE(central(dialect,
                         u"SELECT DISTINCT actor || '|' || branch_code FROM central_audit WHERE national_code = ?"_s,
                         {p.code}),
                 u"verifier|1001"_s);
        const QString details =
            central(dialect,
                    pg ? u"SELECT string_agg(details::text, ' ') FROM central_audit WHERE national_code = ?"_s
                       : u"SELECT group_concat(details, ' ') FROM central_audit WHERE national_code = ?"_s,
                    {p.code});
        QVERIFY2(details.contains(id), qPrintable(details));
        for (const QString &personal : {p.mobile, typedFirst, cleanName(typedLast), u"scrypt"_s, kMismatch.left(20)})
            QVERIFY2(!details.contains(personal), qPrintable(details));

        // A twin branch, with the same reference data, decides the same request itself.
        const QString twin = newBranch(u"1002"_s, registryCsv, ownersCsv);
        QVERIFY(!twin.isEmpty());
        CLI_EXPECT(
            ctlAs(twin, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, request(p, typedFirst, typedLast)), 0);
        const CliResult local = ctlAs(twin, u"service"_s, {u"--now"_s, at(when), u"verify"_s});
        CLI_EXPECT(local, 0);
        QCOMPARE(decisionOf(local, p.code).value(u"outcome"_s).toString(), outcome);
        const QJsonArray localSms = smsList(twin);
        if (expectedText.isEmpty()) {
            QCOMPARE(localSms.size(), 0);
        } else {
            QCOMPARE(localSms.size(), 1);
            QCOMPARE(localSms.first().toObject().value(u"text"_s).toString(), expectedText);
        }
    }

    // Verifying again decides nothing more: the second run prints [] and the central
    // database does not move; two verifiers started together decide each request once.
    void decidedOnce_data() { dialects(); }
    void decidedOnce()
    {
        QFETCH(QString, dialect);
        // Clear what earlier tests left submitted, so that only this test's requests count.
        CLI_EXPECT(verifyCentral(adminUrl(dialect), 1), 0);

        const QString branch = newBranch(u"1001"_s);
        QVERIFY(!branch.isEmpty());
        QStringList codes;
        QJsonArray requests;
        for (int i = 0; i < 8; ++i) {
            const Person p = newPerson();
            codes << p.code;
            if (i % 2 == 0) {
                centralRegistry(dialect, p.code, u"علی"_s, u"رضایی"_s, u"12345"_s, kBirthIso);
                centralOwner(dialect, p.code, p.mobile);
            }
            requests.append(QJsonDocument::fromJson(request(p, u"علی"_s, u"رضایی"_s)).array().first());
        }
        CLI_EXPECT(ctlAs(branch, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, json(requests)), 0);
        CLI_EXPECT(sync(branch, dialect, u"1001"_s, 120), 0);

        // Two verifiers at once: together they decide every request exactly once.
        QList<QProcess *> runs;
        for (int i = 0; i < 2; ++i) {
            auto *p = new QProcess(this);
            p->setProcessEnvironment(env());
            p->start(branchctl(), {u"--now"_s, at(180), u"verify"_s, u"--central"_s, adminUrl(dialect)});
            runs << p;
        }
        QStringList decided;
        for (QProcess *p : runs) {
            QVERIFY(p->waitForFinished(120000));
            const QByteArray err = p->readAllStandardError();
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, err.constData());
            for (const auto &d : QJsonDocument::fromJson(p->readAllStandardOutput()).array())
                decided << d.toObject().value(u"national_code"_s).toString();
            delete p;
        }
        decided.sort();
        codes.sort();
        QCOMPARE(decided, codes);
        const QString inList = u"'"_s + codes.join(u"','"_s) + u"'"_s;
        QCOMPARE(central(dialect, u"SELECT count(*) FROM sms_messages WHERE national_code IN (%1)"_s.arg(inList)),
                 u"8"_s);
        QCOMPARE(central(dialect, u"SELECT count(*) FROM accounts WHERE national_code IN (%1)"_s.arg(inList)), u"4"_s);
        QCOMPARE(central(dialect, u"SELECT DISTINCT version FROM requests WHERE national_code IN (%1)"_s.arg(inList)),
                 u"2"_s);

        // Once more, later: nothing left to decide, nothing changes.
        const QString before = centralSnapshot(dialect);
        const CliResult again = verifyCentral(adminUrl(dialect), 240);
        CLI_EXPECT(again, 0);
        QCOMPARE(again.json().array().size(), 0);
        QCOMPARE(centralSnapshot(dialect), before);
    }

    // One person registered at two branches before either knew of the other: the older
    // request is activated; the newer one cannot make a second account and stays submitted
    // (stderr says so) until it expires like any undecided request.
    void secondRequestOfAnActivatedPerson_data() { dialects(); }
    void secondRequestOfAnActivatedPerson()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        centralRegistry(dialect, p.code, u"علی"_s, u"رضایی"_s, u"12345"_s, kBirthIso);
        centralOwner(dialect, p.code, p.mobile);
        const QString first = newBranch(u"1001"_s), second = newBranch(u"1002"_s);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const CliResult r1 =
            ctlAs(first, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, request(p, u"علی"_s, u"رضایی"_s));
        const CliResult r2 =
            ctlAs(second, u"clerk"_s, {u"--now"_s, at(90), u"register"_s, u"-"_s}, request(p, u"علی"_s, u"رضایی"_s));
        CLI_EXPECT(r1, 0);
        CLI_EXPECT(r2, 0);
        CLI_EXPECT(sync(first, dialect, u"1001"_s, 120), 0);
        // 1002 looks her up once online: it fetches her (1001 holds her), so its push for her counts.
        QCOMPARE(fetchAt(second, dialect, u"1002"_s, p.code), QString());
        CLI_EXPECT(sync(second, dialect, u"1002"_s, 120), 0);

        const CliResult v = verifyCentral(adminUrl(dialect), 180, {u"--lang"_s, u"en"_s});
        CLI_EXPECT(v, 0);
        QCOMPARE(decisionOf(v, p.code).value(u"request_id"_s).toString(), requestId(r1));
        QCOMPARE(decisionOf(v, p.code).value(u"outcome"_s).toString(), u"activated"_s);
        QVERIFY2(v.errText().contains(u"already has an account"_s), qPrintable(v.errText()));
        const QString idSql = dialect == "postgresql"_L1 ? u"id = ?::uuid"_s : u"id = ?"_s;
        QCOMPARE(central(dialect, u"SELECT status || '|' || version FROM requests WHERE "_s + idSql, {requestId(r2)}),
                 u"submitted|1"_s);
        QCOMPARE(central(dialect, u"SELECT count(*) FROM accounts WHERE national_code = ?"_s, {p.code}), u"1"_s);
        QCOMPARE(central(dialect, u"SELECT count(*) FROM sms_messages WHERE national_code = ?"_s, {p.code}), u"1"_s);

        const CliResult later = verifyCentral(adminUrl(dialect), 90 + 48 * 3600 + 1);
        CLI_EXPECT(later, 0);
        QCOMPARE(decisionOf(later, p.code).value(u"outcome"_s).toString(), u"expired"_s);
        QCOMPARE(central(dialect, u"SELECT count(*) FROM accounts WHERE national_code = ?"_s, {p.code}), u"1"_s);
    }

    // A branch's user may not run the central verification (PostgreSQL: the role is a
    // branch's); nothing changes.
    void branchRoleRefused()
    {
        const QString branch = newBranch(u"1001"_s);
        QVERIFY(!branch.isEmpty());
        const Person p = newPerson();
        CLI_EXPECT(
            ctlAs(branch, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, request(p, u"علی"_s, u"رضایی"_s)),
            0);
        CLI_EXPECT(sync(branch, u"postgresql"_s, u"1001"_s, 120), 0);
        const QString before = centralSnapshot(u"postgresql"_s);
        const CliResult r = verifyCentral(urlFor(u"postgresql"_s, u"1001"_s), 180, {u"--lang"_s, u"en"_s});
        CLI_REFUSED(r, 3);
        QCOMPARE(codesOf(r.json().object()), QStringList{u"central.forbidden"_s});
        QCOMPARE(centralSnapshot(u"postgresql"_s), before);
    }

    // The central database cannot be reached (PostgreSQL stopped; a SQLite central file
    // that is not there): exit 3 like `sync`, and nothing changed; once it is back, the
    // request is decided.
    void centralUnreachable_data() { dialects(); }
    void centralUnreachable()
    {
        QFETCH(QString, dialect);
        const QString branch = newBranch(u"1001"_s);
        QVERIFY(!branch.isEmpty());
        const Person p = newPerson();
        CLI_EXPECT(
            ctlAs(branch, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, request(p, u"علی"_s, u"رضایی"_s)),
            0);
        CLI_EXPECT(sync(branch, dialect, u"1001"_s, 120), 0);
        const QString before = centralSnapshot(dialect);

        CliResult down;
        const QString gone = m_ws.path(u"gone/central.db"_s);
        if (dialect == "postgresql"_L1) {
            QVERIFY(m_pg.stop());
            down = verifyCentral(m_pgUrl, 180);
            QVERIFY2(m_pg.start(), qPrintable(m_pg.lastError()));
        } else {
            down = verifyCentral(u"sqlite://"_s + gone, 180);
            QVERIFY(!QFile::exists(gone));
        }
        CLI_REFUSED(down, 3);
        QVERIFY2(isOneJson(down), down.out.constData());
        QCOMPARE(down.json().object().value(u"ok"_s).toBool(true), false);
        QCOMPARE(centralSnapshot(dialect), before);

        const CliResult up = verifyCentral(adminUrl(dialect), 180);
        CLI_EXPECT(up, 0);
        QCOMPARE(decisionOf(up, p.code).value(u"outcome"_s).toString(), u"identity_mismatch"_s);
    }

    // End to end: branch 1001 registers two people offline and syncs; the central verifier
    // decides (one activated, one to come to a branch); 1001 syncs again and sees both
    // statuses, the account (a recovery by security questions finds it) and both SMS in
    // its outbox, ready for `sms send`; branch 1002 gets the requests and the account but
    // not 1001's SMS.
    void endToEnd_data() { dialects(); }
    void endToEnd()
    {
        QFETCH(QString, dialect);
        const Person a = newPerson(), b = newPerson();
        for (const Person &p : {a, b})
            centralRegistry(dialect, p.code, u"علی"_s, u"رضایی"_s, u"12345"_s, kBirthIso);
        centralOwner(dialect, a.code, a.mobile);

        const QString branch = newBranch(u"1001"_s), other = newBranch(u"1002"_s);
        QVERIFY(!branch.isEmpty() && !other.isEmpty());
        for (const Person &p : {a, b})
            CLI_EXPECT(ctlAs(branch, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s},
                             request(p, u"علی"_s, u"رضایی"_s)),
                       0);
        CLI_EXPECT(sync(branch, dialect, u"1001"_s, 120), 0);
        QCOMPARE(show(branch, a.code).value(u"status"_s).toString(), u"submitted"_s);

        const CliResult v = verifyCentral(adminUrl(dialect), 180);
        CLI_EXPECT(v, 0);
        QCOMPARE(decisionOf(v, a.code).value(u"outcome"_s).toString(), u"activated"_s);
        QCOMPARE(decisionOf(v, b.code).value(u"outcome"_s).toString(), u"branch_activation_required"_s);

        const CliResult pulled = sync(branch, dialect, u"1001"_s, 240);
        CLI_EXPECT(pulled, 0);
        QVERIFY2(pulled.json().object().value(u"pulled"_s).toInt() >= 3, pulled.out.constData());
        QCOMPARE(show(branch, a.code).value(u"status"_s).toString(), u"activated"_s);
        QCOMPARE(show(branch, b.code).value(u"status"_s).toString(), u"branch_activation_required"_s);
        QCOMPARE(sqlite(branch, u"SELECT count(*) FROM accounts WHERE national_code = '%1'"_s.arg(a.code)).trimmed(),
                 "1");
        QCOMPARE(sqlite(branch, u"SELECT count(*) FROM outbox"_s).trimmed(), "0"); // pulled rows do not travel back
        const CliResult recover = ctlAs(
            branch, u"clerk"_s, {u"--now"_s, at(300), u"recover"_s, u"start"_s, a.code, u"--method"_s, u"questions"_s});
        CLI_EXPECT(recover, 0);

        QHash<QString, QJsonObject> smsByCode;
        for (const auto &s : smsList(branch))
            smsByCode.insert(s.toObject().value(u"national_code"_s).toString(), s.toObject());
        QVERIFY2(smsByCode.contains(a.code) && smsByCode.contains(b.code),
                 "the central decision's SMS did not reach the branch's outbox");
        QCOMPARE(smsByCode.value(a.code).value(u"text"_s).toString(), u"جناب آقای علی رضایی\n"_s + kActivated);
        QCOMPARE(smsByCode.value(a.code).value(u"status"_s).toString(), u"queued"_s);
        QCOMPARE(smsByCode.value(a.code).value(u"mobile"_s).toString(), a.mobile);
        QCOMPARE(smsByCode.value(b.code).value(u"text"_s).toString(), u"جناب آقای علی رضایی\n"_s + kBranch);

        // `sms send` delivers them from this branch (the idempotency key is the central SMS id).
        smstest::FakeSmsGateway gw;
        QProcessEnvironment withToken = env();
        withToken.insert(u"BRANCHDESK_SMS_TOKEN"_s, u"test-token"_s);
        CLI_EXPECT(ctlAs(branch, u"service"_s,
                         {u"--now"_s, at(360), u"sms"_s, u"send"_s, u"--gateway"_s, gw.url().toString()}, {},
                         withToken),
                   0);
        QSet<QString> delivered;
        for (const auto &r : gw.requests())
            if (r.json().value(u"to"_s).toString() == a.mobile || r.json().value(u"to"_s).toString() == b.mobile)
                delivered << r.key();
        QCOMPARE(delivered, (QSet<QString>{smsByCode.value(a.code).value(u"id"_s).toString(),
                                           smsByCode.value(b.code).value(u"id"_s).toString()}));
        for (const auto &s : smsList(branch))
            if (s.toObject().value(u"national_code"_s).toString() == a.code)
                QCOMPARE(s.toObject().value(u"status"_s).toString(), u"sent"_s);

        // The other branch: nothing of 1001's people until one of them comes to its counter;
        // then the requests and the account, not 1001's SMS.
        CLI_EXPECT(sync(other, dialect, u"1002"_s, 300), 0);
        QCOMPARE(show(other, a.code).value(u"status"_s).toString(), QString());
        QCOMPARE(fetchAt(other, dialect, u"1002"_s, a.code), QString());
        QCOMPARE(show(other, a.code).value(u"status"_s).toString(), u"activated"_s);
        for (const auto &s : smsList(other))
            QVERIFY(s.toObject().value(u"national_code"_s).toString() != a.code &&
                    s.toObject().value(u"national_code"_s).toString() != b.code);
    }

    // The central reference data from the same CSV files as a branch's imports
    // (`import-registry|import-mobile-owners --central URL FILE`, no branch database): rows
    // stored with their matching forms and an ISO birth date, one central audit entry, a
    // second identical import writes nothing (the change log does not move), a changed row
    // is written alone; the verification decides against them (Arabic letters in the file
    // and Persian in the request match) and a branch pulls the registry rows that arrived.
    void centralImports_data() { dialects(); }
    void centralImports()
    {
        QFETCH(QString, dialect);
        const Person a = newPerson(), b = newPerson();
        const auto import = [&](const char *command, const QByteArray &csv) {
            return branchtest::runCli(branchctl(),
                                      {u"--now"_s, at(30), QString::fromLatin1(command), u"--central"_s,
                                       adminUrl(dialect), m_ws.file(u"central.csv"_s, csv)},
                                      {}, env());
        };
        const auto changesCount = [&] { return central(dialect, u"SELECT count(*) FROM changes"_s); };
        const QByteArray registry = kRegistryHeader + (a.code + u",علي,رضايي,رضا,12345,1365/04/12,M\n"_s + b.code +
                                                       u",مریم,کریمی,حسن,777,1370/01/15,F\n"_s)
                                                          .toUtf8();
        const CliResult first = import("import-registry", registry);
        CLI_EXPECT(first, 0);
        QCOMPARE(first.json().object().value(u"imported"_s).toInt(), 2);
        QCOMPARE(first.json().object().value(u"changed"_s).toInt(), 2);
        QCOMPARE(central(dialect,
                         u"SELECT first_name, first_name_norm, birth_date, gender FROM registry_persons "
                         "WHERE national_code = ?"_s,
                         {a.code}),
                 u"علي|"_s + branch::normalizeName(u"علی"_s) + u"|"_s + kBirthIso + u"|M"_s);
        QCOMPARE(central(dialect,
                         u"SELECT count(*) FROM central_audit WHERE action = 'registry.import' AND actor = 'admin'"_s)
                         .toInt() >= 1,
                 true);
        const QString changesAfterFirst = changesCount();
        const CliResult again = import("import-registry", registry);
        CLI_EXPECT(again, 0);
        QCOMPARE(again.json().object().value(u"changed"_s).toInt(), 0);
        QCOMPARE(changesCount(), changesAfterFirst);
        QByteArray corrected = registry;
        corrected.replace("777", "778");
        const CliResult third = import("import-registry", corrected);
        CLI_EXPECT(third, 0);
        QCOMPARE(third.json().object().value(u"changed"_s).toInt(), 1);
        QCOMPARE(central(dialect, u"SELECT birth_cert_no FROM registry_persons WHERE national_code = ?"_s, {b.code}),
                 u"778"_s);

        const QByteArray owners = "national_code,mobile\n" + (a.code + u","_s + a.mobile + u"\n"_s).toUtf8();
        const CliResult owned = import("import-mobile-owners", owners);
        CLI_EXPECT(owned, 0);
        QCOMPARE(owned.json().object().value(u"changed"_s).toInt(), 1);
        QCOMPARE(import("import-mobile-owners", owners).json().object().value(u"changed"_s).toInt(), 0);

        // A bad line anywhere: exit 1, the line named, nothing written centrally.
        const QString before = centralSnapshot(dialect) + central(dialect, u"SELECT count(*) FROM registry_persons"_s);
        const CliResult bad = import(
            "import-registry",
            kRegistryHeader +
                (newPerson().code + u",علی,رضایی,,1,1365/04/12,M\n"_s + u"123,علی,رضایی,,1,1365/04/12,M\n"_s).toUtf8());
        CLI_REFUSED(bad, 1);
        QVERIFY2(bad.err.contains("3"), bad.err.constData()); // line 3
        QCOMPARE(centralSnapshot(dialect) + central(dialect, u"SELECT count(*) FROM registry_persons"_s), before);

        // Decided against what was imported; the branch pulls the registry rows.
        const QString branch = newBranch(u"1001"_s);
        QVERIFY(!branch.isEmpty());
        CLI_EXPECT(
            ctlAs(branch, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, request(a, u"علی"_s, u"رضایی"_s)),
            0);
        CLI_EXPECT(sync(branch, dialect, u"1001"_s, 120), 0);
        const CliResult v = verifyCentral(adminUrl(dialect), 180);
        CLI_EXPECT(v, 0);
        QCOMPARE(decisionOf(v, a.code).value(u"outcome"_s).toString(), u"activated"_s);
        CLI_EXPECT(sync(branch, dialect, u"1001"_s, 240), 0);
        // Its own person's registry row; not the row of someone it does not hold, until fetched.
        QCOMPARE(
            sqlite(branch, u"SELECT count(*) FROM registry_persons WHERE national_code = '%1'"_s.arg(a.code)).trimmed(),
            "1");
        QCOMPARE(
            sqlite(branch, u"SELECT count(*) FROM registry_persons WHERE national_code = '%1'"_s.arg(b.code)).trimmed(),
            "0");
        QCOMPARE(fetchAt(branch, dialect, u"1001"_s, b.code), QString());
        QCOMPARE(sqlite(branch, u"SELECT birth_cert_no FROM registry_persons WHERE national_code = '%1'"_s.arg(b.code))
                     .trimmed(),
                 "778");
    }

    // A branch's own `verify` after the person's account arrived by sync (activated from
    // another branch's registration) while the branch's own request was still submitted:
    // the request is left submitted and reported, as the central verification does, and
    // the run goes on to the other requests (it ended with exit 3 before).
    void localVerifyAfterTheAccountArrived_data() { dialects(); }
    void localVerifyAfterTheAccountArrived()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson(), q = newPerson();
        centralRegistry(dialect, p.code, u"علی"_s, u"رضایی"_s, u"12345"_s, kBirthIso);
        centralOwner(dialect, p.code, p.mobile);
        const QByteArray registry =
            (p.code + u",علی,رضایی,رضا,12345,1365/04/12,M\n"_s + q.code + u",علی,رضایی,رضا,12345,1365/04/12,M\n"_s)
                .toUtf8();
        const QByteArray owners =
            (p.code + u","_s + p.mobile + u"\n"_s + q.code + u","_s + q.mobile + u"\n"_s).toUtf8();
        const QString a = newBranch(u"1001"_s), b = newBranch(u"1002"_s, registry, owners);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        CLI_EXPECT(ctlAs(a, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, request(p, u"علی"_s, u"رضایی"_s)),
                   0);
        CLI_EXPECT(sync(a, dialect, u"1001"_s, 120), 0);
        const CliResult v = verifyCentral(adminUrl(dialect), 180);
        CLI_EXPECT(v, 0);
        QCOMPARE(decisionOf(v, p.code).value(u"outcome"_s).toString(), u"activated"_s);
        // 1002 took the same person's registration (and another's) offline, then synced.
        for (const Person &who : {p, q})
            CLI_EXPECT(
                ctlAs(b, u"clerk"_s, {u"--now"_s, at(200), u"register"_s, u"-"_s}, request(who, u"علی"_s, u"رضایی"_s)),
                0);
        QCOMPARE(fetchAt(b, dialect, u"1002"_s, p.code), QString()); // 1001 holds her: 1002 fetches her
        CLI_EXPECT(sync(b, dialect, u"1002"_s, 240), 0);
        QCOMPARE(sqlite(b, u"SELECT count(*) FROM accounts WHERE national_code = '%1'"_s.arg(p.code)).trimmed(), "1");
        const QString ownRequest =
            QString::fromUtf8(
                sqlite(b, u"SELECT id FROM requests WHERE national_code = '%1' AND branch_code = '1002'"_s.arg(p.code)))
                .trimmed();
        QVERIFY(!ownRequest.isEmpty());

        const CliResult local = ctlAs(b, u"service"_s, {u"--now"_s, at(300), u"--lang"_s, u"en"_s, u"verify"_s});
        CLI_EXPECT(local, 0);
        QVERIFY2(local.err.contains("left submitted"), local.err.constData());
        QCOMPARE(decisionOf(local, q.code).value(u"outcome"_s).toString(), u"activated"_s);
        QVERIFY(decisionOf(local, p.code).isEmpty());
        QCOMPARE(sqlite(b, u"SELECT status FROM requests WHERE id = '%1'"_s.arg(ownRequest)).trimmed(), "submitted");
        QCOMPARE(sqlite(b, u"SELECT count(*) FROM accounts WHERE national_code = '%1'"_s.arg(p.code)).trimmed(), "1");
    }

    // A branch's user may not load the central reference data; nothing changes.
    void centralImportByBranchRoleRefused()
    {
        const QString before = central(u"postgresql"_s, u"SELECT count(*) FROM registry_persons"_s);
        const CliResult r = branchtest::runCli(
            branchctl(),
            {u"--lang"_s, u"en"_s, u"import-registry"_s, u"--central"_s, urlFor(u"postgresql"_s, u"1001"_s),
             m_ws.file(u"role.csv"_s,
                       kRegistryHeader + (newPerson().code + u",علی,رضایی,,1,1365/04/12,M\n"_s).toUtf8())},
            {}, env());
        CLI_REFUSED(r, 3);
        QCOMPARE(codesOf(r.json().object()), QStringList{u"central.forbidden"_s});
        QCOMPARE(central(u"postgresql"_s, u"SELECT count(*) FROM registry_persons"_s), before);
    }

private:
    // The display form of a typed name (what the SMS salutation shows): trimmed, one space.
    static QString cleanName(const QString &typed) { return branch::cleanDisplay(typed); }
};

QTEST_GUILESS_MAIN(TestCentralVerify)
#include "TestCentralVerify.moc"
