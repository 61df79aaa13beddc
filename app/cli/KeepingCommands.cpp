// Keeping the branch's work: backup, backup list, restore, status.
#include "Commands.h"
#include "Json.h"
#include "Output.h"

#include "app/core/Settings.h"
#include "app/lifecycle/Backup.h"
#include "app/security/SecretHash.h"

#include <QDir>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace branch::cli
{

namespace
{

// Progress on stderr, for a person at a terminal only (scripts read stdout's JSON).
db::CopyProgress terminalProgress()
{
#ifdef Q_OS_UNIX
    if (!::isatty(2))
        return {};
#endif
    return [last = -1](qint64 done, qint64 total) mutable {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (percent != last) {
            last = percent;
            std::fprintf(
                stderr, "\r%s",
                qPrintable(QCoreApplication::translate("branch::Cli", "Copying the database: %1%").arg(percent)));
            if (percent == 100)
                std::fputc('\n', stderr);
        }
        return true;
    };
}

QString backupFolderOption(const Invocation &inv)
{
    return inv.has("to") ? QDir::cleanPath(inv.opt("to")) : backupFolderFromSettings(inv.dbPath);
}

class Backup : public BranchCommand
{
public:
    Backup()
    {
        path = {QStringLiteral("backup")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "A checked online backup of the branch database into the backup "
                                                   "folder (private files; older ones pruned); staff password on "
                                                   "standard input.");
        options = {{"to", true, help::backupFolder}};
        access = Access::AnyPerson;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        const QString folder = backupFolderOption(inv);
        auto r = makeBackup(ctx->db.path(), folder, inv.staff.login, inv.now, backupPolicyFromSettings(),
                            terminalProgress());
        if (!r.ok())
            return fail(r.failure);
        QJsonObject out = backupFileJson(r.value->file);
        out.insert(QStringLiteral("ok"), true);
        out.insert(QStringLiteral("removed"), r.value->removed);
        out.insert(QStringLiteral("same_disk"), r.value->sameDisk);
        out.insert(QStringLiteral("waiting_changes"), r.value->waitingChanges);
        printJson(out);
        if (r.value->sameDisk)
            printErr(Cli::tr("Note: the backup is on the same disk as the database. It protects against a deleted or "
                             "damaged file, not against a dead disk: set backup/folder or use --to with a USB stick "
                             "or a network share."));
        return Done;
    }
};

// Reads the folder only: no database is opened.
class BackupList : public Command
{
public:
    BackupList()
    {
        path = {QStringLiteral("backup"), QStringLiteral("list")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "The backups in the backup folder, newest first.");
        options = {{"to", true, help::backupFolder}};
    }
    int run(Invocation &inv, Context *) const override
    {
        QJsonArray out;
        for (const BackupFile &f : listBackups(backupFolderOption(inv)))
            out.append(backupFileJson(f));
        printJson(out);
        return Done;
    }
};

// The service opens (and checks) both files itself: no Context, and it signs the
// administrator in itself (against the current database when it opens, else the backup's
// staff), with the password line the dispatcher read.
class Restore : public Command
{
public:
    Restore()
    {
        path = {QStringLiteral("restore")};
        args = "FILE";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Put a checked backup in place of the branch database, keeping the "
                                                   "current one aside; an administrator's password on standard "
                                                   "input.");
        minPositional = maxPositional = 1;
        access = Access::Administrator;
    }
    int run(Invocation &inv, Context *) const override
    {
        auto r = restoreBackup(inv.dbPath, inv.positional.value(0), inv.opt("staff"), inv.staffPassword, inv.now);
        security::wipe(inv.staffPassword);
        if (!r.ok())
            return fail(r.failure);
        const RestoreDone &d = *r.value;
        printJson(restoreJson(d));
        if (!d.afterBackup.isEmpty())
            printErr(Cli::tr("%1 actions were done after this backup was taken; they are listed in \"after_backup\". "
                             "What had reached the central database comes back with the next sync; the rest is only "
                             "in the database kept aside (%2).")
                         .arg(d.afterBackup.size())
                         .arg(d.keptAside));
        return Done;
    }
};

class Status : public BranchCommand
{
public:
    Status()
    {
        path = {QStringLiteral("status")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "What has not left the branch: changes waiting to be sent, the "
                                                   "oldest, the last sync and the last backup, as JSON.");
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        auto r = keepingStatus(*ctx);
        if (!r.ok())
            return fail(r.failure);
        const KeepingStatus &s = *r.value;
        const int warnHours = Settings::unsentWarnHours();
        const bool tooLong = s.oldestWaiting.isValid() && s.oldestWaiting.secsTo(inv.now) > qint64(warnHours) * 3600;
        printJson(keepingStatusJson(s, backupFolderOption(inv), tooLong));
        return Done;
    }
};

} // namespace

std::unique_ptr<Command> makeBackup()
{
    return std::make_unique<Backup>();
}

std::unique_ptr<Command> makeBackupList()
{
    return std::make_unique<BackupList>();
}

std::unique_ptr<Command> makeRestore()
{
    return std::make_unique<Restore>();
}

std::unique_ptr<Command> makeStatus()
{
    return std::make_unique<Status>();
}

} // namespace branch::cli
