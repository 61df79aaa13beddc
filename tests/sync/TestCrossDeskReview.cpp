// Four eyes across the desks of one branch (issue 17, items 3 and 4), on PostgreSQL with
// TLS and on the SQLite central, through the real branchctl: a branch has several desks,
// each with its own database; a review proposal made by one supervisor at desk A travels
// with the sync and is approved at desk B by another supervisor; the one who proposed it
// cannot approve it at another desk either; the approval is applied once (desk A then finds
// it decided); a proposal overtaken by another decision (the person registered again at
// desk B) is refused as stale.
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"
#include "tests/sync/SyncTestUtil.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

using namespace clitest;
using namespace synctest;
using namespace Qt::StringLiterals;

namespace
{

const QDateTime kT0 = QDateTime::currentDateTimeUtc().addDays(-1);
const QString kBranch = u"1001"_s;

QString at(qint64 seconds)
{
    return iso(kT0.addSecs(seconds));
}

QJsonObject object(const CliResult &r)
{
    return r.json().object();
}

} // namespace

class TestCrossDeskReview : public SyncFixture
{
    Q_OBJECT

    int m_desks = 0;
    int m_people = 0;

    struct Mismatch {
        QString code, typedFirst, first, last, mobile;
    };
    // A person whose first name was typed otherwise than the civil registry has it.
    Mismatch newMismatch()
    {
        ++m_people;
        const QString nine = u"%1"_s.arg(610000000 + m_people * 7919, 9, 10, QLatin1Char('0'));
        return {nationalCode(nine), u"کامران"_s, u"کاظم"_s, u"کریمی%1"_s.arg(QChar(0x0627 + m_people % 20)),
                u"0919%1"_s.arg(1000000 + m_people, 7, 10, QLatin1Char('0'))};
    }
    QByteArray registryOf(const Mismatch &p) const
    {
        return kRegistryHeader + (p.code + u","_s + p.first + u","_s + p.last + u",,12345,1365/04/12,M\n"_s).toUtf8();
    }

    // A desk of branch 1001 with the test staff, its first sync done.
    QString newDesk(const QString &dialect)
    {
        const QString db = m_ws.path(u"desk-%1.db"_s.arg(++m_desks));
        const QList<CliResult> steps = {ctl(db, {u"--now"_s, at(0), u"init"_s, u"--branch"_s, kBranch}),
                                        addAdministrator(db, {u"--now"_s, at(0)}),
                                        addTestStaff(db, {u"--now"_s, at(0)}), sync(db, dialect, 10)};
        for (const auto &s : steps)
            if (s.exitCode != 0) {
                qWarning("setup failed: %s", qPrintable(describe(s)));
                return {};
            }
        return db;
    }
    CliResult sync(const QString &db, const QString &dialect, qint64 when)
    {
        return ctlAs(db, u"service"_s, {u"--now"_s, at(when), u"sync"_s, u"--central"_s, urlFor(dialect, kBranch)}, {},
                     env());
    }
    // Desk `db` registers `p` (as typed) and verifies it: an identity mismatch; the central's
    // registry has the person too (an approval's activation is checked there).
    bool registerMismatch(const QString &db, const QString &dialect, const Mismatch &p, qint64 when)
    {
        QJsonObject r = validRequest(p.code, p.mobile);
        r.insert(u"first_name"_s, p.typedFirst);
        r.insert(u"last_name"_s, p.last);
        r.insert(u"gender"_s, u"M"_s);
        const QList<CliResult> steps = {
            ctlAs(db, u"admin"_s, {u"--now"_s, at(when), u"import-registry"_s, m_ws.file(u"reg.csv"_s, registryOf(p))}),
            branchtest::runCli(branchctl(),
                               {u"--now"_s, at(when), u"import-registry"_s, u"--central"_s, adminUrl(dialect),
                                m_ws.file(u"central-reg.csv"_s, registryOf(p))},
                               {}, env()),
            ctlAs(db, u"clerk"_s, {u"--now"_s, at(when + 1), u"register"_s, u"-"_s}, json(QJsonArray{r})),
            ctlAs(db, u"service"_s, {u"--now"_s, at(when + 2), u"verify"_s})};
        for (const auto &s : steps)
            if (s.exitCode != 0) {
                qWarning("registration failed: %s", qPrintable(describe(s)));
                return false;
            }
        return status(db, p.code) == u"identity_mismatch"_s;
    }
    static QString status(const QString &db, const QString &code)
    {
        return localValue(db, u"SELECT status FROM requests WHERE national_code = '%1' ORDER BY submitted_at DESC "
                              "LIMIT 1"_s.arg(code));
    }
    CliResult propose(const QString &db, const Mismatch &p, qint64 when)
    {
        return ctlAs(db, u"supervisor"_s,
                     {u"--now"_s, at(when), u"review"_s, u"propose"_s, p.code, u"--kind"_s, u"correct"_s},
                     json(QJsonObject{{u"first_name"_s, p.first}}));
    }
    CliResult approve(const QString &db, const QString &login, const QString &id, qint64 when)
    {
        return ctlAs(db, login, {u"--lang"_s, u"en"_s, u"--now"_s, at(when), u"review"_s, u"approve"_s, id});
    }
    static QStringList codes(const CliResult &r)
    {
        QStringList out;
        for (const auto &e : object(r).value(u"errors"_s).toArray())
            out << e.toObject().value(u"code"_s).toString();
        return out;
    }

    // Desk A (and, with `withB`, desk B) of the branch; a mismatch registered at desk A and
    // proposed there for correction by "supervisor", then synced. Empty id on failure.
    struct Proposed {
        QString a, b, id;
        Mismatch p;
    };
    Proposed proposedAtA(const QString &dialect, bool withB = true)
    {
        Proposed out;
        out.a = newDesk(dialect);
        out.b = withB ? newDesk(dialect) : QString();
        out.p = newMismatch();
        if (out.a.isEmpty() || (withB && out.b.isEmpty()) || !registerMismatch(out.a, dialect, out.p, 100))
            return out;
        const CliResult proposed = propose(out.a, out.p, 200);
        const CliResult synced = sync(out.a, dialect, 300);
        if (proposed.exitCode != 0 || synced.exitCode != 0) {
            qWarning("proposal failed: %s %s", qPrintable(describe(proposed)), qPrintable(describe(synced)));
            return out;
        }
        out.id = object(proposed).value(u"proposal_id"_s).toString();
        return out;
    }

private slots:
    void initTestCase() { setUpCentrals({kBranch}); }

    void proposeAtOneDeskApproveAtAnother_data() { dialects(); }
    void proposeAtOneDeskApproveAtAnother()
    {
        QFETCH(QString, dialect);
        const auto [a, b, id, p] = proposedAtA(dialect);
        QVERIFY(!id.isEmpty());

        // Desk B pulls the request and the proposal: its queue shows who proposed what.
        CLI_EXPECT(sync(b, dialect, 400), 0);
        QCOMPARE(status(b, p.code), u"identity_mismatch"_s);
        const CliResult list = ctlAs(b, u"supervisor2"_s, {u"review"_s, u"list"_s});
        CLI_EXPECT(list, 0);
        QVERIFY2(list.out.contains(id.toUtf8()), list.out.constData());
        QVERIFY2(list.out.contains("\"proposed_by\": \"supervisor\""), list.out.constData());

        // The one who proposed it, at the other desk: refused, nothing changed.
        const QByteArray before = dump(b);
        const CliResult own = approve(b, u"supervisor"_s, id, 500);
        QCOMPARE(own.exitCode, 1);
        QCOMPARE(codes(own), QStringList{u"review.own_proposal"_s});
        QCOMPARE(dump(b), before);

        // Another supervisor at desk B: approved, the request activated there and, after the
        // sync, at the central and at desk A.
        const CliResult ok = approve(b, u"supervisor2"_s, id, 600);
        CLI_EXPECT(ok, 0);
        QCOMPARE(object(ok).value(u"status"_s).toString(), u"activated"_s);
        CLI_EXPECT(sync(b, dialect, 700), 0);
        QCOMPARE(centralValue(dialect,
                              u"SELECT status || ':' || decided_by FROM review_proposals WHERE id = '%1'"_s.arg(id)),
                 u"approved:supervisor2"_s);
        CLI_EXPECT(sync(a, dialect, 800), 0);
        QCOMPARE(status(a, p.code), u"activated"_s);
        QCOMPARE(localValue(a, u"SELECT status || ':' || decided_by FROM review_proposals WHERE id = '%1'"_s.arg(id)),
                 u"approved:supervisor2"_s);
        // Applied once: desk A finds it decided.
        const CliResult again = approve(a, u"supervisor2"_s, id, 900);
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(codes(again), QStringList{u"review.already_decided"_s});
        QCOMPARE(centralValue(dialect, u"SELECT count(*) FROM accounts WHERE national_code = '%1'"_s.arg(p.code)),
                 u"1"_s);
    }

    // The person registered again at desk B before anyone approved desk A's proposal: the
    // proposal is stale at desk A once it synced.
    void overtakenProposalIsStale_data() { dialects(); }
    void overtakenProposalIsStale()
    {
        QFETCH(QString, dialect);
        const auto [a, b, id, p] = proposedAtA(dialect);
        QVERIFY(!id.isEmpty());
        CLI_EXPECT(sync(b, dialect, 400), 0);
        // At desk B the person registers again, as the registry has them.
        QJsonObject r = validRequest(p.code, p.mobile);
        r.insert(u"first_name"_s, p.first);
        r.insert(u"last_name"_s, p.last);
        r.insert(u"gender"_s, u"M"_s);
        CLI_EXPECT(ctlAs(b, u"clerk"_s, {u"--now"_s, at(500), u"register"_s, u"-"_s}, json(QJsonArray{r})), 0);
        CLI_EXPECT(sync(b, dialect, 600), 0);
        CLI_EXPECT(sync(a, dialect, 700), 0);
        const QByteArray before = dump(a);
        const CliResult stale = approve(a, u"supervisor2"_s, id, 800);
        QCOMPARE(stale.exitCode, 1);
        QCOMPARE(codes(stale), QStringList{u"review.stale"_s});
        QCOMPARE(dump(a), before);
    }

    // From the attacker's side (psql as the branch's role): an approval by the one who
    // proposed, or a decided proposal moved again, is refused by the server itself.
    void serverRefusesWhatTheDeskWouldRefuse()
    {
        const QString dialect = u"postgresql"_s;
        const QString id = proposedAtA(dialect, false).id;
        QVERIFY(!id.isEmpty());
        const QString role = branch::db::CentralDatabase::roleNameFor(kBranch);
        const auto push = [&](const QString &change) {
            QString out, err;
            const bool ok =
                m_pg.psql(u"SELECT branchdesk_push_rows('review_proposals', jsonb_build_array("
                          "(SELECT to_jsonb(r) FROM review_proposals AS r WHERE id = '%1') || %2))"_s.arg(id, change),
                          &out, &err, role);
            return ok ? QString() : err;
        };
        const QString own = push(u"jsonb_build_object('version', 2, 'status', 'approved', 'decided_by', "
                                 "'SUPERVISOR', 'decided_at', '2026-12-03T10:00:00.000Z')"_s);
        QVERIFY2(own.contains(u"approved by another supervisor"_s), qPrintable(own));
        QCOMPARE(centralValue(dialect, u"SELECT status FROM review_proposals WHERE id = '%1'"_s.arg(id)), u"pending"_s);
        // Replaced, then moved back to pending: refused.
        QCOMPARE(push(u"jsonb_build_object('version', 2, 'status', 'replaced', 'decided_by', 'supervisor', "
                      "'decided_at', '2026-12-03T10:00:00.000Z')"_s),
                 QString());
        const QString back = push(u"jsonb_build_object('version', 3, 'status', 'pending')"_s);
        QVERIFY2(back.contains(u"was replaced already"_s), qPrintable(back));
        // A direct write: no privilege.
        QString err;
        QVERIFY(!m_pg.psql(u"UPDATE review_proposals SET status = 'approved' WHERE id = '%1'"_s.arg(id), nullptr, &err,
                           role));
        QVERIFY2(err.contains(u"permission denied"_s), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCrossDeskReview)
#include "TestCrossDeskReview.moc"
