// Administration: the branch database's set-up, reference-data imports, audit checks.
#pragma once

#include "Service.h"

#include "app/security/AuditChain.h"
#include "db/Records.h"

#include <QIODevice>

namespace branch
{

// Opens (creating or migrating) the database and records the branch code on first use.
// A different branch code on an initialised database is refused.
Outcome<QString> initBranch(Context &ctx, const QString &branchCode, const QDateTime &now);
bool isValidBranchCode(const QString &code);

// A new branch from the desk's first run, when its database file does not exist yet (a
// fresh install): every input is checked first (the branch code as initBranch checks it,
// required here; the administrator as bootstrapAdministrator checks it), and only then is
// the database created (Database::open, CreateIfMissing), initialised by initBranch and
// given its first administrator. A refusal creates nothing; a failure after the file was
// made removes it again. Prints nothing: the caller shows the failure.
struct BranchSetUp {
    QString branchCode;
    QString administrator;
};
Outcome<BranchSetUp> setUpBranch(const QString &databasePath, const QString &branchCode, const QString &login,
                                 QString password, QString confirmation, const QDateTime &now);

// What Help → About and the sign-in say about the open database.
struct DatabaseInfo {
    QString path;
    QString branchCode;
    int schemaVersion = 0;
    QString sqliteVersion;
    bool demo = false; // filled by demo data (meta demo = 1)
};
Outcome<DatabaseInfo> databaseInfo(Context &ctx);

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

// Stored audit entries (a desk's log, or a chain the central holds) as the chain check
// (security::verifyChain) reads them: the canonical fields and the stored hash.
security::StoredAuditEntries chainEntriesOf(const QList<db::AuditRecord> &log);

} // namespace branch
