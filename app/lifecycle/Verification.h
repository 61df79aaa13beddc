// The verification rule: how a submitted registration request is decided, from the request,
// the civil-registry reference (if any) and whether the person owns the request's mobile
// line. Pure functions, no I/O: the branch's verifyPending (app/lifecycle/Lifecycle) and the
// central verifier (app/sync/CentralVerify) both decide with them, so the rule lives once.
#pragma once

#include "Status.h"

#include "db/Records.h"

#include <QDateTime>
#include <QStringList>
#include <optional>

namespace branch
{

// True when the request's identity fields match the registry row: the names in their
// matching form (Arabic and Persian letter variants, spaces and ZWNJ alike), the birth
// certificate number without leading zeros, the birth date and the gender.
bool identityMatches(const db::RequestRecord &request, const db::RegistryPerson &registry);

// The identity fields that differ under the same rule (first_name, last_name,
// birth_cert_no, birth_date, gender, in that order); empty exactly when identityMatches.
QStringList identityDifferences(const db::RequestRecord &request, const db::RegistryPerson &registry);

// The decision for a submitted request at `now`: expired once the decision window has
// passed; else identity_mismatch when there is no registry row or it does not match;
// else activated when the person owns the mobile line; else branch_activation_required.
RequestStatus decideVerification(const db::RequestRecord &request, const std::optional<db::RegistryPerson> &registry,
                                 bool ownsMobile, const QDateTime &now);

// The seed's SMS for a verification outcome (kind and the exact text), or nothing (expired).
struct VerificationSms {
    QString kind, text;
};
std::optional<VerificationSms> verificationSms(RequestStatus outcome, const db::RequestRecord &request);

} // namespace branch
