// The central database's administration, as services: parse a central URL, create or
// migrate the central schema (`branchctl central init`), register a branch and its
// database role (`branchctl central add-branch`). SQL lives in db/Central.
#pragma once

#include "app/lifecycle/Service.h"
#include "db/Central.h"

namespace branch
{

// A central URL, or a rule failure (field "central", code "central.bad_url") saying what
// is wrong with it.
Outcome<db::CentralUrl> parseCentralUrl(const QString &text);

// The person-facing text for a storage problem of the central database.
QString describeCentralError(const db::DbError &e);
// An Environment failure (field "central") for a central storage problem.
Failure centralFailure(const db::DbError &e);

struct CentralInitResult {
    QString dialect; // "postgresql" or "sqlite"
    int schemaVersion = 0;
    int previousVersion = 0; // 0: created now
};
Outcome<CentralInitResult> initCentral(const db::CentralUrl &url);

struct CentralBranch {
    QString code;
    QString role; // the PostgreSQL login role (branch_CODE); on SQLite only a name
};
// Registers branch `code` on an initialised central database. PostgreSQL: creates or
// re-keys the role branch_CODE with `password` (at least 12 characters), wiped after use;
// SQLite: `password` is not needed and ignored.
Outcome<CentralBranch> addCentralBranch(const db::CentralUrl &url, const QString &code, QString password);

} // namespace branch
