// A registration request's life: submission, verification, activation at the counter.
#include "Lifecycle.h"

#include "Staff.h"
#include "Verification.h"

#include "app/core/NationalCode.h"
#include "app/core/PersianText.h"
#include "app/security/Random.h"
#include "app/security/SecretHash.h"
#include "db/AccountRepository.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace branch
{

namespace
{

// Moves a request to `to` (checked against the state table), with its audit and outbox.
void moveRequest(Context &ctx, db::RequestRecord &r, RequestStatus to, const QDateTime &now, const QString &actor,
                 QJsonObject details = {})
{
    Q_ASSERT(canMove(r.status, to));
    const int base = r.version;
    details.insert(QStringLiteral("from"), statusName(r.status));
    details.insert(QStringLiteral("to"), statusName(to));
    r.status = to;
    r.version += 1;
    r.updatedAt = now;
    r.updatedBy = actor;
    if (to != RequestStatus::Superseded)
        r.decidedAt = now;
    db::updateRequest(ctx.db, r);
    recordChange(ctx, QStringLiteral("requests"), r.id, base, r.version, r.toJson(),
                 {actor, QStringLiteral("request.") + statusName(to), r.nationalCode, details}, now);
}

// The account comes to life with the request's secrets (already hashed).
void createAccount(Context &ctx, const db::RequestRecord &r, const QDateTime &now, const QString &actor)
{
    const db::AccountRecord a = accountForRequest(r, ctx.branchCode, now, actor);
    db::insertAccount(ctx.db, a);
    recordChange(ctx, QStringLiteral("accounts"), a.id, 0, a.version, a.toJson(),
                 {actor, QStringLiteral("account.create"), a.nationalCode, {{QStringLiteral("request_id"), r.id}}},
                 now);
}

void activate(Context &ctx, db::RequestRecord &r, const QDateTime &now, const QString &actor, QJsonObject details)
{
    moveRequest(ctx, r, RequestStatus::Activated, now, actor, std::move(details));
    createAccount(ctx, r, now, actor);
    const auto message = verificationSms(RequestStatus::Activated, r);
    queueSms(ctx, r.nationalCode, r.mobile, message->kind, message->text, now, actor);
}

} // namespace

void moveRequestTo(Context &ctx, db::RequestRecord &r, RequestStatus to, const QDateTime &now, const QString &actor,
                   const QJsonObject &details)
{
    moveRequest(ctx, r, to, now, actor, details);
}

void activateRequest(Context &ctx, db::RequestRecord &r, const QDateTime &now, const QString &actor,
                     const QJsonObject &details)
{
    activate(ctx, r, now, actor, details);
}

QString hashAnswers(const QList<QuestionAnswer> &answers)
{
    QJsonArray arr;
    for (const auto &qa : answers) {
        QString norm = normalizeAnswer(qa.answer);
        arr.append(QJsonObject{{QStringLiteral("question_id"), qa.questionId},
                               {QStringLiteral("answer_hash"), security::hashSecret(norm)}});
        security::wipe(norm);
    }
    return QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
}

Outcome<QString> submitRegistration(Context &ctx, RegistrationInput input, const QDateTime &now, const QString &actor)
{
    NormalizedRegistration n;
    Violations errors = validateRegistration(input, now.toLocalTime().date(), &n);
    auto wipeSecrets = [&] {
        security::wipe(input.password);
        security::wipe(input.passwordConfirm);
        for (auto &qa : input.questions)
            security::wipe(qa.answer);
    };
    if (!errors.isEmpty()) {
        wipeSecrets();
        return Failure{Failure::Kind::Rule, errors, {}};
    }
    try {
        if (db::findAccount(ctx.db, n.nationalCode)) {
            wipeSecrets();
            return Failure::rule(QStringLiteral("account"), QStringLiteral("account.exists"),
                                 Services::tr("An active account already exists for this national code. Use password "
                                              "recovery instead of registering again."));
        }
    } catch (const db::DbException &e) {
        wipeSecrets();
        return Failure::environment(e.error());
    }

    // The slow hashes are made before the transaction, so that it stays short.
    db::RequestRecord r;
    r.id = security::newUuid();
    r.branchCode = ctx.branchCode;
    r.nationalCode = n.nationalCode;
    r.mobile = n.mobile;
    r.firstName = n.firstName;
    r.lastName = n.lastName;
    r.firstNameNorm = n.firstNameNorm;
    r.lastNameNorm = n.lastNameNorm;
    r.birthCertNo = n.birthCertNo;
    r.birthDate = n.birthDate;
    r.gender = n.gender;
    r.email = n.email;
    r.passwordHash = security::hashSecret(input.password);
    r.questionsJson = hashAnswers(input.questions);
    r.status = RequestStatus::Submitted;
    r.submittedAt = now;
    r.updatedAt = now;
    r.updatedBy = actor;
    wipeSecrets();

    return inTransaction<QString>(ctx, [&]() -> Outcome<QString> {
        if (db::findAccount(ctx.db, r.nationalCode)) // activated meanwhile by another process
            return Failure::rule(QStringLiteral("account"), QStringLiteral("account.exists"),
                                 Services::tr("An active account already exists for this national code. Use password "
                                              "recovery instead of registering again."));
        for (auto &old : db::requestsOf(ctx.db, r.nationalCode)) {
            if (old.status == RequestStatus::Submitted)
                moveRequest(ctx, old, RequestStatus::Superseded, now, actor, {{QStringLiteral("superseded_by"), r.id}});
        }
        db::insertRequest(ctx.db, r);
        recordChange(ctx, QStringLiteral("requests"), r.id, 0, r.version, r.toJson(),
                     {actor, QStringLiteral("request.submit"), r.nationalCode, {{QStringLiteral("request_id"), r.id}}},
                     now);
        return r.id;
    });
}

Outcome<QList<Decision>> verifyPending(Context &ctx, const QDateTime &now, const QString &actor, int *skipped)
{
    if (skipped)
        *skipped = 0;
    QList<Decision> decisions;
    QList<db::RequestRecord> pending;
    try {
        pending = db::requestsWithStatus(ctx.db, RequestStatus::Submitted);
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
    // A branch that syncs holds the registry rows of its own persons only (the central sends
    // no others): a missing row there is not a mismatch, the central verification decides.
    bool partialRegistry = false;
    try {
        partialRegistry = !db::metaValue(ctx.db, QStringLiteral("sync_cursor")).isEmpty();
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
    for (auto &r : pending) {
        auto one = inTransaction<Decision>(ctx, [&]() -> Outcome<Decision> {
            auto fresh = db::findRequest(ctx.db, r.id); // another process may have decided it meanwhile
            if (!fresh || fresh->status != RequestStatus::Submitted)
                return Failure{Failure::Kind::Conflict, {}, {}};
            db::RequestRecord &q = *fresh;
            const auto ref = db::findRegistryPerson(ctx.db, q.nationalCode);
            const RequestStatus outcome =
                decideVerification(q, ref, db::ownsMobile(ctx.db, q.nationalCode, q.mobile), now);
            if (!ref && partialRegistry && outcome == RequestStatus::IdentityMismatch) {
                if (skipped)
                    ++*skipped;
                return Failure{Failure::Kind::Conflict, {}, {}}; // nothing written; stays submitted
            }
            if (outcome == RequestStatus::Activated && db::findAccount(ctx.db, q.nationalCode)) {
                if (skipped)
                    ++*skipped;
                return Failure{Failure::Kind::Conflict, {}, {}}; // nothing written; stays submitted
            }
            if (outcome == RequestStatus::Activated) {
                activate(ctx, q, now, actor, {});
            } else {
                QJsonObject details;
                if (outcome == RequestStatus::IdentityMismatch)
                    details.insert(QStringLiteral("registry_found"), bool(ref));
                moveRequest(ctx, q, outcome, now, actor, details);
                if (const auto message = verificationSms(outcome, q))
                    queueSms(ctx, q.nationalCode, q.mobile, message->kind, message->text, now, actor);
            }
            return Decision{q.id, q.nationalCode, outcome};
        });
        if (one.ok())
            decisions << *one.value;
        else if (one.failure.kind == Failure::Kind::Environment)
            return one.failure; // decisions made so far are committed; the rest stay pending
    }
    return decisions;
}

QStringList requiredActivationDocuments()
{
    return {QStringLiteral("national_card"), QStringLiteral("birth_certificate")};
}

Violations checkDocumentsSeen(const QStringList &documents, const QString &missingMessage)
{
    Violations errors;
    QStringList missing;
    for (const QString &d : requiredActivationDocuments())
        if (!documents.contains(d))
            missing << d;
    for (const QString &d : documents)
        if (!requiredActivationDocuments().contains(d))
            errors << Violation{
                QStringLiteral("documents"), QStringLiteral("documents.unknown"),
                Services::tr("Unknown document \"%1\"; the documents are national_card and birth_certificate.").arg(d)};
    if (!missing.isEmpty())
        errors << Violation{QStringLiteral("documents"), QStringLiteral("documents.missing"),
                            missingMessage.arg(missing.join(QStringLiteral(", ")))};
    return errors;
}

namespace
{
Violations checkActivation(const QString &nationalCodeInput, const QStringList &documents, QString *nationalCode)
{
    Violations errors = checkNationalCode(nationalCodeInput, nationalCode);
    errors += checkDocumentsSeen(
        documents, Services::tr("Check and tick every required document before activating (missing: %1)."));
    return errors;
}

Violations checkRefusal(const QString &nationalCodeInput, const QString &reason, QString *nationalCode)
{
    Violations errors = checkNationalCode(nationalCodeInput, nationalCode);
    if (reason.trimmed().size() < 3)
        errors << Violation{QStringLiteral("reason"), QStringLiteral("reason.required"),
                            Services::tr("Write the reason for the refusal.")};
    return errors;
}

// A counter action on the person's current request: the input's errors first, then the
// staff member's right to counter actions, then `step` in one transaction with the staff
// login as the audit's actor.
template <class F>
Outcome<QString> onCurrentRequest(Context &ctx, const Violations &errors, const StaffSession &session,
                                  const QString &nationalCode, F &&step)
{
    if (!errors.isEmpty())
        return Failure{Failure::Kind::Rule, errors, {}};
    auto staff = sessionStaff(ctx, session, StaffPermission::CounterActions);
    if (!staff.ok())
        return staff.failure;
    return inTransaction<QString>(ctx, [&]() -> Outcome<QString> {
        auto r = db::findCurrentRequest(ctx.db, nationalCode);
        if (!r)
            return Failure::noRequest();
        return step(*r, staff.value->login);
    });
}
} // namespace

Outcome<QString> activateAtCounter(Context &ctx, const QString &nationalCodeInput, const StaffSession &session,
                                   const QStringList &documents, const QDateTime &now)
{
    QString nationalCode;
    const Violations errors = checkActivation(nationalCodeInput, documents, &nationalCode);
    return onCurrentRequest(
        ctx, errors, session, nationalCode, [&](db::RequestRecord &r, const QString &actor) -> Outcome<QString> {
            if (db::findAccount(ctx.db, nationalCode))
                return Failure::rule(QStringLiteral("account"), QStringLiteral("account.exists"),
                                     Services::tr("This person's account is already active."));
            if (r.status != RequestStatus::BranchActivationRequired)
                return Failure::rule(QStringLiteral("account"), QStringLiteral("account.not_awaiting_branch"),
                                     Services::tr("This request is not waiting for activation at a branch (its "
                                                  "status: %1).")
                                         .arg(statusLabel(r.status)));
            activate(ctx, r, now, actor, {{QStringLiteral("documents"), QJsonArray::fromStringList(documents)}});
            return r.id;
        });
}

Outcome<QString> refuseAtCounter(Context &ctx, const QString &nationalCodeInput, const StaffSession &session,
                                 const QString &reason, const QDateTime &now)
{
    QString nationalCode;
    const Violations errors = checkRefusal(nationalCodeInput, reason, &nationalCode);
    return onCurrentRequest(
        ctx, errors, session, nationalCode, [&](db::RequestRecord &r, const QString &actor) -> Outcome<QString> {
            if (!canMove(r.status, RequestStatus::Rejected))
                return Failure::rule(QStringLiteral("account"), QStringLiteral("request.cannot_refuse"),
                                     Services::tr("This request cannot be refused in its status "
                                                  "(%1).")
                                         .arg(statusLabel(r.status)));
            // The reason is staff text about the case, kept in the audit for the supervisor.
            moveRequest(ctx, r, RequestStatus::Rejected, now, actor, {{QStringLiteral("reason"), reason.trimmed()}});
            return r.id;
        });
}

} // namespace branch
