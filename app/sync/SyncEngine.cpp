// The sync engine: push, then pull (see SyncEngine.h). SQL lives in db/SyncRepository
// (the branch) and db/CentralSync (the central database).
#include "SyncEngine.h"

#include "CentralAdmin.h"
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
constexpr int kPullPage = 1000;
const QString kCursorKey = QStringLiteral("sync_cursor");

// The tables a branch pulls. SMS and recoveries stay with the branch that made them (it
// sends the SMS; a recovery is a counter's own).
const QStringList kPulledTables = {QStringLiteral("requests"), QStringLiteral("accounts"),
                                   QStringLiteral("registry_persons"), QStringLiteral("mobile_owners")};

void crashPointForTests(const char *stage)
{
    static const QByteArray wanted = qgetenv("BRANCHDESK_SYNC_CRASH_AFTER");
    if (!wanted.isEmpty() && wanted == stage)
        _exit(9);
}

} // namespace

Outcome<SyncResult> syncWithCentral(Context &ctx, const db::CentralUrl &url, const QDateTime &now)
{
    db::DbError error;
    auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &error);
    if (!central)
        return centralFailure(error);
    SyncResult result;
    bool atCentral = true; // which side a storage error came from
    try {
        central->actAsBranch(ctx.branchCode);

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
            QList<db::PushedChange> changes;
            changes.reserve(rows.size());
            for (const auto &r : rows)
                changes << db::PushedChange{r.table, r.rowId, r.baseVersion, r.newVersion, r.payload};
            atCentral = true;
            const db::BatchOutcome applied = db::applyPushBatch(*central, batchId, ctx.branchCode, changes, now);
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

        // Pull: each page and the cursor in one local transaction; applying is idempotent.
        atCentral = false;
        qint64 cursor = db::metaValue(ctx.db, kCursorKey).toLongLong();
        for (;;) {
            atCentral = true;
            const auto page = db::centralChangesAfter(*central, cursor, kPulledTables, kPullPage);
            atCentral = false;
            if (page.isEmpty())
                break;
            db::Transaction tx(ctx.db);
            for (const auto &c : page)
                if (db::applyCentralChange(ctx.db, c.table, c.op, c.payload))
                    ++result.pulled;
            cursor = page.last().seq;
            db::setMetaValue(ctx.db, kCursorKey, QString::number(cursor));
            tx.commit();
            crashPointForTests("pull_page");
            if (page.size() < kPullPage)
                break;
        }
    } catch (const db::DbException &e) {
        return atCentral ? centralFailure(e.error()) : Failure::environment(e.error());
    }
    return result;
}

} // namespace branch
