// The central database's reference data: the civil registry and the mobile-line owners that
// the central verification decides against, loaded from the same CSV files as a branch's
// imports (`branchctl import-registry|import-mobile-owners --central URL`). The branches
// pull the rows that changed with their next sync.
#pragma once

#include "app/lifecycle/Admin.h"
#include "db/Central.h"

#include <QIODevice>

namespace branch
{

// All or nothing, as the branch's imports: the file is checked first (every bad line
// reported, nothing written), then one central transaction by the central database's owner
// (a branch's user is refused: central.forbidden), with one central audit entry. `rows`
// counts the rows of the file; `changed` those the central database did not already hold
// with the same values.
struct CentralImportResult {
    int rows = 0;
    int changed = 0;
};
Outcome<CentralImportResult> importRegistryToCentral(const db::CentralUrl &url, QIODevice &csv, const QDateTime &now,
                                                     const QString &actor = QStringLiteral("admin"));
Outcome<CentralImportResult> importMobileOwnersToCentral(const db::CentralUrl &url, QIODevice &csv,
                                                         const QDateTime &now,
                                                         const QString &actor = QStringLiteral("admin"));

} // namespace branch
