// The verification rule shared by the branch's and the central verifier (see Verification.h).
#include "Verification.h"

#include "SmsTexts.h"

#include "app/security/Random.h"

namespace branch
{

IdentityFields identityOf(const db::RequestRecord &r)
{
    return {r.firstName, r.lastName, r.birthCertNo, r.birthDate, r.gender};
}

IdentityFields identityOf(const db::RegistryPerson &p)
{
    return {p.firstName, p.lastName, p.birthCertNo, p.birthDate, p.gender};
}

RequestStatus decideVerification(const db::RequestRecord &request, const std::optional<db::RegistryPerson> &registry,
                                 bool ownsMobile, const QDateTime &now)
{
    if (request.submittedAt.secsTo(now) > kDecisionWindowSeconds)
        return RequestStatus::Expired;
    if (!registry || !identityMatches(identityOf(request), identityOf(*registry)))
        return RequestStatus::IdentityMismatch;
    return ownsMobile ? RequestStatus::Activated : RequestStatus::BranchActivationRequired;
}

std::optional<VerificationSms> verificationSms(RequestStatus outcome, const db::RequestRecord &r)
{
    switch (outcome) {
    case RequestStatus::Activated:
        return VerificationSms{statusName(outcome), sms::activated(r.gender, r.firstName, r.lastName)};
    case RequestStatus::BranchActivationRequired:
        return VerificationSms{statusName(outcome), sms::branchActivationRequired(r.gender, r.firstName, r.lastName)};
    case RequestStatus::IdentityMismatch:
        return VerificationSms{statusName(outcome), sms::identityMismatch()};
    default:
        return std::nullopt;
    }
}

db::AccountRecord accountForRequest(const db::RequestRecord &r, const QString &branchCode, const QDateTime &now,
                                    const QString &actor)
{
    db::AccountRecord a;
    a.id = security::newUuid();
    a.branchCode = branchCode;
    a.nationalCode = r.nationalCode;
    a.requestId = r.id;
    a.mobile = r.mobile;
    a.firstName = r.firstName;
    a.lastName = r.lastName;
    a.gender = r.gender;
    a.passwordHash = r.passwordHash;
    a.questionsJson = r.questionsJson;
    a.createdAt = now;
    a.updatedAt = now;
    a.updatedBy = actor;
    return a;
}

} // namespace branch
