// The verification rule shared by the branch's and the central verifier (see Verification.h).
#include "Verification.h"

#include "SmsTexts.h"

namespace branch
{

bool identityMatches(const db::RequestRecord &r, const db::RegistryPerson &p)
{
    // "012345" and "12345" are the same certificate number.
    auto digits = [](const QString &s) {
        QString d = s;
        while (d.size() > 1 && d.startsWith(QLatin1Char('0')))
            d.remove(0, 1);
        return d;
    };
    return r.firstNameNorm == p.firstNameNorm && r.lastNameNorm == p.lastNameNorm &&
           digits(r.birthCertNo) == digits(p.birthCertNo) && r.birthDate == p.birthDate && r.gender == p.gender;
}

RequestStatus decideVerification(const db::RequestRecord &request, const std::optional<db::RegistryPerson> &registry,
                                 bool ownsMobile, const QDateTime &now)
{
    if (request.submittedAt.secsTo(now) > kDecisionWindowSeconds)
        return RequestStatus::Expired;
    if (!registry || !identityMatches(request, *registry))
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

} // namespace branch
