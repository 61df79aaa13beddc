// Every read and write of BranchDesk's tables. Functions throw DbException on a storage
// failure; the caller (a service) owns the transaction and turns errors into messages.
#pragma once

#include "Database.h"
#include "Records.h"

#include <QList>
#include <QMap>
#include <optional>

namespace branch::db
{

// meta
QString metaValue(Database &db, const QString &key);
void setMetaValue(Database &db, const QString &key, const QString &value);

// civil registry and mobile ownership (reference data)
void upsertRegistryPerson(Database &db, const RegistryPerson &p, const QDateTime &now);
std::optional<RegistryPerson> findRegistryPerson(Database &db, const QString &nationalCode);
void upsertMobileOwner(Database &db, const QString &nationalCode, const QString &mobile);
bool ownsMobile(Database &db, const QString &nationalCode, const QString &mobile);

// registration requests
void insertRequest(Database &db, RequestRecord &r);       // sets r.rid; indexes the names
void updateRequest(Database &db, const RequestRecord &r); // status/decision fields, by id
std::optional<RequestRecord> findRequest(Database &db, const QString &id);
// The newest request of this person that is not superseded.
std::optional<RequestRecord> findCurrentRequest(Database &db, const QString &nationalCode);
QList<RequestRecord> requestsOf(Database &db, const QString &nationalCode); // newest first
QMap<RequestStatus, qint64> countRequestsByStatus(Database &db);
QList<RequestRecord> requestsWithStatus(Database &db, RequestStatus status, int limit = -1);

// accounts
void insertAccount(Database &db, const AccountRecord &a);
void updateAccount(Database &db, const AccountRecord &a); // mobile, secrets, version, updated_*
std::optional<AccountRecord> findAccount(Database &db, const QString &nationalCode);
// The national codes of up to `limit` accounts, in national-code order (benchmarks).
QStringList accountNationalCodes(Database &db, int limit);

// SMS
void insertSms(Database &db, const SmsRecord &s);
QList<SmsRecord> listSms(Database &db, const QString &nationalCode = {});
QList<SmsRecord> listSmsWithStatus(Database &db, const QString &status); // oldest first
std::optional<SmsRecord> findSms(Database &db, const QString &id);
// Messages a delivery run may take, oldest first: queued ones whose backoff is over, and
// "sending" ones whose claim's lease ran out (a killed run left them).
QList<SmsRecord> smsDue(Database &db, const QDateTime &now, int limit);
// Status, text, version and the delivery bookkeeping, by id.
void updateSmsDelivery(Database &db, const SmsRecord &s);
// Replaces the text inside this message's outbox payloads not yet pushed (a wiped recovery
// code must not leave the branch later through the outbox).
void wipeSmsTextInOutbox(Database &db, const QString &smsId, const QString &text);

// recoveries
void insertRecovery(Database &db, const RecoveryRecord &r);
void updateRecovery(Database &db, const RecoveryRecord &r);
std::optional<RecoveryRecord> findRecovery(Database &db, const QString &id);
// This person's recoveries created at or after `since`, oldest first.
QList<RecoveryRecord> recoveriesOf(Database &db, const QString &nationalCode, const QDateTime &since);

// staff
void insertStaff(Database &db, const StaffRecord &s);
void updateStaff(Database &db, const StaffRecord &s);
std::optional<StaffRecord> findStaff(Database &db, const QString &login);
// Every staff account, active or not (the first-run rule: none at all).
qint64 staffCount(Database &db);

// The SQLite library's version as the connection reports it ("3.40.1"), for Help → About.
QString sqliteVersion(Database &db);

// audit log (hash-chained; see security/AuditChain)
AuditRecord appendAudit(Database &db, AuditRecord entry); // fills seq, prev_hash, hash
QList<AuditRecord> auditLog(Database &db);
QList<AuditRecord> auditOf(Database &db, const QString &nationalCode);

// outbox (consumed by sync)
void appendOutbox(Database &db, const QString &table, const QString &rowId, int baseVersion, int newVersion,
                  const QJsonObject &payload, const QDateTime &now);
qint64 outboxCount(Database &db);

// applicant search (see Search.cpp for the name index)
std::optional<ApplicantRow> applicantByNationalCode(Database &db, const QString &nationalCode);
QList<ApplicantRow> applicantsByMobile(Database &db, const QString &mobile, int limit);
QList<ApplicantRow> applicantsByName(Database &db, const QString &text, int limit);
// The same three searches, keeping only applicants whose current request has `status` (a
// status name); the condition is in the query, so `limit` counts matching rows.
std::optional<ApplicantRow> applicantByNationalCode(Database &db, const QString &nationalCode, const QString &status);
QList<ApplicantRow> applicantsByMobile(Database &db, const QString &mobile, const QString &status, int limit);
// Persons whose national code or current mobile starts with `digits` (ASCII digits only);
// an empty status means any.
QList<ApplicantRow> applicantsByDigitsPrefix(Database &db, const QString &digits, const QString &status, int limit);
QList<ApplicantRow> applicantsByName(Database &db, const QString &text, const QString &status, int limit);
// The FTS5 query and index text for names (public for the benchmark's raw baseline).
QString nameMatchQuery(const QString &text);
QString nameIndexText(const QString &firstName, const QString &lastName);
extern const char *const kApplicantsByNameSql;
extern const char *const kApplicantByCodeSql;

} // namespace branch::db
