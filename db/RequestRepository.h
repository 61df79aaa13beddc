// Registration requests of the branch database, with their name index (request_names).
// Functions throw DbException on a storage failure; the caller owns the transaction.
#pragma once

#include "db/Database.h"
#include "db/Records.h"

#include <QList>
#include <QMap>
#include <optional>

namespace branch::db
{

void insertRequest(Database &db, RequestRecord &r);       // sets r.rid; indexes the names
void updateRequest(Database &db, const RequestRecord &r); // status/decision fields, by id
std::optional<RequestRecord> findRequest(Database &db, const QString &id);
// The newest request of this person that is not superseded.
std::optional<RequestRecord> findCurrentRequest(Database &db, const QString &nationalCode);
QList<RequestRecord> requestsOf(Database &db, const QString &nationalCode); // newest first
QMap<RequestStatus, qint64> countRequestsByStatus(Database &db);
QList<RequestRecord> requestsWithStatus(Database &db, RequestStatus status, int limit = -1);

} // namespace branch::db
