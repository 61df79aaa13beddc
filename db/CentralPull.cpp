// The central side of a pull: the change log in pages (see CentralSync.h).
#include "CentralSync.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace branch::db
{

QList<CentralChange> centralChangesAfter(CentralDatabase &db, qint64 after, const PullFilter &filter, int limit)
{
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
    const QString condition = wanted.isEmpty()
                                  ? QStringLiteral("FALSE")
                                  : QStringLiteral("(%1) AND (echo_of IS NULL OR echo_of <> coalesce(?, ''))")
                                        .arg(wanted.join(QStringLiteral(" OR ")));
    binds << filter.echoTag;
    QSqlQuery &q = db.prepared(QStringLiteral("SELECT seq, table_name, row_id, op, CASE WHEN %1 THEN %2 END FROM "
                                              "changes WHERE seq > ? ORDER BY seq LIMIT %3")
                                   .arg(condition, db.sql().asText(QStringLiteral("payload")))
                                   .arg(limit));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    q.addBindValue(after);
    db.exec(q);
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

} // namespace branch::db
