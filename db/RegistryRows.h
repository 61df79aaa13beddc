// A civil-registry row read into a RegistryPerson, written once for the branch database and
// the central one (both hold registry_persons with the same columns).
#pragma once

#include "db/Records.h"
#include "db/RowReading.h"

namespace branch::db
{

// The registry's columns but updated_at, in the order RegistryPerson lists them.
const TableColumns<RegistryPerson> &registryColumns();

// The statement that finds one person by national code (bound: the code), on either database.
const QString &registryPersonByCodeSql();

} // namespace branch::db
