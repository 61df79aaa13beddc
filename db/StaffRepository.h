// Staff accounts of the branch (logins, roles, lockout). Functions throw DbException on a
// storage failure; the caller owns the transaction.
#pragma once

#include "db/Database.h"
#include "db/Records.h"

#include <optional>

namespace branch::db
{

void insertStaff(Database &db, const StaffRecord &s);
void updateStaff(Database &db, const StaffRecord &s);
std::optional<StaffRecord> findStaff(Database &db, const QString &login);
// Every staff account, active or not (the first-run rule: none at all).
qint64 staffCount(Database &db);

} // namespace branch::db
