// Where the branch's files live by default (shared by branchdesk and branchctl), and the
// folders the desk keeps its file dialogs away from.
#pragma once

#include <QString>

namespace branch
{

// $BRANCHDESK_DB when set, else the per-user data location's database folder:
// …/BranchDesk/database/branchdesk.db. The database has a folder of its own that nothing
// else is saved to, so that no dialog offering that folder is ever needed. A database still
// at the earlier default (…/BranchDesk/branchdesk.db, no file at the new one) is used where
// it is: moving a database another program may have open is not safe.
QString defaultDatabasePath();

// The folder a save dialog (receipt, daily report) starts in: Documents when it exists,
// else the home folder; never a folder holding a database this process has open.
QString saveStartFolder();

// True when `folder` holds a database this process has open.
bool folderHoldsOpenDatabase(const QString &folder);
// True when `path` is a database this process has open, or its -wal, -shm or -journal file.
bool isOpenDatabaseFile(const QString &path);

} // namespace branch
