// The desk's background sync against a real SQLite central file: F9 pushes the outbox on
// the worker thread and the status bar says online with nothing waiting; an unreachable
// central leaves every change queued and says offline (a normal state, the desk works
// on); without a central URL the desk says it works offline; the last successful sync is
// remembered by the database for the next start.
#include "ui/MainWindow.h"
#include "ui/SyncController.h"

#include "tests/support/CounterFixture.h"
#include "tests/support/GuiTestUtil.h"

#include "app/lifecycle/Lifecycle.h"
#include "app/sync/CentralAdmin.h"
#include "db/MetaRepository.h"
#include "db/SyncRepository.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
constexpr int kTimeout = 20000;
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
} // namespace

class TestDeskSync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    QString m_central;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        db::DbError err;
        m_db = db::Database::open(m_dir.filePath(u"branch.db"_s), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});

        m_central = u"sqlite://"_s + m_dir.filePath(u"central.db"_s);
        auto url = parseCentralUrl(m_central);
        QVERIFY(url.ok());
        auto init = initCentral(*url.value);
        QVERIFY2(init.ok(), qPrintable(init.failure.message()));
        auto branch = addCentralBranch(*url.value, u"1001"_s, QString());
        QVERIFY2(branch.ok(), qPrintable(branch.failure.message()));

        const RegistrationInput in = test::sampleRegistration(test::nationalCode(u"004512367"_s), u"09121110001"_s);
        QVERIFY(submitRegistration(*m_ctx, in, kT0).ok());
        QVERIFY(db::outboxCount(*m_db) > 0);
    }

    void notSetUpSaysOffline()
    {
        ui::MainWindow window(*m_ctx);
        window.syncController()->setCentralUrl(QString());
        QVERIFY(!window.syncController()->isConfigured());
        QVERIFY2(window.syncLabel()->text().startsWith(u"Offline"_s), qPrintable(window.syncLabel()->text()));
        window.syncController()->syncNow(); // nothing to do, nothing changes
        QVERIFY(!window.syncController()->isRunning());
    }

    void unreachableCentralKeepsTheQueue()
    {
        const qint64 queued = db::outboxCount(*m_db);
        ui::MainWindow window(*m_ctx);
        window.syncController()->setCentralUrl(u"sqlite://"_s + m_dir.filePath(u"no-such-dir/central.db"_s));
        QSignalSpy finished(window.syncController(), &ui::SyncController::finished);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F9);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!window.syncController()->isOnline());
        QVERIFY(!window.syncController()->lastError().isEmpty());
        QCOMPARE(db::outboxCount(*m_db), queued);
        QVERIFY2(window.syncLabel()->text().startsWith(u"Offline"_s), qPrintable(window.syncLabel()->text()));
        QVERIFY(window.syncLabel()->text().contains(u"never"_s));
    }

    void syncNowPushesOffTheUiThread()
    {
        ui::MainWindow window(*m_ctx);
        window.syncController()->setCentralUrl(m_central);
        QSignalSpy finished(window.syncController(), &ui::SyncController::finished);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F9);
        // The UI thread is free while the worker runs: the label already says so.
        QVERIFY(window.syncController()->isRunning());
        QVERIFY2(window.syncLabel()->text().startsWith(u"Syncing"_s), qPrintable(window.syncLabel()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(window.syncController()->lastError()));
        QVERIFY(window.syncController()->lastPushed() > 0);
        QCOMPARE(db::outboxCount(*m_db), 0);
        QVERIFY(window.syncController()->lastSuccess().isValid());
        QVERIFY2(window.syncLabel()->text().startsWith(u"Online"_s), qPrintable(window.syncLabel()->text()));
        QVERIFY(window.syncLabel()->text().contains(u"waiting: 0"_s));
    }

    // A desk started later (no sync of its own yet, even offline) shows the last
    // successful sync that the database remembers, not "never".
    void lastSyncIsRememberedAcrossStarts()
    {
        ui::MainWindow first(*m_ctx);
        first.syncController()->setCentralUrl(m_central);
        QSignalSpy finished(first.syncController(), &ui::SyncController::finished);
        first.syncController()->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QVERIFY(finished.first().at(0).toBool());
        const QDateTime synced = first.syncController()->lastSuccess();

        ui::MainWindow later(*m_ctx);
        later.syncController()->setCentralUrl(u"sqlite://"_s + m_dir.filePath(u"no-such-dir/central.db"_s));
        QVERIFY(!later.syncController()->isRunning());
        QCOMPARE(later.syncController()->lastSuccess().toSecsSinceEpoch(), synced.toSecsSinceEpoch());
        QVERIFY2(later.syncLabel()->text().contains(u"last sync"_s) && !later.syncLabel()->text().contains(u"never"_s),
                 qPrintable(later.syncLabel()->text()));
    }

    // A log edited on this PC (an entry the central already holds): F9's sync is refused,
    // nothing leaves the outbox, and the status bar says why instead of "offline".
    void editedAuditLogIsRefusedAndSaidInTheStatusBar()
    {
        QVERIFY(submitRegistration(*m_ctx,
                                   test::sampleRegistration(test::nationalCode(u"004512368"_s), u"09121110002"_s),
                                   kT0.addSecs(60))
                    .ok());
        const qint64 queued = db::outboxCount(*m_db);
        QVERIFY(queued > 0);
        db::runStatement(*m_db, u"UPDATE audit_log SET actor = 'someone else' WHERE seq = 1"_s);
        ui::MainWindow window(*m_ctx);
        window.syncController()->setCentralUrl(m_central);
        QSignalSpy finished(window.syncController(), &ui::SyncController::finished);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F9);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(window.syncController()->lastErrorCode(), u"audit.anchor_mismatch"_s);
        QCOMPARE(db::outboxCount(*m_db), queued);
        QVERIFY2(window.syncLabel()->text().startsWith(u"Sync refused: this desk's audit log"_s),
                 qPrintable(window.syncLabel()->text()));
        QVERIFY(window.syncLabel()->toolTip().contains(u"does not continue the copy"_s));
    }
};

QTEST_MAIN(TestDeskSync)
#include "TestDeskSync.moc"
