// The supervisor dashboard's reads (see DashboardRepository.h).
#include "DashboardRepository.h"

#include "Records.h"

#include <QSqlQuery>
#include <QVariant>

namespace branch::db
{

ReadTransaction::ReadTransaction(Database &db) : m_db(db)
{
    m_db.execDirect(QStringLiteral("BEGIN DEFERRED"));
}

ReadTransaction::~ReadTransaction()
{
    // Nothing was written: ending it either way releases the snapshot.
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("COMMIT"));
}

QList<ActorCount> countAuditActionByActor(Database &db, const QString &action, const QDateTime &from,
                                          const QDateTime &to)
{
    // `at` is stored as isoUtc() text, whose order is the order of time.
    QSqlQuery &q =
        db.prepared(QStringLiteral("SELECT a.actor, count(*), EXISTS (SELECT 1 FROM staff s WHERE s.login = a.actor) "
                                   "FROM audit_log a WHERE a.action = ? AND a.at >= ? AND a.at < ? GROUP BY a.actor"));
    q.bindValue(0, action);
    q.bindValue(1, isoUtc(from));
    q.bindValue(2, isoUtc(to));
    db.exec(q);
    QList<ActorCount> out;
    while (q.next())
        out << ActorCount{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toBool()};
    q.finish();
    return out;
}

QDateTime oldestSubmittedWithStatus(Database &db, RequestStatus status)
{
    // One step down the index requests_by_status (status, submitted_at).
    QSqlQuery &q =
        db.prepared(QStringLiteral("SELECT submitted_at FROM requests WHERE status = ? ORDER BY submitted_at LIMIT 1"));
    q.bindValue(0, statusName(status));
    db.exec(q);
    const QDateTime t = q.next() ? fromIsoUtc(q.value(0).toString()) : QDateTime();
    q.finish();
    return t;
}

QDateTime oldestOutboxTime(Database &db)
{
    // Rows are appended in seq order (AUTOINCREMENT), so the first one is the oldest.
    QSqlQuery &q = db.prepared(QStringLiteral("SELECT created_at FROM outbox ORDER BY seq LIMIT 1"));
    db.exec(q);
    const QDateTime t = q.next() ? fromIsoUtc(q.value(0).toString()) : QDateTime();
    q.finish();
    return t;
}

} // namespace branch::db
