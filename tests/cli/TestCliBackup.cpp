// Keeping the branch's work from the command line (issue 15): `backup` (a checked online
// copy, private files, the policy of what is kept), `backup list`, `status`, and
// `restore` (every check that refuses a backup, the database kept aside, what was done
// after the backup named), all through the real branchctl on real SQLite files; a
// backup killed at varied moments leaves the database and the earlier backups sound.
#include "CliTestUtil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

const QString kClerkPw = u"Clerk#2024xKuhSabalan"_s;
const QDateTime kT0 = QDateTime(QDate(2026, 11, 20), QTime(6, 0), Qt::UTC);

QString at(qint64 seconds)
{
    return iso(kT0.addSecs(seconds));
}

int mode(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

QString integrity(const QString &file)
{
    return QString::fromUtf8(sqlite(file, u"PRAGMA integrity_check;"_s)).trimmed();
}

// A branch in a folder of its own: data/branch.db with an administrator, a clerk and
// one person with an active account (kAli).
struct Branch {
    QTemporaryDir dir;
    QString db, backups;
    QString branchCode = u"1234"_s;

    bool make(const QString &code = u"1234"_s, int demoPersons = 0)
    {
        branchCode = code;
        if (!dir.isValid())
            return false;
        db = dir.filePath(u"data/branch.db"_s);
        backups = dir.filePath(u"data/backups"_s);
        QDir().mkpath(dir.filePath(u"data"_s));
        QByteArray reg = kRegistryHeader;
        reg += u"0012345679,علی,رضایی,حسن,12345,1365/04/12,M\n"_s.toUtf8();
        const QString regFile = dir.filePath(u"reg.csv"_s), ownFile = dir.filePath(u"own.csv"_s);
        branchtest::writeFile(regFile, reg);
        branchtest::writeFile(ownFile, "national_code,mobile\n0012345679,09121234567\n");
        QList<CliResult> steps = {ctl(db, {u"--now"_s, at(-7200), u"init"_s, u"--branch"_s, code})};
        // Demo data goes only into a database without staff: before the accounts.
        if (demoPersons > 0)
            steps << ctl(db, {u"demo-data"_s, u"--persons"_s, QString::number(demoPersons), u"--seed"_s, u"3"_s});
        steps += {
            addAdministrator(db, {u"--now"_s, at(-7200)}),
            addTestStaff(db, {u"--now"_s, at(-7200)}),
            ctlAs(db, u"admin"_s, {u"--now"_s, at(-7200), u"user"_s, u"add"_s, u"clerk1"_s, u"--role"_s, u"clerk"_s},
                  kClerkPw.toUtf8() + '\n'),
            ctlAs(db, u"admin"_s, {u"--now"_s, at(-7200), u"import-registry"_s, regFile}),
            ctlAs(db, u"admin"_s, {u"--now"_s, at(-7200), u"import-mobile-owners"_s, ownFile}),
            ctlAs(db, u"clerk"_s, {u"--now"_s, at(-3600), u"register"_s, u"-"_s}, json(QJsonArray{validRequest()})),
            ctlAs(db, u"service"_s, {u"--now"_s, at(-3000), u"verify"_s}),
        };
        for (const auto &s : steps)
            if (s.exitCode != 0) {
                qWarning("setup failed: %s", qPrintable(describe(s)));
                return false;
            }
        return true;
    }

    CliResult backup(qint64 when, const QStringList &extra = {}, const QString &login = u"clerk1"_s,
                     const QString &pw = kClerkPw, const QProcessEnvironment &env = cliEnv()) const
    {
        return ctl(db, QStringList{u"--now"_s, at(when), u"backup"_s, u"--staff"_s, login} + extra, pw.toUtf8() + '\n',
                   env);
    }
    CliResult restore(const QString &file, const QString &login = u"admin"_s, const QString &pw = kAdminPw) const
    {
        return ctl(db, {u"--now"_s, at(100000), u"restore"_s, file, u"--staff"_s, login}, pw.toUtf8() + '\n');
    }
    CliResult changeMobile(qint64 when, const QString &mobile) const
    {
        return ctl(db,
                   {u"--now"_s, at(when), u"mobile"_s, u"change"_s, u"0012345679"_s, u"--mobile"_s, mobile,
                    u"--staff"_s, u"clerk1"_s},
                   kClerkPw.toUtf8() + '\n');
    }
    QString mobile() const { return show(db, u"0012345679"_s).value(u"mobile"_s).toString(); }
    QStringList files() const
    {
        QStringList out;
        for (const auto &v : ctl(db, {u"backup"_s, u"list"_s}).json().array())
            out << QFileInfo(v.toObject().value(u"file"_s).toString()).fileName();
        return out;
    }
};

} // namespace

class TestCliBackup : public QObject
{
    Q_OBJECT
private slots:
    void backupIsCheckedAndPrivate();
    void backupNeedsStaff_data();
    void backupNeedsStaff();
    void keepsTheNewestAndOnePerDay();
    void statusSaysWhatHasNotLeft();
    void restoreRefuses_data();
    void restoreRefuses();
    void restorePutsTheBackupInPlace();
    void restoreOverAMissingOrDamagedDatabase_data();
    void restoreOverAMissingOrDamagedDatabase();
    void killedBackupLeavesEverythingSound_data();
    void killedBackupLeavesEverythingSound();
};

void TestCliBackup::backupIsCheckedAndPrivate()
{
    Branch b;
    QVERIFY(b.make());
    const auto r = b.backup(0);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QJsonObject o = r.json().object();
    const QString file = o.value(u"file"_s).toString();
    QCOMPARE(QFileInfo(file).absolutePath(), QFileInfo(b.backups).absoluteFilePath());
    QCOMPARE(QFileInfo(file).fileName(), u"branchdesk-1234-20261120T060000Z.db"_s);
    QCOMPARE(o.value(u"bytes"_s).toInteger(), QFileInfo(file).size());
    QVERIFY(o.value(u"same_disk"_s).toBool()); // beside the database
    QVERIFY2(r.errText().contains(u"same disk"_s) || r.errText().contains(u"دیسک"_s), qPrintable(r.errText()));
    QCOMPARE(mode(file), 0600);
    QCOMPARE(mode(b.backups), 0700);
    QCOMPARE(integrity(file), u"ok"_s);
    // A single file: no WAL or journal beside it, nothing else left in the folder.
    QCOMPARE(QDir(b.backups).entryList(QDir::Files | QDir::Hidden), QStringList{QFileInfo(file).fileName()});
    QCOMPARE(QString::fromUtf8(sqlite(file, u"PRAGMA journal_mode;"_s)).trimmed(), u"delete"_s);
    // The copy holds the person and the staff of the database.
    QCOMPARE(QString::fromUtf8(sqlite(file, u"SELECT mobile FROM accounts;"_s)).trimmed(), u"09121234567"_s);
    QCOMPARE(QString::fromUtf8(sqlite(file, u"SELECT count(*) FROM staff;"_s)).trimmed(),
             u"6"_s); // testStaff() + clerk1
    // Audited in the database, by the staff member who asked.
    const QString audit = QString::fromUtf8(
        sqlite(b.db, u"SELECT actor || ' ' || action FROM audit_log WHERE action = 'database.backup';"_s));
    QCOMPARE(audit.trimmed(), u"clerk1 database.backup"_s);
    // --to another folder; two backups in the same second get two names.
    const QString usb = b.dir.filePath(u"usb"_s);
    const auto r1 = b.backup(60, {u"--to"_s, usb});
    const auto r2 = b.backup(60, {u"--to"_s, usb});
    QVERIFY2(r1.exitCode == 0 && r2.exitCode == 0, qPrintable(describe(r2)));
    QCOMPARE(QDir(usb).entryList(QDir::Files, QDir::Name),
             (QStringList{u"branchdesk-1234-20261120T060100Z-2.db"_s, u"branchdesk-1234-20261120T060100Z.db"_s}));
    const auto listed = ctl(b.db, {u"backup"_s, u"list"_s, u"--to"_s, usb});
    QCOMPARE(listed.json().array().size(), 2);
    QCOMPARE(listed.json().array().at(0).toObject().value(u"branch_code"_s).toString(), u"1234"_s);
}

void TestCliBackup::backupNeedsStaff_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::newRow("no --staff") << QStringList{u"backup"_s} << QByteArray() << 2 << QString();
    QTest::newRow("wrong password") << QStringList{u"backup"_s, u"--staff"_s, u"clerk1"_s} << QByteArray("nope\n") << 1
                                    << u"staff.wrong_password"_s;
    QTest::newRow("unknown login") << QStringList{u"backup"_s, u"--staff"_s, u"mallory"_s} << kClerkPw.toUtf8() + '\n'
                                   << 1 << u"staff.wrong_password"_s;
    QTest::newRow("folder is a file") << QStringList{u"backup"_s, u"--staff"_s, u"clerk1"_s, u"--to"_s, u"FILE"_s}
                                      << kClerkPw.toUtf8() + '\n'
                                      << 3 << u"backup.folder_unwritable"_s;
}

void TestCliBackup::backupNeedsStaff()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    Branch b;
    QVERIFY(b.make());
    const QString aFile = b.dir.filePath(u"a-file"_s);
    branchtest::writeFile(aFile, "x");
    args.replaceInStrings(u"FILE"_s, aFile);
    const auto r = ctl(b.db, args, input);
    QVERIFY2(r.exitCode == exitCode, qPrintable(describe(r)));
    if (!code.isEmpty())
        QVERIFY2(codesOf(r.json().object()).contains(code), qPrintable(describe(r)));
    QVERIFY(!QFileInfo::exists(b.backups) || QDir(b.backups).isEmpty());
}

// backup/keep 3 and backup/dailyDays 3: the three newest, and the newest of each of the
// last three days (local time: the test runs in UTC).
void TestCliBackup::keepsTheNewestAndOnePerDay()
{
    Branch b;
    QVERIFY(b.make());
    QProcessEnvironment env = cliEnv();
    env.insert(u"BRANCHDESK_BACKUP_KEEP"_s, u"3"_s);
    env.insert(u"BRANCHDESK_BACKUP_DAILY_DAYS"_s, u"3"_s);
    env.insert(u"TZ"_s, u"UTC"_s);
    // Four days, two to four backups a day (hours after kT0 = 06:00 UTC on 20 November).
    const QList<int> hours{0, 2, 4, 24, 26, 48, 50, 52, 54, 72, 73};
    for (int h : hours) {
        const auto r = b.backup(qint64(h) * 3600, {}, u"clerk1"_s, kClerkPw, env);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }
    // Newest three: 23rd 07:00, 23rd 06:00, 22nd 12:00; the newest of the 21st (08:00) and
    // of the 22nd (12:00, kept already); the 20th is more than two days before the 23rd.
    QCOMPARE(b.files(),
             (QStringList{u"branchdesk-1234-20261123T070000Z.db"_s, u"branchdesk-1234-20261123T060000Z.db"_s,
                          u"branchdesk-1234-20261122T120000Z.db"_s, u"branchdesk-1234-20261121T080000Z.db"_s}));
    // Other files in the folder are never touched.
    branchtest::writeFile(b.backups + u"/notes.txt"_s, "mine");
    branchtest::writeFile(b.backups + u"/branchdesk-9999-20200101T000000Z.db"_s, "another branch's");
    QCOMPARE(b.backup(80 * 3600, {}, u"clerk1"_s, kClerkPw, env).exitCode, 0);
    QVERIFY(QFileInfo::exists(b.backups + u"/notes.txt"_s));
    QVERIFY(QFileInfo::exists(b.backups + u"/branchdesk-9999-20200101T000000Z.db"_s));
}

void TestCliBackup::statusSaysWhatHasNotLeft()
{
    Branch b;
    QVERIFY(b.make());
    QProcessEnvironment env = cliEnv();
    env.insert(u"BRANCHDESK_UNSENT_WARN_HOURS"_s, u"8"_s); // the default, whatever the test run sets
    auto s = ctl(b.db, {u"--now"_s, at(0), u"status"_s}, {}, env);
    QVERIFY2(s.exitCode == 0, qPrintable(describe(s)));
    QJsonObject o = s.json().object();
    // Registration, verification, activation: all waiting, nothing synced or backed up.
    QVERIFY(o.value(u"waiting"_s).toInteger() > 0);
    QCOMPARE(QDateTime::fromString(o.value(u"oldest_waiting_at"_s).toString(), Qt::ISODateWithMs), kT0.addSecs(-3600));
    QVERIFY(o.value(u"last_sync"_s).isNull());
    QVERIFY(o.value(u"last_backup"_s).isNull());
    QCOMPARE(o.value(u"waiting_too_long"_s).toBool(), false);
    QCOMPARE(b.backup(60).exitCode, 0);
    s = ctl(b.db, {u"--now"_s, at(9 * 3600), u"status"_s}, {}, env);
    o = s.json().object();
    QCOMPARE(QDateTime::fromString(o.value(u"last_backup"_s).toString(), Qt::ISODateWithMs), kT0.addSecs(60));
    QVERIFY(o.value(u"last_backup_file"_s).toString().endsWith(u"branchdesk-1234-20261120T060100Z.db"_s));
    QCOMPARE(o.value(u"waiting_too_long"_s).toBool(), true); // ten hours > 8
    for (const QString &key : {u"waiting"_s, u"oldest_waiting_at"_s, u"last_sync"_s, u"last_backup"_s})
        QVERIFY2(o.contains(key), qPrintable(key));
}

void TestCliBackup::restoreRefuses_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::newRow("no such file") << u"missing"_s << 1 << u"restore.no_file"_s;
    QTest::newRow("random bytes") << u"garbage"_s << 1 << u"restore.not_a_backup"_s;
    QTest::newRow("cut in half") << u"truncated"_s << 1 << u"restore.not_a_backup"_s;
    QTest::newRow("another SQLite file") << u"foreign"_s << 1 << u"restore.not_a_backup"_s;
    QTest::newRow("a newer schema") << u"newer"_s << 1 << u"restore.newer_schema"_s;
    QTest::newRow("another branch's") << u"other branch"_s << 1 << u"restore.other_branch"_s;
    QTest::newRow("audit log edited") << u"audit edited"_s << 1 << u"restore.audit_broken"_s;
    QTest::newRow("a clerk") << u"clerk"_s << 1 << u"staff.not_allowed"_s;
    QTest::newRow("wrong password") << u"wrong password"_s << 1 << u"staff.wrong_password"_s;
    QTest::newRow("the database itself") << u"itself"_s << 1 << u"restore.same_file"_s;
    QTest::newRow("database open elsewhere") << u"in use"_s << 3 << u"restore.in_use"_s;
}

void TestCliBackup::restoreRefuses()
{
    QFETCH(QString, how);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    Branch b;
    QVERIFY(b.make());
    const auto made = b.backup(0);
    QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    QString file = made.json().object().value(u"file"_s).toString();
    const QString copy = b.dir.filePath(u"copy.db"_s);
    QVERIFY(QFile::copy(file, copy));
    QString login = u"admin"_s, pw = kAdminPw;
    std::unique_ptr<QProcess> holder;
    if (how == u"missing"_s) {
        file = b.dir.filePath(u"nothing-here.db"_s);
    } else if (how == u"garbage"_s) {
        branchtest::writeFile(copy + u"2"_s, QByteArray(8192, '\x5a'));
        file = copy + u"2"_s;
    } else if (how == u"truncated"_s) {
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 2));
        f.close();
        file = copy;
    } else if (how == u"foreign"_s) {
        sqlite(copy + u"3"_s, u"CREATE TABLE notes (x); INSERT INTO notes VALUES (1);"_s);
        file = copy + u"3"_s;
    } else if (how == u"newer"_s) {
        sqlite(copy, u"PRAGMA user_version = 999;"_s);
        file = copy;
    } else if (how == u"other branch"_s) {
        sqlite(copy, u"UPDATE meta SET value = '9876' WHERE key = 'branch_code';"_s);
        file = copy;
    } else if (how == u"audit edited"_s) {
        sqlite(copy, u"UPDATE audit_log SET actor = 'someone' WHERE seq = (SELECT max(seq) FROM audit_log);"_s);
        file = copy;
    } else if (how == u"clerk"_s) {
        login = u"clerk1"_s;
        pw = kClerkPw;
    } else if (how == u"wrong password"_s) {
        pw = u"Not#The1Password"_s;
    } else if (how == u"itself"_s) {
        file = b.db;
    } else if (how == u"in use"_s) {
        // Another program holding the database open (a desk): the sqlite3 shell mid-session.
        holder = std::make_unique<QProcess>();
        holder->start(sqlite3Path(), {u"-batch"_s, b.db});
        QVERIFY(holder->waitForStarted());
        holder->write("SELECT count(*) FROM meta;\n");
        QVERIFY(holder->waitForReadyRead(10000));
    }
    const QByteArray before = dump(b.db);
    const QByteArray backupBefore = fileChecksum(made.json().object().value(u"file"_s).toString());
    const auto r = b.restore(file, login, pw);
    if (holder) {
        holder->closeWriteChannel();
        holder->waitForFinished();
    }
    QVERIFY2(r.exitCode == exitCode, qPrintable(describe(r)));
    QVERIFY2(codesOf(r.json().object()).contains(code), qPrintable(describe(r)));
    QVERIFY(!r.errText().trimmed().isEmpty());
    // Nothing changed: the database (a refused sign-in is audited, as every refusal is),
    // nothing kept aside, no restore copy left, the backup untouched.
    if (!code.startsWith(u"staff."_s))
        QCOMPARE(dump(b.db), before);
    QCOMPARE(QDir(b.dir.filePath(u"data"_s)).entryList({u"branch.db*"_s}, QDir::Files), QStringList{u"branch.db"_s});
    QCOMPARE(fileChecksum(made.json().object().value(u"file"_s).toString()), backupBefore);
}

void TestCliBackup::restorePutsTheBackupInPlace()
{
    Branch b;
    QVERIFY(b.make());
    const auto made = b.backup(0);
    QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    const QString file = made.json().object().value(u"file"_s).toString();
    // After the backup: two mobile changes at the counter.
    QCOMPARE(b.changeMobile(600, u"09350000001"_s).exitCode, 0);
    QCOMPARE(b.changeMobile(1200, u"09350000002"_s).exitCode, 0);
    QCOMPARE(b.mobile(), u"09350000002"_s);
    const QByteArray currentDump = dump(b.db);

    const auto r = b.restore(file);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QJsonObject o = r.json().object();
    QCOMPARE(b.mobile(), u"09121234567"_s); // the backup's state
    // The database that was there is kept aside, whole.
    const QString aside = o.value(u"kept_aside"_s).toString();
    QVERIFY(QFileInfo(aside).isFile());
    QCOMPARE(dump(aside), currentDump);
    QCOMPARE(mode(b.db), 0600);
    // What was done after the backup is named: both changes (and the backup's own entry).
    QStringList actions;
    for (const auto &v : o.value(u"after_backup"_s).toArray())
        if (v.toObject().value(u"national_code"_s).toString() == u"0012345679"_s)
            actions << v.toObject().value(u"action"_s).toString();
    QCOMPARE(actions.count(u"account.mobile_change"_s), 2);
    QVERIFY(o.value(u"unsent_in_kept_aside"_s).toInteger() >= 2);
    QVERIFY(r.errText().contains(u"after_backup"_s));
    // The restored database verifies, records its restore, and works.
    const auto verified = ctl(b.db, {u"audit"_s, u"verify"_s});
    QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
    // (b.mobile() is an audited read: applicant.read entries follow.)
    QCOMPARE(QString::fromUtf8(sqlite(b.db, u"SELECT actor || ' ' || action FROM audit_log WHERE action <> "
                                            u"'applicant.read' ORDER BY seq DESC LIMIT 1;"_s))
                 .trimmed(),
             u"admin database.restore"_s);
    QCOMPARE(b.changeMobile(1800, u"09350000003"_s).exitCode, 0);
    QCOMPARE(integrity(b.db), u"ok"_s);
    // The backup itself is untouched and can be restored again.
    QCOMPARE(integrity(file), u"ok"_s);
}

void TestCliBackup::restoreOverAMissingOrDamagedDatabase_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("database deleted") << u"deleted"_s;
    QTest::newRow("database overwritten with zeros") << u"zeros"_s;
}

// The administrator signs in against the backup's staff when the database cannot be read.
void TestCliBackup::restoreOverAMissingOrDamagedDatabase()
{
    QFETCH(QString, how);
    Branch b;
    QVERIFY(b.make());
    const auto made = b.backup(0);
    QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
    const QString file = made.json().object().value(u"file"_s).toString();
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(b.db + QLatin1String(suffix));
    if (how == u"zeros"_s)
        branchtest::writeFile(b.db, QByteArray(65536, '\0'));
    QVERIFY(ctl(b.db, {u"status"_s}).exitCode != 0);
    QCOMPARE(b.restore(file, u"admin"_s, u"Wrong#Pass123"_s).exitCode, 1);
    const auto r = b.restore(file);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(b.mobile(), u"09121234567"_s);
    QCOMPARE(ctl(b.db, {u"audit"_s, u"verify"_s}).exitCode, 0);
    if (how == u"zeros"_s)
        QCOMPARE(QFileInfo(r.json().object().value(u"kept_aside"_s).toString()).size(), 65536);
    else
        QVERIFY(r.json().object().value(u"kept_aside"_s).isNull());
}

void TestCliBackup::killedBackupLeavesEverythingSound_data()
{
    QTest::addColumn<int>("killAtPercent"); // of the time a whole backup run takes here
    for (int percent : {0, 10, 30, 50, 70, 90})
        QTest::addRow("killed at %d%% of a backup's time", percent) << percent;
}

// SIGKILL at varied moments of a backup of a database large enough to take a while: the
// database stays sound with every committed action, every file named as a backup is a
// sound one, and the next backup clears what the killed one left.
void TestCliBackup::killedBackupLeavesEverythingSound()
{
    QFETCH(int, killAtPercent);
    static Branch *shared = nullptr; // one big database for all rows
    static std::unique_ptr<Branch> owner;
    static qint64 wholeRunMs = 0;
    static int partialLeft = 0;
    if (!shared) {
        owner = std::make_unique<Branch>();
        QVERIFY(owner->make(u"1234"_s, 20000));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(owner->backup(0).exitCode, 0);
        wholeRunMs = timer.elapsed();
        shared = owner.get();
    }
    Branch &b = *shared;
    const int killAfterMs = int(wholeRunMs * killAtPercent / 100);
    const QStringList before = b.files();
    QCOMPARE(b.changeMobile(killAtPercent + 1, u"0935%1"_s.arg(killAtPercent + 1000000, 7, 10, QChar(u'0'))).exitCode,
             0);
    const QString expectedMobile = b.mobile();

    QProcess p;
    QProcessEnvironment env = cliEnv();
    p.setProcessEnvironment(env);
    p.start(branchctl(),
            {u"--db"_s, b.db, u"--now"_s, at(3600 + killAtPercent), u"backup"_s, u"--staff"_s, u"clerk1"_s});
    QVERIFY(p.waitForStarted());
    p.write(kClerkPw.toUtf8() + '\n');
    p.closeWriteChannel();
    QTest::qWait(killAfterMs);
    const qint64 pid = p.processId();
    if (p.state() == QProcess::Running && pid > 0) // never kill(0): that is this test's group
        ::kill(pid_t(pid), SIGKILL);
    p.waitForFinished();
    const bool partial = !QDir(b.backups).entryList({u".*.part*"_s}, QDir::Files | QDir::Hidden).isEmpty();
    partialLeft += partial;
    qInfo("a whole backup run takes %lld ms here; killed after %d ms: %s (rows so far that left a partial copy: "
          "%d)",
          wholeRunMs, killAfterMs, partial ? "a partial copy left" : "no partial copy", partialLeft);

    QCOMPARE(integrity(b.db), u"ok"_s);
    QCOMPARE(b.mobile(), expectedMobile);
    QCOMPARE(ctl(b.db, {u"audit"_s, u"verify"_s}).exitCode, 0);
    const QStringList after = b.files();
    for (const QString &name : after)
        QVERIFY2(integrity(b.backups + u"/"_s + name) == u"ok"_s, qPrintable(name));
    for (const QString &name : before)
        QVERIFY2(after.contains(name), qPrintable(name));
    // The next backup works and leaves no partial file behind.
    QCOMPARE(b.backup(7200 + killAtPercent).exitCode, 0);
    QStringList hidden = QDir(b.backups).entryList(QDir::Files | QDir::Hidden);
    hidden.removeIf([](const QString &n) { return !n.startsWith(u'.'); });
    QCOMPARE(hidden, QStringList{});
}

QTEST_GUILESS_MAIN(TestCliBackup)
#include "TestCliBackup.moc"
