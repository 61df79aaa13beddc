// The verification rule shared by the branch's and the central verifier (see Verification.h).
#include "Verification.h"

#include "SmsTexts.h"

namespace branch
{

QStringList identityDifferences(const db::RequestRecord &r, const db::RegistryPerson &p)
{
    // "012345" and "12345" are the same certificate number.
    auto digits = [](const QString &s) {
        QString d = s;
        while (d.size() > 1 && d.startsWith(QLatin1Char('0')))
            d.remove(0, 1);
        return d;
    };
    QStringList out;
    if (r.firstNameNorm != p.firstNameNorm)
        out << QStringLiteral("first_name");
    if (r.lastNameNorm != p.lastNameNorm)
        out << QStringLiteral("last_name");
    if (digits(r.birthCertNo) != digits(p.birthCertNo))
        out << QStringLiteral("birth_cert_no");
    if (r.birthDate != p.birthDate)
        out << QStringLiteral("birth_date");
    if (r.gender != p.gender)
        out << QStringLiteral("gender");
    return out;
}

bool identityMatches(const db::RequestRecord &r, const db::RegistryPerson &p)
{
    return identityDifferences(r, p).isEmpty();
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
