// The applicant view with real widgets on a real SQLite file: a last name that differs from
// the civil registry only by a ZWNJ is not highlighted, a different birth date is; the
// history (audit log) and the SMS are listed; Enter on a search result opens the view in
// the main window, Esc and Alt+Left return to the search with its field focused.
#include "ui/ApplicantView.h"
#include "ui/MainWindow.h"
#include "ui/SearchPage.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/core/PersianText.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Staff.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"
#include "db/SmsRepository.h"

#include "tests/support/GuiTestUtil.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace branch;
using branch::test::nationalCode;
using branch::test::typeText;

namespace
{
constexpr int kTimeout = 10000;
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);

RegistrationInput registration(const QString &code, const QString &mobile, const QString &lastName,
                               const QString &birthDate)
{
    RegistrationInput in;
    in.nationalCode = code;
    in.mobile = mobile;
    in.firstName = QStringLiteral("مریم");
    in.lastName = lastName;
    in.birthCertNo = QStringLiteral("4521");
    in.birthDate = birthDate;
    in.gender = QStringLiteral("F");
    in.password = in.passwordConfirm = QStringLiteral("Abcdefg1x");
    in.questions = {{QStringLiteral("favorite_color"), QStringLiteral("آبی")},
                    {QStringLiteral("birth_city"), QStringLiteral("تهران")},
                    {QStringLiteral("first_workplace"), QStringLiteral("کارخانه")}};
    return in;
}

QStringList column(const QTableWidget *t, int col, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        out << t->item(r, col)->data(role).toString();
    return out;
}
} // namespace

class TestApplicantView : public QObject
{
    Q_OBJECT
    QTranslator m_faForLabels;

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    QString m_zwnj;     // last name typed without the registry's ZWNJ: no highlight
    QString m_birthDay; // birth date one day off the registry's: highlighted
    StaffSession m_clerk{QStringLiteral("sara"), QStringLiteral("clerk")};

    void addRegistry(const QString &code, const QString &lastName, const QDate &birthDate)
    {
        const QString first = QStringLiteral("مریم");
        const QString father = QStringLiteral("حسن");
        db::upsertRegistryPerson(*m_db,
                                 {code, first, lastName, father, normalizeName(first), normalizeName(lastName),
                                  normalizeName(father), QStringLiteral("4521"), birthDate, QStringLiteral("F")},
                                 kT0);
    }

private slots:
    // Every action a person's history can hold (what the services audit with a national code)
    // reads as words in both languages, never as its stored name.
    void everyPersonActionHasALabel_data()
    {
        QTest::addColumn<QString>("action");
        for (const char *a : {"request.submit",
                              "request.activated",
                              "request.branch_activation_required",
                              "request.identity_mismatch",
                              "request.expired",
                              "request.superseded",
                              "request.rejected",
                              "account.create",
                              "account.mobile_change",
                              "account.password_reset",
                              "account.questions_reset",
                              "account.password_recovered",
                              "account.recovered_at_branch",
                              "recovery.start",
                              "recovery.verified",
                              "recovery.wrong_try",
                              "recovery.locked",
                              "recovery.superseded",
                              "recovery.used",
                              "recovery.refused",
                              "recovery.sms_unavailable",
                              "review.propose",
                              "review.approve",
                              "applicant.fetch",
                              "conflict.resolve",
                              "sms.queue",
                              "sms.sent",
                              "sms.retry",
                              "sms.failed"})
            QTest::newRow(a) << QString::fromLatin1(a);
    }
    void everyPersonActionHasALabel()
    {
        QFETCH(QString, action);
        QVERIFY(m_faForLabels.load(QStringLiteral(":/i18n/branchdesk_fa.qm")));
        QCOMPARE_NE(ui::ApplicantView::actionLabel(action), action);
        QCoreApplication::installTranslator(&m_faForLabels);
        const QString persian = ui::ApplicantView::actionLabel(action);
        QCoreApplication::removeTranslator(&m_faForLabels);
        QVERIFY2(!persian.contains(QRegularExpression(QStringLiteral("[A-Za-z]"))), qPrintable(persian));
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        db::DbError err;
        m_db = db::Database::open(m_dir.filePath(QStringLiteral("view.db")), db::Database::OpenMode::CreateIfMissing,
                                  &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, QStringLiteral("branch_code"), QStringLiteral("1001"));
        m_ctx = std::make_unique<Context>(Context{*m_db, QStringLiteral("1001")});

        m_zwnj = nationalCode(QStringLiteral("004512367"));
        m_birthDay = nationalCode(QStringLiteral("004512368"));
        addRegistry(m_zwnj, QStringLiteral("نیک‌پور"), QDate(1986, 7, 3));
        addRegistry(m_birthDay, QStringLiteral("رضایی"), QDate(1986, 7, 4));
        auto a = submitRegistration(
            *m_ctx,
            registration(m_zwnj, QStringLiteral("09121110001"), QStringLiteral("نیکپور"), QStringLiteral("1365/04/12")),
            kT0);
        QVERIFY2(a.ok(), qPrintable(a.failure.message()));
        auto b = submitRegistration(*m_ctx,
                                    registration(m_birthDay, QStringLiteral("09121110002"), QStringLiteral("رضایی"),
                                                 QStringLiteral("1365/04/12")),
                                    kT0);
        QVERIFY2(b.ok(), qPrintable(b.failure.message()));
        QVERIFY(verifyPending(*m_ctx, kT0.addSecs(120)).ok());
        QVERIFY(addStaff(*m_ctx, QStringLiteral("root1"), QStringLiteral("admin"), QStringLiteral("Admin1234xBaghEram"),
                         kT0)
                    .ok());
        QVERIFY(addStaff(*m_ctx, QStringLiteral("sara"), QStringLiteral("clerk"),
                         QStringLiteral("Clerk1234xKavirSepid"), kT0)
                    .ok());
    }

    // Opening a person's case is an audited read (who, whom, when), in the service; a view
    // without a clerk or supervisor signed in opens nothing.
    void openingIsAnAuditedRead()
    {
        const auto reads = [&] {
            int n = 0;
            for (const auto &a : db::auditOf(*m_db, m_zwnj))
                n += a.action == QLatin1String("applicant.read") && a.actor == QLatin1String("sara");
            return n;
        };
        const int before = reads();
        ui::ApplicantView view(*m_ctx);
        view.setSession(m_clerk);
        QCOMPARE(view.showApplicant(m_zwnj), QString());
        QCOMPARE(reads(), before + 1);
        ui::ApplicantView nobody(*m_ctx);
        QVERIFY(!nobody.showApplicant(m_zwnj).isEmpty());
        ui::ApplicantView admin(*m_ctx);
        admin.setSession(StaffSession{QStringLiteral("root1"), QStringLiteral("admin")});
        QVERIFY(!admin.showApplicant(m_zwnj).isEmpty());
        QCOMPARE(reads(), before + 1);
    }

    void zwnjOnlyIsNotHighlighted()
    {
        ui::ApplicantView view(*m_ctx);
        view.setSession(m_clerk);
        QCOMPARE(view.showApplicant(m_zwnj), QString());
        QCOMPARE(view.highlightedFields(), QStringList());
        QVERIFY(view.requestValue(QStringLiteral("last_name"))->toolTip().isEmpty());
        QCOMPARE(view.requestValue(QStringLiteral("last_name"))->text(), QStringLiteral("نیکپور"));
        QCOMPARE(view.registryValue(QStringLiteral("last_name"))->text(), QStringLiteral("نیک‌پور"));
        QVERIFY(view.currentCase().status != RequestStatus::IdentityMismatch);
    }

    void birthDateIsHighlighted()
    {
        ui::ApplicantView view(*m_ctx);
        view.setSession(m_clerk);
        QCOMPARE(view.showApplicant(m_birthDay), QString());
        QCOMPARE(view.highlightedFields(), QStringList{QStringLiteral("birth_date")});
        QCOMPARE(view.currentCase().status, RequestStatus::IdentityMismatch);
        QLabel *request = view.requestValue(QStringLiteral("birth_date"));
        QLabel *registry = view.registryValue(QStringLiteral("birth_date"));
        QCOMPARE(request->text(), QStringLiteral("1365/04/12"));
        QCOMPARE(registry->text(), QStringLiteral("1365/04/13"));
        QVERIFY(!request->toolTip().isEmpty());
        QVERIFY(!registry->toolTip().isEmpty());
        QVERIFY(view.requestValue(QStringLiteral("first_name"))->toolTip().isEmpty());

        // History: the submission and the verifier's decision, with readable names.
        const QStringList actions = column(view.historyTable(), 2, Qt::UserRole);
        QVERIFY2(actions.contains(QStringLiteral("request.submit")), qPrintable(actions.join(u' ')));
        QVERIFY(actions.contains(QStringLiteral("request.identity_mismatch")));
        QVERIFY(actions.contains(QStringLiteral("sms.queue")));
        const QStringList labels = column(view.historyTable(), 2);
        QVERIFY(labels.contains(ui::ApplicantView::actionLabel(QStringLiteral("request.submit"))));
        QVERIFY(!labels.contains(QStringLiteral("request.submit")));

        // The SMS the verifier queued, word for word.
        const auto sms = db::listSms(*m_db, m_birthDay);
        QCOMPARE(sms.size(), 1);
        QCOMPARE(view.smsTable()->rowCount(), 1);
        QCOMPARE(view.smsTable()->item(0, 2)->text(), sms.first().text);
        QVERIFY(!sms.first().text.isEmpty());
    }

    void persianDigitsAndJalaliDates()
    {
        setLanguage(QStringLiteral("fa"));
        ui::ApplicantView view(*m_ctx);
        view.setSession(m_clerk);
        setLanguage(QString());
        QCOMPARE(view.showApplicant(m_birthDay), QString());
        QCOMPARE(view.requestValue(QStringLiteral("birth_date"))->text(), QStringLiteral("۱۳۶۵/۰۴/۱۲"));
        QCOMPARE(view.requestValue(QStringLiteral("birth_cert_no"))->text(), QStringLiteral("۴۵۲۱"));
        QVERIFY(view.historyTable()->item(0, 0)->text().startsWith(QStringLiteral("۱۴۰۵/۰۸/")));
    }

    void unknownApplicantLeavesTheViewAlone()
    {
        ui::ApplicantView view(*m_ctx);
        view.setSession(m_clerk);
        QVERIFY(!view.showApplicant(nationalCode(QStringLiteral("004512369"))).isEmpty());
        QVERIFY(!view.showApplicant(QStringLiteral("12")).isEmpty());
    }

    void enterOpensEscReturns()
    {
        ui::MainWindow window(*m_ctx);
        window.setSession(m_clerk);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ui::SearchPage *page = window.searchPage();
        QSignalSpy shown(page, &ui::SearchPage::resultsShown);
        typeText(page->searchField(), m_birthDay);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0 && page->resultsView()->model()->rowCount() == 1, kTimeout);
        QTest::keyClick(page->searchField(), Qt::Key_Return);

        ui::ApplicantView *view = window.applicantView();
        QCOMPARE(window.centralWidget(), view);
        QVERIFY(view->isVisible());
        QVERIFY(!page->isVisible());
        QCOMPARE(view->highlightedFields(), QStringList{QStringLiteral("birth_date")});
        QTRY_VERIFY(view->historyTable()->hasFocus());

        QSignalSpy closed(view, &ui::ApplicantView::closed);
        QTest::keyClick(view->historyTable(), Qt::Key_Escape);
        QCOMPARE(closed.count(), 1);
        QCOMPARE(window.centralWidget(), page);
        QTRY_VERIFY(page->searchField()->hasFocus());

        // Again, and back with Alt+Left from the button.
        QVERIFY(window.openApplicant(m_zwnj));
        QCOMPARE(window.centralWidget(), view);
        QCOMPARE(view->highlightedFields(), QStringList());
        view->backButton()->setFocus();
        QTest::keyClick(view->backButton(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(closed.count(), 2);
        QCOMPARE(window.centralWidget(), page);

        // A code nobody registered keeps the search.
        QVERIFY(!window.openApplicant(nationalCode(QStringLiteral("004512369"))));
        QCOMPARE(window.centralWidget(), page);
    }
};

QTEST_MAIN(TestApplicantView)
#include "TestApplicantView.moc"
