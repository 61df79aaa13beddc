// SIGKILL during each counter action costs nothing committed and leaves nothing half-done.
// The real branchctl binary, which carries no crash points, is killed
// - at every file-changing system call of the action in turn (write, pwrite64, fsync,
//   fdatasync, ftruncate, fcntl locks, unlink, rename): the test traces the process
//   (ptrace) and kills it at the entry of its k-th such call, for k = 0, 1, ... until a run
//   reaches its end; so every point of its transaction is hit, including the WAL frames,
//   the commit frame, the lock release and the printing of the result;
// - after a table of delays from its start (0 to 80 ms), as a power cut or an impatient
//   clerk would.
// After each kill: PRAGMA integrity_check ok, `branchctl audit verify` ok, every travelling
// row's version is its last outbox entry's (no change without its outbox row, no outbox row
// without its change); and the database holds either exactly what it held before (and the
// action's success was not printed) or the whole action, with the row counts of every table
// that the same command gives when run to its end on a copy. A printed success is always
// there.
#include "CliSmsGateway.h"
#include "CliTestUtil.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

const QString kStaffPw = u"Clerk#2024xKuhSabalan"_s;
const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(7, 0), Qt::UTC);
constexpr int kActive = 24;   // people with an active account
constexpr int kWaiting = 200; // people waiting for activation at the branch

QString activeCode(int i)
{
    return nationalCode(u"31%1"_s.arg(i + 1, 7, 10, QLatin1Char('0')));
}
QString waitingCode(int i)
{
    return nationalCode(u"32%1"_s.arg(i + 1, 7, 10, QLatin1Char('0')));
}
QString newcomerCode(int i)
{
    return nationalCode(u"33%1"_s.arg(i + 1, 7, 10, QLatin1Char('0')));
}
QString activeMobile(int i)
{
    return u"0912%1"_s.arg(i, 7, 10, QLatin1Char('0'));
}

struct Run {
    bool killed = false;
    int exitCode = -1;
    QByteArray out, err;
};

// Whether the command printed its success (one JSON document, no refusal in it).
bool printedSuccess(const QByteArray &out)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(out, &e);
    if (e.error != QJsonParseError::NoError || d.isNull())
        return false;
    if (d.isArray()) {
        for (const auto &v : d.array())
            if (!v.toObject().value(u"accepted").toBool())
                return false;
        return !d.array().isEmpty();
    }
    const QJsonObject o = d.object();
    return !o.contains(u"errors"_s) && o.value(u"ok"_s).toBool(true);
}

// The syscalls that change a file or a lock, by whether their first argument is the file
// descriptor or (unlink, rename) their path argument's index.
enum class Arg { None, Fd, Path0, Path1 };
Arg changesAFile(long nr)
{
    switch (nr) {
    case SYS_write:
    case SYS_pwrite64:
    case SYS_writev:
    case SYS_fsync:
    case SYS_fdatasync:
    case SYS_ftruncate:
    case SYS_fcntl:
        return Arg::Fd;
    case SYS_unlinkat:
    case SYS_renameat2:
#ifdef SYS_renameat
    case SYS_renameat:
#endif
        return Arg::Path1;
#ifdef SYS_unlink
    case SYS_unlink:
#endif
#ifdef SYS_rename
    case SYS_rename:
#endif
        return Arg::Path0;
    default:
        return Arg::None;
    }
}

// The path a traced process's descriptor names, or the string at `address` in its memory.
QByteArray fdTarget(pid_t pid, quint64 fd)
{
    char target[4096];
    const QByteArray link = "/proc/" + QByteArray::number(pid) + "/fd/" + QByteArray::number(fd);
    const ssize_t n = ::readlink(link.constData(), target, sizeof target);
    return n > 0 ? QByteArray(target, int(n)) : QByteArray();
}
QByteArray stringAt(pid_t pid, quint64 address)
{
    char buffer[4096] = {};
    iovec local{buffer, sizeof buffer - 1}, remote{reinterpret_cast<void *>(address), sizeof buffer - 1};
    // A read across the end of the mapping fails: try a shorter one.
    if (::process_vm_readv(pid, &local, 1, &remote, 1, 0) < 0) {
        local.iov_len = remote.iov_len = 256;
        if (::process_vm_readv(pid, &local, 1, &remote, 1, 0) < 0)
            return {};
    }
    return QByteArray(buffer);
}

// Whether this syscall entry is a moment of interest: it changes the database, its WAL,
// shared memory or journal (or their locks), or writes the command's output.
bool isKillPoint(pid_t pid, const __ptrace_syscall_info &info, const QByteArray &database)
{
    switch (changesAFile(long(info.entry.nr))) {
    case Arg::None:
        return false;
    case Arg::Fd:
        return info.entry.args[0] == 1 || fdTarget(pid, info.entry.args[0]).startsWith(database);
    case Arg::Path0:
        return stringAt(pid, info.entry.args[0])
            .contains(QFileInfo(QString::fromLocal8Bit(database)).fileName().toLocal8Bit());
    case Arg::Path1:
        return stringAt(pid, info.entry.args[1])
            .contains(QFileInfo(QString::fromLocal8Bit(database)).fileName().toLocal8Bit());
    }
    return false;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs branchctl under ptrace and kills it at the entry of its `killAt`-th kill point
// (isKillPoint: before the call runs); killAt < 0 never kills. *points: how many such calls the
// run made (until the kill or its end). Returns nullopt when the process cannot be traced.
std::optional<Run> runKilledAtSyscall(const QString &folder, const QString &database, const QStringList &args,
                                      const QByteArray &input, int killAt, int *points)
{
    const QByteArray databasePath = QFile::encodeName(QFileInfo(database).absoluteFilePath());
    const QString inPath = folder + u"/stdin"_s, outPath = folder + u"/stdout"_s, errPath = folder + u"/stderr"_s;
    if (!branchtest::writeFile(inPath, input))
        return std::nullopt;
    QList<QByteArray> argStore{QFile::encodeName(branchctl())};
    for (const QString &a : args)
        argStore << a.toUtf8();
    QList<QByteArray> envStore;
    for (const QString &e : cliEnv().toStringList())
        envStore << e.toUtf8();
    std::vector<char *> argv, envp;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    const QByteArray in = QFile::encodeName(inPath), out = QFile::encodeName(outPath), err = QFile::encodeName(errPath);

    const pid_t pid = ::fork();
    if (pid < 0)
        return std::nullopt;
    if (pid == 0) {
        const int i = ::open(in.constData(), O_RDONLY);
        const int o = ::open(out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int e = ::open(err.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (i < 0 || o < 0 || e < 0 || ::dup2(i, 0) < 0 || ::dup2(o, 1) < 0 || ::dup2(e, 2) < 0)
            ::_exit(126);
        if (::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) != 0)
            ::_exit(125);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status)) // stopped at its exec
        return std::nullopt;
    if (::ptrace(PTRACE_SETOPTIONS, pid, nullptr, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL) != 0) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        return std::nullopt;
    }
    Run run;
    int count = 0;
    int deliver = 0;
    for (;;) {
        if (::ptrace(PTRACE_SYSCALL, pid, nullptr, reinterpret_cast<void *>(intptr_t(deliver))) != 0)
            break;
        deliver = 0;
        if (::waitpid(pid, &status, 0) != pid)
            break;
        if (WIFEXITED(status) || WIFSIGNALED(status))
            break;
        if (!WIFSTOPPED(status))
            continue;
        if (WSTOPSIG(status) != (SIGTRAP | 0x80)) { // a signal for the process: pass it on
            deliver = WSTOPSIG(status) == SIGTRAP ? 0 : WSTOPSIG(status);
            continue;
        }
        __ptrace_syscall_info info{};
        if (::ptrace(PTRACE_GET_SYSCALL_INFO, pid, reinterpret_cast<void *>(sizeof info), &info) <= 0)
            continue;
        if (info.op != PTRACE_SYSCALL_INFO_ENTRY || !isKillPoint(pid, info, databasePath))
            continue;
        if (count == killAt) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            run.killed = true;
            break;
        }
        ++count;
    }
    if (points)
        *points = count;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = readAll(outPath);
    run.err = readAll(errPath);
    return run;
}

// Starts branchctl and kills it `delayMs` after the start unless it ended before.
Run runKilledAfter(const QStringList &args, const QByteArray &input, int delayMs)
{
    QProcess p;
    p.setProcessEnvironment(cliEnv());
    p.start(branchctl(), args);
    Run run;
    if (!p.waitForStarted(30000))
        return run;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(delayMs) && p.state() == QProcess::Running) {
        ::kill(pid_t(p.processId()), SIGKILL);
        run.killed = true;
    }
    p.waitForFinished(120000);
    run.killed = run.killed && p.exitStatus() == QProcess::CrashExit;
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

// What the checks read from a database.
struct DbState {
    QString integrity;
    int mismatches = -1; // travelling rows whose version is not their last outbox entry's
    QMap<QString, int> counts;
    QByteArray dump;
};

} // namespace

class TestKilledActions : public QObject
{
    Q_OBJECT

    Workspace ws;
    smstest::FakeSmsGateway m_gateway; // recover start sends its code here
    QString m_db;
    QStringList m_tables;
    qint64 m_clock = 0; // seconds after kT0 of the next command
    int m_nextWaiting = 0, m_nextNewcomer = 0, m_iteration = 0;
    int m_notApplied = 0, m_appliedSilently = 0, m_appliedAndPrinted = 0;

    QString now() { return iso(kT0.addSecs(m_clock)); }

    DbState stateOf(const QString &db)
    {
        DbState s;
        QString sql = u"PRAGMA integrity_check;\n"_s
                      u"SELECT 'mismatches', count(*) FROM ("
                      u"SELECT 'accounts' AS t, id, version FROM accounts UNION ALL "
                      u"SELECT 'requests', id, version FROM requests UNION ALL "
                      // A recovery code's SMS stays at the branch: it has no outbox row.
                      u"SELECT 'sms_messages', id, version FROM sms_messages WHERE kind <> 'recovery_code' UNION ALL "
                      u"SELECT 'recoveries', id, version FROM recoveries) r "
                      u"WHERE r.version IS NOT (SELECT max(new_version) FROM outbox o "
                      u"WHERE o.table_name = r.t AND o.row_id = r.id);\n"_s;
        for (const QString &t : m_tables)
            sql += u"SELECT 'count', '%1', count(*) FROM \"%1\";\n"_s.arg(t);
        bool ok = false;
        const QList<QByteArray> lines = sqlite(db, sql, &ok).split('\n');
        if (!ok)
            return s;
        for (const QByteArray &line : lines) {
            const QList<QByteArray> f = line.split('|');
            if (f.size() == 1 && !line.isEmpty() && s.integrity.isEmpty())
                s.integrity = QString::fromUtf8(line);
            else if (f.size() == 2 && f.at(0) == "mismatches")
                s.mismatches = f.at(1).toInt();
            else if (f.size() == 3 && f.at(0) == "count")
                s.counts.insert(QString::fromUtf8(f.at(1)), f.at(2).toInt());
        }
        s.dump = sqlite(db, u".dump"_s);
        return s;
    }

    // The command of one action, its stdin, and (for a recovery's verification) the start
    // it needs first, run to its end.
    struct Command {
        QStringList args;
        QByteArray input;
    };
    std::optional<Command> command(const QString &action)
    {
        const int i = m_iteration++;
        m_clock += 600; // ten minutes a command: the hourly limit of recovery starts is never reached
        const QString person = activeCode(i % kActive);
        const QStringList at{u"--db"_s, m_db, u"--now"_s, now()};
        const QByteArray staff = kStaffPw.toUtf8() + '\n';
        if (action == "mobile change"_L1)
            return Command{at + QStringList{u"mobile"_s, u"change"_s, person, u"--mobile"_s,
                                            u"0935%1"_s.arg(i, 7, 10, QLatin1Char('0')), u"--staff"_s, u"clerk1"_s},
                           staff};
        if (action == "password reset"_L1)
            return Command{at + QStringList{u"password"_s, u"reset"_s, person, u"--staff"_s, u"clerk1"_s},
                           staff + json(QJsonObject{{u"password"_s, u"Counter#2025aSahraTorkaman"_s},
                                                    {u"password_confirm"_s, u"Counter#2025aSahraTorkaman"_s}})};
        if (action == "questions reset"_L1)
            return Command{at + QStringList{u"questions"_s, u"reset"_s, person, u"--staff"_s, u"clerk1"_s},
                           staff + json(QJsonObject{{u"security_questions"_s,
                                                     questions(u"سبز %1"_s.arg(i), u"شیراز"_s, u"بانک"_s)}})};
        if (action == "activation"_L1) {
            // The next person still waiting (one whose activation was killed waits on).
            while (m_nextWaiting < kWaiting && show(m_db, waitingCode(m_nextWaiting)).value(u"status"_s).toString() !=
                                                   "branch_activation_required"_L1)
                ++m_nextWaiting;
            if (m_nextWaiting >= kWaiting)
                return std::nullopt;
            return Command{at + QStringList{u"activate"_s, waitingCode(m_nextWaiting), u"--staff"_s, u"clerk1"_s,
                                            u"--documents"_s, u"national_card,birth_certificate"_s},
                           staff};
        }
        if (action == "recovery start"_L1)
            return Command{
                at + QStringList{u"recover"_s, u"start"_s, person, u"--method"_s, u"sms"_s, u"--staff"_s, u"clerk1"_s},
                staff};
        if (action == "recovery verify"_L1) {
            const CliResult started =
                ctlAs(m_db, u"clerk"_s, {u"--now"_s, now(), u"recover"_s, u"start"_s, person, u"--method"_s, u"sms"_s});
            const QString id = started.json().object().value(u"recovery_id").toString();
            const QString code = lastCode();
            if (started.exitCode != 0 || id.isEmpty() || code.size() != 6) {
                qWarning("recover start: %s", qPrintable(describe(started)));
                return std::nullopt;
            }
            return Command{QStringList{u"--db"_s, m_db, u"--now"_s, iso(kT0.addSecs(m_clock + 60)), u"recover"_s,
                                       u"verify"_s, id, u"--code"_s, code, u"--staff"_s, u"clerk1"_s},
                           staff};
        }
        if (action == "registration"_L1)
            return Command{at + QStringList{u"register"_s, u"-"_s, u"--staff"_s, u"clerk1"_s},
                           staff + json(validRequest(newcomerCode(m_nextNewcomer++),
                                                     u"09357%1"_s.arg(i, 6, 10, QLatin1Char('0'))))};
        qFatal("unknown action %s", qPrintable(action));
    }

    // The code the gateway received for the newest recovery, started just before (branchctl
    // keeps none).
    QString lastCode() { return lastRecoveryCode(m_gateway); }

    // The row counts the command gives when it runs to its end, on a copy of the database.
    QMap<QString, int> countsWhenDone(const Command &c)
    {
        const QString copy = ws.path(u"reference.db"_s);
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(copy + QLatin1String(suffix));
        for (const char *suffix : {"", "-wal"})
            if (QFile::exists(m_db + QLatin1String(suffix)))
                QFile::copy(m_db + QLatin1String(suffix), copy + QLatin1String(suffix));
        QStringList args = c.args;
        args[args.indexOf(m_db)] = copy;
        const CliResult r = branchtest::runCli(branchctl(), args, c.input, cliEnv());
        if (r.exitCode != 0 || !printedSuccess(r.out)) {
            qWarning("the reference run failed: %s", qPrintable(describe(r)));
            return {};
        }
        return stateOf(copy).counts;
    }

    enum class Outcome { Failed, NotApplied, Applied };

    // Runs `c` killed by `kill` on the database that held `before`, then checks it; `done`:
    // the row counts when `c` runs to its end. *after: what the database holds now; *killed:
    // whether the kill landed (else the command had ended).
    template <class Kill>
    Outcome killedRunLeavesWholeState(const Command &c, const DbState &before, const QMap<QString, int> &done,
                                      Kill &&kill, DbState *after, bool *killed)
    {
        const Run run = kill(c);
        *killed = run.killed;
        *after = stateOf(m_db);
        const QString context = u"%1\nkilled: %2, exit %3\nstdout: %4\nstderr: %5"_s.arg(
            c.args.join(u' '), run.killed ? u"yes"_s : u"no"_s, QString::number(run.exitCode),
            QString::fromUtf8(run.out), QString::fromUtf8(run.err));
        const auto fail = [&](const char *what) {
            QTest::qFail(qPrintable(u"%1\n%2"_s.arg(QLatin1String(what), context)), __FILE__, __LINE__);
            return Outcome::Failed;
        };
        if (after->integrity != "ok"_L1)
            return fail("integrity_check failed");
        const CliResult audit = ctl(m_db, {u"audit"_s, u"verify"_s});
        if (audit.exitCode != 0 || !audit.json().object().value(u"ok"_s).toBool())
            return fail("the audit chain does not verify");
        if (after->mismatches != 0)
            return fail("a travelling row and its outbox entries disagree (half an action)");
        const bool printed = printedSuccess(run.out);
        if (!run.killed && (run.exitCode != 0 || !printed))
            return fail("the command ran to its end but failed");
        if (after->counts == before.counts) {
            if (after->dump != before.dump)
                return fail("rows changed without their audit and outbox entries (half an action)");
            if (printed)
                return fail("success was printed, but the action is not in the database");
            ++m_notApplied;
            return Outcome::NotApplied;
        }
        if (after->counts != done)
            return fail("the database holds part of the action");
        ++(printed ? m_appliedAndPrinted : m_appliedSilently);
        return Outcome::Applied;
    }

    // A new command for `action`, the database's state before it and the row counts it
    // gives when it runs to its end (on a copy). False when there is none.
    bool nextCommand(const QString &action, std::optional<Command> *c, DbState *before, QMap<QString, int> *done)
    {
        *c = command(action);
        if (!*c)
            return false;
        *before = stateOf(m_db);
        *done = countsWhenDone(**c);
        return !done->isEmpty() && *done != before->counts;
    }

    static QStringList actions()
    {
        return {u"mobile change"_s,  u"password reset"_s,  u"questions reset"_s, u"activation"_s,
                u"recovery start"_s, u"recovery verify"_s, u"registration"_s};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(ws.isValid());
        if (sqlite3Path().isEmpty())
            QSKIP("the sqlite3 shell is needed to read the database after a kill");
        QVERIFY(m_gateway.isListening());
        useSmsGateway(&m_gateway);
        m_db = ws.newDb();
        QVERIFY(!m_db.isEmpty());
        QByteArray reg = kRegistryHeader, owners = "national_code,mobile\n";
        QJsonArray requests;
        for (int i = 0; i < kActive; ++i) {
            reg += (activeCode(i) + u",علی,رضایی,حسن,12345,1365/04/12,M\n"_s).toUtf8();
            owners += (activeCode(i) + u","_s + activeMobile(i) + u"\n"_s).toUtf8();
            requests.append(validRequest(activeCode(i), activeMobile(i)));
        }
        for (int i = 0; i < kWaiting; ++i) {
            reg += (waitingCode(i) + u",علی,رضایی,حسن,12345,1365/04/12,M\n"_s).toUtf8();
            requests.append(validRequest(waitingCode(i), u"0919%1"_s.arg(i, 7, 10, QLatin1Char('0'))));
        }
        const QString t = iso(kT0);
        const QList<CliResult> steps = {
            ctlAs(m_db, u"admin"_s, {u"--now"_s, t, u"user"_s, u"add"_s, u"clerk1"_s, u"--role"_s, u"clerk"_s},
                  kStaffPw.toUtf8() + '\n'),
            ctlAs(m_db, u"admin"_s, {u"--now"_s, t, u"import-registry"_s, ws.file(u"reg.csv"_s, reg)}),
            ctlAs(m_db, u"admin"_s, {u"--now"_s, t, u"import-mobile-owners"_s, ws.file(u"own.csv"_s, owners)}),
            ctlAs(m_db, u"clerk"_s, {u"--now"_s, t, u"register"_s, u"-"_s}, json(requests)),
            ctlAs(m_db, u"service"_s, {u"--now"_s, iso(kT0.addSecs(60)), u"verify"_s}),
        };
        for (const auto &s : steps)
            CLI_EXPECT(s, 0);
        m_clock = 120;
        const QByteArray names = sqlite(m_db, u"SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                                              u"'CREATE VIRTUAL%' ORDER BY name;"_s);
        for (const QByteArray &n : names.split('\n'))
            if (!n.isEmpty())
                m_tables << QString::fromUtf8(n);
        QVERIFY(m_tables.contains(u"outbox"_s));
        // The invariant holds on a database nobody killed anything in (so a mismatch later
        // is the kill's).
        const DbState s = stateOf(m_db);
        QCOMPARE(s.integrity, u"ok"_s);
        QCOMPARE(s.mismatches, 0);
    }

    void cleanupTestCase()
    {
        qInfo("kills that left the action out: %d; done but not printed: %d; done and printed: %d", m_notApplied,
              m_appliedSilently, m_appliedAndPrinted);
    }

    // The kill at every file-changing syscall of the action, one run per syscall.
    void killedAtEverySyscall_data()
    {
        QTest::addColumn<QString>("action");
        for (const QString &a : actions())
            QTest::newRow(qPrintable(a)) << a;
    }
    void killedAtEverySyscall()
    {
        QFETCH(QString, action);
        const int notAppliedBefore = m_notApplied, appliedBefore = m_appliedSilently + m_appliedAndPrinted;
        int points = -1;
        std::optional<Command> c;
        DbState before;
        QMap<QString, int> done;
        for (int point = 0;; ++point) {
            QVERIFY2(point < 2000, "the command never ran to its end");
            // The same command again while a kill left it out (the database is as it was);
            // a new one once it is done.
            if (!c)
                QVERIFY2(nextCommand(action, &c, &before, &done), "no command, or it changes nothing");
            std::optional<Run> traced;
            DbState after;
            bool killed = false;
            const Outcome outcome = killedRunLeavesWholeState(
                *c, before, done,
                [&](const Command &cmd) {
                    traced = runKilledAtSyscall(ws.path(QString()), m_db, cmd.args, cmd.input, point, &points);
                    return traced.value_or(Run{});
                },
                &after, &killed);
            if (!traced)
                QSKIP("this system does not let the test trace a child process (ptrace)");
            QVERIFY(outcome != Outcome::Failed);
            if (!killed)
                break; // ran to its end: every point was hit
            if (outcome == Outcome::Applied)
                c.reset();
            else
                before = after;
        }
        qInfo("%s: killed at each of %d syscalls that change the database or print", qPrintable(action), points);
        // Both sides of the commit were hit: kills that left the action out, kills after it.
        QVERIFY(m_notApplied > notAppliedBefore);
        QVERIFY(m_appliedSilently + m_appliedAndPrinted > appliedBefore);
    }

    // The kill after a delay from the start.
    void killedAfterDelay_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("delayMs");
        for (const QString &a : actions())
            for (int ms : {0, 2, 5, 10, 20, 35, 50, 80})
                QTest::addRow("%s, %d ms", qPrintable(a), ms) << a << ms;
    }
    void killedAfterDelay()
    {
        QFETCH(QString, action);
        QFETCH(int, delayMs);
        std::optional<Command> c;
        DbState before, after;
        QMap<QString, int> done;
        QVERIFY2(nextCommand(action, &c, &before, &done), "no command, or it changes nothing");
        bool killed = false;
        const Outcome outcome = killedRunLeavesWholeState(
            *c, before, done, [&](const Command &cmd) { return runKilledAfter(cmd.args, cmd.input, delayMs); }, &after,
            &killed);
        QVERIFY(outcome != Outcome::Failed);
    }
};

QTEST_GUILESS_MAIN(TestKilledActions)
#include "TestKilledActions.moc"
