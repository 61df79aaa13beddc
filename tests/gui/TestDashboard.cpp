// The supervisor's dashboard on the real main window and a real SQLite file: Ctrl+D opens
// it for a supervisor only (a clerk and an administrator neither see the action nor reach
// the page); the figures come from a worker thread and show in Persian digits; the chart's
// bars are the activations per staff member in the table's order; F5 computes them again;
// Ctrl+E writes the daily report as a valid PDF (Persian, Jalali date, no applicant's
// data); an unwritable path gives a Persian message and leaves nothing behind. Expected
// Jalali dates are computed here with QCalendar, not with the code under test.
#include "ui/DashboardPage.h"
#include "ui/DashboardReport.h"
#include "ui/MainWindow.h"
#include "ui/SearchPage.h"

#include "tests/support/GuiTestUtil.h"

#include "app/core/Language.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Random.h"
#include "db/MetaRepository.h"
#include "db/RequestRepository.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCalendar>
#include <QChart>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextOption>
#include <QTranslator>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
constexpr int kTimeout = 20000;
const QString kApplicantCode = u"0045123674"_s;
const QString kApplicantName = u"نیک‌پور"_s;

QString persianDigits(QString s)
{
    for (QChar &c : s)
        if (c >= u'0' && c <= u'9')
            c = QChar(0x06F0 + (c.unicode() - u'0'));
    return s;
}

QString jalali(const QDate &d)
{
    const QCalendar::YearMonthDay p = QCalendar(QCalendar::System::Jalali).partsFromDate(d);
    return u"%1/%2/%3"_s.arg(p.year, 4, 10, QChar(u'0'))
        .arg(p.month, 2, 10, QChar(u'0'))
        .arg(p.day, 2, 10, QChar(u'0'));
}

bool hasAsciiDigit(const QString &s)
{
    return s.contains(QRegularExpression(u"[0-9]"_s));
}
} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTranslator m_fa;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    // Noon of a local day, so that every entry below falls inside it.
    const QDateTime m_now = QDateTime(QDate::currentDate(), QTime(12, 0)).toUTC();

    void activation(const QString &actor, const QDateTime &at)
    {
        recordAudit(*m_ctx, {actor, u"request.activated"_s, kApplicantCode, {}}, at);
    }

    // The window signed in as `login`, shown and active.
    std::unique_ptr<ui::MainWindow> window(const QString &login, const QString &role)
    {
        auto w = std::make_unique<ui::MainWindow>(*m_ctx);
        w->setSession(StaffSession{login, role});
        w->resize(1200, 760);
        test::showActive(*w);
        return w;
    }

    // Ctrl+D, then waits for the figures.
    ui::DashboardPage *openDashboard(ui::MainWindow &w)
    {
        QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier);
        ui::DashboardPage *page = w.dashboardPage();
        if (!page)
            return nullptr;
        // The first figures are for the real clock; the test's fixed one takes over after them.
        QSignalSpy refreshed(page, &ui::DashboardPage::refreshed);
        if (!refreshed.wait(kTimeout) || !refreshed.first().first().toBool())
            return nullptr;
        page->setClock([this] { return m_now; });
        page->refresh();
        if (!refreshed.wait(kTimeout) || !refreshed.last().first().toBool())
            return nullptr;
        return page;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        setLanguage(u"fa"_s);
        QApplication::installTranslator(&m_fa);
        QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
        QApplication::setLayoutDirection(Qt::RightToLeft);

        db::DbError err;
        m_db = db::Database::open(m_dir.filePath(u"branch.db"_s), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, u"branch_code"_s, u"1203"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1203"_s});
        for (const auto &[login, role] : {std::pair{u"root"_s, u"admin"_s}, std::pair{u"maryam"_s, u"supervisor"_s},
                                          std::pair{u"sara"_s, u"clerk"_s}, std::pair{u"reza"_s, u"clerk"_s}})
            QVERIFY(addStaff(*m_ctx, login, role, u"Staff#Pass1KavirSepid"_s, m_now.addDays(-10)).ok());

        // A waiting applicant (whose name and code must never reach the report) and today's
        // activations: sara 3, reza 1, the verification 2; yesterday's do not count.
        db::RequestRecord r;
        r.id = security::newUuid();
        r.branchCode = u"1203"_s;
        r.nationalCode = kApplicantCode;
        r.mobile = u"09121234567"_s;
        r.firstName = r.firstNameNorm = u"مریم"_s;
        r.lastName = r.lastNameNorm = kApplicantName;
        r.birthCertNo = u"1"_s;
        r.birthDate = QDate(1990, 1, 1);
        r.gender = u"F"_s;
        r.passwordHash = u"x"_s;
        r.questionsJson = u"[]"_s;
        r.status = RequestStatus::IdentityMismatch;
        r.submittedAt = m_now.addSecs(-(2 * 86400 + 3 * 3600));
        r.updatedAt = r.submittedAt;
        db::insertRequest(*m_db, r);
        for (int i = 0; i < 3; ++i)
            activation(u"sara"_s, m_now.addSecs(-600 * (i + 1)));
        activation(u"reza"_s, m_now.addSecs(-120));
        activation(u"verifier"_s, m_now.addSecs(-60));
        activation(u"verifier"_s, m_now.addSecs(-30));
        activation(u"reza"_s, m_now.addDays(-1));
    }

    void cleanupTestCase()
    {
        QApplication::removeTranslator(&m_fa);
        setLanguage(QString());
    }

    void clerkAndAdminDoNotSeeIt_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("role");
        QTest::newRow("clerk") << u"sara"_s << u"clerk"_s;
        QTest::newRow("admin") << u"root"_s << u"admin"_s;
    }

    void clerkAndAdminDoNotSeeIt()
    {
        QFETCH(QString, login);
        QFETCH(QString, role);
        auto w = window(login, role);
        QVERIFY(!w->dashboardAction()->isVisible());
        QTest::keyClick(w.get(), Qt::Key_D, Qt::ControlModifier);
        QVERIFY(!w->dashboardPage());
        w->showDashboard();
        QVERIFY(!w->dashboardPage());
        QCOMPARE(w->centralWidget(), static_cast<QWidget *>(w->searchPage()));
    }

    void figuresInPersianDigits()
    {
        auto w = window(u"maryam"_s, u"supervisor"_s);
        QVERIFY(w->dashboardAction()->isVisible());
        ui::DashboardPage *page = openDashboard(*w);
        QVERIFY(page);
        QCOMPARE(w->centralWidget(), static_cast<QWidget *>(page));
        QVERIFY2(page->message().isEmpty(), qPrintable(page->message()));
        // The day reads ۱۴۰۵/۰۹/۰۴, year first and left to right (a right-to-left date edit
        // reverses its sections, which put the year last).
        const QString shownDay = page->dayEdit()->text();
        QVERIFY2(QRegularExpression(u"^[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}$"_s).match(shownDay).hasMatch(),
                 qPrintable(shownDay));
        QCOMPARE(page->dayEdit()->layoutDirection(), Qt::LeftToRight);

        QCOMPARE(page->figure("staffActivations")->text(), u"۴"_s);
        QCOMPARE(page->figure("automaticActivations")->text(), u"۲"_s);
        QCOMPARE(page->figure("waiting")->text(), u"۱"_s);
        const QString oldest = page->figure("oldestWaiting")->text();
        QVERIFY2(oldest.contains(u"۲"_s) && oldest.contains(u"۳"_s) && oldest.contains(u"تطابق"_s), qPrintable(oldest));
        QCOMPARE(page->figure("queued")->text(), u"۰"_s);
        for (const char *name : {"staffActivations", "automaticActivations", "waiting", "oldestWaiting", "queued",
                                 "oldestQueued", "syncState", "lastSync"})
            QVERIFY2(!hasAsciiDigit(page->figure(name)->text()), name);

        // The table: most first, counts in Persian digits.
        QTableWidget *staff = page->staffTable();
        QCOMPARE(staff->rowCount(), 2);
        QCOMPARE(staff->item(0, 0)->text(), u"sara"_s);
        QCOMPARE(staff->item(0, 1)->text(), u"۳"_s);
        QCOMPARE(staff->item(1, 0)->text(), u"reza"_s);
        QCOMPARE(staff->item(1, 1)->text(), u"۱"_s);
        QTableWidget *statuses = page->statusTable();
        QCOMPARE(statuses->rowCount(), 8); // seven statuses and the total
        for (int row = 0; row < statuses->rowCount(); ++row)
            QVERIFY(!hasAsciiDigit(statuses->item(row, 1)->text()));

        // The chart: one bar per staff member with the table's values, from the bottom up
        // (the most active on top).
        QBarSet *set = page->activationsSet();
        QVERIFY(set);
        QCOMPARE(set->count(), 2);
        QCOMPARE(set->at(0), 1.0);
        QCOMPARE(set->at(1), 3.0);
        const auto axes = page->chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        auto *names = qobject_cast<QBarCategoryAxis *>(axes.first());
        QVERIFY(names);
        QCOMPARE(names->categories(), (QStringList{u"reza"_s, u"sara"_s}));
        QCOMPARE(page->chart()->locale().language(), QLocale::Persian);
        QVERIFY2(page->chart()->title().contains(persianDigits(jalali(m_now.toLocalTime().date()))),
                 qPrintable(page->chart()->title()));

        // Esc goes back to the search.
        QTest::keyClick(page, Qt::Key_Escape);
        QCOMPARE(w->centralWidget(), static_cast<QWidget *>(w->searchPage()));
    }

    void f5ComputesAgain()
    {
        auto w = window(u"maryam"_s, u"supervisor"_s);
        ui::DashboardPage *page = openDashboard(*w);
        QVERIFY(page);
        QCOMPARE(page->figure("staffActivations")->text(), u"۴"_s);
        activation(u"reza"_s, m_now.addSecs(-10));
        QSignalSpy refreshed(page, &ui::DashboardPage::refreshed);
        QTest::keyClick(page, Qt::Key_F5);
        QVERIFY(page->isBusy()); // on the worker: the window answers meanwhile
        QVERIFY(refreshed.wait(kTimeout));
        QCOMPARE(page->figure("staffActivations")->text(), u"۵"_s);
        QCOMPARE(page->activationsSet()->at(0), 2.0); // reza's bar
        QCOMPARE(page->staffTable()->item(1, 1)->text(), u"۲"_s);
    }

    void exportsAPersianPdf()
    {
        auto w = window(u"maryam"_s, u"supervisor"_s);
        ui::DashboardPage *page = openDashboard(*w);
        QVERIFY(page);
        const QString path = m_dir.filePath(u"report.pdf"_s);
        page->setNextPdfPath(path);
        QSignalSpy saved(page, &ui::DashboardPage::pdfSaved);
        QTest::keyClick(page, Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(saved.count(), 1);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pdf = f.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY2(pdf.size() > 2048, QByteArray::number(pdf.size()));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        // The branch's figures are the staff member's own file (0600, whatever the umask).
        QCOMPARE(int(QFileInfo(path).permissions() & 0x0777), int(QFileDevice::ReadUser | QFileDevice::WriteUser));
        QVERIFY2(page->message().contains(u"گزارش"_s), qPrintable(page->message()));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(u".part"_s), QStringList());
        if (const QString keep = qEnvironmentVariable("BRANCHDESK_KEEP_PDF"); !keep.isEmpty())
            QFile::copy(path, QDir(keep).filePath(u"daily-report.pdf"_s));

        // What the PDF says: the branch, the Jalali date, the figures, the staff; right to
        // left; nothing about the applicant.
        const auto doc = ui::dashboardReportDocument(page->snapshot());
        const QString text = doc->toPlainText();
        QVERIFY(text.contains(u"۱۲۰۳"_s));
        QVERIFY2(text.contains(persianDigits(jalali(m_now.toLocalTime().date()))), qPrintable(text));
        QVERIFY(text.contains(u"sara"_s) && text.contains(u"reza"_s));
        QVERIFY(text.contains(u"سازمان تأمین اجتماعی"_s));
        QCOMPARE(doc->defaultTextOption().textDirection(), Qt::RightToLeft);
        QVERIFY(!text.contains(kApplicantCode) && !text.contains(persianDigits(kApplicantCode)));
        QVERIFY(!text.contains(kApplicantName) && !text.contains(u"مریم"_s));
        QVERIFY2(!hasAsciiDigit(text), qPrintable(text));
    }

    void unwritablePathLeavesNothing()
    {
        auto w = window(u"maryam"_s, u"supervisor"_s);
        ui::DashboardPage *page = openDashboard(*w);
        QVERIFY(page);
        QSignalSpy saved(page, &ui::DashboardPage::pdfSaved);
        // A folder that does not exist (the tests may run as root, so permissions prove nothing).
        const QString missing = m_dir.filePath(u"no-such-folder/report.pdf"_s);
        page->setNextPdfPath(missing);
        QVERIFY(!page->exportReport());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"no-such-folder"_s)));
        QVERIFY2(page->message().contains(u"گزارش"_s) && page->message().contains(u"no-such-folder"_s),
                 qPrintable(page->message()));
        // A folder in the way stays as it was.
        const QString folder = m_dir.filePath(u"a-folder.pdf"_s);
        QVERIFY(QDir().mkpath(folder));
        page->setNextPdfPath(folder);
        QVERIFY(!page->exportReport());
        QVERIFY(QFileInfo(folder).isDir());
        QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(u".part"_s), QStringList());
    }
};

QTEST_MAIN(TestDashboard)
#include "TestDashboard.moc"
