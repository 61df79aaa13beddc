// The supervisor review queue's rules on a real SQLite file: the queue (oldest first, the
// differences under the verification's rule), each decision's resulting status, SMS, audit
// entries and outbox rows, and the four-eyes refusals (own approval, clerk, corrected data
// still mismatching, double approval, a request decided otherwise meanwhile).
#include "app/core/NationalCode.h"
#include "app/core/PersianText.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Review.h"
#include "app/lifecycle/SmsTexts.h"
#include "app/lifecycle/Staff.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"
#include "db/SmsRepository.h"
#include "db/SyncRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QDateTime kT1 = kT0.addSecs(3600); // verification
const QDateTime kT2 = kT0.addSecs(7200); // review

RegistrationInput person(const QString &code, const QString &lastName)
{
    RegistrationInput in;
    in.nationalCode = code;
    in.mobile = u"09121234567"_s;
    in.firstName = u"علی"_s;
    in.lastName = lastName;
    in.birthCertNo = u"123"_s;
    in.birthDate = u"1365/04/12"_s;
    in.gender = u"M"_s;
    in.password = in.passwordConfirm = u"Abcdefg1x"_s;
    in.questions = {
        {u"favorite_color"_s, u"آبی"_s}, {u"birth_city"_s, u"تهران"_s}, {u"first_workplace"_s, u"کارخانه"_s}};
    return in;
}

const StaffSession kSup1{u"sup1"_s, u"supervisor"_s};
const StaffSession kSup2{u"sup2"_s, u"supervisor"_s};
const StaffSession kClerk{u"sara"_s, u"clerk"_s};
} // namespace

class TestReview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_n = 0;
    QString m_code; // a person whose request is in the queue (registry: علی رضایی)

    void addRegistry(const QString &code, const QString &lastName = u"رضایی"_s)
    {
        db::RegistryPerson p{code, u"علی"_s, lastName,          {},    normalizeName(u"علی"_s), normalizeName(lastName),
                             {},   u"123"_s, QDate(1986, 7, 3), u"M"_s};
        db::upsertRegistryPerson(*m_db, p, kT0);
    }

    // A request that the verification sends to the queue (typed last name differs).
    QString mismatchCase(const QString &code, const QDateTime &at)
    {
        addRegistry(code);
        auto r = submitRegistration(*m_ctx, person(code, u"رضوی"_s), at);
        if (!r.ok())
            return {};
        auto v = verifyPending(*m_ctx, at.addSecs(60));
        if (!v.ok())
            return {};
        return *r.value;
    }

    QString status(const QString &requestId) { return statusName(db::findRequest(*m_db, requestId)->status); }
    int auditsWith(const QString &action)
    {
        int n = 0;
        for (const auto &a : db::auditLog(*m_db))
            n += a.action == action;
        return n;
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
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctx, u"sup1"_s, u"supervisor"_s, u"Super1234xJangalAbr"_s, kT0).ok());
        QVERIFY(addStaff(*m_ctx, u"sup2"_s, u"supervisor"_s, u"Super1234yDaryaAbi"_s, kT0).ok());
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        m_code = u"0499370899"_s;
        QVERIFY(!mismatchCase(m_code, kT0).isEmpty());
    }

    void queueOldestFirstWithDifferences()
    {
        const QString younger = nationalCodeWithCheckDigit(u"001234567"_s);
        QVERIFY(!mismatchCase(younger, kT0.addSecs(600)).isEmpty());
        // A person with no registry row: every field counts as different.
        const QString unknown = nationalCodeWithCheckDigit(u"002345678"_s);
        QVERIFY(submitRegistration(*m_ctx, person(unknown, u"رضایی"_s), kT0.addSecs(1200)).ok());
        QVERIFY(verifyPending(*m_ctx, kT0.addSecs(1300)).ok());

        auto q = reviewQueue(*m_ctx);
        QVERIFY(q.ok());
        QCOMPARE(q.value->size(), 3);
        QCOMPARE(q.value->at(0).request.nationalCode, m_code);
        QCOMPARE(q.value->at(1).request.nationalCode, younger);
        QCOMPARE(q.value->at(2).request.nationalCode, unknown);
        QCOMPARE(q.value->at(0).differences, QStringList{u"last_name"_s});
        QVERIFY(!q.value->at(2).reference);
        QCOMPARE(q.value->at(2).differences, correctableFields());
        QVERIFY(!q.value->at(0).proposal);
    }

    void decisions_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QJsonObject>("corrections");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("smsText"); // the SMS the approval queues; empty: none
        QTest::addColumn<int>("outboxRows");  // request (+ account + SMS)
        // Arabic yeh and a ZWNJ-free spelling: equal to the registry's «رضایی» under the rule.
        QTest::newRow("correct_and_activate") << u"correct"_s << QJsonObject{{u"last_name"_s, u"رضايي"_s}} << QString()
                                              << u"activated"_s << sms::activated(u"M"_s, u"علی"_s, u"رضايي"_s) << 3;
        QTest::newRow("send_back") << u"send_back"_s << QJsonObject{} << QString() << u"rejected"_s
                                   << sms::identityMismatch() << 2;
        QTest::newRow("reject") << u"reject"_s << QJsonObject{} << u"The birth certificate was forged"_s
                                << u"rejected"_s << QString() << 1;
    }

    void decisions()
    {
        QFETCH(QString, kind);
        QFETCH(QJsonObject, corrections);
        QFETCH(QString, reason);
        QFETCH(QString, status);
        QFETCH(QString, smsText);
        QFETCH(int, outboxRows);
        const QString requestId = db::findCurrentRequest(*m_db, m_code)->id;
        const int version = db::findRequest(*m_db, requestId)->version;

        ReviewProposalInput in{*reviewKindFromName(kind), corrections, reason};
        const qint64 outboxBefore = db::outboxCount(*m_db);
        auto p = proposeReview(*m_ctx, m_code, in, kSup1, kT2);
        QVERIFY2(p.ok(), qPrintable(p.failure.message()));
        // The proposal travels (to the branch's other desks): one outbox row, the request's none.
        QCOMPARE(db::outboxCount(*m_db), outboxBefore + 1);
        {
            QSqlQuery &q = db::runStatement(*m_db, u"SELECT table_name FROM outbox ORDER BY seq DESC LIMIT 1"_s);
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), u"review_proposals"_s);
            q.finish();
        }
        QCOMPARE(this->status(requestId), u"identity_mismatch"_s);
        QCOMPARE(auditsWith(u"review.propose"_s), 1);
        QCOMPARE(reviewQueue(*m_ctx).value->first().proposal->id, p.value->id);

        const int smsBefore = db::listSms(*m_db).size();
        auto a = approveReview(*m_ctx, p.value->id, kSup2, kT2.addSecs(60));
        QVERIFY2(a.ok(), qPrintable(a.failure.message()));
        QCOMPARE(statusName(a.value->status), status);
        const auto r = *db::findRequest(*m_db, requestId);
        QCOMPARE(statusName(r.status), status);
        QCOMPARE(r.version, version + 1);
        // The decision's rows and the proposal's approval (the proposal's two changes).
        QCOMPARE(db::outboxCount(*m_db), outboxBefore + outboxRows + 2);
        QCOMPARE(bool(db::findAccount(*m_db, m_code)), status == u"activated"_s);
        const auto sms = db::listSms(*m_db);
        QCOMPARE(sms.size(), smsBefore + (smsText.isEmpty() ? 0 : 1));
        if (!smsText.isEmpty())
            QCOMPARE(sms.last().text, smsText);
        if (kind == u"correct"_s) {
            QCOMPARE(r.lastName, u"رضايي"_s); // as the supervisor typed it from the documents
            QCOMPARE(db::findAccount(*m_db, m_code)->lastName, u"رضايي"_s);
        }
        // Both eyes in the audit log, the approval naming the proposer.
        bool approvedBySup2 = false;
        for (const auto &e : db::auditOf(*m_db, m_code))
            if (e.action == u"review.approve"_s && e.actor == u"sup2"_s &&
                QJsonDocument::fromJson(e.details.toUtf8()).object().value(u"proposed_by"_s).toString() == u"sup1"_s)
                approvedBySup2 = true;
        QVERIFY(approvedBySup2);
        QCOMPARE(auditsWith(u"request."_s + status), 1);
        QVERIFY(reviewQueue(*m_ctx).value->isEmpty());
        QCOMPARE(db::findProposal(*m_db, p.value->id)->status, u"approved"_s);

        // Approved once: a second approval (by anyone) is refused and changes nothing.
        const qint64 audits = db::auditLog(*m_db).size();
        auto again = approveReview(*m_ctx, p.value->id, kSup2, kT2.addSecs(120));
        QVERIFY(!again.ok());
        QVERIFY(hasCode(again.failure.violations, u"review.already_decided"_s));
        QCOMPARE(db::auditLog(*m_db).size(), audits);
    }

    void refusals_data()
    {
        QTest::addColumn<int>("case_");
        QTest::addColumn<QString>("code");
        QTest::newRow("own approval") << 0 << u"review.own_proposal"_s;
        QTest::newRow("clerk proposes") << 1 << u"staff.not_allowed"_s;
        QTest::newRow("clerk approves") << 2 << u"staff.not_allowed"_s;
        QTest::newRow("correction still mismatching") << 3 << u"review.still_mismatch"_s;
        QTest::newRow("registry changed before approval") << 4 << u"review.still_mismatch"_s;
        QTest::newRow("reject without reason") << 5 << u"reason.required"_s;
        QTest::newRow("decided otherwise meanwhile") << 6 << u"review.stale"_s;
        QTest::newRow("bad correction field") << 7 << u"birth_date.invalid"_s;
        QTest::newRow("not in the queue") << 8 << u"review.not_in_queue"_s;
        QTest::newRow("unknown proposal") << 9 << u"review.not_found"_s;
    }

    void refusals()
    {
        QFETCH(int, case_);
        QFETCH(QString, code);
        const QString requestId = db::findCurrentRequest(*m_db, m_code)->id;
        const QJsonObject good{{u"last_name"_s, u"رضایی"_s}};
        auto propose = [&](const StaffSession &who, const QJsonObject &c, const QString &kind = u"correct"_s,
                           const QString &reason = {}) {
            return proposeReview(*m_ctx, m_code, {*reviewKindFromName(kind), c, reason}, who, kT2);
        };
        const int audits = db::auditLog(*m_db).size();
        qint64 outbox = db::outboxCount(*m_db); // (+1 below where a proposal is made: it travels)
        Failure failure;
        int expectedAudits = audits + 1; // the proposal, where the refusal is the approval
        switch (case_) {
        case 0: {
            auto p = propose(kSup1, good);
            QVERIFY(p.ok());
            ++outbox;
            failure = approveReview(*m_ctx, p.value->id, kSup1, kT2).failure;
            break;
        }
        case 1:
            failure = propose(kClerk, good).failure;
            expectedAudits = audits;
            break;
        case 2: {
            auto p = propose(kSup1, good);
            QVERIFY(p.ok());
            ++outbox;
            failure = approveReview(*m_ctx, p.value->id, kClerk, kT2).failure;
            break;
        }
        case 3:
            failure = propose(kSup1, {{u"last_name"_s, u"کریمی"_s}}).failure;
            expectedAudits = audits;
            break;
        case 4: {
            auto p = propose(kSup1, good);
            QVERIFY(p.ok());
            ++outbox;
            addRegistry(m_code, u"کریمی"_s);
            failure = approveReview(*m_ctx, p.value->id, kSup2, kT2).failure;
            break;
        }
        case 5:
            failure = propose(kSup1, {}, u"reject"_s, u" "_s).failure;
            expectedAudits = audits;
            break;
        case 6: {
            auto p = propose(kSup1, good);
            QVERIFY(p.ok());
            ++outbox;
            // The person registers again: the newer request is the one to decide.
            QVERIFY(submitRegistration(*m_ctx, person(m_code, u"رضایی"_s), kT2).ok());
            expectedAudits = db::auditLog(*m_db).size();
            failure = approveReview(*m_ctx, p.value->id, kSup2, kT2).failure;
            QCOMPARE(this->status(requestId), u"identity_mismatch"_s);
            QCOMPARE(db::auditLog(*m_db).size(), expectedAudits);
            return;
        }
        case 7:
            failure = propose(kSup1, {{u"birth_date"_s, u"1402/12/30"_s}}).failure;
            expectedAudits = audits;
            break;
        case 8: {
            const QString other = nationalCodeWithCheckDigit(u"003456789"_s);
            addRegistry(other);
            QVERIFY(submitRegistration(*m_ctx, person(other, u"رضایی"_s), kT0).ok());
            failure = proposeReview(*m_ctx, other, {ReviewKind::Reject, {}, u"no reason"_s}, kSup1, kT2).failure;
            expectedAudits = db::auditLog(*m_db).size();
            break;
        }
        case 9:
            failure = approveReview(*m_ctx, u"no-such-id"_s, kSup2, kT2).failure;
            expectedAudits = audits;
            break;
        }
        QVERIFY2(hasCode(failure.violations, code), qPrintable(failure.message()));
        QVERIFY(!failure.message().isEmpty());
        QCOMPARE(this->status(requestId), u"identity_mismatch"_s);
        QVERIFY(!db::findAccount(*m_db, m_code));
        QCOMPARE(db::auditLog(*m_db).size(), expectedAudits);
        if (case_ != 8)
            QCOMPARE(db::outboxCount(*m_db), outbox);
    }

    void newProposalReplacesPendingOne()
    {
        auto first = proposeReview(*m_ctx, m_code, {ReviewKind::SendBack, {}, {}}, kSup1, kT2);
        QVERIFY(first.ok());
        auto second = proposeReview(*m_ctx, m_code, {ReviewKind::Reject, {}, u"forged documents"_s}, kSup2, kT2);
        QVERIFY(second.ok());
        QCOMPARE(db::findProposal(*m_db, first.value->id)->status, u"replaced"_s);
        auto a = approveReview(*m_ctx, first.value->id, kSup2, kT2);
        QVERIFY(hasCode(a.failure.violations, u"review.already_decided"_s));
        // The second proposer cannot approve theirs either; the first one can.
        QVERIFY(
            hasCode(approveReview(*m_ctx, second.value->id, kSup2, kT2).failure.violations, u"review.own_proposal"_s));
        QVERIFY(approveReview(*m_ctx, second.value->id, kSup1, kT2).ok());
    }

    void passwordForms()
    {
        auto wrong = proposeReview(*m_ctx, m_code, {ReviewKind::SendBack, {}, {}}, u"sup1"_s, u"Wrong1234x"_s, kT2);
        QVERIFY(!wrong.ok());
        auto p =
            proposeReview(*m_ctx, m_code, {ReviewKind::SendBack, {}, {}}, u"sup1"_s, u"Super1234xJangalAbr"_s, kT2);
        QVERIFY2(p.ok(), qPrintable(p.failure.message()));
        QVERIFY(hasCode(approveReview(*m_ctx, p.value->id, u"SUP1"_s, u"Super1234xJangalAbr"_s, kT2).failure.violations,
                        u"review.own_proposal"_s));
        QVERIFY(approveReview(*m_ctx, p.value->id, u"sup2"_s, u"Super1234yDaryaAbi"_s, kT2).ok());
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "TestReview.moc"
