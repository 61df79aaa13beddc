// The central's audit chains, alerts and branch contacts (see CentralAudit.h).
#include "CentralAudit.h"

#include "CentralRows.h"

#include <QSqlQuery>

namespace branch::db
{

namespace
{

const QString kGenesis = QString(64, QLatin1Char('0'));

// A time column as ISO 8601 UTC text with milliseconds (SQLite keeps that text already).
QString isoOf(const CentralDatabase &db, const QString &column)
{
    return db.isPostgres()
               ? QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')").arg(column)
               : column;
}

QString branchOf(CentralDatabase &db)
{
    const QString me = db.sessionBranch();
    if (me.isEmpty())
        throw DbException({DbError::Kind::Forbidden, QStringLiteral("not a branch session")});
    return me;
}

qint64 count(CentralDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery &q = db.prepared(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    db.exec(q);
    const qint64 n = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

// SQLite: the branch's contact (`ok`: also its good audit check) at `now`.
void touchContact(CentralDatabase &db, const QString &me, const QDateTime &now, bool ok)
{
    const QString at = isoUtc(now);
    db.execBound(
        ok ? QStringLiteral("INSERT INTO branch_contacts (branch_code, last_seen_at, last_ok_at) VALUES (?, ?, ?) "
                            "ON CONFLICT (branch_code) DO UPDATE SET last_seen_at = excluded.last_seen_at, "
                            "last_ok_at = excluded.last_ok_at")
           : QStringLiteral("INSERT INTO branch_contacts (branch_code, last_seen_at) VALUES (?, ?) "
                            "ON CONFLICT (branch_code) DO UPDATE SET last_seen_at = excluded.last_seen_at"),
        ok ? QVariantList{me, at, at} : QVariantList{me, at});
}

} // namespace

AuditHead centralAuditHead(CentralDatabase &db, const QString &chainId, const QDateTime &now)
{
    AuditHead head{0, kGenesis};
    if (db.isPostgres()) {
        QSqlQuery &q = db.prepared(QStringLiteral("SELECT seq, hash FROM branchdesk_audit_head(?)"));
        q.addBindValue(chainId);
        db.exec(q);
        if (q.next())
            head = {q.value(0).toLongLong(), q.value(1).toString()};
        q.finish();
        return head;
    }
    const QString me = branchOf(db);
    CentralTransaction tx(db);
    touchContact(db, me, now, false);
    QSqlQuery &q = db.prepared(QStringLiteral(
        "SELECT seq, hash FROM audit_chains WHERE branch_code = ? AND chain_id = ? ORDER BY seq DESC LIMIT 1"));
    q.addBindValue(me);
    q.addBindValue(chainId);
    db.exec(q);
    if (q.next())
        head = {q.value(0).toLongLong(), q.value(1).toString()};
    q.finish();
    tx.commit();
    return head;
}

void pushAuditEntries(CentralDatabase &db, const QString &chainId, const QList<AuditRecord> &entries,
                      const QDateTime &now)
{
    if (db.isPostgres()) {
        // Written straight to text (a sync sends thousands of entries).
        QString json;
        json.reserve(entries.size() * 400);
        json += QLatin1Char('[');
        for (const AuditRecord &e : entries) {
            if (json.size() > 1)
                json += QLatin1Char(',');
            json += QLatin1String("{\"seq\":") + QString::number(e.seq);
            const std::pair<QLatin1String, QString> fields[] = {
                // values shared, not copied
                {QLatin1String("id"), e.id},           {QLatin1String("branch_code"), e.branchCode},
                {QLatin1String("at"), isoUtc(e.at)},   {QLatin1String("actor"), e.actor},
                {QLatin1String("action"), e.action},   {QLatin1String("national_code"), e.nationalCode},
                {QLatin1String("details"), e.details}, {QLatin1String("prev_hash"), e.prevHash},
                {QLatin1String("hash"), e.hash}};
            for (const auto &[key, value] : fields) {
                json += QLatin1String(",\"") + key + QLatin1String("\":");
                rows::appendJsonString(json, value);
            }
            json += QLatin1Char('}');
        }
        json += QLatin1Char(']');
        CentralTransaction tx(db);
        db.execBound(QStringLiteral("SELECT branchdesk_push_audit(?, ?::jsonb)"), {chainId, json});
        tx.commit();
        return;
    }
    const QString me = branchOf(db);
    CentralTransaction tx(db);
    if (!entries.isEmpty() && entries.first().seq == 1 &&
        count(db, QStringLiteral("SELECT count(*) FROM audit_chains WHERE branch_code = ? AND chain_id <> ?"),
              {me, chainId}) > 0)
        db.execBound(
            QStringLiteral("INSERT INTO audit_alerts (branch_code, chain_id, at, code, central_seq, central_hash, "
                           "local_seq, local_hash) VALUES (?, ?, ?, 'audit.new_chain', 0, ?, ?, ?)"),
            {me, chainId, isoUtc(now), kGenesis, entries.last().seq, entries.last().hash});
    constexpr int kPerStatement = 100;
    for (qsizetype from = 0; from < entries.size(); from += kPerStatement) {
        const qsizetype n = std::min<qsizetype>(kPerStatement, entries.size() - from);
        QStringList rows;
        QVariantList binds;
        for (qsizetype i = from; i < from + n; ++i) {
            const AuditRecord &e = entries.at(i);
            rows << QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            binds << me << chainId << e.seq << e.id << isoUtc(e.at) << e.actor << e.action << e.nationalCode
                  << e.details << e.prevHash << e.hash << isoUtc(now);
        }
        db.execBound(QStringLiteral("INSERT INTO audit_chains (branch_code, chain_id, seq, id, at, actor, action, "
                                    "national_code, details, prev_hash, hash, received_at) VALUES ") +
                         rows.join(QStringLiteral(", ")),
                     binds);
    }
    touchContact(db, me, now, true);
    tx.commit();
}

void recordAuditAlert(CentralDatabase &db, const QString &chainId, const AuditHead &central, qint64 localSeq,
                      const QString &localHashOrNone, const QString &detail, const QDateTime &now)
{
    // No entry at that seq (a log cut short): an empty hash, never NULL.
    const QString localHash = localHashOrNone.isNull() ? QStringLiteral("") : localHashOrNone;
    CentralTransaction tx(db);
    if (db.isPostgres())
        db.execBound(QStringLiteral("SELECT branchdesk_audit_alert(?, ?, ?, ?, ?, ?)"),
                     {chainId, central.seq, central.hash, localSeq, localHash, detail.left(200)});
    else
        db.execBound(
            QStringLiteral("INSERT INTO audit_alerts (branch_code, chain_id, at, code, central_seq, central_hash, "
                           "local_seq, local_hash, detail) VALUES (?, ?, ?, 'audit.anchor_mismatch', ?, ?, ?, ?, ?)"),
            {branchOf(db), chainId, isoUtc(now), central.seq, central.hash, localSeq, localHash, detail.left(200)});
    tx.commit();
}

QList<CentralChain> centralAuditChains(CentralDatabase &db, const QString &code)
{
    QSqlQuery &q = db.prepared(
        QStringLiteral("SELECT chain_id, seq, %1, branch_code, at, actor, action, national_code, details, prev_hash, "
                       "hash FROM audit_chains WHERE branch_code = ? ORDER BY chain_id, seq")
            .arg(db.sql().asText(QStringLiteral("id"))));
    q.addBindValue(code);
    db.exec(q);
    QList<CentralChain> out;
    while (q.next()) {
        if (out.isEmpty() || out.last().chainId != q.value(0).toString())
            out.append(CentralChain{q.value(0).toString(), {}});
        AuditRecord e;
        e.seq = q.value(1).toLongLong();
        e.id = q.value(2).toString();
        e.branchCode = q.value(3).toString();
        e.at = fromIsoUtc(q.value(4).toString());
        e.actor = q.value(5).toString();
        e.action = q.value(6).toString();
        e.nationalCode = q.value(7).toString();
        e.details = q.value(8).toString();
        e.prevHash = q.value(9).toString();
        e.hash = q.value(10).toString();
        out.last().entries.append(e);
    }
    q.finish();
    return out;
}

QList<BranchStatusRow> centralBranchStatus(CentralDatabase &db, const QDateTime &now)
{
    const QString dayAgo = db.isPostgres() ? QStringLiteral("?::timestamptz") : QStringLiteral("?");
    QSqlQuery &q = db.prepared(
        QStringLiteral(
            "SELECT b.code, %1, %2, "
            "(SELECT count(*) FROM conflicts AS c WHERE c.branch_code = b.code AND c.status = 'open'), "
            "(SELECT count(DISTINCT a.chain_id) FROM audit_chains AS a WHERE a.branch_code = b.code), "
            "(SELECT count(*) FROM audit_chains AS a WHERE a.branch_code = b.code), "
            "(SELECT count(*) FROM audit_alerts AS l WHERE l.branch_code = b.code), "
            "(SELECT l.code FROM audit_alerts AS l WHERE l.branch_code = b.code ORDER BY l.seq DESC LIMIT 1), "
            "(SELECT %3 FROM audit_alerts AS l WHERE l.branch_code = b.code ORDER BY l.seq DESC LIMIT 1), "
            "(SELECT count(DISTINCT f.national_code) FROM person_fetches AS f "
            " WHERE f.branch_code = b.code AND f.fetched_at > %4) "
            "FROM branches AS b LEFT JOIN branch_contacts AS k ON k.branch_code = b.code ORDER BY b.code")
            .arg(isoOf(db, QStringLiteral("k.last_seen_at")), isoOf(db, QStringLiteral("k.last_ok_at")),
                 isoOf(db, QStringLiteral("l.at")), dayAgo));
    q.addBindValue(isoUtc(now.addDays(-1)));
    db.exec(q);
    QList<BranchStatusRow> out;
    while (q.next()) {
        BranchStatusRow r;
        r.code = q.value(0).toString();
        r.lastSync = fromIsoUtc(q.value(1).toString());
        r.lastAuditOk = fromIsoUtc(q.value(2).toString());
        r.openConflicts = q.value(3).toLongLong();
        r.chains = q.value(4).toLongLong();
        r.auditEntries = q.value(5).toLongLong();
        r.alerts = q.value(6).toLongLong();
        r.lastAlertCode = q.value(7).toString();
        r.lastAlertAt = fromIsoUtc(q.value(8).toString());
        r.fetchedLastDay = q.value(9).toLongLong();
        out << r;
    }
    q.finish();
    return out;
}

} // namespace branch::db
