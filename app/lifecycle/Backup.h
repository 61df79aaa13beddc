// Keeping the branch's work (issue 15): checked online backups of the branch database, the
// backups kept, a checked restore, and what has not left the branch yet. Shared by the
// desk (its timer, sign-out and close; the restore offered at start) and branchctl
// (`backup`, `backup list`, `restore`, `status`).
#pragma once

#include "app/lifecycle/Service.h"
#include "db/Backup.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace branch
{

// Which backups a folder keeps: the newest `keepLast`, and the newest of each of the last
// `dailyDays` days (local time).
struct BackupPolicy {
    int keepLast = 48;
    int dailyDays = 14;
};
// From the settings (backup/keep, backup/dailyDays); unusable values read as the defaults.
BackupPolicy backupPolicyFromSettings();

// The folder backups go to by default: `backups` in the database's folder. It protects
// against a deleted or damaged database file, not against a dead disk: the setting
// backup/folder (a USB stick, a network share) does.
QString defaultBackupFolder(const QString &databasePath);
// backup/folder when set, else defaultBackupFolder.
QString backupFolderFromSettings(const QString &databasePath);
// True when both paths are on the same file system (a dead disk takes both).
bool onSameDisk(const QString &a, const QString &b);

struct BackupFile {
    QString path;
    QString branchCode;
    QDateTime takenAt; // UTC, from the file's name
    qint64 bytes = 0;
};
// The backups of `branchCode` (every branch's when empty) in `folder`, newest first; only
// files named as makeBackup names them.
QList<BackupFile> listBackups(const QString &folder, const QString &branchCode = {});

struct BackupMade {
    BackupFile file;
    int removed = 0;           // older backups the policy no longer keeps
    bool sameDisk = false;     // the folder is on the database's disk
    qint64 waitingChanges = 0; // what the copy holds that the central database has not
};
// Takes a backup of the database at `databasePath` into `folder` (made, private): an
// online copy under a temporary name, checked (integrity_check, schema, branch code),
// then renamed; then the policy prunes the older ones, and the backup is audited
// ("database.backup", by `actor`) and remembered (last backup) in the database. Opens its
// own connections: safe on a worker thread while the desk works. Refused while another
// backup of the branch runs into the same folder (backup.busy).
Outcome<BackupMade> makeBackup(const QString &databasePath, const QString &folder, const QString &actor,
                               const QDateTime &now, const BackupPolicy &policy = {},
                               const db::CopyProgress &progress = {});

struct RestoreDone {
    QString database;                 // the database now in place
    QString backup;                   // the file it came from
    QString keptAside;                // the database that was there, renamed (empty when there was none)
    db::DatabaseFileFacts facts;      // the backup's
    QList<db::AuditLine> afterBackup; // what the kept-aside database did after the backup
    qint64 unsentInKeptAside = 0;     // changes the kept-aside database had not sent
    bool keptAsideReadable = false;
};
// Puts the backup `backupFile` in place of the database at `databasePath`: the backup is
// checked (integrity, a BranchDesk database of a schema this program knows, the audit
// chain, the branch code of the database it replaces), an administrator signs in (against
// the current database when it opens, else against the backup's staff), nobody else may
// have the database open (restore.in_use), and the current database is kept aside
// (renamed, never deleted). The restore is audited in the restored database.
Outcome<RestoreDone> restoreBackup(const QString &databasePath, const QString &backupFile, const QString &staffLogin,
                                   QString &staffPassword, const QDateTime &now);

// What has not left the branch (`branchctl status`, the desk's status bar).
struct KeepingStatus {
    qint64 waiting = 0;
    QDateTime oldestWaiting; // invalid when nothing waits
    QDateTime lastSync;
    QDateTime lastBackup;
    QString lastBackupPath;
};
Outcome<KeepingStatus> keepingStatus(Context &ctx);

} // namespace branch
