// Keeping the branch's work (see Backup.h).
#include "Backup.h"

#include "Admin.h"
#include "Staff.h"

#include "app/core/Settings.h"
#include "app/security/Random.h"
#include "app/security/SecretHash.h"
#include "app/sync/SyncStatus.h"
#include "db/DashboardRepository.h"
#include "db/MetaRepository.h"
#include "db/SyncRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QStorageInfo>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace branch
{

namespace
{

const QString kLastBackupAt = QStringLiteral("last_backup_at");
const QString kLastBackupPath = QStringLiteral("last_backup_path");

// branchdesk-1001-20261202T143000Z.db, and -2, -3 ... for a second one in the same second.
const QRegularExpression &backupName()
{
    static const QRegularExpression re(QStringLiteral("^branchdesk-([0-9]+)-([0-9]{8}T[0-9]{6}Z)(?:-[0-9]+)?\\.db$"));
    return re;
}

QString stamp(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

Failure backupFailure(const QString &code, const QString &message)
{
    Failure f = Failure::rule(QStringLiteral("backup"), code, message);
    f.kind = Failure::Kind::Environment;
    return f;
}

Failure folderUnwritable(const QString &folder)
{
    return backupFailure(QStringLiteral("backup.folder_unwritable"),
                         Services::tr("The backup folder %1 cannot be created or written. Check that the disk "
                                      "or share is connected, or choose another folder.")
                             .arg(QDir::toNativeSeparators(folder)));
}

Failure restoreRefused(const QString &code, const QString &message)
{
    return Failure::rule(QStringLiteral("backup"), code, message);
}

// A failure of the storage under a backup or restore, said for people.
Failure storageFailure(const db::DbError &e)
{
    return Failure::environment(e);
}

void syncFolder(const QString &folder)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder);
#endif
}

// Makes `folder` (private when this creates it); false when it cannot be written.
bool ensureFolder(const QString &folder)
{
    QDir dir(folder);
    if (!dir.exists()) {
        if (!QDir().mkpath(folder))
            return false;
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    return QFileInfo(folder).isWritable();
}

// Which of `files` (newest first) the policy keeps.
QSet<QString> kept(const QList<BackupFile> &files, const BackupPolicy &policy, const QDateTime &now)
{
    QSet<QString> keep;
    for (qsizetype i = 0; i < files.size() && i < policy.keepLast; ++i)
        keep.insert(files.at(i).path);
    const QDate today = now.toLocalTime().date();
    QSet<QDate> daysSeen;
    for (const BackupFile &f : files) {
        const QDate day = f.takenAt.toLocalTime().date();
        if (day.daysTo(today) >= policy.dailyDays || daysSeen.contains(day))
            continue;
        daysSeen.insert(day); // newest first: the first of a day is its newest
        keep.insert(f.path);
    }
    return keep;
}

// The branch database's own connection for the bookkeeping around a copy.
std::unique_ptr<db::Database> openExisting(const QString &path, Failure *failure)
{
    db::DbError err;
    auto database = db::Database::open(path, db::Database::OpenMode::MustExist, &err);
    if (!database)
        *failure = storageFailure(err);
    return database;
}

} // namespace

BackupPolicy backupPolicyFromSettings()
{
    BackupPolicy p;
    p.keepLast = Settings::boundedInt(SettingKey::BackupKeep, 1, 10000);
    p.dailyDays = Settings::boundedInt(SettingKey::BackupDailyDays, 0, 3650);
    return p;
}

QString defaultBackupFolder(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("backups"));
}

QString backupFolderFromSettings(const QString &databasePath)
{
    const QString set = Settings::value(SettingKey::BackupFolder).toString().trimmed();
    return set.isEmpty() ? defaultBackupFolder(databasePath) : QDir::cleanPath(set);
}

bool onSameDisk(const QString &a, const QString &b)
{
    // The nearest existing folder of each: a backup folder not made yet will be on its parent's disk.
    const auto existing = [](QString p) {
        QFileInfo fi(p);
        while (!fi.exists() && !fi.isRoot() && fi.absolutePath() != fi.absoluteFilePath())
            fi = QFileInfo(fi.absolutePath());
        return fi.absoluteFilePath();
    };
#ifdef Q_OS_UNIX
    // The device of the file system each lives on (QStorageInfo reads the mount table, which
    // inside a chroot names the host's paths and finds nothing).
    struct stat sa, sb;
    return ::stat(QFile::encodeName(existing(a)).constData(), &sa) == 0 &&
           ::stat(QFile::encodeName(existing(b)).constData(), &sb) == 0 && sa.st_dev == sb.st_dev;
#else
    const QStorageInfo sa(existing(a)), sb(existing(b));
    return sa.isValid() && sb.isValid() && sa.device() == sb.device();
#endif
}

QList<BackupFile> listBackups(const QString &folder, const QString &branchCode)
{
    QList<BackupFile> out;
    const QFileInfoList entries = QDir(folder).entryInfoList({QStringLiteral("branchdesk-*.db")}, QDir::Files);
    for (const QFileInfo &fi : entries) {
        const auto m = backupName().match(fi.fileName());
        if (!m.hasMatch() || (!branchCode.isEmpty() && m.captured(1) != branchCode))
            continue;
        QDateTime at = QDateTime::fromString(m.captured(2), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        at.setTimeSpec(Qt::UTC);
        out.append(BackupFile{fi.absoluteFilePath(), m.captured(1), at, fi.size()});
    }
    std::sort(out.begin(), out.end(), [](const BackupFile &x, const BackupFile &y) {
        return x.takenAt != y.takenAt ? x.takenAt > y.takenAt : x.path > y.path;
    });
    return out;
}

Outcome<BackupMade> makeBackup(const QString &databasePath, const QString &folder, const QString &actor,
                               const QDateTime &now, const BackupPolicy &policy, const db::CopyProgress &progress)
{
    Failure failure;
    auto database = openExisting(databasePath, &failure);
    if (!database)
        return failure;
    Context ctx{*database, {}};
    QString branchCode;
    try {
        branchCode = db::metaValue(*database, QStringLiteral("branch_code"));
    } catch (const db::DbException &e) {
        return storageFailure(e.error());
    }
    ctx.branchCode = branchCode; // the audit entry's branch
    if (branchCode.isEmpty())
        return backupFailure(QStringLiteral("backup.no_branch"),
                             Services::tr("This database has no branch code yet (run init): there is nothing to "
                                          "back up."));
    if (!ensureFolder(folder))
        return folderUnwritable(folder);
    QDir dir(folder);
    // One backup of a branch into a folder at a time (two desks may share a network folder).
    QLockFile lock(dir.filePath(QStringLiteral(".branchdesk-%1.lock").arg(branchCode)));
    lock.setStaleLockTime(0); // a lock is stale only when its process is gone
    if (!lock.tryLock(0))
        return backupFailure(QStringLiteral("backup.busy"),
                             Services::tr("Another backup of this branch into this folder is running. Try again "
                                          "when it has finished."));
    // What an interrupted backup (power cut, killed) left behind.
    for (const QString &part :
         dir.entryList({QStringLiteral(".branchdesk-%1-*.part*").arg(branchCode)}, QDir::Files | QDir::Hidden))
        dir.remove(part);

    QString name = QStringLiteral("branchdesk-%1-%2.db").arg(branchCode, stamp(now));
    for (int n = 2; dir.exists(name); ++n)
        name = QStringLiteral("branchdesk-%1-%2-%3.db").arg(branchCode, stamp(now)).arg(n);
    const QString finalPath = dir.filePath(name);
    const QString partPath = dir.filePath(QStringLiteral(".%1.part").arg(name));

    if (const db::DbError e = db::onlineBackup(databasePath, partPath, progress))
        return storageFailure(e);
    db::DatabaseFileFacts facts;
    const db::DbError checked = db::inspectDatabaseFile(partPath, true, &facts);
    if (checked || facts.branchCode != branchCode || facts.schemaVersion != db::Database::latestSchemaVersion()) {
        QFile::remove(partPath);
        return backupFailure(QStringLiteral("backup.check_failed"),
                             Services::tr("The copy of the database did not pass its check, so it was not kept. The "
                                          "database itself is unchanged; try again, and call IT support if it "
                                          "happens again."));
    }
    if (!QFile::rename(partPath, finalPath)) {
        QFile::remove(partPath);
        return folderUnwritable(folder);
    }
    syncFolder(folder);

    BackupMade made;
    made.file = BackupFile{finalPath, branchCode, now.toUTC(), QFileInfo(finalPath).size()};
    made.sameDisk = onSameDisk(databasePath, folder);
    made.waitingChanges = facts.waitingChanges;
    const QList<BackupFile> all = listBackups(folder, branchCode);
    const QSet<QString> keep = kept(all, policy, now);
    for (const BackupFile &f : all)
        if (!keep.contains(f.path) && f.path != finalPath && QFile::remove(f.path))
            ++made.removed;

    auto recorded = inTransaction<bool>(ctx, [&]() -> Outcome<bool> {
        recordAudit(ctx,
                    AuditInfo{actor.isEmpty() ? QStringLiteral("system") : actor, QStringLiteral("database.backup"),
                              QString(),
                              QJsonObject{{QStringLiteral("file"), name},
                                          {QStringLiteral("bytes"), made.file.bytes},
                                          {QStringLiteral("waiting_changes"), facts.waitingChanges},
                                          {QStringLiteral("same_disk"), made.sameDisk}}},
                    now);
        db::setMetaValue(*database, kLastBackupAt, db::isoUtc(now));
        db::setMetaValue(*database, kLastBackupPath, finalPath);
        return true;
    });
    if (!recorded.ok())
        return recorded.failure; // the backup is there; only its record failed
    return made;
}

Outcome<RestoreDone> restoreBackup(const QString &databasePath, const QString &backupFile, const QString &staffLogin,
                                   QString &staffPassword, const QDateTime &now)
{
    struct Wipe {
        QString &s;
        ~Wipe() { security::wipe(s); }
    } wipe{staffPassword};

    RestoreDone done;
    done.database = databasePath;
    done.backup = QFileInfo(backupFile).absoluteFilePath();
    if (QFileInfo(backupFile).absoluteFilePath() == QFileInfo(databasePath).absoluteFilePath())
        return restoreRefused(QStringLiteral("restore.same_file"),
                              Services::tr("The backup to restore is the database itself."));
    if (const db::DbError e = db::inspectDatabaseFile(backupFile, true, &done.facts)) {
        switch (e.kind) {
        case db::DbError::Kind::Missing:
            return Failure::notFound(
                QStringLiteral("backup"), QStringLiteral("restore.no_file"),
                Services::tr("There is no backup file %1.").arg(QDir::toNativeSeparators(backupFile)));
        case db::DbError::Kind::Corrupt:
        case db::DbError::Kind::NotInitialised:
            return restoreRefused(QStringLiteral("restore.not_a_backup"),
                                  Services::tr("%1 is not a sound BranchDesk backup (it is damaged or not a branch "
                                               "database). Nothing was changed.")
                                      .arg(QDir::toNativeSeparators(backupFile)));
        default:
            return storageFailure(e);
        }
    }
    if (done.facts.schemaVersion > db::Database::latestSchemaVersion())
        return restoreRefused(QStringLiteral("restore.newer_schema"),
                              Services::tr("This backup was written by a newer BranchDesk. Install that version "
                                           "first. Nothing was changed."));
    if (done.facts.branchCode.isEmpty())
        return restoreRefused(QStringLiteral("restore.not_a_backup"),
                              Services::tr("%1 is not a sound BranchDesk backup (it is damaged or not a branch "
                                           "database). Nothing was changed.")
                                  .arg(QDir::toNativeSeparators(backupFile)));

    // The administrator signs in against the database in place when it opens.
    bool signedIn = false;
    const bool currentExists = QFileInfo::exists(databasePath);
    if (currentExists) {
        db::DbError err;
        auto current = db::Database::open(databasePath, db::Database::OpenMode::MustExist, &err);
        if (current) {
            Context ctx{*current, {}};
            QString branch;
            try {
                branch = db::metaValue(*current, QStringLiteral("branch_code"));
            } catch (const db::DbException &e) {
                return storageFailure(e.error());
            }
            if (!branch.isEmpty() && branch != done.facts.branchCode)
                return restoreRefused(QStringLiteral("restore.other_branch"),
                                      Services::tr("This backup belongs to branch %1, and this database to branch "
                                                   "%2. Nothing was changed.")
                                          .arg(done.facts.branchCode, branch));
            auto who = authenticateFor(ctx, staffLogin, staffPassword, StaffPermission::Administer, now);
            if (!who.ok())
                return who.failure;
            signedIn = true;
        } else if (err.kind == db::DbError::Kind::Locked) {
            return storageFailure(err);
        }
    }

    // The backup is copied next to the database first, checked and opened there: what is
    // put in place is exactly what was checked.
    const QString restoring = databasePath + QStringLiteral(".restoring");
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(restoring + QLatin1String(suffix));
    if (!QDir().mkpath(QFileInfo(databasePath).absolutePath()))
        return storageFailure({db::DbError::Kind::ReadOnly, QStringLiteral("cannot create the database folder")});
    if (const db::DbError e = db::onlineBackup(backupFile, restoring))
        return storageFailure(e);
    const auto discard = [&] {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(restoring + QLatin1String(suffix));
    };
    {
        db::DbError err;
        auto copy = db::Database::open(restoring, db::Database::OpenMode::MustExist, &err);
        if (!copy) {
            discard();
            return storageFailure(err);
        }
        Context ctx{*copy, done.facts.branchCode};
        auto chain = verifyAudit(ctx);
        if (!chain.ok() || !chain.value->ok) {
            copy.reset();
            discard();
            return restoreRefused(QStringLiteral("restore.audit_broken"),
                                  Services::tr("The backup's audit log does not verify (entry %1): it was altered, "
                                               "so it is not restored. Nothing was changed.")
                                      .arg(chain.ok() ? chain.value->firstBadSeq : 0));
        }
        if (!signedIn) {
            auto who = authenticateFor(ctx, staffLogin, staffPassword, StaffPermission::Administer, now);
            if (!who.ok()) {
                copy.reset();
                discard();
                return who.failure;
            }
        }
        const QString aside =
            currentExists ? QStringLiteral("%1.before-restore-%2").arg(databasePath, stamp(now)) : QString();
        auto recorded = inTransaction<bool>(ctx, [&]() -> Outcome<bool> {
            recordAudit(ctx,
                        AuditInfo{normalizeLogin(staffLogin), QStringLiteral("database.restore"), QString(),
                                  QJsonObject{{QStringLiteral("backup"), QFileInfo(backupFile).fileName()},
                                              {QStringLiteral("backup_last_audit_seq"), done.facts.lastAuditSeq},
                                              {QStringLiteral("kept_aside"), QFileInfo(aside).fileName()}}},
                        now);
            db::setMetaValue(*copy, QStringLiteral("restored_from"), QFileInfo(backupFile).fileName());
            db::setMetaValue(*copy, QStringLiteral("restored_at"), db::isoUtc(now));
            // The central holds this log's entries after the backup under the old chain id:
            // the restored log goes on as a chain of its own (the central records a new one).
            db::setMetaValue(*copy, QStringLiteral("audit_chain_id"), security::newUuidV4());
            return true;
        });
        if (!recorded.ok()) {
            copy.reset();
            discard();
            return recorded.failure;
        }
        done.keptAside = aside;
    }

    // Nobody else may have the database open while it is swapped.
    std::unique_ptr<db::ExclusiveHold> hold;
    if (currentExists) {
        db::DbError err;
        hold = db::ExclusiveHold::take(databasePath, &err);
        if (!hold && err.kind == db::DbError::Kind::Locked) {
            discard();
            Failure f = restoreRefused(QStringLiteral("restore.in_use"),
                                       Services::tr("BranchDesk or another program has this database open. Close "
                                                    "it on this PC and try again. Nothing was changed."));
            f.kind = Failure::Kind::Environment;
            return f;
        }
        // A damaged database may refuse the hold for other reasons: it is kept aside as it is.
        if (!QFile::rename(databasePath, done.keptAside)) {
            discard();
            return storageFailure({db::DbError::Kind::ReadOnly, QStringLiteral("cannot rename the database")});
        }
        for (const char *suffix : {"-wal", "-shm"})
            if (QFile::exists(databasePath + QLatin1String(suffix)))
                QFile::rename(databasePath + QLatin1String(suffix), done.keptAside + QLatin1String(suffix));
        QFile::remove(databasePath + QStringLiteral("-journal"));
    }
    if (!QFile::rename(restoring, databasePath)) {
        if (currentExists)
            QFile::rename(done.keptAside, databasePath);
        discard();
        return storageFailure({db::DbError::Kind::ReadOnly, QStringLiteral("cannot put the backup in place")});
    }
    syncFolder(QFileInfo(databasePath).absolutePath());
    hold.reset();

    // What the kept-aside database knew that the backup does not.
    if (currentExists) {
        db::DatabaseFileFacts aside;
        if (!db::inspectDatabaseFile(done.keptAside, false, &aside)) {
            done.keptAsideReadable = true;
            done.unsentInKeptAside = aside.waitingChanges;
            (void)db::auditEntriesAfter(done.keptAside, done.facts.lastAuditSeq, &done.afterBackup);
        }
    }
    return done;
}

Outcome<KeepingStatus> keepingStatus(Context &ctx)
{
    try {
        KeepingStatus s;
        s.waiting = db::outboxCount(ctx.db);
        s.oldestWaiting = db::oldestOutboxTime(ctx.db);
        if (auto last = lastSyncSuccess(ctx); last.ok())
            s.lastSync = *last.value;
        const QString backupAt = db::metaValue(ctx.db, kLastBackupAt);
        if (!backupAt.isEmpty())
            s.lastBackup = QDateTime::fromString(backupAt, Qt::ISODateWithMs).toUTC();
        s.lastBackupPath = db::metaValue(ctx.db, kLastBackupPath);
        return s;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

} // namespace branch
