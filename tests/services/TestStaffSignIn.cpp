// Staff sign-in and the strength of stored staff hashes: a hash made with weaker scrypt
// parameters is replaced at the next successful sign-in (audited, once), a failed sign-in
// leaves it as it is, and an unknown login does the scrypt work of a known one.
#include "app/lifecycle/Staff.h"
#include "db/MetaRepository.h"
#include "db/StaffRepository.h"
#include "tests/support/CounterFixture.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);

// The scrypt log2(N) of an encoded hash ("scrypt$<ln>$<r>$<p>$<salt>$<hash>").
int costOf(const QString &encoded)
{
    return encoded.section(u'$', 1, 1).toInt();
}

// Makes the production profile current for the scope (the test environment sets the weak one).
struct ProductionProfile {
    ProductionProfile() { qunsetenv("BRANCHDESK_KDF_PROFILE"); }
    ~ProductionProfile() { qputenv("BRANCHDESK_KDF_PROFILE", "test"); }
};
} // namespace

class TestStaffSignIn : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_n = 0;

private slots:
    void init()
    {
        qputenv("BRANCHDESK_KDF_PROFILE", "test");
        db::DbError err;
        m_ctx.reset();
        m_db =
            db::Database::open(m_dir.filePath(u"s%1.db"_s.arg(++m_n)), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(m_db);
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok());
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
    }

    void weakHashUpgradedAtNextSignIn()
    {
        const QString weak = db::findStaff(*m_db, u"sara"_s)->passwordHash;
        QCOMPARE(costOf(weak), 10); // made under the test profile
        ProductionProfile production;

        // A wrong password changes nothing of the hash.
        QVERIFY(!signInStaff(*m_ctx, u"sara"_s, u"Wrong1234x"_s, kT0).ok());
        QCOMPARE(db::findStaff(*m_db, u"sara"_s)->passwordHash, weak);
        QCOMPARE(test::auditEntries(*m_db, u"staff.password_rehashed"_s), 0);

        // The right one signs in and leaves a production-strength hash of the same password.
        QVERIFY(signInStaff(*m_ctx, u"sara"_s, u"Clerk1234xKavirSepid"_s, kT0.addSecs(60)).ok());
        const QString strong = db::findStaff(*m_db, u"sara"_s)->passwordHash;
        QCOMPARE(costOf(strong), 17);
        QCOMPARE(strong.section(u'$', 2, 3), u"8$1"_s);
        QVERIFY(security::verifySecret(u"Clerk1234xKavirSepid"_s, strong));
        QVERIFY(!security::verifySecret(u"Clerk1234y"_s, strong));
        QCOMPARE(test::auditEntries(*m_db, u"staff.password_rehashed"_s), 1);

        // Once strong, the next sign-in keeps it (no second upgrade, no second entry).
        QVERIFY(signInStaff(*m_ctx, u"sara"_s, u"Clerk1234xKavirSepid"_s, kT0.addSecs(120)).ok());
        QCOMPARE(db::findStaff(*m_db, u"sara"_s)->passwordHash, strong);
        QCOMPARE(test::auditEntries(*m_db, u"staff.password_rehashed"_s), 1);
        // The other account, not signed in, still has its old hash.
        QCOMPARE(costOf(db::findStaff(*m_db, u"root1"_s)->passwordHash), 10);
    }

    void newStaffHashedAtProductionStrength()
    {
        ProductionProfile production;
        QVERIFY(addStaff(*m_ctx, u"reza"_s, u"supervisor"_s, u"Super1234xJangalAbr"_s, kT0, u"root1"_s).ok());
        const QString hash = db::findStaff(*m_db, u"reza"_s)->passwordHash;
        QCOMPARE(costOf(hash), 17);
        QVERIFY(!security::needsRehash(hash));
    }

    // The unknown login's answer does the work of a wrong password: under the production
    // profile both take hundreds of milliseconds, never the few microseconds a lookup takes.
    // (The figures are compared in bench_sign_in; here only that the work is done at all.)
    void unknownLoginDoesTheScryptWork()
    {
        ProductionProfile production;
        QElapsedTimer t;
        t.start();
        auto r = signInStaff(*m_ctx, u"nobody"_s, u"Clerk1234xKavirSepid"_s, kT0);
        const qint64 ms = t.elapsed();
        QVERIFY(!r.ok());
        QCOMPARE(r.failure.violations.value(0).code, u"staff.wrong_password"_s);
        QVERIFY2(ms >= 50, qPrintable(u"an unknown login answered in %1 ms"_s.arg(ms)));
    }

    // branchctl's sign-in (authenticateFor, once per command) goes the same way, and the
    // refusal is audited under the login that was tried.
    void unknownLoginThroughCommandSignIn()
    {
        ProductionProfile production;
        QString password = u"Clerk1234xKavirSepid"_s;
        QElapsedTimer t;
        t.start();
        auto r = authenticateFor(*m_ctx, u"nobody"_s, password, StaffPermission::CounterActions, kT0, u"sms list"_s);
        const qint64 ms = t.elapsed();
        QVERIFY(!r.ok());
        QCOMPARE(r.failure.violations.value(0).code, u"staff.wrong_password"_s);
        QVERIFY2(ms >= 50, qPrintable(u"an unknown login answered in %1 ms"_s.arg(ms)));
        QVERIFY(password.isEmpty()); // wiped
    }
};

QTEST_GUILESS_MAIN(TestStaffSignIn)
#include "TestStaffSignIn.moc"
