// The desk's own SMS delivery on a real main window, a real SQLite file and a local HTTP
// gateway of the tests (FakeSmsGateway): a recovery code started with F7 reaches the
// gateway at once (sent by the recovery dialog, never queued), and the branch database keeps
// no text of it; the timer delivers
// what other work queued; without a token the message stays queued and the status bar says
// why; without a gateway the desk sends nothing and says who does.
#include "ui/ApplicantView.h"
#include "ui/MainWindow.h"
#include "ui/RecoveryDialog.h"
#include "ui/SmsController.h"

#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "app/sync/SmsGateway.h"
#include "db/MetaRepository.h"
#include "db/SmsRepository.h"

#include "tests/support/CounterFixture.h"
#include "tests/sync/FakeSmsGateway.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QString kCode = u"0499370899"_s;
const QString kMobile = u"09121234567"_s;
constexpr int kTimeout = 10000;
} // namespace

class TestDeskSms : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_n = 0;
    const StaffSession m_clerk{u"sara"_s, u"clerk"_s};

    QString statusOf(const QString &kind)
    {
        for (const auto &s : db::listSms(*m_db, kCode))
            if (s.kind == kind)
                return s.status;
        return {};
    }

    std::unique_ptr<ui::MainWindow> window(const QString &gateway)
    {
        auto w = std::make_unique<ui::MainWindow>(*m_ctx);
        w->smsController()->setInterval(1h); // only the immediate triggers, unless a test says otherwise
        w->smsController()->setGatewayUrl(gateway);
        w->setSession(m_clerk);
        w->show();
        w->activateWindow();
        return w;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(security::init(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        qputenv(kSmsTokenVariable, "desk-test-token");
        db::DbError err;
        m_ctx.reset();
        m_db =
            db::Database::open(m_dir.filePath(u"sms%1.db"_s.arg(++m_n)), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        const QString activated = test::activatedAccount(*m_ctx, test::sampleRegistration(kCode, kMobile), kT0);
        QVERIFY2(activated.isEmpty(), qPrintable(activated));
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
    }

    void cleanup() { qunsetenv(kSmsTokenVariable); }

    // F7, SMS code: the gateway gets the code for the registered mobile within moments,
    // with the message's id as idempotency key and the token; the branch database keeps the
    // message as sent, with no text, and the applicant view shows it as a hidden code.
    void recoveryCodeLeavesAtOnce()
    {
        smstest::FakeSmsGateway gateway;
        QVERIFY(gateway.isListening());
        qputenv("BRANCHDESK_SMS_GATEWAY", gateway.url().toString().toUtf8()); // the dialog's, as the controller's
        const auto unset = qScopeGuard([] { qunsetenv("BRANCHDESK_SMS_GATEWAY"); });
        auto w = window(gateway.url().toString());
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QVERIFY(w->openApplicant(kCode));
        QTRY_VERIFY(w->applicantView()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F7);
        auto *d = qobject_cast<ui::RecoveryDialog *>(w->applicantView()->openDialog());
        QVERIFY(d);
        d->startSms();
        QTRY_COMPARE_WITH_TIMEOUT(d->page(), ui::RecoveryDialog::Page::Code, kTimeout);
        const auto recoveryText = [&gateway] {
            for (const auto &r : gateway.requests())
                if (r.json().value(u"to"_s).toString() == kMobile &&
                    r.json().value(u"text"_s).toString().contains(u"بازیابی"_s))
                    return r.json().value(u"text"_s).toString();
            return QString();
        };
        QVERIFY2(!recoveryText().isEmpty(), "no recovery code reached the gateway");
        QString key;
        for (const auto &r : gateway.requests())
            if (r.json().value(u"kind"_s).toString() == "recovery_code"_L1) {
                QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer desk-test-token"));
                key = r.key();
            }
        QCOMPARE(statusOf(u"recovery_code"_s), u"sent"_s);
        for (const auto &s : db::listSms(*m_db, kCode))
            if (s.kind == "recovery_code"_L1) {
                QCOMPARE(s.id, key);
                QVERIFY2(s.text.isEmpty(), "the code's text was stored");
            }
        // The code the phone got works at the counter.
        const QString code = QRegularExpression(u"(\\d{6})"_s).match(recoveryText()).captured(1);
        QTest::keyClicks(d->codeField(), code);
        d->verifyCode();
        QVERIFY2(d->verified(), qPrintable(d->message()));
        d->reject();
        // The applicant's SMS list shows the message as a hidden code.
        QTRY_VERIFY(!w->applicantView()->openDialog());
        QVERIFY(w->openApplicant(kCode));
        const QTableWidget *list = w->applicantView()->smsTable();
        QStringList texts;
        for (int row = 0; row < list->rowCount(); ++row)
            texts << list->item(row, 2)->text();
        QVERIFY2(texts.contains(u"Recovery code (hidden)"_s), qPrintable(texts.join(u" | ")));
        QVERIFY2(!texts.join(u' ').contains(code), "the code is shown");
    }

    // What other work queued goes out with the timer.
    void timerDeliversTheRest()
    {
        smstest::FakeSmsGateway gateway;
        auto w = window(gateway.url().toString());
        QVERIFY(changeMobile(*m_ctx, kCode, u"09351112233"_s, m_clerk, kT0.addSecs(600)).ok());
        w->smsController()->setInterval(100ms);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"mobile_changed"_s), u"sent"_s, kTimeout);
    }

    // No token in the environment: nothing leaves, the message stays queued, the status
    // bar says why.
    void withoutTokenNothingLeaves()
    {
        qunsetenv(kSmsTokenVariable);
        smstest::FakeSmsGateway gateway;
        auto w = window(gateway.url().toString());
        QVERIFY(changeMobile(*m_ctx, kCode, u"09351112233"_s, m_clerk, kT0.addSecs(600)).ok());
        QSignalSpy finished(w->smsController(), &ui::SmsController::finished);
        w->smsController()->sendNow();
        QVERIFY(finished.wait(kTimeout));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(gateway.requests().isEmpty());
        QCOMPARE(statusOf(u"mobile_changed"_s), u"queued"_s);
        QVERIFY(!w->smsController()->lastError().isEmpty());
        QVERIFY2(w->statusBar()->currentMessage().contains(w->smsController()->lastError()),
                 qPrintable(w->statusBar()->currentMessage()));
    }

    // No gateway set up: the desk sends nothing; the tooltip names the scheduled delivery.
    void withoutGatewayTheDeskSendsNothing()
    {
        auto w = window(QString());
        QVERIFY(changeMobile(*m_ctx, kCode, u"09351112233"_s, m_clerk, kT0.addSecs(600)).ok());
        QVERIFY(!w->smsController()->isConfigured());
        QSignalSpy finished(w->smsController(), &ui::SmsController::finished);
        w->smsController()->sendNow();
        QTest::qWait(200);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(statusOf(u"mobile_changed"_s), u"queued"_s);
        QVERIFY(w->syncLabel()->toolTip().contains(u"sms send"_s));
    }
};

QTEST_MAIN(TestDeskSms)
#include "TestDeskSms.moc"
