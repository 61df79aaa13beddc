// The supervisor's sync-conflicts tab on real widgets, two real branch databases and a real
// SQLite central (the services' own sync): the same account's mobile changed at two
// branches while apart (1002 fetched the person of 1001 for a visit) gives branch 1002 one
// conflict; the tab loads it in the background
// (the call returns before the answer), shows both versions with the difference marked,
// keeps the buttons from a clerk, refuses a wrong password and changes nothing on a
// cancelled one, and keeping this branch's version resolves it centrally (audited) and
// empties the list. An unreachable central is a message, not a hang.
#include "ui/Confirm.h"
#include "ui/ReviewQueuePage.h"

#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/Fetch.h"
#include "app/sync/SyncEngine.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"

#include "tests/support/CounterFixture.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QString kCode = u"0499370899"_s;
const QString kMobileA = u"09350005566"_s;
const QString kMobileB = u"09190007788"_s;
const QString kPassword = u"Super1234xJangalAbr"_s;
constexpr int kTimeout = 20000;
} // namespace

class TestSyncConflicts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_a, m_b;
    std::unique_ptr<Context> m_ctxA, m_ctxB;
    QString m_central;
    int m_n = 0;

    const StaffSession m_supervisor{u"super1"_s, u"supervisor"_s};
    const StaffSession m_clerk{u"clerk1"_s, u"clerk"_s};

    std::unique_ptr<db::Database> branchDb(const QString &name, const QString &code)
    {
        db::DbError err;
        auto db = db::Database::open(m_dir.filePath(name), db::Database::OpenMode::CreateIfMissing, &err);
        if (db)
            db::setMetaValue(*db, u"branch_code"_s, code);
        return db;
    }

    int syncBranch(Context &ctx, const QDateTime &at)
    {
        const auto url = parseCentralUrl(m_central);
        const auto out = syncWithCentral(ctx, *url.value, at);
        return out.ok() ? out.value->conflicts : -1;
    }

    std::unique_ptr<ui::ReviewQueuePage> page(const StaffSession &s)
    {
        auto p = std::make_unique<ui::ReviewQueuePage>(*m_ctxB);
        p->setSession(s);
        p->setClock([] { return kT0.addSecs(3600); });
        p->setCentralUrl(m_central);
        p->show();
        return p;
    }

    bool load(ui::ReviewQueuePage &p)
    {
        QSignalSpy loaded(&p, &ui::ReviewQueuePage::conflictsLoaded);
        QTest::mouseClick(p.loadConflictsButton(), Qt::LeftButton);
        return loaded.wait(kTimeout) || loaded.count() > 0;
    }

    QString localMobile() { return db::findAccount(*m_b, kCode)->mobile; }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(security::init(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    // Two branches and a central, one applicant activated at 1001, known at 1002 by sync,
    // then the mobile changed at both before either syncs again: 1002's push conflicts.
    void init()
    {
        ++m_n;
        m_ctxA.reset();
        m_ctxB.reset();
        m_a = branchDb(u"a%1.db"_s.arg(m_n), u"1001"_s);
        m_b = branchDb(u"b%1.db"_s.arg(m_n), u"1002"_s);
        QVERIFY(m_a && m_b);
        m_ctxA = std::make_unique<Context>(Context{*m_a, u"1001"_s});
        m_ctxB = std::make_unique<Context>(Context{*m_b, u"1002"_s});
        m_central = u"sqlite://"_s + m_dir.filePath(u"central%1.db"_s.arg(m_n));
        const auto url = parseCentralUrl(m_central);
        QVERIFY2(url.ok(), qPrintable(url.failure.message()));
        const auto created = initCentral(*url.value);
        QVERIFY2(created.ok(), qPrintable(created.failure.message()));

        const QString activated =
            test::activatedAccount(*m_ctxA, test::sampleRegistration(kCode, u"09121234567"_s), kT0);
        QVERIFY2(activated.isEmpty(), qPrintable(activated));
        QVERIFY(addStaff(*m_ctxA, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctxB, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctxA, u"clerk1"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        QVERIFY(addStaff(*m_ctxB, u"clerk1"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        QVERIFY(addStaff(*m_ctxB, u"super1"_s, u"supervisor"_s, kPassword, kT0).ok());
        QCOMPARE(syncBranch(*m_ctxA, kT0.addSecs(200)), 0);
        QCOMPARE(syncBranch(*m_ctxB, kT0.addSecs(210)), 0);
        // A branch holds only its own persons and those it fetched for a visit (central
        // schema 6): the applicant comes to 1002's counter and its clerk fetches them.
        QVERIFY(!db::findAccount(*m_b, kCode));
        const auto fetched =
            fetchApplicant(*m_ctxB, *parseCentralUrl(m_central).value, kCode, m_clerk, kT0.addSecs(220));
        QVERIFY2(fetched.ok(), qPrintable(fetched.failure.message()));
        QVERIFY(db::findAccount(*m_b, kCode)); // 1002 knows the account now
        QVERIFY(changeMobile(*m_ctxA, kCode, kMobileA, m_clerk, kT0.addSecs(300)).ok());
        QVERIFY(changeMobile(*m_ctxB, kCode, kMobileB, m_clerk, kT0.addSecs(310)).ok());
        QCOMPARE(syncBranch(*m_ctxA, kT0.addSecs(400)), 0);
        QCOMPARE(syncBranch(*m_ctxB, kT0.addSecs(410)), 1);
    }

    // Loaded in the background: both versions side by side, the mobile marked as differing,
    // no hash shown.
    void conflictIsListedWithBothVersions()
    {
        auto p = page(m_supervisor);
        QSignalSpy loaded(p.get(), &ui::ReviewQueuePage::conflictsLoaded);
        p->loadConflicts();
        // The call returned before the central database answered.
        QVERIFY(p->conflictsBusy());
        QVERIFY(!p->loadConflictsButton()->isEnabled());
        QVERIFY(loaded.wait(kTimeout));
        QVERIFY(!p->conflictsBusy());
        QCOMPARE(p->conflictsTable()->rowCount(), 1);
        QCOMPARE(p->conflictsTable()->item(0, 0)->text(), u"accounts"_s);
        QCOMPARE(p->conflictsTable()->item(0, 1)->text(), kCode);
        bool sawMobile = false;
        for (int r = 0; r < p->conflictDetailTable()->rowCount(); ++r) {
            const QString field = p->conflictDetailTable()->item(r, 0)->text();
            QVERIFY2(field != "password_hash"_L1 && field != "questions_json"_L1, qPrintable(field));
            if (field == "mobile"_L1) {
                sawMobile = true;
                QCOMPARE(p->conflictDetailTable()->item(r, 1)->text(), kMobileB);
                QCOMPARE(p->conflictDetailTable()->item(r, 2)->text(), kMobileA);
                QVERIFY(p->conflictDetailTable()->item(r, 1)->background() != QBrush());
            }
        }
        QVERIFY(sawMobile);
        QVERIFY(p->keepLocalButton()->isEnabled());
        QVERIFY(p->keepCentralButton()->isEnabled());
    }

    // A clerk sees the list but cannot decide; calling the slot changes nothing.
    void clerkCannotResolve()
    {
        auto p = page(m_clerk);
        QVERIFY(load(*p));
        QCOMPARE(p->conflictsTable()->rowCount(), 1);
        QVERIFY(!p->keepLocalButton()->isEnabled());
        QVERIFY(!p->keepCentralButton()->isEnabled());
        ui::setNextPasswordAnswer(u"Clerk1234xKavirSepid"_s);
        p->resolveConflictKeeping(true);
        QVERIFY(!p->conflictsBusy());
        ui::setNextPasswordAnswer(QString(), false); // drop the unused answer
        QCOMPARE(localMobile(), kMobileB);
    }

    // A cancelled password prompt does nothing; a wrong password is refused with a
    // message and the conflict stays; the right one resolves it keeping this branch's
    // version: the central row and this branch agree, audited, the list is empty.
    void resolveKeepingThisBranch()
    {
        auto p = page(m_supervisor);
        QVERIFY(load(*p));
        QSignalSpy resolved(p.get(), &ui::ReviewQueuePage::conflictResolved);

        ui::setNextPasswordAnswer(QString(), false);
        QTest::mouseClick(p->keepLocalButton(), Qt::LeftButton);
        QVERIFY(!p->conflictsBusy());
        QCOMPARE(resolved.count(), 0);

        ui::setNextPasswordAnswer(u"Wrong1234x"_s);
        QTest::mouseClick(p->keepLocalButton(), Qt::LeftButton);
        QVERIFY(resolved.wait(kTimeout));
        QCOMPARE(resolved.last().at(0).toBool(), false);
        QVERIFY(!p->conflictsMessageLabel()->text().isEmpty());
        QCOMPARE(p->conflictsTable()->rowCount(), 1);

        ui::setNextPasswordAnswer(kPassword);
        QTest::mouseClick(p->keepLocalButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 2, kTimeout);
        QCOMPARE(resolved.last().at(0).toBool(), true);
        QCOMPARE(p->conflictsTable()->rowCount(), 0);
        QVERIFY(p->conflictsMessageLabel()->text().contains(u"resolved"_s));
        QCOMPARE(localMobile(), kMobileB);
        bool audited = false;
        for (const auto &a : db::auditLog(*m_b))
            audited = audited || (a.action == "conflict.resolve"_L1 && a.actor == "super1"_L1);
        QVERIFY(audited);
        // 1001 pulls the decision: both branches agree.
        QCOMPARE(syncBranch(*m_ctxA, kT0.addSecs(4000)), 0);
        QCOMPARE(db::findAccount(*m_a, kCode)->mobile, kMobileB);
        const auto again = listConflicts(*m_ctxB, *parseCentralUrl(m_central).value);
        QVERIFY(again.ok());
        QVERIFY(again.value->isEmpty());
    }

    // Keeping the central version brings it to this branch.
    void resolveKeepingCentral()
    {
        auto p = page(m_supervisor);
        QVERIFY(load(*p));
        QSignalSpy resolved(p.get(), &ui::ReviewQueuePage::conflictResolved);
        ui::setNextPasswordAnswer(kPassword);
        QTest::mouseClick(p->keepCentralButton(), Qt::LeftButton);
        QVERIFY(resolved.wait(kTimeout));
        QCOMPARE(resolved.last().at(0).toBool(), true);
        QCOMPARE(localMobile(), kMobileA);
    }

    // A central database that cannot be opened: a message, the page usable again.
    void unreachableCentral()
    {
        auto p = page(m_supervisor);
        p->setCentralUrl(u"sqlite://"_s + m_dir.filePath(u"missing/dir/central.db"_s));
        QVERIFY(load(*p));
        QCOMPARE(p->conflictsTable()->rowCount(), 0);
        QVERIFY(!p->conflictsMessageLabel()->text().isEmpty());
        QVERIFY(p->loadConflictsButton()->isEnabled());
    }
};

QTEST_MAIN(TestSyncConflicts)
#include "TestSyncConflicts.moc"
