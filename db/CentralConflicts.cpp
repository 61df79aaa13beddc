// The conflicts the push kept: reading a branch's open ones and resolving one (see CentralSync.h).
#include "CentralRows.h"
#include "RowReading.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace branch::db
{

using namespace rows;

namespace
{

// The columns conflictSelect selects, in its order.
const TableColumns<ConflictRecord> &conflictColumns()
{
    using C = ConflictRecord;
    static const TableColumns<C> columns = {{"id", &C::id},
                                            {"table_name", &C::table},
                                            {"row_id", &C::rowId},
                                            {"base_version", &C::baseVersion},
                                            {"local_payload", &C::localPayload},
                                            {"central_payload", &C::centralPayload},
                                            {"created_at", &C::createdAt}};
    return columns;
}

QString conflictSelect(const CentralDatabase &db)
{
    const SqlDialect &sql = db.sql();
    return QStringLiteral("SELECT %1, table_name, row_id, base_version, %2, coalesce(%3, ''), %4 FROM conflicts ")
        .arg(sql.asText(QStringLiteral("id")), sql.asText(QStringLiteral("local_payload")),
             sql.asText(QStringLiteral("central_payload")), sql.asText(QStringLiteral("created_at")));
}

} // namespace

QList<ConflictRecord> openConflicts(CentralDatabase &db, const QString &branch)
{
    QSqlQuery &q = db.prepared(conflictSelect(db) +
                               QStringLiteral("WHERE branch_code = ? AND status = 'open' ORDER BY created_at, id"));
    q.addBindValue(branch);
    db.exec(q);
    return readAll(q, conflictColumns());
}

bool resolveConflict(CentralDatabase &db, const QString &id, const QString &branch, bool keepLocal,
                     const QString &resolvedBy, const QDateTime &now, ConflictRecord *resolved)
{
    if (QUuid::fromString(id).isNull())
        return false;
    CentralTransaction tx(db);
    QSqlQuery &q = db.prepared(conflictSelect(db) + QStringLiteral("WHERE id = %1 AND branch_code = ? AND status = "
                                                                   "'open'")
                                                        .arg(db.sql().uuidParam));
    q.addBindValue(id);
    q.addBindValue(branch);
    db.exec(q);
    const bool found = q.next();
    ConflictRecord c = found ? conflictColumns().read(q) : ConflictRecord{};
    q.finish();
    if (!found)
        return false;
    if (db.branchSession()) {
        // The row goes through the server's checks (branchdesk_push_rows), the conflict's
        // end through branchdesk_resolve_conflict: a branch's role writes no table itself.
        if (const TableShape *t = shapeOf(c.table)) {
            const QHash<QString, Row> found = centralRows(db, c.table, *t, QStringLiteral("id"), {c.rowId});
            QJsonObject values;
            if (found.contains(c.rowId))
                values = objectFromRow(*t, found.value(c.rowId));
            if (keepLocal)
                for (const QString &col : t->columns)
                    if (c.localPayload.contains(col) && col != QLatin1String("id"))
                        values.insert(col, c.localPayload.value(col));
            if (!values.isEmpty()) {
                values.insert(QStringLiteral("id"), c.rowId);
                values.insert(QStringLiteral("version"), values.value(QStringLiteral("version")).toInt() + 1);
                QSqlQuery &w = db.prepared(QStringLiteral("SELECT branchdesk_push_rows(?, ?::jsonb)"));
                w.addBindValue(c.table);
                w.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray{values}).toJson(QJsonDocument::Compact)));
                db.exec(w);
                w.finish();
            }
        }
        QSqlQuery &r = db.prepared(QStringLiteral("SELECT branchdesk_resolve_conflict(?::uuid, ?, ?)"));
        r.addBindValue(id);
        r.addBindValue(keepLocal ? QStringLiteral("local") : QStringLiteral("central"));
        r.addBindValue(resolvedBy);
        db.exec(r);
        r.finish();
        tx.commit();
        if (resolved)
            *resolved = c;
        return true;
    }
    if (const TableShape *t = shapeOf(c.table)) {
        const QStringList &columns = t->columns;
        const QHash<QString, Row> found = centralRows(db, c.table, *t, QStringLiteral("id"), {c.rowId});
        if (found.contains(c.rowId)) {
            const QJsonObject central = objectFromRow(*t, found.value(c.rowId));
            QJsonObject values = central;
            if (keepLocal)
                for (const QString &col : columns)
                    if (c.localPayload.contains(col) && col != QLatin1String("id"))
                        values.insert(col, c.localPayload.value(col));
            values.insert(QStringLiteral("branch_code"), branch);
            values.insert(QStringLiteral("version"), central.value(QStringLiteral("version")).toInt() + 1);
            updateRow(db, c.table, columns, values, c.rowId);
        } else if (keepLocal) {
            QJsonObject values;
            for (const QString &col : columns)
                if (c.localPayload.contains(col))
                    values.insert(col, c.localPayload.value(col));
            values.insert(QStringLiteral("id"), c.rowId);
            values.insert(QStringLiteral("branch_code"), branch);
            insertRow(db, c.table, columns, values);
        }
    }
    QSqlQuery &u = db.prepared(
        QStringLiteral("UPDATE conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = %1 "
                       "WHERE id = %2")
            .arg(db.sql().timeParam, db.sql().uuidParam));
    u.addBindValue(keepLocal ? QStringLiteral("local") : QStringLiteral("central"));
    u.addBindValue(resolvedBy);
    u.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    u.addBindValue(id);
    db.exec(u);
    u.finish();
    tx.commit();
    if (resolved)
        *resolved = c;
    return true;
}

} // namespace branch::db
