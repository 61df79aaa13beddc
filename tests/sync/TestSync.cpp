// Sync end to end, against a PostgreSQL 15 central and a SQLite central alike (each test
// runs for both): what one branch registers reaches another (and its name search); a
// replayed batch applies once; a crash between the central commit and the local outbox
// delete pushes nothing twice; an unreachable central leaves the outbox intact and the
// next sync completes; two branches changing one account's mobile offline leave exactly
// one conflict, neither value overwritten.
#include "db/Central.h"
#include "db/CentralFetch.h"
#include "db/CentralSync.h"
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"
#include "tests/sync/SyncTestUtil.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace clitest;
using namespace synctest;
using namespace Qt::StringLiterals;
using branch::db::DbException;

namespace
{

const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(7, 30), Qt::UTC);

QString at(qint64 seconds)
{
    return iso(kT0.addSecs(seconds));
}

} // namespace

class TestSync : public SyncFixture
{
    Q_OBJECT

    int m_people = 0;

    // A new branch database `code` with the registry, a mobile owner and a clerk.
    QString newBranch(const QString &code, const QByteArray &registry, const QByteArray &owners)
    {
        const QString db = m_ws.path(u"branch-%1-%2.db"_s.arg(code).arg(++m_people));
        QList<CliResult> steps = {
            ctl(db, {u"init"_s, u"--branch"_s, code}),
            addAdministrator(db, {u"--now"_s, at(0)}),
            addTestStaff(db, {u"--now"_s, at(0)}),
            ctlAs(db, u"admin"_s, {u"--now"_s, at(0), u"user"_s, u"add"_s, u"clerk1"_s, u"--role"_s, u"clerk"_s},
                  kStaffPw.toUtf8() + '\n'),
        };
        if (!registry.isEmpty())
            steps << ctlAs(db, u"admin"_s,
                           {u"--now"_s, at(0), u"import-registry"_s, file(u"reg.csv"_s, kRegistryHeader + registry)});
        if (!owners.isEmpty())
            steps << ctlAs(
                db, u"admin"_s,
                {u"--now"_s, at(0), u"import-mobile-owners"_s, file(u"own.csv"_s, "national_code,mobile\n" + owners)});
        for (const auto &s : steps)
            if (s.exitCode != 0) {
                qWarning("setup failed: %s", qPrintable(describe(s)));
                return {};
            }
        return db;
    }

    QString file(const QString &name, const QByteArray &data) { return m_ws.file(name, data); }

    // The person's row in the central's civil registry (every activation is checked there).
    bool centralRegistry(const QString &dialect, const Person &p)
    {
        const CliResult r =
            branchtest::runCli(branchctl(),
                               {u"--now"_s, at(0), u"import-registry"_s, u"--central"_s, adminUrl(dialect),
                                file(u"central-reg.csv"_s, kRegistryHeader + registryLine(p))},
                               {}, env());
        if (r.exitCode != 0)
            qWarning("central import failed: %s", qPrintable(describe(r)));
        return r.exitCode == 0;
    }

    CliResult sync(const QString &db, const QString &dialect, const QString &branch, const QString &crashAfter = {},
                   const QString &url = {})
    {
        return ctlAs(db, u"service"_s,
                     {u"--now"_s, at(600), u"sync"_s, u"--central"_s, url.isEmpty() ? urlFor(dialect, branch) : url},
                     {}, env(crashAfter));
    }

    // A fresh person: national code, mobile and names.
    Person newPerson()
    {
        ++m_people;
        const QString nine = u"%1"_s.arg(310000000 + m_people * 7919, 9, 10, QLatin1Char('0'));
        Person p{nationalCode(nine), u"0912%1"_s.arg(1000000 + m_people, 7, 10, QLatin1Char('0')), u"مهسا"_s,
                 u"کوهسار%1"_s.arg(QChar(0x0627 + m_people % 20))};
        return p;
    }

private slots:
    void initTestCase() { setUpCentrals({u"1001"_s, u"1002"_s, u"1003"_s}); }

    // Branch 1001 registers a person; after 1001 and then 1002 sync, 1002 finds her by
    // national code and by name; a second sync of either moves nothing.
    void pushThenPull_data() { dialects(); }
    void pushThenPull()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newBranch(u"1001"_s, registryLine(p), {});
        const QString b = newBranch(u"1002"_s, {}, {});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        CLI_EXPECT(ctlAs(a, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
        const int queued = localCount(a, u"SELECT count(*) FROM outbox"_s);
        QVERIFY(queued >= 1);

        const CliResult pushA = sync(a, dialect, u"1001"_s);
        CLI_EXPECT(pushA, 0);
        QCOMPARE(pushA.json().object().value(u"ok"_s).toBool(), true);
        QCOMPARE(field(pushA, "pushed"), queued);
        QCOMPARE(field(pushA, "conflicts"), 0);
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 0);

        QCOMPARE(localCount(b, u"SELECT count(*) FROM requests WHERE national_code = '%1'"_s.arg(p.code)), 0);
        // 1002 does not hold her: its pull does not carry her.
        const CliResult pullB = sync(b, dialect, u"1002"_s);
        CLI_EXPECT(pullB, 0);
        QCOMPARE(field(pullB, "pulled"), 0);
        QCOMPARE(field(pullB, "pushed"), 0);
        QCOMPARE(localCount(b, u"SELECT count(*) FROM requests WHERE national_code = '%1'"_s.arg(p.code)), 0);
        // She comes to 1002's counter: fetched, she is there, the password hash stays central.
        QCOMPARE(fetchAt(b, dialect, u"1002"_s, p.code), QString());
        QCOMPARE(localCount(b, u"SELECT count(*) FROM requests WHERE national_code = '%1'"_s.arg(p.code)), 1);
        QCOMPARE(localValue(b, u"SELECT password_hash FROM requests WHERE national_code = '%1'"_s.arg(p.code)),
                 QString());
        QCOMPARE(localCount(b, u"SELECT count(*) FROM outbox"_s), 0); // pulled rows do not travel back
        const QJsonArray byName = search(b, p.last);
        QVERIFY2(!byName.isEmpty(), "the name index was not kept in step");
        QCOMPARE(byName.first().toObject().value(u"national_code"_s).toString(), p.code);

        // Nothing new: a second sync moves nothing; the cursor stays.
        const QString cursor = QString::fromUtf8(sqlite(b, u"SELECT value FROM meta WHERE key = 'sync_cursor'"_s));
        const CliResult again = sync(b, dialect, u"1002"_s);
        CLI_EXPECT(again, 0);
        QCOMPARE(field(again, "pushed"), 0);
        QCOMPARE(field(again, "conflicts"), 0);
        QCOMPARE(QString::fromUtf8(sqlite(b, u"SELECT value FROM meta WHERE key = 'sync_cursor'"_s)), cursor);
    }

    // branchctl dies (exit 9, the test seam) right after a pulled page's local commit; the
    // next sync completes. Pulling everything again from cursor 0 changes nothing: each
    // request is there once, and nothing is queued to travel back.
    void crashMidPullThenRepull_data() { dialects(); }
    void crashMidPullThenRepull()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newBranch(u"1001"_s, registryLine(p), {});
        const QString b = newBranch(u"1001"_s, {}, {}); // a second desk of the branch: it holds her
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        CLI_EXPECT(ctlAs(a, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
        CLI_EXPECT(sync(a, dialect, u"1001"_s), 0);

        // Reference data written centrally (the civil registry, mobile ownership) about a person
        // the branch holds travels too.
        const Person ref{p.code, newPerson().mobile, {}, {}};
        {
            auto central = admin(dialect);
            QVERIFY(central);
            QSqlQuery q(central->connection());
            QVERIFY2(
                q.exec(u"INSERT INTO registry_persons (national_code, first_name, last_name, first_name_norm, "
                       u"last_name_norm, birth_cert_no, birth_date, gender, updated_at) VALUES ('%1', 'سارا', "
                       u"'کیانی', 'سارا', 'کیانی', '777', '1370/01/01', 'F', '2026-11-01T00:00:00Z')"_s.arg(ref.code)),
                qPrintable(q.lastError().text()));
            QVERIFY2(q.exec(u"INSERT INTO mobile_owners (national_code, mobile) VALUES ('%1', '%2')"_s.arg(ref.code,
                                                                                                           ref.mobile)),
                     qPrintable(q.lastError().text()));
        }
        const CliResult crashed = sync(b, dialect, u"1001"_s, u"pull_page"_s);
        QCOMPARE(crashed.exitCode, 9);
        QCOMPARE(localCount(b, u"SELECT count(*) FROM requests WHERE national_code = '%1'"_s.arg(p.code)), 1);
        CLI_EXPECT(sync(b, dialect, u"1001"_s), 0);

        const QByteArray requestsBefore = sqlite(b, u"SELECT id, version, status FROM requests ORDER BY id"_s);
        const int namesBefore = localCount(b, u"SELECT count(*) FROM request_names"_s);
        QVERIFY(sqlite(b, u"UPDATE meta SET value = '0' WHERE key = 'sync_cursor'"_s).isEmpty());
        QCOMPARE(localCount(b, u"SELECT count(*) FROM registry_persons WHERE national_code = '%1'"_s.arg(ref.code)), 1);
        QCOMPARE(localCount(b, u"SELECT count(*) FROM mobile_owners WHERE national_code = '%1' AND mobile = '%2'"_s.arg(
                                   ref.code, ref.mobile)),
                 1);
        const CliResult repull = sync(b, dialect, u"1001"_s);
        CLI_EXPECT(repull, 0);
        QCOMPARE(field(repull, "pulled"), 0);
        QCOMPARE(sqlite(b, u"SELECT id, version, status FROM requests ORDER BY id"_s), requestsBefore);
        QCOMPARE(localCount(b, u"SELECT count(*) FROM request_names"_s), namesBefore);
        QCOMPARE(localCount(b, u"SELECT count(*) FROM requests WHERE national_code = '%1'"_s.arg(p.code)), 1);
        QCOMPARE(localCount(b, u"SELECT count(*) FROM outbox"_s), 0);
        // Every request of the persons branch 1001 holds, and no other.
        QCOMPARE(localCount(b, u"SELECT count(*) FROM requests"_s),
                 centralValue(dialect, u"SELECT count(*) FROM requests WHERE national_code IN (SELECT national_code "
                                       u"FROM branch_persons WHERE branch_code = '1001')"_s)
                     .toInt());
    }

    // A request whose names change centrally is found by its new name at a branch that had
    // it, and no longer by the old one, also when the same page brings new requests before it
    // (new rows are name-indexed at the end of the pull, updated ones with their page).
    void renamedCentrallyIsReindexed_data() { dialects(); }
    void renamedCentrallyIsReindexed()
    {
        const auto finds = [](const QJsonArray &found, const QString &code) {
            return std::any_of(found.begin(), found.end(), [&](const QJsonValue &v) {
                return v.toObject().value(u"national_code"_s).toString() == code;
            });
        };
        QFETCH(QString, dialect);
        const Person p = newPerson(), q = newPerson();
        const QString a = newBranch(u"1001"_s, registryLine(p) + registryLine(q), {});
        const QString b = newBranch(u"1001"_s, {}, {}); // another desk of the branch
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        CLI_EXPECT(ctlAs(a, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
        CLI_EXPECT(sync(a, dialect, u"1001"_s), 0);
        CLI_EXPECT(sync(b, dialect, u"1001"_s), 0);
        QVERIFY(finds(search(b, p.last), p.code));

        CLI_EXPECT(ctlAs(a, u"clerk"_s, {u"--now"_s, at(90), u"register"_s, u"-"_s}, requestJson(q)), 0);
        CLI_EXPECT(sync(a, dialect, u"1001"_s), 0);
        const QString renamed = u"نیک‌نام%1"_s.arg(QChar(0x0627 + m_people % 20));
        {
            auto central = admin(dialect);
            QVERIFY(central);
            QSqlQuery u(central->connection());
            QVERIFY2(u.exec(u"UPDATE requests SET last_name = '%1', last_name_norm = '%1', version = version + 1 "
                            u"WHERE national_code = '%2'"_s.arg(renamed, p.code)),
                     qPrintable(u.lastError().text()));
            QCOMPARE(u.numRowsAffected(), 1);
        }
        CLI_EXPECT(sync(b, dialect, u"1001"_s), 0);
        QVERIFY(finds(search(b, renamed), p.code));
        QVERIFY(!finds(search(b, p.last), p.code));
        QVERIFY(finds(search(b, q.last), q.code));
        QCOMPARE(localCount(b, u"SELECT count(*) FROM request_names"_s),
                 localCount(b, u"SELECT count(*) FROM requests"_s));
    }

    // A new database of the same branch (a replaced computer) pulls what the old one pushed:
    // a pull skips only its own run's echo, never a branch's rows.
    void newDatabaseOfTheSameBranchPullsItsRows_data() { dialects(); }
    void newDatabaseOfTheSameBranchPullsItsRows()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString old = newBranch(u"1001"_s, registryLine(p), {});
        QVERIFY(!old.isEmpty());
        CLI_EXPECT(ctlAs(old, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
        const CliResult pushed = sync(old, dialect, u"1001"_s);
        CLI_EXPECT(pushed, 0);
        QVERIFY(field(pushed, "pushed") >= 1);
        QCOMPARE(localCount(old, u"SELECT count(*) FROM outbox"_s), 0);

        const QString replacement = newBranch(u"1001"_s, {}, {});
        QVERIFY(!replacement.isEmpty());
        CLI_EXPECT(sync(replacement, dialect, u"1001"_s), 0);
        const QString sql = u"SELECT id, version, status FROM requests WHERE national_code = '%1'"_s.arg(p.code);
        QCOMPARE(sqlite(replacement, sql), sqlite(old, sql));
        QVERIFY(!sqlite(replacement, sql).isEmpty());
    }

    // An SMS queued centrally (a central decision) reaches the branch it is stamped with and
    // no other; it lands queued in that branch's SMS outbox, and pulling again adds nothing.
    void centralSmsReachesItsOwnBranchOnly_data() { dialects(); }
    void centralSmsReachesItsOwnBranchOnly()
    {
        QFETCH(QString, dialect);
        const QString a = newBranch(u"1001"_s, {}, {});
        const QString b = newBranch(u"1002"_s, {}, {});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        CLI_EXPECT(sync(a, dialect, u"1001"_s), 0);
        CLI_EXPECT(sync(b, dialect, u"1002"_s), 0);
        const Person pa = newPerson(), pb = newPerson();
        const QString idA = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString idB = QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            auto central = admin(dialect);
            QVERIFY(central);
            QSqlQuery q(central->connection());
            for (const auto &[id, branchCode, person] :
                 {std::tuple{idA, u"1001"_s, pa}, std::tuple{idB, u"1002"_s, pb}}) {
                // Each branch holds its applicant (the central's own record, as a registration there makes it).
                QVERIFY2(q.exec(u"INSERT INTO branch_persons (branch_code, national_code, how) VALUES ('%1', '%2', "
                                u"'home')"_s.arg(branchCode, person.code)),
                         qPrintable(q.lastError().text()));
                QVERIFY2(q.exec(u"INSERT INTO sms_messages (id, branch_code, version, national_code, mobile, kind, "
                                u"text, created_at, status) VALUES ('%1', '%2', 1, '%3', '%4', 'identity_mismatch', "
                                u"'متن پیامک', '2026-11-01T08:00:00.000Z', 'queued')"_s.arg(id, branchCode, person.code,
                                                                                            person.mobile)),
                         qPrintable(q.lastError().text()));
            }
        }
        const CliResult pulled = sync(a, dialect, u"1001"_s);
        CLI_EXPECT(pulled, 0);
        QCOMPARE(field(pulled, "pulled"), 1);
        QCOMPARE(sqlite(a, u"SELECT id, status, national_code FROM sms_messages"_s).trimmed(),
                 u"%1|queued|%2"_s.arg(idA, pa.code).toUtf8());
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 0);
        const CliResult again = sync(a, dialect, u"1001"_s);
        CLI_EXPECT(again, 0);
        QCOMPARE(field(again, "pulled"), 0);
        CLI_EXPECT(sync(b, dialect, u"1002"_s), 0);
        QCOMPARE(sqlite(b, u"SELECT id FROM sms_messages"_s).trimmed(), idB.toUtf8());
    }

    // Three branches register, activate and change people, each offline, then sync in
    // rounds: every branch and the central database end with the same requests and
    // accounts (id, version, status or mobile), compared as one checksum per table.
    void threeBranchesConverge_data() { dialects(); }
    void threeBranchesConverge()
    {
        QFETCH(QString, dialect);
        const QStringList codes{u"1001"_s, u"1002"_s, u"1003"_s};
        QStringList dbs;
        for (const QString &code : codes) {
            const Person p = newPerson();
            const QString db = newBranch(code, registryLine(p), (p.code + u","_s + p.mobile + u"\n"_s).toUtf8());
            QVERIFY(!db.isEmpty());
            QVERIFY(centralRegistry(dialect, p)); // an activation is checked against it
            CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
            CLI_EXPECT(ctlAs(db, u"service"_s, {u"--now"_s, at(120), u"verify"_s}), 0);
            CLI_EXPECT(ctl(db,
                           {u"--now"_s, at(300), u"mobile"_s, u"change"_s, p.code, u"--mobile"_s,
                            u"0935%1"_s.arg(2000000 + m_people, 7, 10, QLatin1Char('0')), u"--staff"_s, u"clerk1"_s},
                           kStaffPw.toUtf8() + '\n'),
                       0);
            dbs << db;
        }
        for (int round = 0; round < 2; ++round)
            for (int i = 0; i < dbs.size(); ++i)
                CLI_EXPECT(sync(dbs.at(i), dialect, codes.at(i)), 0);

        const QString requests = u"SELECT id || ':' || version || ':' || status FROM requests ORDER BY id"_s;
        const QString accounts =
            u"SELECT id || ':' || version || ':' || coalesce(mobile, '') FROM accounts ORDER BY id"_s;
        // Each branch holds what the central holds of its persons (and nothing of the others').
        for (const QString &sql : {requests, accounts}) {
            for (int i = 0; i < dbs.size(); ++i) {
                const QString held = QString(sql).replace(
                    u" ORDER BY"_s, u" WHERE national_code IN (SELECT national_code FROM branch_persons WHERE "
                                    u"branch_code = '%1') ORDER BY"_s.arg(codes.at(i)));
                const QByteArray central = centralRows(dialect, held);
                QVERIFY(!central.isEmpty());
                const QByteArray local = sqlite(dbs.at(i), sql);
                if (local != central)
                    qWarning("central:\n%s\nbranch:\n%s", central.constData(), local.constData());
                QCOMPARE(QCryptographicHash::hash(local, QCryptographicHash::Sha256).toHex(),
                         QCryptographicHash::hash(central, QCryptographicHash::Sha256).toHex());
            }
        }
    }

    // The same batch applied twice (in this process, as branch 1001) changes the central
    // database once.
    void replayedBatchAppliesOnce_data() { dialects(); }
    void replayedBatchAppliesOnce()
    {
        QFETCH(QString, dialect);
        auto db = openAsBranch(dialect, u"1001"_s);
        auto central = admin(dialect); // a branch's role does not read the change log
        QVERIFY(db && central);
        const Person p = newPerson();
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject row{{u"id"_s, id},
                              {u"branch_code"_s, u"1001"_s},
                              {u"version"_s, 1},
                              {u"national_code"_s, p.code},
                              {u"mobile"_s, p.mobile},
                              {u"first_name"_s, p.first},
                              {u"last_name"_s, p.last},
                              {u"first_name_norm"_s, p.first},
                              {u"last_name_norm"_s, p.last},
                              {u"birth_cert_no"_s, u"12345"_s},
                              {u"birth_date"_s, u"1986-07-03"_s},
                              {u"gender"_s, u"F"_s},
                              {u"email"_s, u""_s},
                              {u"password_hash"_s, u"scrypt$x"_s},
                              {u"questions_json"_s, u"[]"_s},
                              {u"status"_s, u"submitted"_s},
                              {u"submitted_at"_s, at(0)},
                              {u"decided_at"_s, u""_s},
                              {u"updated_at"_s, at(0)},
                              {u"updated_by"_s, u"portal"_s}};
        const QList<branch::db::PushedChange> batch{{u"requests"_s, id, 0, 1, row}};
        const QString batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const qint64 before = central->lastChangeSeq();
        const auto first = branch::db::applyPushBatch(*db, batchId, u"1001"_s, batch, kT0);
        QVERIFY(!first.replay);
        QCOMPARE(first.applied, 1);
        const qint64 afterFirst = central->lastChangeSeq();
        QCOMPARE(afterFirst, before + 1);
        const auto second = branch::db::applyPushBatch(*db, batchId, u"1001"_s, batch, kT0);
        QVERIFY(second.replay);
        QCOMPARE(second.applied, 0);
        QCOMPARE(central->lastChangeSeq(), afterFirst);
        // The same change under a new batch id (a lost acknowledgement): already there.
        const auto third =
            branch::db::applyPushBatch(*db, QUuid::createUuid().toString(QUuid::WithoutBraces), u"1001"_s, batch, kT0);
        QCOMPARE(third.applied, 0);
        QCOMPARE(third.unchanged, 1);
        QCOMPARE(third.conflicts, 0);
        QCOMPARE(central->lastChangeSeq(), afterFirst);
    }

    // A sync run's pull gets the rows its own push just wrote without their payload (the
    // branch has them at that version); another run, or a pull without a tag, gets them
    // whole. PostgreSQL only tags (changes.echo_of); SQLite's log sends every payload.
    void ownEchoComesWithoutPayload_data() { dialects(); }
    void ownEchoComesWithoutPayload()
    {
        QFETCH(QString, dialect);
        auto db = openAsBranch(dialect, u"1001"_s);
        auto central = admin(dialect); // a branch's role does not read the change log
        QVERIFY(db && central);
        const Person p = newPerson();
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject row{{u"id"_s, id},
                              {u"branch_code"_s, u"1001"_s},
                              {u"version"_s, 1},
                              {u"national_code"_s, p.code},
                              {u"mobile"_s, p.mobile},
                              {u"kind"_s, u"notice"_s},
                              {u"text"_s, u"a \"quoted\" text, a back\\slash, {braces}, NULL"_s},
                              {u"created_at"_s, at(0)},
                              {u"status"_s, u"queued"_s},
                              {u"sent_at"_s, QJsonValue::Null}};
        const qint64 before = central->lastChangeSeq();
        const QString run = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto out = branch::db::applyPushBatch(*db, QUuid::createUuid().toString(QUuid::WithoutBraces), u"1001"_s,
                                                    {{u"sms_messages"_s, id, 0, 1, row}}, kT0, run);
        QCOMPARE(out.applied, 1);
        const auto pulled = [&](const QString &tag) {
            const branch::db::PullFilter filter{{}, {u"sms_messages"_s}, u"1001"_s, tag};
            const auto changes = branch::db::centralChangesAfter(*db, before, filter, 10);
            return changes.size() == 1 && changes.first().rowId == id ? changes.first() : branch::db::CentralChange{};
        };
        const bool tagged = dialect == "postgresql"_L1;
        QCOMPARE(pulled(run).rowId, id);
        QCOMPARE(pulled(run).wanted, !tagged);
        for (const QString &other : {QUuid::createUuid().toString(QUuid::WithoutBraces), QString()}) {
            const auto c = pulled(other);
            QVERIFY(c.wanted);
            // The values as pushed, quotes, backslash and braces included, NULL as NULL.
            QCOMPARE(c.payload.value(u"text"_s), row.value(u"text"_s));
            QVERIFY(c.payload.value(u"sent_at"_s).isNull());
            QCOMPARE(c.payload.value(u"version"_s).toInt(), 1);
        }
    }

    // The stated merge rule for requests pushed on a stale base: the status later in the
    // request's life wins, whichever side holds it, and the merged row's version goes
    // above both sides'; two statuses at the same stage are a conflict, the central row
    // untouched.
    void requestStatusMerge_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("centralStatus");
        QTest::addColumn<QString>("pushedStatus");
        QTest::addColumn<QString>("expected"); // the central status afterwards
        QTest::addColumn<int>("conflicts");
        for (const QString &dialect : {u"postgresql"_s, u"sqlite"_s}) {
            const QByteArray d = dialect.toLatin1();
            QTest::newRow(d + " pushed activated beats central mismatch")
                << dialect << u"identity_mismatch"_s << u"activated"_s << u"activated"_s << 0;
            QTest::newRow(d + " central activated beats pushed branch-required")
                << dialect << u"activated"_s << u"branch_activation_required"_s << u"activated"_s << 0;
            QTest::newRow(d + " pushed superseded beats central submitted")
                << dialect << u"submitted"_s << u"superseded"_s << u"superseded"_s << 0;
            QTest::newRow(d + " activated against rejected is a conflict")
                << dialect << u"rejected"_s << u"activated"_s << u"rejected"_s << 1;
        }
    }
    void requestStatusMerge()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, centralStatus);
        QFETCH(QString, pushedStatus);
        QFETCH(QString, expected);
        QFETCH(int, conflicts);
        auto b1 = openAsBranch(dialect, u"1001"_s);
        auto b2 = openAsBranch(dialect, u"1002"_s);
        auto central = admin(dialect);
        QVERIFY(b1 && b2 && central);
        const Person p = newPerson();
        {
            // Her civil-registry row, which every activation is checked against.
            QSqlQuery q(central->connection());
            QVERIFY2(q.exec(u"INSERT INTO registry_persons (national_code, first_name, last_name, first_name_norm, "
                            u"last_name_norm, birth_cert_no, birth_date, gender, updated_at) VALUES ('%1', '%2', '%3', "
                            u"'%2', '%3', '12345', '1986-07-03', 'F', 'x')"_s.arg(p.code, p.first, p.last)),
                     qPrintable(q.lastError().text()));
        }
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto row = [&](const QString &branch, int version, const QString &status) {
            return QJsonObject{{u"id"_s, id},
                               {u"branch_code"_s, branch},
                               {u"version"_s, version},
                               {u"national_code"_s, p.code},
                               {u"mobile"_s, p.mobile},
                               {u"first_name"_s, p.first},
                               {u"last_name"_s, p.last},
                               {u"first_name_norm"_s, p.first},
                               {u"last_name_norm"_s, p.last},
                               {u"birth_cert_no"_s, u"12345"_s},
                               {u"birth_date"_s, u"1986-07-03"_s},
                               {u"gender"_s, u"F"_s},
                               {u"email"_s, u""_s},
                               {u"password_hash"_s, u"scrypt$x"_s},
                               {u"questions_json"_s, u"[]"_s},
                               {u"status"_s, status},
                               {u"submitted_at"_s, at(0)},
                               {u"decided_at"_s, u""_s},
                               {u"updated_at"_s, at(0)},
                               {u"updated_by"_s, branch}};
        };
        const auto batch = [] { return QUuid::createUuid().toString(QUuid::WithoutBraces); };
        using branch::db::applyPushBatch;
        using branch::db::PushedChange;
        // Branch 1001 made the request and moved it on; branch 1002 knew only version 1.
        QCOMPARE(applyPushBatch(*b1, batch(), u"1001"_s,
                                {PushedChange{u"requests"_s, id, 0, 1, row(u"1001"_s, 1, u"submitted"_s)}}, kT0)
                     .applied,
                 1);
        if (centralStatus != "submitted"_L1)
            QCOMPARE(applyPushBatch(*b1, batch(), u"1001"_s,
                                    {PushedChange{u"requests"_s, id, 1, 2, row(u"1001"_s, 2, centralStatus)}}, kT0)
                         .applied,
                     1);
        // She came to branch 1002's counter: it fetched her, so its pushes for her count.
        QVERIFY(!branch::db::fetchPersonRows(*b2, p.code, u"clerk1"_s, kT0).isEmpty());
        const int centralVersion = centralStatus != "submitted"_L1 ? 2 : 1;
        const qint64 changesBefore = central->lastChangeSeq();
        const int stalePushBase = centralStatus != "submitted"_L1 ? 1 : 0; // stale: not the central version
        const auto out = applyPushBatch(*b2, batch(), u"1002"_s,
                                        {PushedChange{u"requests"_s, id, stalePushBase, stalePushBase + 1,
                                                      row(u"1002"_s, stalePushBase + 1, pushedStatus)}},
                                        kT0);
        QCOMPARE(out.conflicts, conflicts);
        QCOMPARE(out.applied, 1 - conflicts);
        const QString where = u" FROM requests WHERE id = '%1'"_s.arg(id);
        QCOMPARE(centralValue(dialect, u"SELECT status"_s + where), expected);
        if (conflicts == 0) {
            QCOMPARE(centralValue(dialect, u"SELECT version"_s + where).toInt(),
                     std::max(centralVersion, stalePushBase + 1) + 1);
            QCOMPARE(central->lastChangeSeq(), changesBefore + 1);
        } else {
            QCOMPARE(centralValue(dialect, u"SELECT version"_s + where).toInt(), centralVersion);
            QCOMPARE(central->lastChangeSeq(), changesBefore);
            QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM conflicts WHERE row_id = '%1'"_s.arg(id)), u"1"_s);
        }
    }

    // branchctl dies (exit 9, the test seam) once the batch id is stored with the rows,
    // before sending: the next sync sends that same batch id, and everything arrives once.
    void crashBeforeSending_data() { dialects(); }
    void crashBeforeSending()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newBranch(u"1001"_s, registryLine(p), {});
        QVERIFY(!a.isEmpty());
        CLI_EXPECT(ctlAs(a, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
        const int queued = localCount(a, u"SELECT count(*) FROM outbox"_s);
        QVERIFY(queued >= 1);
        const CliResult crashed = sync(a, dialect, u"1001"_s, u"batch_stamped"_s);
        QCOMPARE(crashed.exitCode, 9);
        const QString batchId = QString::fromUtf8(sqlite(a, u"SELECT DISTINCT batch_id FROM outbox"_s)).trimmed();
        QVERIFY(!batchId.isEmpty() && !batchId.contains(u'\n'));
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox WHERE batch_id IS NULL"_s), 0);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM applied_batches WHERE batch_id = '%1'"_s.arg(batchId)),
                 u"0"_s);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM requests WHERE national_code = '%1'"_s.arg(p.code)),
                 u"0"_s);

        const CliResult next = sync(a, dialect, u"1001"_s);
        CLI_EXPECT(next, 0);
        QCOMPARE(field(next, "pushed"), queued);
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM applied_batches WHERE batch_id = '%1'"_s.arg(batchId)),
                 u"1"_s);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM requests WHERE national_code = '%1'"_s.arg(p.code)),
                 u"1"_s);
    }

    // branchctl dies (exit 9, the test seam) after the central commit, before the outbox
    // is cleared: the next sync resends the same batch id, nothing is applied twice, and
    // the outbox empties.
    void crashAfterCentralCommit_data() { dialects(); }
    void crashAfterCentralCommit()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newBranch(u"1001"_s, registryLine(p), {});
        QVERIFY(!a.isEmpty());
        CLI_EXPECT(ctlAs(a, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
        const int queued = localCount(a, u"SELECT count(*) FROM outbox"_s);
        QVERIFY(queued >= 1);

        const CliResult crashed = sync(a, dialect, u"1001"_s, u"central_commit"_s);
        QCOMPARE(crashed.exitCode, 9);
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), queued);
        const QString batchId = QString::fromUtf8(sqlite(a, u"SELECT DISTINCT batch_id FROM outbox"_s)).trimmed();
        QVERIFY(!batchId.isEmpty() && !batchId.contains(u'\n'));
        const QString changes = centralValue(dialect, u"SELECT count(*) FROM changes"_s);
        const QString version =
            centralValue(dialect, u"SELECT version FROM requests WHERE national_code = '%1'"_s.arg(p.code));
        QCOMPARE(version, u"1"_s);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM applied_batches WHERE batch_id = '%1'"_s.arg(batchId)),
                 u"1"_s);

        const CliResult next = sync(a, dialect, u"1001"_s);
        CLI_EXPECT(next, 0);
        QCOMPARE(field(next, "pushed"), 0);
        QCOMPARE(field(next, "conflicts"), 0);
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM changes"_s), changes);
        QCOMPARE(centralValue(dialect, u"SELECT version FROM requests WHERE national_code = '%1'"_s.arg(p.code)),
                 version);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM requests WHERE national_code = '%1'"_s.arg(p.code)),
                 u"1"_s);
    }

    // The conflict queue: the branch lists its open conflict with both versions; a clerk
    // may not resolve it, a supervisor keeps the branch's value (audited); both branches
    // and the central database then agree, and the conflict is gone from the list.
    void resolveConflictKeepingLocal_data() { dialects(); }
    void resolveConflictKeepingLocal()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newBranch(u"1001"_s, registryLine(p), (p.code + u","_s + p.mobile + u"\n"_s).toUtf8());
        const QString b = newBranch(u"1002"_s, {}, {});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(centralRegistry(dialect, p));
        CLI_EXPECT(ctlAs(b, u"admin"_s,
                         {u"--now"_s, at(0), u"user"_s, u"add"_s, u"super1"_s, u"--role"_s, u"supervisor"_s},
                         kStaffPw.toUtf8() + '\n'),
                   0);
        CLI_EXPECT(ctlAs(a, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
        CLI_EXPECT(ctlAs(a, u"service"_s, {u"--now"_s, at(120), u"verify"_s}), 0);
        CLI_EXPECT(sync(a, dialect, u"1001"_s), 0);
        CLI_EXPECT(sync(b, dialect, u"1002"_s), 0);
        QCOMPARE(fetchAt(b, dialect, u"1002"_s, p.code), QString()); // she came to 1002's counter
        const QString mobileA = u"09350005566"_s, mobileB = u"09190007788"_s;
        for (const auto &[db, mobile] : {std::pair{a, mobileA}, std::pair{b, mobileB}})
            CLI_EXPECT(ctl(db,
                           {u"--now"_s, at(300), u"mobile"_s, u"change"_s, p.code, u"--mobile"_s, mobile, u"--staff"_s,
                            u"clerk1"_s},
                           kStaffPw.toUtf8() + '\n'),
                       0);
        CLI_EXPECT(sync(a, dialect, u"1001"_s), 0);
        const CliResult pushB = sync(b, dialect, u"1002"_s);
        CLI_EXPECT(pushB, 0);
        QCOMPARE(field(pushB, "conflicts"), 1);
        const QString accountId =
            QString::fromUtf8(sqlite(a, u"SELECT id FROM accounts WHERE national_code = '%1'"_s.arg(p.code))).trimmed();

        const QStringList listArgs{u"conflicts"_s, u"list"_s, u"--central"_s, urlFor(dialect, u"1002"_s)};
        const CliResult listed = ctlAs(b, u"supervisor"_s, listArgs, {}, env());
        CLI_EXPECT(listed, 0);
        QString conflictId;
        for (const auto &v : listed.json().array()) {
            const QJsonObject c = v.toObject();
            if (c.value(u"row_id"_s).toString() != accountId)
                continue;
            QVERIFY(conflictId.isEmpty());
            conflictId = c.value(u"id"_s).toString();
            QCOMPARE(c.value(u"table"_s).toString(), u"accounts"_s);
            QCOMPARE(c.value(u"local"_s).toObject().value(u"mobile"_s).toString(), mobileB);
            QCOMPARE(c.value(u"central"_s).toObject().value(u"mobile"_s).toString(), mobileA);
            QVERIFY(!c.value(u"local"_s).toObject().contains(u"password_hash"_s));
        }
        QVERIFY2(!conflictId.isEmpty(), listed.out.constData());

        const auto resolve = [&](const QString &staff, const QString &keep) {
            return ctl(b,
                       {u"--now"_s, at(900), u"conflicts"_s, u"resolve"_s, conflictId, u"--keep"_s, keep, u"--staff"_s,
                        staff, u"--central"_s, urlFor(dialect, u"1002"_s)},
                       kStaffPw.toUtf8() + '\n', env());
        };
        const CliResult byClerk = resolve(u"clerk1"_s, u"local"_s);
        CLI_REFUSED(byClerk, 1); // a clerk may not decide
        QCOMPARE(codesOf(byClerk.json().object()), QStringList{u"staff.not_allowed"_s});
        QCOMPARE(resolve(u"super1"_s, u"both"_s).exitCode, 2);
        const CliResult resolved = resolve(u"super1"_s, u"local"_s);
        CLI_EXPECT(resolved, 0);
        QCOMPARE(resolved.json().object().value(u"ok"_s).toBool(), true);
        const CliResult twice = resolve(u"super1"_s, u"local"_s);
        CLI_REFUSED(twice, 1); // resolved once
        QCOMPARE(codesOf(twice.json().object()), QStringList{u"conflict.not_found"_s});

        QCOMPARE(centralValue(dialect, u"SELECT mobile FROM accounts WHERE national_code = '%1'"_s.arg(p.code)),
                 mobileB);
        CLI_EXPECT(sync(a, dialect, u"1001"_s), 0);
        for (const QString &db : {a, b})
            QCOMPARE(QString::fromUtf8(sqlite(db, u"SELECT mobile FROM accounts WHERE id = '%1'"_s.arg(accountId)))
                         .trimmed(),
                     mobileB);
        QCOMPARE(localCount(b, u"SELECT count(*) FROM audit_log WHERE action = 'conflict.resolve' AND actor = "
                               u"'super1' AND national_code = '%1'"_s.arg(p.code)),
                 1);
        CLI_EXPECT(ctl(b, {u"audit"_s, u"verify"_s}), 0);
        const CliResult after = ctlAs(b, u"supervisor"_s, listArgs, {}, env());
        CLI_EXPECT(after, 0);
        for (const auto &v : after.json().array())
            QVERIFY(v.toObject().value(u"id"_s).toString() != conflictId);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM conflicts WHERE status = 'resolved' AND resolution = "
                                       u"'local' AND row_id = '%1'"_s.arg(accountId)),
                 u"1"_s);
    }

    // The central database cannot be reached (PostgreSQL stopped; a SQLite central file
    // that is not there): exit 3, the outbox untouched; once it is back, sync completes.
    void centralUnreachable_data() { dialects(); }
    void centralUnreachable()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newBranch(u"1001"_s, registryLine(p), {});
        QVERIFY(!a.isEmpty());
        CLI_EXPECT(ctlAs(a, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
        const QByteArray outbox = sqlite(a, u"SELECT * FROM outbox ORDER BY seq"_s);
        QVERIFY(!outbox.isEmpty());

        CliResult down;
        if (dialect == "postgresql"_L1) {
            QVERIFY(m_pg.stop());
            down = sync(a, dialect, u"1001"_s);
            QVERIFY2(m_pg.start(), qPrintable(m_pg.lastError()));
        } else {
            down = sync(a, dialect, u"1001"_s, {}, u"sqlite://"_s + m_ws.path(u"gone/central.db"_s));
        }
        CLI_REFUSED(down, 3);
        QCOMPARE(sqlite(a, u"SELECT * FROM outbox ORDER BY seq"_s), outbox);

        const CliResult up = sync(a, dialect, u"1001"_s);
        CLI_EXPECT(up, 0);
        QVERIFY(field(up, "pushed") >= 1);
        QCOMPARE(localCount(a, u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM requests WHERE national_code = '%1'"_s.arg(p.code)),
                 u"1"_s);
    }

    // An account known at both branches; each changes its mobile offline. The first push
    // wins centrally, the second is kept as exactly one conflict with both versions, and
    // neither branch's value is overwritten.
    void sameAccountChangedAtTwoBranches_data() { dialects(); }
    void sameAccountChangedAtTwoBranches()
    {
        QFETCH(QString, dialect);
        const Person p = newPerson();
        const QString a = newBranch(u"1001"_s, registryLine(p), (p.code + u","_s + p.mobile + u"\n"_s).toUtf8());
        const QString b = newBranch(u"1002"_s, {}, {});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(centralRegistry(dialect, p));
        CLI_EXPECT(ctlAs(a, u"clerk"_s, {u"--now"_s, at(60), u"register"_s, u"-"_s}, requestJson(p)), 0);
        CLI_EXPECT(ctlAs(a, u"service"_s, {u"--now"_s, at(120), u"verify"_s}), 0);
        QCOMPARE(localCount(a, u"SELECT count(*) FROM accounts WHERE national_code = '%1'"_s.arg(p.code)), 1);
        CLI_EXPECT(sync(a, dialect, u"1001"_s), 0);
        CLI_EXPECT(sync(b, dialect, u"1002"_s), 0);
        QCOMPARE(fetchAt(b, dialect, u"1002"_s, p.code), QString()); // she came to 1002's counter
        QCOMPARE(localCount(b, u"SELECT count(*) FROM accounts WHERE national_code = '%1'"_s.arg(p.code)), 1);

        const QString mobileA = u"09350001122"_s, mobileB = u"09190003344"_s;
        for (const auto &[db, mobile] : {std::pair{a, mobileA}, std::pair{b, mobileB}})
            CLI_EXPECT(ctl(db,
                           {u"--now"_s, at(300), u"mobile"_s, u"change"_s, p.code, u"--mobile"_s, mobile, u"--staff"_s,
                            u"clerk1"_s},
                           kStaffPw.toUtf8() + '\n'),
                       0);

        const CliResult syncA = sync(a, dialect, u"1001"_s);
        CLI_EXPECT(syncA, 0);
        QCOMPARE(field(syncA, "conflicts"), 0);
        const CliResult syncB = sync(b, dialect, u"1002"_s);
        CLI_EXPECT(syncB, 0);
        QCOMPARE(field(syncB, "conflicts"), 1);

        const QString accountId =
            QString::fromUtf8(sqlite(a, u"SELECT id FROM accounts WHERE national_code = '%1'"_s.arg(p.code))).trimmed();
        QCOMPARE(centralValue(dialect, u"SELECT mobile FROM accounts WHERE national_code = '%1'"_s.arg(p.code)),
                 mobileA);
        QCOMPARE(centralValue(dialect,
                              u"SELECT count(*) FROM conflicts WHERE table_name = 'accounts' AND row_id = '%1'"_s.arg(
                                  accountId)),
                 u"1"_s);
        const QString kept =
            centralValue(dialect, u"SELECT local_payload FROM conflicts WHERE row_id = '%1'"_s.arg(accountId));
        QVERIFY2(kept.contains(mobileB), qPrintable(kept));
        const QString theirs =
            centralValue(dialect, u"SELECT central_payload FROM conflicts WHERE row_id = '%1'"_s.arg(accountId));
        QVERIFY2(theirs.contains(mobileA), qPrintable(theirs));
        QCOMPARE(
            QString::fromUtf8(sqlite(a, u"SELECT mobile FROM accounts WHERE id = '%1'"_s.arg(accountId))).trimmed(),
            mobileA);
        QCOMPARE(
            QString::fromUtf8(sqlite(b, u"SELECT mobile FROM accounts WHERE id = '%1'"_s.arg(accountId))).trimmed(),
            mobileB);

        // Syncing again records nothing more.
        CLI_EXPECT(sync(a, dialect, u"1001"_s), 0);
        const CliResult again = sync(b, dialect, u"1002"_s);
        CLI_EXPECT(again, 0);
        QCOMPARE(field(again, "conflicts"), 0);
        QCOMPARE(centralValue(dialect,
                              u"SELECT count(*) FROM conflicts WHERE table_name = 'accounts' AND row_id = '%1'"_s.arg(
                                  accountId)),
                 u"1"_s);
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "TestSync.moc"
