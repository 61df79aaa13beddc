// The central verification's storage (SQL only): the submitted requests of every branch,
// the central reference data they are decided against, and the writes of one decision
// (the request, the account, the SMS, the central audit). The caller owns the
// CentralTransaction and runs as the owner of the central tables, not as a branch role.
#pragma once

#include "db/Central.h"
#include "db/Records.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace branch::db
{

// The ids of the central requests still submitted (all branches), oldest first.
QStringList centralSubmittedRequestIds(CentralDatabase &db);

// Request `id` as it is now, locked until the caller's transaction ends so that a
// concurrent verifier waits and then sees the decision (PostgreSQL: SELECT ... FOR
// UPDATE; SQLite: the caller's BEGIN IMMEDIATE already holds the only write lock).
std::optional<RequestRecord> lockCentralRequest(CentralDatabase &db, const QString &id);

// The central reference data.
std::optional<RegistryPerson> centralRegistryPerson(CentralDatabase &db, const QString &nationalCode);
bool centralOwnsMobile(CentralDatabase &db, const QString &nationalCode, const QString &mobile);
bool centralAccountExists(CentralDatabase &db, const QString &nationalCode);
// Loading the central reference data (the central imports). Each returns whether a row was
// written: a row already there with the same values is left alone, so that the change log,
// and with it every branch's next pull, carries only what really changed.
bool upsertCentralRegistryPerson(CentralDatabase &db, const RegistryPerson &p, const QDateTime &now);
bool insertCentralMobileOwner(CentralDatabase &db, const QString &nationalCode, const QString &mobile);

// Writes a decided request: status, decided_at, updated_at, updated_by and version (the
// row keeps its branch code). False when the row is no longer at `baseVersion`.
bool updateCentralRequestDecision(CentralDatabase &db, const RequestRecord &r, int baseVersion);
// New travelling rows, with the columns they travel with (travellingColumns).
void insertCentralAccount(CentralDatabase &db, const AccountRecord &a);
void insertCentralSms(CentralDatabase &db, const SmsRecord &s);

// One entry of the central database's own audit log (central_audit). `details` must hold
// no names, mobiles, texts or secrets.
struct CentralAuditEntry {
    QDateTime at;
    QString actor, action, nationalCode, branchCode;
    QJsonObject details;
};
void insertCentralAudit(CentralDatabase &db, const CentralAuditEntry &e);

} // namespace branch::db
