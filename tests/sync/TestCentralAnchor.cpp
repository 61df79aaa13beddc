// The central anchors every desk's audit chain and shows head office its branches
// (issue 17, items 1, 2 and 4), on PostgreSQL with TLS and on the SQLite central, through
// the real branchctl: each sync pushes the entries after the central's last one of the
// desk's chain; a desk whose log was edited, cut short or re-anchored (rewritten with fresh
// hashes, so that it verifies on its own) is refused with audit.anchor_mismatch before it
// pushes anything, and the central keeps an alert; `central audit verify` checks the
// central copy; `central status` has one row per branch (a silent one, one with open
// conflicts, one whose chain broke).
#include "app/security/AuditChain.h"
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"
#include "tests/sync/SyncTestUtil.h"

#include <QDir>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
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

class TestCentralAnchor : public SyncFixture
{
    Q_OBJECT

    int m_desks = 0;
    int m_lines = 0;

    // A desk of branch `code` (an administrator, the test staff, a service login), synced once.
    QString newDesk(const QString &dialect, const QString &code)
    {
        const QString db = m_ws.path(u"desk-%1-%2.db"_s.arg(code).arg(++m_desks));
        const QList<CliResult> steps = {ctl(db, {u"--now"_s, at(0), u"init"_s, u"--branch"_s, code}),
                                        addAdministrator(db, {u"--now"_s, at(0)}),
                                        addTestStaff(db, {u"--now"_s, at(0)}), sync(db, dialect, code, 60)};
        for (const auto &s : steps)
            if (s.exitCode != 0) {
                qWarning("setup failed: %s", qPrintable(describe(s)));
                return {};
            }
        return db;
    }
    // A sync at `when` (seconds after kT0), or at the real time for a negative `when` (the
    // SQLite central's contact times are the desk's clock; status reads them against today).
    CliResult sync(const QString &db, const QString &dialect, const QString &code, qint64 when)
    {
        QStringList args{u"--lang"_s, u"en"_s};
        if (when >= 0)
            args << u"--now"_s << at(when);
        return ctlAs(db, u"service"_s, args + QStringList{u"sync"_s, u"--central"_s, urlFor(dialect, code)}, {}, env());
    }
    // An audited action at the desk (an administrator's import of one mobile owner).
    bool audited(const QString &db, qint64 when)
    {
        const int n = ++m_lines;
        const QString line =
            u"%1,0912%2\n"_s.arg(nationalCode(u"%1"_s.arg(500000000 + n, 9, 10, QChar(u'0')))).arg(3000000 + n);
        const CliResult r = ctlAs(db, u"admin"_s,
                                  {u"--now"_s, at(when), u"import-mobile-owners"_s,
                                   m_ws.file(u"own%1.csv"_s.arg(m_lines), "national_code,mobile\n" + line.toUtf8())});
        if (r.exitCode != 0)
            qWarning("import failed: %s", qPrintable(describe(r)));
        return r.exitCode == 0;
    }
    CliResult owner(const QString &dialect, const QStringList &args)
    {
        return branchtest::runCli(
            branchctl(), QStringList{u"--lang"_s, u"en"_s} + args + QStringList{u"--central"_s, adminUrl(dialect)}, {},
            env());
    }
    void centralExec(const QString &dialect, const QString &sql)
    {
        auto db = admin(dialect);
        QVERIFY(db);
        db->execDirect(sql);
    }
    // The desk's log as `seq|hash` lines, and the central's copy of its chain alike.
    static QString localChain(const QString &db)
    {
        return localValue(db, u"SELECT group_concat(seq || '|' || hash, ' ') FROM (SELECT seq, hash FROM audit_log "
                              "ORDER BY seq)"_s);
    }
    QString centralChain(const QString &dialect, const QString &db)
    {
        const QString chain = localValue(db, u"SELECT value FROM meta WHERE key = 'audit_chain_id'"_s);
        return centralValue(dialect, dialect == u"sqlite"_s
                                         ? u"SELECT group_concat(seq || '|' || hash, ' ') FROM (SELECT seq, hash FROM "
                                           "audit_chains WHERE chain_id = '%1' ORDER BY seq)"_s.arg(chain)
                                         : u"SELECT string_agg(seq || '|' || hash, ' ' ORDER BY seq) FROM "
                                           "audit_chains WHERE chain_id = '%1'"_s.arg(chain));
    }
    QJsonObject statusOf(const QJsonObject &status, const QString &code)
    {
        for (const auto &row : status.value(u"branches"_s).toArray())
            if (row.toObject().value(u"branch_code"_s).toString() == code)
                return row.toObject();
        return {};
    }

    // Rewrites the desk's log from entry `from` on with fresh hashes (an edit of that entry's
    // details first), and its local anchor: a log that verifies by itself.
    static void reanchor(const QString &db, qint64 from)
    {
        sqlite(db, u"UPDATE audit_log SET details = '{\"rows\":99}' WHERE seq = %1"_s.arg(from));
        const QStringList rows =
            localValue(db, u"SELECT group_concat(seq || char(31) || id || char(31) || branch_code || char(31) || at || "
                           "char(31) || actor || char(31) || action || char(31) || national_code || char(31) || "
                           "details || char(31) || prev_hash, char(30)) FROM (SELECT * FROM audit_log ORDER BY seq)"_s)
                .split(QChar(30));
        QString prev;
        for (const QString &row : rows) {
            const QStringList f = row.split(QChar(31));
            QCOMPARE(f.size(), 9);
            const qint64 seq = f.at(0).toLongLong();
            if (seq < from) {
                continue;
            }
            if (prev.isEmpty())
                prev = f.at(8);
            const branch::security::AuditEntryData e{seq,     f.at(1), f.at(2), f.at(3),
                                                     f.at(4), f.at(5), f.at(6), f.at(7)};
            const QString hash = branch::security::chainHash(prev, e);
            sqlite(db, u"UPDATE audit_log SET prev_hash = '%1', hash = '%2' WHERE seq = %3"_s.arg(prev, hash).arg(seq));
            sqlite(db, u"INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_last_seq', '%1'), "
                       "('audit_last_hash', '%2')"_s.arg(seq)
                           .arg(hash));
            prev = hash;
        }
    }

private slots:
    void initTestCase() { setUpCentrals({u"1001"_s, u"1002"_s, u"1003"_s, u"1004"_s, u"1005"_s}); }

    // Many syncs, each with audited work between them: the central's copy is the desk's
    // log entry for entry, and verifies.
    void chainAnchoredAcrossSyncs_data() { dialects(); }
    void chainAnchoredAcrossSyncs()
    {
        QFETCH(QString, dialect);
        const QString db = newDesk(dialect, u"1001"_s);
        QVERIFY(!db.isEmpty());
        for (int round = 1; round <= 8; ++round) {
            for (int i = 0; i < round; ++i)
                QVERIFY(audited(db, 100 * round + i));
            CLI_EXPECT(sync(db, dialect, u"1001"_s, 100 * round + 50), 0);
        }
        QCOMPARE(centralChain(dialect, db), localChain(db));
        const CliResult v = owner(dialect, {u"central"_s, u"audit"_s, u"verify"_s, u"--branch"_s, u"1001"_s});
        CLI_EXPECT(v, 0);
        const QJsonObject o = v.json().object();
        QCOMPARE(o.value(u"ok"_s).toBool(), true);
        const QString chain = localValue(db, u"SELECT value FROM meta WHERE key = 'audit_chain_id'"_s);
        bool found = false;
        for (const auto &c : o.value(u"chains"_s).toArray())
            if (c.toObject().value(u"chain_id"_s).toString() == chain) {
                found = true;
                QCOMPARE(c.toObject().value(u"last_seq"_s).toInteger(),
                         localValue(db, u"SELECT max(seq) FROM audit_log"_s).toLongLong());
                QVERIFY(c.toObject().value(u"ok"_s).toBool());
            }
        QVERIFY(found);

        // The central's copy edited (by someone at head office's database): verify says where.
        centralExec(dialect, u"UPDATE audit_chains SET actor = 'x' WHERE chain_id = '%1' AND seq = 3"_s.arg(chain));
        const CliResult bad = owner(dialect, {u"central"_s, u"audit"_s, u"verify"_s, u"--branch"_s, u"1001"_s});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.json().object().value(u"ok"_s).toBool(), false);
        QVERIFY2(bad.out.contains("audit.hash_mismatch"), bad.out.constData());
        // Unknown branch: not found.
        QCOMPARE(owner(dialect, {u"central"_s, u"audit"_s, u"verify"_s, u"--branch"_s, u"7777"_s}).exitCode, 1);
    }

    // An edited, a cut-short and a re-anchored log: refused, nothing pushed, an alert kept.
    void tamperedLogRefused_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("how");
        for (const char *d : {"postgresql", "sqlite"})
            for (const char *how : {"edited", "truncated", "reanchored"})
                QTest::newRow(qPrintable(u"%1, %2"_s.arg(QLatin1String(d), QLatin1String(how))))
                    << QString::fromLatin1(d) << QString::fromLatin1(how);
    }
    void tamperedLogRefused()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, how);
        const QString code = u"1002"_s;
        const QString db = newDesk(dialect, code);
        QVERIFY(!db.isEmpty());
        for (int i = 0; i < 4; ++i)
            QVERIFY(audited(db, 100 + i));
        CLI_EXPECT(sync(db, dialect, code, 200), 0);
        const QString anchored = centralChain(dialect, db);
        // Work after the sync, queued for the next one.
        QVERIFY(audited(db, 300));
        const qint64 last = localValue(db, u"SELECT max(seq) FROM audit_log"_s).toLongLong();
        QVERIFY(last > 6);
        if (how == u"edited")
            sqlite(db, u"UPDATE audit_log SET actor = 'someone' WHERE seq = 3"_s);
        else if (how == u"truncated")
            sqlite(db, u"DELETE FROM audit_log WHERE seq >= %1"_s.arg(last - 2));
        else
            reanchor(db, 2);
        if (how == u"reanchored") { // the rewritten log passes the desk's own check
            const CliResult local = ctl(db, {u"audit"_s, u"verify"_s});
            CLI_EXPECT(local, 0);
        }
        const QString batches =
            centralValue(dialect, u"SELECT count(*) FROM applied_batches WHERE branch_code = '%1'"_s.arg(code));
        const QString alerts = centralValue(
            dialect,
            u"SELECT count(*) FROM audit_alerts WHERE branch_code = '%1' AND code = 'audit.anchor_mismatch'"_s.arg(
                code));
        const int outbox = localCount(db, u"SELECT count(*) FROM outbox"_s);

        const CliResult r = sync(db, dialect, code, 400);
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.out.contains("audit.anchor_mismatch"), r.out.constData());
        QVERIFY2(r.err.contains("does not continue the copy the central database holds"), r.err.constData());
        // Nothing pushed; the central's copy as it was; one alert more.
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM applied_batches WHERE branch_code = '%1'"_s.arg(code)),
                 batches);
        QCOMPARE(centralChain(dialect, db), anchored);
        QCOMPARE(localCount(db, u"SELECT count(*) FROM outbox"_s), outbox);
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM audit_alerts WHERE branch_code = '%1' AND code = "
                                       "'audit.anchor_mismatch'"_s.arg(code))
                     .toInt(),
                 alerts.toInt() + 1);
        // In Persian for the desk.
        const CliResult fa =
            ctlAs(db, u"service"_s, {u"--now"_s, at(500), u"sync"_s, u"--central"_s, urlFor(dialect, code)}, {}, env());
        QCOMPARE(fa.exitCode, 1);
        QVERIFY2(fa.err.contains(QString(u"گزارش ممیزی"_s).toUtf8()), fa.err.constData());
    }

    // Head office's rows: a silent branch, one with open conflicts, one whose chain broke.
    void statusShowsEachBranch_data() { dialects(); }
    void statusShowsEachBranch()
    {
        QFETCH(QString, dialect);
        const QString silent = newDesk(dialect, u"1003"_s), withConflicts = newDesk(dialect, u"1004"_s),
                      broken = newDesk(dialect, u"1005"_s);
        QVERIFY(!silent.isEmpty() && !withConflicts.isEmpty() && !broken.isEmpty());
        for (const auto &[db, code] : {std::pair{silent, u"1003"_s}, {withConflicts, u"1004"_s}, {broken, u"1005"_s}})
            CLI_EXPECT(sync(db, dialect, code, -1), 0);
        // 1003 last synced three days ago.
        centralExec(dialect, dialect == u"sqlite"_s
                                 ? u"UPDATE branch_contacts SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', "
                                   "'-3 days'), last_ok_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-3 days') WHERE "
                                   "branch_code = '1003'"_s
                                 : u"UPDATE branch_contacts SET last_seen_at = now() - interval '3 days', "
                                   "last_ok_at = now() - interval '3 days' WHERE branch_code = '1003'"_s);
        // 1004 has two open conflicts in the central's queue.
        for (int i = 0; i < 2; ++i)
            centralExec(dialect,
                        u"INSERT INTO conflicts (id, table_name, row_id, branch_code, base_version, local_payload, "
                        "central_payload, status, created_at) VALUES ('%1', 'accounts', '%2', '1004', 1, '{}', '{}', "
                        "'open', '%3')"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces),
                                              QUuid::createUuid().toString(QUuid::WithoutBraces),
                                              iso(QDateTime::currentDateTimeUtc())));
        // 1005's log edited, its sync refused.
        QVERIFY(audited(broken, 100));
        sqlite(broken, u"UPDATE audit_log SET action = 'nothing' WHERE seq = 2"_s);
        QCOMPARE(sync(broken, dialect, u"1005"_s, -1).exitCode, 1);

        const CliResult r = owner(dialect, {u"central"_s, u"status"_s});
        CLI_EXPECT(r, 0);
        const QJsonObject all = r.json().object();
        const QJsonObject s3 = statusOf(all, u"1003"_s), s4 = statusOf(all, u"1004"_s), s5 = statusOf(all, u"1005"_s);
        qInfo("central status (%s):\n%s", qPrintable(dialect), r.out.constData());
        QVERIFY(s3.value(u"silent_hours"_s).toDouble() >= 71.9);
        QCOMPARE(s3.value(u"audit"_s).toString(), u"ok"_s);
        QCOMPARE(s3.value(u"open_conflicts"_s).toInt(), 0);
        QVERIFY(s4.value(u"silent_hours"_s).toDouble() < 1);
        QCOMPARE(s4.value(u"open_conflicts"_s).toInt(), 2);
        QCOMPARE(s4.value(u"audit"_s).toString(), u"ok"_s);
        QCOMPARE(s5.value(u"audit"_s).toString(), u"broken"_s);
        QCOMPARE(s5.value(u"last_alert"_s).toObject().value(u"code"_s).toString(), u"audit.anchor_mismatch"_s);
        QVERIFY(s5.value(u"silent_hours"_s).toDouble() < 1); // it called; it was refused
        for (const QJsonObject &s : {s3, s4, s5}) {
            QVERIFY(s.contains(u"last_sync"_s) && s.contains(u"fetched_last_day"_s));
            QVERIFY(s.value(u"audit_entries"_s).toInt() > 0);
        }
        // A branch role may not ask.
        if (dialect == u"postgresql"_s) {
            const CliResult denied = branchtest::runCli(
                branchctl(), {u"central"_s, u"status"_s, u"--central"_s, urlFor(dialect, u"1003"_s)}, {}, env());
            QVERIFY(denied.exitCode != 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestCentralAnchor)
#include "TestCentralAnchor.moc"
