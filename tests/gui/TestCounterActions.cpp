// The counter actions with real widgets on a real SQLite file, driven from the keyboard:
// search → Enter → F2 → tick the documents → Enter activates (after the confirmation);
// a declined confirmation changes nothing; the role decides which actions show; the mobile
// change checks the number as it is typed; a refusal needs a reason the service accepts.
#include "ui/ActivationDialog.h"
#include "ui/ApplicantView.h"
#include "ui/Confirm.h"
#include "ui/MainWindow.h"
#include "ui/MobileChangeDialog.h"
#include "ui/PasswordResetDialog.h"
#include "ui/QuestionsResetDialog.h"
#include "ui/ReceiptDialog.h"
#include "ui/RefusalDialog.h"
#include "ui/SearchPage.h"

#include "app/core/PersianText.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Staff.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"
#include "db/SyncRepository.h"

#include "tests/support/GuiTestUtil.h"

#include <QApplication>
#include <QCheckBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace branch;
using branch::test::nationalCode;
using branch::test::typeText;
using namespace Qt::StringLiterals;

namespace
{
constexpr int kTimeout = 10000;
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);

bool hasAudit(db::Database &db, const QString &code, const QString &action, const QString &actor)
{
    for (const auto &a : db::auditLog(db))
        if (a.nationalCode == code && a.action == action && a.actor == actor)
            return true;
    return false;
}
} // namespace

class TestCounterActions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_next = 0;
    const StaffSession m_clerk{u"sara"_s, u"clerk"_s};

    // A person whose request ends in `status`: the registry knows them; their mobile is
    // theirs (→ activated) or nobody's (→ branch_activation_required).
    QString person(bool mobileOwned)
    {
        const QString code = nationalCode(u"0061234%1"_s.arg(10 + m_next, 2, 10, QLatin1Char('0')));
        const QString mobile = u"0912555%1"_s.arg(1000 + m_next);
        ++m_next;
        const QString first = u"مریم"_s, last = u"کاظمی"_s;
        db::upsertRegistryPerson(*m_db,
                                 {code, first, last, u"حسن"_s, normalizeName(first), normalizeName(last),
                                  normalizeName(u"حسن"_s), u"4521"_s, QDate(1986, 7, 3), u"F"_s},
                                 kT0);
        if (mobileOwned)
            db::upsertMobileOwner(*m_db, code, mobile);
        RegistrationInput in;
        in.nationalCode = code;
        in.mobile = mobile;
        in.firstName = first;
        in.lastName = last;
        in.birthCertNo = u"4521"_s;
        in.birthDate = u"1365/04/12"_s;
        in.gender = u"F"_s;
        in.password = in.passwordConfirm = u"Abcdefg1x"_s;
        in.questions = {
            {u"favorite_color"_s, u"آبی"_s}, {u"birth_city"_s, u"تهران"_s}, {u"first_workplace"_s, u"کارخانه"_s}};
        auto r = submitRegistration(*m_ctx, in, kT0);
        if (!r.ok())
            qFatal("fixture: %s", qPrintable(r.failure.message()));
        if (!verifyPending(*m_ctx, kT0.addSecs(60)).ok())
            qFatal("fixture: verification failed");
        return code;
    }

    QString status(const QString &code) { return statusName(db::findCurrentRequest(*m_db, code)->status); }

    // The main window signed in as `session`, showing `code`'s applicant view.
    std::unique_ptr<ui::MainWindow> openWindow(const StaffSession &session, const QString &code)
    {
        auto window = std::make_unique<ui::MainWindow>(*m_ctx);
        window->setSession(session);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            return nullptr;
        if (!window->openApplicant(code))
            return nullptr;
        return window;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        db::DbError err;
        m_db = db::Database::open(m_dir.filePath(u"desk.db"_s), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
    }

    // The whole path without the mouse: search field, Enter, F2, Space/Tab, Enter.
    void activateFromTheKeyboard()
    {
        const QString code = person(false);
        QCOMPARE(status(code), u"branch_activation_required"_s);
        ui::MainWindow window(*m_ctx);
        window.setSession(m_clerk);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ui::SearchPage *page = window.searchPage();
        QSignalSpy shown(page, &ui::SearchPage::resultsShown);
        typeText(page->searchField(), code);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0 && page->resultsView()->model()->rowCount() == 1, kTimeout);
        QTest::keyClick(page->searchField(), Qt::Key_Return);
        ui::ApplicantView *view = window.applicantView();
        QTRY_VERIFY_WITH_TIMEOUT(window.centralWidget() == view, kTimeout);
        QVERIFY(view->actionButton(ui::CounterAction::Activate)->isVisible());
        QVERIFY(view->counterAction(ui::CounterAction::Activate)->isEnabled());
        QVERIFY(!view->counterAction(ui::CounterAction::ChangeMobile)->isEnabled()); // no account yet

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F2);
        auto *dialog = qobject_cast<ui::ActivationDialog *>(view->openDialog());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QVERIFY(!dialog->submitButton()->isEnabled());
        // Focus starts on the first document; Space ticks, Tab moves on.
        QTRY_COMPARE(QApplication::focusWidget(), dialog->documentBox(u"national_card"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(!dialog->submitButton()->isEnabled()); // one of two
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->documentBox(u"birth_certificate"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(dialog->submitButton()->isEnabled());

        const int asked = ui::confirmationsAsked();
        ui::setNextConfirmAnswer(true);
        QSignalSpy done(view, &ui::ApplicantView::counterActionDone);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(ui::confirmationsAsked(), asked + 1);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kTimeout);
        QCOMPARE(done.first().at(1).toString(), code);
        QCOMPARE(status(code), u"activated"_s);
        QVERIFY(db::findAccount(*m_db, code));
        QVERIFY(hasAudit(*m_db, code, u"request.activated"_s, u"sara"_s));
        // The view shows the new state: activation done, account actions open.
        QCOMPARE(view->currentCase().status, RequestStatus::Activated);
        QVERIFY(!view->counterAction(ui::CounterAction::Activate)->isEnabled());
        QVERIFY(view->counterAction(ui::CounterAction::ChangeMobile)->isEnabled());
        QVERIFY(!view->openDialog());

        // The receipt follows: this person, this clerk, this branch; Esc closes it and the
        // keyboard is back in the applicant view.
        ui::ReceiptDialog *receipt = window.receiptDialog();
        QVERIFY(receipt);
        QCOMPARE(receipt->receipt().nationalCode, code);
        QCOMPARE(receipt->receipt().staffLogin, u"sara"_s);
        QCOMPARE(receipt->receipt().branchCode, u"1001"_s);
        QCOMPARE(receipt->receipt().applicantName, u"مریم کاظمی"_s);
        QVERIFY(receipt->browser()->toPlainText().contains(code));
        QVERIFY(QTest::qWaitForWindowActive(receipt));
        QTRY_VERIFY(receipt->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!window.receiptDialog());
        QTRY_VERIFY(view->isAncestorOf(QApplication::focusWidget()));
    }

    void declinedConfirmationChangesNothing()
    {
        const QString code = person(false);
        auto window = openWindow(m_clerk, code);
        QVERIFY(window);
        ui::ApplicantView *view = window->applicantView();
        QVERIFY(view->startAction(ui::CounterAction::Activate));
        auto *dialog = qobject_cast<ui::ActivationDialog *>(view->openDialog());
        QVERIFY(dialog);
        for (const QString &d : requiredActivationDocuments())
            dialog->documentBox(d)->setChecked(true);
        const qint64 audit = db::auditLog(*m_db).size();
        ui::setNextConfirmAnswer(false);
        dialog->submit();
        QVERIFY(dialog->isVisible());
        QCOMPARE(status(code), u"branch_activation_required"_s);
        QCOMPARE(db::auditLog(*m_db).size(), audit);
        // While one dialog is open, no second action starts.
        QVERIFY(!view->startAction(ui::CounterAction::Refuse));
        dialog->reject();
        QTRY_VERIFY(!view->openDialog());
    }

    void roleDecidesWhichActionsShow_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("visible");
        QTest::newRow("clerk") << u"sara"_s << u"clerk"_s << true;
        QTest::newRow("admin") << u"root1"_s << u"admin"_s << false;
        QTest::newRow("nobody signed in") << QString() << QString() << false;
    }
    void roleDecidesWhichActionsShow()
    {
        QFETCH(QString, login);
        QFETCH(QString, role);
        QFETCH(bool, visible);
        const QString code = person(false);
        if (!visible) {
            // Not even a read: an administrator (separation of duties), or nobody, opens no
            // person's case; the window stays on the search and says why.
            ui::MainWindow window(*m_ctx);
            window.setSession(StaffSession{login, role});
            QVERIFY(!window.openApplicant(code));
            QVERIFY(window.centralWidget() != window.applicantView());
            return;
        }
        auto window = openWindow(StaffSession{login, role}, code);
        QVERIFY(window);
        ui::ApplicantView *view = window->applicantView();
        for (ui::CounterAction a : ui::allCounterActions())
            QCOMPARE(view->actionButton(a)->isVisible(), visible);
        QTest::keyClick(view, Qt::Key_F2);
        QCOMPARE(view->openDialog() != nullptr, visible);
        if (view->openDialog())
            view->openDialog()->reject();
    }

    void mobileChangeChecksAsTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("valid");
        QTest::newRow("Persian digits") << u"۰۹۳۵۱۲۳۴۵۶۷"_s << true;
        QTest::newRow("+98 form") << u"+989351234567"_s << true;
        QTest::newRow("too short") << u"0935123"_s << false;
        QTest::newRow("landline") << u"02188776655"_s << false;
        QTest::newRow("letters") << u"09351234abc"_s << false;
    }
    void mobileChangeChecksAsTyped()
    {
        QFETCH(QString, typed);
        QFETCH(bool, valid);
        const QString code = person(true);
        const QString before = db::findAccount(*m_db, code)->mobile;
        auto window = openWindow(m_clerk, code);
        QVERIFY(window);
        ui::ApplicantView *view = window->applicantView();
        QTest::keyClick(view, Qt::Key_F3);
        auto *dialog = qobject_cast<ui::MobileChangeDialog *>(view->openDialog());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_COMPARE(QApplication::focusWidget(), dialog->mobileField());
        typeText(dialog->mobileField(), typed);
        QCOMPARE(dialog->message().isEmpty(), valid);
        QVERIFY(!dialog->submitButton()->isEnabled()); // ownership not confirmed yet
        dialog->ownershipBox()->setChecked(true);
        QCOMPARE(dialog->submitButton()->isEnabled(), valid);
        ui::setNextConfirmAnswer(true);
        QSignalSpy done(view, &ui::ApplicantView::counterActionDone);
        QTest::keyClick(dialog->mobileField(), Qt::Key_Return);
        if (!valid) {
            QCOMPARE(done.count(), 0);
            QCOMPARE(db::findAccount(*m_db, code)->mobile, before);
            ui::setNextConfirmAnswer(false); // not consumed: reset the seam
            ui::confirmAction(nullptr, {}, {}, {});
            dialog->reject();
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kTimeout);
        QCOMPARE(db::findAccount(*m_db, code)->mobile, u"09351234567"_s);
        QVERIFY(hasAudit(*m_db, code, u"account.mobile_change"_s, u"sara"_s));
        const auto details = done.first().at(2).value<QList<QPair<QString, QString>>>();
        QCOMPARE(details.size(), 1);
        QVERIFY2(!details.first().second.contains(u"1234"_s), "the receipt hides the middle of the number");
        QVERIFY(window->receiptDialog());
        QCOMPARE(window->receiptDialog()->receipt().details, details);
        window->receiptDialog()->reject();
        // Back for a second change to the same number: refused as it is typed. The focus
        // returns to the view, so the shortcut works again.
        QTRY_VERIFY(view->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3);
        auto *again = qobject_cast<ui::MobileChangeDialog *>(view->openDialog());
        QVERIFY(again);
        typeText(again->mobileField(), u"09351234567"_s);
        again->ownershipBox()->setChecked(true);
        QVERIFY(!again->submitButton()->isEnabled());
        QVERIFY(!again->message().isEmpty());
        again->reject();
    }

    void refusalNeedsAReason()
    {
        const QString code = person(false);
        auto window = openWindow(m_clerk, code);
        QVERIFY(window);
        ui::ApplicantView *view = window->applicantView();
        QTest::keyClick(view, Qt::Key_F8);
        auto *dialog = qobject_cast<ui::RefusalDialog *>(view->openDialog());
        QVERIFY(dialog);
        QVERIFY(!dialog->submitButton()->isEnabled());
        typeText(dialog->reasonField(), u"نه"_s); // too short: the service says why
        ui::setNextConfirmAnswer(true);
        dialog->submit();
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->message().isEmpty());
        QCOMPARE(status(code), u"branch_activation_required"_s);

        dialog->reasonField()->clear();
        typeText(dialog->reasonField(), u"شناسنامه با درخواست همخوانی ندارد"_s);
        QSignalSpy done(view, &ui::ApplicantView::counterActionDone);
        ui::setNextConfirmAnswer(true);
        dialog->submit();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kTimeout);
        QCOMPARE(status(code), u"rejected"_s);
        QVERIFY(hasAudit(*m_db, code, u"request.rejected"_s, u"sara"_s));
        QVERIFY(!view->counterAction(ui::CounterAction::Refuse)->isEnabled());
    }

    // F4 and F6 open the resets (their rules are TestPasswordResetDialog's and
    // TestQuestionsResetDialog's); a reset's receipt carries no detail.
    void resetsOpenFromTheirShortcuts()
    {
        const QString code = person(true);
        auto window = openWindow(m_clerk, code);
        QVERIFY(window);
        ui::ApplicantView *view = window->applicantView();
        QTRY_VERIFY(view->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F4);
        auto *password = qobject_cast<ui::PasswordResetDialog *>(view->openDialog());
        QVERIFY(password);
        QVERIFY(QTest::qWaitForWindowActive(password));
        typeText(password->passwordField(), u"Golestan#1402"_s);
        typeText(password->confirmField(), u"Golestan#1402"_s);
        QVERIFY(password->submitButton()->isEnabled());
        QSignalSpy done(view, &ui::ApplicantView::counterActionDone);
        ui::setNextConfirmAnswer(true);
        password->submit();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kTimeout);
        using Details = QList<QPair<QString, QString>>;
        QVERIFY(done.first().at(2).value<Details>().isEmpty());
        QVERIFY(hasAudit(*m_db, code, u"account.password_reset"_s, u"sara"_s));
        QVERIFY(window->receiptDialog());
        window->receiptDialog()->reject();
        QTRY_VERIFY(view->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        auto *questions = qobject_cast<ui::QuestionsResetDialog *>(view->openDialog());
        QVERIFY(questions);
        questions->reject();
    }

    void statusBarAndFind()
    {
        const QString code = person(true);
        auto window = openWindow(m_clerk, code);
        QVERIFY(window);
        window->refresh();
        const qint64 waiting = db::outboxCount(*m_db);
        QVERIFY(waiting > 0);
        QVERIFY2(window->syncLabel()->text().contains(QLocale().toString(waiting)),
                 qPrintable(window->syncLabel()->text()));
        QVERIFY(window->databaseLabel()->text().contains(u"desk.db"_s));
        // Ctrl+F from the applicant view: back to the search, field focused.
        QTest::keyClick(window->applicantView(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(window->centralWidget(), window->searchPage());
        QTRY_COMPARE(QApplication::focusWidget(), window->searchPage()->searchField());
    }
};

QTEST_MAIN(TestCounterActions)
#include "TestCounterActions.moc"
