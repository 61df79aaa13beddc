// A counter action that cannot be written fails with a clear message and leaves nothing
// half-written, and the next action works once the disk does. The kinds of fault, each
// with the table of counter actions (the desk's session forms of the services):
// - a full disk: the database on a small tmpfs filled up with a file (ENOSPC) →
//   database.full; after the file is removed, the same action succeeds;
// - I/O errors injected by a test-only SQLite VFS (tests/support/FaultyVfs.h) in the WAL's
//   writes (the first one, or one after some frames are written) and in reads after a fresh
//   open → database.io_error;
// - a WAL sync that fails at the commit (the frames are all written, the commit frame too):
//   refused, and the files as a crash would leave them, opened anew, do not hold it either;
// - the disk going read-only under the running connection (ext4 on a loop device forced
//   read-only, as the kernel does after disk errors) → database.io_error; and a database
//   found on a read-only disk at start → database.read_only.
// Each time: integrity_check ok, audit chain ok, every row as it was before (read through a
// connection of its own), and after the fault is lifted the action is done and is still
// there after the database is opened again.
#include "app/lifecycle/Admin.h"
#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Recovery.h"
#include "app/lifecycle/Staff.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"
#include "db/SmsRepository.h"

#include "tests/support/CapturingSmsSender.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/DiskFaults.h"
#include "tests/support/FaultyVfs.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;
namespace disk = branchtest::disk;
namespace vfs = branchtest::faultyvfs;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QDateTime kAction = kT0.addSecs(3600);
const StaffSession kClerk{u"sara"_s, u"clerk"_s};

// A valid national code from nine digits (the check digit appended).
QString withCheckDigit(const QString &nine)
{
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += nine.at(i).digitValue() * (10 - i);
    const int r = sum % 11;
    return nine + QString::number(r < 2 ? r : 11 - r);
}

// The counter actions of the tables.
QStringList counterActions()
{
    return {u"mobile change"_s,
            u"password reset"_s,
            u"questions reset"_s,
            u"activation"_s,
            u"refusal"_s,
            u"recovery start"_s,
            u"recovery verify"_s,
            u"recovery wrong code"_s,
            u"recovery at branch"_s,
            u"registration"_s};
}

struct Result {
    bool ok = false;
    QString code;
    QString message;
};

template <class T>
Result resultOf(const Outcome<T> &o)
{
    if (o.ok())
        return {true, {}, {}};
    const auto &v = o.failure.violations;
    return {false, v.isEmpty() ? QString() : v.first().code, o.failure.message()};
}

// One branch database with what every action of the table needs: the administrator and a
// clerk, A (an active account), B (waiting for activation at the branch) and C (an active
// account with a recovery by SMS started, its code known).
class Branch
{
public:
    QString path;
    std::unique_ptr<db::Database> db;
    std::unique_ptr<Context> ctx;
    QString a = withCheckDigit(u"006123401"_s), b = withCheckDigit(u"006123402"_s), c = withCheckDigit(u"006123403"_s),
            newcomer = withCheckDigit(u"006123404"_s);
    QString recoveryId, recoveryCode;
    test::CapturingSmsSender sender; // the recovery codes, as the phone gets them

    QString open()
    {
        ctx.reset();
        db.reset();
        db::DbError err;
        db = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
        if (!db)
            return u"open: "_s + err.detail;
        ctx = std::make_unique<Context>(Context{*db, u"1001"_s});
        return {};
    }

    void close()
    {
        ctx.reset();
        db.reset();
    }

    // Empty on success, else what went wrong.
    QString prepare()
    {
        if (const QString e = open(); !e.isEmpty())
            return e;
        try {
            db::setMetaValue(*db, u"branch_code"_s, u"1001"_s);
        } catch (const db::DbException &e) {
            return e.error().detail;
        }
        if (!addStaff(*ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok() ||
            !addStaff(*ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok())
            return u"staff"_s;
        for (const QString &code : {a, c}) {
            const QString e = test::activatedAccount(
                *ctx, test::sampleRegistration(code, u"0912555%1"_s.arg(code.mid(6, 4)), u"مریم"_s, u"کاظمی"_s), kT0);
            if (!e.isEmpty())
                return e;
        }
        // B: the registry knows them, their mobile is nobody's → branch activation.
        const RegistrationInput in = test::sampleRegistration(b, u"09125559999"_s);
        db::upsertRegistryPerson(*db,
                                 {b, in.firstName, in.lastName, u"حسن"_s, normalizeName(in.firstName),
                                  normalizeName(in.lastName), normalizeName(u"حسن"_s), in.birthCertNo,
                                  QDate(1986, 7, 3), in.gender},
                                 kT0);
        if (!submitRegistration(*ctx, in, kT0).ok() || !verifyPending(*ctx, kT0.addSecs(60)).ok())
            return u"B's request"_s;
        if (db::findCurrentRequest(*db, b)->status != RequestStatus::BranchActivationRequired)
            return u"B is not waiting for the branch"_s;
        auto started = startRecoveryAtCounter(*ctx, c, u"sms"_s, kClerk, kT0.addSecs(120), &sender);
        if (!started.ok())
            return started.failure.message();
        recoveryId = started.value->recoveryId;
        recoveryCode = sender.lastCode();
        return recoveryCode.isEmpty() ? u"no recovery code in the SMS"_s : QString();
    }

    Result run(const QString &action)
    {
        const QString password = u"Tazeh#Ramz9"_s;
        if (action == "mobile change"_L1)
            return resultOf(changeMobile(*ctx, a, u"09357654321"_s, kClerk, kAction));
        if (action == "password reset"_L1)
            return resultOf(resetPasswordAtCounter(*ctx, a, kClerk, password, password, kAction));
        if (action == "questions reset"_L1)
            return resultOf(resetQuestionsAtCounter(
                *ctx, a, kClerk,
                {{u"favorite_color"_s, u"سبز"_s}, {u"birth_city"_s, u"شیراز"_s}, {u"first_workplace"_s, u"بانک"_s}},
                kAction));
        if (action == "activation"_L1)
            return resultOf(activateAtCounter(*ctx, b, kClerk, requiredActivationDocuments(), kAction));
        if (action == "refusal"_L1)
            return resultOf(refuseAtCounter(*ctx, b, kClerk, u"شناسنامه با درخواست همخوانی ندارد"_s, kAction));
        if (action == "recovery start"_L1)
            return resultOf(startRecoveryAtCounter(*ctx, a, u"sms"_s, kClerk, kAction, &sender));
        if (action == "recovery verify"_L1)
            return resultOf(verifyRecoveryCodeAtCounter(*ctx, recoveryId, recoveryCode, kClerk, kT0.addSecs(300)));
        if (action == "recovery wrong code"_L1) {
            const QString wrong = recoveryCode == "111111"_L1 ? u"222222"_s : u"111111"_s;
            return resultOf(verifyRecoveryCodeAtCounter(*ctx, recoveryId, wrong, kClerk, kT0.addSecs(300)));
        }
        if (action == "recovery at branch"_L1) {
            BranchRecoveryInput in;
            in.documents = requiredActivationDocuments();
            in.newPassword = true;
            in.password = in.passwordConfirm = password;
            return resultOf(recoverAtCounter(*ctx, a, in, kClerk, kAction));
        }
        if (action == "registration"_L1)
            return resultOf(
                registerAtCounter(*ctx, test::sampleRegistration(newcomer, u"09125550404"_s), kClerk, kAction));
        qFatal("unknown action %s", qPrintable(action));
    }

    // What the action gives once the disk works: done, or (a wrong code) a refusal that is
    // still remembered as a try.
    static QString codeWhenWritable(const QString &action)
    {
        return action == "recovery wrong code"_L1 ? u"recovery.code_wrong"_s : QString();
    }

    QString auditProblem()
    {
        auto check = verifyAudit(*ctx);
        if (!check.ok())
            return check.failure.message();
        return check.value->ok ? QString() : check.value->code;
    }
};

// Runs `shell` through /bin/sh; true when it exited 0.
bool sh(const QString &shell, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"/bin/sh"_s, {u"-c"_s, shell});
    const bool done = p.waitForFinished(60000);
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return done && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// The block device mounted at `dir` (/proc/self/mountinfo: field 5 is the mount point, the
// source follows the " - TYPE ").
QString deviceMountedAt(const QString &dir)
{
    QFile f(u"/proc/self/mountinfo"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray wanted = QFile::encodeName(QFileInfo(dir).canonicalFilePath());
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        const int dash = fields.indexOf("-");
        if (fields.size() > 4 && fields.at(4) == wanted && dash > 0 && dash + 2 < fields.size())
            return QString::fromLocal8Bit(fields.at(dash + 2));
    }
    return {};
}

} // namespace

// A check in a helper function: the calling test stops when it failed.
#define CHECKED(call)                                                                                                  \
    do {                                                                                                               \
        call;                                                                                                          \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

class TestDiskFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_disk;    // the small tmpfs, when mounted
    QString m_noMount; // why not
    int m_n = 0;

    QString newPath(const QString &folder) { return QDir(folder).filePath(u"branch%1.db"_s.arg(++m_n)); }

    static void removeDatabase(const QString &path)
    {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
    }

    // The checks after a refused action: the code and its message, a sound file holding
    // exactly `before`, an intact audit chain.
    static void checkRefusedCleanly(Branch &branch, const Result &r, const QString &code, db::DbError::Kind kind,
                                    const QString &before)
    {
        QVERIFY2(!r.ok, "the action was reported done");
        QCOMPARE(r.code, code);
        QCOMPARE(r.message, describeDbError({kind, {}}));
        QCOMPARE(disk::integrityOf(branch.path), u"ok"_s);
        QString error;
        const QString after = disk::contentOf(branch.path, &error);
        QVERIFY2(!after.isEmpty(), qPrintable(error));
        QVERIFY2(after == before, "the refused action changed the database");
    }

    // After the fault is lifted: the action is done (or refused by its rule, remembered),
    // the database changed, and it is all still there when the file is opened again.
    static void checkDoneOnceWritable(Branch &branch, const QString &action, const QString &before)
    {
        const Result again = branch.run(action);
        QVERIFY2(again.ok == Branch::codeWhenWritable(action).isEmpty(), qPrintable(again.message));
        QCOMPARE(again.code, Branch::codeWhenWritable(action));
        QVERIFY(branch.auditProblem().isEmpty());
        const QString done = disk::contentOf(branch.path);
        QVERIFY(!done.isEmpty());
        QVERIFY2(done != before, "the action after the fault changed nothing");
        branch.close();
        QCOMPARE(disk::integrityOf(branch.path), u"ok"_s);
        QVERIFY2(disk::contentOf(branch.path) == done, "the action was not in the file");
        QCOMPARE(branch.open(), QString());
        QVERIFY(branch.auditProblem().isEmpty());
    }

    static void addActionRows()
    {
        QTest::addColumn<QString>("action");
        for (const QString &a : counterActions())
            QTest::newRow(qPrintable(a)) << a;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(vfs::install());
        QVERIFY(vfs::isDefault());
        m_disk = m_dir.filePath(u"disk"_s);
        m_noMount = disk::mountTmpfs(m_disk, 16 * 1024 * 1024);
        if (!m_noMount.isEmpty())
            m_disk.clear();
    }

    void cleanupTestCase()
    {
        vfs::disarm();
        if (!m_disk.isEmpty())
            QVERIFY(disk::unmount(m_disk));
    }

    void cleanup()
    {
        vfs::disarm();
        if (!m_disk.isEmpty()) {
            disk::freeSpace(m_disk);
            disk::remount(m_disk, false);
        }
    }

    // The classification itself, for every I/O error code SQLite has (the extended ones
    // carry the primary code in their low byte).
    void classification_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("kind");
        using K = db::DbError::Kind;
        QTest::newRow("SQLITE_FULL") << SQLITE_FULL << int(K::Full);
        QTest::newRow("SQLITE_IOERR") << SQLITE_IOERR << int(K::IoError);
        QTest::newRow("SQLITE_IOERR_READ") << SQLITE_IOERR_READ << int(K::IoError);
        QTest::newRow("SQLITE_IOERR_WRITE") << SQLITE_IOERR_WRITE << int(K::IoError);
        QTest::newRow("SQLITE_IOERR_FSYNC") << SQLITE_IOERR_FSYNC << int(K::IoError);
        QTest::newRow("SQLITE_IOERR_TRUNCATE") << SQLITE_IOERR_TRUNCATE << int(K::IoError);
        QTest::newRow("SQLITE_IOERR_SHMSIZE") << SQLITE_IOERR_SHMSIZE << int(K::IoError);
        QTest::newRow("SQLITE_READONLY") << SQLITE_READONLY << int(K::ReadOnly);
        QTest::newRow("SQLITE_READONLY_DBMOVED") << SQLITE_READONLY_DBMOVED << int(K::ReadOnly);
    }
    void classification()
    {
        QFETCH(int, code);
        QFETCH(int, kind);
        const db::DbError e = db::Database::classify(
            QSqlError(u"driver"_s, u"database"_s, QSqlError::StatementError, QString::number(code)));
        QCOMPARE(int(e.kind), kind);
        const Failure f = Failure::environment(e);
        QCOMPARE(f.kind, Failure::Kind::Environment);
        QVERIFY(!f.message().isEmpty());
        const QHash<int, QString> codes = {{int(db::DbError::Kind::Full), u"database.full"_s},
                                           {int(db::DbError::Kind::IoError), u"database.io_error"_s},
                                           {int(db::DbError::Kind::ReadOnly), u"database.read_only"_s}};
        QCOMPARE(f.violations.first().code, codes.value(kind));
    }

    // A COMMIT that cannot be written (the WAL's frames are written there) throws, the
    // transaction is rolled back, and the connection takes the next one.
    void failingCommitRollsBack()
    {
        Branch branch;
        branch.path = newPath(m_dir.path());
        QCOMPARE(branch.open(), QString());
        {
            db::Transaction tx(*branch.db);
            db::setMetaValue(*branch.db, u"probe"_s, u"1"_s);
            vfs::arm({vfs::Op::Write, vfs::File::Wal, 0, SQLITE_IOERR_WRITE});
            bool thrown = false;
            try {
                tx.commit();
            } catch (const db::DbException &e) {
                thrown = true;
                QCOMPARE(e.error().kind, db::DbError::Kind::IoError);
            }
            QVERIFY(thrown);
            QVERIFY(vfs::hits() > 0);
            vfs::disarm();
        }
        QSqlQuery q(branch.db->connection());
        QVERIFY(q.exec(u"SELECT count(*) FROM meta WHERE key = 'probe'"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();
        {
            db::Transaction tx(*branch.db);
            db::setMetaValue(*branch.db, u"probe"_s, u"2"_s);
            tx.commit();
        }
        branch.close();
        QVERIFY(disk::contentOf(branch.path).contains(u"probe|2"_s));
    }

    void fullDisk_data() { addActionRows(); }
    void fullDisk()
    {
        QFETCH(QString, action);
        if (m_disk.isEmpty())
            QSKIP(qPrintable(m_noMount));
        Branch branch;
        branch.path = newPath(m_disk);
        QCOMPARE(branch.prepare(), QString());
        // The WAL is emptied first so that the action's first write needs new space: while
        // the WAL still has room from earlier transactions SQLite writes into it, and the
        // action simply succeeds.
        branch.db->execDirect(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        QCOMPARE(QFileInfo(branch.path + u"-wal"_s).size(), 0);
        const QString before = disk::contentOf(branch.path);
        QVERIFY(!before.isEmpty());
        QVERIFY(disk::fill(m_disk) > 0);

        const Result r = branch.run(action);
        CHECKED(checkRefusedCleanly(branch, r, u"database.full"_s, db::DbError::Kind::Full, before));
        // The desk's connection goes on: a second try on the full disk is refused the same way.
        const Result second = branch.run(action);
        CHECKED(checkRefusedCleanly(branch, second, u"database.full"_s, db::DbError::Kind::Full, before));

        QVERIFY(disk::freeSpace(m_disk));
        CHECKED(checkDoneOnceWritable(branch, action, before));
        branch.close();
        removeDatabase(branch.path);
    }

    void injectedIoError_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("op");
        QTest::addColumn<int>("file");
        QTest::addColumn<int>("skip");
        QTest::addColumn<int>("sqliteCode");
        QTest::addColumn<bool>("reopen");
        QTest::addColumn<QString>("code");
        struct Fault {
            const char *name;
            vfs::Op op;
            vfs::File file;
            int skip, sqliteCode;
            bool reopen;
            const char *code;
        };
        const Fault faults[] = {
            {"first WAL write", vfs::Op::Write, vfs::File::Wal, 0, SQLITE_IOERR_WRITE, false, "database.io_error"},
            {"third WAL write (frames already written)", vfs::Op::Write, vfs::File::Wal, 2, SQLITE_IOERR_WRITE, false,
             "database.io_error"},
            {"read after a fresh open", vfs::Op::Read, vfs::File::AnyFile, 0, SQLITE_IOERR_READ, true,
             "database.io_error"},
            {"fourth read after a fresh open", vfs::Op::Read, vfs::File::AnyFile, 3, SQLITE_IOERR_READ, true,
             "database.io_error"},
            {"WAL write says disk full", vfs::Op::Write, vfs::File::Wal, 0, SQLITE_FULL, false, "database.full"},
        };
        for (const Fault &f : faults)
            for (const QString &a : counterActions())
                QTest::addRow("%s, %s", qPrintable(a), f.name)
                    << a << int(f.op) << int(f.file) << f.skip << f.sqliteCode << f.reopen
                    << QString::fromLatin1(f.code);
    }
    void injectedIoError()
    {
        QFETCH(QString, action);
        QFETCH(int, op);
        QFETCH(int, file);
        QFETCH(int, skip);
        QFETCH(int, sqliteCode);
        QFETCH(bool, reopen);
        QFETCH(QString, code);
        Branch branch;
        branch.path = newPath(m_dir.path());
        QCOMPARE(branch.prepare(), QString());
        const QString before = disk::contentOf(branch.path);
        QVERIFY(!before.isEmpty());
        if (reopen) // a desk started anew: the pages the action reads come from the disk
            QCOMPARE(branch.open(), QString());

        vfs::arm({vfs::Op(op), vfs::File(file), skip, sqliteCode});
        const Result r = branch.run(action);
        const int hits = vfs::hits();
        vfs::disarm();
        QVERIFY2(hits > 0, "the fault was never reached");
        CHECKED(checkRefusedCleanly(branch, r, code,
                                    code == "database.full"_L1 ? db::DbError::Kind::Full : db::DbError::Kind::IoError,
                                    before));
        CHECKED(checkDoneOnceWritable(branch, action, before));
        branch.close();
        removeDatabase(branch.path);
    }

    // A commit whose WAL sync fails (synchronous = FULL syncs the WAL at every commit) is
    // refused, and the frames it wrote are not taken for a commit later: not by this
    // connection, and not by the next start after a crash (the files as they are now, the
    // WAL recovered from the file by a new connection).
    void failedSyncIsNotReplayedAfterACrash_data() { addActionRows(); }
    void failedSyncIsNotReplayedAfterACrash()
    {
        QFETCH(QString, action);
        Branch branch;
        branch.path = newPath(m_dir.path());
        QCOMPARE(branch.prepare(), QString());
        const QString before = disk::contentOf(branch.path);
        vfs::arm({vfs::Op::Sync, vfs::File::Wal, 0, SQLITE_IOERR_FSYNC});
        const Result r = branch.run(action);
        const int hits = vfs::hits();
        vfs::disarm();
        QVERIFY2(hits > 0, "the fault was never reached");
        CHECKED(checkRefusedCleanly(branch, r, u"database.io_error"_s, db::DbError::Kind::IoError, before));
        // The crash: the files copied as they are (by another process: a descriptor of the
        // database opened and closed here would drop this process's SQLite locks), opened anew.
        const QString crashed = newPath(m_dir.path());
        for (const QString &suffix : {u""_s, u"-wal"_s})
            QVERIFY(sh(u"cp '%1' '%2'"_s.arg(branch.path + suffix, crashed + suffix)));
        QCOMPARE(disk::integrityOf(crashed), u"ok"_s);
        QVERIFY2(disk::contentOf(crashed) == before, "the refused action came back after a crash");
        removeDatabase(crashed);
        CHECKED(checkDoneOnceWritable(branch, action, before));
        branch.close();
        removeDatabase(branch.path);
    }

    // The disk goes read-only while the desk has the database open (ext4 on a loop device,
    // forced read-only as the kernel does after a disk error: Linux refuses a read-only
    // remount while files are open for writing, so a tmpfs cannot show this). SQLite sees
    // EROFS on its write: an I/O error whose message names the read-only case. Once the
    // disk is mounted again, the database is whole and the action works.
    void diskGoesReadOnly_data()
    {
        QTest::addColumn<QString>("action");
        for (const char *a : {"mobile change", "activation", "recovery start", "registration"})
            QTest::newRow(a) << QString::fromLatin1(a);
    }
    void diskGoesReadOnly()
    {
        QFETCH(QString, action);
        if (::geteuid() != 0 || qEnvironmentVariable(disk::kNamespaceVariable) == "user"_L1)
            QSKIP("a loop device needs root");
        const QString image = m_dir.filePath(u"ext4-%1.img"_s.arg(++m_n));
        const QString mountPoint = m_dir.filePath(u"ext4-%1"_s.arg(m_n));
        QVERIFY(QDir().mkpath(mountPoint));
        QString out;
        if (!sh(u"truncate -s 32M '%1' && mkfs.ext4 -q -F '%1'"_s.arg(image), &out))
            QSKIP(qPrintable(u"mkfs.ext4: "_s + out));
        const QString mount = u"mount -o loop,errors=remount-ro '%1' '%2'"_s.arg(image, mountPoint);
        if (!sh(mount, &out))
            QSKIP(qPrintable(u"no loop device: "_s + out));
        const auto unmountLater = qScopeGuard([&] { sh(u"umount '%1'"_s.arg(mountPoint)); });
        const QString device = QFileInfo(deviceMountedAt(mountPoint)).fileName();
        QVERIFY2(device.startsWith("loop"_L1), qPrintable(device));
        const QString trigger = u"/sys/fs/ext4/%1/trigger_fs_error"_s.arg(device);
        if (!QFileInfo::exists(trigger))
            QSKIP("this kernel has no ext4 trigger_fs_error");

        Branch branch;
        branch.path = QDir(mountPoint).filePath(u"branch.db"_s);
        QCOMPARE(branch.prepare(), QString());
        const QString before = disk::contentOf(branch.path);
        QVERIFY(!before.isEmpty());
        QVERIFY(sh(u"echo 1 > %1"_s.arg(trigger)));
        // (Linux 6.x marks it "emergency_ro": access() still says writable, writes get EROFS.)
        QFile probe(QDir(mountPoint).filePath(u"probe"_s));
        QVERIFY2(!probe.open(QIODevice::WriteOnly), "the file system did not go read-only");

        const Result r = branch.run(action);
        CHECKED(checkRefusedCleanly(branch, r, u"database.io_error"_s, db::DbError::Kind::IoError, before));
        // The disk is repaired and mounted again; the desk starts again.
        branch.close();
        QVERIFY(sh(u"umount '%1'"_s.arg(mountPoint)));
        QVERIFY(sh(u"e2fsck -fy '%1' >/dev/null 2>&1; test $? -le 1"_s.arg(image), &out));
        QVERIFY2(sh(mount, &out), qPrintable(out));
        QCOMPARE(disk::integrityOf(branch.path), u"ok"_s);
        QVERIFY2(disk::contentOf(branch.path) == before, "the database changed");
        QCOMPARE(branch.open(), QString());
        CHECKED(checkDoneOnceWritable(branch, action, before));
        branch.close();
    }

    // A database on a disk that is read-only when the desk (or branchctl) starts: refused at
    // open with database.read_only and its message; nothing is written.
    void readOnlyAtStart()
    {
        if (m_disk.isEmpty())
            QSKIP(qPrintable(m_noMount));
        Branch branch;
        branch.path = newPath(m_disk);
        QCOMPARE(branch.prepare(), QString());
        branch.close();
        const QString before = disk::contentOf(branch.path);
        QCOMPARE(disk::remount(m_disk, true), QString());
        db::DbError err;
        QVERIFY(!db::Database::open(branch.path, db::Database::OpenMode::MustExist, &err));
        QCOMPARE(err.kind, db::DbError::Kind::ReadOnly);
        const Failure f = Failure::environment(err);
        QCOMPARE(f.violations.first().code, u"database.read_only"_s);
        QCOMPARE(f.message(), describeDbError(err));
        QCOMPARE(disk::integrityOf(branch.path), u"ok"_s);
        QVERIFY(disk::contentOf(branch.path) == before);
        QCOMPARE(disk::remount(m_disk, false), QString());
        QCOMPARE(branch.open(), QString());
        CHECKED(checkDoneOnceWritable(branch, u"mobile change"_s, before));
        branch.close();
        removeDatabase(branch.path);
    }
};

int main(int argc, char **argv)
{
    disk::enterMountNamespace(argc, argv);
    QCoreApplication app(argc, argv);
    TestDiskFaults test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestDiskFaults.moc"
