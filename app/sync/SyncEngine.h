// Sync with the central database (DESIGN.md, "Data that travels"): push the outbox in
// batches carrying batch ids (a retried or replayed batch applies once), then pull what
// changed centrally since this branch's cursor, each page in one local transaction with
// the cursor. The branch session is enforced by the central database (a PostgreSQL role
// branch_CODE, or actAsBranch on a SQLite central).
#pragma once

#include "app/lifecycle/Service.h"
#include "app/lifecycle/Staff.h"
#include "db/Central.h"
#include "db/CentralSync.h"

namespace branch
{

// A sync conflict kept at the central database, as the review queue shows it.
using ConflictRecord = db::ConflictRecord;

struct SyncResult {
    int pushed = 0;    // changes the central database took in this run (merged by a rule included)
    int pulled = 0;    // central changes written to this branch's tables
    int conflicts = 0; // pushed changes kept in the central conflict queue
};

// Central unreachable, refused or not initialised → an Environment failure (field
// "central"); the outbox keeps every change not acknowledged.
// Test seam (test builds only, BRANCHDESK_TEST_HOOKS): BRANCHDESK_SYNC_CRASH_AFTER ends the process (exit 9):
// =batch_stamped once the first batch's id is stored with its rows, before anything is sent; =central_commit right
// after the first batch's central commit, before the local outbox is cleared; =pull_page
// right after the first pulled page's local commit.
Outcome<SyncResult> syncWithCentral(Context &ctx, const db::CentralUrl &url, const QDateTime &now);

// The central database as branch ctx.branchCode (actAsBranch), or a failure (Environment,
// field "central").
std::unique_ptr<db::CentralDatabase> openAsBranch(Context &ctx, const db::CentralUrl &url, Failure *failure);

// This database's audit chain at the central (meta audit_chain_id, made at its first sync;
// a restored database starts a chain of its own): a branch has several desks, each with its
// own database and chain.
QString auditChainId(Context &ctx);

// This branch's open conflicts (`branchctl conflicts list`).
Outcome<QList<ConflictRecord>> listConflicts(Context &ctx, const db::CentralUrl &url);

// Resolves one of this branch's open conflicts (`branchctl conflicts resolve`): a
// supervisor (staff password, wiped), audited here ("conflict.resolve"); the central row
// keeps its values or takes the branch's (keepLocal), then this branch pulls the decision.
Outcome<SyncResult> resolveConflict(Context &ctx, const db::CentralUrl &url, const QString &conflictId, bool keepLocal,
                                    const QString &staffLogin, QString &staffPassword, const QDateTime &now);
// The same by a supervisor already signed in (branchctl's dispatcher, the desk).
Outcome<SyncResult> resolveConflict(Context &ctx, const db::CentralUrl &url, const QString &conflictId, bool keepLocal,
                                    const StaffSession &staff, const QDateTime &now);

} // namespace branch
