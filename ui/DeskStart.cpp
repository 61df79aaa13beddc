// The desk's start before the sign-in (see DeskStart.h).
#include "DeskStart.h"

#include "FirstRunDialog.h"
#include "RestoreDialog.h"

#include "app/lifecycle/Backup.h"
#include "app/lifecycle/Staff.h"

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
    Outcome<BranchConnection> opened = openBranchDatabase(path);
    // Missing or damaged, and backups of it exist: the restore is offered first.
    const auto failedWith = [&opened](const char *code) {
        return !opened.ok() && opened.failure.violations.value(0).code == QLatin1String(code);
    };
    const bool damaged = failedWith("database.corrupt") || failedWith("database.not_initialised");
    if (failedWith("database.missing") || damaged) {
        const QList<BackupFile> backups = listBackups(backupFolderFromSettings(path));
        if (!backups.isEmpty()) {
            RestoreDialog restore(path, damaged ? RestoreDialog::Why::Damaged : RestoreDialog::Why::Missing, backups);
            if (restore.exec() == QDialog::Accepted) {
                QMessageBox::information(nullptr, QApplication::translate("branch::Desk", "BranchDesk"),
                                         restore.summary());
                opened = openBranchDatabase(path);
            } else if (!restore.setUpInstead()) {
                return {nullptr, 0, {}};
            }
        }
    }
    if (failedWith("database.missing")) {
        // A fresh install: the first window offers to set the branch up, not an error.
        FirstRunDialog setUp(path);
        if (setUp.exec() != QDialog::Accepted)
            return {nullptr, 0, {}};
        start.newAdministrator = setUp.administrator();
        opened = openBranchDatabase(path);
    }
    if (!opened.ok())
        return failed(opened.failure.message(), path);
    Context ctx = opened.value->context();
    const auto needed = needsFirstAdministrator(ctx);
    if (!needed.ok())
        return failed(needed.failure.message(), path);
    if (*needed.value) {
        FirstRunDialog firstRun(ctx);
        if (firstRun.exec() != QDialog::Accepted)
            return {nullptr, 0, {}};
        start.newAdministrator = firstRun.administrator();
    }
    start.db = std::move(opened.value->db);
    return start;
}

} // namespace branch::ui
