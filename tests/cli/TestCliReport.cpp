// branchctl report daily: the dashboard's figures of a chosen day as JSON, from the real
// binary on a real database (a counter activation by a clerk counts for its day and not the
// next; the shape of the JSON in Tehran time, with the oldest waiting case's age and no
// applicant's data); a malformed --date is a usage error.
#include "CliTestUtil.h"

using namespace clitest;
using namespace Qt::StringLiterals;

class TestCliReport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"branch.db"_s);
        QCOMPARE(ctl(m_db, {u"init"_s, u"--branch"_s, u"1203"_s}).exitCode, 0);
        QCOMPARE(addAdministrator(m_db).exitCode, 0);
        QCOMPARE(addTestStaff(m_db).exitCode, 0);
        QCOMPARE(ctlAs(m_db, u"admin"_s, {u"user"_s, u"add"_s, u"sara"_s, u"--role"_s, u"clerk"_s},
                       "Staff#Pass1KavirSepid\n")
                     .exitCode,
                 0);
    }

    void emptyDay()
    {
        const CliResult r =
            ctlAs(m_db, u"supervisor"_s, {u"--now"_s, u"2026-11-25T09:00:00Z"_s, u"report"_s, u"daily"_s});
        QVERIFY2(r.exitCode == 0 && isOneJson(r), qPrintable(describe(r)));
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value("branch_code"_L1).toString(), u"1203"_s);
        QCOMPARE(o.value("requests_total"_L1).toInt(), 0);
        QCOMPARE(o.value("activations_by_staff"_L1).toArray().size(), 0);
        QVERIFY(o.value("oldest_waiting"_L1).isNull());
        QCOMPARE(o.value("requests_by_status"_L1).toObject().size(), 7);
    }

    void activationCountsForItsDay()
    {
        // A request sent to the branch (its mobile owner is not known), activated there by sara.
        const QString code = u"0012345679"_s;
        QVERIFY(branchtest::writeFile(m_dir.filePath(u"registry.csv"_s),
                                      kRegistryHeader + (code + u",علی,رضایی,حسن,12345,1365/04/12,M\n"_s).toUtf8()));
        QCOMPARE(ctlAs(m_db, u"admin"_s, {u"import-registry"_s, m_dir.filePath(u"registry.csv"_s)}).exitCode, 0);
        CliResult r = ctlAs(m_db, u"clerk"_s, {u"--now"_s, u"2026-11-24T08:00:00Z"_s, u"register"_s, u"-"_s},
                            json(validRequest(code)));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        r = ctlAs(m_db, u"service"_s, {u"--now"_s, u"2026-11-24T08:05:00Z"_s, u"verify"_s});
        QVERIFY2(r.exitCode == 0 && r.out.contains("branch_activation_required"), qPrintable(describe(r)));
        r = ctl(m_db,
                {u"--now"_s, u"2026-11-25T09:30:00Z"_s, u"activate"_s, code, u"--staff"_s, u"sara"_s, u"--documents"_s,
                 u"national_card,birth_certificate"_s},
                "Staff#Pass1KavirSepid\n");
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));

        r = ctlAs(m_db, u"supervisor"_s,
                  {u"--now"_s, u"2026-11-25T12:00:00Z"_s, u"report"_s, u"daily"_s, u"--date"_s, u"2026-11-25"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QJsonArray staff = r.json().object().value("activations_by_staff"_L1).toArray();
        QCOMPARE(staff.size(), 1);
        QCOMPARE(staff.first().toObject().value("login"_L1).toString(), u"sara"_s);
        QCOMPARE(staff.first().toObject().value("activations"_L1).toInt(), 1);
        QVERIFY(!r.out.contains(code.toLatin1())); // no applicant's data

        r = ctlAs(m_db, u"supervisor"_s,
                  {u"--now"_s, u"2026-11-27T12:00:00Z"_s, u"report"_s, u"daily"_s, u"--date"_s, u"2026-11-27"_s});
        QCOMPARE(r.json().object().value("activations_by_staff"_L1).toArray().size(), 0);
    }

    void jsonInTehranTime()
    {
        // Its own database: one activation by sara on 4 Azar 1405, one request waiting since two days.
        const QString db = m_dir.filePath(u"tehran.db"_s);
        QProcessEnvironment env = cliEnv();
        env.insert(u"TZ"_s, u"Asia/Tehran"_s);
        QCOMPARE(ctl(db, {u"init"_s, u"--branch"_s, u"1001"_s}, {}, env).exitCode, 0);
        QCOMPARE(addAdministrator(db).exitCode, 0);
        QCOMPARE(addTestStaff(db).exitCode, 0);
        QCOMPARE(ctlAs(db, u"admin"_s, {u"user"_s, u"add"_s, u"sara"_s, u"--role"_s, u"clerk"_s},
                       "Staff#Pass1KavirSepid\n", env)
                     .exitCode,
                 0);
        const QString activated = u"0012345679"_s, waiting = u"0499370899"_s; // only the first in the registry
        QVERIFY(
            branchtest::writeFile(m_dir.filePath(u"tehran.csv"_s),
                                  kRegistryHeader + (activated + u",علی,رضایی,حسن,12345,1365/04/12,M\n"_s).toUtf8()));
        QCOMPARE(ctlAs(db, u"admin"_s, {u"import-registry"_s, m_dir.filePath(u"tehran.csv"_s)}, {}, env).exitCode, 0);
        for (const QString &code : {activated, waiting}) {
            const CliResult r = ctlAs(db, u"clerk"_s, {u"--now"_s, u"2026-11-23T12:00:00Z"_s, u"register"_s, u"-"_s},
                                      json(validRequest(code)), env);
            QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        }
        CliResult r = ctlAs(db, u"service"_s, {u"--now"_s, u"2026-11-23T12:05:00Z"_s, u"verify"_s}, {}, env);
        QVERIFY2(r.exitCode == 0 && r.out.contains("identity_mismatch"), qPrintable(describe(r)));
        r = ctl(db,
                {u"--now"_s, u"2026-11-25T06:00:00Z"_s, u"activate"_s, activated, u"--staff"_s, u"sara"_s,
                 u"--documents"_s, u"national_card,birth_certificate"_s},
                "Staff#Pass1KavirSepid\n", env);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));

        r = ctlAs(db, u"supervisor"_s, {u"--now"_s, u"2026-11-25T12:00:00Z"_s, u"report"_s, u"daily"_s}, {}, env);
        QVERIFY2(r.exitCode == 0 && isOneJson(r), qPrintable(describe(r)));
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value("branch_code"_L1).toString(), u"1001"_s);
        QCOMPARE(o.value("day"_L1).toString(), u"2026-11-25"_s);
        QCOMPARE(o.value("day_start"_L1).toString(), u"2026-11-24T20:30:00.000Z"_s);
        QCOMPARE(o.value("requests_by_status"_L1).toObject().value("identity_mismatch"_L1).toInteger(), 1);
        const QJsonArray staff{QJsonObject{{u"login"_s, u"sara"_s}, {u"activations"_s, 1}}};
        QCOMPARE(o.value("activations_by_staff"_L1).toArray(), staff);
        QCOMPARE(o.value("oldest_waiting"_L1).toObject().value("age_seconds"_L1).toInteger(), 2 * 86400);
        QCOMPARE(o.value("waiting_statuses"_L1).toArray().size(), 3);
        // No applicant's data: neither national code is in it.
        QVERIFY(!r.out.contains(activated.toLatin1()));
        QVERIFY(!r.out.contains(waiting.toLatin1()));
    }

    void badDate()
    {
        const CliResult r = ctlAs(m_db, u"supervisor"_s, {u"report"_s, u"daily"_s, u"--date"_s, u"1405/09/04"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.errText().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "TestCliReport.moc"
