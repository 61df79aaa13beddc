// The central's copy of every branch database's audit chain, its alerts, and each branch's
// last contact (central schema 7; SQL only). A branch's session pushes the entries after
// the central's last one of its chain; head office reads every branch's state.
#pragma once

#include "db/Central.h"
#include "db/Records.h"

#include <QDateTime>
#include <QList>

namespace branch::db
{

struct AuditHead {
    qint64 seq = 0; // the central's last entry of the chain (0: none)
    QString hash;   // its hash (the genesis hash for none)
};

// The branch session's chain `chainId` as the central holds it; records the branch's
// contact. PostgreSQL: branchdesk_audit_head (central/pg/007).
AuditHead centralAuditHead(CentralDatabase &db, const QString &chainId, const QDateTime &now);

// Adds `entries` (in seq order, continuing the head) to the branch session's chain and
// records the good check (also for none). PostgreSQL: branchdesk_push_audit, which checks
// the continuation and every hash itself (a refusal: DbException Forbidden whose detail
// starts with "audit.anchor_mismatch"); SQLite: the caller checked them.
// A chain new to the central while the branch has another is recorded as audit.new_chain.
void pushAuditEntries(CentralDatabase &db, const QString &chainId, const QList<AuditRecord> &entries,
                      const QDateTime &now);

// Records that the branch session's log does not hold the central's last entry of chain
// `chainId` (audit.anchor_mismatch): what the central has, what the desk has at that seq.
void recordAuditAlert(CentralDatabase &db, const QString &chainId, const AuditHead &central, qint64 localSeq,
                      const QString &localHash, const QString &detail, const QDateTime &now);

// ---- head office (the central's owner) ---------------------------------------------------------

struct CentralChain {
    QString chainId;
    QList<AuditRecord> entries; // in seq order
};
// Every chain the central holds for branch `code`.
QList<CentralChain> centralAuditChains(CentralDatabase &db, const QString &code);

struct BranchStatusRow {
    QString code;
    QDateTime lastSync; // the last contact (null: never)
    QDateTime lastAuditOk;
    qint64 openConflicts = 0;
    qint64 chains = 0, auditEntries = 0;
    qint64 alerts = 0; // anchor mismatches and new chains, ever
    QString lastAlertCode;
    QDateTime lastAlertAt;
    qint64 fetchedLastDay = 0; // persons fetched from other branches in the 24 hours before `now`
};
QList<BranchStatusRow> centralBranchStatus(CentralDatabase &db, const QDateTime &now);

} // namespace branch::db
