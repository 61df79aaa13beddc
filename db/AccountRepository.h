// Accounts and their password recoveries in the branch database. Functions throw
// DbException on a storage failure; the caller owns the transaction.
#pragma once

#include "db/Database.h"
#include "db/Records.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace branch::db
{

// accounts
void insertAccount(Database &db, const AccountRecord &a);
void updateAccount(Database &db, const AccountRecord &a); // mobile, secrets, version, updated_*
std::optional<AccountRecord> findAccount(Database &db, const QString &nationalCode);
// The national codes of up to `limit` accounts, in national-code order (benchmarks).
QStringList accountNationalCodes(Database &db, int limit);

// recoveries
void insertRecovery(Database &db, const RecoveryRecord &r);
void updateRecovery(Database &db, const RecoveryRecord &r);
std::optional<RecoveryRecord> findRecovery(Database &db, const QString &id);
// This person's recoveries created at or after `since`, oldest first.
QList<RecoveryRecord> recoveriesOf(Database &db, const QString &nationalCode, const QDateTime &since);

} // namespace branch::db
