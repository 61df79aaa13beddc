// The session lock: the idle setting, the watcher (input restarts it, silence fires it) and
// the lock screen it raises over hidden windows, which only the same staff's password opens.
#include "app/core/Settings.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "db/MetaRepository.h"
#include "ui/IdleWatcher.h"
#include "ui/LoginDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestIdleLock : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;

    static void type(ui::LoginDialog *d, const QString &password)
    {
        auto *field = d->findChild<QLineEdit *>(u"password"_s);
        QTest::keyClicks(field, password);
        QTest::keyClick(field, Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(security::init(&error), qPrintable(error));
        db::DbError err;
        m_db = db::Database::open(m_dir.filePath(u"idle.db"_s), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(m_db);
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, now)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, now).ok());
        QVERIFY(addStaff(*m_ctx, u"reza"_s, u"supervisor"_s, u"Super1234xJangalAbr"_s, now).ok());
    }

    void idleSetting_data()
    {
        QTest::addColumn<QByteArray>("env");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("default") << QByteArray() << qint64(10 * 60'000);
        QTest::newRow("minutes") << QByteArray("5") << qint64(5 * 60'000);
        QTest::newRow("fraction") << QByteArray("0.005") << qint64(300);
        QTest::newRow("zero") << QByteArray("0") << qint64(10 * 60'000);
        QTest::newRow("negative") << QByteArray("-3") << qint64(10 * 60'000);
        QTest::newRow("garbage") << QByteArray("ten") << qint64(10 * 60'000);
        QTest::newRow("huge") << QByteArray("1e9") << qint64(24 * 60 * 60'000);
    }

    void idleSetting()
    {
        QFETCH(QByteArray, env);
        QFETCH(qint64, ms);
        // Keep the user's real settings file out of the default case.
        QStandardPaths::setTestModeEnabled(true);
        const QString var = Settings::environmentVariable(SettingKey::SessionIdleMinutes);
        QCOMPARE(var, u"BRANCHDESK_IDLE_MINUTES"_s);
        QCOMPARE(Settings::settingsKey(SettingKey::SessionIdleMinutes), u"session/idleMinutes"_s);
        if (env.isEmpty())
            qunsetenv(qPrintable(var));
        else
            qputenv(qPrintable(var), env);
        QCOMPARE(Settings::sessionIdleTimeout().count(), ms);
        qunsetenv(qPrintable(var));
    }

    void languageSetting_data()
    {
        QTest::addColumn<QByteArray>("env");
        QTest::addColumn<QString>("lang");
        QTest::newRow("English") << QByteArray("en") << u"en"_s;
        QTest::newRow("English, any case and spaces") << QByteArray(" EN ") << u"en"_s;
        QTest::newRow("Persian") << QByteArray("fa") << u"fa"_s;
        QTest::newRow("unknown falls back to Persian") << QByteArray("de") << u"fa"_s;
    }

    void languageSetting()
    {
        QFETCH(QByteArray, env);
        QFETCH(QString, lang);
        const QString var = Settings::environmentVariable(SettingKey::Language);
        QCOMPARE(var, u"BRANCHDESK_LANG"_s);
        qputenv(qPrintable(var), env);
        QCOMPARE(Settings::language(), lang);
        qunsetenv(qPrintable(var));
    }

    void silenceFiresInputRestarts()
    {
        QWidget w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ui::IdleWatcher watcher(60s);
        QSignalSpy idle(&watcher, &ui::IdleWatcher::idle);
        QVERIFY(!watcher.isRunning());
        QTest::keyClick(&w, Qt::Key_A); // a stopped watcher stays stopped
        QVERIFY(!watcher.isRunning());
        watcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(watcher.remaining() < 59'900ms, 5000);
        QTest::keyClick(&w, Qt::Key_A);
        QVERIFY(watcher.remaining() > 59'900ms);
        QTRY_VERIFY_WITH_TIMEOUT(watcher.remaining() < 59'900ms, 5000);
        QTest::mouseClick(&w, Qt::LeftButton);
        QVERIFY(watcher.remaining() > 59'900ms);
        QCOMPARE(idle.count(), 0);

        watcher.setTimeout(20ms);
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 5000);
        QVERIFY(!watcher.isRunning()); // fires once, until restarted
    }

    void idleLocksAndOnlyTheSameStaffUnlocks()
    {
        QMainWindow main;
        main.show();
        QDialog pending(&main); // e.g. an action's confirmation left open
        QSignalSpy pendingRejected(&pending, &QDialog::rejected);
        pending.show();

        ui::IdleWatcher watcher(50ms);
        ui::SessionLock lock(*m_ctx, ui::Session{u"sara"_s, u"clerk"_s}, &watcher);
        QSignalSpy unlocked(&lock, &ui::SessionLock::unlocked);
        watcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(lock.isLocked(), 5000);
        QVERIFY(!watcher.isRunning());
        QVERIFY(!main.isVisible());
        QCOMPARE(pendingRejected.count(), 1);
        ui::LoginDialog *d = lock.dialog();
        QVERIFY(d && d->isVisible() && d->isLockMode());
        QCOMPARE(d->findChild<QLineEdit *>(u"login"_s)->text(), u"sara"_s);

        QTest::keyClick(d->findChild<QLineEdit *>(u"password"_s), Qt::Key_Escape);
        QVERIFY(lock.isLocked());
        d->findChild<QLineEdit *>(u"login"_s)->setText(u"reza"_s);
        type(d, u"Super1234xJangalAbr"_s);
        QVERIFY(lock.isLocked());
        QVERIFY(d->message().contains(u"sara"_s));
        d->findChild<QLineEdit *>(u"login"_s)->setText(u"sara"_s);
        type(d, u"Wrong1234x"_s);
        QVERIFY(lock.isLocked());
        QVERIFY(!main.isVisible());

        type(d, u"Clerk1234xKavirSepid"_s);
        QCOMPARE(unlocked.count(), 1);
        QVERIFY(!lock.isLocked());
        QVERIFY(main.isVisible());
        QVERIFY(!pending.isVisible()); // cancelled, not brought back
        QVERIFY(watcher.isRunning());

        // Locks again the next time, e.g. "lock now" through fire().
        watcher.fire();
        QVERIFY(lock.isLocked());
        QSignalSpy quit(&lock, &ui::SessionLock::quitRequested);
        lock.dialog()->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        QCOMPARE(quit.count(), 1);
    }
};

QTEST_MAIN(TestIdleLock)
#include "TestIdleLock.moc"
