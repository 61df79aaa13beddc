// Serving a person from another branch, the central side (see CentralFetch.h).
#include "CentralFetch.h"

#include "CentralRows.h"

#include <QJsonDocument>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

namespace branch::db
{

namespace
{

// Every row of `table` about `nationalCode`, each as a change of the log's shape.
void appendRows(CentralDatabase &db, const QString &table, const QString &nationalCode, QList<CentralChange> *out)
{
    QSqlQuery &q = db.prepared(QStringLiteral("SELECT * FROM %1 WHERE national_code = ?").arg(table));
    q.addBindValue(nationalCode);
    db.exec(q);
    while (q.next()) {
        const QSqlRecord r = q.record();
        QJsonObject payload;
        for (int i = 0; i < r.count(); ++i)
            payload.insert(r.fieldName(i), r.isNull(i) ? QJsonValue() : QJsonValue::fromVariant(r.value(i)));
        if (payload.contains(QStringLiteral("password_hash")))
            payload.insert(QStringLiteral("password_hash"), QString());
        payload.remove(QStringLiteral("code_hash"));
        CentralChange c;
        c.table = table;
        c.op = QStringLiteral("upsert");
        c.wanted = true;
        c.rowId = payload.contains(QStringLiteral("id")) ? payload.value(QStringLiteral("id")).toString()
                  : table == QLatin1String("mobile_owners")
                      ? nationalCode + QLatin1Char(':') + payload.value(QStringLiteral("mobile")).toString()
                      : nationalCode;
        c.payload = payload;
        *out << c;
    }
    q.finish();
}

bool known(CentralDatabase &db, const QString &nationalCode)
{
    QSqlQuery &q = db.prepared(QStringLiteral(
        "SELECT (SELECT count(*) FROM requests WHERE national_code = ?) + (SELECT count(*) FROM accounts WHERE "
        "national_code = ?) + (SELECT count(*) FROM registry_persons WHERE national_code = ?)"));
    for (int i = 0; i < 3; ++i)
        q.addBindValue(nationalCode);
    db.exec(q);
    const bool found = q.next() && q.value(0).toLongLong() > 0;
    q.finish();
    return found;
}

} // namespace

QList<CentralChange> fetchPersonRows(CentralDatabase &db, const QString &nationalCode, const QString &staffLogin,
                                     const QDateTime &now)
{
    QList<CentralChange> out;
    CentralTransaction tx(db);
    if (db.branchSession()) {
        QSqlQuery &q =
            db.prepared(QStringLiteral("SELECT table_name, row_id, payload FROM branchdesk_fetch_person(?, ?)"));
        q.addBindValue(nationalCode);
        q.addBindValue(staffLogin);
        db.exec(q);
        while (q.next()) {
            CentralChange c;
            c.table = q.value(0).toString();
            c.rowId = q.value(1).toString();
            c.op = QStringLiteral("upsert");
            c.wanted = true;
            c.payload = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
            out << c;
        }
        q.finish();
        tx.commit();
        return out;
    }
    const QString branch = db.sessionBranch();
    if (branch.isEmpty())
        throw DbException({DbError::Kind::Forbidden, QStringLiteral("a fetch is a branch's")});
    if (!known(db, nationalCode))
        return out;
    const QString at = now.toUTC().toString(Qt::ISODateWithMs);
    db.execBound(
        QStringLiteral("INSERT OR IGNORE INTO branch_persons (branch_code, national_code, how, since) VALUES (?, "
                       "?, 'fetched', ?)"),
        {branch, nationalCode, at});
    db.execBound(
        QStringLiteral(
            "INSERT INTO person_fetches (branch_code, national_code, staff_login, fetched_at) VALUES (?, ?, ?, ?)"),
        {branch, nationalCode, staffLogin, at});
    for (const char *table : {"requests", "accounts", "registry_persons", "mobile_owners"})
        appendRows(db, QString::fromLatin1(table), nationalCode, &out);
    tx.commit();
    return out;
}

QStringList personsWithMobile(CentralDatabase &db, const QString &mobile)
{
    QSqlQuery &q = db.prepared(
        db.branchSession()
            ? QStringLiteral("SELECT national_code FROM branchdesk_persons_by_mobile(?)")
            : QStringLiteral("SELECT DISTINCT national_code FROM (SELECT national_code FROM accounts WHERE mobile = ? "
                             "UNION SELECT national_code FROM requests WHERE mobile = ? AND status <> 'superseded') "
                             "ORDER BY 1 LIMIT 5"));
    q.addBindValue(mobile);
    if (!db.branchSession())
        q.addBindValue(mobile);
    db.exec(q);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    q.finish();
    return out;
}

} // namespace branch::db
