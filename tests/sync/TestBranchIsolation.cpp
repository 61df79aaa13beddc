// Branch isolation, enforced by the central database itself: connected as branch 1001
// (its PostgreSQL role branch_1001, or a SQLite central connection bound to 1001), rows
// stamped 1002 are refused by the database, reference data and the change log cannot be
// written, and another branch's bookkeeping is invisible. On PostgreSQL no direct write goes
// in at all (schema 6: the server's functions, tested from psql in TestCentralBoundary); on
// SQLite rows stamped 1001 do.
#include "db/Central.h"
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using branch::db::CentralDatabase;
using branch::db::CentralTransaction;
using branch::db::CentralUrl;
using branch::db::DbError;
using branch::db::DbException;
using branchtest::CliResult;
using branchtest::PgServer;

namespace
{

const QString kPassword1001 = QStringLiteral("branch-1001-password-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
const QString kPassword1002 = QStringLiteral("branch-1002-password-%1").arg(QUuid::createUuid().toString(QUuid::Id128));

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Runs `body` and returns the kind of storage error it threw (None when it did not).
template <class F>
DbError::Kind errorOf(F &&body)
{
    try {
        body();
    } catch (const DbException &e) {
        return e.error().kind;
    }
    return DbError::Kind::None;
}

void insertRequest(CentralDatabase &db, const QString &id, const QString &branchCode)
{
    QSqlQuery &q = db.prepared(QStringLiteral(
        "INSERT INTO requests (id, branch_code, version, national_code, mobile, first_name, last_name, "
        "first_name_norm, last_name_norm, birth_cert_no, birth_date, gender, password_hash, questions_json, status, "
        "submitted_at, updated_at) VALUES (?, ?, 1, '0012345679', '09121234567', 'علی', 'رضایی', 'علی', 'رضایی', "
        "'12345', '1365/04/12', 'M', 'scrypt$hash', '[]', 'submitted', '2026-11-25T09:30:00Z', "
        "'2026-11-25T09:30:00Z')"));
    q.addBindValue(id);
    q.addBindValue(branchCode);
    db.exec(q);
    q.finish();
}

void updateRequest(CentralDatabase &db, const QString &id, const QString &branchCode)
{
    QSqlQuery &q = db.prepared(QStringLiteral(
        "UPDATE requests SET status = 'activated', version = version + 1, branch_code = ? WHERE id = ?"));
    q.addBindValue(branchCode);
    q.addBindValue(id);
    db.exec(q);
    q.finish();
}

void insertBatch(CentralDatabase &db, const QString &id, const QString &branchCode)
{
    QSqlQuery &q =
        db.prepared(QStringLiteral("INSERT INTO applied_batches (batch_id, branch_code, applied_at) VALUES (?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(branchCode);
    q.addBindValue(QStringLiteral("2026-11-25T09:30:00Z"));
    db.exec(q);
    q.finish();
}

int count(CentralDatabase &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        throw DbException(db.classify(q.lastError()));
    return q.value(0).toInt();
}

} // namespace

class TestBranchIsolation : public QObject
{
    Q_OBJECT

    PgServer m_pg;
    QTemporaryDir m_dir;
    QString m_pgUrl, m_sqliteUrl;

    CliResult ctl(const QStringList &args, const QByteArray &input = {})
    {
        QProcessEnvironment e = m_pg.env();
        e.insert(QStringLiteral("BRANCHDESK_KDF_PROFILE"), QStringLiteral("test"));
        return branchtest::runCli(clitest::branchctl(), args, input, e);
    }

    QString adminUrl(const QString &dialect) const
    {
        return dialect == QLatin1String("sqlite") ? m_sqliteUrl : m_pgUrl;
    }

    // Branch 1001's own connection.
    std::unique_ptr<CentralDatabase> openAs1001(const QString &dialect)
    {
        const QString text = dialect == QLatin1String("sqlite")
                                 ? m_sqliteUrl
                                 : m_pg.urlFor(QStringLiteral("branch_1001"), m_pg.database());
        CentralUrl::Problem problem;
        const CentralUrl url = CentralUrl::parse(text, &problem);
        DbError error;
        auto db = CentralDatabase::open(url, CentralDatabase::OpenMode::Existing, &error);
        if (!db) {
            qWarning("open failed: %s", qPrintable(error.detail));
            return nullptr;
        }
        db->actAsBranch(QStringLiteral("1001"));
        return db;
    }

    std::unique_ptr<CentralDatabase> openAdmin(const QString &dialect)
    {
        CentralUrl::Problem problem;
        DbError error;
        auto db = CentralDatabase::open(CentralUrl::parse(adminUrl(dialect), &problem),
                                        CentralDatabase::OpenMode::Existing, &error);
        if (!db)
            qWarning("admin open failed: %s", qPrintable(error.detail));
        return db;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        PG_SET_UP_OR_END(m_pg);
        qputenv("PGPASSFILE", m_pg.pgpassFile().toLocal8Bit()); // for this process's own connections
        qunsetenv("PGPASSWORD");
        m_pgUrl = m_pg.url();
        m_sqliteUrl = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("central.db"));
        for (const QString &url : {m_pgUrl, m_sqliteUrl}) {
            const CliResult init =
                ctl({QStringLiteral("central"), QStringLiteral("init"), QStringLiteral("--central"), url});
            CLI_EXPECT(init, 0);
        }
        // The branch roles, passwords on stdin; registering again re-keys, idempotently.
        for (const auto &[code, password] :
             {std::pair{QStringLiteral("1001"), kPassword1001}, std::pair{QStringLiteral("1002"), kPassword1002}}) {
            for (const QString &url : {m_pgUrl, m_sqliteUrl}) {
                const CliResult r = ctl(
                    {QStringLiteral("central"), QStringLiteral("add-branch"), code, QStringLiteral("--central"), url},
                    password.toUtf8() + '\n');
                CLI_EXPECT(r, 0);
                QCOMPARE(r.json().object().value(QStringLiteral("role")).toString(), QStringLiteral("branch_") + code);
                QVERIFY(!r.out.contains(password.toUtf8()) && !r.err.contains(password.toUtf8()));
            }
            QVERIFY(m_pg.addPassword(QStringLiteral("branch_") + code, password));
        }
        const CliResult again = ctl({QStringLiteral("central"), QStringLiteral("add-branch"), QStringLiteral("1001"),
                                     QStringLiteral("--central"), m_pgUrl},
                                    kPassword1001.toUtf8() + '\n');
        CLI_EXPECT(again, 0);
        const CliResult shortPassword = ctl({QStringLiteral("central"), QStringLiteral("add-branch"),
                                             QStringLiteral("1003"), QStringLiteral("--central"), m_pgUrl},
                                            "short\n");
        CLI_REFUSED(shortPassword, 1);
    }

    void dialects_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
    }

    void sessionKnowsItsBranch_data() { dialects_data(); }
    void sessionKnowsItsBranch()
    {
        QFETCH(QString, dialect);
        auto db = openAs1001(dialect);
        QVERIFY(db);
        QCOMPARE(db->sessionBranch(), QStringLiteral("1001"));
        if (dialect == QLatin1String("postgresql")) // a role cannot claim another branch
            QCOMPARE(errorOf([&] { db->actAsBranch(QStringLiteral("1002")); }), DbError::Kind::Forbidden);
    }

    void ownRowsGoInOthersAreRefused_data() { dialects_data(); }
    void ownRowsGoInOthersAreRefused()
    {
        QFETCH(QString, dialect);
        auto admin = openAdmin(dialect);
        auto db = openAs1001(dialect);
        QVERIFY(admin && db);
        const QString own = uuid(), foreign = uuid(), theirs = uuid();
        const qint64 seqBefore = admin->lastChangeSeq();
        // PostgreSQL: a branch role writes no table directly, not even its own rows (pushes go
        // through the server's functions: TestCentralBoundary). SQLite: its own rows go in.
        const bool pg = dialect == QLatin1String("postgresql");
        const DbError::Kind ownWrite = pg ? DbError::Kind::Forbidden : DbError::Kind::None;
        if (pg)
            QCOMPARE(errorOf([&] { db->lastChangeSeq(); }), DbError::Kind::Forbidden); // the log is not readable

        QCOMPARE(errorOf([&] { insertRequest(*db, own, QStringLiteral("1001")); }), ownWrite);
        QCOMPARE(errorOf([&] { updateRequest(*db, own, QStringLiteral("1001")); }), ownWrite);
        QCOMPARE(errorOf([&] { insertRequest(*db, foreign, QStringLiteral("1002")); }), DbError::Kind::Forbidden);
        QCOMPARE(count(*admin, QStringLiteral("SELECT count(*) FROM requests WHERE id = '%1'").arg(foreign)), 0);
        // Restamping its own row with another code is refused too.
        QCOMPARE(errorOf([&] { updateRequest(*db, own, QStringLiteral("1002")); }), DbError::Kind::Forbidden);

        // Branch 1002's row (written by the admin here): 1001 cannot change it in 1002's name.
        insertRequest(*admin, theirs, QStringLiteral("1002"));
        QCOMPARE(errorOf([&] { updateRequest(*db, theirs, QStringLiteral("1002")); }), DbError::Kind::Forbidden);
        QCOMPARE(
            count(*admin,
                  QStringLiteral("SELECT count(*) FROM requests WHERE id = '%1' AND status = 'submitted'").arg(theirs)),
            1);
        // ... nor delete rows.
        QCOMPARE(errorOf([&] { db->execDirect(QStringLiteral("DELETE FROM requests WHERE id = '%1'").arg(own)); }),
                 DbError::Kind::Forbidden);

        // What was written was numbered in the change log, by the database: the admin's insert
        // (and on SQLite 1001's insert and update).
        QCOMPARE(admin->lastChangeSeq(), seqBefore + (pg ? 1 : 3));
    }

    void referenceDataAndChangeLogAreReadOnly_data() { dialects_data(); }
    void referenceDataAndChangeLogAreReadOnly()
    {
        QFETCH(QString, dialect);
        auto db = openAs1001(dialect);
        QVERIFY(db);
        QCOMPARE(errorOf([&] {
                     db->execDirect(QStringLiteral("INSERT INTO mobile_owners (national_code, mobile) VALUES "
                                                   "('0012345679', '09120000000')"));
                 }),
                 DbError::Kind::Forbidden);
        QCOMPARE(errorOf([&] {
                     db->execDirect(QStringLiteral("INSERT INTO branches (code, role_name, created_at) "
                                                   "VALUES ('9999', 'branch_9999', '2026-01-01')"));
                 }),
                 DbError::Kind::Forbidden);
        if (dialect == QLatin1String("postgresql")) // SQLite: the change log is the apply code's (see Central.h)
            QCOMPARE(errorOf([&] {
                         db->execDirect(QStringLiteral("INSERT INTO changes (table_name, row_id, payload) VALUES "
                                                       "('requests', 'x', '{}')"));
                     }),
                     DbError::Kind::Forbidden);
    }

    void bookkeepingIsPerBranch_data() { dialects_data(); }
    void bookkeepingIsPerBranch()
    {
        QFETCH(QString, dialect);
        auto admin = openAdmin(dialect);
        auto db = openAs1001(dialect);
        QVERIFY(admin && db);
        const QString mine = uuid(), theirs = uuid(), forged = uuid();
        const bool pg = dialect == QLatin1String("postgresql");
        QCOMPARE(errorOf([&] { insertBatch(*db, mine, QStringLiteral("1001")); }),
                 pg ? DbError::Kind::Forbidden : DbError::Kind::None); // PostgreSQL: branchdesk_finish_batch only
        QCOMPARE(db->batchApplied(mine), !pg);
        QCOMPARE(errorOf([&] { insertBatch(*db, forged, QStringLiteral("1002")); }), DbError::Kind::Forbidden);
        QVERIFY(!admin->batchApplied(forged));
        insertBatch(*admin, theirs, QStringLiteral("1002"));
        QVERIFY(admin->batchApplied(theirs));
        if (dialect == QLatin1String("postgresql")) // row-level security hides other branches' batches
            QVERIFY(!db->batchApplied(theirs));
        // A transaction with a refused row leaves nothing behind.
        const QString first = uuid();
        QCOMPARE(errorOf([&] {
                     CentralTransaction tx(*db);
                     insertRequest(*db, first, QStringLiteral("1001"));
                     insertRequest(*db, uuid(), QStringLiteral("1002"));
                     tx.commit();
                 }),
                 DbError::Kind::Forbidden);
        QCOMPARE(count(*admin, QStringLiteral("SELECT count(*) FROM requests WHERE id = '%1'").arg(first)), 0);
    }

    void wrongPasswordIsAnAuthFailure()
    {
        CentralUrl::Problem problem;
        const CentralUrl url = CentralUrl::parse(m_pg.urlFor(QStringLiteral("branch_1001"), m_pg.database()), &problem);
        qputenv("PGPASSWORD", "not-the-password");
        DbError error;
        auto db = CentralDatabase::open(url, CentralDatabase::OpenMode::Existing, &error);
        qunsetenv("PGPASSWORD");
        QVERIFY(!db);
        QCOMPARE(error.kind, DbError::Kind::AuthFailed);
    }
};

QTEST_GUILESS_MAIN(TestBranchIsolation)
#include "TestBranchIsolation.moc"
