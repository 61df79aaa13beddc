// The applicant search by tracking code on a real SQLite file: the branch database's
// tracking_key (db/local/009_tracking_key.sql, computed by SQLite) equals the core's
// trackingKeyOfRequestId for every request of a demo database; a code finds its person
// however it is typed (Persian digits, lower case, with or without the hyphen, spaces); a
// mistyped code finds nobody; two people whose requests share a key are both found; a code
// of an older request finds the person as they are now; the status filter applies.
#include "app/core/PersianText.h"
#include "app/core/TrackingCode.h"
#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/security/Crypto.h"
#include "db/DemoData.h"
#include "db/RequestRepository.h"

#include "tests/support/CounterFixture.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QString kKarimi = u"0499370899"_s;
const QString kOther = u"0012345679"_s;

QString persianDigits(QString s)
{
    for (QChar &c : s)
        if (c >= u'0' && c <= u'9')
            c = QChar(0x06F0 + (c.unicode() - u'0'));
    return s;
}

QStringList codesOf(const QList<ApplicantRow> &rows)
{
    QStringList out;
    for (const ApplicantRow &r : rows)
        out << r.nationalCode;
    out.sort();
    return out;
}
} // namespace

Q_DECLARE_METATYPE(std::function<QString(QString)>)

class TestTrackingSearch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    QString m_karimiRequest, m_otherRequest;
    int m_n = 0;

    QList<QPair<QString, QVariant>> idsAndKeys()
    {
        QSqlQuery q(m_db->connection());
        QList<QPair<QString, QVariant>> out;
        if (q.exec(u"SELECT id, tracking_key FROM requests"_s))
            while (q.next())
                out.append({q.value(0).toString(), q.value(1)});
        return out;
    }

    bool exec(const QString &sql, const QVariantList &binds)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec();
    }

    QList<ApplicantRow> search(const QString &text, const QString &status = {})
    {
        const auto out = searchApplicants(*m_ctx, text, status);
        return out.ok() ? *out.value : QList<ApplicantRow>{};
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(security::init(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    // A demo branch of 300 persons, and two registrations through the service: one typed on
    // an Arabic keyboard (كريمي), one other person.
    void init()
    {
        db::DbError err;
        m_ctx.reset();
        m_db =
            db::Database::open(m_dir.filePath(u"t%1.db"_s.arg(++m_n)), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::DemoOptions opt;
        opt.persons = 300;
        opt.seed = 5;
        opt.branchCode = u"1001"_s;
        opt.now = kT0;
        db::generateDemoData(*m_db, opt);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        auto a =
            submitRegistration(*m_ctx, test::sampleRegistration(kKarimi, u"09121234567"_s, u"علي"_s, u"كريمي"_s), kT0);
        QVERIFY2(a.ok(), qPrintable(a.failure.message()));
        m_karimiRequest = *a.value;
        auto b = submitRegistration(*m_ctx, test::sampleRegistration(kOther, u"09351234567"_s), kT0);
        QVERIFY2(b.ok(), qPrintable(b.failure.message()));
        m_otherRequest = *b.value;
    }

    // The index SQLite keeps is the core's rule, for every id the demo data and the services made.
    void storedKeyIsTheCoreKey()
    {
        const auto rows = idsAndKeys();
        QVERIFY(rows.size() > 300);
        for (const auto &[id, key] : rows) {
            const auto core = trackingKeyOfRequestId(id);
            QVERIFY2(core, qPrintable(id));
            QCOMPARE(key.toLongLong(), qint64(*core));
        }
        // An upper-case id gives the same key; a text that is no UUID gives none.
        const QString upper = m_otherRequest.toUpper();
        QVERIFY(exec(u"UPDATE requests SET id = ? WHERE id = ?"_s, {upper, m_otherRequest}));
        QVERIFY(exec(u"UPDATE requests SET id = ? WHERE id = ?"_s, {u"not-a-uuid"_s, m_karimiRequest}));
        for (const auto &[id, key] : idsAndKeys()) {
            if (id == upper)
                QCOMPARE(key.toLongLong(), qint64(*trackingKeyOfRequestId(m_otherRequest)));
            if (id == u"not-a-uuid"_s)
                QVERIFY(key.isNull());
        }
    }

    void classified()
    {
        const QString code = trackingCode(m_karimiRequest);
        QString normalized;
        QCOMPARE(classifySearch(code.toLower().remove(u'-'), &normalized), SearchKind::TrackingCode);
        QCOMPARE(normalized, code);
        // National codes and mobiles stay what they were.
        QCOMPARE(classifySearch(kKarimi), SearchKind::NationalCode);
        QCOMPARE(classifySearch(u"09121234567"_s), SearchKind::Mobile);
    }

    // How people type the code of their receipt (the code itself is the fresh database's: a
    // _data function runs before init()).
    void typedForms_data()
    {
        QTest::addColumn<std::function<QString(QString)>>("typing");
        using F = std::function<QString(QString)>;
        QTest::newRow("as printed") << F([](QString c) { return c; });
        QTest::newRow("lower case") << F([](QString c) { return c.toLower(); });
        QTest::newRow("no hyphen") << F([](QString c) { return c.remove(u'-'); });
        QTest::newRow("Persian digits") << F([](QString c) { return persianDigits(c); });
        QTest::newRow("Persian digits, lower case, no hyphen")
            << F([](QString c) { return persianDigits(c.toLower()).remove(u'-'); });
        QTest::newRow("spaces around and inside")
            << F([](QString c) { return u"  "_s + c.left(2) + u" "_s + c.mid(2) + u" "_s; });
    }

    void typedForms()
    {
        QFETCH(std::function<QString(QString)>, typing);
        const QString typed = typing(trackingCode(m_karimiRequest));
        QVERIFY(typed != trackingCode(m_otherRequest));
        const auto rows = search(typed);
        QCOMPARE(codesOf(rows), QStringList{kKarimi});
        // The row as stored (the view shows it in Persian letter forms).
        QCOMPARE(rows.first().lastName, u"كريمي"_s);
        QCOMPARE(persianLetterForms(rows.first().lastName), u"کریمی"_s);
    }

    void typoFindsNobody()
    {
        const QString code = QString(trackingCode(m_karimiRequest)).remove(u'-');
        QString typo = code;
        typo[2] = typo[2] == u'7' ? u'8' : u'7';
        QVERIFY(!parseTrackingCode(typo));
        QVERIFY(!codesOf(search(typo)).contains(kKarimi));
    }

    // Two requests whose ids end in the same nine hex digits have the same code: both shown.
    void sharedCodeShowsBoth()
    {
        const QString clash = m_otherRequest.left(27) + m_karimiRequest.right(9);
        QVERIFY(exec(u"UPDATE requests SET id = ? WHERE id = ?"_s, {clash, m_otherRequest}));
        QCOMPARE(trackingCode(clash), trackingCode(m_karimiRequest));
        QCOMPARE(codesOf(search(trackingCode(m_karimiRequest))), (QStringList{kOther, kKarimi}));
        // The status filter applies to each.
        QVERIFY(exec(u"UPDATE requests SET status = 'identity_mismatch' WHERE id = ?"_s, {clash}));
        QCOMPARE(codesOf(search(trackingCode(m_karimiRequest), u"identity_mismatch"_s)), QStringList{kOther});
        QCOMPARE(codesOf(search(trackingCode(m_karimiRequest), u"submitted"_s)), QStringList{kKarimi});
    }

    // The receipt of a first registration still finds the person after they registered again.
    void olderRequestFindsThePersonNow()
    {
        QVERIFY(exec(u"UPDATE requests SET status = 'identity_mismatch' WHERE id = ?"_s, {m_karimiRequest}));
        auto again = submitRegistration(
            *m_ctx, test::sampleRegistration(kKarimi, u"09121234567"_s, u"علی"_s, u"کریمی"_s), kT0.addDays(1));
        QVERIFY2(again.ok(), qPrintable(again.failure.message()));
        QVERIFY(trackingCode(*again.value) != trackingCode(m_karimiRequest));
        for (const QString &code : {trackingCode(m_karimiRequest), trackingCode(*again.value)}) {
            const auto rows = search(code);
            QCOMPARE(codesOf(rows), QStringList{kKarimi});
            QCOMPARE(rows.first().lastName, u"کریمی"_s); // the current request's
        }
    }
};

QTEST_MAIN(TestTrackingSearch)
#include "TestTrackingSearch.moc"
