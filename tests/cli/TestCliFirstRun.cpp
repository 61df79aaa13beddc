// A branch's first day with the real binaries: `branchctl demo-data --demo-staff` (four demo
// accounts with passwords made per database, printed once, that sign in at the counter;
// refused once the database has staff) and `--version` of branchctl and branchdesk (the
// version of project() in CMakeLists.txt, without a database, without a display).
// The `user add` bootstrap is in TestCliCounter::userAddBootstrap.
#include "CliTestUtil.h"

#include <QDir>
#include <QFileInfo>

#include <sys/stat.h>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

// A file's permission bits (-1 when it does not exist).
int modeOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// The version as CMakeLists.txt's project() states it, read here independently of the build.
QString projectVersion()
{
    QFile f(QStringLiteral(BRANCH_SOURCE_DIR "/CMakeLists.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression re(uR"(project\s*\(\s*BranchDesk\s+VERSION\s+([0-9]+\.[0-9]+\.[0-9]+))"_s);
    return re.match(QString::fromUtf8(f.readAll())).captured(1);
}

// branchdesk is built beside branchctl (build/app/).
QString branchdesk()
{
    return QFileInfo(branchctl()).dir().filePath(u"branchdesk"_s);
}

struct DemoStaff {
    QString login, role, password;
};

QList<DemoStaff> staffOf(const CliResult &r)
{
    QList<DemoStaff> out;
    for (const auto &v : r.json().object().value(u"staff"_s).toArray()) {
        const QJsonObject o = v.toObject();
        out << DemoStaff{o.value(u"login"_s).toString(), o.value(u"role"_s).toString(),
                         o.value(u"password"_s).toString()};
    }
    return out;
}

} // namespace

class TestCliFirstRun : public QObject
{
    Q_OBJECT

    Workspace ws;

    CliResult demo(const QString &db, const QStringList &extra = {}, const QByteArray &input = {})
    {
        return ctl(db, QStringList{u"--lang"_s, u"en"_s, u"demo-data"_s, u"--persons"_s, u"60"_s} + extra, input);
    }

private slots:
    void initTestCase() { QVERIFY(ws.isValid()); }

    void demoStaff()
    {
        const QString a = ws.newDb(false);
        const QString b = ws.newDb(false);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const CliResult ra = demo(a, {u"--demo-staff"_s});
        const CliResult rb = demo(b, {u"--demo-staff"_s});
        CLI_EXPECT(ra, 0);
        CLI_EXPECT(rb, 0);
        QVERIFY(isOneJson(ra));
        const QJsonObject o = ra.json().object();
        QCOMPARE(o.value(u"persons"_s).toInt(), 60); // the usual figures are still there
        QVERIFY(o.value(u"by_status"_s).isObject());

        const QList<DemoStaff> sa = staffOf(ra), sb = staffOf(rb);
        QCOMPARE(sa.size(), 4);
        QStringList roles;
        for (const DemoStaff &s : sa)
            roles << s.role;
        roles.sort();
        QCOMPARE(roles, (QStringList{u"admin"_s, u"clerk"_s, u"supervisor"_s, u"supervisor"_s}));
        QSet<QString> passwords;
        for (qsizetype i = 0; i < sa.size(); ++i) {
            QCOMPARE(sa[i].login, sb[i].login);
            // Made per database: none repeats, within a database or across the two.
            QVERIFY2(sa[i].password != sb[i].password, qPrintable(sa[i].login));
            passwords << sa[i].password << sb[i].password;
            QVERIFY2(!ra.err.contains(sa[i].password.toUtf8()), "a password on stderr");
        }
        QCOMPARE(passwords.size(), 8);
        // Stored only as hashes; the database says it is a demo.
        const QByteArray stored = sqlite(a, u".dump"_s);
        for (const DemoStaff &s : sa)
            QVERIFY2(!stored.contains(s.password.toUtf8()), qPrintable(s.login));
        QCOMPARE(sqlite(a, u"SELECT value FROM meta WHERE key = 'demo';"_s).trimmed(), QByteArray("1"));
        QCOMPARE(sqlite(a, u"SELECT count(*) FROM audit_log WHERE action = 'staff.demo';"_s).trimmed(),
                 QByteArray("4"));

        // They sign in: the clerk and both supervisors activate a person waiting at the branch
        // with their own password; the administrator's password is right but the role may not.
        const QList<QByteArray> waiting =
            sqlite(a, u"SELECT national_code FROM requests WHERE status = 'branch_activation_required' "
                      "ORDER BY national_code LIMIT 4;"_s)
                .trimmed()
                .split('\n');
        QVERIFY(waiting.size() >= 4);
        for (qsizetype i = 0; i < sa.size(); ++i) {
            const QStringList args{u"activate"_s,    QString::fromLatin1(waiting[i]),     u"--staff"_s, sa[i].login,
                                   u"--documents"_s, u"national_card,birth_certificate"_s};
            const CliResult r = ctl(a, args, sa[i].password.toUtf8() + '\n');
            if (sa[i].role == "admin"_L1) {
                CLI_REFUSED(r, 1);
                QCOMPARE(codesOf(r.json().object()), QStringList{u"staff.not_allowed"_s});
            } else {
                CLI_EXPECT(r, 0);
            }
            // Another database's password for the same login does not open this one.
            const CliResult other = ctl(a, args, sb[i].password.toUtf8() + '\n');
            CLI_REFUSED(other, 1);
            QCOMPARE(codesOf(other.json().object()), QStringList{u"staff.wrong_password"_s});
        }
    }

    // Once a database has staff (demo or made by user add), --staff is refused and nothing
    // changes; the message says why.
    void demoStaffRefusedWhenStaffExist_data()
    {
        QTest::addColumn<bool>("byUserAdd");
        QTest::newRow("an administrator from user add") << true;
        QTest::newRow("demo staff already") << false;
    }

    void demoStaffRefusedWhenStaffExist()
    {
        QFETCH(bool, byUserAdd);
        const QString db = ws.newDb(false);
        QVERIFY(!db.isEmpty());
        const CliResult first = byUserAdd ? addAdministrator(db) : demo(db, {u"--demo-staff"_s});
        CLI_EXPECT(first, 0);
        QString adminPw = kAdminPw;
        if (!byUserAdd)
            for (const DemoStaff &s : staffOf(first))
                if (s.role == u"admin"_s)
                    adminPw = s.password;
        const QByteArray before = dump(db);
        // Once a database has staff, demo-data is an administrator's command: without a
        // sign-in a usage error that names --staff, nothing changed.
        for (const QStringList &extra : {QStringList{}, QStringList{u"--demo-staff"_s}}) {
            const CliResult r = demo(db, extra);
            CLI_REFUSED(r, 2);
            QVERIFY2(r.errText().contains(u"--staff"_s), qPrintable(r.errText()));
            QCOMPARE(dump(db), before);
        }
        // Signed in, demo staff are still refused: only into a database without staff.
        const QStringList asAdmin{u"--staff"_s, u"admin"_s};
        const CliResult r = demo(db, QStringList{u"--demo-staff"_s} + asAdmin, adminPw.toUtf8() + '\n');
        CLI_REFUSED(r, 1);
        QVERIFY(isOneJson(r));
        QCOMPARE(codesOf(r.json().object()), QStringList{u"staff.exists"_s});
        QVERIFY2(r.errText().contains(u"already has staff accounts"_s), qPrintable(r.errText()));
        QCOMPARE(dump(db), before);
        // Plain demo data under the administrator's sign-in runs.
        const CliResult plain = demo(db, asAdmin, adminPw.toUtf8() + '\n');
        CLI_EXPECT(plain, 0);
        QVERIFY(dump(db) != before);
    }

    // Without --staff: the output as before (no "staff"), no staff account, marked a demo.
    // Private files (issue 14 item 5): whatever the umask, `init` makes the folders it needs
    // 0700 and the database 0600, and SQLite's -wal and -shm follow the database's mode; a
    // database left 0644 by an older version, and its -wal, are narrowed at the next open.
    // A folder that existed before (shared, say) is left as it was.
    void privateFiles()
    {
        const mode_t before = ::umask(0); // the child inherits it: the widest a user could have
        const QString shared = ws.path(u"shared"_s);
        QVERIFY(QDir().mkpath(shared));
        QVERIFY(QFile::setPermissions(shared, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                  QFileDevice::ReadOther | QFileDevice::ExeOther));
        const QString db = shared + u"/BranchDesk/database/branchdesk.db"_s;
        const CliResult init = ctl(db, {u"init"_s, u"--branch"_s, u"1001"_s});
        const CliResult demoRun = demo(db);
        ::umask(before);
        CLI_EXPECT(init, 0);
        CLI_EXPECT(demoRun, 0);
        QCOMPARE(modeOf(shared), 0705);
        QCOMPARE(modeOf(shared + u"/BranchDesk"_s), 0700);
        QCOMPARE(modeOf(shared + u"/BranchDesk/database"_s), 0700);
        QCOMPARE(modeOf(db), 0600);
        for (const char *suffix : {"-wal", "-shm"}) // SQLite may remove them at the last close
            QVERIFY(modeOf(db + QLatin1String(suffix)) == -1 || modeOf(db + QLatin1String(suffix)) == 0600);

        // An older database, readable by all, with a -wal: narrowed when next opened.
        const QString old = ws.newDb(false); // initialised (branch 1234)
        QFile wal(old + u"-wal"_s);
        QVERIFY(wal.open(QIODevice::WriteOnly)); // an empty -wal is a valid one to SQLite
        wal.close();
        const auto wide =
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        QVERIFY(QFile::setPermissions(old, wide));
        QVERIFY(QFile::setPermissions(old + u"-wal"_s, wide));
        QCOMPARE(modeOf(old), 0644);
        CLI_EXPECT(ctl(old, {u"init"_s}), 0); // idempotent: opens and migrates nothing
        QCOMPARE(modeOf(old), 0600);
        QVERIFY(modeOf(old + u"-wal"_s) == -1 || modeOf(old + u"-wal"_s) == 0600);
    }

    void demoWithoutStaff()
    {
        const QString db = ws.newDb(false);
        QVERIFY(!db.isEmpty());
        const CliResult r = demo(db);
        CLI_EXPECT(r, 0);
        QCOMPARE(r.json().object().keys(), (QStringList{u"accounts"_s, u"by_status"_s, u"persons"_s, u"requests"_s}));
        QCOMPARE(sqlite(db, u"SELECT count(*) FROM staff;"_s).trimmed(), QByteArray("0"));
        QCOMPARE(sqlite(db, u"SELECT value FROM meta WHERE key = 'demo';"_s).trimmed(), QByteArray("1"));
        // A database without demo data is not marked.
        const QString real = ws.newDb(false);
        QCOMPARE(sqlite(real, u"SELECT count(*) FROM meta WHERE key = 'demo';"_s).trimmed(), QByteArray("0"));
    }

    void version_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected"); // %1: the version
        QTest::newRow("branchctl") << branchctl() << QStringList{u"--version"_s} << u"branchctl (BranchDesk) %1\n"_s;
        // A database that does not exist and a command after it change nothing.
        QTest::newRow("branchctl, missing --db")
            << branchctl() << QStringList{u"--db"_s, ws.path(u"none/x.db"_s), u"--version"_s, u"init"_s}
            << u"branchctl (BranchDesk) %1\n"_s;
        QTest::newRow("branchdesk") << branchdesk() << QStringList{u"--version"_s} << u"BranchDesk %1\n"_s;
        QTest::newRow("branchdesk, missing --db")
            << branchdesk() << QStringList{u"--db"_s, ws.path(u"none/y.db"_s), u"--version"_s} << u"BranchDesk %1\n"_s;
    }

    void version()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const QString v = projectVersion();
        QVERIFY2(!v.isEmpty(), "no version in CMakeLists.txt's project()");
        QProcessEnvironment env = cliEnv();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        const CliResult r = branchtest::runCli(program, args, {}, env);
        CLI_EXPECT(r, 0);
        QCOMPARE(QString::fromUtf8(r.out), expected.arg(v));
        QVERIFY(!QFileInfo::exists(ws.path(u"none"_s)));
    }
};

QTEST_GUILESS_MAIN(TestCliFirstRun)
#include "TestCliFirstRun.moc"
