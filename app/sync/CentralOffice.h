// Head office's view of its branches, as services over the central database (its owner's
// connection): `branchctl central status` and `branchctl central audit verify`. SQL lives
// in db/CentralAudit.
#pragma once

#include "app/lifecycle/Service.h"
#include "db/CentralAudit.h"

namespace branch
{

struct CentralChainCheck {
    QString chainId;
    qint64 entries = 0, lastSeq = 0;
    bool ok = true;
    qint64 firstBadSeq = 0;
    QString code, reason; // security::ChainCheck's (empty when ok)
};
struct CentralAuditReport {
    QString branch;
    QList<CentralChainCheck> chains; // one per desk database the branch has synced
    bool ok = true;                  // every chain verifies
};
// Checks every chain the central holds for branch `code` from its first entry (the central
// copy is the anchor). A branch the central does not know: NotFound (branch.unknown).
Outcome<CentralAuditReport> verifyCentralAudit(const db::CentralUrl &url, const QString &code);

// One row per branch (see db::BranchStatusRow).
Outcome<QList<db::BranchStatusRow>> centralStatus(const db::CentralUrl &url, const QDateTime &now);

// A row's audit-chain state: "none" (nothing anchored yet), "ok", or "broken" (an anchor
// mismatch since the branch's last good check: it cannot sync until it is looked into).
QString auditState(const db::BranchStatusRow &r);

} // namespace branch
