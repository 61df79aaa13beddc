// Staff sign-in on real widgets and a real SQLite file: the right password signs in with the
// staff's role, a wrong one is told and wiped, five wrong ones lock the login (told in
// Persian, audited), Enter/Esc/Tab work, and the lock-screen mode opens for its login only.
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "ui/LoginDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace branch;
using namespace Qt::StringLiterals;

class TestLoginDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTranslator m_fa;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_n = 0;

    static QLineEdit *field(QDialog &d, const char *name) { return d.findChild<QLineEdit *>(QLatin1String(name)); }
    static QString servicesTr(const char *source) { return QCoreApplication::translate("branch::Services", source); }

    int auditCount(const QString &action)
    {
        int n = 0;
        for (const auto &e : db::auditLog(*m_db))
            n += e.action == action;
        return n;
    }

    // Shows the dialog, makes it the active window and types into the focused widget.
    static void showActive(QDialog &d)
    {
        d.show();
        QApplication::setActiveWindow(&d);
        QVERIFY(QTest::qWaitForWindowActive(&d));
    }

    static void attempt(QDialog &d, const QString &login, const QString &password)
    {
        field(d, "login")->setText(login);
        field(d, "password")->setFocus();
        QTest::keyClicks(field(d, "password"), password);
        QTest::keyClick(field(d, "password"), Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(security::init(&error), qPrintable(error));
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        QApplication::installTranslator(&m_fa);
        QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
        QApplication::setLayoutDirection(Qt::RightToLeft);
    }

    void init()
    {
        db::DbError err;
        m_ctx.reset();
        m_db = db::Database::open(m_dir.filePath(u"login%1.db"_s.arg(++m_n)), db::Database::OpenMode::CreateIfMissing,
                                  &err);
        QVERIFY(m_db);
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, now)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, now).ok());
        QVERIFY(addStaff(*m_ctx, u"reza"_s, u"supervisor"_s, u"Super1234xJangalAbr"_s, now).ok());
    }

    void rightToLeftAndPasswordHidden()
    {
        ui::LoginDialog d(*m_ctx);
        QCOMPARE(d.layoutDirection(), Qt::RightToLeft);
        QCOMPARE(field(d, "password")->echoMode(), QLineEdit::Password);
        QVERIFY(d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isDefault());
        // The form is translated: the heading is not the English source.
        QVERIFY(d.findChild<QLabel *>(u"heading"_s)->text() != u"Sign in"_s);
    }

    void keyboardSignInWithTheRightPassword()
    {
        ui::LoginDialog d(*m_ctx);
        QSignalSpy accepted(&d, &QDialog::accepted);
        showActive(d);
        // Tab order: login → password → sign-in button.
        QCOMPARE(QApplication::focusWidget(), field(d, "login"));
        QTest::keyClicks(QApplication::focusWidget(), u"reza"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), field(d, "password"));
        QTest::keyClicks(QApplication::focusWidget(), u"Super1234xJangalAbr"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), field(d, "password"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Enter signs in
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QVERIFY(!d.isVisible());
        QCOMPARE(d.session().login, u"reza"_s);
        QCOMPARE(d.session().role, u"supervisor"_s);
        QVERIFY(field(d, "password")->text().isEmpty());
    }

    void wrongPasswordIsToldAndWiped()
    {
        ui::LoginDialog d(*m_ctx);
        QSignalSpy accepted(&d, &QDialog::accepted);
        showActive(d);
        attempt(d, u"sara"_s, u"Wrong1234x"_s);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(d.isVisible());
        QCOMPARE(d.message(), servicesTr("The staff login or password is wrong."));
        QVERIFY(d.findChild<QLabel *>(u"message"_s)->isVisible());
        QVERIFY(field(d, "password")->text().isEmpty());
        QCOMPARE(QApplication::focusWidget(), field(d, "password"));
        QVERIFY(!d.session().isValid());
        QCOMPARE(auditCount(u"staff.login_failed"_s), 1);
        // An unknown login reads exactly the same (nothing tells which logins exist).
        attempt(d, u"nobody"_s, u"Wrong1234x"_s);
        QCOMPARE(d.message(), servicesTr("The staff login or password is wrong."));
    }

    // The service role runs the machine jobs: the right password does not open the desk,
    // the message says why (in Persian), and the refusal is audited under its login.
    void serviceLoginCannotSignIn()
    {
        QVERIFY(addStaff(*m_ctx, u"cron1"_s, u"service"_s, u"Service#Pass1-Rud-Karun"_s,
                         QDateTime::currentDateTimeUtc(), u"root1"_s)
                    .ok());
        ui::LoginDialog d(*m_ctx);
        QSignalSpy accepted(&d, &QDialog::accepted);
        showActive(d);
        attempt(d, u"cron1"_s, u"Service#Pass1-Rud-Karun"_s);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(!d.session().isValid());
        const QString fa = servicesTr("A service login runs the machine jobs (sync, SMS sending, verification) and "
                                      "cannot sign in to the desk. Sign in with your own login.");
        QCOMPARE(fa.at(0).script(), QChar::Script_Arabic); // translated
        QCOMPARE(d.message(), fa);
        QCOMPARE(auditCount(u"staff.not_allowed"_s), 1);
        QCOMPARE(auditCount(u"staff.sign_in"_s), 0);
    }

    void emptyFieldsAreNotAnAttempt()
    {
        ui::LoginDialog d(*m_ctx);
        showActive(d);
        attempt(d, u"sara"_s, QString());
        QVERIFY(d.isVisible());
        QVERIFY(!d.message().isEmpty());
        QCOMPARE(auditCount(u"staff.login_failed"_s), 0);
    }

    void fiveWrongPasswordsLockTheLogin()
    {
        ui::LoginDialog d(*m_ctx);
        QSignalSpy accepted(&d, &QDialog::accepted);
        showActive(d);
        for (int i = 0; i < kStaffMaxFailures; ++i)
            attempt(d, u"sara"_s, u"Wrong1234x"_s);
        QCOMPARE(auditCount(u"staff.locked"_s), 1);
        attempt(d, u"sara"_s, u"Clerk1234xKavirSepid"_s); // even the right password now
        QCOMPARE(accepted.count(), 0);
        QVERIFY(d.isVisible());
        const QString lockedFa = servicesTr("This staff login is locked after too many wrong passwords. Minutes "
                                            "until it opens again: %1.");
        QVERIFY(lockedFa.contains(QChar(0x0648))); // the translation is Persian (و)
        QCOMPARE(d.message(), lockedFa.arg(u"۱۵"_s));
        // Fifteen minutes later the same password opens.
        d.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(kStaffLockMinutes * 60 + 1); });
        attempt(d, u"sara"_s, u"Clerk1234xKavirSepid"_s);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(d.session().role, u"clerk"_s);
    }

    void escapeCancels()
    {
        ui::LoginDialog d(*m_ctx);
        QSignalSpy rejected(&d, &QDialog::rejected);
        showActive(d);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(!d.isVisible());
        QVERIFY(!d.session().isValid());
    }

    void lockScreenOpensForItsLoginOnly()
    {
        ui::LoginDialog d(*m_ctx);
        d.setLockedTo(u"sara"_s);
        QSignalSpy accepted(&d, &QDialog::accepted);
        QSignalSpy rejected(&d, &QDialog::rejected);
        showActive(d);
        QVERIFY(d.isLockMode());
        QCOMPARE(field(d, "login")->text(), u"sara"_s);
        QVERIFY(field(d, "login")->isReadOnly());
        QCOMPARE(QApplication::focusWidget(), field(d, "password"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape); // Esc does not unlock
        QVERIFY(d.isVisible());
        QCOMPARE(rejected.count(), 0);

        // Another staff member's right password does not open sara's session, and is not
        // counted against their own login.
        attempt(d, u"reza"_s, u"Super1234xJangalAbr"_s);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(d.message().contains(u"sara"_s));
        QCOMPARE(auditCount(u"staff.login_failed"_s), 0);

        attempt(d, u"sara"_s, u"Wrong1234x"_s);
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(d.message(), servicesTr("The staff login or password is wrong."));
        QTest::keyClicks(field(d, "password"), u"Clerk1234xKavirSepid"_s);
        QTest::keyClick(field(d, "password"), Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(d.session().login, u"sara"_s);
    }
};

QTEST_MAIN(TestLoginDialog)
#include "TestLoginDialog.moc"
