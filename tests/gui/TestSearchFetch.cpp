// The desk's lookup and a person held at another branch (issue 13, item 2), with real
// widgets, two real branch databases and a real SQLite central file: a person registered
// and synced at branch 1002 is not at 1001; at 1001 the complete national code finds nobody
// and the page offers the central look-up; Enter runs it on a worker (the busy bar shows
// while it runs), and the person is shown and opened. Offline, the page says in Persian
// that the person is not held here and the central database cannot be reached, and
// nothing changes here. Partial digits and a page without a central URL never ask.
#include "ui/DeskTranslations.h"
#include "ui/SearchPage.h"
#include "ui/TextColors.h"

#include "tests/support/CounterFixture.h"
#include "tests/support/GuiTestUtil.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/SyncEngine.h"
#include "db/MetaRepository.h"
#include "ui/ApplicantSearchModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;
using branch::test::typeText;

namespace
{
constexpr int kTimeout = 20000;
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QString kClerkPw = u"Clerk1234xKavirSepid"_s;

int count(db::Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}
} // namespace

class TestSearchFetch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_here, m_there; // branches 1001 and 1002
    QString m_hereDb, m_central, m_offline;
    QString m_code, m_mobile; // 1002's person
    std::unique_ptr<ui::SearchPage> m_page;
    ui::DeskTranslations m_translations;

    int centralFetches()
    {
        db::DbError error;
        db::CentralUrl::Problem problem;
        auto central = db::CentralDatabase::open(db::CentralUrl::parse(m_central, &problem),
                                                 db::CentralDatabase::OpenMode::Existing, &error);
        if (!central)
            return -1;
        QSqlQuery q(central->connection());
        return q.exec(u"SELECT count(*) FROM person_fetches WHERE national_code = '%1' AND branch_code = '1001' AND "
                      u"staff_login = 'sara'"_s.arg(m_code)) &&
                       q.next()
                   ? q.value(0).toInt()
                   : -1;
    }
    int heldHere() { return count(*m_here, u"SELECT count(*) FROM requests WHERE national_code = '%1'"_s.arg(m_code)); }

    // Types `text` into a cleared field and waits for its local results.
    bool typeAndWait(const QString &text)
    {
        QSignalSpy shown(m_page.get(), &ui::SearchPage::resultsShown);
        m_page->searchField()->clear();
        typeText(m_page->searchField(), text);
        return shown.wait(kTimeout) || shown.count() > 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_central = u"sqlite://"_s + m_dir.filePath(u"central.db"_s);
        m_offline = u"sqlite://"_s + m_dir.filePath(u"no-such-dir/central.db"_s);
        auto url = parseCentralUrl(m_central);
        QVERIFY(url.ok());
        QVERIFY2(initCentral(*url.value).ok(), "central init");
        for (const QString &b : {u"1001"_s, u"1002"_s})
            QVERIFY(addCentralBranch(*url.value, b, QString()).ok());

        db::DbError err;
        m_hereDb = m_dir.filePath(u"branch-1001.db"_s);
        m_here = db::Database::open(m_hereDb, db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_here, qPrintable(err.detail));
        db::setMetaValue(*m_here, u"branch_code"_s, u"1001"_s);
        m_there =
            db::Database::open(m_dir.filePath(u"branch-1002.db"_s), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_there, qPrintable(err.detail));
        db::setMetaValue(*m_there, u"branch_code"_s, u"1002"_s);

        Context here{*m_here, u"1001"_s}, there{*m_there, u"1002"_s};
        QVERIFY(addStaff(here, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok());
        QVERIFY(addStaff(here, u"sara"_s, u"clerk"_s, kClerkPw, kT0, u"root1"_s).ok());

        m_code = test::nationalCode(u"004512367"_s);
        m_mobile = u"09121110001"_s;
        QVERIFY(submitRegistration(there, test::sampleRegistration(m_code, m_mobile), kT0).ok());
        const auto pushed = syncWithCentral(there, *url.value, kT0.addSecs(60));
        QVERIFY2(pushed.ok(), qPrintable(pushed.failure.message()));
        const auto pulled = syncWithCentral(here, *url.value, kT0.addSecs(60));
        QVERIFY2(pulled.ok(), qPrintable(pulled.failure.message()));
        QCOMPARE(heldHere(), 0);
    }

    void init()
    {
        m_page = std::make_unique<ui::SearchPage>(m_hereDb, u"1001"_s);
        m_page->setSession(StaffSession{u"sara"_s, u"clerk"_s});
        m_page->show();
    }
    void cleanup() { m_page.reset(); }

    // Partial digits never leave the branch; neither does anything without a central URL.
    void partialTextAndNoCentralStayLocal()
    {
        QVERIFY(m_translations.install(u"en"_s));
        setLanguage(u"en"_s);
        m_page->setCentralUrl(m_central);
        for (const QString &partial : {m_code.left(9), m_mobile.left(10), m_code.left(4)}) {
            QVERIFY(typeAndWait(partial));
            QCOMPARE(m_page->model()->rowCount(), 0);
            QVERIFY2(!m_page->fetchButton()->isVisible(), qPrintable(partial));
            QTest::keyClick(m_page->searchField(), Qt::Key_Return);
            QVERIFY(!m_page->isFetching());
        }
        m_page->setCentralUrl(QString());
        QVERIFY(typeAndWait(m_code));
        QCOMPARE(m_page->countLabel()->text(), u"No applicant found."_s);
        QVERIFY(!m_page->fetchButton()->isVisible());
        QTest::keyClick(m_page->searchField(), Qt::Key_Return);
        QVERIFY(!m_page->isFetching());
        QCOMPARE(centralFetches(), 0);
        QCOMPARE(heldHere(), 0);
    }

    // Offline, in Persian: the page says the person is not held here and the central
    // database cannot be reached; nothing changes here; the clerk may try again.
    void offlineSaysSoInPersian()
    {
        QVERIFY(m_translations.install(u"fa"_s));
        setLanguage(u"fa"_s);
        m_page->setCentralUrl(m_offline);
        QVERIFY(typeAndWait(m_code));
        QVERIFY(m_page->fetchButton()->isVisible());
        QSignalSpy finished(m_page.get(), &ui::SearchPage::fetchFinished);
        QTest::keyClick(m_page->searchField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString said = m_page->countLabel()->text();
        QVERIFY2(said.contains(u"در این شعبه"_s) && said.contains(u"پایگاه داده مرکزی"_s), qPrintable(said));
        QVERIFY2(!said.contains(QRegularExpression(u"[A-Za-z]"_s)), qPrintable(said));
        QVERIFY(m_page->countLabel()->isVisible());
        QCOMPARE(m_page->countLabel()->palette().color(QPalette::WindowText), ui::kProblemColor);
        QVERIFY(!m_page->fetchProgress()->isVisible());
        QVERIFY(m_page->fetchButton()->isVisible() && m_page->fetchButton()->isEnabled()); // try again later
        QCOMPARE(m_page->model()->rowCount(), 0);
        QCOMPARE(heldHere(), 0);
        QCOMPARE(centralFetches(), 0);
        // The next search's count is in the ordinary colour again.
        QVERIFY(typeAndWait(m_code.left(4)));
        QVERIFY(m_page->countLabel()->palette().color(QPalette::WindowText) != ui::kProblemColor);
    }

    // Online: Enter asks the central database on the worker (the busy bar shows meanwhile),
    // then the person is here, shown and opened; the central recorded 1001 and the clerk.
    void enterFetchesShowsAndOpens()
    {
        QVERIFY(m_translations.install(u"en"_s));
        setLanguage(u"en"_s);
        m_page->setCentralUrl(m_central);
        QVERIFY(typeAndWait(toPersianDigits(m_code)));
        QCOMPARE(m_page->model()->rowCount(), 0);
        QVERIFY2(m_page->countLabel()->text().contains(u"central database"_s),
                 qPrintable(m_page->countLabel()->text()));
        QVERIFY(m_page->fetchButton()->isVisible());

        QSignalSpy finished(m_page.get(), &ui::SearchPage::fetchFinished);
        QSignalSpy opened(m_page.get(), &ui::SearchPage::applicantActivated);
        QTest::keyClick(m_page->searchField(), Qt::Key_Return);
        // The network call runs on the worker: the page says so at once.
        QVERIFY(m_page->isFetching());
        QVERIFY(m_page->fetchProgress()->isVisible());
        QVERIFY(!m_page->fetchButton()->isEnabled());
        QCOMPARE(m_page->countLabel()->text(), u"Looking for this person at the central database…"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY(!m_page->fetchProgress()->isVisible());
        QVERIFY(!m_page->fetchButton()->isVisible());
        QCOMPARE(m_page->model()->rowCount(), 1);
        QCOMPARE(m_page->model()->nationalCodeAt(0), m_code);
        QCOMPARE(m_page->countLabel()->text(), u"1 result"_s);
        QVERIFY(m_page->countLabel()->palette().color(QPalette::WindowText) != ui::kProblemColor);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(0).toString(), m_code);
        QCOMPARE(heldHere(), 1);
        QCOMPARE(centralFetches(), 1);

        // Held now: the same search is answered here, nothing asked again.
        QVERIFY(typeAndWait(m_code));
        QCOMPARE(m_page->model()->rowCount(), 1);
        QVERIFY(!m_page->fetchButton()->isVisible());
        QCOMPARE(centralFetches(), 1);
    }
};

QTEST_MAIN(TestSearchFetch)
#include "TestSearchFetch.moc"
