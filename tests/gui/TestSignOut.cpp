// Lock now and sign out (issue 16 item 1), with the real main window and session lock
// wired as branchdesk's main wires them: Ctrl+Shift+L locks at once (the same staff's
// password opens it), Ctrl+Shift+O signs out (audited staff.sign_out) and puts up the
// sign-in for anyone; whoever signs in next gets the window as themselves, back at an
// empty search; a language change offers to restart now. While the lock or the sign-in is up no window is visible and
// no visible widget holds the applicant's name or national code, in its text or accessible text.
#include "app/core/Settings.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/GuiTestUtil.h"
#include "ui/IdleWatcher.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/SearchPage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
const QString kClerkPassword = u"Counter2026Desk#Sara"_s;
const QString kOtherPassword = u"Counter2026Desk#Maryam"_s;

// Every visible widget's text and accessible text, in every top-level window.
QStringList visibleTexts()
{
    QStringList out;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (!top->isVisible())
            continue;
        QList<QWidget *> widgets = top->findChildren<QWidget *>();
        widgets << top;
        for (QWidget *w : std::as_const(widgets)) {
            if (!w->isVisible())
                continue;
            out << w->accessibleName() << w->accessibleDescription() << w->windowTitle() << w->toolTip();
            if (auto *l = qobject_cast<QLabel *>(w))
                out << l->text();
            if (auto *e = qobject_cast<QLineEdit *>(w))
                out << e->text();
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                out << b->text();
        }
    }
    return out;
}

bool anyContains(const QStringList &texts, const QString &needle)
{
    for (const QString &t : texts)
        if (t.contains(needle))
            return true;
    return false;
}

} // namespace

class TestSignOut : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    QString m_code;

    QAction *action(ui::MainWindow &w, const QString &name) { return w.findChild<QAction *>(name); }

    static void typePassword(ui::LoginDialog *d, const QString &login, const QString &password)
    {
        if (auto *field = d->findChild<QLineEdit *>(u"login"_s); field && field->isEnabled() && !login.isEmpty()) {
            field->clear();
            QTest::keyClicks(field, login);
        }
        auto *field = d->findChild<QLineEdit *>(u"password"_s);
        QTest::keyClicks(field, password);
        QTest::keyClick(field, Qt::Key_Return);
    }

    int audits(const QString &action, const QString &actor)
    {
        int n = 0;
        for (const auto &a : db::auditLog(*m_db))
            n += a.action == action && a.actor == actor;
        return n;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(security::init(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        db::DbError err;
        m_db = db::Database::open(m_dir.filePath(u"desk.db"_s), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(m_db);
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin2026Root#Branch"_s, now).ok());
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, kClerkPassword, now).ok());
        QVERIFY(addStaff(*m_ctx, u"maryam"_s, u"clerk"_s, kOtherPassword, now).ok());
        m_code = test::nationalCode(u"006123451"_s);
        QVERIFY(submitRegistration(*m_ctx, test::sampleRegistration(m_code, u"09125551234"_s), now).ok());
    }

    void lockNowAndSignOut()
    {
        ui::MainWindow window(*m_ctx);
        const StaffSession sara{u"sara"_s, u"clerk"_s};
        window.setSession(sara);
        ui::IdleWatcher idle(std::chrono::hours(1));
        ui::SessionLock lock(*m_ctx, sara, &idle);
        connect(&window, &ui::MainWindow::lockRequested, &lock, &ui::SessionLock::lock);
        connect(&window, &ui::MainWindow::signOutRequested, &lock, &ui::SessionLock::signOut);
        connect(&lock, &ui::SessionLock::signedOut, &window, &ui::MainWindow::clearForNextStaff);
        connect(&lock, &ui::SessionLock::signedIn, &window, &ui::MainWindow::setSession);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openApplicant(m_code));
        QVERIFY(anyContains(visibleTexts(), u"علی"_s)); // the applicant is on screen

        // Both actions are in the Desk menu with their keys.
        QCOMPARE(action(window, u"lockNow"_s)->shortcut(), QKeySequence(u"Ctrl+Shift+L"_s));
        QCOMPARE(action(window, u"signOut"_s)->shortcut(), QKeySequence(u"Ctrl+Shift+O"_s));

        // Lock now: at once, from the keyboard; nothing of the applicant stays visible.
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(lock.isLocked());
        QVERIFY(!window.isVisible());
        QVERIFY(lock.dialog()->isLockMode());
        QVERIFY(!anyContains(visibleTexts(), u"علی"_s));
        QVERIFY(!anyContains(visibleTexts(), m_code));
        typePassword(lock.dialog(), {}, kClerkPassword);
        QTRY_VERIFY(!lock.isLocked());
        QVERIFY(window.isVisible());

        // Sign out: audited, the sign-in for anyone, then maryam has the window, empty.
        const int before = audits(u"staff.sign_out"_s, u"sara"_s);
        QSignalSpy signedIn(&lock, &ui::SessionLock::signedIn);
        QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(lock.isLocked());
        QCOMPARE(audits(u"staff.sign_out"_s, u"sara"_s), before + 1);
        QVERIFY(!lock.dialog()->isLockMode());
        QVERIFY(!window.isVisible());
        QVERIFY(!anyContains(visibleTexts(), u"علی"_s));
        QVERIFY(!anyContains(visibleTexts(), m_code));
        typePassword(lock.dialog(), u"maryam"_s, kOtherPassword);
        QTRY_VERIFY(!lock.isLocked());
        QCOMPARE(signedIn.size(), 1);
        QCOMPARE(signedIn.at(0).at(0).value<StaffSession>().login, u"maryam"_s);
        QVERIFY(window.isVisible());
        QCOMPARE(window.centralWidget(), static_cast<QWidget *>(window.searchPage()));
        QVERIFY(window.searchPage()->searchField()->text().isEmpty());
        QVERIFY(!anyContains(visibleTexts(), u"علی"_s));
        QVERIFY(anyContains(visibleTexts(), u"maryam"_s)); // the status bar names who is signed in
        QVERIFY(!anyContains(visibleTexts(), u"sara"_s));
    }

    // A language change offers to restart at once: Yes asks main to restart (restartRequested),
    // No leaves a note in the status bar; the choice is stored either way.
    void languageChangeOffersRestart_data()
    {
        QTest::addColumn<bool>("yes");
        QTest::newRow("restart now") << true;
        QTest::newRow("later") << false;
    }
    void languageChangeOffersRestart()
    {
        QFETCH(bool, yes);
        QStandardPaths::setTestModeEnabled(true); // the settings file of the tests, not the user's
        qunsetenv("BRANCHDESK_LANG");
        Settings::setValue(SettingKey::Language, u"fa"_s);
        ui::MainWindow window(*m_ctx);
        window.setSession(StaffSession{u"sara"_s, u"clerk"_s});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy restart(&window, &ui::MainWindow::restartRequested);
        QAction *english = nullptr;
        for (QAction *a : window.findChildren<QAction *>())
            if (a->data().toString() == u"en"_s)
                english = a;
        QVERIFY(english);
        english->trigger();
        QCOMPARE(Settings::language(), u"en"_s);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"restartNow"_s)) && box->isVisible());
        QCOMPARE(static_cast<QAbstractButton *>(box->defaultButton()), box->button(QMessageBox::Yes));
        box->button(yes ? QMessageBox::Yes : QMessageBox::No)->click();
        QTRY_COMPARE(restart.size(), yes ? 1 : 0);
        Settings::setValue(SettingKey::Language, u"fa"_s);
    }
};

QTEST_MAIN(TestSignOut)
#include "TestSignOut.moc"
