// What the desk does between its start and the sign-in: open the branch database and, on a
// branch's first run, show the first-run dialog (FirstRunDialog): when the database file
// does not exist yet (a fresh install: the branch is set up and the database created) or
// when the database holds no staff account (its first administrator is created).
#pragma once

#include "app/lifecycle/Service.h"

#include <memory>

namespace branch::ui
{

struct DeskStart {
    std::unique_ptr<db::Database> db; // null: the desk stops with exitCode
    int exitCode = 0;                 // 0 when the person chose Quit, 3 after an error shown
    QString newAdministrator;         // the login created by the first-run dialog, if any
};

// Opens `path` for the desk. A storage error is shown in a message box (exitCode 3); Quit in
// the first-run dialog stops the desk cleanly (exitCode 0).
DeskStart startDesk(const QString &path);

} // namespace branch::ui
