// The supervisor's dashboard snapshot on a real SQLite file: requests per status, the
// activations of a day per staff member in Tehran time (entries one second either side of
// midnight, the verification's own activations apart, other actions ignored), the oldest
// waiting case with a fixed clock, the outbox, an empty database, the role check and an
// activation at the counter through the real service. Its JSON is branchctl's
// (tests/cli/TestCliReport).
#include "app/core/PersianText.h"
#include "app/lifecycle/Dashboard.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Random.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
const QTimeZone kTehran("Asia/Tehran");
// 4 Azar 1405 in Tehran (UTC+03:30): from 2026-11-24T20:30Z to 2026-11-25T20:30Z.
const QDate kDay(2026, 11, 25);
const QDateTime kNow(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

QString code(int n)
{
    // Distinct ten-digit codes; the dashboard never checks them.
    return u"%1"_s.arg(4000000000LL + n);
}
} // namespace

class TestDashboardSnapshot : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_n = 0, m_requests = 0;

    // A request stored as it is, with this status and submission time (the services'
    // transitions are tested elsewhere; here only what the dashboard reads matters).
    void addRequest(RequestStatus status, const QDateTime &submitted)
    {
        db::RequestRecord r;
        r.id = security::newUuid();
        r.branchCode = u"1001"_s;
        r.nationalCode = code(++m_requests);
        r.mobile = u"09121234567"_s;
        r.firstName = r.firstNameNorm = u"علی"_s;
        r.lastName = r.lastNameNorm = u"رضایی"_s;
        r.birthCertNo = u"1"_s;
        r.birthDate = QDate(1990, 1, 1);
        r.gender = u"M"_s;
        r.passwordHash = u"x"_s;
        r.questionsJson = u"[]"_s;
        r.status = status;
        r.submittedAt = submitted;
        r.updatedAt = submitted;
        db::insertRequest(*m_db, r);
    }

    void addAudit(const QString &actor, const QString &action, const QDateTime &at)
    {
        recordAudit(*m_ctx, {actor, action, code(999), {}}, at);
    }

    void addStaffMember(const QString &login, const QString &role)
    {
        auto s = addStaff(*m_ctx, login, role, u"Staff#Pass1KavirSepid"_s, kNow.addDays(-30));
        QVERIFY2(s.ok(), qPrintable(s.failure.message()));
    }

    DashboardSnapshot snapshot(const QDate &day = kDay, const QDateTime &now = kNow)
    {
        auto s = dashboardSnapshot(*m_ctx, day, kTehran, now);
        if (!s.ok())
            qFatal("dashboardSnapshot failed: %s", qPrintable(s.failure.message()));
        return *s.value;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(kTehran.isValid());
        // The zone as the branches have it since 2022: +03:30 all year.
        QCOMPARE(QDateTime(kDay, QTime(0, 0), kTehran).toUTC(), utc("2026-11-24T20:30:00Z"));
    }

    void init()
    {
        db::DbError err;
        m_ctx.reset();
        m_db =
            db::Database::open(m_dir.filePath(u"d%1.db"_s.arg(++m_n)), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(m_db);
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        m_requests = 0;
        addStaffMember(u"root"_s, u"admin"_s); // a branch's first account is its administrator
    }

    void emptyDatabase()
    {
        const DashboardSnapshot s = snapshot();
        QCOMPARE(s.branchCode, u"1001"_s);
        QCOMPARE(s.day, kDay);
        QCOMPARE(s.dayStart, utc("2026-11-24T20:30:00Z"));
        QCOMPARE(s.dayEnd, utc("2026-11-25T20:30:00Z"));
        QCOMPARE(s.countsByStatus.size(), 7); // every status, with its zero
        for (qint64 n : s.countsByStatus)
            QCOMPARE(n, 0);
        QCOMPARE(s.totalRequests, 0);
        QVERIFY(s.activationsByStaff.isEmpty());
        QCOMPARE(s.staffActivations, 0);
        QCOMPARE(s.automaticActivations, 0);
        QCOMPARE(s.waiting, 0);
        QVERIFY(!s.oldestWaiting);
        QCOMPARE(s.sync.queued, 0);
        QVERIFY(!s.sync.oldestQueuedAt.isValid());
        QVERIFY(!s.sync.known);
    }

    void countsPerStatus()
    {
        const QList<QPair<RequestStatus, int>> wanted = {{RequestStatus::Submitted, 3},
                                                         {RequestStatus::Activated, 5},
                                                         {RequestStatus::BranchActivationRequired, 2},
                                                         {RequestStatus::IdentityMismatch, 4},
                                                         {RequestStatus::Expired, 1},
                                                         {RequestStatus::Superseded, 2},
                                                         {RequestStatus::Rejected, 1}};
        int total = 0;
        for (const auto &[status, n] : wanted)
            for (int i = 0; i < n; ++i, ++total)
                addRequest(status, kNow.addSecs(-3600 * (i + 1)));
        const DashboardSnapshot s = snapshot();
        for (const auto &[status, n] : wanted)
            QCOMPARE(s.countsByStatus.value(status), qint64(n));
        QCOMPARE(s.totalRequests, qint64(total));
        QCOMPARE(s.waiting, qint64(3 + 2 + 4)); // submitted, at a branch, identity mismatch
    }

    void activationsOfTheDay_data()
    {
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QStringList>("expected"); // "login=n", most first
        QTest::addColumn<qint64>("automatic");
        QTest::newRow("the day before") << QDate(2026, 11, 24) << QStringList{u"sara=2"_s} << qint64(0);
        QTest::newRow("the day") << kDay << QStringList{u"reza=2"_s, u"sara=2"_s} << qint64(1);
        QTest::newRow("the day after") << QDate(2026, 11, 26) << QStringList{u"reza=1"_s} << qint64(0);
        QTest::newRow("a quiet day") << QDate(2026, 11, 20) << QStringList{} << qint64(0);
    }

    void activationsOfTheDay()
    {
        QFETCH(QDate, day);
        QFETCH(QStringList, expected);
        QFETCH(qint64, automatic);
        addStaffMember(u"sara"_s, u"clerk"_s);
        addStaffMember(u"reza"_s, u"supervisor"_s);
        const QString activated = u"request.activated"_s;
        // Tehran midnight between 24 and 25 November is 20:30 UTC.
        addAudit(u"sara"_s, activated, utc("2026-11-24T08:00:00Z"));
        addAudit(u"sara"_s, activated, utc("2026-11-24T20:29:59Z")); // 23:59:59 on the 24th
        addAudit(u"sara"_s, activated, utc("2026-11-24T20:30:00Z")); // 00:00:00 on the 25th
        addAudit(u"sara"_s, activated, utc("2026-11-25T06:00:00Z"));
        addAudit(u"reza"_s, activated, utc("2026-11-25T09:00:00Z"));
        addAudit(u"reza"_s, activated, utc("2026-11-25T20:29:59Z")); // 23:59:59 on the 25th
        addAudit(u"reza"_s, activated, utc("2026-11-25T20:30:00Z")); // 00:00:00 on the 26th
        addAudit(u"verifier"_s, activated, utc("2026-11-25T10:00:00Z"));
        // Other actions of the same people do not count.
        addAudit(u"sara"_s, u"request.rejected"_s, utc("2026-11-25T07:00:00Z"));
        addAudit(u"sara"_s, u"account.create"_s, utc("2026-11-25T06:00:00Z"));
        addAudit(u"reza"_s, u"staff.sign_in"_s, utc("2026-11-25T05:00:00Z"));

        const DashboardSnapshot s = snapshot(day);
        QStringList got;
        qint64 sum = 0;
        for (const auto &a : s.activationsByStaff) {
            got << u"%1=%2"_s.arg(a.login).arg(a.count);
            sum += a.count;
        }
        QCOMPARE(got, expected);
        QCOMPARE(s.staffActivations, sum);
        QCOMPARE(s.automaticActivations, automatic);
    }

    void oldestWaitingCase_data()
    {
        QTest::addColumn<QList<int>>("statuses");   // RequestStatus values
        QTest::addColumn<QList<int>>("ageMinutes"); // submitted this long before kNow
        QTest::addColumn<int>("expectedStatus");    // -1: no waiting case
        QTest::addColumn<qint64>("expectedAgeSeconds");
        using S = RequestStatus;
        QTest::newRow("none waiting") << QList<int>{int(S::Activated), int(S::Expired), int(S::Rejected)}
                                      << QList<int>{5000, 9000, 100} << -1 << qint64(0);
        QTest::newRow("submitted only") << QList<int>{int(S::Submitted), int(S::Submitted)} << QList<int>{30, 90}
                                        << int(S::Submitted) << qint64(90 * 60);
        QTest::newRow("an older case at the counter")
            << QList<int>{int(S::Submitted), int(S::BranchActivationRequired), int(S::IdentityMismatch)}
            << QList<int>{60, 3 * 24 * 60 + 5, 2 * 24 * 60} << int(S::BranchActivationRequired)
            << qint64((3 * 24 * 60 + 5) * 60);
        QTest::newRow("decided older ones do not wait")
            << QList<int>{int(S::Activated), int(S::Superseded), int(S::IdentityMismatch), int(S::Expired)}
            << QList<int>{99999, 88888, 125, 77777} << int(S::IdentityMismatch) << qint64(125 * 60);
        QTest::newRow("submitted in the clock's future counts as zero")
            << QList<int>{int(S::Submitted)} << QList<int>{-10} << int(S::Submitted) << qint64(0);
    }

    void oldestWaitingCase()
    {
        QFETCH(QList<int>, statuses);
        QFETCH(QList<int>, ageMinutes);
        QFETCH(int, expectedStatus);
        QFETCH(qint64, expectedAgeSeconds);
        for (int i = 0; i < statuses.size(); ++i)
            addRequest(RequestStatus(statuses.at(i)), kNow.addSecs(-60LL * ageMinutes.at(i)));
        const DashboardSnapshot s = snapshot();
        if (expectedStatus < 0) {
            QVERIFY(!s.oldestWaiting);
            return;
        }
        QVERIFY(s.oldestWaiting);
        QCOMPARE(int(s.oldestWaiting->status), expectedStatus);
        QCOMPARE(s.oldestWaiting->ageSeconds, expectedAgeSeconds);
    }

    void outboxAndCounterActivationThroughTheServices()
    {
        // A person told to come to the branch, activated there by a clerk: the service's own
        // audit entry is what the dashboard counts; the change waits in the outbox.
        addStaffMember(u"sara"_s, u"clerk"_s);
        const QString nc = u"0499370899"_s;
        RegistrationInput in;
        in.nationalCode = nc;
        in.mobile = u"09121234567"_s;
        in.firstName = u"علی"_s;
        in.lastName = u"رضایی"_s;
        in.birthCertNo = u"123"_s;
        in.birthDate = u"1365/04/12"_s;
        in.gender = u"M"_s;
        in.password = in.passwordConfirm = u"Abcdefg1x"_s;
        in.questions = {
            {u"favorite_color"_s, u"آبی"_s}, {u"birth_city"_s, u"تهران"_s}, {u"first_workplace"_s, u"کارخانه"_s}};
        db::upsertRegistryPerson(*m_db,
                                 {nc,
                                  in.firstName,
                                  in.lastName,
                                  {},
                                  normalizeName(in.firstName),
                                  normalizeName(in.lastName),
                                  {},
                                  in.birthCertNo,
                                  QDate(1986, 7, 3),
                                  in.gender},
                                 kNow);
        const QDateTime submitted = utc("2026-11-24T19:00:00Z");
        QVERIFY(submitRegistration(*m_ctx, in, submitted).ok());
        QVERIFY(verifyPending(*m_ctx, submitted.addSecs(60)).ok()); // no mobile owner: to the branch
        DashboardSnapshot before = snapshot();
        QCOMPARE(before.countsByStatus.value(RequestStatus::BranchActivationRequired), 1);
        QVERIFY(before.oldestWaiting);
        QCOMPARE(before.oldestWaiting->submittedAt, submitted);
        QVERIFY(before.sync.queued > 0);
        QCOMPARE(before.sync.oldestQueuedAt, submitted);

        const QDateTime at = utc("2026-11-25T07:15:00Z");
        auto done =
            activateAtCounter(*m_ctx, nc, StaffSession{u"sara"_s, u"clerk"_s}, requiredActivationDocuments(), at);
        QVERIFY2(done.ok(), qPrintable(done.failure.message()));
        const DashboardSnapshot s = snapshot();
        QCOMPARE(s.activationsByStaff.size(), 1);
        QCOMPARE(s.activationsByStaff.first().login, u"sara"_s);
        QCOMPARE(s.activationsByStaff.first().count, 1);
        QCOMPARE(s.countsByStatus.value(RequestStatus::Activated), 1);
        QVERIFY(!s.oldestWaiting);
        QVERIFY(s.sync.queued > before.sync.queued);
    }

    void onlyASupervisorMayLook()
    {
        addStaffMember(u"sara"_s, u"clerk"_s);
        addStaffMember(u"reza"_s, u"supervisor"_s);
        QVERIFY(dashboardSnapshot(*m_ctx, StaffSession{u"reza"_s, u"supervisor"_s}, kDay, kTehran, kNow).ok());
        for (const auto &[login, role] : {std::pair{u"sara"_s, u"clerk"_s}, std::pair{u"root"_s, u"admin"_s},
                                          std::pair{u"nobody"_s, u"supervisor"_s}}) {
            auto s = dashboardSnapshot(*m_ctx, StaffSession{login, role}, kDay, kTehran, kNow);
            QVERIFY2(!s.ok(), qPrintable(login));
            QCOMPARE(s.failure.kind, Failure::Kind::Rule);
        }
    }
};

QTEST_GUILESS_MAIN(TestDashboardSnapshot)
#include "TestDashboardSnapshot.moc"
