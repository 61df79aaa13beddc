// The applicant searches (see SearchRepository.h; prepared statements, bound values only).
#include "SearchRepository.h"

#include "NameIndex.h"
#include "RowReading.h"

namespace branch::db
{

namespace
{

ApplicantRow readApplicant(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            requestStatusFromColumn(q.value(4).toString())};
}

} // namespace

// A person's current request is their newest one that was not superseded (as in
// findCurrentRequest); searches list only current requests, so that a person who registered
// again after a decision appears once, with the status they have now. The mobile shown is
// the account's when there is one (it may have been changed at the counter since).
#define BRANCH_ONLY_CURRENT_REQUEST                                                                                    \
    " AND NOT EXISTS (SELECT 1 FROM requests n WHERE n.national_code = r.national_code "                               \
    "AND n.status <> 'superseded' AND (n.submitted_at, n.rid) > (r.submitted_at, r.rid))"
#define BRANCH_APPLICANT_COLUMNS                                                                                       \
    "SELECT r.national_code, r.first_name, r.last_name, coalesce(nullif(a.mobile, ''), r.mobile), r.status "
#define BRANCH_APPLICANT_ACCOUNT " LEFT JOIN accounts a ON a.national_code = r.national_code "

const char *const kApplicantByCodeSql = BRANCH_APPLICANT_COLUMNS
    "FROM requests r" BRANCH_APPLICANT_ACCOUNT
    "WHERE r.national_code = ? AND r.status <> 'superseded' ORDER BY r.submitted_at DESC, r.rid DESC LIMIT 1";

const char *const kApplicantsByNameSql = BRANCH_APPLICANT_COLUMNS
    "FROM request_names f JOIN requests r ON r.rid = f.rowid" BRANCH_APPLICANT_ACCOUNT
    "WHERE request_names MATCH ? AND r.status <> 'superseded'" BRANCH_ONLY_CURRENT_REQUEST " LIMIT ?";

std::optional<ApplicantRow> applicantByNationalCode(Database &db, const QString &nationalCode)
{
    QSqlQuery &q = runStatement(db, QString::fromLatin1(kApplicantByCodeSql), {nationalCode});
    return readFirst(q, readApplicant);
}

// Whoever holds the number now: on their current request, or on their account.
const char *const kApplicantsByMobileSql = BRANCH_APPLICANT_COLUMNS
    "FROM requests r" BRANCH_APPLICANT_ACCOUNT
    "WHERE r.national_code IN (SELECT national_code FROM requests WHERE mobile = ? "
    "UNION SELECT national_code FROM accounts WHERE mobile = ?) "
    "AND r.status <> 'superseded'" BRANCH_ONLY_CURRENT_REQUEST " AND coalesce(nullif(a.mobile, ''), r.mobile) = ? "
    "ORDER BY r.submitted_at DESC, r.rid DESC LIMIT ?";

// Digit prefixes as index ranges: [digits, digits + ':') holds every string of digits that
// starts with them (':' follows '9' in ASCII). Only current requests, each person once.
const char *const kApplicantsByDigitsPrefixSql = BRANCH_APPLICANT_COLUMNS
    "FROM requests r" BRANCH_APPLICANT_ACCOUNT
    "WHERE ((r.national_code >= ? AND r.national_code < ?) OR (r.mobile >= ? AND r.mobile < ?)) "
    "AND r.status <> 'superseded'" BRANCH_ONLY_CURRENT_REQUEST " AND (? = '' OR r.status = ?) LIMIT ?";

QList<ApplicantRow> applicantsByDigitsPrefix(Database &db, const QString &digits, const QString &status, int limit)
{
    const QString end = digits + QLatin1Char(':');
    QSqlQuery &q = runStatement(db, QString::fromLatin1(kApplicantsByDigitsPrefixSql),
                                {digits, end, digits, end, status, status, limit});
    return readAll(q, readApplicant);
}

// A receipt's code may belong to an older request of the person: they are shown as they
// are now.
const char *const kApplicantsByTrackingKeySql =
    BRANCH_APPLICANT_COLUMNS "FROM requests r" BRANCH_APPLICANT_ACCOUNT
                             "WHERE r.national_code IN (SELECT national_code FROM requests WHERE tracking_key = ?) "
                             "AND r.status <> 'superseded'" BRANCH_ONLY_CURRENT_REQUEST " AND (? = '' OR r.status = ?) "
                             "ORDER BY r.submitted_at DESC, r.rid DESC LIMIT ?";

QList<ApplicantRow> applicantsByTrackingKey(Database &db, quint64 key, const QString &status, int limit)
{
    QSqlQuery &q =
        runStatement(db, QString::fromLatin1(kApplicantsByTrackingKeySql), {qint64(key), status, status, limit});
    return readAll(q, readApplicant);
}

QList<ApplicantRow> applicantsByMobile(Database &db, const QString &mobile, int limit)
{
    QSqlQuery &q = runStatement(db, QString::fromLatin1(kApplicantsByMobileSql), {mobile, mobile, mobile, limit});
    return readAll(q, readApplicant);
}
#undef BRANCH_ONLY_CURRENT_REQUEST
#undef BRANCH_APPLICANT_COLUMNS
#undef BRANCH_APPLICANT_ACCOUNT

QList<ApplicantRow> applicantsByName(Database &db, const QString &text, int limit)
{
    const QString match = nameMatchQuery(text);
    if (match.isEmpty())
        return {};
    QSqlQuery &q = runStatement(db, QString::fromLatin1(kApplicantsByNameSql), {match, limit});
    return readAll(q, readApplicant);
}

// The searches with a status filter. Each is its unfiltered statement (kept as it is: the
// benchmark compares kApplicantsByNameSql and kApplicantByCodeSql with raw SQLite) with the
// status condition added, so that the two cannot drift apart.
namespace
{
// "... WHERE ... [ORDER BY ...] LIMIT ?" → "... WHERE ... AND r.status = ? [ORDER BY ...] LIMIT ?"
QString withStatusCondition(const char *sql)
{
    const QString s = QString::fromLatin1(sql);
    qsizetype at = s.lastIndexOf(QLatin1String(" ORDER BY "));
    if (at < 0)
        at = s.lastIndexOf(QLatin1String(" LIMIT "));
    Q_ASSERT(at > 0);
    return s.left(at) + QLatin1String(" AND r.status = ?") + s.mid(at);
}
} // namespace

std::optional<ApplicantRow> applicantByNationalCode(Database &db, const QString &nationalCode, const QString &status)
{
    // The person's current request, kept only when it has that status (an older request
    // with that status does not count).
    static const QString sql =
        QStringLiteral("SELECT * FROM (%1) WHERE status = ?").arg(QString::fromLatin1(kApplicantByCodeSql));
    QSqlQuery &q = runStatement(db, sql, {nationalCode, status});
    return readFirst(q, readApplicant);
}

QList<ApplicantRow> applicantsByMobile(Database &db, const QString &mobile, const QString &status, int limit)
{
    static const QString sql = withStatusCondition(kApplicantsByMobileSql);
    QSqlQuery &q = runStatement(db, sql, {mobile, mobile, mobile, status, limit});
    return readAll(q, readApplicant);
}

QList<ApplicantRow> applicantsByName(Database &db, const QString &text, const QString &status, int limit)
{
    const QString match = nameMatchQuery(text);
    if (match.isEmpty())
        return {};
    static const QString sql = withStatusCondition(kApplicantsByNameSql);
    QSqlQuery &q = runStatement(db, sql, {match, status, limit});
    return readAll(q, readApplicant);
}

} // namespace branch::db
