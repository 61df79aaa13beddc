// The desk keeps the branch's work (issue 15), real widgets on real SQLite files: it backs
// up by itself while changes wait (and not while nothing waits), Ctrl+Shift+B backs up
// now off the UI thread, closing with unsent changes and no recent backup makes one first,
// the status bar says how many changes wait and since when and where the backups go
// (same disk: said), changes waiting too long are said at sign-in and at close, and the
// restore offered at start puts a backup in place for an administrator only.
#include "ui/BackupController.h"
#include "ui/MainWindow.h"
#include "ui/RestoreDialog.h"

#include "tests/support/CounterFixture.h"
#include "tests/support/GuiTestUtil.h"

#include "app/lifecycle/Backup.h"
#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Staff.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/DemoData.h"
#include "db/MetaRepository.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace branch;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace
{
constexpr int kTimeout = 20000;
const QString kAdminPw = u"Admin1234xBaghEram"_s;

struct Desk {
    QTemporaryDir dir;
    QString path, backups;
    std::unique_ptr<db::Database> db;
    std::unique_ptr<Context> ctx;
    QString code;

    // A branch database with an administrator, a clerk and one active account; the
    // changes of `at` wait to be sent.
    bool make(const QDateTime &at)
    {
        path = dir.filePath(u"database/branchdesk.db"_s);
        backups = dir.filePath(u"database/backups"_s);
        db::DbError err;
        db = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
        if (!db)
            return false;
        db::setMetaValue(*db, u"branch_code"_s, u"1001"_s);
        ctx = std::make_unique<Context>(Context{*db, u"1001"_s});
        code = test::nationalCode(u"006123451"_s);
        return addStaff(*ctx, u"root1"_s, u"admin"_s, kAdminPw, at).ok() &&
               addStaff(*ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, at).ok() &&
               test::activatedAccount(*ctx, test::sampleRegistration(code, u"09125551000"_s), at).isEmpty();
    }
    QList<BackupFile> made() const { return listBackups(backups); }
};

// Accepts the next modal message box, remembering its text: a timer that looks for it
// without blocking (the box may come after nested event loops, such as a backup's wait).
void acceptNextMessageBox(QString *text)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text();
            timer->stop();
            timer->deleteLater();
            box->accept();
        }
    });
    timer->start();
}
} // namespace

class TestDeskBackup : public QObject
{
    Q_OBJECT

private slots:
    void init() { qputenv("BRANCHDESK_UNSENT_WARN_HOURS", "87600"); }

    void backsUpByItselfWhileChangesWait()
    {
        Desk d;
        QVERIFY(d.make(QDateTime::currentDateTimeUtc()));
        ui::MainWindow window(*d.ctx);
        window.setSession(StaffSession{u"sara"_s, u"clerk"_s});
        ui::BackupController *backup = window.backupController();
        QCOMPARE(QFileInfo(backup->folder()), QFileInfo(d.backups));
        QSignalSpy finished(backup, &ui::BackupController::finished);
        backup->setInterval(300ms);
        // Changes wait (the activation): the timer makes a backup, audited as the clerk's.
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(d.made().size(), 1);
        QVERIFY2(window.backupLabel()->text().startsWith(u"Last backup"_s), qPrintable(window.backupLabel()->text()));
        // On the database's disk: said, with what to do.
        QVERIFY(window.backupLabel()->toolTip().contains(u"same disk"_s));
        const auto audit = db::auditLog(*d.db);
        QCOMPARE(audit.constLast().action, u"database.backup"_s);
        QCOMPARE(audit.constLast().actor, u"sara"_s);

        // Nothing waits any more: no further backups however often the timer fires.
        db::runStatement(*d.db, u"DELETE FROM outbox"_s);
        window.refresh();
        finished.clear();
        QTest::qWait(1500);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(d.made().size(), 1);
    }

    void backUpNowRunsOffTheUiThread()
    {
        Desk d;
        QVERIFY(d.make(QDateTime::currentDateTimeUtc()));
        db::DemoOptions demo;
        demo.persons = 20000;
        db::generateDemoData(*d.db, demo);
        ui::MainWindow window(*d.ctx);
        window.setSession(StaffSession{u"sara"_s, u"clerk"_s});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.backupController(), &ui::BackupController::finished);
        QTest::keyClick(&window, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        // The key returned at once: the copy runs on its worker, the label says so.
        QVERIFY(window.backupController()->isRunning());
        QVERIFY2(window.backupLabel()->text().startsWith(u"Backing up"_s), qPrintable(window.backupLabel()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QVERIFY(finished.first().at(0).toBool());
        QCOMPARE(d.made().size(), 1);
        // The desk's database is still its own: the next counter action works.
        auto r = changeMobile(*d.ctx, d.code, u"09351112222"_s, StaffSession{u"sara"_s, u"clerk"_s},
                              QDateTime::currentDateTimeUtc());
        QVERIFY2(r.ok(), qPrintable(r.failure.message()));
    }

    void closingWithUnsentChangesBacksUpFirst()
    {
        Desk d;
        QVERIFY(d.make(QDateTime::currentDateTimeUtc()));
        {
            ui::MainWindow window(*d.ctx);
            window.setSession(StaffSession{u"sara"_s, u"clerk"_s});
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(d.made().isEmpty());
            window.close();
            QCOMPARE(d.made().size(), 1);
        }
        // A recent backup: closing again makes none.
        {
            ui::MainWindow window(*d.ctx);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
            QCOMPARE(d.made().size(), 1);
        }
    }

    void statusBarSaysWhatWaitsAndSince()
    {
        Desk d;
        const QDateTime tenHoursAgo = QDateTime::currentDateTimeUtc().addSecs(-10 * 3600);
        QVERIFY(d.make(tenHoursAgo));
        ui::MainWindow window(*d.ctx);
        const QString text = window.syncLabel()->text();
        QVERIFY2(text.contains(u"since"_s), qPrintable(text));
        QVERIFY(window.waitingTooLongText().isEmpty()); // the test run's threshold: ten years
        qputenv("BRANCHDESK_UNSENT_WARN_HOURS", "8");
        QVERIFY2(window.waitingTooLongText().contains(u"more than 8 hours"_s), qPrintable(window.waitingTooLongText()));
        // Said at sign-in (a window-modal box, not a blocking one) ...
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setSession(StaffSession{u"sara"_s, u"clerk"_s});
        auto *box = window.findChild<QMessageBox *>(u"waitingTooLong"_s);
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->text().contains(u"have not reached the central database"_s));
        box->accept();
        // ... and at close, after the backup the close makes.
        QString said;
        acceptNextMessageBox(&said);
        window.close();
        QVERIFY2(said.contains(u"more than 8 hours"_s), qPrintable(said));
        QCOMPARE(d.made().size(), 1);
    }

    void restoreOfferedAtStart_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("restored");
        QTest::newRow("administrator") << u"root1"_s << kAdminPw << true;
        QTest::newRow("wrong password") << u"root1"_s << u"Wrong1234x"_s << false;
        QTest::newRow("a clerk") << u"sara"_s << u"Clerk1234xKavirSepid"_s << false;
    }

    void restoreOfferedAtStart()
    {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(bool, restored);
        Desk d;
        QVERIFY(d.make(QDateTime::currentDateTimeUtc()));
        auto made = makeBackup(d.path, d.backups, u"root1"_s, QDateTime::currentDateTimeUtc());
        QVERIFY2(made.ok(), qPrintable(made.failure.message()));
        d.ctx.reset();
        d.db.reset();
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(d.path + QLatin1String(suffix));

        ui::RestoreDialog dialog(d.path, ui::RestoreDialog::Why::Missing, d.made());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.backupList()->count(), 1);
        QCOMPARE(dialog.backupList()->currentRow(), 0);
        // Enter without a password says what is missing and changes nothing.
        QTest::keyClicks(dialog.loginField(), login);
        QTest::keyClick(dialog.loginField(), Qt::Key_Return);
        QVERIFY(dialog.passwordField()->hasFocus());
        QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
        QVERIFY(!dialog.message().isEmpty());
        QVERIFY(!QFileInfo::exists(d.path));
        QTest::keyClicks(dialog.passwordField(), password);
        QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kTimeout);
        QCOMPARE(dialog.result() == QDialog::Accepted, restored);
        QCOMPARE(QFileInfo::exists(d.path), restored);
        QVERIFY(dialog.passwordField()->text().isEmpty()); // never kept in the field
        if (!restored) {
            QVERIFY(!dialog.message().isEmpty());
            return;
        }
        db::DbError err;
        auto back = db::Database::open(d.path, db::Database::OpenMode::MustExist, &err);
        QVERIFY(back);
        QVERIFY(db::findAccount(*back, d.code));
        QCOMPARE(db::auditLog(*back).constLast().action, u"database.restore"_s);
    }
};

QTEST_MAIN(TestDeskBackup)
#include "TestDeskBackup.moc"
