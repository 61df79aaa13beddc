// branchctl's edges, end to end: usage errors (exit 2), --help on every command (exit 0,
// no database touched), database problems (missing, not a database, corrupt, read-only,
// locked by another process, newer schema: exit 3, a message, nothing changed), and
// `audit verify` catching an edited, deleted, inserted or cut-off audit entry (exit 1).
#include "CliTestUtil.h"

#include <QDir>
#include <QHash>
#include <QTest>

#include <unistd.h>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

const QString kAli = u"0012345679"_s;

// Every command of the contract (and the extras branchctl has).
const QList<QStringList> kCommands = {
    {u"init"_s},
    {u"import-registry"_s},
    {u"import-mobile-owners"_s},
    {u"demo-data"_s},
    {u"user"_s, u"add"_s},
    {u"register"_s},
    {u"verify"_s},
    {u"sms"_s, u"list"_s},
    {u"applicants"_s, u"search"_s},
    {u"applicants"_s, u"show"_s},
    {u"activate"_s},
    {u"refuse"_s},
    {u"mobile"_s, u"change"_s},
    {u"password"_s, u"reset"_s},
    {u"questions"_s, u"reset"_s},
    {u"audit"_s, u"verify"_s},
    {u"recover"_s, u"start"_s},
    {u"recover"_s, u"verify"_s},
    {u"recover"_s, u"reset"_s},
};

// `args` run by a login whose role may (TestCliAccess checks the whole table), else as is.
CliResult ctlSigned(const QString &db, const QStringList &args, const QByteArray &input = {})
{
    static const QHash<QString, QString> by{{u"sms list"_s, u"clerk"_s},        {u"applicants search"_s, u"clerk"_s},
                                            {u"applicants show"_s, u"clerk"_s}, {u"register"_s, u"clerk"_s},
                                            {u"verify"_s, u"service"_s},        {u"recover start"_s, u"clerk"_s}};
    const QString login = by.value(args.mid(0, 2).join(u' '), by.value(args.value(0)));
    return login.isEmpty() ? ctl(db, args, input) : ctlAs(db, login, args, input);
}

// Runs a shell command line (for chattr); true on exit 0.
bool shell(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Makes a file immutable (as root, where permissions are ignored) and undoes it at the end.
struct Immutable {
    QString path;
    bool ok = false;
    explicit Immutable(const QString &p) : path(p)
    {
        ok = !QStandardPaths::findExecutable(u"chattr"_s).isEmpty() && shell(u"chattr"_s, {u"+i"_s, path});
    }
    ~Immutable()
    {
        if (ok)
            shell(u"chattr"_s, {u"-i"_s, path});
    }
};

// An sqlite3 shell holding an exclusive lock on a database until destroyed.
struct LockHolder {
    QProcess p;
    bool locked = false;
    explicit LockHolder(const QString &db)
    {
        p.start(sqlite3Path(), {u"-batch"_s, db});
        if (!p.waitForStarted(30000))
            return;
        p.write("BEGIN EXCLUSIVE;\n.print locked\n");
        QByteArray out;
        while (!out.contains("locked") && p.waitForReadyRead(30000))
            out += p.readAllStandardOutput();
        locked = out.contains("locked");
    }
    ~LockHolder()
    {
        p.write("ROLLBACK;\n.quit\n");
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            p.kill();
    }
};

} // namespace

class TestCliRobustness : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void helpOnEveryCommand_data();
    void helpOnEveryCommand();
    void missingDatabase_data();
    void missingDatabase();
    void notADatabase_data();
    void notADatabase();
    void corruptDatabase();
    void corruptMiddleNeverCrashes();
    void foreignSqliteDatabase();
    void readOnlyDatabase();
    void lockedDatabase();
    void newerSchema();
    void initIsIdempotent();
    void auditIntact();
    void auditTampered_data();
    void auditTampered();

private:
    // A database with a few audit entries (init, imports, a registration, a decision).
    QString populatedDb();
    Workspace ws;
    QString m_request;
};

void TestCliRobustness::initTestCase()
{
    QVERIFY(ws.isValid());
    m_request = ws.file(u"request.json"_s, json(validRequest()));
}

QString TestCliRobustness::populatedDb()
{
    const QString db = ws.newDb();
    if (db.isEmpty())
        return {};
    const QString reg = ws.file(u"reg.csv"_s, kRegistryHeader + "0012345679,علی,رضایی,حسن,12345,1365/04/12,M\n");
    const QString own = ws.file(u"own.csv"_s, "national_code,mobile\n0012345679,09121234567\n");
    for (const auto &r :
         {ctlAs(db, u"admin"_s, {u"import-registry"_s, reg}), ctlAs(db, u"admin"_s, {u"import-mobile-owners"_s, own}),
          ctlAs(db, u"clerk"_s, {u"register"_s, m_request}), ctlAs(db, u"service"_s, {u"verify"_s})})
        if (r.exitCode != 0) {
            qWarning("setup failed: %s", qPrintable(describe(r)));
            return {};
        }
    return db;
}

// ---- usage ----------------------------------------------------------------------------

void TestCliRobustness::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s};
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("half a command") << QStringList{u"applicants"_s};
    QTest::newRow("unknown subcommand") << QStringList{u"sms"_s, u"send"_s};
    // --help does not turn an unknown command into the general help (exit 0 would hide the typo).
    QTest::newRow("unknown command --help") << QStringList{u"frobnicate"_s, u"--help"_s};
    QTest::newRow("-h, unknown command") << QStringList{u"-h"_s, u"frobnicate"_s};
    QTest::newRow("unknown central subcommand --help") << QStringList{u"central"_s, u"nonsense"_s, u"--help"_s};
    QTest::newRow("half a command --help") << QStringList{u"central"_s, u"--help"_s};
    QTest::newRow("user add without --role") << QStringList{u"user"_s, u"add"_s, u"bob"_s};
    QTest::newRow("user add without login") << QStringList{u"user"_s, u"add"_s, u"--role"_s, u"clerk"_s};
    QTest::newRow("activate without --staff")
        << QStringList{u"activate"_s, kAli, u"--documents"_s, u"national_card,birth_certificate"_s};
    QTest::newRow("activate without --documents") << QStringList{u"activate"_s, kAli, u"--staff"_s, u"clerk1"_s};
    QTest::newRow("--staff without value") << QStringList{u"activate"_s, kAli, u"--staff"_s};
    QTest::newRow("refuse without --reason") << QStringList{u"refuse"_s, kAli, u"--staff"_s, u"clerk1"_s};
    QTest::newRow("mobile change without --mobile")
        << QStringList{u"mobile"_s, u"change"_s, kAli, u"--staff"_s, u"clerk1"_s};
    QTest::newRow("password reset without --staff") << QStringList{u"password"_s, u"reset"_s, kAli};
    QTest::newRow("questions reset without --staff") << QStringList{u"questions"_s, u"reset"_s, kAli};
    QTest::newRow("recover start without --method") << QStringList{u"recover"_s, u"start"_s, kAli};
    // Rows whose usage error run() finds sign the clerk in first (stdin's first line).
    QTest::newRow("recover start, unknown method")
        << QStringList{u"recover"_s, u"start"_s, kAli, u"--method"_s, u"carrier"_s, u"--staff"_s, u"clerk"_s};
    QTest::newRow("recover verify without --code or --answers")
        << QStringList{u"recover"_s, u"verify"_s, u"id"_s, u"--staff"_s, u"clerk"_s};
    QTest::newRow("recover verify with both") << QStringList{
        u"recover"_s, u"verify"_s, u"id"_s, u"--code"_s, u"123456"_s, u"--answers"_s, u"-"_s, u"--staff"_s, u"clerk"_s};
    QTest::newRow("recover reset without id") << QStringList{u"recover"_s, u"reset"_s};
    QTest::newRow("bad --now") << QStringList{u"--now"_s, u"yesterday"_s, u"sms"_s, u"list"_s};
    QTest::newRow("bad --now date") << QStringList{u"--now"_s, u"2025-02-30T10:00:00Z"_s, u"verify"_s};
    QTest::newRow("--now without value") << QStringList{u"sms"_s, u"list"_s, u"--now"_s};
    QTest::newRow("bad --lang") << QStringList{u"--lang"_s, u"de"_s, u"sms"_s, u"list"_s};
    QTest::newRow("--lang without value") << QStringList{u"sms"_s, u"list"_s, u"--lang"_s};
    QTest::newRow("--db without value") << QStringList{u"sms"_s, u"list"_s, u"--db"_s};
    QTest::newRow("unknown option") << QStringList{u"register"_s, u"--bogus"_s};
    QTest::newRow("option of another command") << QStringList{u"status"_s, u"--staff"_s, u"x"_s};
    QTest::newRow("sms list without --staff") << QStringList{u"sms"_s, u"list"_s};
    QTest::newRow("applicants show without --staff") << QStringList{u"applicants"_s, u"show"_s, kAli};
    QTest::newRow("verify without --staff") << QStringList{u"verify"_s};
    QTest::newRow("import without --staff") << QStringList{u"import-registry"_s, u"x.csv"_s};
    QTest::newRow("too many arguments") << QStringList{u"applicants"_s, u"show"_s, kAli, kAli};
    QTest::newRow("missing argument") << QStringList{u"applicants"_s, u"show"_s};
    QTest::newRow("init with an argument") << QStringList{u"init"_s, u"extra"_s};
    QTest::newRow("import without file") << QStringList{u"import-registry"_s};
    QTest::newRow("search --limit 0") << QStringList{u"applicants"_s, u"search"_s,  u"x"_s,    u"--limit"_s,
                                                     u"0"_s,          u"--staff"_s, u"clerk"_s};
    QTest::newRow("search --limit text") << QStringList{u"applicants"_s, u"search"_s,  u"x"_s,    u"--limit"_s,
                                                        u"ten"_s,        u"--staff"_s, u"clerk"_s};
    QTest::newRow("search unknown --status")
        << QStringList{u"applicants"_s, u"search"_s, u"x"_s, u"--status"_s, u"happy"_s, u"--staff"_s, u"clerk"_s};
    QTest::newRow("demo-data --persons text") << QStringList{u"demo-data"_s, u"--persons"_s, u"many"_s};
}

void TestCliRobustness::usageErrors()
{
    QFETCH(QStringList, args);
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = fileChecksum(db);
    // The clerk's password first: a row with --staff clerk gets past the sign-in.
    const QByteArray input = testPassword(u"clerk"_s).toUtf8() + '\n' + json(validRequest());
    const auto r = ctl(db, args, input);
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(!r.err.trimmed().isEmpty(), "no message on stderr");
    QCOMPARE(fileChecksum(db), before);
    // The message names the way out, in both languages.
    const auto en = ctl(db, QStringList{u"--lang"_s, u"en"_s} + args, input);
    QCOMPARE(en.exitCode, 2);
    QVERIFY(!en.err.trimmed().isEmpty());
}

void TestCliRobustness::helpOnEveryCommand_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("(none)") << QStringList{};
    for (const auto &c : kCommands)
        QTest::newRow(qPrintable(c.join(u' '))) << c;
}

void TestCliRobustness::helpOnEveryCommand()
{
    QFETCH(QStringList, command);
    // A database path that does not exist: help must not need (or create) one.
    const QString db = ws.path(u"help-folder/none.db"_s);
    for (const QString &lang : {u"en"_s, u"fa"_s}) {
        for (const QString &flag : {u"--help"_s, u"-h"_s}) {
            const auto r = ctl(db, QStringList{u"--lang"_s, lang} + command + QStringList{flag});
            QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
            const QString out = QString::fromUtf8(r.out);
            QVERIFY2(out.contains(u"branchctl"_s), qPrintable(out));
            if (!command.isEmpty())
                QVERIFY2(out.contains(command.join(u' ')), qPrintable(out));
            if (lang == u"en")
                QVERIFY2(out.contains(u"Usage"_s), qPrintable(out));
        }
    }
    // The flag may also come first.
    const auto first = ctl(db, QStringList{u"--help"_s} + command);
    QCOMPARE(first.exitCode, 0);
    QVERIFY(!QFile::exists(db));
    QVERIFY(!QDir(ws.path(u"help-folder"_s)).exists());
}

// ---- database problems ----------------------------------------------------------------

void TestCliRobustness::missingDatabase_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("sms list") << QStringList{u"sms"_s, u"list"_s, u"--staff"_s, u"clerk"_s};
    QTest::newRow("register") << QStringList{u"register"_s, u"-"_s, u"--staff"_s, u"clerk"_s};
    QTest::newRow("verify") << QStringList{u"verify"_s, u"--staff"_s, u"service"_s};
    QTest::newRow("audit verify") << QStringList{u"audit"_s, u"verify"_s};
    QTest::newRow("applicants search") << QStringList{u"applicants"_s, u"search"_s, kAli, u"--staff"_s, u"clerk"_s};
    QTest::newRow("user add") << QStringList{u"user"_s, u"add"_s, u"clerk1"_s, u"--role"_s, u"clerk"_s};
    QTest::newRow("recover start") << QStringList{u"recover"_s, u"start"_s,   kAli,      u"--method"_s,
                                                  u"sms"_s,     u"--staff"_s, u"clerk"_s};
}

void TestCliRobustness::missingDatabase()
{
    QFETCH(QStringList, args);
    const QString folder = ws.path(u"missing-folder"_s);
    const QString db = folder + u"/branch.db"_s;
    const auto r = ctl(db, args, json(validRequest()));
    CLI_REFUSED(r, 3);
    QVERIFY2(r.errText().contains(db), qPrintable(r.errText()));
    QVERIFY(!QFile::exists(db));
    QVERIFY(!QDir(folder).exists());
    // The same with $BRANCHDESK_DB instead of --db.
    QProcessEnvironment env = cliEnv();
    env.insert(u"BRANCHDESK_DB"_s, db);
    const auto viaEnv = branchtest::runCli(branchctl(), args, json(validRequest()), env);
    CLI_REFUSED(viaEnv, 3);
    QVERIFY(!QFile::exists(db));
}

void TestCliRobustness::notADatabase_data()
{
    QTest::addColumn<QByteArray>("content");
    QByteArray random(16384, '\0');
    quint32 x = 2463534242u;
    for (char &c : random) { // xorshift: deterministic noise
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = char(x & 0xff);
    }
    QTest::newRow("random bytes") << random;
    QTest::newRow("a text file") << QByteArray("national_code,mobile\n0012345679,09121234567\n");
    QTest::newRow("SQLite magic, then noise") << QByteArray("SQLite format 3\0", 16) + random;
}

void TestCliRobustness::notADatabase()
{
    QFETCH(QByteArray, content);
    const QString db = ws.file(u"not.db"_s, content);
    const QByteArray before = fileChecksum(db);
    for (const QStringList &args : {QStringList{u"sms"_s, u"list"_s}, QStringList{u"register"_s, m_request},
                                    QStringList{u"audit"_s, u"verify"_s}, QStringList{u"init"_s}}) {
        const auto r = ctlSigned(db, args);
        CLI_REFUSED(r, 3);
        QCOMPARE(fileChecksum(db), before);
    }
    QVERIFY(!QFile::exists(db + u"-wal"_s));
    QVERIFY(!QFile::exists(db + u"-journal"_s));
}

void TestCliRobustness::corruptDatabase()
{
    const QString db = populatedDb();
    QVERIFY(!db.isEmpty());
    // Keep page 1 (the header and the schema) and overwrite every other page.
    QFile f(db);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 8192);
    QVERIFY(f.seek(4096));
    f.write(QByteArray(int(size - 4096), char(0xA5)));
    f.close();
    const QByteArray before = fileChecksum(db);
    for (const QStringList &args :
         {QStringList{u"sms"_s, u"list"_s}, QStringList{u"audit"_s, u"verify"_s},
          QStringList{u"applicants"_s, u"search"_s, kAli}, QStringList{u"register"_s, m_request},
          QStringList{u"verify"_s}, QStringList{u"init"_s}}) {
        const auto r = ctlSigned(db, args);
        CLI_REFUSED(r, 3);
        QCOMPARE(fileChecksum(db), before);
    }
}

void TestCliRobustness::corruptMiddleNeverCrashes()
{
    // Damage in the middle is found when a command reads that page: whatever runs must end
    // with 0 (it did not need the page), 1 (audit verify found damaged entries) or 3.
    const QString db = populatedDb();
    QVERIFY(!db.isEmpty());
    QFile f(db);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(f.seek((size / 2 / 4096) * 4096));
    f.write(QByteArray(8192, char(0x5A)));
    f.close();
    int environmentErrors = 0;
    for (const QStringList &args :
         {QStringList{u"sms"_s, u"list"_s}, QStringList{u"audit"_s, u"verify"_s},
          QStringList{u"applicants"_s, u"show"_s, kAli}, QStringList{u"applicants"_s, u"search"_s, u"علی"_s},
          QStringList{u"register"_s, m_request}, QStringList{u"verify"_s}}) {
        const auto r = ctlSigned(db, args);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1 || r.exitCode == 3, qPrintable(describe(r)));
        if (r.exitCode != 0)
            QVERIFY(!r.err.trimmed().isEmpty());
        if (r.exitCode == 3)
            ++environmentErrors;
    }
    QVERIFY(environmentErrors > 0);
}

void TestCliRobustness::foreignSqliteDatabase()
{
    if (sqlite3Path().isEmpty())
        QSKIP("needs the sqlite3 shell");
    const QString db = ws.path(u"foreign.db"_s);
    bool ok = false;
    sqlite(db, u"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');"_s,
           &ok);
    QVERIFY(ok);
    const QByteArray before = dump(db);
    for (const QStringList &args : {QStringList{u"sms"_s, u"list"_s}, QStringList{u"init"_s}}) {
        const auto r = ctlSigned(db, args);
        CLI_REFUSED(r, 3);
        QCOMPARE(dump(db), before); // someone else's data: never written into
    }
}

void TestCliRobustness::readOnlyDatabase()
{
    const QString db = populatedDb();
    QVERIFY(!db.isEmpty());
    std::unique_ptr<Immutable> immutable;
    if (::geteuid() == 0) {
        // Root ignores permission bits (chmod 0444 does not stop it); an immutable file does.
        immutable = std::make_unique<Immutable>(db);
        if (!immutable->ok)
            QSKIP("running as root and chattr +i is not available: cannot make the file read-only");
    } else {
        QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    }
    const QByteArray before = fileChecksum(db);
    QJsonObject other = validRequest(nationalCode(u"123456789"_s));
    for (const auto &[args, input] : {std::pair{QStringList{u"register"_s, u"-"_s}, json(other)},
                                      std::pair{QStringList{u"verify"_s}, QByteArray()}}) {
        const auto r = ctlSigned(db, args, input);
        CLI_REFUSED(r, 3);
        QCOMPARE(fileChecksum(db), before);
    }
    immutable.reset();
    QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(search(db, nationalCode(u"123456789"_s)).size(), 0);
}

void TestCliRobustness::lockedDatabase()
{
    if (sqlite3Path().isEmpty())
        QSKIP("needs the sqlite3 shell");
    const QString db = populatedDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    QProcessEnvironment env = cliEnv();
    env.insert(u"BRANCHDESK_BUSY_TIMEOUT_MS"_s, u"200"_s);
    const QString other = nationalCode(u"123456789"_s);
    {
        LockHolder lock(db);
        QVERIFY(lock.locked);
        const auto reg = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(validRequest(other)), env);
        CLI_REFUSED(reg, 3);
        QVERIFY(isOneJson(reg));
        const auto imp =
            ctlAs(db, u"admin"_s,
                  {u"import-mobile-owners"_s, ws.file(u"o.csv"_s, "national_code,mobile\n1234567891,09351112233\n")},
                  {}, env);
        CLI_REFUSED(imp, 3);
        const auto add = ctlAs(db, u"admin"_s, {u"user"_s, u"add"_s, u"clerk9"_s, u"--role"_s, u"clerk"_s},
                               "Strong#Pass1KavirSepid\n", env);
        CLI_REFUSED(add, 3);
    }
    QCOMPARE(dump(db), before);
    // Once the lock is gone the same request goes through.
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(validRequest(other)), env), 0);
}

void TestCliRobustness::newerSchema()
{
    if (sqlite3Path().isEmpty())
        QSKIP("needs the sqlite3 shell");
    const QString db = populatedDb();
    QVERIFY(!db.isEmpty());
    bool ok = false;
    sqlite(db, u"PRAGMA user_version = 99;"_s, &ok);
    QVERIFY(ok);
    const QByteArray before = fileChecksum(db);
    for (const QStringList &args : {QStringList{u"sms"_s, u"list"_s}, QStringList{u"init"_s},
                                    QStringList{u"register"_s, m_request}, QStringList{u"audit"_s, u"verify"_s}}) {
        const auto r = ctlSigned(db, args);
        CLI_REFUSED(r, 3);
        QCOMPARE(fileChecksum(db), before);
    }
    QCOMPARE(sqlite(db, u"PRAGMA user_version;"_s).trimmed(), QByteArray("99"));
}

void TestCliRobustness::initIsIdempotent()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    for (const QStringList &args : {QStringList{u"init"_s}, QStringList{u"init"_s, u"--branch"_s, u"1234"_s}}) {
        const auto r = ctl(db, args);
        CLI_EXPECT(r, 0);
        QVERIFY(isOneJson(r));
        QCOMPARE(r.json().object().value(u"branch_code").toString(), u"1234"_s);
    }
    QCOMPARE(dump(db), before);
    const auto other = ctl(db, {u"init"_s, u"--branch"_s, u"5678"_s});
    CLI_REFUSED(other, 1);
    QCOMPARE(codesOf(other.json().object()), QStringList{u"branch.mismatch"_s});
    const auto bad = ctl(ws.path(u"fresh.db"_s), {u"init"_s, u"--branch"_s, u"12"_s});
    CLI_REFUSED(bad, 1);
    QCOMPARE(codesOf(bad.json().object()), QStringList{u"branch.format"_s});
    QCOMPARE(dump(db), before);
}

// ---- audit ----------------------------------------------------------------------------

void TestCliRobustness::auditIntact()
{
    const QString db = populatedDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = fileChecksum(db);
    const auto r = ctl(db, {u"audit"_s, u"verify"_s});
    CLI_EXPECT(r, 0);
    QVERIFY(isOneJson(r));
    QCOMPARE(r.json().object().value(u"ok").toBool(), true);
    QVERIFY(r.json().object().value(u"entries").toInt() >= 5);
    QCOMPARE(fileChecksum(db), before);
}

void TestCliRobustness::auditTampered_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("firstBad"); // -1: the last seq, -2: the last seq + 1 (before the change)
    QTest::newRow("edited actor") << u"UPDATE audit_log SET actor = 'x' WHERE seq = 3;"_s << 3;
    QTest::newRow("edited details") << u"UPDATE audit_log SET details = '{}' WHERE seq = 2;"_s << 2;
    QTest::newRow("edited time") << u"UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 4;"_s << 4;
    QTest::newRow("edited national code")
        << u"UPDATE audit_log SET national_code = '1234567891' WHERE seq = (SELECT max(seq) FROM audit_log);"_s << -1;
    QTest::newRow("deleted row") << u"DELETE FROM audit_log WHERE seq = 3;"_s << 3;
    QTest::newRow("deleted first row") << u"DELETE FROM audit_log WHERE seq = 1;"_s << 1;
    QTest::newRow("inserted row")
        << u"UPDATE audit_log SET seq = -(seq + 1) WHERE seq >= 3;"
           "UPDATE audit_log SET seq = -seq WHERE seq < 0;"
           "INSERT INTO audit_log (seq, id, branch_code, at, actor, action, national_code, details, prev_hash, hash) "
           "SELECT 3, 'forged-entry', branch_code, at, 'admin', 'account.create', '0012345679', '{}', hash, hash "
           "FROM audit_log WHERE seq = 2;"_s
        << 3;
    QTest::newRow("appended row")
        << u"INSERT INTO audit_log (seq, id, branch_code, at, actor, action, national_code, details, prev_hash, hash) "
           "SELECT seq + 1, 'forged-tail', branch_code, at, 'admin', 'account.create', '', '{}', hash, hash "
           "FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log);"_s
        << -2;
    QTest::newRow("truncated tail") << u"DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log);"_s << -1;
    QTest::newRow("truncated two") << u"DELETE FROM audit_log WHERE seq >= (SELECT max(seq) - 1 FROM audit_log);"_s
                                   << -3;
}

void TestCliRobustness::auditTampered()
{
    QFETCH(QString, sql);
    QFETCH(int, firstBad);
    if (sqlite3Path().isEmpty())
        QSKIP("needs the sqlite3 shell");
    const QString db = populatedDb();
    QVERIFY(!db.isEmpty());
    const int last = auditEntries(db);
    QVERIFY(last >= 5);
    bool ok = false;
    sqlite(db, sql, &ok);
    QVERIFY(ok);
    const int expected = firstBad == -1 ? last : firstBad == -2 ? last + 1 : firstBad == -3 ? last - 1 : firstBad;
    const QByteArray before = fileChecksum(db);
    const auto r = ctl(db, {u"audit"_s, u"verify"_s});
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(u"ok").toBool(true), false);
    QCOMPARE(o.value(u"first_bad_seq").toInt(), expected);
    QVERIFY(o.value(u"code").toString().startsWith(u"audit."_s));
    QVERIFY(!o.value(u"message").toString().isEmpty());
    QCOMPARE(fileChecksum(db), before);
}

QTEST_GUILESS_MAIN(TestCliRobustness)
#include "TestCliRobustness.moc"
