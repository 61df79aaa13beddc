// The desk keeps running when a counter action cannot be written: with real widgets, in
// Persian, the mobile change (F3) on a full disk (the database on a small tmpfs filled up)
// and on a disk that fails its writes (an I/O error injected by the test-only VFS) shows the
// services' message in the dialog, which stays open; nothing changed; once the disk works,
// the same dialog does the action, the receipt follows, and the window takes the next
// action (a password reset).
#include "ui/ApplicantView.h"
#include "ui/Confirm.h"
#include "ui/MainWindow.h"
#include "ui/MobileChangeDialog.h"
#include "ui/PasswordResetDialog.h"
#include "ui/ReceiptDialog.h"

#include "app/lifecycle/Staff.h"
#include "db/AccountRepository.h"
#include "db/MetaRepository.h"

#include "tests/support/CounterFixture.h"
#include "tests/support/DiskFaults.h"
#include "tests/support/FaultyVfs.h"
#include "tests/support/GuiTestUtil.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace branch;
using namespace Qt::StringLiterals;
namespace disk = branchtest::disk;
namespace vfs = branchtest::faultyvfs;

namespace
{
constexpr int kTimeout = 10000;
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
} // namespace

class TestDeskDiskFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_disk, m_noMount;
    QTranslator m_fa;
    int m_n = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(vfs::install());
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        m_disk = m_dir.filePath(u"disk"_s);
        m_noMount = disk::mountTmpfs(m_disk, 16 * 1024 * 1024);
        if (!m_noMount.isEmpty())
            m_disk.clear();
        test::useLanguage(u"fa"_s, m_fa);
    }

    void cleanupTestCase()
    {
        vfs::disarm();
        test::useLanguage(u"en"_s, m_fa);
        if (!m_disk.isEmpty())
            QVERIFY(disk::unmount(m_disk));
    }

    void actionFailsAndTheDeskGoesOn_data()
    {
        QTest::addColumn<bool>("fullDisk"); // else an injected I/O error
        QTest::newRow("disk full") << true;
        QTest::newRow("I/O error") << false;
    }
    void actionFailsAndTheDeskGoesOn()
    {
        QFETCH(bool, fullDisk);
        if (fullDisk && m_disk.isEmpty())
            QSKIP(qPrintable(m_noMount));
        const QString path = QDir(fullDisk ? m_disk : m_dir.path()).filePath(u"desk%1.db"_s.arg(++m_n));
        db::DbError err;
        auto database = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(database, qPrintable(err.detail));
        db::setMetaValue(*database, u"branch_code"_s, u"1001"_s);
        Context ctx{*database, u"1001"_s};
        QVERIFY(addStaff(ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok());
        QVERIFY(addStaff(ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        const QString code = test::nationalCode(u"006123401"_s);
        QCOMPARE(test::activatedAccount(ctx, test::sampleRegistration(code, u"09125550401"_s), kT0), QString());

        ui::MainWindow window(ctx);
        window.setSession(StaffSession{u"sara"_s, u"clerk"_s});
        QVERIFY(test::showActive(window));
        QVERIFY(window.openApplicant(code));
        ui::ApplicantView *view = window.applicantView();

        // The disk gives out while the desk is open.
        if (fullDisk) {
            database->execDirect(u"PRAGMA wal_checkpoint(TRUNCATE)"_s); // no room left in the WAL either
            QVERIFY(disk::fill(m_disk) > 0);
        } else {
            vfs::arm({vfs::Op::Write, vfs::File::Wal, 0, SQLITE_IOERR_WRITE});
        }
        const QString before = disk::contentOf(path);
        QVERIFY(!before.isEmpty());

        QTest::keyClick(view, Qt::Key_F3);
        auto *dialog = qobject_cast<ui::MobileChangeDialog *>(view->openDialog());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        test::typeText(dialog->mobileField(), u"۰۹۳۵۱۲۳۴۵۶۷"_s);
        dialog->ownershipBox()->setChecked(true);
        QVERIFY(dialog->submitButton()->isEnabled());
        QSignalSpy done(view, &ui::ApplicantView::counterActionDone);
        ui::setNextConfirmAnswer(true);
        QTest::keyClick(dialog->mobileField(), Qt::Key_Return);

        // The dialog stays open with the services' message; nothing changed.
        const db::DbError::Kind kind = fullDisk ? db::DbError::Kind::Full : db::DbError::Kind::IoError;
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->message().isEmpty(), kTimeout);
        QCOMPARE(done.count(), 0);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->message(), describeDbError({kind, {}}));
        // In Persian once the catalogue has the entry (TestTranslations fails while any
        // service message lacks its finished Persian translation).
        QApplication::removeTranslator(&m_fa);
        const QString english = describeDbError({kind, {}});
        QApplication::installTranslator(&m_fa);
        if (!m_fa.translate("branch::Services", english.toUtf8().constData()).isEmpty())
            QVERIFY2(dialog->message().contains(QRegularExpression(u"[\u0600-\u06FF]"_s)),
                     qPrintable(dialog->message()));
        else
            qWarning("no Persian translation of the message yet: %s", qPrintable(english));
        if (!fullDisk)
            QVERIFY(vfs::hits() > 0);
        QCOMPARE(db::findAccount(*database, code)->mobile, u"09125550401"_s);
        QCOMPARE(disk::integrityOf(path), u"ok"_s);
        QVERIFY2(disk::contentOf(path) == before, "the failed action changed the database");

        // The disk works again: the same dialog does the action, the receipt follows.
        if (fullDisk)
            QVERIFY(disk::freeSpace(m_disk));
        else
            vfs::disarm();
        ui::setNextConfirmAnswer(true);
        QTest::keyClick(dialog->mobileField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kTimeout);
        QCOMPARE(db::findAccount(*database, code)->mobile, u"09351234567"_s);
        QTRY_VERIFY_WITH_TIMEOUT(window.receiptDialog(), kTimeout);
        window.receiptDialog()->reject();
        QTRY_VERIFY(!window.receiptDialog());

        // And the next action at the same window.
        QTRY_VERIFY(view->isAncestorOf(QApplication::focusWidget()));
        QVERIFY(view->startAction(ui::CounterAction::ResetPassword));
        auto *reset = qobject_cast<ui::PasswordResetDialog *>(view->openDialog());
        QVERIFY(reset);
        reset->reject();
        QTRY_VERIFY(!view->openDialog());
    }
};

int main(int argc, char **argv)
{
    disk::enterMountNamespace(argc, argv);
    QApplication app(argc, argv);
    TestDeskDiskFaults test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestDeskDiskFaults.moc"
