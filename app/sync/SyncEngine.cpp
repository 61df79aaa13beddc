// The sync engine: push, then pull (see SyncEngine.h). SQL lives in db/SyncRepository
// (the branch) and db/CentralSync (the central database).
#include "SyncEngine.h"

#include "CentralAdmin.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Random.h"
#include "db/CentralSync.h"
#include "db/Repository.h"
#include "db/SyncRepository.h"

#include <unistd.h>

namespace branch
{

namespace
{

constexpr int kPushBatch = 500;
constexpr int kPullPage = 5000;
const QString kCursorKey = QStringLiteral("sync_cursor");

// What a branch pulls: every branch's requests and accounts and the reference data; of the
// SMS only its own (the branch sends them: those its applicants' central decisions queued).
// Recoveries stay with the counter that started them.
db::PullFilter pullFilter(const QString &branchCode, const QString &echoTag)
{
    return {{QStringLiteral("requests"), QStringLiteral("accounts"), QStringLiteral("registry_persons"),
             QStringLiteral("mobile_owners")},
            {QStringLiteral("sms_messages")},
            branchCode,
            echoTag};
}

void crashPointForTests(const char *stage)
{
    static const QByteArray wanted = qgetenv("BRANCHDESK_SYNC_CRASH_AFTER");
    if (!wanted.isEmpty() && wanted == stage)
        _exit(9);
}

// Pull: each page and the cursor in one local transaction; applying is idempotent.
// *atCentral tells the caller which side a storage error came from.
void pull(Context &ctx, db::CentralDatabase &central, SyncResult *result, bool *atCentral, const QString &echoTag = {})
{
    qint64 cursor = db::metaValue(ctx.db, kCursorKey).toLongLong();
    const db::PullFilter filter = pullFilter(ctx.branchCode, echoTag);
    const auto indexNames = [&ctx] {
        db::Transaction tx(ctx.db);
        if (db::indexPendingNames(ctx.db))
            tx.commit();
    };
    *atCentral = false;
    indexNames(); // what a crashed pull left
    for (;;) {
        *atCentral = true;
        const auto page = db::centralChangesAfter(central, cursor, filter, kPullPage);
        *atCentral = false;
        if (page.isEmpty())
            break;
        db::Transaction tx(ctx.db);
        result->pulled += db::applyCentralChanges(ctx.db, page);
        cursor = page.last().seq;
        db::setMetaValue(ctx.db, kCursorKey, QString::number(cursor));
        tx.commit();
        crashPointForTests("pull_page");
        if (page.size() < kPullPage)
            break;
    }
    indexNames();
}

// The central database as branch ctx.branchCode, or a failure.
std::unique_ptr<db::CentralDatabase> openAsBranch(Context &ctx, const db::CentralUrl &url, Failure *failure)
{
    db::DbError error;
    auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &error);
    if (!central) {
        *failure = centralFailure(error);
        return nullptr;
    }
    try {
        central->actAsBranch(ctx.branchCode);
    } catch (const db::DbException &e) {
        *failure = centralFailure(e.error());
        return nullptr;
    }
    return central;
}

} // namespace

Outcome<SyncResult> syncWithCentral(Context &ctx, const db::CentralUrl &url, const QDateTime &now)
{
    Failure failure;
    auto central = openAsBranch(ctx, url, &failure);
    if (!central)
        return failure;
    SyncResult result;
    bool atCentral = true; // which side a storage error came from
    // This run's tag on what its push writes, so that its pull skips its own echo (a
    // run, not the branch: another database of the same branch pulls everything).
    const QString echoTag = security::newUuidV4();
    try {

        // Push: the batch id is stored with the rows before anything is sent.
        for (;;) {
            atCentral = false;
            QList<db::OutboxRow> rows;
            QString batchId;
            {
                db::Transaction tx(ctx.db);
                batchId = db::claimOutboxBatch(ctx.db, kPushBatch, security::newUuidV4(), &rows);
                tx.commit();
            }
            if (rows.isEmpty())
                break;
            crashPointForTests("batch_stamped");
            QList<db::PushedChange> changes;
            changes.reserve(rows.size());
            for (const auto &r : rows)
                changes << db::PushedChange{r.table, r.rowId, r.baseVersion, r.newVersion, r.payload};
            atCentral = true;
            const db::BatchOutcome applied =
                db::applyPushBatch(*central, batchId, ctx.branchCode, changes, now, echoTag);
            crashPointForTests("central_commit");
            atCentral = false;
            {
                db::Transaction tx(ctx.db);
                db::deleteOutboxBatch(ctx.db, batchId);
                tx.commit();
            }
            result.pushed += applied.applied;
            result.conflicts += applied.conflicts;
        }

        pull(ctx, *central, &result, &atCentral, echoTag);
    } catch (const db::DbException &e) {
        return atCentral ? centralFailure(e.error()) : Failure::environment(e.error());
    }
    return result;
}

Outcome<QList<db::ConflictRecord>> listConflicts(Context &ctx, const db::CentralUrl &url)
{
    Failure failure;
    auto central = openAsBranch(ctx, url, &failure);
    if (!central)
        return failure;
    try {
        return db::openConflicts(*central, ctx.branchCode);
    } catch (const db::DbException &e) {
        return centralFailure(e.error());
    }
}

Outcome<SyncResult> resolveConflict(Context &ctx, const db::CentralUrl &url, const QString &conflictId, bool keepLocal,
                                    const QString &staffLogin, QString &staffPassword, const QDateTime &now)
{
    const auto staff = authenticateFor(ctx, staffLogin, staffPassword, StaffPermission::ReviewMismatch, now);
    if (!staff.ok())
        return staff.failure;
    Failure failure;
    auto central = openAsBranch(ctx, url, &failure);
    if (!central)
        return failure;
    SyncResult result;
    bool atCentral = true;
    try {
        db::ConflictRecord c;
        if (!db::resolveConflict(*central, conflictId, ctx.branchCode, keepLocal, staff.value->login, now, &c))
            return Failure::notFound(QStringLiteral("conflict_id"), QStringLiteral("conflict.not_found"),
                                     Services::tr("There is no open conflict of this branch with this id."));
        atCentral = false;
        {
            db::Transaction tx(ctx.db);
            recordAudit(ctx,
                        {staff.value->login,
                         QStringLiteral("conflict.resolve"),
                         c.localPayload.value(QStringLiteral("national_code")).toString(),
                         {{QStringLiteral("conflict_id"), c.id},
                          {QStringLiteral("table"), c.table},
                          {QStringLiteral("row_id"), c.rowId},
                          {QStringLiteral("keep"), keepLocal ? QStringLiteral("local") : QStringLiteral("central")}}},
                        now);
            tx.commit();
        }
        // The decision reached the central row with a new version: bring it here now.
        pull(ctx, *central, &result, &atCentral);
    } catch (const db::DbException &e) {
        return atCentral ? centralFailure(e.error()) : Failure::environment(e.error());
    }
    return result;
}

} // namespace branch
