// The desk keeps the branch database it opened (issue 15, item 0). SQLite's POSIX locks
// belong to the whole process and are all dropped when any descriptor of the file is
// closed, so something in the desk that opens and closes the database (a file dialog's
// file-type detection was the culprit) lets the next branchctl believe it is alone: it
// deletes the WAL the desk still writes to, and the desk's later actions are lost.
// Real widgets (the receipt's and the daily report's own save dialogs, shown on the
// database's folder), the real branchctl as the second process, locks read from
// /proc/locks, and a desk that is stopped and started again.
#include "ui/DashboardPage.h"
#include "ui/Receipt.h"
#include "ui/ReceiptDialog.h"

#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Paths.h"
#include "app/lifecycle/Staff.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"

#include "tests/support/CounterFixture.h"
#include "tests/support/GuiTestUtil.h"
#include "tests/support/TestEnv.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <sys/stat.h>
#include <unistd.h>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
constexpr int kTimeout = 10000;
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QString kClerkPassword = u"Clerk1234xKavirSepid"_s;

// How many of the locks in /proc/locks are held by process `pid` on the file at `path`
// (matched by inode: "1: POSIX  ADVISORY  READ 1234 08:01:5678 128 128").
int locksHeld(qint64 pid, const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    QFile f(u"/proc/locks"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QString inodeSuffix = u":%1"_s.arg(quint64(st.st_ino));
    int n = 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QStringList fields = QString::fromLatin1(line).simplified().split(u' ');
        // A blocked waiter is listed as "1: -> POSIX ...": not a lock held.
        if (fields.size() < 6 || fields.at(1) == u"->"_s)
            continue;
        if (fields.at(4).toLongLong() == pid && fields.at(5).endsWith(inodeSuffix))
            ++n;
    }
    return n;
}

int ownLocks(const QString &path)
{
    return locksHeld(qint64(::getpid()), path);
}

branchtest::CliResult ctl(const QString &db, const QStringList &args, const QByteArray &input = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BRANCHDESK_KDF_PROFILE"_s, u"test"_s);
    env.remove(u"BRANCHDESK_DB"_s);
    return branchtest::runCli(QStringLiteral(BRANCHCTL_PATH), QStringList{u"--db"_s, db, u"--lang"_s, u"en"_s} + args,
                              input, env);
}

QString describe(const branchtest::CliResult &r)
{
    return u"exit %1, stdout %2, stderr %3"_s.arg(r.exitCode).arg(QString::fromUtf8(r.out), r.errText());
}

// While the next modal QFileDialog runs: goes to `folder` as a person would, waits until the
// dialog has listed it (and painted it, icons and types included), then cancels it.
// *listed tells whether the folder was listed before the dialog was cancelled.
void browseThenCancel(const QString &folder, bool *listed)
{
    QTimer::singleShot(0, qApp, [folder, listed] {
        QFileDialog *dialog = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                return dialog != nullptr;
            },
            kTimeout);
        if (!dialog)
            return;
        auto *model = dialog->findChild<QFileSystemModel *>();
        if (model) {
            QSignalSpy loaded(model, &QFileSystemModel::directoryLoaded);
            dialog->setDirectory(folder);
            *listed = QTest::qWaitFor(
                [&] {
                    for (const auto &args : loaded)
                        if (QFileInfo(args.first().toString()) == QFileInfo(folder))
                            return true;
                    return false;
                },
                kTimeout);
            // The listing is followed by the icons and file types, gathered on the model's
            // own thread as the rows are painted: give them time to come.
            QTest::qWait(1500);
        }
        dialog->reject();
    });
}

} // namespace

class TestHeldDatabase : public QObject
{
    Q_OBJECT

    QTranslator m_fa;

    struct Desk {
        QTemporaryDir dir;
        QString folder, path;
        std::unique_ptr<db::Database> db;
        std::unique_ptr<Context> ctx;

        bool open()
        {
            db::DbError err;
            db = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
            if (!db)
                return false;
            ctx = std::make_unique<Context>(Context{*db, u"1001"_s});
            return true;
        }
        void stop()
        {
            ctx.reset();
            db.reset();
        }
    };

    // A branch database in a folder of its own (data/branchdesk.db), opened by the desk, with
    // a clerk, a supervisor and one person holding an active account.
    static std::unique_ptr<Desk> makeDesk(QString *code)
    {
        auto d = std::make_unique<Desk>();
        if (!d->dir.isValid())
            return nullptr;
        d->folder = d->dir.filePath(u"data"_s);
        d->path = d->folder + u"/branchdesk.db"_s;
        if (!d->open())
            return nullptr;
        db::setMetaValue(*d->db, u"branch_code"_s, u"1001"_s);
        if (!addStaff(*d->ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok() ||
            !addStaff(*d->ctx, u"sara"_s, u"clerk"_s, kClerkPassword, kT0).ok() ||
            !addStaff(*d->ctx, u"maryam"_s, u"supervisor"_s, kClerkPassword, kT0).ok())
            return nullptr;
        *code = test::nationalCode(u"006123451"_s);
        if (!test::activatedAccount(*d->ctx, test::sampleRegistration(*code, u"09125551000"_s), kT0).isEmpty())
            return nullptr;
        return d;
    }

    ui::Receipt receiptFor(const QString &code)
    {
        ui::Receipt r;
        r.action = u"account.mobile_change"_s;
        r.branchCode = u"1001"_s;
        r.staffLogin = u"sara"_s;
        r.nationalCode = code;
        r.applicantName = u"علی رضایی"_s;
        r.at = kT0;
        r.trackingCode = u"7K3M-9QXD"_s;
        return r;
    }

    // The desk's own save dialog for `which` ("receipt" or "report"), browsed to `folder`
    // and cancelled. False when the dialog could not be run.
    bool runSaveDialog(const QString &which, Desk &desk, const QString &code, const QString &folder)
    {
        bool listed = false;
        if (which == u"receipt"_s) {
            ui::ReceiptDialog dialog(receiptFor(code));
            dialog.show();
            browseThenCancel(folder, &listed);
            if (dialog.saveAsPdf()) // cancelled: nothing saved
                return false;
        } else {
            ui::DashboardPage page(desk.path, u"1001"_s);
            page.setSession(StaffSession{u"maryam"_s, u"supervisor"_s});
            page.resize(1000, 700);
            QSignalSpy refreshed(&page, &ui::DashboardPage::refreshed);
            page.show();
            page.refresh();
            if (!QTest::qWaitFor([&] { return page.hasSnapshot() && !page.isBusy(); }, kTimeout))
                return false;
            browseThenCancel(folder, &listed);
            if (page.exportReport())
                return false;
        }
        return listed;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        test::useLanguage(u"fa"_s, m_fa);
    }

    void saveDialogOnTheDatabaseFolder_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("receipt as PDF") << u"receipt"_s;
        QTest::newRow("daily report") << u"report"_s;
    }

    // The reproduction: the dialog lists the database's folder, branchctl reads and writes the
    // database, then the desk changes a mobile number at the counter. branchctl must see that
    // change, and it must still be there when the desk has been stopped and started again.
    void saveDialogOnTheDatabaseFolder()
    {
        QFETCH(QString, which);
        QString code;
        auto desk = makeDesk(&code);
        QVERIFY(desk);
        QVERIFY2(QFile::exists(desk->path + u"-wal"_s) && QFile::exists(desk->path + u"-shm"_s),
                 "the desk's database is in WAL mode");
        const int before = ownLocks(desk->path);
        QVERIFY2(before > 0, "the desk holds its SQLite lock on the database file");

        QVERIFY(runSaveDialog(which, *desk, code, desk->folder));
        const int afterDialog = ownLocks(desk->path);
        qInfo("locks held on the database file: %d before the dialog, %d after it", before, afterDialog);

        // The next branchctl on the database only reads (as a clerk looking a person up).
        auto shown = ctl(desk->path, {u"applicants"_s, u"show"_s, code, u"--staff"_s, u"sara"_s},
                         kClerkPassword.toUtf8() + '\n');
        QVERIFY2(shown.exitCode == 0, qPrintable(describe(shown)));

        // The desk's next counter action must reach the database others read.
        const StaffSession clerk{u"sara"_s, u"clerk"_s};
        auto first = changeMobile(*desk->ctx, code, u"09352220000"_s, clerk, kT0.addSecs(3600));
        QVERIFY2(first.ok(), qPrintable(first.failure.message()));
        shown = ctl(desk->path, {u"applicants"_s, u"show"_s, code, u"--staff"_s, u"sara"_s},
                    kClerkPassword.toUtf8() + '\n');
        QVERIFY2(shown.exitCode == 0, qPrintable(describe(shown)));
        QCOMPARE(shown.json().object().value(u"mobile"_s).toString(), u"09352220000"_s);

        // branchctl writes, then the desk acts again.
        auto changed =
            ctl(desk->path, {u"mobile"_s, u"change"_s, code, u"--mobile"_s, u"09121110000"_s, u"--staff"_s, u"sara"_s},
                kClerkPassword.toUtf8() + '\n');
        QVERIFY2(changed.exitCode == 0, qPrintable(describe(changed)));
        auto second = changeMobile(*desk->ctx, code, u"09353330000"_s, clerk, kT0.addSecs(7200));
        QVERIFY2(second.ok(), qPrintable(second.failure.message()));
        shown = ctl(desk->path, {u"applicants"_s, u"show"_s, code, u"--staff"_s, u"sara"_s},
                    kClerkPassword.toUtf8() + '\n');
        QVERIFY2(shown.exitCode == 0, qPrintable(describe(shown)));
        QCOMPARE(shown.json().object().value(u"mobile"_s).toString(), u"09353330000"_s);

        // The desk stops and starts again: all three changes are there.
        desk->stop();
        QVERIFY(desk->open());
        const auto account = db::findAccount(*desk->db, code);
        QVERIFY(account);
        QCOMPARE(account->mobile, u"09353330000"_s);
        int changes = 0;
        for (const auto &a : db::auditLog(*desk->db))
            changes += a.nationalCode == code && a.action == u"account.mobile_change"_s;
        QCOMPARE(changes, 3);
        QVERIFY2(afterDialog > 0, "the dialog left the desk's SQLite locks in place");
    }

    // What the desk does when something else in its process disturbs the database anyway:
    // the next action is refused (database.lost, nothing written), everything committed
    // before is on disk for the next start, and the next start works.
    void disturbedDatabaseRefusesTheNextAction_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("a descriptor of the file opened and closed") << u"descriptor"_s;
        QTest::newRow("the file renamed away") << u"renamed"_s;
        QTest::newRow("the WAL deleted") << u"wal deleted"_s;
    }
    void disturbedDatabaseRefusesTheNextAction()
    {
        QFETCH(QString, how);
        QString code;
        auto desk = makeDesk(&code);
        QVERIFY(desk);
        const StaffSession clerk{u"sara"_s, u"clerk"_s};
        auto before = changeMobile(*desk->ctx, code, u"09352220000"_s, clerk, kT0.addSecs(60));
        QVERIFY2(before.ok(), qPrintable(before.failure.message()));
        QString openPath = desk->path;
        if (how == u"descriptor"_s) {
            QFile f(desk->path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            (void)f.read(16);
            f.close(); // POSIX: every lock of the process on the file is gone
            QCOMPARE(ownLocks(desk->path), 0);
        } else if (how == u"renamed"_s) {
            openPath = desk->path + u".moved"_s;
            QVERIFY(QFile::rename(desk->path, openPath));
        } else {
            QVERIFY(QFile::remove(desk->path + u"-wal"_s));
        }
        auto refused = changeMobile(*desk->ctx, code, u"09353330000"_s, clerk, kT0.addSecs(120));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.failure.violations.value(0).code, u"database.lost"_s);
        // Refused from then on, whatever the next action is.
        auto again = changeMobile(*desk->ctx, code, u"09354440000"_s, clerk, kT0.addSecs(180));
        QCOMPARE(again.failure.violations.value(0).code, u"database.lost"_s);
        desk->stop();
        if (how == u"renamed"_s)
            QVERIFY(QFile::rename(openPath, desk->path));
        QVERIFY(desk->open());
        // A WAL deleted by someone else takes with it what was only in it (here everything:
        // nothing was checkpointed yet); the refusal kept the desk from writing into a file
        // nobody would read. The database still opens.
        if (how == u"wal deleted"_s)
            return;
        const auto account = db::findAccount(*desk->db, code);
        QVERIFY(account);
        QCOMPARE(account->mobile, u"09352220000"_s);
        auto after = changeMobile(*desk->ctx, code, u"09355550000"_s, clerk, kT0.addSecs(240));
        QVERIFY2(after.ok(), qPrintable(after.failure.message()));
    }

    // The save dialog's start folder is never one holding the open database, and the
    // database's files are recognised by every name SQLite gives them.
    void saveDialogsKeepAwayFromTheDatabase()
    {
        QString code;
        auto desk = makeDesk(&code);
        QVERIFY(desk);
        QVERIFY(folderHoldsOpenDatabase(desk->folder));
        QVERIFY(!folderHoldsOpenDatabase(desk->dir.path()));
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QVERIFY2(isOpenDatabaseFile(desk->path + QLatin1String(suffix)), suffix);
        QVERIFY(!isOpenDatabaseFile(desk->folder + u"/receipt.pdf"_s));
        QVERIFY(!isOpenDatabaseFile(desk->path + u".pdf"_s));
        const QString home = qEnvironmentVariable("HOME");
        qputenv("HOME", desk->folder.toLocal8Bit()); // Documents missing, home = the database's folder
        const QString start = saveStartFolder();
        qputenv("HOME", home.toLocal8Bit());
        QVERIFY2(!folderHoldsOpenDatabase(start), qPrintable(start));
        desk->stop();
        QVERIFY(!folderHoldsOpenDatabase(desk->folder));
    }
};

QTEST_MAIN(TestHeldDatabase)
#include "TestHeldDatabase.moc"
