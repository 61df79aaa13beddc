// Fault tests of the sync (issue 4, item 7), against a PostgreSQL 15 central (a throwaway
// server on loopback) and a SQLite central, through the same test code:
//  - killMidSync: the real branchctl is SIGKILLed at random moments of a sync that pushes
//    thousands of queued changes (several batches) and pulls many thousand central changes
//    (several pages); the next sync completes, and everything ends exactly as an
//    undisturbed sync leaves it: nothing lost, nothing twice.
//  - centralFailsMidSync: the central database goes away while a sync runs (PostgreSQL
//    stopped fast, stopped immediately, or killed; a SQLite central held by another
//    writer, see lockForWriting): exit 3, every change not committed centrally still
//    queued; once the central is back, the next sync completes with exact counts.
// Every round starts from the same two templates: branch 1001's database with its queued
// changes, and a central database holding branch 1002's pushed work and reference data
// (PostgreSQL: CREATE DATABASE ... TEMPLATE; SQLite: a copy of the file). An undisturbed
// sync of the templates, itself checked against the queued changes, is the reference every
// disturbed round must end at, table by table (a SHA-256 of each table's sorted rows).
// The moments are random: the seed is printed, and BRANCHDESK_FAULT_SEED=N draws the same
// moments again, as shares of the phase left (the milliseconds follow the measured
// durations, and what a moment hits only as far as the machine's timing repeats).
// BRANCHDESK_FAULT_KILLS sets the kills per central (default 8, in chains of 4).
#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Staff.h"
#include "db/AccountRepository.h"
#include "db/Central.h"
#include "db/Database.h"
#include "db/DemoData.h"
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"
#include "tests/sync/SyncTestUtil.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtEndian>

#include <csignal>
#include <map>

using namespace clitest;
using namespace synctest;
using namespace Qt::StringLiterals;
using branch::db::CentralDatabase;
using branch::db::DbError;

namespace
{

const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(7, 30), Qt::UTC);
const QString kBranch = u"1001"_s; // the branch whose syncs are disturbed
const QString kOther = u"1002"_s;  // the branch whose pushed work is there to pull

// The data (see makeBranch): branch 1001 queues about 2 350 changes (2 push batches of
// 2000), branch 1002 about 1 800; with 8 000 registry persons and 8 000 mobile owners written
// centrally, branch 1001 pulls about 17 000 rows of a change log of about 20 000 (5 pages of
// 5000, the engine's page size when this was written).
struct BranchPlan {
    QString code;
    quint64 seed;
    int persons;       // demo persons (shared by every branch: no outbox rows)
    int mobileChanges; // accounts whose mobile changes at the counter (an account and an SMS row each)
    int changedTwice;  // of those, changed a second time (a second version of the same row, later in the queue)
};
const BranchPlan kPlan1001{kBranch, 11, 3000, 600, 150};
const BranchPlan kPlan1002{kOther, 22, 2000, 600, 0};
constexpr int kCentralRegistryRows = 8000;
constexpr int kKillsPerChain = 4;

// The tables compared, with the columns both schemas share (text and integers read as text;
// NULL and '' alike, as the merge rules have it). keyColumns: how many leading columns name a row.
struct Table {
    QString name;
    int keyColumns;
    QStringList columns;
};
const QList<Table> &tables()
{
    static const QList<Table> t = {
        {u"requests"_s,
         1,
         {u"id"_s,         u"branch_code"_s,  u"version"_s,         u"national_code"_s,  u"mobile"_s,
          u"first_name"_s, u"last_name"_s,    u"first_name_norm"_s, u"last_name_norm"_s, u"birth_cert_no"_s,
          u"birth_date"_s, u"gender"_s,       u"email"_s,           u"password_hash"_s,  u"questions_json"_s,
          u"status"_s,     u"submitted_at"_s, u"decided_at"_s,      u"updated_at"_s,     u"updated_by"_s}},
        {u"accounts"_s,
         1,
         {u"id"_s, u"branch_code"_s, u"version"_s, u"national_code"_s, u"request_id"_s, u"mobile"_s, u"first_name"_s,
          u"last_name"_s, u"gender"_s, u"password_hash"_s, u"questions_json"_s, u"created_at"_s, u"updated_at"_s,
          u"updated_by"_s}},
        {u"sms_messages"_s,
         1,
         {u"id"_s, u"branch_code"_s, u"version"_s, u"national_code"_s, u"mobile"_s, u"kind"_s, u"text"_s,
          u"created_at"_s, u"status"_s, u"sent_at"_s}},
        {u"registry_persons"_s,
         1,
         {u"national_code"_s, u"first_name"_s, u"last_name"_s, u"father_name"_s, u"first_name_norm"_s,
          u"last_name_norm"_s, u"father_name_norm"_s, u"birth_cert_no"_s, u"birth_date"_s, u"gender"_s,
          u"updated_at"_s}},
        {u"mobile_owners"_s, 2, {u"national_code"_s, u"mobile"_s}},
    };
    return t;
}
// Tables of the central database only: the change log (without seq and commit time:
// PostgreSQL's sequence leaves gaps where a killed transaction drew numbers) and the applied
// batches (without their random ids). Compared as multisets: a row applied twice shows.
const QList<Table> &centralOnlyTables()
{
    static const QList<Table> t = {
        {u"changes"_s, 0, {u"table_name"_s, u"row_id"_s, u"branch_code"_s, u"version"_s, u"op"_s, u"payload"_s}},
        {u"applied_batches"_s, 0, {u"branch_code"_s, u"summary"_s}},
        {u"conflicts"_s, 0, {u"table_name"_s, u"row_id"_s, u"branch_code"_s, u"base_version"_s}},
    };
    return t;
}
const QStringList kPushedTables = {u"requests"_s, u"accounts"_s, u"sms_messages"_s, u"recoveries"_s};

// Rows of `table` as key → line ('|'-joined), or as a list when keyColumns is 0.
struct Rows {
    std::map<QString, QString> byKey;
    QStringList all;
};
Rows readRows(QSqlDatabase db, const Table &t, const QString &where, QString *error)
{
    QStringList cols;
    for (const QString &c : t.columns)
        cols << u"CAST(%1 AS TEXT)"_s.arg(c);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    Rows out;
    if (!q.exec(u"SELECT %1 FROM %2%3"_s.arg(cols.join(u", "_s), t.name,
                                             where.isEmpty() ? QString() : u" WHERE "_s + where))) {
        *error = u"%1: %2"_s.arg(t.name, q.lastError().text());
        return out;
    }
    while (q.next()) {
        QStringList values;
        for (int i = 0; i < t.columns.size(); ++i)
            values << q.value(i).toString(); // NULL reads as ''
        const QString line = values.join(u'|');
        out.all << line;
        if (t.keyColumns > 0)
            out.byKey[QStringList(values.mid(0, t.keyColumns)).join(u'|')] = line;
    }
    return out;
}

QByteArray checksum(QStringList lines)
{
    lines.sort();
    return QCryptographicHash::hash(lines.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex();
}

// A read-only connection to a branch database (closed with the object).
class LocalDb
{
public:
    explicit LocalDb(const QString &path) : m_name(u"local-"_s + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"_s);
        db.open();
    }
    ~LocalDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QString value(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0).toString() : u"<error: %1>"_s.arg(q.lastError().text());
    }

private:
    QString m_name;
};

// One change as queued in a branch's outbox.
struct Queued {
    qint64 seq = 0;
    QString id, table, rowId, payload;
    int newVersion = 0;
};

bool copyDatabase(const QString &from, const QString &to)
{
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s, QString()})
        QFile::remove(to + suffix);
    if (!QFile::copy(from, to))
        return false;
    // A database closed by every connection has no WAL left; copy one anyway if it is there.
    return !QFile::exists(from + u"-wal"_s) || QFile::copy(from + u"-wal"_s, to + u"-wal"_s);
}

} // namespace

class TestSyncFaults : public SyncFixture
{
    Q_OBJECT

    QString m_sqliteTemplate; // the SQLite central every round copies
    const QString m_pgTemplate = u"central"_s;
    QString m_branchTemplate; // branch 1001 with its queue
    QList<Queued> m_queue;    // that queue
    quint32 m_seed = 0;
    int m_kills = 8;
    int m_serial = 0;
    QString m_where; // the round a failure message belongs to

    // The state a sync ends at: per table, a checksum of its sorted rows.
    struct Snapshot {
        QMap<QString, QByteArray> sums;
        QMap<QString, int> counts;
    };
    struct Reference {
        bool ready = false;
        qint64 durationMs = 0;
        qint64 pushMs = 0; // when the outbox ran empty
        qint64 cursor = 0; // the pull cursor at the end
        Snapshot snapshot;
        int pulled = 0;
    };
    QMap<QString, Reference> m_reference;

    // One round's fresh central database and branch database.
    struct Round {
        QString dialect;
        QString pgDatabase, sqliteFile;
        QString adminUrl, branchUrl;
        QString branchDb;
    };

    QString where(const QString &what) const { return u"%1 [%2; seed %3]"_s.arg(what, m_where).arg(m_seed); }

    QProcessEnvironment env(const QMap<QString, QString> &extra = {}) const
    {
        QProcessEnvironment e = SyncFixture::env();
        e.insert(u"PGCONNECT_TIMEOUT"_s, u"5"_s);
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            e.insert(it.key(), it.value());
        return e;
    }

    QString at(qint64 seconds) const { return iso(kT0.addSecs(seconds)); }

    QStringList syncArgs(const Round &r) const
    {
        return {u"--db"_s,      r.branchDb,  u"--now"_s,   at(3600),    u"sync"_s,
                u"--central"_s, r.branchUrl, u"--staff"_s, u"service"_s};
    }
    // The service login's password line (sync is a machine job).
    static QByteArray serviceLine() { return testPassword(u"service"_s).toUtf8() + '\n'; }
    CliResult syncNow(const Round &r) const
    {
        return branchtest::runCli(branchctl(), syncArgs(r), serviceLine(), env());
    }

    // Branch `plan.code`'s database: demo persons (shared, nothing queued), the verifier's
    // decisions of the submitted requests, then mobile changes at the counter: all queued.
    QString makeBranch(const BranchPlan &plan)
    {
        const QString path = m_ws.path(u"template-%1.db"_s.arg(plan.code));
        for (const CliResult &r :
             {ctl(path, {u"init"_s, u"--branch"_s, plan.code}), addAdministrator(path, {u"--now"_s, at(0)}),
              addTestStaff(path, {u"--now"_s, at(0)}),
              ctlAs(path, u"admin"_s, {u"--now"_s, at(0), u"user"_s, u"add"_s, u"clerk1"_s, u"--role"_s, u"clerk"_s},
                    kStaffPw.toUtf8() + '\n')})
            if (r.exitCode != 0) {
                qWarning("branch set-up failed: %s", qPrintable(describe(r)));
                return {};
            }
        DbError error;
        auto db = branch::db::Database::open(path, branch::db::Database::OpenMode::MustExist, &error);
        if (!db) {
            qWarning("cannot open %s: %s", qPrintable(path), qPrintable(error.detail));
            return {};
        }
        branch::Context ctx{*db, plan.code};
        branch::db::DemoOptions demo;
        demo.persons = plan.persons;
        demo.seed = plan.seed;
        demo.branchCode = plan.code;
        demo.now = kT0;
        branch::db::generateDemoData(*db, demo);
        if (!branch::verifyPending(ctx, kT0.addSecs(60)).ok()) {
            qWarning("verify failed");
            return {};
        }
        const QStringList codes = branch::db::accountNationalCodes(*db, plan.mobileChanges);
        if (codes.size() < plan.mobileChanges) {
            qWarning("only %d accounts", int(codes.size()));
            return {};
        }
        const branch::StaffSession clerk{u"clerk1"_s, u"clerk"_s};
        // 09SS NNNNNNN: a series of the branch's own for each round of changes.
        const int series = plan.code == kBranch ? 35 : 36;
        for (int pass = 0; pass < 2; ++pass)
            for (int i = 0; i < (pass == 0 ? plan.mobileChanges : plan.changedTwice); ++i) {
                const QString mobile = u"09%1%2"_s.arg(series + 2 * pass).arg(1000000 + i);
                const auto out = branch::changeMobile(ctx, codes.at(i), mobile, clerk, kT0.addSecs(120 + i));
                if (!out.ok()) {
                    qWarning("mobile change failed: %s", qPrintable(out.failure.message()));
                    return {};
                }
            }
        return path;
    }

    QList<Queued> queueOf(const QString &path)
    {
        LocalDb local(path);
        QSqlQuery q(local.db());
        QList<Queued> out;
        if (!q.exec(u"SELECT seq, id, table_name, row_id, new_version, payload FROM outbox ORDER BY seq"_s))
            qWarning("outbox: %s", qPrintable(q.lastError().text()));
        while (q.next())
            out << Queued{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toString(),   q.value(5).toString(), q.value(4).toInt()};
        return out;
    }

    // A fresh central database (a copy of the template) and a fresh copy of branch 1001.
    bool newRound(const QString &dialect, Round *r)
    {
        const int n = ++m_serial;
        r->dialect = dialect;
        r->branchDb = m_ws.path(u"round-%1-branch.db"_s.arg(n));
        if (!copyDatabase(m_branchTemplate, r->branchDb))
            return false;
        if (dialect == "postgresql"_L1) {
            r->pgDatabase = u"round%1"_s.arg(n);
            QString error;
            if (!m_pg.psql(u"CREATE DATABASE %1 TEMPLATE %2"_s.arg(r->pgDatabase, m_pgTemplate), nullptr, &error, {},
                           u"postgres"_s)) {
                qWarning("CREATE DATABASE: %s", qPrintable(error));
                return false;
            }
            // A sequence copied with its database keeps the template's "logged ahead" state, but
            // that log record is the template's: numbers the copy then draws without a record of
            // its own come back after a crash of the server (central_audit's, whose few rows
            // never draw past it, collided). A setval writes the copy's own record first.
            if (!m_pg.psql(
                    u"SELECT setval(pg_get_serial_sequence('central_audit', 'seq'), (SELECT coalesce(max(seq), 0) "
                    u"+ 1 FROM central_audit), false); SELECT setval(pg_get_serial_sequence('changes', 'seq'), "
                    u"(SELECT coalesce(max(seq), 0) + 1 FROM changes), false); SELECT "
                    u"setval(pg_get_serial_sequence('person_fetches', 'seq'), (SELECT coalesce(max(seq), 0) + 1 "
                    u"FROM person_fetches), false)"_s,
                    nullptr, &error, {}, r->pgDatabase)) {
                qWarning("setval: %s", qPrintable(error));
                return false;
            }
            r->adminUrl = m_pg.urlFor(m_pg.user(), r->pgDatabase);
            r->branchUrl = m_pg.urlFor(CentralDatabase::roleNameFor(kBranch), r->pgDatabase);
        } else {
            r->sqliteFile = m_ws.path(u"round-%1-central.db"_s.arg(n));
            if (!copyDatabase(m_sqliteTemplate, r->sqliteFile))
                return false;
            r->adminUrl = r->branchUrl = u"sqlite://"_s + r->sqliteFile;
        }
        return true;
    }

    void dropRound(const Round &r)
    {
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
            QFile::remove(r.branchDb + suffix);
            if (!r.sqliteFile.isEmpty())
                QFile::remove(r.sqliteFile + suffix);
        }
        if (!r.pgDatabase.isEmpty() && m_pg.isRunning())
            m_pg.psql(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(r.pgDatabase), nullptr, nullptr, {},
                      u"postgres"_s);
    }

    Snapshot snapshot(const Round &r, QString *error)
    {
        Snapshot s;
        auto central = openCentral(r.adminUrl);
        if (!central) {
            *error = u"no central connection"_s;
            return s;
        }
        LocalDb local(r.branchDb);
        for (const Table &t : tables()) {
            const Rows c = readRows(central->connection(), t, {}, error);
            const Rows l = readRows(local.db(), t, {}, error);
            s.sums[u"central "_s + t.name] = checksum(c.all);
            s.counts[u"central "_s + t.name] = int(c.all.size());
            s.sums[u"local "_s + t.name] = checksum(l.all);
            s.counts[u"local "_s + t.name] = int(l.all.size());
        }
        for (const Table &t : centralOnlyTables()) {
            const Rows c = readRows(central->connection(), t, {}, error);
            s.sums[u"central "_s + t.name] = checksum(c.all);
            s.counts[u"central "_s + t.name] = int(c.all.size());
        }
        // The name index follows the pulled requests (by request id: local row numbers
        // depend on the order rows arrived in).
        const Rows names = readRows(
            local.db(), {u"request_names n JOIN requests r ON r.rid = n.rowid"_s, 0, {u"r.id"_s, u"n.tokens"_s}}, {},
            error);
        s.sums[u"local request_names"_s] = checksum(names.all);
        s.counts[u"local request_names"_s] = int(names.all.size());
        s.counts[u"local outbox"_s] = local.value(u"SELECT count(*) FROM outbox"_s).toInt();
        return s;
    }

    // What the central database holds of branch 1001's queue, as table:row → version.
    std::map<QString, int> centralVersions(CentralDatabase &central, QString *error)
    {
        std::map<QString, int> out;
        for (const QString &table : kPushedTables) {
            QSqlQuery q(central.connection());
            if (!q.exec(u"SELECT CAST(id AS TEXT), version FROM %1 WHERE branch_code = '%2'"_s.arg(table, kBranch))) {
                *error = q.lastError().text();
                return out;
            }
            while (q.next())
                out[table + u':' + q.value(0).toString()] = q.value(1).toInt();
        }
        return out;
    }

    // The changes of branch 1001 the central database took (one change-log row each).
    int centralApplied(CentralDatabase &central)
    {
        QSqlQuery q(central.connection());
        return q.exec(u"SELECT count(*) FROM changes WHERE branch_code = '%1'"_s.arg(kBranch)) && q.next()
                   ? q.value(0).toInt()
                   : -1;
    }

    // After a fault: every queued change is either still in the outbox, unchanged, or in
    // the central database at its version or a newer one. Returns the central count of
    // applied changes in *applied, and in *unacknowledged how many changes are still queued
    // although the central database has them (their batch committed, its acknowledgement
    // lost: the next sync must resend that batch id and apply nothing).
    void checkNothingLost(const Round &r, int *applied, int *unacknowledged = nullptr)
    {
        auto central = openCentral(r.adminUrl);
        QVERIFY2(central, qPrintable(where(u"central database unreadable after the fault"_s)));
        QString error;
        const auto versions = centralVersions(*central, &error);
        QVERIFY2(error.isEmpty(), qPrintable(where(error)));
        *applied = centralApplied(*central);
        const QList<Queued> left = queueOf(r.branchDb);
        QHash<QString, const Queued *> leftById;
        for (const Queued &q : left)
            leftById.insert(q.id, &q);
        int stillQueued = 0;
        for (const Queued &q : m_queue) {
            const auto it = versions.find(q.table + u':' + q.rowId);
            if (const Queued *l = leftById.value(q.id)) {
                QVERIFY2(l->payload == q.payload && l->newVersion == q.newVersion && l->rowId == q.rowId,
                         qPrintable(where(u"outbox row %1 changed while queued"_s.arg(q.id))));
                ++stillQueued;
                if (unacknowledged && it != versions.end() && it->second >= q.newVersion)
                    ++*unacknowledged;
                continue;
            }
            QVERIFY2(
                it != versions.end() && it->second >= q.newVersion,
                qPrintable(where(u"LOST: change %1 (%2 %3 version %4) left the outbox but the central database "
                                 "has %5"_s.arg(q.id, q.table, q.rowId)
                                     .arg(q.newVersion)
                                     .arg(it == versions.end() ? u"no such row"_s : u"version %1"_s.arg(it->second)))));
        }
        QVERIFY2(
            stillQueued == left.size(),
            qPrintable(where(u"the outbox holds %1 rows that were never queued"_s.arg(left.size() - stillQueued))));
    }

    // The end of every round: the state equals the reference table by table, the branch
    // holds every central row of the tables it pulls, and one more sync moves nothing.
    void checkComplete(const Round &r)
    {
        const Reference &ref = m_reference[r.dialect];
        QString error;
        const Snapshot s = snapshot(r, &error);
        QVERIFY2(error.isEmpty(), qPrintable(where(error)));
        QCOMPARE(s.counts.value(u"local outbox"_s), 0);
        for (auto it = ref.snapshot.sums.cbegin(); it != ref.snapshot.sums.cend(); ++it)
            QVERIFY2(
                s.sums.value(it.key()) == it.value(),
                qPrintable(where(u"%1 differs from the undisturbed sync's: %2 rows (checksum %3), expected %4 rows "
                                 "(checksum %5)"_s.arg(it.key())
                                     .arg(s.counts.value(it.key()))
                                     .arg(QString::fromLatin1(s.sums.value(it.key())))
                                     .arg(ref.snapshot.counts.value(it.key()))
                                     .arg(QString::fromLatin1(it.value())))));
        checkBranchHoldsCentral(r);
        if (QTest::currentTestFailed())
            return;
        LocalDb before(r.branchDb);
        const QString cursor = before.value(u"SELECT value FROM meta WHERE key = 'sync_cursor'"_s);
        const CliResult again = syncNow(r);
        QVERIFY2(again.exitCode == 0, qPrintable(where(describe(again))));
        QVERIFY2(field(again, "pushed") == 0 && field(again, "pulled") == 0 && field(again, "conflicts") == 0,
                 qPrintable(where(u"a sync after completion moved something: "_s + QString::fromUtf8(again.out))));
        LocalDb after(r.branchDb);
        QCOMPARE(after.value(u"SELECT value FROM meta WHERE key = 'sync_cursor'"_s), cursor);
    }

    // Every central row of the pulled tables is at the branch with the same values (the
    // branch also has its own demo rows, which never travelled); of SMS, its own.
    void checkBranchHoldsCentral(const Round &r)
    {
        auto central = openCentral(r.adminUrl);
        QVERIFY(central);
        LocalDb local(r.branchDb);
        for (const Table &t : tables()) {
            QString error;
            // What the central holds of the persons this branch holds (its pull carries no other).
            const QString held =
                u"national_code IN (SELECT national_code FROM branch_persons WHERE branch_code = '%1')"_s.arg(kBranch);
            const Rows c =
                readRows(central->connection(), t,
                         t.name == "sms_messages"_L1 ? held + u" AND branch_code = '%1'"_s.arg(kBranch) : held, &error);
            const Rows l = readRows(local.db(), t, {}, &error);
            QVERIFY2(error.isEmpty(), qPrintable(where(error)));
            QStringList centralLines, localLines;
            for (const auto &[key, line] : c.byKey) {
                const auto it = l.byKey.find(key);
                QVERIFY2(it != l.byKey.end(),
                         qPrintable(where(u"%1 %2 is central but not at the branch"_s.arg(t.name, key))));
                QVERIFY2(it->second == line,
                         qPrintable(where(u"%1 %2: central %3, branch %4"_s.arg(t.name, key, line, it->second))));
                centralLines << line;
                localLines << it->second;
            }
            QCOMPARE(checksum(localLines), checksum(centralLines));
        }
    }

    // The undisturbed sync of the templates, checked against the queue on its own terms:
    // each queued change reached the central database once, at its version; no conflict;
    // several batches and several pages.
    void makeReference(const QString &dialect)
    {
        Reference &ref = m_reference[dialect];
        if (ref.ready)
            return;
        Round r;
        QVERIFY(newRound(dialect, &r));
        m_where = dialect + u" undisturbed reference sync"_s;
        // Timed from outside: the whole sync, and when the outbox ran empty (the push's end;
        // watched every 10 ms through a read-only connection, which WAL lets read alongside).
        QProcess p;
        startSync(p, r, env());
        if (QTest::currentTestFailed())
            return;
        QElapsedTimer t;
        t.start();
        {
            LocalDb watch(r.branchDb);
            while (!p.waitForFinished(10) && p.state() != QProcess::NotRunning)
                if (ref.pushMs == 0 && watch.value(u"SELECT count(*) FROM outbox"_s) == "0"_L1)
                    ref.pushMs = t.elapsed();
        }
        ref.durationMs = t.elapsed();
        if (ref.pushMs == 0)
            ref.pushMs = ref.durationMs / 2;
        CliResult done;
        done.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        done.out = p.readAllStandardOutput();
        done.err = p.readAllStandardError();
        QVERIFY2(done.exitCode == 0, qPrintable(where(describe(done))));
        QCOMPARE(field(done, "pushed"), int(m_queue.size()));
        QCOMPARE(field(done, "conflicts"), 0);
        ref.pulled = field(done, "pulled");
        QVERIFY2(ref.pulled > 2 * kCentralRegistryRows, qPrintable(where(u"pulled only %1 rows"_s.arg(ref.pulled))));
        {
            auto central = openCentral(r.adminUrl);
            QVERIFY(central);
            QString error;
            const auto versions = centralVersions(*central, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QMap<QString, int> newest;
            for (const Queued &q : m_queue)
                newest[q.table + u':' + q.rowId] = std::max(newest.value(q.table + u':' + q.rowId), q.newVersion);
            QCOMPARE(int(versions.size()), int(newest.size()));
            for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
                const auto c = versions.find(it.key());
                QVERIFY2(c != versions.end() && c->second == it.value(), qPrintable(it.key()));
            }
            QCOMPARE(centralApplied(*central), int(m_queue.size()));
            QSqlQuery q(central->connection());
            QVERIFY(q.exec(u"SELECT count(*) FROM (SELECT table_name, row_id, version FROM changes GROUP BY "
                           u"table_name, row_id, version HAVING count(*) > 1) AS twice"_s) &&
                    q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            QVERIFY(q.exec(u"SELECT count(*) FROM applied_batches WHERE branch_code = '%1'"_s.arg(kBranch)) &&
                    q.next());
            const int batches = q.value(0).toInt();
            QVERIFY2(batches >= 2, qPrintable(u"%1 push batch(es): the push is not split"_s.arg(batches)));
            QVERIFY(q.exec(u"SELECT count(*) FROM conflicts"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            QVERIFY(q.exec(u"SELECT count(*) FROM changes"_s) && q.next());
            qInfo("%s undisturbed: %lld ms (push %lld ms) for %d queued changes in %d batches, %d rows pulled of a "
                  "change log of %d",
                  qPrintable(dialect), ref.durationMs, ref.pushMs, int(m_queue.size()), batches, ref.pulled,
                  q.value(0).toInt());
        }
        QString error;
        ref.snapshot = snapshot(r, &error);
        ref.cursor = LocalDb(r.branchDb).value(u"SELECT value FROM meta WHERE key = 'sync_cursor'"_s).toLongLong();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(ref.snapshot.counts.value(u"local outbox"_s), 0);
        ref.ready = true;
        checkBranchHoldsCentral(r);
        dropRound(r);
    }

    // Starts `branchctl sync` for round r.
    void startSync(QProcess &p, const Round &r, const QProcessEnvironment &e)
    {
        p.setProcessEnvironment(e);
        p.start(branchctl(), syncArgs(r));
        QVERIFY2(p.waitForStarted(30000), qPrintable(p.errorString()));
        p.write(serviceLine());
        p.waitForBytesWritten(30000); // before any wait that runs no event loop
        p.closeWriteChannel();
    }

    // The phase a fault met, from what it left: for the report.
    QString phase(const Round &r, int applied, int unacknowledged)
    {
        LocalDb local(r.branchDb);
        const qint64 cursor = local.value(u"SELECT value FROM meta WHERE key = 'sync_cursor'"_s).toLongLong();
        if (unacknowledged > 0)
            return u"push (%1 of %2 changes central, %3 of them still queued: acknowledgement lost)"_s.arg(applied)
                .arg(m_queue.size())
                .arg(unacknowledged);
        if (applied < m_queue.size())
            return u"push (%1 of %2 changes central)"_s.arg(applied).arg(m_queue.size());
        return cursor == 0 ? u"between push and pull"_s : u"pull (cursor at %1)"_s.arg(cursor);
    }

    enum class Fault { Kill, PgFastStop, PgImmediateStop, PgKill, SqliteLock };

    // A chain of `faults` faults on one round: the first half of them in the push, the rest
    // in the pull. A push fault comes at a random moment of what is left of the push (the
    // undisturbed push time scaled by the outbox left); a pull fault waits for the outbox to
    // run empty (watched every 10 ms), then comes at a random moment of what is left of the
    // pull (scaled by the cursor). After each, the central database comes back and nothing
    // may be lost; then one sync completes, pushing exactly what the central database still
    // lacked, and the end state equals the undisturbed one.
    void faultChain(const QString &dialect, Fault fault, int faults, const QString &label)
    {
        const Reference &ref = m_reference[dialect];
        // Each chain draws from its own generator (the seed and the chain's name), so that
        // one chain can be run again alone: ./TestSyncFaults killMidSync:sqlite.
        const QByteArray name = QCryptographicHash::hash(label.toUtf8(), QCryptographicHash::Sha256);
        const quint32 seeds[2] = {m_seed, qFromLittleEndian<quint32>(name.constData())};
        QRandomGenerator rng(seeds);
        Round r;
        QVERIFY(newRound(dialect, &r));
        // A desk waits 5 s for a busy SQLite central; the lock below is held until branchctl
        // gives up, so a shorter wait keeps the test short without changing what happens.
        const QProcessEnvironment e = env({{u"BRANCHDESK_BUSY_TIMEOUT_MS"_s, u"300"_s}});
        int applied = 0;
        QStringList met;
        for (int j = 0; j < faults; ++j) {
            const bool inPush = j < (faults + 1) / 2;
            qint64 outbox = 0, cursor = 0;
            {
                LocalDb local(r.branchDb);
                outbox = local.value(u"SELECT count(*) FROM outbox"_s).toLongLong();
                cursor = local.value(u"SELECT value FROM meta WHERE key = 'sync_cursor'"_s).toLongLong();
            }
            const qint64 left = inPush ? ref.pushMs * outbox / std::max<qint64>(1, m_queue.size())
                                       : (ref.durationMs - ref.pushMs) * std::max<qint64>(ref.cursor - cursor, 0) /
                                             std::max<qint64>(1, ref.cursor);
            const double share = rng.generateDouble();
            const int delay = 1 + int(share * double(left));
            const QString when = u"%1 ms into the %2 (%3% of the ~%4 ms left)"_s.arg(delay)
                                     .arg(inPush ? u"sync"_s : u"pull"_s)
                                     .arg(int(share * 100))
                                     .arg(left);
            m_where = u"%1, fault %2 of %3, %4 (undisturbed: push %5 ms, all %6 ms)"_s.arg(label)
                          .arg(j + 1)
                          .arg(faults)
                          .arg(when)
                          .arg(ref.pushMs)
                          .arg(ref.durationMs);
            QProcess p;
            startSync(p, r, e);
            if (QTest::currentTestFailed())
                return;
            // (waitForFinished is false for a process that has already finished, too.)
            bool ended = false;
            if (!inPush) {
                LocalDb watch(r.branchDb);
                while (!ended && watch.value(u"SELECT count(*) FROM outbox"_s) != "0"_L1)
                    ended = p.waitForFinished(10) || p.state() == QProcess::NotRunning;
            }
            ended = ended || p.waitForFinished(delay) || p.state() == QProcess::NotRunning;
            QString lockName;
            if (!ended) {
                switch (fault) {
                case Fault::Kill:
                    ::kill(pid_t(p.processId()), SIGKILL);
                    break;
                case Fault::PgFastStop:
                    QVERIFY2(m_pg.stop(), qPrintable(where(m_pg.log().right(2000))));
                    break;
                case Fault::PgImmediateStop:
                    QVERIFY2(m_pg.stopImmediately(), qPrintable(where(m_pg.lastError())));
                    break;
                case Fault::PgKill:
                    m_pg.kill();
                    break;
                case Fault::SqliteLock:
                    lockName = lockForWriting(r.sqliteFile, p);
                    break;
                }
            }
            QVERIFY2(p.waitForFinished(60000) || p.state() == QProcess::NotRunning,
                     qPrintable(where(u"branchctl still runs a minute after the fault"_s)));
            const QString err = QString::fromUtf8(p.readAllStandardError());
            const bool crashed = p.exitStatus() == QProcess::CrashExit;
            const int code = crashed ? -1 : p.exitCode();
            if (!lockName.isEmpty())
                unlock(lockName);
            if (fault != Fault::Kill && !m_pg.isRunning())
                QVERIFY2(m_pg.start(), qPrintable(where(m_pg.lastError())));
            int unacknowledged = 0;
            checkNothingLost(r, &applied, &unacknowledged);
            if (QTest::currentTestFailed())
                return;
            if (code == 0) {
                // The sync was over, or past its last central access, before the fault came;
                // or it only read while another writer held the SQLite central.
                met << when + (lockName.isEmpty() || inPush ? u": the sync ended first"_s
                                                            : u": the pull read past the lock"_s);
                break;
            }
            if (fault == Fault::Kill) {
                QVERIFY2(crashed, qPrintable(where(u"exit %1 before the kill: %2"_s.arg(code).arg(err))));
            } else {
                QVERIFY2(code == 3,
                         qPrintable(where(u"exit %1 (expected 3, central unreachable): %2"_s.arg(code).arg(err))));
                QVERIFY2(!err.trimmed().isEmpty(), qPrintable(where(u"no message on stderr"_s)));
            }
            met << when + u": "_s + phase(r, applied, unacknowledged);
        }
        m_where = label + u", the sync after the faults"_s;
        const CliResult last = syncNow(r);
        QVERIFY2(last.exitCode == 0, qPrintable(where(describe(last))));
        QVERIFY2(field(last, "pushed") == m_queue.size() - applied,
                 qPrintable(where(u"the last sync pushed %1; the central database had %2 of the %3 queued changes "
                                  "before it"_s.arg(field(last, "pushed"))
                                      .arg(applied)
                                      .arg(m_queue.size()))));
        QCOMPARE(field(last, "conflicts"), 0);
        checkComplete(r);
        if (QTest::currentTestFailed())
            return;
        qInfo("%s: %s; then pushed %d, pulled %d", qPrintable(label), qPrintable(met.join(u"; "_s)),
              field(last, "pushed"), field(last, "pulled"));
        dropRound(r);
    }

    // The SQLite central made unavailable mid-sync by another process. A SQLite central
    // cannot stop like a server, and a file made unreadable or moved away stays readable
    // through the descriptors branchctl already holds; what really takes it from a desk is
    // another writer holding it: another desk's long sync, the central verifier, a
    // maintenance job. Its lock is a write transaction (BEGIN IMMEDIATE). In WAL mode that
    // keeps branchctl's push out (it waits its busy timeout, then gives up: exit 3), but
    // not its pull, which only reads: a lock during the pull lets the sync complete. (An
    // exclusive locking mode would keep readers out too, but SQLite grants it only while no
    // other connection has the database open, so it cannot come mid-sync.)
    // Returns the lock's connection name once it holds the lock; empty when branchctl ended
    // first. It tries again at once while branchctl holds the central (the gaps between its
    // transactions are a few milliseconds, shorter than SQLite's busy-handler sleeps).
    QString lockForWriting(const QString &file, QProcess &p)
    {
        const QString name = u"locker-"_s + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(file);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=0"_s);
            QSqlQuery q(db);
            if (db.open()) {
                while (p.state() != QProcess::NotRunning) {
                    if (q.exec(u"BEGIN IMMEDIATE"_s))
                        return name;
                    p.waitForFinished(1);
                }
            } else {
                qWarning("lock: %s", qPrintable(db.lastError().text()));
            }
        }
        unlock(name);
        return {};
    }
    void unlock(const QString &name)
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

private slots:
    void initTestCase()
    {
        bool ok = false;
        m_seed = quint32(qEnvironmentVariableIntValue("BRANCHDESK_FAULT_SEED", &ok));
        if (!ok)
            m_seed = QRandomGenerator::system()->generate() % 1000000;
        const int kills = qEnvironmentVariableIntValue("BRANCHDESK_FAULT_KILLS", &ok);
        if (ok && kills > 0)
            m_kills = kills;
        qInfo("fault moments: seed %u (BRANCHDESK_FAULT_SEED=%u draws them again), %d kills per central", m_seed,
              m_seed, m_kills);

        if (!setUpCentrals({kBranch, kOther}, u"central-template.db"_s, [this] { return env(); }))
            return;
        m_sqliteTemplate = m_ws.path(u"central-template.db"_s);
        const QStringList centrals{m_pgUrl, m_sqliteUrl};

        QElapsedTimer t;
        t.start();
        m_branchTemplate = makeBranch(kPlan1001);
        const QString other = makeBranch(kPlan1002);
        QVERIFY(!m_branchTemplate.isEmpty() && !other.isEmpty());
        m_queue = queueOf(m_branchTemplate);
        QVERIFY(m_queue.size() > 2000);
        {
            // The two branches' people are apart: a shared person would be a conflict.
            LocalDb a(m_branchTemplate);
            QSqlQuery q(a.db());
            QVERIFY(q.exec(u"ATTACH DATABASE '%1' AS other"_s.arg(other)));
            QVERIFY(q.exec(u"SELECT count(*) FROM accounts WHERE national_code IN (SELECT national_code FROM "
                           u"other.accounts)"_s) &&
                    q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }

        // Each central: reference data written there, and branch 1002's queue pushed by a sync.
        for (const QString &url : centrals) {
            {
                // Written as the admin (the civil registry's import, mobile ownership data),
                // 500 rows a statement.
                auto central = openCentral(url);
                QVERIFY(central);
                QSqlQuery q(central->connection());
                QStringList persons, owners;
                for (int i = 0; i < kCentralRegistryRows; ++i) {
                    const QString code = nationalCode(u"%1"_s.arg(590000000 + i * 13, 9, 10, QLatin1Char('0')));
                    persons << u"('%1', 'سارا', 'کیانی', 'سارا', 'کیانی', '777', '1370/01/01', 'F', '%2')"_s.arg(code,
                                                                                                                 at(i));
                    owners << u"('%1', '0939%2')"_s.arg(code).arg(1000000 + i);
                    if (persons.size() == 500 || i + 1 == kCentralRegistryRows) {
                        QVERIFY2(q.exec(u"INSERT INTO registry_persons (national_code, first_name, last_name, "
                                        u"first_name_norm, last_name_norm, birth_cert_no, birth_date, gender, "
                                        u"updated_at) VALUES "_s +
                                        persons.join(u", "_s)),
                                 qPrintable(q.lastError().text()));
                        QVERIFY2(q.exec(u"INSERT INTO mobile_owners (national_code, mobile) VALUES "_s +
                                        owners.join(u", "_s)),
                                 qPrintable(q.lastError().text()));
                        persons.clear();
                        owners.clear();
                    }
                }
            }
            {
                // The branches' people are in the central's civil registry too (every activation
                // they push is checked against it).
                auto central = openCentral(url);
                QVERIFY(central);
                QVERIFY(central->connection().transaction());
                QSqlQuery w(central->connection());
                QVERIFY(w.prepare(u"INSERT INTO registry_persons (national_code, first_name, last_name, father_name, "
                                  u"first_name_norm, last_name_norm, father_name_norm, birth_cert_no, birth_date, "
                                  u"gender, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s));
                for (const QString &path : {m_branchTemplate, other}) {
                    LocalDb local(path);
                    QSqlQuery r(local.db());
                    QVERIFY(r.exec(u"SELECT national_code, first_name, last_name, father_name, first_name_norm, "
                                   u"last_name_norm, father_name_norm, birth_cert_no, birth_date, gender, updated_at "
                                   u"FROM registry_persons"_s));
                    while (r.next()) {
                        for (int i = 0; i < 11; ++i)
                            w.bindValue(i, r.value(i).toString());
                        QVERIFY2(w.exec(), qPrintable(w.lastError().text()));
                    }
                }
                QVERIFY(central->connection().commit());
            }
            const QString copy = m_ws.path(u"push-%1.db"_s.arg(++m_serial));
            QVERIFY(copyDatabase(other, copy));
            const QString otherUrl =
                url.startsWith(u"sqlite:"_s) ? url : m_pg.urlFor(CentralDatabase::roleNameFor(kOther), m_pg.database());
            const CliResult pushed = branchtest::runCli(branchctl(),
                                                        {u"--db"_s, copy, u"--now"_s, at(1800), u"sync"_s,
                                                         u"--central"_s, otherUrl, u"--staff"_s, u"service"_s},
                                                        serviceLine(), env());
            CLI_EXPECT(pushed, 0);
            QVERIFY(field(pushed, "pushed") > 1000);
            {
                // The reference rows written centrally (but branch 1002's, which its push made
                // its own) are about branch 1001's people: its pull carries them (several
                // pages), as it carries no one else's.
                auto central = openCentral(url);
                QVERIFY(central);
                QSqlQuery q(central->connection());
                QVERIFY2(q.exec(u"INSERT INTO branch_persons (branch_code, national_code, how) SELECT '%1', "
                                u"national_code, 'home' FROM registry_persons WHERE national_code NOT IN (SELECT "
                                u"national_code FROM branch_persons)"_s.arg(kBranch)),
                         qPrintable(q.lastError().text()));
            }
        }
        qInfo("data: branch %s queues %d changes; branch %s's work and %d registry persons are central (set up in %lld "
              "ms)",
              qPrintable(kBranch), int(m_queue.size()), qPrintable(kOther), kCentralRegistryRows, t.elapsed());
    }

    // SIGKILL of branchctl at random moments of the sync: m_kills kills per central, in
    // chains of four on fresh copies of the templates (see faultChain).
    void killMidSync_data() { dialects(); }
    void killMidSync()
    {
        QFETCH(QString, dialect);
        makeReference(dialect);
        for (int chain = 0; chain * kKillsPerChain < m_kills && !QTest::currentTestFailed(); ++chain)
            faultChain(dialect, Fault::Kill, std::min(kKillsPerChain, m_kills - chain * kKillsPerChain),
                       u"%1 kill chain %2"_s.arg(dialect).arg(chain + 1));
    }

    // The central database goes away while a sync runs: once in the push and once in the
    // pull (a SQLite central: twice in the push, once in the pull, which a writer's lock
    // does not stop).
    void centralFailsMidSync_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<int>("fault");
        QTest::newRow("postgresql fast stop") << u"postgresql"_s << int(Fault::PgFastStop);
        QTest::newRow("postgresql immediate stop") << u"postgresql"_s << int(Fault::PgImmediateStop);
        QTest::newRow("postgresql killed") << u"postgresql"_s << int(Fault::PgKill);
        QTest::newRow("sqlite held by another writer") << u"sqlite"_s << int(Fault::SqliteLock);
    }
    void centralFailsMidSync()
    {
        QFETCH(QString, dialect);
        QFETCH(int, fault);
        makeReference(dialect);
        if (!QTest::currentTestFailed())
            faultChain(dialect, Fault(fault), Fault(fault) == Fault::SqliteLock ? 3 : 2,
                       QString::fromLatin1(QTest::currentDataTag()));
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "TestSyncFaults.moc"
