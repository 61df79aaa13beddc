// Who may run what (issue 14 items 3 and 7), with the real binary: every branchctl command
// × every kind of caller {nobody, a wrong password, clerk, supervisor, administrator,
// service login, a locked login} → the exit code and error code of the table in
// docs/branchctl.md. The commands come from the program's own list (`branchctl --help`),
// so a command added without a row here fails. Each cell runs on its own copy of one small
// prepared database (staff of every role, a locked clerk, a person, a backup); a refusal
// must leave exactly one new audit entry, naming the login that was tried, and nothing else
// changed. Also: `applicants show` audits the read (who, whom, when). That an unknown login
// costs a known one's password work is TestStaffSignIn's (the same authenticateStaff) and
// bench_sign_in's.
#include "CliTestUtil.h"

#include <QDir>
#include <QHash>
#include <QTest>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

const QString kAli = u"0012345679"_s;
const QString kT = u"2026-11-25T08:00:00Z"_s;     // the preparation
const QString kLater = u"2026-11-25T08:01:00Z"_s; // every cell (the locked login is still locked)
const QString kLockedPw = u"Locked#Pass1-Kuh-Dena-Sabz"_s;

// Who may run a command (docs/branchctl.md, "Who may run what").
enum class Access { Open, CentralOwner, Counter, Supervisor, AnyPerson, Administrator, Machine };

// The callers of the table.
enum class Caller { Nobody, WrongPassword, Clerk, Supervisor, Admin, Service, Locked };

struct Row {
    QStringList args; // after the global options; %CENTRAL%, %DIR%, %BACKUP% replaced
    QByteArray input; // stdin after the password line
    Access access;
};

// One row per command: arguments that parse, and the access level the contract gives it.
const QHash<QString, Row> &rows()
{
    static const QHash<QString, Row> r{
        {u"init"_s, {{u"init"_s}, {}, Access::Open}},
        {u"import-registry"_s, {{u"import-registry"_s, u"%DIR%/reg.csv"_s}, {}, Access::Administrator}},
        {u"import-mobile-owners"_s, {{u"import-mobile-owners"_s, u"%DIR%/own.csv"_s}, {}, Access::Administrator}},
        // An administrator's; on a database without staff nobody can sign in yet (TestCliFirstRun).
        {u"demo-data"_s, {{u"demo-data"_s, u"--persons"_s, u"1"_s}, {}, Access::Administrator}},
        {u"user add"_s,
         {{u"user"_s, u"add"_s, u"newclerk"_s, u"--role"_s, u"clerk"_s},
          "Tazeh#Pass1-Kuh-Binalood\n",
          Access::Administrator}},
        {u"register"_s, {{u"register"_s, u"-"_s}, json(validRequest(u"0499370899"_s)), Access::Counter}},
        {u"verify"_s, {{u"verify"_s}, {}, Access::Machine}},
        {u"sms list"_s, {{u"sms"_s, u"list"_s}, {}, Access::Counter}},
        {u"sms send"_s,
         {{u"sms"_s, u"send"_s, u"--gateway"_s, u"http://127.0.0.1:9/"_s, u"--timeout-ms"_s, u"300"_s, u"--limit"_s,
           u"1"_s},
          {},
          Access::Machine}},
        {u"applicants search"_s, {{u"applicants"_s, u"search"_s, kAli}, {}, Access::Counter}},
        {u"applicants show"_s, {{u"applicants"_s, u"show"_s, kAli}, {}, Access::Counter}},
        // The central knows no such person: refused past the sign-in (exit 1), nothing fetched.
        {u"applicants fetch"_s,
         {{u"applicants"_s, u"fetch"_s, u"0499370899"_s, u"--central"_s, u"%CENTRAL%"_s}, {}, Access::Counter}},
        {u"activate"_s,
         {{u"activate"_s, kAli, u"--documents"_s, u"national_card,birth_certificate"_s}, {}, Access::Counter}},
        {u"refuse"_s, {{u"refuse"_s, kAli, u"--reason"_s, u"test"_s}, {}, Access::Counter}},
        {u"mobile change"_s, {{u"mobile"_s, u"change"_s, kAli, u"--mobile"_s, u"09351112233"_s}, {}, Access::Counter}},
        {u"password reset"_s,
         {{u"password"_s, u"reset"_s, kAli},
          R"({"password": "Tazeh#2025x", "password_confirm": "Tazeh#2025x"})",
          Access::Counter}},
        {u"questions reset"_s,
         {{u"questions"_s, u"reset"_s, kAli},
          json(QJsonObject{{u"security_questions"_s, questions()}}),
          Access::Counter}},
        {u"audit verify"_s, {{u"audit"_s, u"verify"_s}, {}, Access::Open}},
        {u"backup"_s, {{u"backup"_s, u"--to"_s, u"%DIR%/backups-new"_s}, {}, Access::AnyPerson}},
        {u"backup list"_s, {{u"backup"_s, u"list"_s, u"--to"_s, u"%DIR%/backups"_s}, {}, Access::Open}},
        {u"restore"_s, {{u"restore"_s, u"%BACKUP%"_s}, {}, Access::Administrator}},
        {u"status"_s, {{u"status"_s}, {}, Access::Open}},
        {u"report daily"_s, {{u"report"_s, u"daily"_s, u"--date"_s, u"2026-11-25"_s}, {}, Access::Supervisor}},
        {u"recover start"_s, {{u"recover"_s, u"start"_s, kAli, u"--method"_s, u"questions"_s}, {}, Access::Counter}},
        {u"recover verify"_s,
         {{u"recover"_s, u"verify"_s, u"no-such-recovery"_s, u"--code"_s, u"123456"_s}, {}, Access::Counter}},
        {u"recover reset"_s,
         {{u"recover"_s, u"reset"_s, u"no-such-recovery"_s},
          R"({"password": "Tazeh#2025x", "password_confirm": "Tazeh#2025x"})",
          Access::Counter}},
        {u"central init"_s, {{u"central"_s, u"init"_s, u"--central"_s, u"%CENTRAL%"_s}, {}, Access::CentralOwner}},
        {u"central add-branch"_s,
         {{u"central"_s, u"add-branch"_s, u"1234"_s, u"--central"_s, u"%CENTRAL%"_s}, {}, Access::CentralOwner}},
        {u"central status"_s, {{u"central"_s, u"status"_s, u"--central"_s, u"%CENTRAL%"_s}, {}, Access::CentralOwner}},
        {u"central audit verify"_s,
         {{u"central"_s, u"audit"_s, u"verify"_s, u"--branch"_s, u"1234"_s, u"--central"_s, u"%CENTRAL%"_s},
          {},
          Access::CentralOwner}},
        {u"sync"_s, {{u"sync"_s, u"--central"_s, u"%CENTRAL%"_s}, {}, Access::Machine}},
        {u"conflicts list"_s, {{u"conflicts"_s, u"list"_s, u"--central"_s, u"%CENTRAL%"_s}, {}, Access::Supervisor}},
        {u"conflicts resolve"_s,
         {{u"conflicts"_s, u"resolve"_s, u"no-such-conflict"_s, u"--keep"_s, u"local"_s, u"--central"_s,
           u"%CENTRAL%"_s},
          {},
          Access::Supervisor}},
        {u"review list"_s, {{u"review"_s, u"list"_s}, {}, Access::Supervisor}},
        {u"review propose"_s,
         {{u"review"_s, u"propose"_s, kAli, u"--kind"_s, u"reject"_s, u"--reason"_s, u"test"_s},
          {},
          Access::Supervisor}},
        {u"review approve"_s, {{u"review"_s, u"approve"_s, u"no-such-proposal"_s}, {}, Access::Supervisor}},
    };
    return r;
}

QString callerName(Caller c)
{
    switch (c) {
    case Caller::Nobody:
        return u"nobody"_s;
    case Caller::WrongPassword:
        return u"wrong password"_s;
    case Caller::Clerk:
        return u"clerk"_s;
    case Caller::Supervisor:
        return u"supervisor"_s;
    case Caller::Admin:
        return u"admin"_s;
    case Caller::Service:
        return u"service"_s;
    case Caller::Locked:
        return u"locked"_s;
    }
    return {};
}

// The login a caller gives (--staff) and the password line it types.
QString loginOf(Caller c)
{
    switch (c) {
    case Caller::Nobody:
        return {};
    case Caller::WrongPassword:
        return u"clerk"_s;
    case Caller::Locked:
        return u"locked1"_s;
    default:
        return callerName(c);
    }
}

QString passwordOf(Caller c)
{
    if (c == Caller::WrongPassword)
        return u"Not#The#Clerks#Password"_s;
    if (c == Caller::Locked)
        return kLockedPw; // the right one: a locked login stays locked
    return testPassword(loginOf(c));
}

// The table: for a command of this access level and this caller, the error code expected
// ("" when the caller gets past the sign-in: the command then runs, done or refused by a
// rule of its own), and the exit code (-1: any but 2, as the command's own result).
struct Expected {
    int exitCode;
    QString code;
};

Expected expected(Access a, Caller c)
{
    const Expected runs{-1, {}};
    const Expected notAllowed{1, u"staff.not_allowed"_s};
    if (a == Access::Open || a == Access::CentralOwner)
        return runs; // nobody signs in (and --staff is not an option of it)
    switch (c) {
    case Caller::Nobody:
        return {2, {}}; // a usage error that names --staff
    case Caller::WrongPassword:
        return {1, u"staff.wrong_password"_s};
    case Caller::Locked:
        return {1, u"staff.locked"_s};
    case Caller::Clerk:
        return a == Access::Counter || a == Access::AnyPerson ? runs : notAllowed;
    case Caller::Supervisor:
        return a == Access::Counter || a == Access::Supervisor || a == Access::AnyPerson ? runs : notAllowed;
    case Caller::Admin:
        return a == Access::Administrator || a == Access::AnyPerson ? runs : notAllowed;
    case Caller::Service:
        return a == Access::Machine ? runs : notAllowed;
    }
    return runs;
}

bool copyDatabase(const QString &from, const QString &to)
{
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QString f = from + QLatin1String(suffix), t = to + QLatin1String(suffix);
        QFile::remove(t);
        if (QFile::exists(f) && !QFile::copy(f, t))
            return false;
    }
    return true;
}

// Every table's rows but the audit log's and the staff's (a refusal may write only those:
// the entry, and a wrong password's count), and the meta rows but the audit chain's head.
QByteArray personData(const QString &db)
{
    QByteArray out;
    for (const QString &t : {u"requests"_s, u"accounts"_s, u"sms_messages"_s, u"recoveries"_s, u"outbox"_s,
                             u"registry_persons"_s, u"mobile_owners"_s, u"review_proposals"_s})
        out += sqlite(db, u"SELECT * FROM %1 ORDER BY 1;"_s.arg(t));
    out += sqlite(db, u"SELECT * FROM meta WHERE key NOT LIKE 'audit_last_%' ORDER BY 1;"_s);
    return out;
}

QString lastAudit(const QString &db)
{
    return QString::fromUtf8(
               sqlite(db,
                      u"SELECT actor || ' ' || action || ' ' || details FROM audit_log ORDER BY seq DESC LIMIT 1;"_s))
        .trimmed();
}

} // namespace

class TestCliAccess : public QObject
{
    Q_OBJECT

    Workspace ws;
    QString m_prepared, m_backup, m_central;

private slots:
    void initTestCase();
    void everyCommandHasARow();
    void table_data();
    void table();
    void showIsAuditedRead();
    void searchIsNotAuditedPerPerson();
    void serviceLoginOnlyForMachineJobs();
    void firstUserAddNeedsNobody();
};

void TestCliAccess::initTestCase()
{
    QVERIFY(ws.isValid());
    QVERIFY(!sqlite3Path().isEmpty());
    m_prepared = ws.newDb(true, {u"--now"_s, kT});
    QVERIFY(!m_prepared.isEmpty());
    const QString dir = QFileInfo(m_prepared).absolutePath();
    QVERIFY(
        branchtest::writeFile(dir + u"/reg.csv"_s, kRegistryHeader + "0012345679,علی,رضایی,حسن,12345,1365/04/12,M\n"));
    QVERIFY(branchtest::writeFile(dir + u"/own.csv"_s, "national_code,mobile\n0012345679,09121234567\n"));
    m_central = u"sqlite://"_s + dir + u"/central.db"_s;
    const QList<CliResult> steps{
        ctlAs(m_prepared, u"admin"_s, {u"--now"_s, kT, u"import-registry"_s, dir + u"/reg.csv"_s}),
        ctlAs(m_prepared, u"admin"_s, {u"--now"_s, kT, u"import-mobile-owners"_s, dir + u"/own.csv"_s}),
        ctlAs(m_prepared, u"clerk"_s, {u"--now"_s, kT, u"register"_s, u"-"_s}, json(validRequest(kAli))),
        ctlAs(m_prepared, u"service"_s, {u"--now"_s, kT, u"verify"_s}),
        ctlAs(m_prepared, u"admin"_s, {u"--now"_s, kT, u"user"_s, u"add"_s, u"locked1"_s, u"--role"_s, u"clerk"_s},
              kLockedPw.toUtf8() + '\n'),
        ctlAs(m_prepared, u"clerk"_s, {u"--now"_s, kT, u"backup"_s, u"--to"_s, dir + u"/backups"_s}),
        ctl(m_prepared, {u"central"_s, u"init"_s, u"--central"_s, m_central}),
        ctl(m_prepared, {u"central"_s, u"add-branch"_s, u"1234"_s, u"--central"_s, m_central}),
    };
    for (const auto &s : steps)
        QVERIFY2(s.exitCode == 0, qPrintable(describe(s)));
    m_backup = steps.at(5).json().object().value(u"file"_s).toString();
    QVERIFY2(QFile::exists(m_backup), qPrintable(describe(steps.at(5))));
    // Five wrong passwords lock locked1 for 15 minutes.
    for (int i = 0; i < 5; ++i)
        CLI_REFUSED(ctl(m_prepared, {u"--now"_s, kT, u"sms"_s, u"list"_s, u"--staff"_s, u"locked1"_s}, "wrong\n"), 1);
}

// The program's own list of commands: a command without a row fails here.
void TestCliAccess::everyCommandHasARow()
{
    const CliResult help = ctl(m_prepared, {u"--lang"_s, u"en"_s, u"--help"_s});
    CLI_EXPECT(help, 0);
    const QString text = QString::fromUtf8(help.out);
    const qsizetype from = text.indexOf(u"Commands:\n"_s), to = text.indexOf(u"\n\n"_s, from);
    QVERIFY(from >= 0 && to > from);
    QStringList listed;
    for (const QString &line : text.mid(from, to - from).split(u'\n').mid(1)) {
        // "  name words   summary": the name is what comes before the first run of 2+ spaces.
        const QString name = line.trimmed().section(u"  "_s, 0, 0).trimmed();
        if (!name.isEmpty())
            listed << name;
    }
    QVERIFY2(listed.size() >= 30, qPrintable(listed.join(u", "_s)));
    for (const QString &name : listed)
        QVERIFY2(rows().contains(name), qPrintable(u"no access row for \"%1\""_s.arg(name)));
    for (auto it = rows().cbegin(); it != rows().cend(); ++it)
        QVERIFY2(listed.contains(it.key()), qPrintable(u"\"%1\" is no command"_s.arg(it.key())));
}

void TestCliAccess::table_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("caller");
    QStringList names = rows().keys();
    names.sort();
    for (const QString &name : names)
        for (Caller c : {Caller::Nobody, Caller::WrongPassword, Caller::Clerk, Caller::Supervisor, Caller::Admin,
                         Caller::Service, Caller::Locked})
            QTest::newRow(qPrintable(name + u" × "_s + callerName(c))) << name << int(c);
}

void TestCliAccess::table()
{
    QFETCH(QString, command);
    QFETCH(int, caller);
    const Caller c = Caller(caller);
    const Row &row = rows().value(command);
    const QString dir = QFileInfo(m_prepared).absolutePath();
    const QString db = ws.path(u"cell.db"_s);
    QVERIFY(copyDatabase(m_prepared, db));

    QStringList args{u"--lang"_s, u"en"_s, u"--now"_s, kLater};
    for (QString a : row.args)
        args << a.replace(u"%DIR%"_s, dir).replace(u"%CENTRAL%"_s, m_central).replace(u"%BACKUP%"_s, m_backup);
    const Expected want = expected(row.access, c);
    const bool signsIn = row.access != Access::Open && row.access != Access::CentralOwner;
    QByteArray input = row.input;
    if (signsIn && c != Caller::Nobody) {
        args << u"--staff"_s << loginOf(c);
        input = passwordOf(c).toUtf8() + '\n' + input;
    }
    const QByteArray dataBefore = personData(db);
    const int auditBefore = auditEntries(db);
    const CliResult r = ctl(db, args, input);

    if (want.exitCode == -1) {
        // Past the sign-in: whatever the command itself says, but no sign-in refusal.
        QVERIFY2(r.exitCode != 2, qPrintable(describe(r)));
        for (const QString &code : codesOf(r.json().object()))
            QVERIFY2(!code.startsWith(u"staff."_s) || code == u"staff.exists"_s, qPrintable(describe(r)));
        if (!signsIn) {
            // Nobody signs in to it: --staff is no option of it.
            const CliResult withStaff = ctl(db, {u"--lang"_s, u"en"_s, u"status"_s, u"--staff"_s, u"admin"_s});
            QCOMPARE(withStaff.exitCode, 2);
        }
        return;
    }
    QVERIFY2(r.exitCode == want.exitCode, qPrintable(describe(r)));
    QVERIFY2(!r.err.trimmed().isEmpty(), "no message on stderr");
    QCOMPARE(personData(db), dataBefore);
    if (c == Caller::Nobody) {
        QVERIFY2(r.errText().contains(u"--staff"_s), qPrintable(describe(r)));
        QCOMPARE(auditEntries(db), auditBefore);
        return;
    }
    QCOMPARE(codesOf(r.json().object()), QStringList{want.code});
    // Audited, with the login that was tried as the actor.
    QCOMPARE(auditEntries(db), auditBefore + 1);
    const QString entry = lastAudit(db);
    QVERIFY2(entry.startsWith(loginOf(c) + u' '), qPrintable(entry));
    if (want.code == u"staff.not_allowed"_s) {
        QVERIFY2(entry.startsWith(loginOf(c) + u" staff.not_allowed"_s), qPrintable(entry));
        if (command != u"restore"_s) // restore signs in inside its service
            QVERIFY2(entry.contains(command), qPrintable(entry));
    } else {
        QVERIFY2(entry.startsWith(loginOf(c) + u" staff.login_failed"_s), qPrintable(entry));
    }
    CLI_EXPECT(ctl(db, {u"audit"_s, u"verify"_s}), 0); // the chain holds the refusal too
}

// A read of a person is audited: who (the staff login), whom (the national code), when.
void TestCliAccess::showIsAuditedRead()
{
    const QString db = ws.path(u"show.db"_s);
    QVERIFY(copyDatabase(m_prepared, db));
    const int before = auditEntries(db);
    const CliResult r = ctlAs(db, u"supervisor"_s, {u"--now"_s, kLater, u"applicants"_s, u"show"_s, kAli});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json().object().value(u"national_code"_s).toString(), kAli);
    QCOMPARE(auditEntries(db), before + 1);
    QCOMPARE(QString::fromUtf8(
                 sqlite(db, u"SELECT actor || '|' || action || '|' || national_code || '|' || at FROM audit_log "
                            "ORDER BY seq DESC LIMIT 1;"_s))
                 .trimmed()
                 .section(u'|', 0, 2),
             u"supervisor|applicant.read|"_s + kAli);
    const QString at =
        QString::fromUtf8(sqlite(db, u"SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1;"_s)).trimmed();
    QCOMPARE(QDateTime::fromString(at, Qt::ISODateWithMs), QDateTime::fromString(kLater, Qt::ISODate));
    // The case's history says what happened to the case; the reads stay in the audit log.
    const QJsonObject again = ctlAs(db, u"clerk"_s, {u"applicants"_s, u"show"_s, kAli}).json().object();
    QVERIFY2(!historyActions(again).contains(u"applicant.read"_s), qPrintable(historyActions(again).join(u' ')));
    QCOMPARE(auditEntries(db), before + 2);
    // A refused show is no read.
    CLI_REFUSED(ctlAs(db, u"admin"_s, {u"applicants"_s, u"show"_s, kAli}), 1);
    QVERIFY(!lastAudit(db).contains(u"applicant.read"_s));
}

void TestCliAccess::searchIsNotAuditedPerPerson()
{
    const QString db = ws.path(u"search.db"_s);
    QVERIFY(copyDatabase(m_prepared, db));
    const int before = auditEntries(db);
    const CliResult r = ctlAs(db, u"clerk"_s, {u"applicants"_s, u"search"_s, kAli});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json().array().size(), 1);
    QCOMPARE(auditEntries(db), before);
}

// The service role: made by an administrator, runs the machine jobs, prints no one's data
// there (sync: counts only), and may not do anything else (the table above).
void TestCliAccess::serviceLoginOnlyForMachineJobs()
{
    const QString db = ws.path(u"service.db"_s);
    QVERIFY(copyDatabase(m_prepared, db));
    const CliResult made = ctlAs(db, u"admin"_s, {u"user"_s, u"add"_s, u"cron1"_s, u"--role"_s, u"service"_s},
                                 "Service#Pass2-Dasht-Kavir\n");
    CLI_EXPECT(made, 0);
    QCOMPARE(made.json().object().value(u"role"_s).toString(), u"service"_s);
    // A clerk cannot make one.
    CLI_REFUSED(ctlAs(db, u"clerk"_s, {u"user"_s, u"add"_s, u"cron2"_s, u"--role"_s, u"service"_s},
                      "Service#Pass2-Dasht-Kavir\n"),
                1);
    const CliResult sync = ctl(db, {u"--now"_s, kLater, u"sync"_s, u"--central"_s, m_central, u"--staff"_s, u"cron1"_s},
                               "Service#Pass2-Dasht-Kavir\n");
    CLI_EXPECT(sync, 0);
    QCOMPARE(sync.json().object().keys(), (QStringList{u"conflicts"_s, u"ok"_s, u"pulled"_s, u"pushed"_s}));
}

// The branch's first account needs nobody signed in; the second needs an administrator.
void TestCliAccess::firstUserAddNeedsNobody()
{
    const QString db = ws.newDb(false);
    QVERIFY(!db.isEmpty());
    CLI_EXPECT(addAdministrator(db), 0);
    const CliResult second =
        ctl(db, {u"user"_s, u"add"_s, u"clerk"_s, u"--role"_s, u"clerk"_s}, testPassword(u"clerk"_s).toUtf8() + '\n');
    CLI_EXPECT(second, 2);
    QVERIFY2(second.errText().contains(u"--staff"_s), qPrintable(describe(second)));
    CLI_EXPECT(addTestStaff(db), 0);
}

QTEST_GUILESS_MAIN(TestCliAccess)
#include "TestCliAccess.moc"
