// Administration: the branch database's set-up, reference-data imports, audit checks.
#pragma once

#include "Service.h"

#include "db/Records.h"

#include <QIODevice>

namespace branch
{

// Opens (creating or migrating) the database and records the branch code on first use.
// A different branch code on an initialised database is refused.
Outcome<QString> initBranch(Context &ctx, const QString &branchCode, const QDateTime &now);
bool isValidBranchCode(const QString &code);

struct ImportResult {
    int rows = 0;
};

// UTF-8 CSV with the contract's header. All-or-nothing: every bad row is reported with its
// line number and nothing is imported.
// The files checked and read, nothing stored (the imports' first half; the central
// database's imports use them too).
Outcome<QList<db::RegistryPerson>> parseRegistryCsv(QIODevice &csv, const QDateTime &now);
Outcome<QList<std::pair<QString, QString>>> parseMobileOwnersCsv(QIODevice &csv); // (national code, mobile)
Outcome<ImportResult> importRegistry(Context &ctx, QIODevice &csv, const QDateTime &now,
                                     const QString &actor = QStringLiteral("admin"));
Outcome<ImportResult> importMobileOwners(Context &ctx, QIODevice &csv, const QDateTime &now,
                                         const QString &actor = QStringLiteral("admin"));

struct AuditCheck {
    bool ok = true;
    qint64 entries = 0;
    qint64 firstBadSeq = 0;
    QString code, reason;
};
Outcome<AuditCheck> verifyAudit(Context &ctx);

} // namespace branch
