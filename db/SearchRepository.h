// The applicant searches of the branch database: by national code, mobile, digit prefix and
// name (the name index: db/NameIndex.h), each person once, on their current request.
// Functions throw DbException on a storage failure; the caller owns the transaction.
#pragma once

#include "db/Database.h"
#include "db/Records.h"

#include <QList>
#include <optional>

namespace branch::db
{

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
// Persons with a request (current or older) whose tracking key (requests.tracking_key, see
// app/core/TrackingCode.h) is `key`, each once, on their current request; an empty status
// means any. Several persons when their requests share the key.
QList<ApplicantRow> applicantsByTrackingKey(Database &db, quint64 key, const QString &status, int limit);
// The statements of the name and national-code searches (public for the benchmark's raw
// baseline).
extern const char *const kApplicantsByNameSql;
extern const char *const kApplicantByCodeSql;

} // namespace branch::db
