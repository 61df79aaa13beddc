// Where the branch's database lives by default (shared by branchdesk and branchctl).
#pragma once

#include <QString>

namespace branch
{

// $BRANCHDESK_DB when set, else the per-user data location: …/BranchDesk/branchdesk.db.
QString defaultDatabasePath();

} // namespace branch
