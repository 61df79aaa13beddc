// A request row read into a RequestRecord (see RequestRows.h).
#include "RequestRows.h"

#include <QSqlQuery>
#include <QVariant>

namespace branch::db
{

RequestRecord readRequestRow(const QSqlQuery &q, int first)
{
    const auto text = [&](int i) { return q.value(first + i).toString(); };
    RequestRecord r;
    r.id = text(0);
    r.branchCode = text(1);
    r.version = q.value(first + 2).toInt();
    r.nationalCode = text(3);
    r.mobile = text(4);
    r.firstName = text(5);
    r.lastName = text(6);
    r.firstNameNorm = text(7);
    r.lastNameNorm = text(8);
    r.birthCertNo = text(9);
    r.birthDate = QDate::fromString(text(10), Qt::ISODate);
    r.gender = text(11);
    r.email = text(12);
    r.passwordHash = text(13);
    r.questionsJson = text(14);
    r.status = requestStatusFromColumn(text(15));
    r.submittedAt = fromIsoUtc(text(16));
    r.decidedAt = fromIsoUtc(text(17));
    r.updatedAt = fromIsoUtc(text(18));
    r.updatedBy = text(19);
    return r;
}

} // namespace branch::db
