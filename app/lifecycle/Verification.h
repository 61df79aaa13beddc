// The verification rule: how a submitted registration request is decided, from the request,
// the civil-registry reference (if any) and whether the person owns the request's mobile
// line. Pure functions, no I/O (accountForRequest draws only a random id): the branch's verifyPending
// (app/lifecycle/Lifecycle) and the central verifier (app/sync/CentralVerify) both decide with them, so the rule lives
// once.
#pragma once

#include "app/core/RequestStatus.h"

#include "app/core/Identity.h"

#include "db/Records.h"

#include <QDateTime>
#include <QStringList>
#include <optional>

namespace branch
{

// The identity fields of a request and of a registry row, for identityDifferences()
// (app/core/Identity.h: the one comparison of request and registry). Built from the values
// as typed and stored, not from the stored matching forms of the names.
IdentityFields identityOf(const db::RequestRecord &request);
IdentityFields identityOf(const db::RegistryPerson &registry);

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

// The account an activated request comes to life as: the request's person, mobile and
// secrets (already hashed), a new id, version 1. Branch and central activation both use it.
db::AccountRecord accountForRequest(const db::RequestRecord &request, const QString &branchCode, const QDateTime &now,
                                    const QString &actor);

} // namespace branch
