// The central verification (`branchctl verify --central URL`): decides every submitted
// request of every branch in the central database, against the central civil-registry
// reference and mobile ownership, with the same rule as a branch's verifyPending
// (app/lifecycle/Verification). One central transaction per request: the request's new
// status and version, the account when activated, the seed's SMS and the central audit
// entries, all stamped with the request's own branch code so that `branchctl sync` brings
// them to that branch. SQL lives in db/CentralVerify.
#pragma once

#include "app/lifecycle/Lifecycle.h"
#include "db/Central.h"

namespace branch
{

struct CentralVerifyResult {
    QList<Decision> decisions; // in the order they were made (oldest request first)
    // Requests left submitted: the person already has an account centrally (registered
    // again at another branch before the first account reached it), so a second one
    // cannot be made; a branch sees the account after its next sync.
    int skipped = 0;
};

// Runs as the URL's user, the owner of the central tables (refused as a branch role:
// central.forbidden). Central unreachable, missing or not initialised → an Environment
// failure (field "central"); decisions already committed stay, the rest stay submitted.
// A request another verifier decided meanwhile is left alone (each request is re-read,
// locked, inside its transaction).
Outcome<CentralVerifyResult> verifyCentral(const db::CentralUrl &url, const QDateTime &now,
                                           const QString &actor = QStringLiteral("verifier"));

} // namespace branch
