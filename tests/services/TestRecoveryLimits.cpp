// The limits of online password recovery (issue 14, NIST SP 800-63B 5.1.3 and 5.2.2): a
// verified recovery sets a password within 10 minutes of its verification and once; a
// person's wrong codes and answers in a row are capped across recoveries, after which only
// the branch route is left (each refused start audited); and the person hears of every
// password or question change, the old number of every mobile change.
#include "tests/support/CapturingSmsSender.h"
#include "tests/support/CounterFixture.h"

#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Recovery.h"
#include "app/lifecycle/Staff.h"
#include "db/MetaRepository.h"
#include "db/SmsRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QString kCode = u"0499370899"_s;
const QString kMobile = u"09121234567"_s;

QList<QuestionAnswer> rightAnswers()
{
    return test::sampleRegistration(kCode, kMobile).questions;
}

QList<QuestionAnswer> wrongAnswers()
{
    auto answers = rightAnswers();
    answers[1].answer = u"شیراز"_s;
    return answers;
}

QString firstCode(const Failure &f)
{
    return f.violations.isEmpty() ? QString() : f.violations.first().code;
}
} // namespace

class TestRecoveryLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_n = 0;
    QDateTime m_clock;

    QDateTime tick(int seconds = 1) { return m_clock = m_clock.addSecs(seconds); }

    // Starts a recovery by the questions and gives `wrong` wrong answers (at most five: the
    // fifth locks it). Returns the last refusal's code.
    QString failTimes(int wrong)
    {
        auto start = startRecovery(*m_ctx, kCode, u"questions"_s, tick(600)); // 6 starts an hour at most
        if (!start.ok())
            return firstCode(start.failure);
        QString last;
        for (int i = 0; i < wrong; ++i)
            last = firstCode(verifyRecoveryAnswers(*m_ctx, start.value->recoveryId, wrongAnswers(), tick()).failure);
        return last;
    }

private slots:
    void init()
    {
        db::DbError err;
        m_ctx.reset();
        m_db =
            db::Database::open(m_dir.filePath(u"r%1.db"_s.arg(++m_n)), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(m_db);
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        QCOMPARE(test::activatedAccount(*m_ctx, test::sampleRegistration(kCode, kMobile), kT0), QString());
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok());
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        m_clock = kT0.addSecs(3600);
    }

    // Seconds between the verification and the new password -> accepted or the refusal.
    void verifiedRecoveryLasts10Minutes_data()
    {
        QTest::addColumn<int>("after");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("at once") << 1 << QString();
        QTest::newRow("9 min 59 s") << 599 << QString();
        QTest::newRow("exactly 10 min") << 600 << QString();
        QTest::newRow("10 min 1 s") << 601 << u"recovery.verification_expired"_s;
        QTest::newRow("a year") << 365 * 86400 << u"recovery.verification_expired"_s;
    }

    void verifiedRecoveryLasts10Minutes()
    {
        QFETCH(int, after);
        QFETCH(QString, refusal);
        auto start = startRecovery(*m_ctx, kCode, u"questions"_s, tick());
        QVERIFY(start.ok());
        QVERIFY(verifyRecoveryAnswers(*m_ctx, start.value->recoveryId, rightAnswers(), tick()).ok());
        // Verifying again does not lengthen the 10 minutes.
        QVERIFY(verifyRecoveryAnswers(*m_ctx, start.value->recoveryId, rightAnswers(), tick(after / 2)).ok());
        const auto before = *db::findAccount(*m_db, kCode);
        auto reset = resetRecoveredPassword(*m_ctx, start.value->recoveryId, u"Golestan#1402"_s, u"Golestan#1402"_s,
                                            m_clock.addSecs(after - after / 2));
        const auto afterwards = *db::findAccount(*m_db, kCode);
        if (refusal.isEmpty()) {
            QVERIFY2(reset.ok(), qPrintable(reset.failure.message()));
            QVERIFY(afterwards.passwordHash != before.passwordHash);
            // Once: the same recovery cannot set a second password.
            auto again = resetRecoveredPassword(*m_ctx, start.value->recoveryId, u"Golestan#1403"_s, u"Golestan#1403"_s,
                                                m_clock.addSecs(after));
            QCOMPARE(firstCode(again.failure), u"recovery.used"_s);
        } else {
            QCOMPARE(firstCode(reset.failure), refusal);
            QCOMPARE(afterwards.passwordHash, before.passwordHash);
            QCOMPARE(afterwards.version, before.version);
        }
    }

    // The cap on wrong tries in a row, across recoveries: 19 leave the online routes open
    // (and one right answer starts the count again), the 20th closes them.
    void wrongTriesInARowAreCapped()
    {
        QCOMPARE(kRecoveryMaxConsecutiveFailures, 20);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(failTimes(5), u"recovery.answers_wrong"_s); // the fifth locks that recovery
        QCOMPARE(failTimes(4), u"recovery.answers_wrong"_s);     // 19 in a row
        test::CapturingSmsSender sender;
        auto start = startRecovery(*m_ctx, kCode, u"sms"_s, tick(), &sender);
        QVERIFY2(start.ok(), qPrintable(start.failure.message()));
        auto last = verifyRecoveryAnswers(
            *m_ctx, startRecovery(*m_ctx, kCode, u"questions"_s, tick()).value->recoveryId, wrongAnswers(), tick());
        QCOMPARE(firstCode(last.failure), u"recovery.branch_only"_s); // the 20th
        QCOMPARE(last.failure.extra.value(u"attempts_left"_s).toInt(), 0);

        const int refusedBefore = test::auditEntries(*m_db, u"recovery.refused"_s);
        for (const QString method : {u"sms"_s, u"questions"_s}) {
            auto refused = startRecovery(*m_ctx, kCode, method, tick());
            QCOMPARE(firstCode(refused.failure), u"recovery.branch_only"_s);
        }
        QCOMPARE(test::auditEntries(*m_db, u"recovery.refused"_s), refusedBefore + 2);
        // A day later it is still closed: the cap is not a time window.
        QCOMPARE(firstCode(startRecovery(*m_ctx, kCode, u"questions"_s, tick(86400)).failure),
                 u"recovery.branch_only"_s);

        // The branch route opens it again: the documents seen at a counter.
        BranchRecoveryInput in;
        in.documents = {u"national_card"_s, u"birth_certificate"_s};
        in.newPassword = true;
        in.password = in.passwordConfirm = u"Golestan#1402"_s;
        auto branch = recoverAtCounter(*m_ctx, kCode, in, StaffSession{u"sara"_s, u"clerk"_s}, tick());
        QVERIFY2(branch.ok(), qPrintable(branch.failure.message()));
        QVERIFY(startRecovery(*m_ctx, kCode, u"questions"_s, tick()).ok());
    }

    // A password set online (the account changes) starts the count again; right answers that
    // set no password do not.
    void passwordSetOnlineStartsTheCountAgain()
    {
        for (int i = 0; i < 3; ++i)
            failTimes(5);
        failTimes(3); // 18 in a row
        auto unused = startRecovery(*m_ctx, kCode, u"questions"_s, tick(600));
        QVERIFY(verifyRecoveryAnswers(*m_ctx, unused.value->recoveryId, rightAnswers(), tick()).ok());
        QCOMPARE(failTimes(1), u"recovery.answers_wrong"_s); // 19
        auto start = startRecovery(*m_ctx, kCode, u"questions"_s, tick(600));
        QVERIFY(start.ok());
        QVERIFY(verifyRecoveryAnswers(*m_ctx, start.value->recoveryId, rightAnswers(), tick()).ok());
        QVERIFY(resetRecoveredPassword(*m_ctx, start.value->recoveryId, u"Golestan#1402"_s, u"Golestan#1402"_s, tick())
                    .ok());
        tick(1); // the next recoveries start after the account's change
        for (int i = 0; i < 3; ++i)
            QCOMPARE(failTimes(5), u"recovery.answers_wrong"_s);
        QCOMPARE(failTimes(4), u"recovery.answers_wrong"_s);
        QCOMPARE(failTimes(1), u"recovery.branch_only"_s);
    }

    // Every password or question change is told to the account's mobile; a mobile change
    // to the old number too, without the person's name.
    void noticesAfterChanges()
    {
        auto start = startRecovery(*m_ctx, kCode, u"questions"_s, tick());
        QVERIFY(verifyRecoveryAnswers(*m_ctx, start.value->recoveryId, rightAnswers(), tick()).ok());
        QVERIFY(resetRecoveredPassword(*m_ctx, start.value->recoveryId, u"Golestan#1402"_s, u"Golestan#1402"_s, tick())
                    .ok());
        auto sms = db::listSms(*m_db, kCode);
        QCOMPARE(sms.last().kind, u"password_reset"_s);
        QCOMPARE(sms.last().mobile, kMobile);

        const StaffSession sara{u"sara"_s, u"clerk"_s};
        QVERIFY(changeMobile(*m_ctx, kCode, u"09351234567"_s, sara, tick()).ok());
        sms = db::listSms(*m_db, kCode);
        QVERIFY(sms.size() >= 2);
        const auto toOld = sms.at(sms.size() - 2), toNew = sms.last();
        QCOMPARE(toOld.mobile, kMobile);
        QCOMPARE(toOld.kind, u"mobile_changed_away"_s);
        QVERIFY(!toOld.text.contains(u"علی"_s) && !toOld.text.contains(u"رضایی"_s));
        QCOMPARE(toNew.mobile, u"09351234567"_s);
        QCOMPARE(toNew.kind, u"mobile_changed"_s);

        QVERIFY(resetQuestionsAtCounter(*m_ctx, kCode, sara, rightAnswers(), tick()).ok());
        QCOMPARE(db::listSms(*m_db, kCode).last().kind, u"questions_reset"_s);
        QCOMPARE(db::listSms(*m_db, kCode).last().mobile, u"09351234567"_s);
    }
};

QTEST_GUILESS_MAIN(TestRecoveryLimits)
#include "TestRecoveryLimits.moc"
