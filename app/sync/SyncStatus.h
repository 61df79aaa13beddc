// When this branch last synced successfully, kept in the branch database so that a desk
// started later (or after `branchctl sync`) still knows it: the status bar and the
// dashboard's sync health show it instead of "not yet".
#pragma once

#include "app/lifecycle/Service.h"

#include <QDateTime>

namespace branch
{

// Records `at` (UTC) as the last successful sync. Outside any other transaction.
Outcome<bool> recordSyncSuccess(Context &ctx, const QDateTime &at);

// The last successful sync, or an invalid time when this database never synced.
Outcome<QDateTime> lastSyncSuccess(Context &ctx);

} // namespace branch
