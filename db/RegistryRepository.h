// The branch's reference data: the civil registry's persons and who owns which mobile.
// Functions throw DbException on a storage failure; the caller owns the transaction.
#pragma once

#include "db/Database.h"
#include "db/Records.h"

#include <optional>

namespace branch::db
{

void upsertRegistryPerson(Database &db, const RegistryPerson &p, const QDateTime &now);
std::optional<RegistryPerson> findRegistryPerson(Database &db, const QString &nationalCode);
void upsertMobileOwner(Database &db, const QString &nationalCode, const QString &mobile);
bool ownsMobile(Database &db, const QString &nationalCode, const QString &mobile);

} // namespace branch::db
