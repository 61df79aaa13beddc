// The meta table's values (the branch code, the schema's and the audit chain's anchors, the
// demo marks) and the SQLite library's version. Functions throw DbException on a storage
// failure; the caller owns the transaction.
#pragma once

#include "db/Database.h"

#include <QString>

namespace branch::db
{

QString metaValue(Database &db, const QString &key);
void setMetaValue(Database &db, const QString &key, const QString &value);

// The SQLite library's version as the connection reports it ("3.40.1"), for Help → About.
QString sqliteVersion(Database &db);

} // namespace branch::db
