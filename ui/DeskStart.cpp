// The desk's start before the sign-in (see DeskStart.h).
#include "DeskStart.h"

#include "FirstRunDialog.h"
#include "RestoreDialog.h"

#include "app/lifecycle/Backup.h"
#include "app/lifecycle/Staff.h"
#include "db/Repository.h"

#include <QApplication>
#include <QMessageBox>

namespace branch::ui
{

namespace
{
DeskStart failed(const QString &message, const QString &path)
{
    QMessageBox::critical(nullptr, QApplication::translate("branch::Desk", "BranchDesk"),
                          message + QStringLiteral("\n") + path);
    return {nullptr, 3, {}};
}
} // namespace

DeskStart startDesk(const QString &path)
{
    DeskStart start;
    db::DbError error;
    start.db = db::Database::open(path, db::Database::OpenMode::MustExist, &error);
    // Missing or damaged, and backups of it exist: the restore is offered first.
    const bool damaged = error.kind == db::DbError::Kind::Corrupt || error.kind == db::DbError::Kind::NotInitialised;
    if (!start.db && (error.kind == db::DbError::Kind::Missing || damaged)) {
        const QList<BackupFile> backups = listBackups(backupFolderFromSettings(path));
        if (!backups.isEmpty()) {
            RestoreDialog restore(path, damaged ? RestoreDialog::Why::Damaged : RestoreDialog::Why::Missing, backups);
            if (restore.exec() == QDialog::Accepted) {
                QMessageBox::information(nullptr, QApplication::translate("branch::Desk", "BranchDesk"),
                                         restore.summary());
                start.db = db::Database::open(path, db::Database::OpenMode::MustExist, &error);
            } else if (!restore.setUpInstead()) {
                return {nullptr, 0, {}};
            }
        }
    }
    if (!start.db && error.kind == db::DbError::Kind::Missing) {
        // A fresh install: the first window offers to set the branch up, not an error.
        FirstRunDialog setUp(path);
        if (setUp.exec() != QDialog::Accepted)
            return {nullptr, 0, {}};
        start.newAdministrator = setUp.administrator();
        start.db = db::Database::open(path, db::Database::OpenMode::MustExist, &error);
    }
    if (!start.db)
        return failed(describeDbError(error), path);
    Context ctx{*start.db, {}};
    try {
        ctx.branchCode = db::metaValue(*start.db, QStringLiteral("branch_code"));
    } catch (const db::DbException &e) {
        return failed(describeDbError(e.error()), path);
    }
    if (ctx.branchCode.isEmpty())
        return failed(describeDbError({db::DbError::Kind::NotInitialised, {}}), path);
    const auto needed = needsFirstAdministrator(ctx);
    if (!needed.ok())
        return failed(needed.failure.message(), path);
    if (*needed.value) {
        FirstRunDialog firstRun(ctx);
        if (firstRun.exec() != QDialog::Accepted)
            return {nullptr, 0, {}};
        start.newAdministrator = firstRun.administrator();
    }
    return start;
}

} // namespace branch::ui
