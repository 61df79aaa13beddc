// Shared set-up of the sync tests (tests/sync) that run against a PostgreSQL 15 central and
// a SQLite central alike: SyncFixture, the base of such a test class, holds the throwaway
// PostgreSQL server, the workspace and the two central URLs; it creates both centrals and
// adds the branches (each with a password of its own, in the server's password file), and
// reads the centrals as their owner and the branch databases through the sqlite3 shell.
// The real branchctl throughout (tests/cli/CliTestUtil.h).
#pragma once

#include "app/lifecycle/Staff.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/Fetch.h"
#include "db/Central.h"
#include "db/Database.h"
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <functional>
#include <memory>

namespace synctest
{

// The clerk's (and a supervisor's) password of the tests' branch databases.
inline const QString kStaffPw = QStringLiteral("Clerk#2024xKuhSabalan");

// A person who registers: national code, mobile and names (each test makes its own).
struct Person {
    QString code, mobile, first, last;
};
// The person's civil-registry CSV line (father رضا, certificate 12345, born 1365/04/12, F).
inline QByteArray registryLine(const Person &p)
{
    return QStringLiteral("%1,%2,%3,رضا,12345,1365/04/12,F\n").arg(p.code, p.first, p.last).toUtf8();
}
// A valid registration request of the person (a JSON array of one), her names, gender F.
inline QByteArray requestJson(const Person &p)
{
    QJsonObject r = clitest::validRequest(p.code, p.mobile);
    r.insert(QStringLiteral("first_name"), p.first);
    r.insert(QStringLiteral("last_name"), p.last);
    r.insert(QStringLiteral("gender"), QStringLiteral("F"));
    return clitest::json(QJsonArray{r});
}

// The base of a sync test class (which declares Q_OBJECT and its own slots: this class has
// none, so that no helper here is taken for a test function).
class SyncFixture : public QObject
{
protected:
    branchtest::PgServer m_pg;
    clitest::Workspace m_ws;
    QString m_pgUrl, m_sqliteUrl; // the centrals as their owner (m_pg's user; the SQLite file)

    // The data of a test that runs on both centrals.
    static void dialects()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
    }

    // branchctl's environment: the server's password file, no password from outside, and
    // with `crashAfter` the sync's crash point (BRANCHDESK_SYNC_CRASH_AFTER).
    QProcessEnvironment env(const QString &crashAfter = {}) const
    {
        QProcessEnvironment e = clitest::cliEnv();
        e.insert(QStringLiteral("PGPASSFILE"), m_pg.pgpassFile());
        e.remove(QStringLiteral("PGPASSWORD"));
        if (!crashAfter.isEmpty())
            e.insert(QStringLiteral("BRANCHDESK_SYNC_CRASH_AFTER"), crashAfter);
        return e;
    }

    // The central of `dialect` as its owner, and as branch `branch` (its own role on
    // PostgreSQL; the same file on SQLite).
    QString adminUrl(const QString &dialect) const
    {
        return dialect == QLatin1String("sqlite") ? m_sqliteUrl : m_pgUrl;
    }
    QString urlFor(const QString &dialect, const QString &branch) const
    {
        return dialect == QLatin1String("sqlite")
                   ? m_sqliteUrl
                   : m_pg.urlFor(branch::db::CentralDatabase::roleNameFor(branch), m_pg.database());
    }

    // initTestCase's set-up: the workspace and the sqlite3 shell checked, the PostgreSQL
    // server started (or the test case skipped: PG_SET_UP_OR_END), its password file for
    // this process too, the two URLs (the SQLite central the workspace's `sqliteFile`),
    // `branchctl central init` on both, then each of `branches` added to both with a new
    // password, which the password file then holds for the branch's role; branchctl runs
    // in what `environment` gives once the server is up (env() by default). False once a
    // failure or the skip is recorded: the test case ends there.
    bool setUpCentrals(const QStringList &branches)
    {
        return setUpCentrals(branches, QStringLiteral("central.db"), [this] { return env(); });
    }
    bool setUpCentrals(const QStringList &branches, const QString &sqliteFile,
                       const std::function<QProcessEnvironment()> &environment)
    {
        bool done = false;
        [&] { // a failing QVERIFY or CLI_EXPECT, or QSKIP, returns from here
            QVERIFY(m_ws.isValid());
            QVERIFY2(!clitest::sqlite3Path().isEmpty(), "the sqlite3 shell is needed");
            PG_SET_UP_OR_END(m_pg);
            qputenv("PGPASSFILE", m_pg.pgpassFile().toLocal8Bit());
            qunsetenv("PGPASSWORD");
            const QProcessEnvironment e = environment();
            m_pgUrl = m_pg.url();
            m_sqliteUrl = QStringLiteral("sqlite://") + m_ws.path(sqliteFile);
            const QString ctl = clitest::branchctl();
            for (const QString &url : {m_pgUrl, m_sqliteUrl})
                CLI_EXPECT(branchtest::runCli(
                               ctl,
                               {QStringLiteral("central"), QStringLiteral("init"), QStringLiteral("--central"), url},
                               {}, e),
                           0);
            for (const QString &code : branches) {
                const QString password =
                    QStringLiteral("branch-%1-password-").arg(code) + QUuid::createUuid().toString(QUuid::Id128);
                for (const QString &url : {m_pgUrl, m_sqliteUrl})
                    CLI_EXPECT(branchtest::runCli(ctl,
                                                  {QStringLiteral("central"), QStringLiteral("add-branch"), code,
                                                   QStringLiteral("--central"), url},
                                                  password.toUtf8() + '\n', e),
                               0);
                QVERIFY(m_pg.addPassword(branch::db::CentralDatabase::roleNameFor(code), password));
            }
            done = true;
        }();
        return done;
    }

    // Branch database `db` (branch `code`) serves a person of another branch: the fetch the
    // desk's search and `branchctl applicants fetch` run (app/sync/Fetch), signed in as the
    // branch's clerk (clitest::testStaff()), through `url` (the branch's own role by default).
    // The failure's code, or empty when the person was fetched.
    QString fetchAt(const QString &db, const QString &dialect, const QString &code, const QString &nationalCode,
                    const QString &url = {}) const
    {
        branch::db::DbError error;
        auto database = branch::db::Database::open(db, branch::db::Database::OpenMode::MustExist, &error);
        if (!database)
            return QStringLiteral("open: ") + error.detail;
        branch::Context ctx{*database, code};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto staff =
            branch::signInStaff(ctx, QStringLiteral("clerk"), clitest::testPassword(QStringLiteral("clerk")), now);
        if (!staff.ok())
            return QStringLiteral("sign-in: ") + staff.failure.message();
        auto central = branch::parseCentralUrl(url.isEmpty() ? urlFor(dialect, code) : url);
        if (!central.ok())
            return central.failure.violations.value(0).code;
        auto r = branch::fetchApplicant(ctx, *central.value, nationalCode, *staff.value, now);
        return r.ok() ? QString() : r.failure.violations.value(0).code;
    }

    // A number field of a command's JSON object (-1 when absent).
    static int field(const branchtest::CliResult &r, const char *name)
    {
        return r.json().object().value(QLatin1String(name)).toInt(-1);
    }

    // The first value of a query on a branch database, as a number and as text.
    static int localCount(const QString &db, const QString &sql) { return clitest::sqlite(db, sql).trimmed().toInt(); }
    static QString localValue(const QString &db, const QString &sql)
    {
        return QString::fromUtf8(clitest::sqlite(db, sql)).trimmed();
    }

    // The central database at `url` (null, with a warning, when it does not open).
    static std::unique_ptr<branch::db::CentralDatabase> openCentral(const QString &url)
    {
        using branch::db::CentralDatabase;
        using branch::db::CentralUrl;
        CentralUrl::Problem problem;
        branch::db::DbError error;
        auto db = CentralDatabase::open(CentralUrl::parse(url, &problem), CentralDatabase::OpenMode::Existing, &error);
        if (!db)
            qWarning("cannot open the central database %s: %s", qPrintable(url), qPrintable(error.detail));
        return db;
    }
    std::unique_ptr<branch::db::CentralDatabase> admin(const QString &dialect) const
    {
        return openCentral(adminUrl(dialect));
    }
    // The central as branch `branch` in this process, bound to it (actAsBranch).
    std::unique_ptr<branch::db::CentralDatabase> openAsBranch(const QString &dialect, const QString &branch) const
    {
        auto db = openCentral(urlFor(dialect, branch));
        if (db)
            db->actAsBranch(branch);
        return db;
    }

    // The first value of a query on the central as its owner ("<no connection>" or
    // "<error>" when there is none).
    QString centralValue(const QString &dialect, const QString &sql) const
    {
        auto db = admin(dialect);
        if (!db)
            return QStringLiteral("<no connection>");
        QSqlQuery q(db->connection());
        if (!q.exec(sql) || !q.next()) {
            qWarning("central query failed: %s", qPrintable(q.lastError().text()));
            return QStringLiteral("<error>");
        }
        return q.value(0).toString();
    }

    // Every row of a one-column query, one per line (as the sqlite3 shell prints them).
    QByteArray centralRows(const QString &dialect, QString sql) const
    {
        auto db = admin(dialect);
        if (!db)
            return {};
        if (dialect == QLatin1String("postgresql")) // uuid and integer columns as text, C collation like SQLite
            sql.replace(QStringLiteral("ORDER BY id"), QStringLiteral("ORDER BY id::text COLLATE \"C\""));
        QSqlQuery q(db->connection());
        if (!q.exec(sql)) {
            qWarning("central query failed: %s", qPrintable(q.lastError().text()));
            return {};
        }
        QByteArray out;
        while (q.next())
            out += q.value(0).toString().toUtf8() + '\n';
        return out;
    }
};

} // namespace synctest
