// The central verification's storage (see CentralVerify.h).
#include "CentralVerify.h"

#include "db/CentralRows.h"
#include "db/RegistryRows.h"
#include "db/RequestRows.h"
#include "db/RowReading.h"

#include <QJsonDocument>
#include <QVariant>

namespace branch::db
{

namespace
{

// Runs a cached statement with `values` bound in order (a null text as NULL).
QSqlQuery &run(CentralDatabase &db, const QString &sql, const QVariantList &values = {})
{
    return db.link().run(sql, values);
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

// The travelling form of a row as bound values, in the order of travellingColumns(table).
// Times that are not set (sent_at of a queued SMS) are NULL, as the branches write them.
void insertTravelling(CentralDatabase &db, const QString &table, const QJsonObject &payload)
{
    const QStringList columns = travellingColumns(table);
    QStringList marks;
    QVariantList values;
    for (const QString &c : columns) {
        const QJsonValue v = payload.value(c);
        if (c == QLatin1String("id") || c == QLatin1String("request_id"))
            marks << db.sql().uuidParam;
        else
            marks << QStringLiteral("?");
        if (v.isDouble())
            values << QVariant(qint64(v.toInteger()));
        else if (v.isNull() || v.isUndefined() || (c.endsWith(QLatin1String("_at")) && v.toString().isEmpty()))
            values << nullText();
        else
            values << QVariant(v.toString());
    }
    QSqlQuery &q = run(db,
                       QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                           .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                       values);
    q.finish();
}

} // namespace

QStringList centralSubmittedRequestIds(CentralDatabase &db)
{
    QSqlQuery &q =
        run(db, QStringLiteral("SELECT %1 FROM requests WHERE status = 'submitted' ORDER BY submitted_at, id")
                    .arg(db.sql().asText(QStringLiteral("id"))));
    return readAll(q, [](const QSqlQuery &row) { return row.value(0).toString(); });
}

std::optional<RequestRecord> lockCentralRequest(CentralDatabase &db, const QString &id)
{
    const SqlDialect &sql = db.sql();
    QSqlQuery &q = run(
        db,
        QStringLiteral("SELECT %1 FROM requests WHERE id = %2%3")
            .arg(rows::textColumns(sql, travellingColumns(QStringLiteral("requests"))), sql.uuidParam, sql.forUpdate),
        {id});
    return readFirst(q, [](const QSqlQuery &row) { return readRequestRow(row); });
}

std::optional<RegistryPerson> centralRegistryPerson(CentralDatabase &db, const QString &nationalCode)
{
    return readFirst(run(db, registryPersonByCodeSql(), {nationalCode}), registryColumns());
}

bool centralOwnsMobile(CentralDatabase &db, const QString &nationalCode, const QString &mobile)
{
    return hasRow(run(db, QStringLiteral("SELECT 1 FROM mobile_owners WHERE national_code = ? AND mobile = ?"),
                      {nationalCode, mobile}));
}

bool centralAccountExists(CentralDatabase &db, const QString &nationalCode)
{
    return hasRow(run(db, QStringLiteral("SELECT 1 FROM accounts WHERE national_code = ?"), {nationalCode}));
}

bool updateCentralRequestDecision(CentralDatabase &db, const RequestRecord &r, int baseVersion)
{
    QSqlQuery &q =
        run(db,
            QStringLiteral("UPDATE requests SET status = ?, version = ?, decided_at = ?, updated_at = ?, "
                           "updated_by = ? WHERE id = %1 AND version = ?")
                .arg(db.sql().uuidParam),
            {statusName(r.status), r.version, r.decidedAt.isValid() ? QVariant(isoUtc(r.decidedAt)) : nullText(),
             isoUtc(r.updatedAt), r.updatedBy, r.id, baseVersion});
    const bool updated = q.numRowsAffected() == 1;
    q.finish();
    return updated;
}

void insertCentralAccount(CentralDatabase &db, const AccountRecord &a)
{
    insertTravelling(db, QStringLiteral("accounts"), a.toJson());
}

void insertCentralSms(CentralDatabase &db, const SmsRecord &s)
{
    insertTravelling(db, QStringLiteral("sms_messages"), s.toJson());
}

bool upsertCentralRegistryPerson(CentralDatabase &db, const RegistryPerson &p, const QDateTime &now)
{
    static const QStringList kValueColumns = {
        QStringLiteral("first_name"),      QStringLiteral("last_name"),      QStringLiteral("father_name"),
        QStringLiteral("first_name_norm"), QStringLiteral("last_name_norm"), QStringLiteral("father_name_norm"),
        QStringLiteral("birth_cert_no"),   QStringLiteral("birth_date"),     QStringLiteral("gender")};
    QStringList sets, differs;
    const QString &distinct = db.sql().distinctFrom; // a difference, NULLs included
    for (const QString &c : kValueColumns) {
        sets << c + QStringLiteral(" = excluded.") + c;
        differs << QStringLiteral("registry_persons.") + c + distinct + QStringLiteral("excluded.") + c;
    }
    QSqlQuery &q =
        run(db,
            QStringLiteral("INSERT INTO registry_persons (national_code, %1, updated_at) VALUES "
                           "(?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (national_code) DO UPDATE SET %2, "
                           "updated_at = excluded.updated_at WHERE %3")
                .arg(kValueColumns.join(QStringLiteral(", ")), sets.join(QStringLiteral(", ")),
                     differs.join(QStringLiteral(" OR "))),
            // An empty father's name (the CSV allows one) is '' (a null QString binds NULL).
            {p.nationalCode, p.firstName, p.lastName, p.fatherName.isNull() ? QStringLiteral("") : p.fatherName,
             p.firstNameNorm, p.lastNameNorm, p.fatherNameNorm.isNull() ? QStringLiteral("") : p.fatherNameNorm,
             p.birthCertNo, p.birthDate.toString(Qt::ISODate), p.gender, isoUtc(now)});
    const bool written = q.numRowsAffected() > 0;
    q.finish();
    return written;
}

bool insertCentralMobileOwner(CentralDatabase &db, const QString &nationalCode, const QString &mobile)
{
    QSqlQuery &q = run(db,
                       QStringLiteral("INSERT INTO mobile_owners (national_code, mobile) VALUES (?, ?) "
                                      "ON CONFLICT (national_code, mobile) DO NOTHING"),
                       {nationalCode, mobile});
    const bool written = q.numRowsAffected() > 0;
    q.finish();
    return written;
}

void insertCentralAudit(CentralDatabase &db, const CentralAuditEntry &e)
{
    const SqlDialect &sql = db.sql();
    QSqlQuery &q = run(db,
                       QStringLiteral("INSERT INTO central_audit (at, actor, action, national_code, branch_code, "
                                      "details) VALUES (%1, ?, ?, ?, ?, %2)")
                           .arg(sql.timeParam, sql.jsonParam),
                       {isoUtc(e.at), e.actor, e.action, e.nationalCode.isNull() ? QStringLiteral("") : e.nationalCode,
                        e.branchCode.isEmpty() ? nullText() : QVariant(e.branchCode),
                        QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact))});
    q.finish();
}

} // namespace branch::db
