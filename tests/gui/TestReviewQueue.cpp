// The supervisor review queue with real widgets on a real SQLite file: Ctrl+R shows it to
// supervisors only; cases oldest first; the request beside the registry with the differing
// field marked and a letter-variant-equal field not; a correction proposed from the
// keyboard; the proposer's approve button disabled with the reason as tooltip; another
// supervisor approves and the request is activated; a correction that still mismatches
// leaves the dialog open with the service's message and stores nothing.
#include "ui/Confirm.h"
#include "ui/MainWindow.h"
#include "ui/ReviewProposalDialog.h"
#include "ui/ReviewQueuePage.h"
#include "ui/SearchPage.h"

#include "app/core/PersianText.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Review.h"
#include "app/lifecycle/Staff.h"
#include "db/AccountRepository.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"

#include "tests/support/GuiTestUtil.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using branch::test::nationalCode;
using branch::test::typeText;
using namespace Qt::StringLiterals;

namespace
{
constexpr int kTimeout = 10000;
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const StaffSession kSup1{u"sup1"_s, u"supervisor"_s};
const StaffSession kSup2{u"sup2"_s, u"supervisor"_s};
const StaffSession kClerk{u"sara"_s, u"clerk"_s};
} // namespace

class TestReviewQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_n = 0;
    QString m_older, m_younger;

    // A person in the queue: the registry says مریم کاظمی; the request typed `first` (an
    // Arabic yeh: the same name) and `last`.
    QString mismatch(const QString &first, const QString &last, const QDateTime &at)
    {
        const QString code = nationalCode(u"0071234%1"_s.arg(10 + m_n++, 2, 10, QLatin1Char('0')));
        db::upsertRegistryPerson(*m_db,
                                 {code,
                                  u"مریم"_s,
                                  u"کاظمی"_s,
                                  {},
                                  normalizeName(u"مریم"_s),
                                  normalizeName(u"کاظمی"_s),
                                  {},
                                  u"4521"_s,
                                  QDate(1986, 7, 3),
                                  u"F"_s},
                                 kT0);
        RegistrationInput in;
        in.nationalCode = code;
        in.mobile = u"09125551%1"_s.arg(100 + m_n);
        in.firstName = first;
        in.lastName = last;
        in.birthCertNo = u"4521"_s;
        in.birthDate = u"1365/04/12"_s;
        in.gender = u"F"_s;
        in.password = in.passwordConfirm = u"Abcdefg1x"_s;
        in.questions = {
            {u"favorite_color"_s, u"آبی"_s}, {u"birth_city"_s, u"تهران"_s}, {u"first_workplace"_s, u"کارخانه"_s}};
        if (!submitRegistration(*m_ctx, in, at).ok() || !verifyPending(*m_ctx, at.addSecs(60)).ok())
            qFatal("fixture failed");
        return code;
    }

    QString status(const QString &code) { return statusName(db::findCurrentRequest(*m_db, code)->status); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        db::DbError err;
        m_ctx.reset();
        m_db = db::Database::open(m_dir.filePath(u"desk%1.db"_s.arg(m_n++)), db::Database::OpenMode::CreateIfMissing,
                                  &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctx, u"sup1"_s, u"supervisor"_s, u"Super1234xJangalAbr"_s, kT0).ok());
        QVERIFY(addStaff(*m_ctx, u"sup2"_s, u"supervisor"_s, u"Super1234yDaryaAbi"_s, kT0).ok());
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        m_older = mismatch(u"مريم"_s, u"کاظمي‌پور"_s, kT0);
        m_younger = mismatch(u"مریم"_s, u"کریمی"_s, kT0.addSecs(3600));
    }

    void onlySupervisorsSeeIt_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("visible");
        QTest::newRow("clerk") << u"clerk"_s << false;
        QTest::newRow("supervisor") << u"supervisor"_s << true;
        QTest::newRow("admin") << u"admin"_s << false;
    }

    void onlySupervisorsSeeIt()
    {
        QFETCH(QString, role);
        QFETCH(bool, visible);
        ui::MainWindow window(*m_ctx);
        window.setSession({role == u"clerk"_s ? u"sara"_s : u"sup1"_s, role});
        QVERIFY(branch::test::showActive(window));
        QCOMPARE(window.reviewAction()->isVisible(), visible);
        QCOMPARE(window.reviewAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(window.centralWidget() == window.reviewQueuePage() && window.reviewQueuePage(), visible);
        if (visible) {
            // Esc goes back to the search.
            QTest::keyClick(window.reviewQueuePage()->casesTable(), Qt::Key_Escape);
            QCOMPARE(window.centralWidget(), static_cast<QWidget *>(window.searchPage()));
        }
    }

    void sideBySideOldestFirst()
    {
        ui::ReviewQueuePage page(*m_ctx);
        page.setSession(kSup1);
        page.setClock([] { return kT0.addSecs(3 * 86400); });
        page.reload();
        QCOMPARE(page.casesTable()->rowCount(), 2);
        QCOMPARE(page.cases().at(0).request.nationalCode, m_older);
        QCOMPARE(page.cases().at(1).request.nationalCode, m_younger);
        QVERIFY(!page.casesTable()->item(0, 2)->text().isEmpty()); // date and age
        QTableWidget *cmp = page.comparisonTable();
        QCOMPARE(cmp->rowCount(), 5);
        // Row 0: first name, Arabic yeh against the registry's Persian yeh: equal, not highlighted;
        // shown in Persian letters on both sides, the note saying only letter forms differ.
        QCOMPARE(cmp->item(0, 1)->text(), u"مریم"_s);
        QCOMPARE(cmp->item(0, 2)->text(), u"مریم"_s);
        QCOMPARE(cmp->item(0, 3)->text(), u"✓ same (letter forms)"_s);
        QCOMPARE(cmp->item(2, 3)->text(), u"✓ same"_s);
        // The list of cases and the heading show the name in Persian letters too.
        QVERIFY2(!page.casesTable()->item(0, 1)->text().contains(QChar(0x064A)),
                 qPrintable(page.casesTable()->item(0, 1)->text()));
        QVERIFY(page.casesTable()->item(0, 1)->text().contains(u"مریم"_s));
        QCOMPARE(cmp->item(0, 3)->data(Qt::UserRole).toBool(), false);
        QCOMPARE(cmp->item(0, 1)->background().style(), Qt::NoBrush);
        // Row 1: last name differs: highlighted and said in words.
        QCOMPARE(cmp->item(1, 3)->data(Qt::UserRole).toBool(), true);
        QVERIFY(cmp->item(1, 1)->background().style() != Qt::NoBrush);
        for (int row = 2; row < 5; ++row)
            QCOMPARE(cmp->item(row, 3)->data(Qt::UserRole).toBool(), false);
        QVERIFY(!page.approveButton()->isEnabled());
        // The second case.
        page.casesTable()->setCurrentCell(1, 0);
        QCOMPARE(cmp->item(1, 1)->text(), u"کریمی"_s);
    }

    void proposeThenAnotherApproves()
    {
        ui::ReviewQueuePage page(*m_ctx);
        page.setSession(kSup1);
        page.reload();
        QVERIFY(branch::test::showActive(page));
        page.casesTable()->setFocus();
        // Keyboard: the correct button's mnemonic opens the dialog.
        page.proposeButton(ReviewKind::CorrectAndActivate)->setFocus();
        QTest::keyClick(page.proposeButton(ReviewKind::CorrectAndActivate), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(page.proposalDialog(), kTimeout);
        ui::ReviewProposalDialog *dialog = page.proposalDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->lastNameField()->text(), u"کاظمي‌پور"_s); // prefilled from the request
        dialog->lastNameField()->selectAll();
        typeText(dialog->lastNameField(), u"كاظمي"_s); // Arabic kaf and yeh, as read on the card
        ui::setNextConfirmAnswer(true);
        QTest::keyClick(dialog->lastNameField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!page.proposalDialog(), kTimeout);
        QCOMPARE(status(m_older), u"identity_mismatch"_s);
        QVERIFY(page.cases().at(0).proposal);
        QVERIFY(page.proposalLabel()->text().contains(u"sup1"_s));
        // The proposer cannot approve: disabled, and the tooltip says why.
        QVERIFY(!page.approveButton()->isEnabled());
        QVERIFY(page.approveButton()->toolTip().contains(
            ui::ReviewQueuePage::tr("You made this proposal: another supervisor must approve it (four eyes).")));

        // Another supervisor at the same desk.
        page.setSession(kSup2);
        page.reload();
        QVERIFY(page.approveButton()->isEnabled());
        // A declined confirmation changes nothing.
        ui::setNextConfirmAnswer(false);
        page.approve();
        QCOMPARE(status(m_older), u"identity_mismatch"_s);
        ui::setNextConfirmAnswer(true);
        QTest::keyClick(page.approveButton(), Qt::Key_Space);
        QCOMPARE(status(m_older), u"activated"_s);
        QCOMPARE(db::findAccount(*m_db, m_older)->lastName, u"كاظمي"_s);
        QCOMPARE(page.casesTable()->rowCount(), 1);
        QCOMPARE(page.cases().at(0).request.nationalCode, m_younger);
        QVERIFY(!page.messageLabel()->text().isEmpty());
    }

    void stillMismatchingStaysOpen()
    {
        ui::ReviewQueuePage page(*m_ctx);
        page.setSession(kSup1);
        page.reload();
        QVERIFY(branch::test::showActive(page));
        page.propose(ReviewKind::CorrectAndActivate);
        ui::ReviewProposalDialog *dialog = page.proposalDialog();
        QVERIFY(dialog);
        dialog->lastNameField()->setText(u"کریمی"_s);
        ui::setNextConfirmAnswer(true);
        dialog->submit();
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->message().contains(Services::tr("The corrected data still does not match the civil registry "
                                                         "(different: %1). Check the documents again; nothing was "
                                                         "changed.")
                                                .section(u'(', 0, 0)),
                 qPrintable(dialog->message()));
        QVERIFY(!db::pendingProposalFor(*m_db, db::findCurrentRequest(*m_db, m_older)->id));
        dialog->reject();
    }

    void rejectNeedsReason()
    {
        ui::ReviewQueuePage page(*m_ctx);
        page.setSession(kSup1);
        page.reload();
        page.propose(ReviewKind::Reject);
        ui::ReviewProposalDialog *dialog = page.proposalDialog();
        QVERIFY(dialog);
        ui::setNextConfirmAnswer(true);
        dialog->submit();
        QVERIFY(!dialog->message().isEmpty());
        typeText(dialog->reasonField(), u"شناسنامه مخدوش است"_s);
        ui::setNextConfirmAnswer(true);
        dialog->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!page.proposalDialog(), kTimeout);
        QCOMPARE(page.cases().at(0).proposal->kind, u"reject"_s);
    }
};

QTEST_MAIN(TestReviewQueue)
#include "TestReviewQueue.moc"
