// The last successful sync (see SyncStatus.h).
#include "SyncStatus.h"

#include "db/MetaRepository.h"

namespace branch
{

namespace
{
const QString kKey = QStringLiteral("last_sync_success");
}

Outcome<bool> recordSyncSuccess(Context &ctx, const QDateTime &at)
{
    try {
        db::setMetaValue(ctx.db, kKey, db::isoUtc(at));
        return true;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

Outcome<QDateTime> lastSyncSuccess(Context &ctx)
{
    try {
        const QString stored = db::metaValue(ctx.db, kKey);
        return stored.isEmpty() ? QDateTime() : QDateTime::fromString(stored, Qt::ISODateWithMs).toUTC();
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

} // namespace branch
