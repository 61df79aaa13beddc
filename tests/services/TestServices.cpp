// The services on a real SQLite file: the state table, each transition's audit entry and
// outbox row, supersession, the verification outcomes, recovery refusals that the CLI
// cannot provoke (no mobile, no questions), staff lockout.
#include "app/core/PersianText.h"
#include "app/core/RequestStatus.h"
#include "app/lifecycle/Admin.h"
#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Recovery.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Random.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"
#include "db/SmsRepository.h"
#include "db/SyncRepository.h"
#include "tests/support/CapturingSmsSender.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);

RegistrationInput person(const QString &code, const QString &mobile = QStringLiteral("09121234567"))
{
    RegistrationInput in;
    in.nationalCode = code;
    in.mobile = mobile;
    in.firstName = QStringLiteral("علی");
    in.lastName = QStringLiteral("رضایی");
    in.birthCertNo = QStringLiteral("123");
    in.birthDate = QStringLiteral("1365/04/12");
    in.gender = QStringLiteral("M");
    in.password = in.passwordConfirm = QStringLiteral("Abcdefg1x");
    in.questions = {{QStringLiteral("favorite_color"), QStringLiteral("آبی")},
                    {QStringLiteral("birth_city"), QStringLiteral("تهران")},
                    {QStringLiteral("first_workplace"), QStringLiteral("کارخانه")}};
    return in;
}
} // namespace

class TestServices : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_n = 0;

    qint64 auditCount() { return db::auditLog(*m_db).size(); }

    void addRegistry(const QString &code)
    {
        db::RegistryPerson p{code,
                             QStringLiteral("علی"),
                             QStringLiteral("رضایی"),
                             {},
                             normalizeName(QStringLiteral("علی")),
                             normalizeName(QStringLiteral("رضایی")),
                             {},
                             QStringLiteral("123"),
                             QDate(1986, 7, 3),
                             QStringLiteral("M")};
        db::upsertRegistryPerson(*m_db, p, kT0);
    }

    // An activated account for `code` (registry match, own mobile), the clerk "sara" and
    // the administrator "root1".
    void activatedWithStaff(const QString &code)
    {
        addRegistry(code);
        db::upsertMobileOwner(*m_db, code, u"09121234567"_s);
        QVERIFY(submitRegistration(*m_ctx, person(code), kT0).ok());
        QVERIFY(verifyPending(*m_ctx, kT0.addSecs(60)).ok());
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
    }

private slots:
    void init()
    {
        db::DbError err;
        m_ctx.reset();
        m_db = db::Database::open(m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n)),
                                  db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(m_db);
        db::setMetaValue(*m_db, QStringLiteral("branch_code"), QStringLiteral("1001"));
        m_ctx = std::make_unique<Context>(Context{*m_db, QStringLiteral("1001")});
    }

    void refusedRegistrationStoresNothing()
    {
        RegistrationInput in = person(QStringLiteral("0499370899"));
        in.password = QStringLiteral("short");
        const qint64 audits = auditCount();
        auto r = submitRegistration(*m_ctx, in, kT0);
        QVERIFY(!r.ok());
        QVERIFY(hasCode(r.failure.violations, QStringLiteral("password.too_short")));
        QCOMPARE(auditCount(), audits);
        QCOMPARE(db::outboxCount(*m_db), 0);
        QVERIFY(db::requestsOf(*m_db, QStringLiteral("0499370899")).isEmpty());
    }

    void submissionWritesAuditAndOutbox()
    {
        auto r = submitRegistration(*m_ctx, person(QStringLiteral("0499370899")), kT0);
        QVERIFY(r.ok());
        QCOMPARE(db::outboxCount(*m_db), 1);
        QCOMPARE(auditCount(), 1);
        const auto req = db::findRequest(*m_db, *r.value);
        QVERIFY(req);
        QCOMPARE(req->status, RequestStatus::Submitted);
        QVERIFY(req->passwordHash.startsWith(QStringLiteral("scrypt$")));
        QVERIFY(!req->questionsJson.contains(QStringLiteral("آبی"))); // only hashes
    }

    void newRequestSupersedesPending()
    {
        auto first = submitRegistration(*m_ctx, person(QStringLiteral("0499370899")), kT0);
        auto second = submitRegistration(*m_ctx, person(QStringLiteral("0499370899")), kT0.addSecs(60));
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(db::findRequest(*m_db, *first.value)->status, RequestStatus::Superseded);
        QCOMPARE(db::findRequest(*m_db, *second.value)->status, RequestStatus::Submitted);
        QCOMPARE(db::findRequest(*m_db, *first.value)->version, 2);
        QCOMPARE(db::outboxCount(*m_db), 3); // submit, supersede, submit
    }

    void verificationOutcomes()
    {
        addRegistry(QStringLiteral("0499370899"));
        db::upsertMobileOwner(*m_db, QStringLiteral("0499370899"), QStringLiteral("09121234567"));
        addRegistry(QStringLiteral("0012345679"));
        // registry row exists, mobile not owned → branch activation
        QVERIFY(submitRegistration(*m_ctx, person(QStringLiteral("0499370899")), kT0).ok());
        QVERIFY(
            submitRegistration(*m_ctx, person(QStringLiteral("0012345679"), QStringLiteral("09351112233")), kT0).ok());
        RegistrationInput wrongName = person(QStringLiteral("1234567891"));
        QVERIFY(submitRegistration(*m_ctx, wrongName, kT0).ok()); // no registry row
        QVERIFY(submitRegistration(*m_ctx, person(QStringLiteral("0067749828")), kT0.addSecs(-49 * 3600)).ok());
        auto r = verifyPending(*m_ctx, kT0.addSecs(3600));
        QVERIFY(r.ok());
        QHash<QString, RequestStatus> got;
        for (const auto &d : *r.value)
            got.insert(d.nationalCode, d.outcome);
        QCOMPARE(got.value(QStringLiteral("0499370899")), RequestStatus::Activated);
        QCOMPARE(got.value(QStringLiteral("0012345679")), RequestStatus::BranchActivationRequired);
        QCOMPARE(got.value(QStringLiteral("1234567891")), RequestStatus::IdentityMismatch);
        QCOMPARE(got.value(QStringLiteral("0067749828")), RequestStatus::Expired);
        QVERIFY(db::findAccount(*m_db, QStringLiteral("0499370899")));
        QVERIFY(!db::findAccount(*m_db, QStringLiteral("0012345679")));
        QCOMPARE(db::listSms(*m_db).size(), 3); // no SMS for the expired one
        // Nothing is left to decide.
        QVERIFY(verifyPending(*m_ctx, kT0.addSecs(7200)).value->isEmpty());
    }

    void recoveryRefusalsWithoutMobileOrQuestions()
    {
        db::AccountRecord a;
        a.id = security::newUuid();
        a.branchCode = QStringLiteral("1001");
        a.nationalCode = QStringLiteral("0499370899");
        a.requestId = security::newUuid();
        a.firstName = QStringLiteral("علی");
        a.lastName = QStringLiteral("رضایی");
        a.gender = QStringLiteral("M");
        a.passwordHash = QStringLiteral("scrypt$10$8$1$AAAA$AAAA");
        a.questionsJson = QStringLiteral("[]");
        a.createdAt = a.updatedAt = kT0;
        db::insertAccount(*m_db, a);
        QVERIFY(db::findAccount(*m_db, a.nationalCode)->mobile.isEmpty());
        auto sms = startRecovery(*m_ctx, a.nationalCode, QStringLiteral("sms"), kT0);
        QVERIFY(!sms.ok());
        QCOMPARE(sms.failure.violations.first().code, QStringLiteral("recovery.no_mobile"));
        auto questions = startRecovery(*m_ctx, a.nationalCode, QStringLiteral("questions"), kT0);
        QVERIFY(!questions.ok());
        QCOMPARE(questions.failure.violations.first().code, QStringLiteral("recovery.no_questions"));
        auto unknown = startRecovery(*m_ctx, QStringLiteral("0012345679"), QStringLiteral("sms"), kT0);
        QCOMPARE(unknown.failure.violations.first().code, QStringLiteral("recovery.unknown_user"));
        QCOMPARE(db::listSms(*m_db).size(), 0);
    }

    void staffLockoutAfterFiveWrongPasswords()
    {
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok()); // the first account
        QVERIFY(addStaff(*m_ctx, QStringLiteral("sara"), QStringLiteral("clerk"),
                         QStringLiteral("Clerk1234xKavirSepid"), kT0)
                    .ok());
        for (int i = 0; i < kStaffMaxFailures; ++i) {
            auto r = authenticateStaff(*m_ctx, QStringLiteral("sara"), QStringLiteral("Wrong1234x"), kT0);
            QCOMPARE(r.failure.violations.first().code, QStringLiteral("staff.wrong_password"));
        }
        auto locked = authenticateStaff(*m_ctx, QStringLiteral("sara"), QStringLiteral("Clerk1234xKavirSepid"), kT0);
        QVERIFY(!locked.ok());
        QCOMPARE(locked.failure.violations.first().code, QStringLiteral("staff.locked"));
        // Logins are case-insensitive, also for the lock.
        QCOMPARE(authenticateStaff(*m_ctx, QStringLiteral("Sara"), QStringLiteral("Clerk1234xKavirSepid"), kT0)
                     .failure.violations.first()
                     .code,
                 QStringLiteral("staff.locked"));
        auto later = authenticateStaff(*m_ctx, QStringLiteral("sara"), QStringLiteral("Clerk1234xKavirSepid"),
                                       kT0.addSecs(kStaffLockMinutes * 60 + 1));
        QVERIFY(later.ok());
        bool lockAudited = false;
        for (const auto &e : db::auditLog(*m_db))
            lockAudited = lockAudited || e.action == QStringLiteral("staff.locked");
        QVERIFY(lockAudited);
    }

    void newRecoveryClosesTheOlderOneAndStartsAreLimited()
    {
        addRegistry(QStringLiteral("0499370899"));
        db::upsertMobileOwner(*m_db, QStringLiteral("0499370899"), QStringLiteral("09121234567"));
        QVERIFY(submitRegistration(*m_ctx, person(QStringLiteral("0499370899")), kT0).ok());
        QVERIFY(verifyPending(*m_ctx, kT0.addSecs(60)).ok());
        test::CapturingSmsSender sender;
        auto first =
            startRecovery(*m_ctx, QStringLiteral("0499370899"), QStringLiteral("sms"), kT0.addSecs(120), &sender);
        QVERIFY(first.ok());
        const QString firstCode = sender.lastCode();
        QCOMPARE(firstCode.size(), 6);
        auto second =
            startRecovery(*m_ctx, QStringLiteral("0499370899"), QStringLiteral("sms"), kT0.addSecs(180), &sender);
        QVERIFY(second.ok());
        auto old = verifyRecoveryCode(*m_ctx, first.value->recoveryId, firstCode, kT0.addSecs(200));
        QVERIFY(!old.ok());
        QCOMPARE(old.failure.violations.first().code, QStringLiteral("recovery.superseded"));
        for (int i = 2; i < kRecoveryMaxStartsPerWindow; ++i)
            QVERIFY(
                startRecovery(*m_ctx, QStringLiteral("0499370899"), QStringLiteral("questions"), kT0.addSecs(200 + i))
                    .ok());
        auto tooMany =
            startRecovery(*m_ctx, QStringLiteral("0499370899"), QStringLiteral("sms"), kT0.addSecs(300), &sender);
        QVERIFY(!tooMany.ok());
        QCOMPARE(tooMany.failure.violations.first().code, QStringLiteral("recovery.too_many"));
        // An hour after the first starts, a new one is allowed again.
        QVERIFY(startRecovery(*m_ctx, QStringLiteral("0499370899"), QStringLiteral("sms"),
                              kT0.addSecs(120 + kRecoveryStartWindowMinutes * 60 + 200), &sender)
                    .ok());
    }

    void counterResetRevealsNothingBeforeTheStaffCheck()
    {
        addRegistry(QStringLiteral("0499370899"));
        db::upsertMobileOwner(*m_db, QStringLiteral("0499370899"), QStringLiteral("09121234567"));
        QVERIFY(submitRegistration(*m_ctx, person(QStringLiteral("0499370899")), kT0).ok());
        QVERIFY(verifyPending(*m_ctx, kT0.addSecs(60)).ok());
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok()); // the first account
        QVERIFY(addStaff(*m_ctx, QStringLiteral("sara"), QStringLiteral("clerk"),
                         QStringLiteral("Clerk1234xKavirSepid"), kT0)
                    .ok());
        for (const QString &code : {QStringLiteral("0499370899"), QStringLiteral("0012345679")}) {
            auto r = resetPasswordAtCounter(*m_ctx, code, QStringLiteral("sara"), QStringLiteral("Wrong1234x"),
                                            QStringLiteral("weak"), QStringLiteral("weak"), kT0);
            QVERIFY(!r.ok());
            QCOMPARE(r.failure.violations.first().code, QStringLiteral("staff.wrong_password"));
        }
        auto weak = resetPasswordAtCounter(*m_ctx, QStringLiteral("0499370899"), QStringLiteral("sara"),
                                           QStringLiteral("Clerk1234xKavirSepid"), QStringLiteral("weak"),
                                           QStringLiteral("weak"), kT0);
        QVERIFY(hasCode(weak.failure.violations, QStringLiteral("password.too_short")));
        auto good = resetPasswordAtCounter(*m_ctx, QStringLiteral("0499370899"), QStringLiteral("sara"),
                                           QStringLiteral("Clerk1234xKavirSepid"), QStringLiteral("Newpass12x"),
                                           QStringLiteral("Newpass12x"), kT0);
        QVERIFY(good.ok());
    }

    // Recovery at the branch after a document check: every refusal changes nothing (the
    // account, the audit log, the outbox); what is accepted renews exactly what was chosen.
    void recoveryAtCounter_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("documents");
        QTest::addColumn<bool>("newPassword");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("confirm");
        QTest::addColumn<bool>("newQuestions");
        QTest::addColumn<QStringList>("questionIds");
        QTest::addColumn<QString>("staff");
        QTest::addColumn<QString>("refusal"); // empty: accepted

        const QString c = u"0499370899"_s;
        const QStringList docs{u"national_card"_s, u"birth_certificate"_s};
        const QStringList qs{u"favorite_color"_s, u"birth_city"_s, u"first_workplace"_s};
        const QString good = u"Golestan#1402"_s;
        QTest::newRow("password") << c << docs << true << good << good << false << qs << u"sara"_s << QString();
        QTest::newRow("questions") << c << docs << false << QString() << QString() << true << qs << u"sara"_s
                                   << QString();
        QTest::newRow("both") << c << docs << true << good << good << true << qs << u"sara"_s << QString();
        QTest::newRow("documents in another order") << c << QStringList{docs.at(1), docs.at(0)} << true << good << good
                                                    << false << qs << u"sara"_s << QString();
        QTest::newRow("no document") << c << QStringList{} << true << good << good << false << qs << u"sara"_s
                                     << u"documents.missing"_s;
        QTest::newRow("birth certificate missing") << c << QStringList{docs.at(0)} << true << good << good << false
                                                   << qs << u"sara"_s << u"documents.missing"_s;
        QTest::newRow("unknown document") << c << (docs + QStringList{u"passport"_s}) << true << good << good << false
                                          << qs << u"sara"_s << u"documents.unknown"_s;
        QTest::newRow("nothing to renew")
            << c << docs << false << good << good << false << qs << u"sara"_s << u"recovery.nothing_chosen"_s;
        QTest::newRow("short password") << c << docs << true << u"Ab1"_s << u"Ab1"_s << false << qs << u"sara"_s
                                        << u"password.too_short"_s;
        QTest::newRow("password holds the national code")
            << c << docs << true << u"Ab0499370899"_s << u"Ab0499370899"_s << false << qs << u"sara"_s
            << u"password.contains_national_code"_s;
        QTest::newRow("repetition differs")
            << c << docs << true << good << u"Golestan#1403"_s << false << qs << u"sara"_s << u"password.mismatch"_s;
        QTest::newRow("a question twice") << c << docs << false << QString() << QString() << true
                                          << QStringList{u"favorite_color"_s, u"favorite_color"_s, u"first_workplace"_s}
                                          << u"sara"_s << u"security_questions.duplicate_question"_s;
        QTest::newRow("unknown question")
            << c << docs << false << QString() << QString() << true
            << QStringList{u"favorite_color"_s, u"no_such_question"_s, u"first_workplace"_s} << u"sara"_s
            << u"security_questions.unknown"_s;
        QTest::newRow("invalid national code") << u"0499370898"_s << docs << true << good << good << false << qs
                                               << u"sara"_s << u"national_code.checksum"_s;
        QTest::newRow("no account") << u"0012345679"_s << docs << true << good << good << false << qs << u"sara"_s
                                    << u"account.not_found"_s;
        QTest::newRow("administrator") << c << docs << true << good << good << false << qs << u"root1"_s
                                       << u"staff.not_allowed"_s;
        QTest::newRow("unknown staff") << c << docs << true << good << good << false << qs << u"nobody"_s
                                       << u"staff.unknown"_s;
    }

    void recoveryAtCounter()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, documents);
        QFETCH(bool, newPassword);
        QFETCH(QString, password);
        QFETCH(QString, confirm);
        QFETCH(bool, newQuestions);
        QFETCH(QStringList, questionIds);
        QFETCH(QString, staff);
        QFETCH(QString, refusal);
        const QString c = u"0499370899"_s;
        activatedWithStaff(c);
        if (QTest::currentTestFailed())
            return;
        const auto before = *db::findAccount(*m_db, c);
        const qint64 audits = auditCount();
        const qint64 outbox = db::outboxCount(*m_db);
        const qsizetype sms = db::listSms(*m_db, c).size();

        BranchRecoveryInput in;
        in.documents = documents;
        in.newPassword = newPassword;
        in.password = password;
        in.passwordConfirm = confirm;
        in.newQuestions = newQuestions;
        for (int i = 0; i < questionIds.size(); ++i)
            in.questions.append({questionIds.at(i), u"پاسخ %1"_s.arg(i + 1)});
        const StaffSession session{staff, staff == "root1"_L1 ? u"admin"_s : u"clerk"_s};
        const auto out = recoverAtCounter(*m_ctx, code, in, session, kT0.addSecs(600));
        const auto after = *db::findAccount(*m_db, c);
        if (!refusal.isEmpty()) {
            QVERIFY(!out.ok());
            QVERIFY2(hasCode(out.failure.violations, refusal), qPrintable(out.failure.message()));
            QCOMPARE(after.passwordHash, before.passwordHash);
            QCOMPARE(after.questionsJson, before.questionsJson);
            QCOMPARE(after.version, before.version);
            QCOMPARE(auditCount(), audits);
            QCOMPARE(db::outboxCount(*m_db), outbox);
            return;
        }
        QVERIFY2(out.ok(), qPrintable(out.failure.message()));
        QCOMPARE(after.passwordHash != before.passwordHash, newPassword);
        QCOMPARE(after.questionsJson != before.questionsJson, newQuestions);
        QCOMPARE(after.version, before.version + 1);
        QCOMPARE(after.updatedBy, u"sara"_s);
        // One audit entry for the account, plus the notice SMS's (a new password, or else new
        // questions: the person hears of either).
        QCOMPARE(db::listSms(*m_db, c).size(), sms + 1);
        const auto log = db::auditLog(*m_db);
        QCOMPARE(log.last().action == "sms.queue"_L1 ? log.at(log.size() - 2).action : log.last().action,
                 u"account.recovered_at_branch"_s);
        QVERIFY(db::outboxCount(*m_db) > outbox);
    }

    void rolePermissions_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("counter");
        QTest::addColumn<bool>("review");
        QTest::addColumn<bool>("administer");
        QTest::newRow("clerk") << u"clerk"_s << true << false << false;
        QTest::newRow("supervisor") << u"supervisor"_s << true << true << false;
        QTest::newRow("admin") << u"admin"_s << false << false << true;
        QTest::newRow("unknown") << u"root"_s << false << false << false;
        QTest::newRow("empty") << QString() << false << false << false;
        QTest::newRow("case matters (stored lower-case)") << u"Clerk"_s << false << false << false;
    }
    void rolePermissions()
    {
        QFETCH(QString, role);
        QFETCH(bool, counter);
        QFETCH(bool, review);
        QFETCH(bool, administer);
        QCOMPARE(roleMay(role, StaffPermission::CounterActions), counter);
        QCOMPARE(roleMay(role, StaffPermission::ReviewMismatch), review);
        QCOMPARE(roleMay(role, StaffPermission::Administer), administer);
    }

    // The desk's session form and branchctl's password form end in the same checks: the
    // stored role decides (not the session's claim), an unknown login is refused, and a
    // refusal changes nothing.
    void sessionActionsFollowTheStoredRole()
    {
        const QString code = u"0499370899"_s;
        activatedWithStaff(code);
        if (QTest::currentTestFailed())
            return;

        const qint64 before = auditCount();
        // An admin, even claiming to be a clerk, may not act on an applicant.
        for (const StaffSession &s : {StaffSession{u"root1"_s, u"admin"_s}, StaffSession{u"root1"_s, u"clerk"_s}}) {
            auto r = changeMobile(*m_ctx, code, u"09351234567"_s, s, kT0);
            QVERIFY(!r.ok());
            QCOMPARE(r.failure.violations.first().code, u"staff.not_allowed"_s);
        }
        auto byPassword = changeMobile(*m_ctx, code, u"09351234567"_s, u"root1"_s, u"Admin1234xBaghEram"_s, kT0);
        QCOMPARE(byPassword.failure.violations.value(0).code, u"staff.not_allowed"_s);
        auto ghost = changeMobile(*m_ctx, code, u"09351234567"_s, StaffSession{u"nobody"_s, u"clerk"_s}, kT0);
        QCOMPARE(ghost.failure.violations.value(0).code, u"staff.unknown"_s);
        auto empty = resetQuestionsAtCounter(*m_ctx, code, StaffSession{}, {}, kT0);
        QVERIFY(!empty.ok());
        // Only the password form's refusal leaves a trace: a sign-in refused for its role is
        // audited (staff.not_allowed, under the login tried); nothing else changed.
        QCOMPARE(auditCount(), before + 1);
        QCOMPARE(db::findAccount(*m_db, code)->mobile, u"09121234567"_s);

        // The clerk's session: no password needed, the change is audited under the login.
        auto ok = changeMobile(*m_ctx, code, u"09351234567"_s, StaffSession{u"Sara"_s, u"clerk"_s}, kT0);
        QVERIFY2(ok.ok(), qPrintable(ok.failure.message()));
        QCOMPARE(db::findAccount(*m_db, code)->mobile, u"09351234567"_s);
        const auto log = db::auditLog(*m_db);
        const auto change = std::find_if(
            log.begin(), log.end(), [](const db::AuditRecord &a) { return a.action == u"account.mobile_change"_s; });
        QVERIFY(change != log.end());
        QCOMPARE(change->actor, u"sara"_s);
    }

    void signInIsAudited()
    {
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok()); // the first account
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        auto wrong = signInStaff(*m_ctx, u"sara"_s, u"Wrong1234x"_s, kT0);
        QVERIFY(!wrong.ok());
        auto s = signInStaff(*m_ctx, u" SARA "_s, u"Clerk1234xKavirSepid"_s, kT0);
        QVERIFY(s.ok());
        QCOMPARE(s.value->login, u"sara"_s);
        QCOMPARE(s.value->role, u"clerk"_s);
        const auto log = db::auditLog(*m_db);
        QCOMPARE(log.last().action, u"staff.sign_in"_s);
        QCOMPARE(log.last().actor, u"sara"_s);
        QCOMPARE(log.at(log.size() - 2).action, u"staff.login_failed"_s);
    }

    void registryCsvWithByteOrderMark()
    {
        QByteArray csv("\xEF\xBB\xBFnational_code,first_name,last_name,father_name,birth_cert_no,birth_date,gender\n");
        csv += QStringLiteral("0499370899,علی,رضایی,حسن,123,1365/04/12,M\n").toUtf8();
        QBuffer buf(&csv);
        QVERIFY(buf.open(QIODevice::ReadOnly));
        auto r = importRegistry(*m_ctx, buf, kT0);
        QVERIFY2(r.ok(), qPrintable(r.failure.message()));
        QCOMPARE(r.value->rows, 1);
        QByteArray bad("national_code,first_name,last_name,father_name,birth_cert_no,birth_date,gender\n\xff\xfe,x\n");
        QBuffer badBuf(&bad);
        QVERIFY(badBuf.open(QIODevice::ReadOnly));
        auto refused = importRegistry(*m_ctx, badBuf, kT0);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.failure.violations.first().code, QStringLiteral("csv.encoding"));
    }

    void searchByDigitPrefix_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("found");
        const QString ali = QStringLiteral("0499370899"), maryam = QStringLiteral("0012345679");
        QTest::newRow("code prefix") << QStringLiteral("0499") << QStringList{ali};
        QTest::newRow("code prefix, Persian digits") << QStringLiteral("۰۰۱۲۳") << QStringList{maryam};
        QTest::newRow("mobile prefix") << QStringLiteral("09121") << QStringList{ali};
        QTest::newRow("mobile prefix, +98") << QStringLiteral("+98 935") << QStringList{maryam};
        QTest::newRow("shared prefix") << QStringLiteral("0") << QStringList{}; // too short to search
        QTest::newRow("both by 09") << QStringLiteral("09") << QStringList{};
        QTest::newRow("no one") << QStringLiteral("0777") << QStringList{};
    }

    void searchByDigitPrefix()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, found);
        QVERIFY(submitRegistration(*m_ctx, person(QStringLiteral("0499370899")), kT0).ok());
        QVERIFY(
            submitRegistration(*m_ctx, person(QStringLiteral("0012345679"), QStringLiteral("09351112233")), kT0).ok());
        auto r = searchApplicants(*m_ctx, typed, QString(), 50);
        QVERIFY(r.ok());
        QStringList codes;
        for (const auto &row : *r.value)
            codes << row.nationalCode;
        codes.sort();
        QCOMPARE(codes, found);
        // The status filter applies to prefixes too.
        auto none = searchApplicants(*m_ctx, typed, QStringLiteral("activated"), 50);
        QVERIFY(none.ok() && none.value->isEmpty());
    }

    void searchClassification_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::newRow("national code") << QStringLiteral("0499370899") << int(SearchKind::NationalCode);
        QTest::newRow("persian digits") << QStringLiteral("۰۴۹۹۳۷۰۸۹۹") << int(SearchKind::NationalCode);
        QTest::newRow("mobile") << QStringLiteral("0912 123 4567") << int(SearchKind::Mobile);
        QTest::newRow("mobile +98") << QStringLiteral("+989121234567") << int(SearchKind::Mobile);
        QTest::newRow("name") << QStringLiteral("علي رضایی") << int(SearchKind::Name);
        QTest::newRow("empty") << QStringLiteral("  ") << int(SearchKind::Empty);
        QTest::newRow("start of a code") << QStringLiteral("0499") << int(SearchKind::DigitsPrefix);
        QTest::newRow("start of a mobile, +98") << QStringLiteral("+98 912") << int(SearchKind::DigitsPrefix);
        QTest::newRow("invalid whole code") << QStringLiteral("0499370898") << int(SearchKind::DigitsPrefix);
    }

    void searchClassification()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QCOMPARE(int(classifySearch(text)), kind);
    }
};

QTEST_GUILESS_MAIN(TestServices)
#include "TestServices.moc"
