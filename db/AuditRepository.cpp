// The audit log (see AuditRepository.h).
#include "AuditRepository.h"

#include "MetaRepository.h"
#include "RowReading.h"

#include "app/security/AuditChain.h"

namespace branch::db
{

namespace
{

const TableColumns<AuditRecord> &auditColumns()
{
    using A = AuditRecord;
    static const TableColumns<A> columns = {{"seq", &A::seq},
                                            {"id", &A::id},
                                            {"branch_code", &A::branchCode},
                                            {"at", &A::at},
                                            {"actor", &A::actor},
                                            {"action", &A::action},
                                            {"national_code", &A::nationalCode},
                                            {"details", &A::details},
                                            {"prev_hash", &A::prevHash},
                                            {"hash", &A::hash}};
    return columns;
}

security::AuditEntryData chainData(const AuditRecord &a)
{
    return {a.seq, a.id, a.branchCode, isoUtc(a.at), a.actor, a.action, a.nationalCode, a.details};
}

} // namespace

AuditRecord appendAudit(Database &db, AuditRecord entry)
{
    QSqlQuery &last = runStatement(db, QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    qint64 lastSeq = 0;
    QString prev = security::genesisHash();
    if (last.next()) {
        lastSeq = last.value(0).toLongLong();
        prev = last.value(1).toString();
    }
    last.finish();
    entry.seq = lastSeq + 1;
    entry.prevHash = prev;
    entry.hash = security::chainHash(prev, chainData(entry));
    runStatement(db,
                 QStringLiteral("INSERT INTO audit_log (%1) VALUES (?,?,?,?,?,?,?,?,?,?)").arg(auditColumns().list()),
                 {entry.seq, entry.id, entry.branchCode, isoUtc(entry.at), entry.actor, entry.action,
                  entry.nationalCode, entry.details, entry.prevHash, entry.hash});
    // The anchor lets `audit verify` notice a truncated tail, not only edits inside the chain.
    setMetaValue(db, QStringLiteral("audit_last_seq"), QString::number(entry.seq));
    setMetaValue(db, QStringLiteral("audit_last_hash"), entry.hash);
    return entry;
}

QList<AuditRecord> auditLog(Database &db)
{
    return readAll(runStatement(db, QStringLiteral("SELECT %1 FROM audit_log ORDER BY seq").arg(auditColumns().list())),
                   auditColumns());
}

QList<AuditRecord> auditOf(Database &db, const QString &nationalCode)
{
    return readAll(
        runStatement(
            db,
            QStringLiteral("SELECT %1 FROM audit_log WHERE national_code = ? ORDER BY seq").arg(auditColumns().list()),
            {nationalCode}),
        auditColumns());
}

} // namespace branch::db
