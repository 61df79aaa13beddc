// A restored branch database and the central database (issue 15, items 2 and 5), against a
// PostgreSQL 15 central and a SQLite central alike, with the real branchctl: the outbox of a
// backup resumes and nothing is applied twice (a restored batch id is a replay, restored
// changes the central has already are "unchanged"); what came after the backup and reached
// the central comes back with the next pull; what never left is named by the restore and is
// not at the central; a new, empty database of the branch (a replaced PC) is filled from
// the central, and a backup restored onto it keeps syncing; a change made after a restore on
// a row the central moved on meanwhile never overwrites the central's newer values (the
// conflict queue keeps it), while a change on a version the branch pulled goes in; and,
// applying batches in process, an update whose values the central had proves only itself.
#include "db/Central.h"
#include "db/CentralSync.h"
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"
#include "tests/sync/SyncTestUtil.h"

#include <QDir>
#include <QUuid>

using namespace clitest;
using namespace synctest;
using namespace Qt::StringLiterals;

namespace
{

const QDateTime kT0 = QDateTime(QDate(2026, 12, 1), QTime(7, 30), Qt::UTC);

QString at(qint64 seconds)
{
    return iso(kT0.addSecs(seconds));
}

} // namespace

class TestRestoreSync : public SyncFixture
{
    Q_OBJECT

    int m_people = 0;
    int m_desks = 0;

    Person newPerson()
    {
        ++m_people;
        const QString nine = u"%1"_s.arg(420000000 + m_people * 7919, 9, 10, QLatin1Char('0'));
        return {nationalCode(nine), u"0912%1"_s.arg(2000000 + m_people, 7, 10, QLatin1Char('0')), u"نرگس"_s,
                u"البرزی%1"_s.arg(QChar(0x0627 + m_people % 20))};
    }
    static QByteArray ownerLine(const Person &p) { return (p.code + u","_s + p.mobile + u"\n"_s).toUtf8(); }
    QString newMobile() { return u"0935%1"_s.arg(3000000 + ++m_people, 7, 10, QLatin1Char('0')); }

    // A desk of branch `code`: its database in a folder of its own (what a restore renames
    // stays beside it), an administrator and a clerk, the people's registry lines and
    // mobile owners. With `firstSync` it has synced once, so that its pull cursor stands
    // past what earlier tests left at the central and every later pull is counted exactly.
    QString newDesk(const QString &dialect, const QString &code, const QList<Person> &people, bool firstSync = true)
    {
        const QString db = m_ws.path(u"desk-%1-%2/branch.db"_s.arg(code).arg(++m_desks));
        QDir().mkpath(QFileInfo(db).absolutePath());
        QByteArray registry, owners;
        for (const Person &p : people) {
            registry += registryLine(p);
            owners += ownerLine(p);
        }
        QList<CliResult> steps = {
            ctl(db, {u"--now"_s, at(0), u"init"_s, u"--branch"_s, code}),
            addAdministrator(db, {u"--now"_s, at(0)}),
            addTestStaff(db, {u"--now"_s, at(0)}),
            ctlAs(db, u"admin"_s, {u"--now"_s, at(0), u"user"_s, u"add"_s, u"clerk1"_s, u"--role"_s, u"clerk"_s},
                  kStaffPw.toUtf8() + '\n'),
        };
        if (!people.isEmpty()) {
            steps << ctlAs(
                db, u"admin"_s,
                {u"--now"_s, at(0), u"import-registry"_s, m_ws.file(u"reg.csv"_s, kRegistryHeader + registry)});
            steps << ctlAs(db, u"admin"_s,
                           {u"--now"_s, at(0), u"import-mobile-owners"_s,
                            m_ws.file(u"own.csv"_s, "national_code,mobile\n" + owners)});
        }
        if (!people.isEmpty()) // the central's civil registry has them too (activations are checked there)
            steps << branchtest::runCli(branchctl(),
                                        {u"--now"_s, at(0), u"import-registry"_s, u"--central"_s, adminUrl(dialect),
                                         m_ws.file(u"central-reg.csv"_s, kRegistryHeader + registry)},
                                        {}, env());
        if (firstSync)
            steps << sync(db, dialect, code, 1);
        for (const auto &s : steps)
            if (s.exitCode != 0) {
                qWarning("setup failed: %s", qPrintable(describe(s)));
                return {};
            }
        return db;
    }

    CliResult sync(const QString &db, const QString &dialect, const QString &branch, qint64 when,
                   const QString &crashAfter = {})
    {
        return ctlAs(db, u"service"_s, {u"--now"_s, at(when), u"sync"_s, u"--central"_s, urlFor(dialect, branch)}, {},
                     env(crashAfter));
    }
    // Registration and the branch's verification: activated, an account and its SMS (four
    // outbox rows: the request twice, the account, the SMS).
    bool registerAndActivate(const QString &db, const Person &p, qint64 when)
    {
        const CliResult r = ctlAs(db, u"clerk"_s, {u"--now"_s, at(when), u"register"_s, u"-"_s}, requestJson(p));
        const CliResult v = ctlAs(db, u"service"_s, {u"--now"_s, at(when + 1), u"verify"_s});
        if (r.exitCode != 0 || v.exitCode != 0) {
            qWarning("register/verify failed: %s\n%s", qPrintable(describe(r)), qPrintable(describe(v)));
            return false;
        }
        return true;
    }
    static CliResult changeMobile(const QString &db, const Person &p, const QString &mobile, qint64 when)
    {
        return ctl(
            db,
            {u"--now"_s, at(when), u"mobile"_s, u"change"_s, p.code, u"--mobile"_s, mobile, u"--staff"_s, u"clerk1"_s},
            kStaffPw.toUtf8() + '\n');
    }
    // A backup into `folder`; the backup file's path (empty on failure).
    static QString backup(const QString &db, const QString &folder, qint64 when, qint64 *waiting = nullptr)
    {
        const CliResult r = ctl(db, {u"--now"_s, at(when), u"backup"_s, u"--to"_s, folder, u"--staff"_s, u"clerk1"_s},
                                kStaffPw.toUtf8() + '\n');
        if (r.exitCode != 0) {
            qWarning("backup failed: %s", qPrintable(describe(r)));
            return {};
        }
        if (waiting)
            *waiting = r.json().object().value(u"waiting_changes"_s).toInteger(-1);
        return r.json().object().value(u"file"_s).toString();
    }
    static CliResult restore(const QString &db, const QString &file, qint64 when)
    {
        return ctl(db, {u"--now"_s, at(when), u"restore"_s, file, u"--staff"_s, u"admin"_s}, kAdminPw.toUtf8() + '\n');
    }

    // A person's travelling rows (id, version, branch, status or mobile), written alike for
    // the central and a branch database, so that both sides compare line by line.
    static QString stateSql(const QString &table, const QString &code)
    {
        const QString what = table == "accounts"_L1 ? u"coalesce(mobile, '')"_s : u"status"_s;
        return u"SELECT '%1:' || id || ':' || version || ':' || branch_code || ':' || %2 FROM %1 WHERE national_code = "
               u"'%3' ORDER BY id"_s.arg(table, what, code);
    }
    // (Another branch pulls the requests and accounts, not the SMS: `withSms` false.)
    static QStringList stateTables(bool withSms)
    {
        return withSms ? QStringList{u"requests"_s, u"accounts"_s, u"sms_messages"_s}
                       : QStringList{u"requests"_s, u"accounts"_s};
    }
    QByteArray centralState(const QString &dialect, const QString &code, bool withSms = true)
    {
        QByteArray out;
        for (const QString &t : stateTables(withSms))
            out += centralRows(dialect, stateSql(t, code));
        return out;
    }
    static QByteArray localState(const QString &db, const QString &code, bool withSms = true)
    {
        QByteArray out;
        for (const QString &t : stateTables(withSms))
            out += sqlite(db, stateSql(t, code) + u";"_s);
        return out;
    }
    // The central conflict rows about a person's rows.
    int centralConflicts(const QString &dialect, const QString &code)
    {
        const QString cast = dialect == "postgresql"_L1 ? u"::text"_s : QString();
        return centralValue(dialect,
                            u"SELECT count(*) FROM conflicts WHERE row_id IN (SELECT id%1 FROM requests WHERE "
                            u"national_code = '%2' UNION SELECT id%1 FROM accounts WHERE national_code = '%2' "
                            u"UNION SELECT id%1 FROM sms_messages WHERE national_code = '%2')"_s.arg(cast, code))
            .toInt();
    }
    QString centralChanges(const QString &dialect) { return centralValue(dialect, u"SELECT count(*) FROM changes"_s); }
    QString centralBatches(const QString &dialect, const QString &branch)
    {
        return centralValue(dialect, u"SELECT count(*) FROM applied_batches WHERE branch_code = '%1'"_s.arg(branch));
    }
    // The ids of the branch's applied batches.
    QSet<QByteArray> batchIds(const QString &dialect, const QString &branch)
    {
        const QString cast = dialect == "postgresql"_L1 ? u"::text"_s : QString();
        const QList<QByteArray> ids =
            centralRows(dialect, u"SELECT batch_id%1 FROM applied_batches WHERE branch_code = '%2'"_s.arg(cast, branch))
                .split('\n');
        return QSet<QByteArray>(ids.begin(), ids.end()) - QSet<QByteArray>{QByteArray()};
    }
    // What the central recorded for a batch (rows, applied, unchanged, conflicts).
    QJsonObject batchSummary(const QString &dialect, const QByteArray &batchId)
    {
        const QString text = centralValue(
            dialect, u"SELECT summary FROM applied_batches WHERE batch_id = '%1'"_s.arg(QString::fromLatin1(batchId)));
        return QJsonDocument::fromJson(text.toUtf8()).object();
    }
    static QStringList afterBackupActions(const CliResult &restored, const QString &code)
    {
        QStringList out;
        for (const auto &v : restored.json().object().value(u"after_backup"_s).toArray())
            if (v.toObject().value(u"national_code"_s).toString() == code)
                out << v.toObject().value(u"action"_s).toString();
        return out;
    }

private slots:
    void initTestCase() { setUpCentrals({u"1001"_s, u"1002"_s}); }

    // (a) A backup taken offline while four changes wait (a registration, its activation,
    // the account, its SMS); after the backup a mobile change is made; all of it is synced,
    // the waiting changes first and the mobile change apart, or all in one push (the central
    // change log then holds the account only as the mobile change left it). The backup
    // restored, its four changes go again under a new batch id. The central has had them:
    // the SMS's creation, last of the four, is the central row as it is, and the outbox goes
    // in order, so the three before it were taken with it (whatever the log kept of them).
    // Nothing is written (pushed 0, no conflict, no new change-log row, every central
    // version as it was) and the batch is recorded as four rows unchanged; the pull brings
    // back exactly what came after the backup (the account's new mobile and its two SMS), and
    // another branch sees the same. (Before the fix the request was merged again to a
    // version 3 and the account's creation was queued as a conflict against the newer
    // mobile: pushed 1, conflicts 1.)
    void restoredOutboxAppliesNothingTwice_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<bool>("together"); // the later change pushed with the waiting ones
        for (const QString &dialect : {u"postgresql"_s, u"sqlite"_s}) {
            QTest::addRow("%s, the later change synced apart", qPrintable(dialect)) << dialect << false;
            QTest::addRow("%s, the later change synced with them", qPrintable(dialect)) << dialect << true;
        }
    }
    void restoredOutboxAppliesNothingTwice()
    {
        QFETCH(QString, dialect);
        QFETCH(bool, together);
        const Person p = newPerson();
        const QString a = newDesk(dialect, u"1001"_s, {p});
        const QString b = newDesk(dialect, u"1002"_s, {});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(registerAndActivate(a, p, 60));
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 4);
        qint64 waiting = -1;
        const QString file = backup(a, m_ws.path(u"usb-a-%1-%2"_s.arg(dialect).arg(together)), 120, &waiting);
        QVERIFY(!file.isEmpty());
        QCOMPARE(waiting, 4);

        if (!together) {
            const CliResult first = sync(a, dialect, u"1001"_s, 180);
            CLI_EXPECT(first, 0);
            QCOMPARE(field(first, "pushed"), 4);
        }
        const QString later = newMobile();
        CLI_EXPECT(changeMobile(a, p, later, 240), 0);
        const CliResult second = sync(a, dialect, u"1001"_s, 300);
        CLI_EXPECT(second, 0);
        QCOMPARE(field(second, "pushed"),
                 together ? 7 : 3); // (+) the account's version 2 and its two SMS (old and new number)
        QCOMPARE(field(second, "conflicts"), 0);

        const QByteArray central = centralState(dialect, p.code);
        QCOMPARE(central, localState(a, p.code));
        QVERIFY2(central.contains(":2:1001:" + later.toUtf8()), central.constData());
        const QString changes = centralChanges(dialect);
        const QSet<QByteArray> batches = batchIds(dialect, u"1001"_s);

        const CliResult restored = restore(a, file, 360);
        CLI_EXPECT(restored, 0);
        QCOMPARE(restored.json().object().value(u"waiting_in_backup"_s).toInteger(), 4);
        QCOMPARE(restored.json().object().value(u"unsent_in_kept_aside"_s).toInteger(), 0);
        QCOMPARE(afterBackupActions(restored, p.code),
                 (QStringList{u"sms.queue"_s, u"sms.queue"_s, u"account.mobile_change"_s}));
        QCOMPARE(show(a, p.code).value(u"mobile"_s).toString(), p.mobile); // the backup's state
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox WHERE batch_id IS NULL"_s), 4);

        const CliResult again = sync(a, dialect, u"1001"_s, 420);
        CLI_EXPECT(again, 0);
        QCOMPARE(centralState(dialect, p.code), central);
        QVERIFY2(field(again, "pushed") == 0 && field(again, "conflicts") == 0 && field(again, "pulled") == 3,
                 again.out.constData());
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(centralChanges(dialect), changes);
        QCOMPARE(centralConflicts(dialect, p.code), 0);
        const QSet<QByteArray> added = batchIds(dialect, u"1001"_s) - batches;
        QCOMPARE(added.size(), 1); // one new batch id, recorded with what it did
        const QJsonObject summary = batchSummary(dialect, *added.begin());
        QCOMPARE(summary.value(u"rows"_s).toInt(), 4);
        QCOMPARE(summary.value(u"applied"_s).toInt(), 0);
        QCOMPARE(summary.value(u"unchanged"_s).toInt(), 4);
        QCOMPARE(summary.value(u"conflicts"_s).toInt(), 0);
        // What came after the backup is back: the mobile, its version, the SMS.
        QCOMPARE(localState(a, p.code), central);
        QCOMPARE(show(a, p.code).value(u"mobile"_s).toString(), later);
        CLI_EXPECT(ctl(a, {u"audit"_s, u"verify"_s}), 0);

        QCOMPARE(fetchAt(b, dialect, u"1002"_s, p.code), QString()); // she comes to 1002's counter
        CLI_EXPECT(sync(b, dialect, u"1002"_s, 480), 0);
        QCOMPARE(show(b, p.code).value(u"mobile"_s).toString(), later);
        QCOMPARE(localState(b, p.code, false), centralState(dialect, p.code, false));
    }

    // (b) The sync dies (the test seam) right after the central committed the first batch:
    // the outbox still holds it, stamped with its batch id; a backup is taken at that
    // moment. The next sync sends that batch id (a replay) and clears the outbox; a change
    // after the backup is synced. Restored, the backup's outbox sends the same batch id once
    // more: a replay again, nothing written, no batch recorded; the pull brings back the
    // change made after the backup.
    void stampedBatchInBackupIsAReplay_data() { dialects(); }
    void stampedBatchInBackupIsAReplay()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newDesk(dialect, u"1001"_s, {p});
        QVERIFY(!a.isEmpty());
        QVERIFY(registerAndActivate(a, p, 60));
        const CliResult crashed = sync(a, dialect, u"1001"_s, 120, u"central_commit"_s);
        QCOMPARE(crashed.exitCode, 9);
        const QString batchId = localValue(a, u"SELECT DISTINCT batch_id FROM outbox"_s);
        QVERIFY(!batchId.isEmpty() && !batchId.contains(u'\n'));
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox WHERE batch_id = '%1'"_s.arg(batchId)), 4);
        const QString appliedSql = u"SELECT count(*) FROM applied_batches WHERE batch_id = '%1'"_s.arg(batchId);
        QCOMPARE(centralValue(dialect, appliedSql), u"1"_s);

        qint64 waiting = -1;
        const QString file = backup(a, m_ws.path(u"usb-b-"_s + dialect), 150, &waiting);
        QVERIFY(!file.isEmpty());
        QCOMPARE(waiting, 4);
        QCOMPARE(localValue(file, u"SELECT DISTINCT batch_id FROM outbox"_s), batchId);

        const QString changesAfterFirst = centralChanges(dialect);
        const CliResult replay = sync(a, dialect, u"1001"_s, 180);
        CLI_EXPECT(replay, 0);
        QCOMPARE(field(replay, "pushed"), 0);
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(centralChanges(dialect), changesAfterFirst);
        const QString later = newMobile();
        CLI_EXPECT(changeMobile(a, p, later, 240), 0);
        const CliResult second = sync(a, dialect, u"1001"_s, 300);
        CLI_EXPECT(second, 0);
        QCOMPARE(field(second, "pushed"), 3); // the mobile change: the account and its two SMS

        const QByteArray central = centralState(dialect, p.code);
        const QString changes = centralChanges(dialect);
        const QString batches = centralBatches(dialect, u"1001"_s);
        const CliResult restored = restore(a, file, 360);
        CLI_EXPECT(restored, 0);
        QCOMPARE(localValue(a, u"SELECT DISTINCT batch_id FROM outbox"_s), batchId);
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 4);

        const CliResult again = sync(a, dialect, u"1001"_s, 420);
        CLI_EXPECT(again, 0);
        QCOMPARE(field(again, "pushed"), 0);
        QCOMPARE(field(again, "conflicts"), 0);
        QCOMPARE(field(again, "pulled"), 3); // the account's new mobile and its two SMS
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(centralValue(dialect, appliedSql), u"1"_s);
        QCOMPARE(centralBatches(dialect, u"1001"_s), batches); // a replay records nothing
        QCOMPARE(centralChanges(dialect), changes);
        QCOMPARE(centralState(dialect, p.code), central);
        QCOMPARE(centralConflicts(dialect, p.code), 0);
        QCOMPARE(localState(a, p.code), central);
        QCOMPARE(show(a, p.code).value(u"mobile"_s).toString(), later);
    }

    // (c) After a synced backup, a mobile change is made and never synced: the restore
    // names it ("after_backup": the change and its two SMS; "unsent_in_kept_aside": its
    // three outbox rows, which the kept-aside database still holds), the central never had it,
    // and syncing the restored database neither sends nor brings it back.
    void unsentAfterBackupIsNamed_data() { dialects(); }
    void unsentAfterBackupIsNamed()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newDesk(dialect, u"1001"_s, {p});
        const QString b = newDesk(dialect, u"1002"_s, {});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(registerAndActivate(a, p, 60));
        CLI_EXPECT(sync(a, dialect, u"1001"_s, 120), 0);
        qint64 waiting = -1;
        const QString file = backup(a, m_ws.path(u"usb-c-"_s + dialect), 180, &waiting);
        QVERIFY(!file.isEmpty());
        QCOMPARE(waiting, 0);
        const QString unsent = newMobile();
        CLI_EXPECT(changeMobile(a, p, unsent, 240), 0);
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 3);
        const QByteArray central = centralState(dialect, p.code);
        QVERIFY(!central.contains(unsent.toUtf8()));

        const CliResult restored = restore(a, file, 300);
        CLI_EXPECT(restored, 0);
        const QJsonObject o = restored.json().object();
        QCOMPARE(afterBackupActions(restored, p.code),
                 (QStringList{u"sms.queue"_s, u"sms.queue"_s, u"account.mobile_change"_s}));
        QStringList unnamed; // entries without a person: the backup's own record
        for (const auto &v : o.value(u"after_backup"_s).toArray())
            if (v.toObject().value(u"national_code"_s).toString().isEmpty())
                unnamed << v.toObject().value(u"action"_s).toString();
        QCOMPARE(unnamed, QStringList{u"database.backup"_s});
        QCOMPARE(o.value(u"unsent_in_kept_aside"_s).toInteger(), 3);
        QVERIFY2(restored.errText().contains(u"after_backup"_s), qPrintable(restored.errText()));
        const QString aside = o.value(u"kept_aside"_s).toString();
        QCOMPARE(localCount(aside, u"SELECT count(*) FROM outbox"_s), 3);
        QCOMPARE(localValue(aside, u"SELECT mobile FROM accounts WHERE national_code = '%1'"_s.arg(p.code)), unsent);
        QCOMPARE(show(a, p.code).value(u"mobile"_s).toString(), p.mobile);

        const CliResult after = sync(a, dialect, u"1001"_s, 360);
        CLI_EXPECT(after, 0);
        QCOMPARE(field(after, "pushed"), 0);
        QCOMPARE(field(after, "pulled"), 0);
        QCOMPARE(field(after, "conflicts"), 0);
        QCOMPARE(centralState(dialect, p.code), central);
        QCOMPARE(localState(a, p.code), central);
        QCOMPARE(fetchAt(b, dialect, u"1002"_s, p.code), QString()); // she comes to 1002's counter
        CLI_EXPECT(sync(b, dialect, u"1002"_s, 420), 0);
        QCOMPARE(show(b, p.code).value(u"mobile"_s).toString(), p.mobile);
        QCOMPARE(centralConflicts(dialect, p.code), 0);
    }

    // (d) Item 5, a replaced PC. (TestSync::newDatabaseOfTheSameBranchPullsItsRows shows
    // that a new database of the branch pulls the old one's requests; here the whole case.)
    // The old desk activated one person and synced, then activated a second offline and
    // backed up to a USB stick, and died. A new, empty database of the branch (init, its
    // staff) syncs and holds the first person as the old desk had her (request, account,
    // SMS, the same versions), not the second, and sends nothing back. The old desk's backup
    // restored onto the new PC's path (the new database kept aside) syncs: its four waiting
    // changes arrive, the first person's rows stay as they were; a counter action after it
    // reaches the central and the other branch.
    void replacedPcIsFilledThenTakesTheBackup_data() { dialects(); }
    void replacedPcIsFilledThenTakesTheBackup()
    {
        QFETCH(QString, dialect);
        const Person first = newPerson(), second = newPerson();
        const QString old = newDesk(dialect, u"1001"_s, {first, second});
        const QString other = newDesk(dialect, u"1002"_s, {});
        QVERIFY(!old.isEmpty() && !other.isEmpty());
        QVERIFY(registerAndActivate(old, first, 60));
        const CliResult pushed = sync(old, dialect, u"1001"_s, 120);
        CLI_EXPECT(pushed, 0);
        QCOMPARE(field(pushed, "pushed"), 4);
        QVERIFY(registerAndActivate(old, second, 180));
        qint64 waiting = -1;
        const QString file = backup(old, m_ws.path(u"usb-d-"_s + dialect), 240, &waiting);
        QVERIFY(!file.isEmpty());
        QCOMPARE(waiting, 4);

        const QString fresh = newDesk(dialect, u"1001"_s, {}, false);
        QVERIFY(!fresh.isEmpty());
        QCOMPARE(localCount(fresh, u"SELECT count(*) FROM requests"_s), 0);
        const CliResult filled = sync(fresh, dialect, u"1001"_s, 300);
        CLI_EXPECT(filled, 0);
        QCOMPARE(field(filled, "pushed"), 0);
        QVERIFY(field(filled, "pulled") >= 3); // the first person's request, account and SMS, and earlier tests'
        QCOMPARE(localState(fresh, first.code), localState(old, first.code));
        QCOMPARE(localState(fresh, first.code), centralState(dialect, first.code));
        QCOMPARE(localState(fresh, second.code), QByteArray());
        QCOMPARE(show(fresh, first.code).value(u"mobile"_s).toString(), first.mobile);
        QCOMPARE(show(fresh, first.code).value(u"status"_s).toString(), u"activated"_s);
        QCOMPARE(localCount(fresh, u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(localCount(fresh, u"SELECT count(*) FROM requests"_s),
                 centralValue(dialect, u"SELECT count(*) FROM requests"_s).toInt());

        const QByteArray firstCentral = centralState(dialect, first.code);
        const CliResult restored = restore(fresh, file, 360);
        CLI_EXPECT(restored, 0);
        QVERIFY(QFileInfo(restored.json().object().value(u"kept_aside"_s).toString()).isFile());
        QCOMPARE(restored.json().object().value(u"waiting_in_backup"_s).toInteger(), 4);
        const CliResult resumed = sync(fresh, dialect, u"1001"_s, 420);
        CLI_EXPECT(resumed, 0);
        QCOMPARE(field(resumed, "pushed"), 4);
        QCOMPARE(field(resumed, "conflicts"), 0);
        QCOMPARE(field(resumed, "pulled"), 0);
        QCOMPARE(localCount(fresh, u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(centralState(dialect, first.code), firstCentral);
        QCOMPARE(centralState(dialect, second.code), localState(fresh, second.code));
        QCOMPARE(centralValue(dialect, u"SELECT status FROM requests WHERE national_code = '%1'"_s.arg(second.code)),
                 u"activated"_s);

        const QString later = newMobile();
        CLI_EXPECT(changeMobile(fresh, second, later, 480), 0);
        const CliResult counter = sync(fresh, dialect, u"1001"_s, 540);
        CLI_EXPECT(counter, 0);
        QCOMPARE(field(counter, "pushed"), 3);
        QCOMPARE(field(counter, "conflicts"), 0);
        QCOMPARE(centralValue(
                     dialect,
                     u"SELECT version || ':' || mobile FROM accounts WHERE national_code = '%1'"_s.arg(second.code)),
                 u"2:"_s + later);
        QCOMPARE(centralConflicts(dialect, first.code) + centralConflicts(dialect, second.code), 0);
        for (const Person &who : {first, second}) // they come to 1002's counter
            QCOMPARE(fetchAt(other, dialect, u"1002"_s, who.code), QString());
        CLI_EXPECT(sync(other, dialect, u"1002"_s, 600), 0);
        QCOMPARE(show(other, second.code).value(u"mobile"_s).toString(), later);
        QCOMPARE(show(other, first.code).value(u"mobile"_s).toString(), first.mobile);
        QCOMPARE(localState(other, second.code, false), centralState(dialect, second.code, false));
    }

    // (e) After a synced backup the account's mobile changes and is synced (the central at
    // version 2); the backup is restored (the branch at version 1) and, before any sync,
    // the clerk changes the mobile twice (the branch's versions 2 and 3). Neither change may
    // overwrite the central's newer mobile: the first is pushed on base 1 against version 2
    // (a conflict by the rules); the second is pushed on base 2, which is the central's
    // version number but not its values (the branch's version 2 is the first change, not the
    // central's). Outcome: both are kept in the central conflict queue with both sides'
    // values, the central row untouched (version 2, the mobile of after the backup); the SMS
    // of each change, new rows, arrive; the branch keeps its own mobile until decided (the
    // central's version 2 is not newer than its 3). A supervisor's decisions then bring
    // every side to one value, and the next change goes in as usual. (Before the fix the
    // second change was written over the central's mobile, at version 3: conflicts 1, and
    // the mobile changed after the backup was left only in the conflict's central copy.)
    void changeAfterRestoreNeverOverwritesTheCentral_data() { dialects(); }
    void changeAfterRestoreNeverOverwritesTheCentral()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newDesk(dialect, u"1001"_s, {p});
        const QString b = newDesk(dialect, u"1002"_s, {});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        CLI_EXPECT(ctlAs(a, u"admin"_s,
                         {u"--now"_s, at(0), u"user"_s, u"add"_s, u"super1"_s, u"--role"_s, u"supervisor"_s},
                         kStaffPw.toUtf8() + '\n'),
                   0);
        QVERIFY(registerAndActivate(a, p, 60));
        CLI_EXPECT(sync(a, dialect, u"1001"_s, 120), 0);
        const QString file = backup(a, m_ws.path(u"usb-e-"_s + dialect), 180);
        QVERIFY(!file.isEmpty());
        const QString centralMobile = newMobile();
        CLI_EXPECT(changeMobile(a, p, centralMobile, 240), 0);
        CLI_EXPECT(sync(a, dialect, u"1001"_s, 300), 0);
        const QString accountId = localValue(a, u"SELECT id FROM accounts WHERE national_code = '%1'"_s.arg(p.code));
        const QString accountSql = u"SELECT version || ':' || mobile FROM accounts WHERE id = '%1'"_s.arg(accountId);
        QCOMPARE(centralValue(dialect, accountSql), u"2:"_s + centralMobile);
        const QString accountChanges =
            centralValue(dialect, u"SELECT count(*) FROM changes WHERE row_id = '%1'"_s.arg(accountId));

        CLI_EXPECT(restore(a, file, 360), 0);
        QCOMPARE(localValue(a, accountSql), u"1:"_s + p.mobile);
        const QString m2 = newMobile(), m3 = newMobile();
        CLI_EXPECT(changeMobile(a, p, m2, 420), 0);
        CLI_EXPECT(changeMobile(a, p, m3, 480), 0);
        QCOMPARE(localValue(a, accountSql), u"3:"_s + m3);

        const CliResult pushed = sync(a, dialect, u"1001"_s, 540);
        CLI_EXPECT(pushed, 0);
        QCOMPARE(field(pushed, "conflicts"), 2);
        QCOMPARE(field(pushed, "pushed"), 4); // the four SMS (each change: to the old number and the new)
        QCOMPARE(centralValue(dialect, accountSql), u"2:"_s + centralMobile);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM changes WHERE row_id = '%1'"_s.arg(accountId)),
                 accountChanges);
        QCOMPARE(localValue(a, accountSql), u"3:"_s + m3); // the central's version 2 is not newer

        const QStringList listArgs{u"conflicts"_s, u"list"_s, u"--central"_s, urlFor(dialect, u"1001"_s)};
        const CliResult listed = ctlAs(a, u"supervisor"_s, listArgs, {}, env());
        CLI_EXPECT(listed, 0);
        QHash<QString, QString> conflictByMobile; // the branch's mobile → conflict id
        for (const auto &v : listed.json().array()) {
            const QJsonObject c = v.toObject();
            if (c.value(u"row_id"_s).toString() != accountId)
                continue;
            QCOMPARE(c.value(u"central"_s).toObject().value(u"mobile"_s).toString(), centralMobile);
            conflictByMobile.insert(c.value(u"local"_s).toObject().value(u"mobile"_s).toString(),
                                    c.value(u"id"_s).toString());
        }
        QCOMPARE(QSet<QString>(conflictByMobile.keyBegin(), conflictByMobile.keyEnd()), (QSet<QString>{m2, m3}));

        // The supervisor sets the first aside (the central keeps its value) and takes the
        // second (the clerk's last mobile): the central, this branch and the other agree.
        const auto resolve = [&](const QString &id, const QString &keep, qint64 when) {
            return ctl(a,
                       {u"--now"_s, at(when), u"conflicts"_s, u"resolve"_s, id, u"--keep"_s, keep, u"--staff"_s,
                        u"super1"_s, u"--central"_s, urlFor(dialect, u"1001"_s)},
                       kStaffPw.toUtf8() + '\n', env());
        };
        CLI_EXPECT(resolve(conflictByMobile.value(m2), u"central"_s, 600), 0);
        CLI_EXPECT(resolve(conflictByMobile.value(m3), u"local"_s, 660), 0);
        QCOMPARE(centralValue(dialect, accountSql), u"4:"_s + m3);
        CLI_EXPECT(sync(a, dialect, u"1001"_s, 720), 0);
        QCOMPARE(fetchAt(b, dialect, u"1002"_s, p.code), QString()); // she comes to 1002's counter
        CLI_EXPECT(sync(b, dialect, u"1002"_s, 780), 0);
        QCOMPARE(localValue(a, accountSql), u"4:"_s + m3);
        QCOMPARE(localValue(b, accountSql), u"4:"_s + m3);
        QCOMPARE(localState(a, p.code), centralState(dialect, p.code));
        // Decided, the row is the central's again: the next change goes in as usual.
        const QString m5 = newMobile();
        CLI_EXPECT(changeMobile(a, p, m5, 840), 0);
        const CliResult next = sync(a, dialect, u"1001"_s, 900);
        CLI_EXPECT(next, 0);
        QCOMPARE(field(next, "conflicts"), 0);
        QCOMPARE(field(next, "pushed"), 3);
        QCOMPARE(centralValue(dialect, accountSql), u"5:"_s + m5);
    }

    // (f) The other side of (e)'s rule: a change made after a restore conflicts (the branch
    // at version 2 with its own mobile, the central at version 2 with another); the other
    // branch then changes the mobile (the central at version 3), and this branch pulls that
    // version, its conflict still open. Its next change is on the central's own version 3:
    // it goes in as usual (no conflict), and the open conflict stays for a supervisor.
    void changeOnThePulledVersionGoesIn_data() { dialects(); }
    void changeOnThePulledVersionGoesIn()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newDesk(dialect, u"1001"_s, {p});
        const QString b = newDesk(dialect, u"1002"_s, {});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(registerAndActivate(a, p, 60));
        CLI_EXPECT(sync(a, dialect, u"1001"_s, 120), 0);
        const QString file = backup(a, m_ws.path(u"usb-f-"_s + dialect), 180);
        QVERIFY(!file.isEmpty());
        CLI_EXPECT(changeMobile(a, p, newMobile(), 240), 0);
        CLI_EXPECT(sync(a, dialect, u"1001"_s, 300), 0);
        CLI_EXPECT(restore(a, file, 360), 0);
        CLI_EXPECT(changeMobile(a, p, newMobile(), 420), 0);
        const CliResult conflicted = sync(a, dialect, u"1001"_s, 480);
        CLI_EXPECT(conflicted, 0);
        QCOMPARE(field(conflicted, "conflicts"), 1);
        const QString accountId = localValue(a, u"SELECT id FROM accounts WHERE national_code = '%1'"_s.arg(p.code));
        const QString accountSql = u"SELECT version || ':' || mobile FROM accounts WHERE id = '%1'"_s.arg(accountId);

        QCOMPARE(fetchAt(b, dialect, u"1002"_s, p.code), QString()); // she comes to 1002's counter
        CLI_EXPECT(sync(b, dialect, u"1002"_s, 540), 0);
        const QString fromB = newMobile();
        CLI_EXPECT(changeMobile(b, p, fromB, 600), 0);
        const CliResult pushedB = sync(b, dialect, u"1002"_s, 660);
        CLI_EXPECT(pushedB, 0);
        QCOMPARE(field(pushedB, "conflicts"), 0);
        QCOMPARE(centralValue(dialect, accountSql), u"3:"_s + fromB);
        CLI_EXPECT(sync(a, dialect, u"1001"_s, 720), 0);
        QCOMPARE(localValue(a, accountSql), u"3:"_s + fromB);

        const QString mine = newMobile();
        CLI_EXPECT(changeMobile(a, p, mine, 780), 0);
        const CliResult next = sync(a, dialect, u"1001"_s, 840);
        CLI_EXPECT(next, 0);
        QCOMPARE(field(next, "conflicts"), 0);
        QCOMPARE(field(next, "pushed"), 3);
        QCOMPARE(centralValue(dialect, accountSql), u"4:"_s + mine);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM conflicts WHERE row_id = '%1' AND status = 'open'"_s.arg(
                                           accountId)),
                 u"1"_s);
    }

    // What (a)'s rule does not take for proof: an update whose values the central database
    // had already proves only itself. Two desks of one branch can write the same state (an
    // SMS both gave up on: "failed", no time); the second desk's batch holds a new SMS
    // first, which must arrive. (In process, as branch 1001, like TestSync's batch tests.)
    void identicalUpdateProvesOnlyItself_data() { dialects(); }
    void identicalUpdateProvesOnlyItself()
    {
        QFETCH(QString, dialect);
        auto db = openAsBranch(dialect, u"1001"_s);
        auto central = admin(dialect); // a branch's role does not read the change log
        QVERIFY(db && central);
        const Person p = newPerson();
        const auto sms = [&](const QString &id, int version, const QString &status) {
            return QJsonObject{{u"id"_s, id},
                               {u"branch_code"_s, u"1001"_s},
                               {u"version"_s, version},
                               {u"national_code"_s, p.code},
                               {u"mobile"_s, p.mobile},
                               {u"kind"_s, u"identity_mismatch"_s},
                               {u"text"_s, u"متن پیامک"_s},
                               {u"created_at"_s, at(0)},
                               {u"status"_s, status},
                               {u"sent_at"_s, QJsonValue::Null}};
        };
        const auto batch = [] { return QUuid::createUuid().toString(QUuid::WithoutBraces); };
        using branch::db::applyPushBatch;
        using branch::db::PushedChange;
        const QString shared = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString fresh = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(applyPushBatch(*db, batch(), u"1001"_s,
                                {PushedChange{u"sms_messages"_s, shared, 0, 1, sms(shared, 1, u"queued"_s)}}, kT0)
                     .applied,
                 1);
        // The first desk gave up on it; then a central decision moved it on (version 3).
        QCOMPARE(applyPushBatch(*db, batch(), u"1001"_s,
                                {PushedChange{u"sms_messages"_s, shared, 1, 2, sms(shared, 2, u"failed"_s)}}, kT0)
                     .applied,
                 1);
        QCOMPARE(applyPushBatch(*db, batch(), u"1001"_s,
                                {PushedChange{u"sms_messages"_s, shared, 2, 3, sms(shared, 3, u"queued"_s)}}, kT0)
                     .applied,
                 1);
        const qint64 before = central->lastChangeSeq();
        const auto second = applyPushBatch(*db, batch(), u"1001"_s,
                                           {PushedChange{u"sms_messages"_s, fresh, 0, 1, sms(fresh, 1, u"queued"_s)},
                                            PushedChange{u"sms_messages"_s, shared, 1, 2, sms(shared, 2, u"failed"_s)}},
                                           kT0);
        QCOMPARE(second.applied, 1);   // the new SMS
        QCOMPARE(second.unchanged, 1); // the state the log holds
        QCOMPARE(second.conflicts, 0);
        QCOMPARE(central->lastChangeSeq(), before + 1);
        QCOMPARE(
            centralValue(dialect, u"SELECT version || ':' || status FROM sms_messages WHERE id = '%1'"_s.arg(fresh)),
            u"1:queued"_s);
        QCOMPARE(
            centralValue(dialect, u"SELECT version || ':' || status FROM sms_messages WHERE id = '%1'"_s.arg(shared)),
            u"3:queued"_s);
    }
};

QTEST_GUILESS_MAIN(TestRestoreSync)
#include "TestRestoreSync.moc"
