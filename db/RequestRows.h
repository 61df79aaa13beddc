// A request row read into a RequestRecord, written once for the branch database and the
// central one: the columns of travellingColumns("requests") (CentralSync.h), in that order.
#pragma once

#include "db/Records.h"

class QSqlQuery;

namespace branch::db
{

// The request whose columns start at column `first` of `q`'s current row (the branch's
// rid, which does not travel, is the caller's).
RequestRecord readRequestRow(const QSqlQuery &q, int first = 0);

} // namespace branch::db
