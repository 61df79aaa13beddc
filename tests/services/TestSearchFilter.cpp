// The applicant search's status filter on a real demo database: by national code, mobile
// and name, the condition is in the query (the limit counts matching rows), only the
// person's current request counts, and no filter means every status but superseded.
#include "app/lifecycle/Counter.h"
#include "db/DemoData.h"
#include "db/SearchRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;

class TestSearchFilter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;

    QStringList strings(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        QStringList out;
        if (q.exec(sql))
            while (q.next())
                out << q.value(0).toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        db::DbError err;
        m_db =
            db::Database::open(m_dir.filePath(QStringLiteral("f.db")), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(m_db);
        db::DemoOptions opt;
        opt.persons = 2000;
        opt.seed = 3;
        opt.branchCode = QStringLiteral("1001");
        opt.now = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
        db::generateDemoData(*m_db, opt);
        m_ctx = std::make_unique<Context>(Context{*m_db, QStringLiteral("1001")});
    }

    void byNationalCode_data()
    {
        QTest::addColumn<QString>("status");
        for (const char *s : {"submitted", "branch_activation_required", "identity_mismatch", "activated"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void byNationalCode()
    {
        QFETCH(QString, status);
        const QString code = strings(QStringLiteral("SELECT national_code FROM requests WHERE status = '%1' AND "
                                                    "national_code IN (SELECT national_code FROM requests GROUP BY "
                                                    "national_code HAVING count(*) = 1) LIMIT 1")
                                         .arg(status))
                                 .value(0);
        QVERIFY(!code.isEmpty());
        auto same = searchApplicants(*m_ctx, code, status);
        QVERIFY(same.ok());
        QCOMPARE(same.value->size(), 1);
        QCOMPARE(statusName(same.value->first().status), status);
        const QString other =
            status == QLatin1String("activated") ? QStringLiteral("submitted") : QStringLiteral("activated");
        auto none = searchApplicants(*m_ctx, code, other);
        QVERIFY(none.ok());
        QVERIFY(none.value->isEmpty());
        QCOMPARE(searchApplicants(*m_ctx, code).value->size(), 1);
    }

    // A person with a superseded request and a newer one: the filter sees only the newer.
    void supersededRequestDoesNotMatch()
    {
        const QString code = strings(QStringLiteral("SELECT national_code FROM requests WHERE status = 'superseded' "
                                                    "LIMIT 1"))
                                 .value(0);
        QVERIFY(!code.isEmpty());
        QVERIFY(searchApplicants(*m_ctx, code, QStringLiteral("superseded")).value->isEmpty());
        const auto current = searchApplicants(*m_ctx, code);
        QCOMPARE(current.value->size(), 1);
        QCOMPARE(searchApplicants(*m_ctx, code, statusName(current.value->first().status)).value->size(), 1);
    }

    void byMobile()
    {
        const QStringList row = strings(QStringLiteral("SELECT mobile || '|' || status FROM requests r WHERE status "
                                                       "= 'identity_mismatch' AND (SELECT count(*) FROM requests m "
                                                       "WHERE m.mobile = r.mobile) = 1 LIMIT 1"))
                                    .value(0)
                                    .split(QLatin1Char('|'));
        QCOMPARE(row.size(), 2);
        const QString international = QStringLiteral("+98") + row.at(0).mid(1);
        auto hit = searchApplicants(*m_ctx, international, QStringLiteral("identity_mismatch"));
        QVERIFY(hit.ok());
        QCOMPARE(hit.value->size(), 1);
        QCOMPARE(hit.value->first().mobile, row.at(0));
        QVERIFY(searchApplicants(*m_ctx, international, QStringLiteral("activated")).value->isEmpty());
    }

    // The limit counts matching rows: a filtered search for a common name fills its limit
    // with that status even when the first rows of the unfiltered search have others.
    void byNameLimitCountsMatchingRows()
    {
        const QString name = strings(QStringLiteral("SELECT last_name FROM requests GROUP BY last_name ORDER BY "
                                                    "count(*) DESC LIMIT 1"))
                                 .value(0);
        QVERIFY(!name.isEmpty());
        const auto all = searchApplicants(*m_ctx, name, {}, 1000);
        QVERIFY(all.ok());
        QMap<QString, int> byStatus;
        for (const auto &r : *all.value) {
            QVERIFY(r.status != RequestStatus::Superseded);
            ++byStatus[statusName(r.status)];
        }
        QVERIFY(byStatus.size() > 1);
        for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it) {
            const auto filtered = searchApplicants(*m_ctx, name, it.key(), 1000);
            QVERIFY(filtered.ok());
            QCOMPARE(filtered.value->size(), it.value());
            for (const auto &r : *filtered.value)
                QCOMPARE(statusName(r.status), it.key());
            const int limit = qMax(1, it.value() / 2);
            QCOMPARE(searchApplicants(*m_ctx, name, it.key(), limit).value->size(), limit);
        }
        // The repository's filtered statement matches the unfiltered one's rows of that status.
        const QString first = byStatus.firstKey();
        QCOMPARE(db::applicantsByName(*m_db, name, first, 1000).size(), byStatus.value(first));
    }
};

QTEST_GUILESS_MAIN(TestSearchFilter)
#include "TestSearchFilter.moc"
