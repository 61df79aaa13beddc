// Serving a person from another branch (issue 13, item 2), with the real branchctl against
// a PostgreSQL 15 central over verified TLS (each branch its own role) and a SQLite central
// alike: a person registered, activated and synced at branch 1002 is not at branch 1001
// after 1001's sync; `applicants fetch` at 1001 brings the request, the account (without
// its password hash) and the registry row, and the central records 1001, the clerk's login
// and the time (read as the owner: psql on PostgreSQL); then 1001 changes the person's
// mobile at the counter and syncs, the central takes it and 1002 pulls it. `applicants
// search` fetches for a complete national code or mobile that matches nobody here (from
// --central or the setting), never for partial text; offline a fetch or such a search
// ends with exit 3 and the plain message, nothing changed here; an unknown person is not
// found, nothing recorded anywhere.
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"
#include "tests/sync/SyncTestUtil.h"

#include <QSqlQuery>

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

// The words of the offline refusal (--lang en), whatever the rest of the sentence says.
const QString kNotHeldOffline = u"This person is not held at this branch, and the central database cannot be reached"_s;

} // namespace

class TestFetchOnVisit : public SyncFixture
{
    Q_OBJECT

    int m_people = 0;

    QString file(const QString &name, const QByteArray &data) { return m_ws.file(name, data); }

    // A new branch database `code` with the test staff; `registry` CSV lines imported here.
    QString newBranch(const QString &code, const QByteArray &registry = {}, const QByteArray &owners = {})
    {
        const QString db = m_ws.path(u"branch-%1-%2.db"_s.arg(code).arg(++m_people));
        QList<CliResult> steps = {ctl(db, {u"init"_s, u"--branch"_s, code}), addAdministrator(db, {u"--now"_s, at(0)}),
                                  addTestStaff(db, {u"--now"_s, at(0)})};
        if (!registry.isEmpty())
            steps << ctlAs(db, u"admin"_s,
                           {u"--now"_s, at(0), u"import-registry"_s, file(u"reg.csv"_s, kRegistryHeader + registry)});
        if (!owners.isEmpty())
            steps << ctlAs(
                db, u"admin"_s,
                {u"--now"_s, at(0), u"import-mobile-owners"_s, file(u"own.csv"_s, "national_code,mobile\n" + owners)});
        for (const auto &s : steps)
            if (s.exitCode != 0) {
                qWarning("setup failed: %s", qPrintable(describe(s)));
                return {};
            }
        return db;
    }

    Person newPerson()
    {
        ++m_people;
        const QString nine = u"%1"_s.arg(420000000 + m_people * 7919, 9, 10, QLatin1Char('0'));
        return {nationalCode(nine), u"0913%1"_s.arg(2000000 + m_people, 7, 10, QLatin1Char('0')), u"نرگس"_s,
                u"دیبا%1"_s.arg(QChar(0x0627 + m_people % 20))};
    }

    CliResult sync(const QString &db, const QString &dialect, const QString &branch)
    {
        return ctlAs(db, u"service"_s, {u"--now"_s, at(600), u"sync"_s, u"--central"_s, urlFor(dialect, branch)}, {},
                     env());
    }

    // Branch 1002's person: in the central's registry (as the owner imports it) and in
    // 1002's, registered, verified (activated: she owns her mobile) and synced by 1002.
    // Branch 1001 then syncs too and does not hold her.
    bool personAt1002(const QString &dialect, const Person &p, const QString &b1002, const QString &b1001)
    {
        bool done = false;
        [&] {
            const QByteArray owner = QStringLiteral("%1,%2\n").arg(p.code, p.mobile).toUtf8();
            CLI_EXPECT(ctl(b1002,
                           {u"import-registry"_s, file(u"reg.csv"_s, kRegistryHeader + registryLine(p)), u"--central"_s,
                            adminUrl(dialect)},
                           {}, env()),
                       0);
            CLI_EXPECT(ctl(b1002,
                           {u"import-mobile-owners"_s, file(u"own.csv"_s, "national_code,mobile\n" + owner),
                            u"--central"_s, adminUrl(dialect)},
                           {}, env()),
                       0);
            CLI_EXPECT(
                ctlAs(b1002, u"admin"_s,
                      {u"--now"_s, at(0), u"import-registry"_s, file(u"reg.csv"_s, kRegistryHeader + registryLine(p))}),
                0);
            CLI_EXPECT(ctlAs(b1002, u"admin"_s,
                             {u"--now"_s, at(0), u"import-mobile-owners"_s,
                              file(u"own.csv"_s, "national_code,mobile\n" + owner)}),
                       0);
            CLI_EXPECT(ctlAs(b1002, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
            CLI_EXPECT(ctlAs(b1002, u"service"_s, {u"--now"_s, at(120), u"verify"_s}), 0);
            QCOMPARE(localValue(b1002, u"SELECT status FROM requests WHERE national_code = '%1'"_s.arg(p.code)),
                     u"activated"_s);
            const CliResult pushed = sync(b1002, dialect, u"1002"_s);
            CLI_EXPECT(pushed, 0);
            QCOMPARE(field(pushed, "conflicts"), 0);
            QCOMPARE(centralValue(dialect, u"SELECT status FROM requests WHERE national_code = '%1'"_s.arg(p.code)),
                     u"activated"_s);
            CLI_EXPECT(sync(b1001, dialect, u"1001"_s), 0);
            QCOMPARE(heldAt(b1001, p.code), 0);
            done = true;
        }();
        return done;
    }

    // Rows about the person in the branch database's tables.
    static int heldAt(const QString &db, const QString &code)
    {
        return localCount(db, u"SELECT (SELECT count(*) FROM requests WHERE national_code = '%1') + (SELECT count(*) "
                              u"FROM accounts WHERE national_code = '%1') + (SELECT count(*) FROM registry_persons "
                              u"WHERE national_code = '%1')"_s.arg(code));
    }

    // The central's record of fetches of `code`, as the owner reads it: "branch|login|time"
    // per line (psql on PostgreSQL).
    QString fetchesOf(const QString &dialect, const QString &code)
    {
        const QString sql = u"SELECT branch_code || '|' || staff_login || '|' || fetched_at FROM person_fetches WHERE "
                            u"national_code = '%1' ORDER BY fetched_at"_s.arg(code);
        if (dialect == QLatin1String("postgresql")) {
            QString out, error;
            if (!m_pg.psql(sql, &out, &error))
                qWarning("psql: %s", qPrintable(error));
            return out.trimmed();
        }
        return QString::fromUtf8(centralRows(dialect, sql)).trimmed();
    }

    QString offlineUrl(const QString &dialect) const
    {
        if (dialect == QLatin1String("sqlite")) // a central file that is not there
            return u"sqlite://"_s + m_ws.path(u"no-such-folder/central.db"_s);
        return m_pg.urlFor(u"branch_1001"_s, m_pg.database()).replace(u":%1/"_s.arg(m_pg.port()), u":1/"_s);
    }

private slots:
    void initTestCase() { setUpCentrals({u"1001"_s, u"1002"_s}); }

    void fetchThenActOnThePerson_data() { dialects(); }
    void fetchThenActOnThePerson()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString b1001 = newBranch(u"1001"_s), b1002 = newBranch(u"1002"_s);
        QVERIFY(!b1001.isEmpty() && !b1002.isEmpty());
        QVERIFY(personAt1002(dialect, p, b1002, b1001));
        QVERIFY(search(b1001, p.code).isEmpty());
        QCOMPARE(fetchesOf(dialect, p.code), QString());

        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
        const CliResult r = ctlAs(b1001, u"clerk"_s,
                                  {u"--now"_s, at(900), u"applicants"_s, u"fetch"_s, toPersianDigits(p.code),
                                   u"--central"_s, urlFor(dialect, u"1001"_s)},
                                  {}, env());
        const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(2);
        CLI_EXPECT(r, 0);
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(u"ok"_s).toBool(), true);
        QCOMPARE(o.value(u"fetched"_s).toArray(), QJsonArray{p.code});
        QVERIFY2(o.value(u"rows"_s).toInt() >= 3, r.out.constData());

        // Here now: the request, the account without its password hash, the registry row.
        QCOMPARE(localValue(b1001, u"SELECT status FROM requests WHERE national_code = '%1'"_s.arg(p.code)),
                 u"activated"_s);
        QCOMPARE(
            localValue(b1001,
                       u"SELECT mobile || '|' || password_hash FROM accounts WHERE national_code = '%1'"_s.arg(p.code)),
            p.mobile + u'|');
        QCOMPARE(localValue(b1001, u"SELECT first_name FROM registry_persons WHERE national_code = '%1'"_s.arg(p.code)),
                 p.first);
        QCOMPARE(localCount(b1001, u"SELECT count(*) FROM outbox"_s), 0); // fetched rows do not travel back
        QCOMPARE(localValue(b1001, u"SELECT actor || '|' || action FROM audit_log WHERE national_code = '%1' ORDER BY "
                                   u"seq DESC LIMIT 1"_s.arg(p.code)),
                 u"clerk|applicant.fetch"_s);
        const QJsonArray found = search(b1001, p.code);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().toObject().value(u"national_code"_s).toString(), p.code);

        // The central's record: branch 1001, the clerk, the time (PostgreSQL's own clock;
        // the SQLite central takes the branch's).
        const QStringList fetch = fetchesOf(dialect, p.code).split(u'|');
        QCOMPARE(fetch.size(), 3);
        QCOMPARE(fetch.at(0), u"1001"_s);
        QCOMPARE(fetch.at(1), u"clerk"_s);
        if (dialect == QLatin1String("postgresql")) {
            QString t, error;
            QVERIFY2(m_pg.psql(u"SELECT to_char(fetched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM "
                               u"person_fetches WHERE national_code = '%1'"_s.arg(p.code),
                               &t, &error),
                     qPrintable(error));
            const QDateTime fetchedAt = QDateTime::fromString(t.trimmed(), Qt::ISODate);
            QVERIFY2(fetchedAt >= before && fetchedAt <= after, qPrintable(t));
            QString audit;
            QVERIFY2(m_pg.psql(u"SELECT actor || '|' || action || '|' || branch_code FROM central_audit WHERE "
                               u"national_code = '%1' AND action = 'person.fetch'"_s.arg(p.code),
                               &audit, &error),
                     qPrintable(error));
            QCOMPARE(audit.trimmed(), u"clerk|person.fetch|1001"_s);
        } else {
            QCOMPARE(QDateTime::fromString(fetch.at(2), Qt::ISODateWithMs), kT0.addSecs(900));
        }
        // The password hash never left the central database, which still has it.
        QVERIFY(!centralValue(dialect, u"SELECT password_hash FROM accounts WHERE national_code = '%1'"_s.arg(p.code))
                     .isEmpty());

        // 1001 acts on her: a new mobile at the counter, pushed and accepted, pulled by 1002.
        const QString newMobile = u"0935%1"_s.arg(3000000 + m_people, 7, 10, QLatin1Char('0'));
        CLI_EXPECT(
            ctlAs(b1001, u"clerk"_s, {u"--now"_s, at(960), u"mobile"_s, u"change"_s, p.code, u"--mobile"_s, newMobile}),
            0);
        const CliResult pushed = sync(b1001, dialect, u"1001"_s);
        CLI_EXPECT(pushed, 0);
        QVERIFY2(field(pushed, "pushed") >= 1, pushed.out.constData());
        QCOMPARE(field(pushed, "conflicts"), 0);
        QCOMPARE(localCount(b1001, u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(centralValue(dialect, u"SELECT mobile FROM accounts WHERE national_code = '%1'"_s.arg(p.code)),
                 newMobile);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM conflicts"_s), u"0"_s);
        // The central kept its password hash (the branch sent none): on PostgreSQL
        // branchdesk_push_rows keeps it, on SQLite the push does the same (db/CentralPush.cpp).
        QVERIFY(!centralValue(dialect, u"SELECT password_hash FROM accounts WHERE national_code = '%1'"_s.arg(p.code))
                     .isEmpty());
        const CliResult pulled = sync(b1002, dialect, u"1002"_s);
        CLI_EXPECT(pulled, 0);
        QVERIFY2(field(pulled, "pulled") >= 1, pulled.out.constData());
        QCOMPARE(localValue(b1002, u"SELECT mobile FROM accounts WHERE national_code = '%1'"_s.arg(p.code)), newMobile);
        // Both hold her now: 1001's own later pull does not lose her either.
        CLI_EXPECT(sync(b1001, dialect, u"1001"_s), 0);
        QCOMPARE(localValue(b1001, u"SELECT mobile FROM accounts WHERE national_code = '%1'"_s.arg(p.code)), newMobile);
    }

    // Search: partial digits stay local (nothing asked, nothing recorded); the complete
    // national code fetches (the central URL from the setting); the complete mobile too.
    void searchFetchesOnlyForCompleteValues_data() { dialects(); }
    void searchFetchesOnlyForCompleteValues()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson(), q = newPerson();
        const QString b1001 = newBranch(u"1001"_s), b1002 = newBranch(u"1002"_s);
        QVERIFY(!b1001.isEmpty() && !b1002.isEmpty());
        QVERIFY(personAt1002(dialect, p, b1002, b1001));
        QVERIFY(personAt1002(dialect, q, b1002, b1001));
        const QString url = urlFor(dialect, u"1001"_s);
        const QByteArray before = dump(b1001);

        // (Branch 1001 may hold persons of the other tests, fetched by its earlier databases.)
        for (const QString &partial : {p.code.left(6), p.code.left(9), q.mobile.left(10), p.first}) {
            const CliResult r =
                ctlAs(b1001, u"clerk"_s, {u"applicants"_s, u"search"_s, partial, u"--central"_s, url}, {}, env());
            CLI_EXPECT(r, 0);
            for (const auto &row : r.json().array())
                QVERIFY2(!QStringList({p.code, q.code}).contains(row.toObject().value(u"national_code"_s).toString()),
                         r.out.constData());
        }
        QCOMPARE(dump(b1001), before);
        QCOMPARE(fetchesOf(dialect, p.code), QString());
        QCOMPARE(fetchesOf(dialect, q.code), QString());

        // The complete national code, the central from the setting (BRANCHDESK_CENTRAL).
        QProcessEnvironment withSetting = env();
        withSetting.insert(u"BRANCHDESK_CENTRAL"_s, url);
        const CliResult byCode =
            ctlAs(b1001, u"clerk"_s, {u"--now"_s, at(900), u"applicants"_s, u"search"_s, p.code}, {}, withSetting);
        CLI_EXPECT(byCode, 0);
        QCOMPARE(byCode.json().array().size(), 1);
        QCOMPARE(byCode.json().array().first().toObject().value(u"national_code"_s).toString(), p.code);
        QCOMPARE(fetchesOf(dialect, p.code).section(u'|', 0, 1), u"1001|clerk"_s);
        // Held now: a second search stays local (no second record).
        CLI_EXPECT(ctlAs(b1001, u"clerk"_s, {u"applicants"_s, u"search"_s, p.code}, {}, withSetting), 0);
        QCOMPARE(fetchesOf(dialect, p.code).count(u'\n'), 0);

        // The complete mobile, in its +98 form.
        const CliResult byMobile =
            ctlAs(b1001, u"clerk"_s,
                  {u"--now"_s, at(900), u"applicants"_s, u"search"_s, u"+98"_s + q.mobile.mid(1), u"--central"_s, url},
                  {}, env());
        CLI_EXPECT(byMobile, 0);
        QCOMPARE(byMobile.json().array().size(), 1);
        QCOMPARE(byMobile.json().array().first().toObject().value(u"national_code"_s).toString(), q.code);
        QCOMPARE(fetchesOf(dialect, q.code).section(u'|', 0, 1), u"1001|clerk"_s);

        // Without a central URL a search is this branch's only, as before.
        const Person r = newPerson();
        QVERIFY(personAt1002(dialect, r, b1002, b1001));
        CLI_EXPECT(ctlAs(b1001, u"clerk"_s, {u"applicants"_s, u"search"_s, r.code}, {}, env()), 0);
        QCOMPARE(heldAt(b1001, r.code), 0);
        QCOMPARE(fetchesOf(dialect, r.code), QString());
    }

    // The central cannot be reached (a wrong port, a stopped server; a missing SQLite file):
    // exit 3, the message, nothing changed here. Then an unknown person: not found, nothing
    // recorded anywhere.
    void offlineAndUnknown_data() { dialects(); }
    void offlineAndUnknown()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString b1001 = newBranch(u"1001"_s), b1002 = newBranch(u"1002"_s);
        QVERIFY(!b1001.isEmpty() && !b1002.isEmpty());
        QVERIFY(personAt1002(dialect, p, b1002, b1001));
        const QByteArray before = dump(b1001);

        QStringList urls{offlineUrl(dialect)};
        if (dialect == QLatin1String("postgresql"))
            urls << urlFor(dialect, u"1001"_s); // with the server stopped
        for (const QString &url : urls) {
            const bool stopped = url == urlFor(dialect, u"1001"_s);
            if (stopped)
                QVERIFY(m_pg.stop());
            const CliResult fetch =
                ctlAs(b1001, u"clerk"_s,
                      {u"--lang"_s, u"en"_s, u"applicants"_s, u"fetch"_s, p.code, u"--central"_s, url}, {}, env());
            const CliResult search =
                ctlAs(b1001, u"clerk"_s,
                      {u"--lang"_s, u"en"_s, u"applicants"_s, u"search"_s, p.code, u"--central"_s, url}, {}, env());
            if (stopped)
                QVERIFY(m_pg.start());
            for (const CliResult &r : {fetch, search}) {
                CLI_REFUSED(r, 3);
                QVERIFY2(r.errText().contains(kNotHeldOffline), qPrintable(describe(r)));
                QCOMPARE(codesOf(r.json().object()), QStringList{u"central.unreachable"_s});
            }
            QCOMPARE(dump(b1001), before);
        }
        // Persian by default: the same refusal, in Persian.
        const CliResult fa =
            ctlAs(b1001, u"clerk"_s, {u"applicants"_s, u"fetch"_s, p.code, u"--central"_s, offlineUrl(u"postgresql"_s)},
                  {}, env());
        CLI_REFUSED(fa, 3);
        QVERIFY2(fa.errText().contains(u"این شعبه"_s), qPrintable(describe(fa)));
        QCOMPARE(dump(b1001), before);
        QCOMPARE(heldAt(b1001, p.code), 0);
        QCOMPARE(fetchesOf(dialect, p.code), QString());

        // Unknown everywhere: not found (exit 1), nothing recorded here or there.
        const QString unknown = nationalCode(u"987654321"_s);
        const QString fetchesBefore = centralValue(dialect, u"SELECT count(*) FROM person_fetches"_s);
        const QString heldBefore = centralValue(dialect, u"SELECT count(*) FROM branch_persons"_s);
        const CliResult r =
            ctlAs(b1001, u"clerk"_s, {u"applicants"_s, u"fetch"_s, unknown, u"--central"_s, urlFor(dialect, u"1001"_s)},
                  {}, env());
        CLI_REFUSED(r, 1);
        QCOMPARE(codesOf(r.json().object()), QStringList{u"national_code.not_found"_s});
        const CliResult searched =
            ctlAs(b1001, u"clerk"_s,
                  {u"applicants"_s, u"search"_s, unknown, u"--central"_s, urlFor(dialect, u"1001"_s)}, {}, env());
        CLI_EXPECT(searched, 0);
        QVERIFY(searched.json().array().isEmpty());
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM person_fetches"_s), fetchesBefore);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM branch_persons"_s), heldBefore);
        QCOMPARE(dump(b1001), before);
        // Not a national code at all: a rule (exit 1), before any connection.
        CLI_REFUSED(
            ctlAs(b1001, u"clerk"_s,
                  {u"applicants"_s, u"fetch"_s, badChecksumCode(u"123456789"_s), u"--central"_s, offlineUrl(dialect)},
                  {}, env()),
            1);
        // No central URL at all: a usage error.
        QProcessEnvironment none = env();
        none.remove(u"BRANCHDESK_CENTRAL"_s);
        CLI_REFUSED(ctlAs(b1001, u"clerk"_s, {u"applicants"_s, u"fetch"_s, p.code}, {}, none), 2);
    }
};

QTEST_GUILESS_MAIN(TestFetchOnVisit)
#include "TestFetchOnVisit.moc"
