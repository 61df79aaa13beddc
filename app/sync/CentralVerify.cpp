// The central verification (see CentralVerify.h).
#include "CentralVerify.h"

#include "CentralAdmin.h"
#include "app/lifecycle/Verification.h"
#include "app/security/Random.h"
#include "db/CentralVerify.h"

namespace branch
{

namespace
{

enum class Step { Decided, AlreadyDecided, AccountExists };

// Decides request `id` in one central transaction; *decision gets the outcome.
Step decideOne(db::CentralDatabase &central, const QString &id, const QDateTime &now, const QString &actor,
               Decision *decision)
{
    db::CentralTransaction tx(central);
    auto found = db::lockCentralRequest(central, id);
    if (!found || found->status != RequestStatus::Submitted)
        return Step::AlreadyDecided; // another verifier, or a branch's push, was first
    db::RequestRecord &r = *found;
    const auto registry = db::centralRegistryPerson(central, r.nationalCode);
    const RequestStatus outcome =
        decideVerification(r, registry, db::centralOwnsMobile(central, r.nationalCode, r.mobile), now);
    if (outcome == RequestStatus::Activated && db::centralAccountExists(central, r.nationalCode))
        return Step::AccountExists;

    const int base = r.version;
    r.status = outcome;
    r.version = base + 1;
    r.decidedAt = now;
    r.updatedAt = now;
    r.updatedBy = actor;
    if (!db::updateCentralRequestDecision(central, r, base))
        return Step::AlreadyDecided;

    // The central audit: ids, statuses and codes only (no names, mobiles or texts).
    auto audit = [&](const QString &action, const QJsonObject &details) {
        db::insertCentralAudit(central, {now, actor, action, r.nationalCode, r.branchCode, details});
    };
    QJsonObject requestDetails{{QStringLiteral("request_id"), r.id},
                               {QStringLiteral("from"), statusName(RequestStatus::Submitted)},
                               {QStringLiteral("to"), statusName(r.status)},
                               {QStringLiteral("version"), r.version}};
    if (outcome == RequestStatus::IdentityMismatch)
        requestDetails.insert(QStringLiteral("registry_found"), registry.has_value());
    audit(QStringLiteral("request.") + statusName(r.status), requestDetails);

    if (outcome == RequestStatus::Activated) {
        const db::AccountRecord a = accountForRequest(r, r.branchCode, now, actor);
        db::insertCentralAccount(central, a);
        audit(QStringLiteral("account.create"),
              {{QStringLiteral("account_id"), a.id}, {QStringLiteral("request_id"), r.id}});
    }
    if (const auto text = verificationSms(outcome, r)) {
        db::SmsRecord s;
        s.id = security::newUuid();
        s.branchCode = r.branchCode;
        s.nationalCode = r.nationalCode;
        s.mobile = r.mobile;
        s.kind = text->kind;
        s.text = text->text;
        s.createdAt = now;
        db::insertCentralSms(central, s);
        audit(QStringLiteral("sms.queue"), {{QStringLiteral("sms_id"), s.id}, {QStringLiteral("kind"), s.kind}});
    }
    tx.commit();
    *decision = Decision{r.id, r.nationalCode, outcome};
    return Step::Decided;
}

} // namespace

Outcome<CentralVerifyResult> verifyCentral(const db::CentralUrl &url, const QDateTime &now, const QString &actor)
{
    db::DbError error;
    auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &error);
    if (!central)
        return centralFailure(error);
    CentralVerifyResult result;
    try {
        // A branch role may write only its own rows: the central verification is the
        // central owner's work.
        if (!central->sessionBranch().isEmpty())
            return Failure{Failure::Kind::Environment,
                           {Violation{QStringLiteral("central"), QStringLiteral("central.forbidden"),
                                      Services::tr("The central verification runs as the owner of the central "
                                                   "database, not as a branch's user. Nothing was changed.")}},
                           {}};
        const QStringList ids = db::centralSubmittedRequestIds(*central);
        for (const QString &id : ids) {
            Decision d;
            Step step;
            try {
                step = decideOne(*central, id, now, actor, &d);
            } catch (const db::DbException &e) {
                // Two verifiers activating two requests of one person at once: the unique
                // account wins once, the other request is rolled back and stays submitted.
                if (e.error().kind != db::DbError::Kind::Constraint)
                    throw;
                step = Step::AccountExists;
            }
            switch (step) {
            case Step::Decided:
                result.decisions << d;
                break;
            case Step::AccountExists:
                ++result.skipped;
                break;
            case Step::AlreadyDecided:
                break;
            }
        }
    } catch (const db::DbException &e) {
        return centralFailure(e.error());
    }
    return result;
}

} // namespace branch
