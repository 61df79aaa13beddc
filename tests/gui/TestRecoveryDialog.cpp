// Password recovery at the branch (F7) on real widgets, a real SQLite file and the real
// services: the SMS code route (the code sent at once to a local SMS gateway and read from
// what it received, typed in Persian digits; no gateway, or one that fails, sends the clerk
// on to the questions or the documents with nothing stored), wrong codes counted down to the lock and a new code after
// it, an expired code, the questions route (answers typed with Arabic letter variants), the document route (its button
// follows the ticked documents and what is renewed; password and questions renewed in one audited change that
// supersedes an open online recovery), a role without counter actions refused, an account without a mobile refused with
// the seed's text, the whole flow from the main window with the keyboard alone ending on the receipt, and the Persian
// dialog.
#include "ui/ApplicantView.h"
#include "ui/Confirm.h"
#include "ui/MainWindow.h"
#include "ui/ReceiptDialog.h"
#include "ui/RecoveryDialog.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Recovery.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "app/security/SecretHash.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/SmsRepository.h"

#include "tests/support/CapturingSmsSender.h"
#include "tests/support/CounterFixture.h"
#include "tests/support/GuiTestUtil.h"
#include "tests/sync/FakeSmsGateway.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace branch;
using branch::test::typeText;
using namespace Qt::StringLiterals;
using Route = ui::RecoveryDialog::Route;
using Page = ui::RecoveryDialog::Page;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QString kCode = u"0499370899"_s;
const QString kMobile = u"09121234567"_s;
const QString kNewPassword = u"Tehran&Rain42"_s;
constexpr int kTimeout = 5000;

// The code in the newest recovery SMS the gateway received (what the person's phone shows).
QString codeFromGateway(const smstest::FakeSmsGateway &gateway)
{
    QString code;
    for (const auto &r : gateway.requests())
        if (r.json().value(u"kind"_s).toString() == "recovery_code"_L1) {
            const auto m = QRegularExpression(u"(\\d{6})"_s).match(r.json().value(u"text"_s).toString());
            if (m.hasMatch())
                code = m.captured(1);
        }
    return code;
}

QList<db::AuditRecord> entriesOf(db::Database &db, const QString &action)
{
    QList<db::AuditRecord> out;
    for (const auto &a : db::auditLog(db))
        if (a.action == action)
            out << a;
    return out;
}
} // namespace

class TestRecoveryDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTranslator m_fa;
    smstest::FakeSmsGateway m_gateway; // the desk's, through BRANCHDESK_SMS_GATEWAY
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    ApplicantCase m_case;
    QDateTime m_now = kT0;
    int m_n = 0;

    const StaffSession m_clerk{u"sara"_s, u"clerk"_s};
    const StaffSession m_admin{u"root1"_s, u"admin"_s};

    QString passwordHash() { return db::findAccount(*m_db, kCode)->passwordHash; }
    QString questionsJson() { return db::findAccount(*m_db, kCode)->questionsJson; }

    std::unique_ptr<ui::RecoveryDialog> dialog(const StaffSession &s)
    {
        auto d = std::make_unique<ui::RecoveryDialog>(*m_ctx, s, m_case);
        d->setClock([this] { return m_now; });
        return d;
    }

    void useLanguage(const QString &lang) { test::useLanguage(lang, m_fa); }

    // The SMS button's work, to its end: the code goes to the gateway from a worker thread.
    static bool sendCode(ui::RecoveryDialog &d)
    {
        d.startSms();
        return QTest::qWaitFor([&d] { return !d.isSending(); }, kTimeout);
    }

    qsizetype rowCount(const QString &table)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toLongLong() : -1;
    }

    static void typeNewPassword(ui::RecoveryDialog &d, const QString &password)
    {
        typeText(d.passwordField(), password);
        typeText(d.confirmField(), password);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(security::init(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        QVERIFY(m_gateway.isListening());
        qputenv("BRANCHDESK_SMS_GATEWAY", m_gateway.url().toString().toUtf8());
        qputenv(kSmsTokenVariable, "desk-test-token");
    }

    // A fresh database per test: an activated account with a mobile and three questions
    // (sampleRegistration's), a clerk and an administrator.
    void init()
    {
        db::DbError err;
        m_ctx.reset();
        m_now = kT0;
        m_db = db::Database::open(m_dir.filePath(u"recovery%1.db"_s.arg(++m_n)),
                                  db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        const QString activated = test::activatedAccount(*m_ctx, test::sampleRegistration(kCode, kMobile), kT0);
        QVERIFY2(activated.isEmpty(), qPrintable(activated));
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        auto c = applicantCase(*m_ctx, kCode);
        QVERIFY2(c.ok(), qPrintable(c.failure.message()));
        m_case = *c.value;
        m_now = kT0.addSecs(3600);
    }

    void cleanup()
    {
        useLanguage(u"en"_s);
        m_gateway.setFallback({});
    }

    // SMS route: the code from the phone (typed in Persian digits), then the new password.
    void smsCodeRoute()
    {
        const QString before = passwordHash();
        auto d = dialog(m_clerk);
        QCOMPARE(d->page(), Page::Method);
        d->methodButton(Route::Sms)->click();
        QVERIFY(d->isSending()); // on its way, from the worker
        QVERIFY(!d->methodButton(Route::Sms)->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(d->page(), Page::Code, kTimeout);
        QCOMPARE(d->route(), Route::Sms);
        // Sent, not queued: the row keeps no text and never travels.
        const auto rows = db::listSms(*m_db, kCode);
        QCOMPARE(rows.last().kind, u"recovery_code"_s);
        QCOMPARE(rows.last().status, u"sent"_s);
        QVERIFY(rows.last().text.isEmpty());
        QVERIFY2(d->codeInfo()->text().contains(u"0912***4567"_s), qPrintable(d->codeInfo()->text()));
        const QString code = codeFromGateway(m_gateway);
        QCOMPARE(code.size(), 6);
        // Nothing is verified or renewable before the code.
        QVERIFY(!d->verified());
        typeText(d->codeField(), toPersianDigits(code));
        QTest::keyClick(d->codeField(), Qt::Key_Return);
        QVERIFY2(d->verified(), qPrintable(d->message()));
        QCOMPARE(d->page(), Page::Renew);
        QVERIFY(d->codeField()->text().isEmpty()); // the code left the field
        QVERIFY(!d->questionsGroup()->isVisibleTo(d.get()));
        QVERIFY(!d->passwordGroup()->isCheckable());
        QVERIFY(!d->renewButton()->isEnabled());
        typeText(d->passwordField(), u"abc"_s);
        QVERIFY(!d->renewButton()->isEnabled());
        d->passwordField()->clear();
        typeNewPassword(*d, kNewPassword);
        QCOMPARE(d->unmetRules(), QStringList());
        QVERIFY(d->renewButton()->isEnabled());
        ui::setNextConfirmAnswer(true);
        QTest::keyClick(d->confirmField(), Qt::Key_Return);
        QCOMPARE(d->result(), int(QDialog::Accepted));
        QVERIFY(passwordHash() != before);
        QVERIFY(security::verifySecret(kNewPassword, passwordHash()));
        // Audited under the clerk; the receipt names the method and the masked mobile, not the code.
        for (const QString &action :
             {u"recovery.start"_s, u"recovery.verified"_s, u"recovery.used"_s, u"account.password_recovered"_s}) {
            const auto entries = entriesOf(*m_db, action);
            QVERIFY2(!entries.isEmpty(), qPrintable(action));
            QCOMPARE(entries.last().actor, u"sara"_s);
        }
        QCOMPARE(d->receiptAction(), u"account.password_recovered"_s);
        const auto details = d->receiptDetails();
        QCOMPARE(details.size(), 1);
        QVERIFY(details.first().second.contains(u"0912***4567"_s));
        for (const auto &a : db::auditLog(*m_db))
            QVERIFY2(!a.details.contains(code), qPrintable(a.details));
        // The recovery is used up: the same code cannot set another password.
        QCOMPARE(db::findRecovery(*m_db, d->recoveryId())->state, u"used"_s);
    }

    void wrongCodes_data()
    {
        QTest::addColumn<int>("wrong");
        QTest::addColumn<bool>("locked");
        for (int n = 1; n <= kRecoveryMaxAttempts; ++n)
            QTest::addRow("%d wrong", n) << n << (n == kRecoveryMaxAttempts);
    }

    // Each wrong code says how many tries are left; at the fifth the code is locked, the
    // field closes, and a new code (the focused button) works.
    void wrongCodes()
    {
        QFETCH(int, wrong);
        QFETCH(bool, locked);
        auto d = dialog(m_clerk);
        QVERIFY(sendCode(*d));
        const QString code = codeFromGateway(m_gateway);
        const QString bad = code == u"000000"_s ? u"111111"_s : u"000000"_s;
        for (int i = 1; i <= wrong; ++i) {
            typeText(d->codeField(), bad);
            QTest::keyClick(d->codeField(), Qt::Key_Return);
            QVERIFY(!d->verified());
            QVERIFY2(d->message().contains(u"Tries left: %1."_s.arg(kRecoveryMaxAttempts - i)),
                     qPrintable(d->message()));
        }
        QCOMPARE(d->codeField()->isEnabled(), !locked);
        QCOMPARE(d->verifyCodeButton()->isEnabled(), !locked);
        QCOMPARE(db::findRecovery(*m_db, d->recoveryId())->state, locked ? u"locked"_s : u"pending"_s);
        QCOMPARE(entriesOf(*m_db, u"recovery.wrong_try"_s).size() + entriesOf(*m_db, u"recovery.locked"_s).size(),
                 qsizetype(wrong));
        if (!locked) {
            // The right code still works after wrong ones.
            typeText(d->codeField(), code);
            d->verifyCode();
            QVERIFY2(d->verified(), qPrintable(d->message()));
            return;
        }
        // Even the right code is refused now; a new code is the way on.
        d->codeField()->setEnabled(true);
        typeText(d->codeField(), code);
        d->verifyCodeButton()->setEnabled(true);
        d->verifyCode();
        QVERIFY(!d->verified());
        d->newCodeButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!d->isSending(), kTimeout);
        QVERIFY2(d->message().isEmpty(), qPrintable(d->message()));
        QVERIFY(d->codeField()->isEnabled());
        const QString fresh = codeFromGateway(m_gateway);
        typeText(d->codeField(), fresh);
        d->verifyCode();
        QVERIFY2(d->verified(), qPrintable(d->message()));
    }

    void expiredCode_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("after 19 minutes") << 19 << true;
        QTest::newRow("at 20 minutes") << 20 << true;
        QTest::newRow("after 21 minutes") << 21 << false;
        QTest::newRow("after a day") << 24 * 60 << false;
    }

    void expiredCode()
    {
        QFETCH(int, minutes);
        QFETCH(bool, accepted);
        auto d = dialog(m_clerk);
        QVERIFY(sendCode(*d));
        const QString code = codeFromGateway(m_gateway);
        m_now = m_now.addSecs(minutes * 60);
        typeText(d->codeField(), code);
        d->verifyCode();
        QCOMPARE(d->verified(), accepted);
        if (!accepted) {
            QVERIFY2(d->message().contains(u"expired"_s), qPrintable(d->message()));
            QVERIFY(!d->verifyCodeButton()->isEnabled());
        }
    }

    void questionsRoute_data()
    {
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<bool>("right");
        // sampleRegistration's answers: آبی, تهران, کارخانه.
        QTest::newRow("as registered") << QStringList{u"آبی"_s, u"تهران"_s, u"کارخانه"_s} << true;
        QTest::newRow("Arabic letter variants and spaces") << QStringList{u" آبي "_s, u"تهران"_s, u"كارخانه"_s} << true;
        QTest::newRow("one wrong") << QStringList{u"آبی"_s, u"شیراز"_s, u"کارخانه"_s} << false;
        QTest::newRow("one empty") << QStringList{u"آبی"_s, QString(), u"کارخانه"_s} << false;
    }

    void questionsRoute()
    {
        QFETCH(QStringList, answers);
        QFETCH(bool, right);
        const QString before = passwordHash();
        auto d = dialog(m_clerk);
        d->methodButton(Route::Questions)->click();
        QCOMPARE(d->page(), Page::Questions);
        // The person's own questions, in order, as the catalogue words them.
        QCOMPARE(d->questionLabel(0)->text(), questionText(u"favorite_color"_s));
        QCOMPARE(d->questionLabel(2)->text(), questionText(u"first_workplace"_s));
        for (int row = 0; row < 3; ++row)
            typeText(d->answerField(row), answers.at(row));
        QTest::keyClick(d->answerField(2), Qt::Key_Return);
        QCOMPARE(d->verified(), right);
        for (int row = 0; row < 3; ++row)
            QVERIFY(d->answerField(row)->text().isEmpty());
        if (!right) {
            QVERIFY2(d->message().contains(u"Tries left: 4."_s), qPrintable(d->message()));
            QCOMPARE(d->page(), Page::Questions);
            QCOMPARE(passwordHash(), before);
            return;
        }
        QCOMPARE(d->page(), Page::Renew);
        typeNewPassword(*d, kNewPassword);
        ui::setNextConfirmAnswer(true);
        d->renew();
        QCOMPARE(d->result(), int(QDialog::Accepted));
        QVERIFY(security::verifySecret(kNewPassword, passwordHash()));
        QCOMPARE(d->receiptAction(), u"account.password_recovered"_s);
    }

    void documentRouteButton_data()
    {
        QTest::addColumn<QStringList>("ticked");
        QTest::addColumn<bool>("password");
        QTest::addColumn<bool>("questions");
        QTest::addColumn<bool>("enabled");
        const QStringList both{u"national_card"_s, u"birth_certificate"_s};
        QTest::newRow("no document") << QStringList{} << true << false << false;
        QTest::newRow("national card only") << QStringList{u"national_card"_s} << true << false << false;
        QTest::newRow("birth certificate only") << QStringList{u"birth_certificate"_s} << true << true << false;
        QTest::newRow("both, password") << both << true << false << true;
        QTest::newRow("both, questions") << both << false << true << true;
        QTest::newRow("both, both") << both << true << true << true;
        QTest::newRow("both, nothing to renew") << both << false << false << false;
    }

    // The button follows the documents and the chosen renewals (each filled in validly).
    void documentRouteButton()
    {
        QFETCH(QStringList, ticked);
        QFETCH(bool, password);
        QFETCH(bool, questions);
        QFETCH(bool, enabled);
        auto d = dialog(m_clerk);
        d->methodButton(Route::Documents)->click();
        QCOMPARE(d->page(), Page::Renew);
        QVERIFY(d->questionsGroup()->isVisibleTo(d.get()));
        for (const QString &doc : ticked)
            d->documentBox(doc)->setChecked(true);
        d->passwordGroup()->setChecked(password);
        d->questionsGroup()->setChecked(questions);
        // (Keys typed into a closed group's fields would reach the focused group box.)
        if (password)
            typeNewPassword(*d, kNewPassword);
        if (questions) {
            for (int row = 0; row < 3; ++row) {
                d->newQuestionBox(row)->setCurrentIndex(0);
                typeText(d->newAnswerField(row), u"پاسخ %1"_s.arg(row + 1));
            }
        }
        QVERIFY2(d->renewButton()->isEnabled() == enabled,
                 qPrintable(d->unmetRules().join(u',') + u" | "_s + d->questionViolations().join(u',')));
        // Called directly, a refused state changes nothing.
        const QString hash = passwordHash();
        ui::setNextConfirmAnswer(true);
        d->renew();
        QCOMPARE(d->result() == QDialog::Accepted, enabled);
        QCOMPARE(passwordHash() != hash, enabled && password);
    }

    // The choosers never offer a question already chosen in another row; too-short answers
    // are named.
    void documentRouteQuestionRules()
    {
        auto d = dialog(m_clerk);
        d->startDocuments();
        d->questionsGroup()->setChecked(true);
        d->newQuestionBox(0)->setCurrentIndex(0);
        const QString first = d->newQuestionBox(0)->currentData().toString();
        QVERIFY(!first.isEmpty());
        for (int row = 1; row < 3; ++row) {
            QStringList offered;
            for (int i = 0; i < d->newQuestionBox(row)->count(); ++i)
                offered << d->newQuestionBox(row)->itemData(i).toString();
            QVERIFY2(!offered.contains(first), qPrintable(offered.join(u',')));
        }
        QVERIFY(!d->questionViolations().isEmpty()); // nothing answered yet
    }

    // Password and questions renewed in one audited change; an online recovery opened
    // before (a code on its way) stops working; the receipt names the documents.
    void documentRouteRenewsBoth()
    {
        test::CapturingSmsSender sender;
        auto online = startRecovery(*m_ctx, kCode, u"sms"_s, m_now, &sender);
        QVERIFY(online.ok());
        const QString oldCode = sender.lastCode();
        const QString questionsBefore = questionsJson();
        const qsizetype smsBefore = db::listSms(*m_db, kCode).size();

        auto d = dialog(m_clerk);
        d->startDocuments();
        d->documentBox(u"national_card"_s)->setChecked(true);
        d->documentBox(u"birth_certificate"_s)->setChecked(true);
        typeNewPassword(*d, kNewPassword);
        d->questionsGroup()->setChecked(true);
        for (int row = 0; row < 3; ++row) {
            d->newQuestionBox(row)->setCurrentIndex(0);
            typeText(d->newAnswerField(row), u"پاسخ شماره %1"_s.arg(row + 1));
        }
        QVERIFY(d->renewButton()->isEnabled());
        // Declined: nothing changes and what was typed stays.
        ui::setNextConfirmAnswer(false);
        d->renew();
        QCOMPARE(d->result(), 0);
        QCOMPARE(questionsJson(), questionsBefore);
        QCOMPARE(d->passwordField()->text(), kNewPassword);
        ui::setNextConfirmAnswer(true);
        d->renew();
        QCOMPARE(d->result(), int(QDialog::Accepted));
        QVERIFY(security::verifySecret(kNewPassword, passwordHash()));
        QVERIFY(questionsJson() != questionsBefore);
        QVERIFY(!questionsJson().contains(u"پاسخ"_s)); // hashed
        const auto entries = entriesOf(*m_db, u"account.recovered_at_branch"_s);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().actor, u"sara"_s);
        const auto details = QJsonDocument::fromJson(entries.first().details.toUtf8()).object();
        QCOMPARE(details.value(u"password"_s).toBool(), true);
        QCOMPARE(details.value(u"questions"_s).toBool(), true);
        QCOMPARE(details.value(u"documents"_s).toVariant().toStringList(),
                 (QStringList{u"national_card"_s, u"birth_certificate"_s}));
        QVERIFY(!entries.first().details.contains(u"پاسخ"_s));
        QVERIFY(!entries.first().details.contains(kNewPassword));
        QCOMPARE(db::listSms(*m_db, kCode).size(), smsBefore + 1); // the password notice
        QCOMPARE(db::findRecovery(*m_db, online.value->recoveryId)->state, u"superseded"_s);
        const auto late = verifyRecoveryCode(*m_ctx, online.value->recoveryId, oldCode, m_now);
        QVERIFY(!late.ok());
        QCOMPARE(late.failure.violations.first().code, u"recovery.superseded"_s);
        QCOMPARE(d->receiptAction(), u"account.recovered_at_branch"_s);
        QCOMPARE(d->receiptDetails().size(), 2);
    }

    // An administrator may not act at the counter: nothing is started, nothing stored.
    void roleWithoutCounterActionsIsRefused()
    {
        m_gateway.clear();
        auto d = dialog(m_admin);
        QVERIFY(sendCode(*d));
        QCOMPARE(d->page(), Page::Method);
        QVERIFY(!d->message().isEmpty());
        QVERIFY(db::recoveriesOf(*m_db, kCode, QDateTime::fromSecsSinceEpoch(0, Qt::UTC)).isEmpty());
        QVERIFY(m_gateway.requests().isEmpty()); // refused before anything was sent
        BranchRecoveryInput in;
        in.documents = requiredActivationDocuments();
        in.newPassword = true;
        in.password = in.passwordConfirm = kNewPassword;
        const QString before = passwordHash();
        QVERIFY(!recoverAtCounter(*m_ctx, kCode, in, m_admin, m_now).ok());
        QCOMPARE(passwordHash(), before);
    }

    // Without a mobile the SMS route says so in the seed's words; the other routes remain.
    void noMobileInTheSeedsWords()
    {
        useLanguage(u"fa"_s);
        auto account = db::findAccount(*m_db, kCode);
        account->mobile.clear();
        db::updateAccount(*m_db, *account);
        auto d = dialog(m_clerk);
        QVERIFY(sendCode(*d));
        QCOMPARE(d->page(), Page::Method);
        QCOMPARE(d->message(), u"برای این نام کاربری شماره تلفن همراه یافت نشد."_s);
        d->startQuestions();
        QCOMPARE(d->page(), Page::Questions);
    }

    // From the main window with the keyboard only: F7, the SMS button by its mnemonic, the
    // code, Enter, the password, Enter, the confirmation; the receipt is titled for it.
    void keyboardOnlyFromTheDesk()
    {
        ui::MainWindow window(*m_ctx);
        window.setSession(m_clerk);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openApplicant(kCode));
        ui::ApplicantView *view = window.applicantView();
        QTRY_VERIFY(view->isAncestorOf(QApplication::focusWidget()));
        QVERIFY(view->counterAction(ui::CounterAction::Recover)->isEnabled());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F7);
        auto *d = qobject_cast<ui::RecoveryDialog *>(view->openDialog());
        QVERIFY(d);
        QVERIFY(QTest::qWaitForWindowActive(d));
        QTRY_COMPARE(QApplication::focusWidget(), d->methodButton(Route::Sms));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(d->page(), Page::Code, kTimeout);
        QTRY_COMPARE(QApplication::focusWidget(), d->codeField());
        QTest::keyClicks(QApplication::focusWidget(), codeFromGateway(m_gateway));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(d->page(), Page::Renew);
        QTRY_COMPARE(QApplication::focusWidget(), d->passwordField());
        QTest::keyClicks(QApplication::focusWidget(), kNewPassword);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), d->confirmField());
        QTest::keyClicks(QApplication::focusWidget(), kNewPassword);
        QSignalSpy done(view, &ui::ApplicantView::counterActionDone);
        ui::setNextConfirmAnswer(true);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kTimeout);
        QCOMPARE(done.first().at(3).toString(), u"account.password_recovered"_s);
        QVERIFY(window.receiptDialog());
        QCOMPARE(window.receiptDialog()->receipt().action, u"account.password_recovered"_s);
        QVERIFY(security::verifySecret(kNewPassword, passwordHash()));
        window.receiptDialog()->reject();
    }

    // The document route with the keyboard alone: Alt+D, Space/Tab through the documents,
    // the password typed, Tab on to the questions' box, Space opens it, each question chosen
    // with the arrow keys and answered, Tab to the button, Space, Enter confirms.
    void documentRouteFromTheKeyboard()
    {
        auto d = dialog(m_clerk);
        d->show();
        QVERIFY(QTest::qWaitForWindowActive(d.get()));
        QTRY_COMPARE(QApplication::focusWidget(), d->methodButton(Route::Sms));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_D, Qt::AltModifier);
        QTRY_COMPARE(d->page(), Page::Renew); // a mnemonic clicks the button animated, a moment later
        QTRY_COMPARE(QApplication::focusWidget(), d->documentBox(u"national_card"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d->documentBox(u"birth_certificate"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d->passwordGroup());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d->passwordField());
        QTest::keyClicks(QApplication::focusWidget(), kNewPassword);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), d->confirmField());
        QTest::keyClicks(QApplication::focusWidget(), kNewPassword);
        // On past "show the password" to the questions' box, opened with Space.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d->questionsGroup());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(d->questionsGroup()->isChecked());
        for (int row = 0; row < 3; ++row) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), d->newQuestionBox(row));
            for (int i = 0; i <= row; ++i)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), d->newAnswerField(row));
            typeText(QApplication::focusWidget(), u"پاسخ %1"_s.arg(row + 1));
        }
        QVERIFY2(d->questionViolations().isEmpty(), qPrintable(d->questionViolations().join(u'\n')));
        QVERIFY(d->renewButton()->isEnabled());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d->renewButton());
        ui::setNextConfirmAnswer(true);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(d->result(), int(QDialog::Accepted));
        QVERIFY(security::verifySecret(kNewPassword, passwordHash()));
        QCOMPARE(entriesOf(*m_db, u"account.recovered_at_branch"_s).size(), 1);
    }

    // No gateway at this desk: the SMS button says so before anything is tried.
    void noGatewaySetUp()
    {
        auto d = dialog(m_clerk);
        QVERIFY(d->methodButton(Route::Sms)->isEnabled());
        d->setSmsGateway({});
        QVERIFY(!d->methodButton(Route::Sms)->isEnabled());
        QVERIFY2(d->methodButton(Route::Sms)->toolTip().contains(u"No SMS gateway"_s),
                 qPrintable(d->methodButton(Route::Sms)->toolTip()));
        QVERIFY(d->methodButton(Route::Questions)->isEnabled());
        QVERIFY(d->methodButton(Route::Documents)->isEnabled());
    }

    void gatewayFails_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("HTTP 500") << int(smstest::FakeSmsGateway::Step::Answer);
        QTest::newRow("hangs past the timeout") << int(smstest::FakeSmsGateway::Step::Hang);
        QTest::newRow("closes the connection") << int(smstest::FakeSmsGateway::Step::Close);
    }

    // The gateway fails: the dialog says so as soon as it answers (or its timeout passes),
    // goes back to the methods with the focus on the questions, and nothing but the audit
    // entry of the failure is written.
    void gatewayFails()
    {
        QFETCH(int, mode);
        smstest::FakeSmsGateway::Step step;
        step.mode = smstest::FakeSmsGateway::Step::Mode(mode);
        step.status = 500;
        m_gateway.setFallback(step);
        const qsizetype recoveries = rowCount(u"recoveries"_s), sms = rowCount(u"sms_messages"_s),
                        outbox = rowCount(u"outbox"_s);
        auto d = dialog(m_clerk);
        SmsGatewayConfig config = smsGatewayFromSettings();
        config.timeoutMs = 500;
        d->setSmsGateway(config);
        d->show();
        QVERIFY(QTest::qWaitForWindowActive(d.get()));
        QVERIFY(sendCode(*d));
        QCOMPARE(d->page(), Page::Method);
        QVERIFY2(d->message().contains(u"could not be sent"_s), qPrintable(d->message()));
        QTRY_COMPARE(QApplication::focusWidget(), d->methodButton(Route::Questions));
        QVERIFY(d->methodButton(Route::Sms)->isEnabled()); // it may be tried again
        QCOMPARE(rowCount(u"recoveries"_s), recoveries);
        QCOMPARE(rowCount(u"sms_messages"_s), sms);
        QCOMPARE(rowCount(u"outbox"_s), outbox);
        const auto failed = entriesOf(*m_db, u"recovery.sms_unavailable"_s);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().actor, u"sara"_s);
        QVERIFY(!failed.first().details.contains(kMobile));
        // The clerk goes on with the questions.
        d->methodButton(Route::Questions)->click();
        QCOMPARE(d->page(), Page::Questions);
    }

    // The Persian dialog: Persian texts, right to left, Persian digits in the code's note.
    void persianDialog()
    {
        useLanguage(u"fa"_s);
        auto d = dialog(m_clerk);
        QCOMPARE(d->layoutDirection(), Qt::RightToLeft);
        QVERIFY2(d->methodButton(Route::Sms)->text().contains(u"پیامک"_s),
                 qPrintable(d->methodButton(Route::Sms)->text()));
        QVERIFY(d->windowTitle().contains(u"بازیابی"_s));
        QVERIFY(sendCode(*d));
        const QString info = d->codeInfo()->text();
        QVERIFY2(info.contains(toPersianDigits(u"0912"_s)), qPrintable(info));
        QVERIFY2(!info.contains(QRegularExpression(u"[0-9]"_s)), qPrintable(info));
    }
};

QTEST_MAIN(TestRecoveryDialog)
#include "TestRecoveryDialog.moc"
