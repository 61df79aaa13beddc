// The central side of a pull: the change log in pages (see CentralSync.h).
#include "CentralSync.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace branch::db
{

namespace
{
QList<CentralChange> readChanges(QSqlQuery &q, int limit)
{
    QList<CentralChange> out;
    out.reserve(limit);
    while (q.next()) {
        CentralChange c;
        c.seq = q.value(0).toLongLong();
        c.table = q.value(1).toString();
        c.rowId = q.value(2).toString();
        c.op = q.value(3).toString();
        const QVariant payload = q.value(4);
        c.wanted = !payload.isNull();
        if (c.wanted)
            c.payload = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
        out << c;
    }
    q.finish();
    return out;
}
} // namespace

QList<CentralChange> centralChangesAfter(CentralDatabase &db, qint64 after, const PullFilter &filter, int limit)
{
    if (db.branchSession()) {
        // A branch's role does not read the change log itself: the server's function takes
        // the held persons' rows, without hashes (central/pg/006).
        QSqlQuery &q = db.prepared(QStringLiteral(
            "SELECT seq, table_name, row_id, op, payload FROM branchdesk_pull(?, ?, ?, ?::text[], ?::text[])"));
        q.addBindValue(after);
        q.addBindValue(limit);
        q.addBindValue(filter.echoTag);
        q.addBindValue(db.sql().keyList(filter.tables));
        q.addBindValue(db.sql().keyList(filter.ownBranchTables));
        db.exec(q);
        return readChanges(q, limit);
    }
    // Walks the log in seq order on its primary key (no sort, no scan of the whole log) and
    // sends the payload only of the rows the branch takes; the others come back without
    // one, so that the cursor still moves past them.
    QStringList wanted;
    QVariantList binds;
    if (!filter.tables.isEmpty()) {
        wanted << QStringLiteral("table_name IN (%1)")
                      .arg(QStringList(filter.tables.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
        for (const QString &t : filter.tables)
            binds << t;
    }
    if (!filter.ownBranchTables.isEmpty()) {
        wanted << QStringLiteral("(table_name IN (%1) AND branch_code = ?)")
                      .arg(QStringList(filter.ownBranchTables.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
        for (const QString &t : filter.ownBranchTables)
            binds << t;
        binds << filter.branch;
    }
    // This run's own echo (the row states its push wrote) the branch has already. The tag,
    // not the branch code: binding the code here matched nothing, so every echo came back
    // with its payload (applied as a no-op at the same version).
    // Only the persons the branch holds (its own and those it fetched); no password hash.
    const QString condition =
        wanted.isEmpty()
            ? QStringLiteral("FALSE")
            : QStringLiteral("(%1) AND (echo_of IS NULL OR echo_of <> coalesce(?, '')) AND national_code IN (SELECT "
                             "national_code FROM branch_persons WHERE branch_code = ?)")
                  .arg(wanted.join(QStringLiteral(" OR ")));
    binds << filter.echoTag << filter.branch;
    QSqlQuery &q = db.prepared(
        QStringLiteral("SELECT seq, table_name, row_id, op, CASE WHEN %1 THEN (CASE WHEN table_name IN ('requests', "
                       "'accounts') THEN json_set(payload, '$.password_hash', '') ELSE payload END) END FROM "
                       "changes WHERE seq > ? ORDER BY seq LIMIT %2")
            .arg(condition)
            .arg(limit));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    q.addBindValue(after);
    db.exec(q);
    return readChanges(q, limit);
}

} // namespace branch::db
