// bench_sync: sync throughput against a real PostgreSQL 15 (a throwaway server on loopback).
//  - Initial pull of 100 000 applicants (requests written centrally) into a fresh branch
//    database (a new desk of their branch, 1001; the central also holds 100 000 of another
//    branch's, which 1001's pull must not carry: the trust boundary's minimisation), beside what the machine does with
//    the same rows without BranchDesk: the server's own COPY of them out (psql \copy) plus a bulk insert of as many
//    rows into a SQLite file (raw C API, one prepared statement, one transaction) into a new branch database's own
//    requests table and name index (the indexes the desk searches with). Goal: BranchDesk's pull at least half the
//    throughput of that pipeline (ratio = (copy + bulk insert) / pull >= 0.5). The same ratio against a bulk insert
//    into a bare table with only the id key is printed too.
//  - Push of 10 000 queued changes (mobile changes at the counter). Goal: under 2 s.
// Medians of 3 runs each; prints figures, exits non-zero only when it cannot run.
#include "BenchUtil.h"
#include "app/lifecycle/Admin.h"
#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/SyncEngine.h"
#include "db/AccountRepository.h"
#include "db/DemoData.h"
#include "db/MetaRepository.h"
#include "db/NameIndex.h"
#include "db/SyncRepository.h"
#include "tests/support/PgServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <sqlite3.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QThread>

using namespace branch;

namespace
{
constexpr int kPersons = 100'000;
constexpr int kPushChanges = 10'000;
// BENCH_SYNC_RUNS (default 3) and BENCH_SYNC_ONLY=pull|push narrow a run while profiling.
const int kRuns = qEnvironmentVariableIntValue("BENCH_SYNC_RUNS") > 0 ? qEnvironmentVariableIntValue("BENCH_SYNC_RUNS")
                                                                      : 3;
const QByteArray kOnly = qgetenv("BENCH_SYNC_ONLY");
const QString kBranchPassword = QStringLiteral("bench-branch-pass-1");
// BENCH_SYNC_PERF_CTL=FIFO: "enable" and "disable" written to that FIFO around each timed
// sync, so that `perf record --delay=-1 --control fifo:FIFO` records only the sync.
const QByteArray kPerfControl = qgetenv("BENCH_SYNC_PERF_CTL");

void perfControl(const char *command)
{
    if (kPerfControl.isEmpty())
        return;
    QFile f(QString::fromLocal8Bit(kPerfControl));
    if (f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        f.write(QByteArray(command) + '\n');
}

void say(const QString &s)
{
    std::printf("%s\n", qPrintable(s));
    std::fflush(stdout);
}

int fail(const QString &s)
{
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(s));
    return 2;
}

// CPU time in ms of this process (all threads) and of a process with its reaped children
// (the PostgreSQL postmaster: a backend's CPU is added to it when the connection ends).
// Printed beside the wall clock: on a loaded machine the wall clock also counts waiting.
double processCpuMs(qint64 pid, bool withChildren)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state is index 0, utime 11, stime 12, cutime 13, cstime 14.
    double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    if (withChildren)
        ticks += fields.value(13).toDouble() + fields.value(14).toDouble();
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// The number of processes whose parent is `pid`.
int childCount(qint64 pid)
{
    int n = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool numeric = false;
        e.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(e));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        if (stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(1).toLongLong() == pid)
            ++n;
    }
    return n;
}

// The server's CPU so far: the postmaster's own and its reaped children's, after waiting
// (at most 3 s) for the backends beyond `settledChildren` to end and be reaped.
double serverCpuMs(qint64 postmaster, int settledChildren)
{
    for (int i = 0; i < 300 && childCount(postmaster) > settledChildren; ++i)
        QThread::msleep(10);
    return processCpuMs(postmaster, true);
}

qint64 postmasterPid(const branchtest::PgServer &pg)
{
    QFile f(pg.dir() + QStringLiteral("/data/postmaster.pid"));
    return f.open(QIODevice::ReadOnly) ? f.readLine().trimmed().toLongLong() : 0;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

std::unique_ptr<db::Database> newBranch(const QString &path, const QString &code)
{
    db::DbError err;
    auto db = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
    if (db)
        db::setMetaValue(*db, QStringLiteral("branch_code"), code);
    return db;
}

// The same 100 000 rows inserted in bulk without BranchDesk's sync (raw C API, one
// prepared statement, one transaction). `intoBranchSchema`: into a new branch database's
// own requests table and name index (the indexes the desk needs, as the pull fills them),
// the fair floor for the pull; else into a bare table with only the id key.
double sqliteBulkInsertMs(const QString &path, bool intoBranchSchema)
{
    if (intoBranchSchema && !newBranch(path, QStringLiteral("1001")))
        return 0;
    sqlite3 *raw = nullptr;
    sqlite3_open(path.toUtf8().constData(), &raw);
    sqlite3_exec(raw, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    if (!intoBranchSchema)
        sqlite3_exec(raw,
                     "CREATE TABLE requests (id TEXT PRIMARY KEY, branch_code TEXT, version INT, "
                     "national_code TEXT, mobile TEXT, first_name TEXT, last_name TEXT, first_name_norm TEXT, "
                     "last_name_norm TEXT, birth_cert_no TEXT, birth_date TEXT, gender TEXT, email TEXT, "
                     "password_hash TEXT, questions_json TEXT, status TEXT, submitted_at TEXT, decided_at TEXT, "
                     "updated_at TEXT, updated_by TEXT)",
                     nullptr, nullptr, nullptr);
    QElapsedTimer t;
    t.start();
    sqlite3_exec(raw, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(raw,
                       "INSERT INTO requests (id, branch_code, version, national_code, mobile, first_name, "
                       "last_name, first_name_norm, last_name_norm, birth_cert_no, birth_date, gender, email, "
                       "password_hash, questions_json, status, submitted_at, decided_at, updated_at, updated_by) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       -1, &st, nullptr);
    sqlite3_stmt *names = nullptr;
    if (intoBranchSchema)
        sqlite3_prepare_v2(raw, "INSERT INTO request_names (rowid, tokens) VALUES (?, ?)", -1, &names, nullptr);
    const QByteArray tokens = db::nameIndexText(QStringLiteral("علی"), QStringLiteral("رضایی")).toUtf8();
    for (int i = 0; i < kPersons; ++i) {
        const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QByteArray code = QByteArray::number(1000000000 + i);
        const QByteArray mobile = "0912" + QByteArray::number(i).rightJustified(7, '0');
        sqlite3_bind_text(st, 1, id.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, "1002", -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, 1);
        sqlite3_bind_text(st, 4, code.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, mobile.constData(), -1, SQLITE_TRANSIENT);
        for (int c = 6; c <= 9; ++c)
            sqlite3_bind_text(st, c, c % 2 ? "\xd8\xb1\xd8\xb6\xd8\xa7\xdb\x8c\xdb\x8c" : "\xd8\xb9\xd9\x84\xdb\x8c",
                              -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 10, "123", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 11, "1986-07-03", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 12, "M", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 13, "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 14, "scrypt$15$8$1$c2FsdA$aGFzaA", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 15, "[]", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 16, "activated", -1, SQLITE_STATIC);
        for (int c = 17; c <= 19; ++c)
            sqlite3_bind_text(st, c, "2026-11-01T08:00:00.000Z", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 20, "verifier", -1, SQLITE_STATIC);
        sqlite3_step(st);
        sqlite3_reset(st);
        if (names) {
            sqlite3_bind_int64(names, 1, sqlite3_last_insert_rowid(raw));
            sqlite3_bind_text(names, 2, tokens.constData(), -1, SQLITE_STATIC);
            sqlite3_step(names);
            sqlite3_reset(names);
        }
    }
    sqlite3_finalize(st);
    if (names)
        sqlite3_finalize(names);
    sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr);
    const double ms = t.nsecsElapsed() / 1e6;
    sqlite3_close(raw);
    return ms;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString error;
    if (!security::init(&error))
        return fail(error);
    qputenv("BRANCHDESK_KDF_PROFILE", "test"); // staff set-up only; sync hashes nothing
    QTemporaryDir work;
    branchtest::PgServer pg;
    if (!pg.setUp(&error))
        return fail(QStringLiteral("cannot start PostgreSQL: ") + error);
    qputenv("PGPASSFILE", pg.pgpassFile().toLocal8Bit());
    qunsetenv("PGPASSWORD");

    auto admin = parseCentralUrl(pg.url());
    if (!admin.ok() || !initCentral(*admin.value).ok())
        return fail(QStringLiteral("central init failed"));
    for (const QString &code : QStringList{QStringLiteral("1001"), QStringLiteral("1002")}) {
        if (!addCentralBranch(*admin.value, code, kBranchPassword).ok() ||
            !pg.addPassword(db::CentralDatabase::roleNameFor(code), kBranchPassword))
            return fail(QStringLiteral("add-branch failed"));
    }
    // 100 000 applicants of branch 1001 written centrally (its registrations and the
    // verifier's decisions), with the change log the triggers keep, and as many of branch
    // 1002's, which 1001 does not hold.
    const auto fill = [](const QString &branch, int from) {
        return QStringLiteral(
                   "INSERT INTO requests (id, branch_code, version, national_code, mobile, first_name, last_name, "
                   "first_name_norm, last_name_norm, birth_cert_no, birth_date, gender, email, password_hash, "
                   "questions_json, "
                   "status, submitted_at, decided_at, updated_at, updated_by) "
                   "SELECT md5(i::text)::uuid, '%2', 1, (1000000000 + i)::text, '0912' || lpad(i::text, 7, '0'), "
                   "'علی', 'رضایی', 'علی', 'رضایی', '123', '1986-07-03', 'M', '', 'scrypt$15$8$1$c2FsdA$aGFzaA', '[]', "
                   "'activated', '2026-11-01T08:00:00.000Z', '2026-11-01T08:01:00.000Z', '2026-11-01T08:01:00.000Z', "
                   "'verifier' FROM generate_series(%3, %3 + %1 - 1) AS i")
            .arg(kPersons)
            .arg(branch)
            .arg(from);
    };
    if (kOnly != "push" && // push alone (profiling): an empty central
        (!pg.psql(fill(QStringLiteral("1001"), 1), nullptr, &error) ||
         !pg.psql(fill(QStringLiteral("1002"), kPersons + 1), nullptr, &error)))
        return fail(QStringLiteral("filling the central database: ") + error);
    say(QStringLiteral("central: PostgreSQL 15 on loopback, %1 requests of branch 1001 and %1 of branch 1002 "
                       "written centrally")
            .arg(kPersons));

    auto branchUrl =
        parseCentralUrl(pg.urlFor(db::CentralDatabase::roleNameFor(QStringLiteral("1001")), pg.database()));
    if (!branchUrl.ok())
        return fail(QStringLiteral("branch URL"));

    QList<double> pullMs, copyMs, bulkMs, bareMs;
    for (int run = 0; run < kRuns && kOnly != "push"; ++run) {
        auto db = newBranch(work.filePath(QStringLiteral("pull%1.db").arg(run)), QStringLiteral("1001"));
        if (!db)
            return fail(QStringLiteral("branch database"));
        Context ctx{*db, QStringLiteral("1001")};
        const qint64 postmaster = postmasterPid(pg);
        const int children = childCount(postmaster);
        const double clientCpu0 = processCpuMs(getpid(), false), serverCpu0 = serverCpuMs(postmaster, children);
        QElapsedTimer t;
        perfControl("enable");
        t.start();
        auto out = syncWithCentral(ctx, *branchUrl.value, QDateTime::currentDateTimeUtc());
        pullMs << t.nsecsElapsed() / 1e6;
        perfControl("disable");
        say(QStringLiteral("pull run %1: %2 ms (CPU: BranchDesk %3 ms, PostgreSQL %4 ms)")
                .arg(run + 1)
                .arg(pullMs.last(), 0, 'f', 0)
                .arg(processCpuMs(getpid(), false) - clientCpu0, 0, 'f', 0)
                .arg(serverCpuMs(postmaster, children) - serverCpu0, 0, 'f', 0));
        if (!out.ok() || out.value->pulled != kPersons)
            return fail(QStringLiteral("pull: ") +
                        (out.ok() ? QString::number(out.value->pulled) : out.failure.message()));
        say(QStringLiteral("  rows pulled: %1 of the %2 in the central change log (branch 1002's are not sent)")
                .arg(out.value->pulled)
                .arg(2 * kPersons));
        t.restart();
        if (!pg.psql(QStringLiteral("\\copy (SELECT * FROM requests WHERE branch_code = '1001') TO '/dev/null'"),
                     nullptr, &error))
            return fail(QStringLiteral("copy: ") + error);
        copyMs << t.nsecsElapsed() / 1e6;
        bulkMs << sqliteBulkInsertMs(work.filePath(QStringLiteral("bulk%1.db").arg(run)), true);
        bareMs << sqliteBulkInsertMs(work.filePath(QStringLiteral("bare%1.db").arg(run)), false);
    }
    const double pull = median(pullMs), copy = median(copyMs), bulk = median(bulkMs), bare = median(bareMs);
    if (kOnly != "push") {
        say(QStringLiteral(
                "initial pull of %1 applicants: BranchDesk median %2 ms (%3 rows/s) | COPY out median %4 ms + "
                "SQLite bulk insert into the branch schema (requests + name index) median %5 ms = %6 ms (%7 "
                "rows/s) | ratio %8 (goal >= 0.5)")
                .arg(kPersons)
                .arg(pull, 0, 'f', 0)
                .arg(kPersons / (pull / 1000), 0, 'f', 0)
                .arg(copy, 0, 'f', 0)
                .arg(bulk, 0, 'f', 0)
                .arg(copy + bulk, 0, 'f', 0)
                .arg(kPersons / ((copy + bulk) / 1000), 0, 'f', 0)
                .arg((copy + bulk) / pull, 0, 'f', 2));
        say(QStringLiteral(
                "  beside a bulk insert into a bare table (id key only): median %1 ms; COPY + that = %2 ms | "
                "ratio %3")
                .arg(bare, 0, 'f', 0)
                .arg(copy + bare, 0, 'f', 0)
                .arg((copy + bare) / pull, 0, 'f', 2));
    }

    // Push: 10 000 mobile changes queued at branch 1001 (its accounts made by demo data).
    QList<double> pushMs;
    if (kOnly != "pull")
        say(QStringLiteral("machine reference before the push: SHA-256 of 64 MiB in %1 ms")
                .arg(bench::machineReferenceMs(), 0, 'f', 0));
    for (int run = 0; run < kRuns && kOnly != "pull"; ++run) {
        const QString code = QStringLiteral("10%1").arg(run + 10);
        if (!addCentralBranch(*admin.value, code, kBranchPassword).ok() ||
            !pg.addPassword(db::CentralDatabase::roleNameFor(code), kBranchPassword))
            return fail(QStringLiteral("add-branch failed"));
        const QString path = work.filePath(QStringLiteral("push%1.db").arg(run));
        auto db = newBranch(path, code);
        if (!db)
            return fail(QStringLiteral("branch database"));
        db::DemoOptions options;
        options.persons = 2 * kPushChanges;
        options.seed = quint64(run + 1);
        options.branchCode = code;
        db::generateDemoData(*db, options);
        // Opened again: the demo's bulk insert opened and closed the file through the C API
        // as well, which drops this process's locks on it (the database then refuses to go on,
        // database.lost, as it should).
        db.reset();
        db = newBranch(path, code);
        if (!db)
            return fail(QStringLiteral("branch database"));
        Context ctx{*db, code};
        // A branch's first account is its administrator.
        const auto admin = addStaff(ctx, QStringLiteral("admin"), QStringLiteral("admin"),
                                    QStringLiteral("Admin#Bench-Kuh-Alvand7"), QDateTime::currentDateTimeUtc());
        const auto clerkAdded = addStaff(ctx, QStringLiteral("sara"), QStringLiteral("clerk"),
                                         QStringLiteral("Clerk#Bench-Darya-Namak9"), QDateTime::currentDateTimeUtc());
        if (!admin.ok() || !clerkAdded.ok())
            return fail(QStringLiteral("staff: ") + (admin.ok() ? clerkAdded : admin).failure.message());
        const StaffSession clerk{QStringLiteral("sara"), QStringLiteral("clerk")};
        auto pushUrl = parseCentralUrl(pg.urlFor(db::CentralDatabase::roleNameFor(code), pg.database()));
        if (!pushUrl.ok())
            return fail(QStringLiteral("branch URL"));
        // Caught up first (the initial pull is measured above), so that the timed sync is
        // the push and the pull of nothing but its own echo.
        if (!syncWithCentral(ctx, *pushUrl.value, QDateTime::currentDateTimeUtc()).ok())
            return fail(QStringLiteral("catching up"));
        const QStringList codes = db::accountNationalCodes(*db, kPushChanges);
        int i = 0;
        for (const QString &nc : codes) {
            // A number of this run's own: an account changed by an earlier run (pulled while
            // catching up) must not get the number it already has.
            const QString mobile = QStringLiteral("093%1%2").arg(5 + run).arg(1000000 + ++i);
            if (!changeMobile(ctx, nc, mobile, clerk, QDateTime::currentDateTimeUtc()).ok())
                return fail(QStringLiteral("mobile change"));
        }
        const qint64 queued = db::outboxCount(*db);
        const qint64 postmaster = postmasterPid(pg);
        const int children = childCount(postmaster);
        const double clientCpu0 = processCpuMs(getpid(), false), serverCpu0 = serverCpuMs(postmaster, children);
        // BENCH_SYNC_PG_LOG=FILE (profiling): every statement of the timed sync with its
        // duration, from the server's log, into FILE.
        const QString pgLog = qEnvironmentVariable("BENCH_SYNC_PG_LOG");
        // BENCH_SYNC_PG_EXPLAIN=MS adds the plans of the statements (nested ones too) that took
        // longer than MS ms (auto_explain, with their measured rows and times).
        const QString explainMs = qEnvironmentVariable("BENCH_SYNC_PG_EXPLAIN");
        QStringList logSettings{QStringLiteral("log_min_duration_statement = 0")};
        if (!explainMs.isEmpty())
            logSettings << QStringLiteral("session_preload_libraries = 'auto_explain'")
                        << QStringLiteral("auto_explain.log_min_duration = %1").arg(explainMs.toInt())
                        << QStringLiteral("auto_explain.log_nested_statements = on")
                        << QStringLiteral("auto_explain.log_analyze = on");
        if (!pgLog.isEmpty()) {
            for (const QString &setting : logSettings)
                if (!pg.psql(QStringLiteral("ALTER DATABASE %1 SET ").arg(pg.database()) + setting))
                    return fail(QStringLiteral("statement log: ") + setting);
        }
        QElapsedTimer t;
        perfControl("enable");
        t.start();
        auto out = syncWithCentral(ctx, *pushUrl.value, QDateTime::currentDateTimeUtc());
        pushMs << t.nsecsElapsed() / 1e6;
        perfControl("disable");
        if (!pgLog.isEmpty()) {
            pg.psql(QStringLiteral("ALTER DATABASE %1 RESET ALL").arg(pg.database()));
            QFile f(pgLog);
            if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                f.write(pg.log().toUtf8());
        }
        const double clientCpu = processCpuMs(getpid(), false) - clientCpu0;
        const double serverCpu = serverCpuMs(postmaster, children) - serverCpu0;
        if (!out.ok())
            return fail(QStringLiteral("push: ") + out.failure.message());
        say(QStringLiteral("push run %1: %2 queued changes (mobile changes and their SMS), %3 pushed, %4 pulled back, "
                           "%5 ms (CPU: BranchDesk %6 ms, PostgreSQL %7 ms)")
                .arg(run + 1)
                .arg(queued)
                .arg(out.value->pushed)
                .arg(out.value->pulled)
                .arg(pushMs.last(), 0, 'f', 0)
                .arg(clientCpu, 0, 'f', 0)
                .arg(serverCpu, 0, 'f', 0));
    }
    if (kOnly != "pull")
        say(QStringLiteral("push of the queued changes: median %1 ms | ratio to the 2 s goal %2 "
                           "(machine reference after: SHA-256 of 64 MiB in %3 ms)")
                .arg(median(pushMs), 0, 'f', 0)
                .arg(median(pushMs) / 2000, 0, 'f', 2)
                .arg(bench::machineReferenceMs(), 0, 'f', 0));
    return 0;
}
