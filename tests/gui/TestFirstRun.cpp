// A branch's first run on real widgets and real SQLite files: the desk's start (startDesk,
// what branchdesk runs before the sign-in) shows the first-run dialog on a database without
// staff and creates the administrator (audited as the bootstrap), then never again; a
// database with staff never shows it; a missing database is set up from the dialog (branch
// code, administrator) instead of an error; bad inputs are refused with a message and
// create nothing, also when staff appear while the dialog is open (the service decides).
// And what the sign-in and Help → About say about the database.
#include "app/core/Digits.h"
#include "app/core/Version.h"
#include "app/lifecycle/Admin.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/StaffRepository.h"
#include "tests/support/GuiTestUtil.h"
#include "ui/AboutDialog.h"
#include "ui/DeskStart.h"
#include "ui/FirstRunDialog.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <functional>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC);
const QString kPassword = u"Modir#2026xKoohAlvand"_s;

// What happened while the desk started: the first-run dialogs shown (in order, with the mode
// each was in) and any error box (closed at once so that the test goes on).
struct Watch {
    QStringList dialogs; // "existing" or "new"
    QStringList errors;
};

// Runs startDesk(path); each first-run dialog shown meanwhile is handed to `drive` once (it
// fills the fields and presses a button); one still open afterwards is rejected.
ui::DeskStart startWatched(const QString &path, Watch &watch, const std::function<void(ui::FirstRunDialog *)> &drive)
{
    QTimer timer;
    QList<QPointer<QWidget>> handled;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || handled.contains(modal))
            return;
        handled << modal;
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            watch.errors << box->text();
            box->reject();
        } else if (auto *d = qobject_cast<ui::FirstRunDialog *>(modal)) {
            watch.dialogs << (d->createsDatabase() ? u"new"_s : u"existing"_s);
            drive(d);
            if (d->isVisible())
                d->reject();
        }
    });
    timer.start(20);
    return ui::startDesk(path);
}

void fill(ui::FirstRunDialog *d, const QString &login, const QString &password, const QString &confirm,
          const QString &branch = {})
{
    if (d->createsDatabase())
        test::typeText(d->branchCodeField(), branch);
    test::typeText(d->loginField(), login);
    test::typeText(d->passwordField(), password);
    test::typeText(d->confirmField(), confirm);
}

void createWith(ui::FirstRunDialog *d, const QString &login, const QString &branch = {})
{
    fill(d, login, kPassword, kPassword, branch);
    QTest::mouseClick(d->createButton(), Qt::LeftButton);
}

QString projectVersion()
{
    QFile f(QStringLiteral(BRANCH_SOURCE_DIR "/CMakeLists.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression re(uR"(project\s*\(\s*BranchDesk\s+VERSION\s+([0-9.]+))"_s);
    return re.match(QString::fromUtf8(f.readAll())).captured(1);
}
} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTranslator m_fa;
    int m_n = 0;

    QString newPath() { return m_dir.filePath(u"branch%1/desk.db"_s.arg(++m_n)); }

    // An initialised branch database without staff (as `branchctl init` leaves it).
    QString emptyBranch(const QString &code = u"1001"_s)
    {
        const QString path = newPath();
        db::DbError err;
        auto d = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
        if (!d)
            return {};
        Context ctx{*d, {}};
        return initBranch(ctx, code, kT0).ok() ? path : QString();
    }

    struct Opened {
        std::unique_ptr<db::Database> db;
        std::unique_ptr<Context> ctx;
    };
    static Opened open(const QString &path)
    {
        Opened o;
        db::DbError err;
        o.db = db::Database::open(path, db::Database::OpenMode::MustExist, &err);
        if (o.db)
            o.ctx = std::make_unique<Context>(Context{*o.db, db::metaValue(*o.db, u"branch_code"_s)});
        return o;
    }

    static QStringList auditActions(db::Database &d)
    {
        QStringList out;
        for (const auto &a : db::auditLog(d))
            out << a.actor + u' ' + a.action;
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(security::init(&error), qPrintable(error));
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        test::useLanguage(u"fa"_s, m_fa);
    }

    // An empty branch: the dialog, the administrator created and audited as the bootstrap,
    // the sign-in works with it; the next start goes straight on.
    void emptyDatabaseOnce()
    {
        const QString path = emptyBranch();
        QVERIFY(!path.isEmpty());
        Watch watch;
        ui::DeskStart start = startWatched(path, watch, [](ui::FirstRunDialog *d) {
            QVERIFY(!d->branchCodeField()->isVisible()); // the branch is known
            QCOMPARE(d->layoutDirection(), Qt::RightToLeft);
            createWith(d, u"Modir"_s);
        });
        QCOMPARE(watch.dialogs, QStringList{u"existing"_s});
        QCOMPARE(watch.errors, QStringList{});
        QVERIFY(start.db);
        QCOMPARE(start.newAdministrator, u"modir"_s); // logins are lower case
        Context ctx{*start.db, u"1001"_s};
        const auto staff = db::findStaff(*start.db, u"modir"_s);
        QVERIFY(staff);
        QCOMPARE(staff->role, u"admin"_s);
        QCOMPARE(db::staffCount(*start.db), 1);
        QCOMPARE(auditActions(*start.db), (QStringList{u"admin branch.init"_s, u"modir staff.bootstrap"_s}));
        QVERIFY(verifyAudit(ctx).value->ok);
        QVERIFY(signInStaff(ctx, u"modir"_s, kPassword, kT0).ok());
        start.db.reset();

        Watch again;
        ui::DeskStart next = startWatched(path, again, [](ui::FirstRunDialog *) {});
        QVERIFY(next.db);
        QCOMPARE(again.dialogs, QStringList{});
        QVERIFY(next.newAdministrator.isEmpty());
    }

    // Staff made by `branchctl user add` (any role after the first): no dialog.
    void databaseWithStaffNeverShowsIt()
    {
        const QString path = emptyBranch();
        {
            auto o = open(path);
            QVERIFY(addStaff(*o.ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok());
            QVERIFY(addStaff(*o.ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        }
        Watch watch;
        ui::DeskStart start = startWatched(path, watch, [](ui::FirstRunDialog *) {});
        QVERIFY(start.db);
        QCOMPARE(watch.dialogs, QStringList{});
        QCOMPARE(watch.errors, QStringList{});
    }

    // A fresh install: no database file. The first window is the dialog with the branch code
    // (typed in Persian digits); the database is created as `branchctl init` creates it.
    void missingDatabaseIsSetUp()
    {
        const QString path = newPath();
        QVERIFY(!QFileInfo::exists(path));
        Watch watch;
        ui::DeskStart start = startWatched(path, watch, [](ui::FirstRunDialog *d) {
            QVERIFY(d->branchCodeField()->isVisible());
            QVERIFY(d->branchCodeField()->hasFocus());
            createWith(d, u"modir"_s, u"۱۰۰۵"_s);
        });
        QCOMPARE(watch.dialogs, QStringList{u"new"_s});
        QCOMPARE(watch.errors, QStringList{});
        QVERIFY(start.db);
        QCOMPARE(start.newAdministrator, u"modir"_s);
        QCOMPARE(db::metaValue(*start.db, u"branch_code"_s), u"1005"_s);
        QCOMPARE(start.db->schemaVersion(), db::Database::latestSchemaVersion());
        QCOMPARE(auditActions(*start.db), (QStringList{u"admin branch.init"_s, u"modir staff.bootstrap"_s}));
        QCOMPARE(db::findStaff(*start.db, u"modir"_s)->role, u"admin"_s);
    }

    // Quit leaves cleanly: exit code 0, nothing written (no file for a fresh install).
    void quitCreatesNothing_data()
    {
        QTest::addColumn<bool>("missing");
        QTest::newRow("fresh install") << true;
        QTest::newRow("empty database") << false;
    }

    void quitCreatesNothing()
    {
        QFETCH(bool, missing);
        const QString path = missing ? newPath() : emptyBranch();
        Watch watch;
        ui::DeskStart start = startWatched(path, watch, [](ui::FirstRunDialog *d) {
            fill(d, u"modir"_s, kPassword, kPassword, u"1005"_s);
            QTest::mouseClick(d->findChild<QPushButton *>(u"quitButton"_s), Qt::LeftButton);
        });
        QCOMPARE(watch.dialogs.size(), 1);
        QVERIFY(!start.db);
        QCOMPARE(start.exitCode, 0);
        QCOMPARE(QFileInfo::exists(path), !missing);
        if (!missing)
            QCOMPARE(db::staffCount(*open(path).db), 0);
    }

    // Each bad input is refused with the services' message (in Persian) and creates nothing:
    // no staff account, no audit entry, no database file.
    void badInputsCreateNothing_data()
    {
        QTest::addColumn<bool>("missing");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("confirm");
        QTest::addColumn<QString>("message"); // the English source of the first message
        const QString mismatch = u"The password and its repetition must match exactly."_s;
        const QString login = u"A staff login is 3 to 32 characters: lower-case Latin letters, digits, dot, dash or "
                              "underscore, starting with a letter."_s;
        for (const bool missing : {false, true}) {
            const char *where = missing ? "fresh install" : "empty database";
            QTest::addRow("%s: passwords differ", where)
                << missing << u"1005"_s << u"modir"_s << kPassword << u"Modir#2026y"_s << mismatch;
            QTest::addRow("%s: weak password", where)
                << missing << u"1005"_s << u"modir"_s << u"modir1"_s << u"modir1"_s
                << u"A staff password must be at least 12 characters long; a few words in a row make a good one."_s;
            // 12 characters, but easy to guess (the staff rule: a zxcvbn score of 3 or more).
            QTest::addRow("%s: 12 characters, easy to guess", where)
                << missing << u"1005"_s << u"modir"_s << u"password1234"_s << u"password1234"_s
                << u"The password must be hard to guess: no common words, names, dates or patterns such as 1234 or "
                   "qwerty on their own."_s;
            QTest::addRow("%s: login too short", where)
                << missing << u"1005"_s << u"mo"_s << kPassword << kPassword << login;
            QTest::addRow("%s: login in Persian", where)
                << missing << u"1005"_s << u"مدیر"_s << kPassword << kPassword << login;
            QTest::addRow("%s: nothing typed", where)
                << missing << u"1005"_s << QString() << QString() << QString() << login;
        }
        QTest::newRow("fresh install: branch code too short")
            << true << u"12"_s << u"modir"_s << kPassword << kPassword << u"A branch code is 3 to 8 digits."_s;
        QTest::newRow("fresh install: branch code letters")
            << true << u"12a4"_s << u"modir"_s << kPassword << kPassword << u"A branch code is 3 to 8 digits."_s;
        QTest::newRow("fresh install: no branch code")
            << true << QString() << u"modir"_s << kPassword << kPassword << u"Enter the branch code (3 to 8 digits)."_s;
    }

    void badInputsCreateNothing()
    {
        QFETCH(bool, missing);
        QFETCH(QString, branch);
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(QString, confirm);
        QFETCH(QString, message);
        const QString path = missing ? newPath() : emptyBranch();
        Opened o;
        std::unique_ptr<ui::FirstRunDialog> d;
        if (missing) {
            d = std::make_unique<ui::FirstRunDialog>(path);
        } else {
            o = open(path);
            d = std::make_unique<ui::FirstRunDialog>(*o.ctx);
        }
        QVERIFY(test::showActive(*d));
        fill(d.get(), login, password, confirm, branch);
        QTest::keyClick(d->confirmField(), Qt::Key_Return); // Enter in the repetition creates
        QVERIFY(d->isVisible());
        QCOMPARE(d->result(), int(QDialog::Rejected));
        QVERIFY(d->administrator().isEmpty());
        const QString expected = QCoreApplication::translate("branch::Rules", message.toUtf8().constData()) != message
                                     ? QCoreApplication::translate("branch::Rules", message.toUtf8().constData())
                                     : QCoreApplication::translate("branch::Services", message.toUtf8().constData());
        QVERIFY2(expected != message, qPrintable(u"no Persian text for: "_s + message));
        QVERIFY2(d->message().contains(expected), qPrintable(d->message()));
        QVERIFY(d->passwordField()->text().isEmpty() && d->confirmField()->text().isEmpty()); // asked again
        if (missing) {
            QVERIFY(!QFileInfo::exists(path));
            QVERIFY(!QFileInfo::exists(QFileInfo(path).absolutePath()) ||
                    QDir(QFileInfo(path).absolutePath()).isEmpty());
        } else {
            QCOMPARE(db::staffCount(*o.db), 0);
            QCOMPARE(auditActions(*o.db), QStringList{u"admin branch.init"_s});
        }
    }

    // The live checklist is the staff rule's (not the portal's): a short, weak password
    // shows its lines unticked; a long passphrase, Persian and without digits, ticks them.
    void rulesTick()
    {
        ui::FirstRunDialog d(newPath());
        QTest::keyClicks(d.loginField(), u"modir"_s);
        QTest::keyClicks(d.passwordField(), u"modir1"_s);
        QVERIFY(d.unmetRules().contains(u"password.staff_too_short"_s));
        QVERIFY(d.unmetRules().contains(u"password.staff_weak"_s));
        QVERIFY(!d.unmetRules().contains(u"password.no_upper"_s)); // no composition rules
        d.passwordField()->setText(u"کویر سپید ابر باران"_s);
        d.confirmField()->setText(u"کویر سپید ابر باران"_s);
        QCOMPARE(d.unmetRules(), QStringList{});
    }

    // The dialog opened while the database had no staff; someone added one meanwhile
    // (branchctl user add): the service refuses in its transaction, one account stays.
    void staffArrivingMeanwhileIsRefused()
    {
        const QString path = emptyBranch();
        auto o = open(path);
        ui::FirstRunDialog d(*o.ctx);
        QVERIFY(test::showActive(d));
        QVERIFY(addStaff(*o.ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok());
        createWith(&d, u"modir"_s);
        QVERIFY(d.isVisible());
        QVERIFY2(d.message().startsWith(QCoreApplication::translate(
                     "branch::Services",
                     "This branch already has staff accounts; its first administrator exists. Sign in instead.")),
                 qPrintable(d.message()));
        QCOMPARE(db::staffCount(*o.db), 1);
        QVERIFY(!db::findStaff(*o.db, u"modir"_s));
        // And the service alone refuses the same way (as branchctl would reach it).
        auto again = bootstrapAdministrator(*o.ctx, u"modir"_s, kPassword, kPassword, kT0);
        QVERIFY(!again.ok());
        QCOMPARE(again.failure.violations.first().code, u"staff.bootstrap_closed"_s);
    }

    // The sign-in says which branch and which file it opens, and when it is a demo.
    void signInSaysWhere_data()
    {
        QTest::addColumn<bool>("demo");
        QTest::newRow("branch database") << false;
        QTest::newRow("demo database") << true;
    }

    void signInSaysWhere()
    {
        QFETCH(bool, demo);
        const QString path = emptyBranch(u"1203"_s);
        auto o = open(path);
        if (demo)
            db::setMetaValue(*o.db, u"demo"_s, u"1"_s); // what demo-data leaves
        ui::LoginDialog d(*o.ctx);
        const QString where = d.whereText();
        QVERIFY2(where.startsWith(u"۱۲۰۳\n"_s), qPrintable(where));
        QVERIFY2(where.contains(path), qPrintable(where));
        const QString demoText = QCoreApplication::translate("branch::ui::LoginDialog", "%1 (demo database)");
        QVERIFY(demoText.contains(u"نمایشی"_s));
        QCOMPARE(where.contains(demoText.arg(QString()).remove(u"()"_s).trimmed()), demo);
    }

    // Help → About: the build's version (CMake's project()), the branch, the database, its
    // schema version, the Qt in use and the database's SQLite.
    void about()
    {
        const QString path = emptyBranch(u"1001"_s);
        auto o = open(path);
        QVERIFY(addStaff(*o.ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok());
        ui::MainWindow window(*o.ctx);
        window.setSession({u"root1"_s, u"admin"_s});
        QVERIFY(test::showActive(window));
        QMenu *help = nullptr;
        for (QAction *a : window.menuBar()->actions())
            if (a->menu() && a->menu()->actions().contains(window.aboutAction()))
                help = a->menu();
        QVERIFY(help);
        QVERIFY2(help->title().contains(u'&'), qPrintable(help->title())); // Alt+letter opens it
        window.aboutAction()->trigger();
        ui::AboutDialog *about = window.aboutDialog();
        QVERIFY(about && about->isVisible());
        auto bare = [](QString s) { return s.remove(QChar(0x2066)).remove(QChar(0x2069)); };
        QCOMPARE(bare(about->value(u"version"_s)), projectVersion());
        QCOMPARE(bare(about->value(u"version"_s)), version());
        QCOMPARE(about->value(u"branch"_s), u"۱۰۰۱"_s);
        QCOMPARE(bare(about->value(u"database"_s)), path);
        QCOMPARE(about->value(u"schema"_s), QLocale().toString(db::Database::latestSchemaVersion()));
        QCOMPARE(bare(about->value(u"qt"_s)), QString::fromLatin1(qVersion()));
        QCOMPARE(bare(about->value(u"sqlite"_s)), db::sqliteVersion(*o.db));
        QVERIFY(QRegularExpression(u"^3\\.[0-9]+\\.[0-9]+$"_s).match(bare(about->value(u"sqlite"_s))).hasMatch());
        about->reject();
    }
};

QTEST_MAIN(TestFirstRun)
#include "TestFirstRun.moc"
