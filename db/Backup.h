// Copies of the branch database (SQLite only, no rules): an online backup of a live
// database, the facts of a database file read without writing to it, and the exclusive
// hold a restore needs. The services (app/lifecycle/Backup) decide names, folders, what
// is kept and who may restore.
#pragma once

#include "db/Database.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

namespace branch::db
{

// Called while a copy runs with the pages copied so far and the pages in all; returning
// false cancels the copy.
using CopyProgress = std::function<bool(qint64 done, qint64 total)>;

// Copies the database at `sourcePath` (live: other connections may read and write it
// meanwhile) into the new file `targetPath` with SQLite's online backup API, a few
// megabytes at a time, from one read snapshot (what other connections write meanwhile is
// not in the copy and does not restart it). The copy is a
// rollback-journal database (no -wal beside it), created private (0600) and synced to disk.
// `targetPath` must not exist. On failure the partial file is removed.
DbError onlineBackup(const QString &sourcePath, const QString &targetPath, const CopyProgress &progress = {});

// What a database file says about itself, read without writing anything to it.
struct DatabaseFileFacts {
    QString integrity; // "ok", or SQLite's first complaint
    int schemaVersion = 0;
    QString branchCode;
    bool demo = false;
    qint64 waitingChanges = 0; // outbox rows not yet acknowledged by the central database
    QString oldestWaitingAt;   // ISO time of the oldest, empty when none
    qint64 auditEntries = 0;
    qint64 lastAuditSeq = 0;
    QString lastAuditAt;
    QString lastSyncAt;
};
// Opens `path` read-only (for a rollback-journal file: nothing is written beside it) and
// reads its facts; `fullCheck` runs PRAGMA integrity_check (every page), else quick_check.
DbError inspectDatabaseFile(const QString &path, bool fullCheck, DatabaseFileFacts *facts);

// The audit entries of the database at `path` after `afterSeq` (read-only): what a
// restore of an older copy leaves out.
struct AuditLine {
    qint64 seq = 0;
    QString at, actor, action, nationalCode;
};
DbError auditEntriesAfter(const QString &path, qint64 afterSeq, QList<AuditLine> *out);

// The database at `path` held by this process alone: no other connection, in this process
// or another, has it open (else Kind::Locked), its WAL is checkpointed into the file.
// While the hold lives nobody else can open the database.
class ExclusiveHold
{
public:
    static std::unique_ptr<ExclusiveHold> take(const QString &path, DbError *error);
    ~ExclusiveHold();
    ExclusiveHold(const ExclusiveHold &) = delete;
    ExclusiveHold &operator=(const ExclusiveHold &) = delete;

private:
    ExclusiveHold() = default;
    void *m_handle = nullptr; // sqlite3*
};

} // namespace branch::db
