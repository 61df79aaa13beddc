// The branch's audit log, hash-chained (see security/AuditChain). Functions throw
// DbException on a storage failure; the caller owns the transaction.
#pragma once

#include "db/Database.h"
#include "db/Records.h"

#include <QList>

namespace branch::db
{

AuditRecord appendAudit(Database &db, AuditRecord entry); // fills seq, prev_hash, hash
QList<AuditRecord> auditLog(Database &db);
QList<AuditRecord> auditOf(Database &db, const QString &nationalCode);

} // namespace branch::db
