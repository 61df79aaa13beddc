// Registration requests and their name index (see RequestRepository.h). A request's columns
// and reader are those of db/RequestRows (travellingColumns("requests")), after the rid.
#include "RequestRepository.h"

#include "CentralSync.h"
#include "NameIndex.h"
#include "RequestRows.h"
#include "RowReading.h"

namespace branch::db
{

namespace
{

// The travelling columns, in travellingColumns' order.
const QString &requestColumns()
{
    static const QString columns = travellingColumns(QStringLiteral("requests")).join(QStringLiteral(", "));
    return columns;
}

// The requests a "SELECT rid, <requestColumns> FROM requests <condition>" finds.
QSqlQuery &selectRequests(Database &db, const QString &condition, const QVariantList &values)
{
    return runStatement(db, QStringLiteral("SELECT rid, %1 FROM requests %2").arg(requestColumns(), condition), values);
}

RequestRecord readRequest(const QSqlQuery &q)
{
    RequestRecord r = readRequestRow(q, 1);
    r.rid = q.value(0).toLongLong();
    return r;
}

} // namespace

void insertRequest(Database &db, RequestRecord &r)
{
    QSqlQuery &q =
        runStatement(db,
                     QStringLiteral("INSERT INTO requests (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                         .arg(requestColumns()),
                     {r.id,
                      r.branchCode,
                      r.version,
                      r.nationalCode,
                      r.mobile,
                      r.firstName,
                      r.lastName,
                      r.firstNameNorm,
                      r.lastNameNorm,
                      r.birthCertNo,
                      r.birthDate.toString(Qt::ISODate),
                      r.gender,
                      r.email,
                      r.passwordHash,
                      r.questionsJson,
                      statusName(r.status),
                      isoUtc(r.submittedAt),
                      timeOrNull(r.decidedAt),
                      isoUtc(r.updatedAt),
                      r.updatedBy});
    r.rid = q.lastInsertId().toLongLong();
    runStatement(db, QStringLiteral("INSERT INTO request_names (rowid, tokens) VALUES (?, ?)"),
                 {r.rid, nameIndexText(r.firstName, r.lastName)});
}

void updateRequest(Database &db, const RequestRecord &r)
{
    runStatement(db,
                 QStringLiteral("UPDATE requests SET version = ?, mobile = ?, first_name = ?, last_name = ?, "
                                "first_name_norm = ?, last_name_norm = ?, birth_cert_no = ?, birth_date = ?, gender = "
                                "?, status = ?, decided_at = ?, updated_at = ?, updated_by = ? WHERE id = ?"),
                 {r.version, r.mobile, r.firstName, r.lastName, r.firstNameNorm, r.lastNameNorm, r.birthCertNo,
                  r.birthDate.toString(Qt::ISODate), r.gender, statusName(r.status), timeOrNull(r.decidedAt),
                  isoUtc(r.updatedAt), r.updatedBy, r.id});
    // Names may have been corrected (supervisor review): keep the index in step.
    runStatement(db,
                 QStringLiteral("UPDATE request_names SET tokens = ? WHERE rowid = (SELECT rid FROM requests WHERE "
                                "id = ?)"),
                 {nameIndexText(r.firstName, r.lastName), r.id});
}

std::optional<RequestRecord> findRequest(Database &db, const QString &id)
{
    return readFirst(selectRequests(db, QStringLiteral("WHERE id = ?"), {id}), readRequest);
}

std::optional<RequestRecord> findCurrentRequest(Database &db, const QString &nationalCode)
{
    return readFirst(selectRequests(db,
                                    QStringLiteral("WHERE national_code = ? AND status <> 'superseded' ORDER BY "
                                                   "submitted_at DESC, rid DESC LIMIT 1"),
                                    {nationalCode}),
                     readRequest);
}

QList<RequestRecord> requestsOf(Database &db, const QString &nationalCode)
{
    return readAll(selectRequests(db, QStringLiteral("WHERE national_code = ? ORDER BY submitted_at DESC, rid DESC"),
                                  {nationalCode}),
                   readRequest);
}

QMap<RequestStatus, qint64> countRequestsByStatus(Database &db)
{
    QSqlQuery &q = runStatement(db, QStringLiteral("SELECT status, count(*) FROM requests GROUP BY status"));
    QMap<RequestStatus, qint64> out;
    while (q.next())
        out.insert(requestStatusFromColumn(q.value(0).toString()), q.value(1).toLongLong());
    q.finish();
    return out;
}

QList<RequestRecord> requestsWithStatus(Database &db, RequestStatus status, int limit)
{
    return readAll(selectRequests(db, QStringLiteral("WHERE status = ? ORDER BY submitted_at, rid LIMIT ?"),
                                  {statusName(status), limit}),
                   readRequest);
}

} // namespace branch::db
