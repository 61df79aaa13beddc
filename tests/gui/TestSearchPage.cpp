// The lookup screen with real widgets on a real demo database: search by national code
// (Persian digits), by mobile (+98 form), by a name typed with Arabic letters, by a receipt's
// tracking code as people type it (two people sharing a code both listed); names stored with
// Arabic letters listed in Persian letters; the status filter; stale results of superseded queries are never shown;
// Enter opens the applicant.
#include "ui/ApplicantSearchModel.h"
#include "ui/DeskTranslations.h"
#include "ui/MainWindow.h"
#include "ui/SearchPage.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/core/RequestStatus.h"
#include "app/core/TrackingCode.h"
#include "app/lifecycle/Staff.h"
#include "db/DemoData.h"
#include "db/MetaRepository.h"

#include "tests/support/GuiTestUtil.h"

#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;
using branch::test::nationalCode;
using branch::test::typeText;

namespace
{
constexpr int kTimeout = 10000; // ms; a search on 2000 persons takes a few

struct Person {
    QString code, firstName, lastName, mobile;
};

QString arabicKeyboard(QString s)
{
    s.replace(QChar(0x06CC), QChar(0x064A)); // ی → ي
    s.replace(QChar(0x06A9), QChar(0x0643)); // ک → ك
    return s;
}

QStringList codesOf(const ui::ApplicantSearchModel *m)
{
    QStringList out;
    for (int i = 0; i < m->rowCount(); ++i)
        out << m->nationalCodeAt(i);
    return out;
}
} // namespace

class TestSearchPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<ui::SearchPage> m_page;
    Person m_person;          // activated, unique mobile
    Person m_named;           // first name with ی or ک
    QString m_commonLastName; // many people, several statuses

    // Replaces the field's text by typing `text` and waits for its results.
    bool typeAndWait(const QString &text)
    {
        QSignalSpy shown(m_page.get(), &ui::SearchPage::resultsShown);
        m_page->searchField()->clear();
        typeText(m_page->searchField(), text);
        return shown.wait(kTimeout) || shown.count() > 0;
    }

    Person one(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        if (!q.exec(sql) || !q.next())
            return {};
        return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("branch.db"));
        db::DbError err;
        m_db = db::Database::open(m_path, db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, QStringLiteral("branch_code"), QStringLiteral("1001"));
        db::DemoOptions opt;
        opt.persons = 2000;
        opt.seed = 7;
        opt.branchCode = QStringLiteral("1001");
        opt.now = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
        db::generateDemoData(*m_db, opt);

        const QString current =
            QStringLiteral("r.status <> 'superseded' AND NOT EXISTS (SELECT 1 FROM requests n WHERE n.national_code = "
                           "r.national_code AND n.rid <> r.rid AND n.status <> 'superseded')");
        m_person = one(QStringLiteral("SELECT national_code, first_name, last_name, mobile FROM requests r WHERE "
                                      "status = 'activated' AND %1 AND (SELECT count(*) FROM requests m WHERE "
                                      "m.mobile = r.mobile) = 1 ORDER BY rid LIMIT 1")
                           .arg(current));
        QVERIFY(!m_person.code.isEmpty());
        m_named = one(
            QStringLiteral("SELECT national_code, first_name, last_name, mobile FROM requests r WHERE %1 "
                           "AND (first_name LIKE '%%2%' OR first_name LIKE '%%3%') AND first_name <> '%4' AND "
                           "last_name <> '%5' ORDER BY rid LIMIT 1")
                .arg(current, QString(QChar(0x06CC)), QString(QChar(0x06A9)), m_person.firstName, m_person.lastName));
        QVERIFY(!m_named.code.isEmpty());
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT last_name FROM requests r WHERE %1 GROUP BY last_name HAVING "
                                      "count(DISTINCT status) >= 3 ORDER BY count(*) DESC LIMIT 1")
                           .arg(current)));
        QVERIFY(q.next());
        m_commonLastName = q.value(0).toString();
    }

    void init()
    {
        setLanguage(QStringLiteral("en"));
        m_page = std::make_unique<ui::SearchPage>(m_path, QStringLiteral("1001"));
        m_page->show();
    }

    void cleanup() { m_page.reset(); }

    void nationalCodeInPersianDigits()
    {
        QVERIFY(typeAndWait(toPersianDigits(m_person.code)));
        QCOMPARE(codesOf(m_page->model()), QStringList{m_person.code});
        const QModelIndex name = m_page->model()->index(0, ui::ApplicantSearchModel::LastName);
        QCOMPARE(name.data().toString(), m_person.lastName);
        QCOMPARE(m_page->model()->index(0, ui::ApplicantSearchModel::Status).data().toString(),
                 statusLabel(RequestStatus::Activated));
    }

    void persianDigitsShownInPersian()
    {
        setLanguage(QStringLiteral("fa"));
        QVERIFY(typeAndWait(m_person.code));
        QCOMPARE(m_page->model()->rowCount(), 1);
        QCOMPARE(m_page->model()->index(0, ui::ApplicantSearchModel::NationalCode).data().toString(),
                 toPersianDigits(m_person.code));
        QCOMPARE(m_page->model()->index(0, ui::ApplicantSearchModel::Mobile).data().toString(),
                 toPersianDigits(m_person.mobile));
        // ...while the code handed on stays ASCII.
        QCOMPARE(m_page->model()->nationalCodeAt(0), m_person.code);
    }

    void mobileInInternationalForm()
    {
        QVERIFY(m_person.mobile.startsWith(QLatin1Char('0')));
        const QString typed =
            QStringLiteral("+98 ") + m_person.mobile.mid(1, 3) + QLatin1Char(' ') + m_person.mobile.mid(4);
        QVERIFY(typeAndWait(typed));
        QCOMPARE(codesOf(m_page->model()), QStringList{m_person.code});
    }

    // The code of the person's receipt: lower case, Persian digits, no hyphen, as a clerk
    // types what is read out; a second person whose request shares the code is listed too.
    void trackingCodeAsPeopleTypeIt()
    {
        QVERIFY(m_page->searchField()->placeholderText().contains(u"tracking code"_s));
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(
            u"SELECT id FROM requests WHERE national_code = '%1' AND status = 'activated'"_s.arg(m_person.code)));
        QVERIFY(q.next());
        const QString requestId = q.value(0).toString();
        q.finish();
        const QString code = trackingCode(requestId);
        QCOMPARE(code.size(), 9);
        for (const QString &typed : {code, toPersianDigits(code.toLower()).remove(u'-')}) {
            QVERIFY(typeAndWait(typed));
            QCOMPARE(codesOf(m_page->model()), QStringList{m_person.code});
        }
        const Person other =
            one(u"SELECT national_code, first_name, last_name, mobile FROM requests WHERE "
                "national_code NOT IN ('%1', '%2') AND status = 'submitted' ORDER BY rid DESC LIMIT 1"_s.arg(
                    m_person.code, m_named.code));
        QVERIFY(!other.code.isEmpty());
        QVERIFY(q.exec(u"UPDATE requests SET id = substr(id, 1, 27) || '%1' WHERE national_code = '%2' AND status = "
                       "'submitted'"_s.arg(requestId.right(9), other.code)));
        QVERIFY(typeAndWait(code));
        QStringList both{m_person.code, other.code};
        QStringList found = codesOf(m_page->model());
        both.sort();
        found.sort();
        QCOMPARE(found, both);
        // A mistyped code (one character changed) finds neither.
        QString typo = QString(code).remove(u'-');
        typo[0] = typo[0] == u'Z' ? u'Y' : u'Z';
        QVERIFY(typeAndWait(typo));
        QVERIFY(!codesOf(m_page->model()).contains(m_person.code));
    }

    // A name stored as typed on an Arabic keyboard is listed in Persian letters.
    void storedArabicLettersListedPersian()
    {
        const QString stored = arabicKeyboard(m_named.firstName);
        QVERIFY(stored != m_named.firstName);
        QSqlQuery q(m_db->connection());
        QVERIFY(
            q.exec(u"UPDATE requests SET first_name = '%1' WHERE national_code = '%2'"_s.arg(stored, m_named.code)));
        QVERIFY(typeAndWait(m_named.code));
        QCOMPARE(codesOf(m_page->model()), QStringList{m_named.code});
        const QString shown = m_page->model()->index(0, ui::ApplicantSearchModel::FirstName).data().toString();
        QCOMPARE(shown, m_named.firstName);
        QVERIFY(!shown.contains(QChar(0x064A)) && !shown.contains(QChar(0x0643)));
        QVERIFY(q.exec(u"UPDATE requests SET first_name = '%1' WHERE national_code = '%2'"_s.arg(m_named.firstName,
                                                                                                 m_named.code)));
    }

    void nameWithArabicLetters()
    {
        const QString typed = arabicKeyboard(m_named.firstName + QLatin1Char(' ') + m_named.lastName);
        QVERIFY(typed != m_named.firstName + QLatin1Char(' ') + m_named.lastName);
        QVERIFY(typeAndWait(typed));
        QVERIFY2(codesOf(m_page->model()).contains(m_named.code), qPrintable(typed));
        QVERIFY(!m_page->countLabel()->text().isEmpty());
    }

    // The count in words with its plural (the English catalogue's %n forms): "1 result",
    // "N results", never "result(s)".
    void countHasItsPlural()
    {
        ui::DeskTranslations english;
        QVERIFY(english.install(u"en"_s));
        QVERIFY(typeAndWait(m_person.code));
        QCOMPARE(m_page->countLabel()->text(), u"1 result"_s);
        QVERIFY(typeAndWait(m_commonLastName));
        const int rows = m_page->model()->rowCount();
        QVERIFY(rows > 1);
        QCOMPARE(m_page->countLabel()->text(), u"%1 results"_s.arg(rows));
    }

    void statusFilterNarrows()
    {
        QVERIFY(typeAndWait(m_commonLastName));
        const int all = m_page->model()->rowCount();
        QVERIFY(all > 1);
        QSet<QString> statuses;
        for (int i = 0; i < all; ++i)
            statuses << m_page->model()->index(i, ui::ApplicantSearchModel::Status).data().toString();
        QVERIFY(statuses.size() > 1);

        const int active = m_page->statusFilter()->findData(statusName(RequestStatus::Activated));
        QVERIFY(active > 0);
        QSignalSpy shown(m_page.get(), &ui::SearchPage::resultsShown);
        m_page->statusFilter()->setCurrentIndex(active);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0, kTimeout);
        const int filtered = m_page->model()->rowCount();
        QVERIFY(filtered > 0);
        QVERIFY(filtered < all);
        for (int i = 0; i < filtered; ++i)
            QCOMPARE(m_page->model()->index(i, ui::ApplicantSearchModel::Status).data().toString(),
                     statusLabel(RequestStatus::Activated));

        // A national code whose status is not the filtered one is not shown.
        const int mismatch = m_page->statusFilter()->findData(statusName(RequestStatus::IdentityMismatch));
        m_page->statusFilter()->setCurrentIndex(mismatch);
        QVERIFY(typeAndWait(m_person.code));
        QCOMPARE(m_page->model()->rowCount(), 0);
    }

    void typingQuicklyShowsOnlyTheLastQuery()
    {
        // Typed faster than the debounce: one query, for the final text.
        QSignalSpy shown(m_page.get(), &ui::SearchPage::resultsShown);
        typeText(m_page->searchField(), QStringLiteral("abc"));
        m_page->searchField()->clear();
        typeText(m_page->searchField(), m_person.code);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeout);
        QCOMPARE(codesOf(m_page->model()), QStringList{m_person.code});

        // Queries already sent: the older ones are superseded, only the newest is shown.
        shown.clear();
        for (const QString &t : {m_commonLastName, QStringLiteral("abc"), m_named.firstName, m_person.mobile}) {
            m_page->searchField()->setText(t);
            m_page->searchNow();
        }
        m_page->searchField()->setText(m_named.firstName + QLatin1Char(' ') + m_named.lastName);
        m_page->searchNow();
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeout);
        // The worker answers in order, so every older answer has arrived by now: all dropped.
        QCoreApplication::processEvents();
        QCOMPARE(shown.count(), 1);
        QVERIFY(codesOf(m_page->model()).contains(m_named.code));
        QVERIFY(!codesOf(m_page->model()).contains(m_person.code));
    }

    void enterOpensTheApplicant()
    {
        QSignalSpy opened(m_page.get(), &ui::SearchPage::applicantActivated);
        // Enter right after typing, before the debounce ran: opens when the results come.
        m_page->searchField()->clear();
        typeText(m_page->searchField(), toPersianDigits(m_person.code));
        QTest::keyClick(m_page->searchField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, kTimeout);
        QCOMPARE(opened.at(0).at(0).toString(), m_person.code);

        // Enter on a row of the results.
        QVERIFY(typeAndWait(m_commonLastName));
        QVERIFY(m_page->model()->rowCount() > 1);
        opened.clear();
        QTest::keyClick(m_page->searchField(), Qt::Key_Down); // into the results
        QVERIFY(m_page->resultsView()->hasFocus() || !QGuiApplication::focusWindow());
        QTest::keyClick(m_page->resultsView(), Qt::Key_Down);
        QTest::keyClick(m_page->resultsView(), Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), m_page->model()->nationalCodeAt(1));
    }

    void ctrlFFocusesTheField()
    {
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        m_page->statusFilter()->setFocus();
        QVERIFY(!m_page->searchField()->hasFocus());
        QTest::keyClick(m_page->statusFilter(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->searchField()->hasFocus(), kTimeout);
    }

    void mainWindowShowsTheSearch()
    {
        m_page.reset();
        Context ctx{*m_db, QStringLiteral("1001")};
        // Opening a person's case is a counter read (audited): a clerk signs in.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(
            addStaff(ctx, QStringLiteral("root1"), QStringLiteral("admin"), QStringLiteral("Admin1234xBaghEram"), now)
                .ok());
        QVERIFY(addStaff(ctx, QStringLiteral("sara"), QStringLiteral("clerk"), QStringLiteral("Clerk1234xKavirSepid"),
                         now, QStringLiteral("root1"))
                    .ok());
        ui::MainWindow window(ctx);
        window.setSession(StaffSession{QStringLiteral("sara"), QStringLiteral("clerk")});
        window.show();
        auto *page = window.searchPage();
        QVERIFY(page);
        QCOMPARE(window.centralWidget(), page);
        QSignalSpy shown(page, &ui::SearchPage::resultsShown);
        QSignalSpy opened(&window, &ui::MainWindow::applicantActivated);
        typeText(page->searchField(), m_person.code);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0 && page->model()->rowCount() == 1, kTimeout);
        QTest::keyClick(page->searchField(), Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QVERIFY(window.statusBar()->currentMessage().contains(m_person.code));
    }
};

QTEST_MAIN(TestSearchPage)
#include "TestSearchPage.moc"
