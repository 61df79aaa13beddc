// Serving a person from another branch, the central side (SQL only): a branch takes a
// person it does not hold (the person came to its counter), the central records which
// branch, which staff login and when, and hands over the person's current rows.
// The caller's session is a branch's (CentralDatabase::actAsBranch).
#pragma once

#include "db/CentralSync.h"

#include <QDateTime>

namespace branch::db
{

// The branch of this session takes person `nationalCode` for `staffLogin`, in one central
// transaction: recorded (branch_persons, person_fetches; on PostgreSQL also central_audit
// person.fetch, which a SQLite branch session may not write), then
// the person's current rows as upserts of the change log's shape (every request and the
// account without password hashes, the registry row, the mobile owners' rows). Empty, and
// nothing recorded, when the central database knows no such person.
// PostgreSQL: branchdesk_fetch_person (central/pg/006); SQLite: the same in SQL here.
QList<CentralChange> fetchPersonRows(CentralDatabase &db, const QString &nationalCode, const QString &staffLogin,
                                     const QDateTime &now);

// The national codes (at most five) whose account or live request has mobile `mobile`, for
// a look-up by a complete mobile number; nothing is recorded until one is fetched.
QStringList personsWithMobile(CentralDatabase &db, const QString &mobile);

} // namespace branch::db
