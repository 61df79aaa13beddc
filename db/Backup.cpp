// Copies of the branch database (see Backup.h). The raw SQLite API: the online backup
// API copies page by page with progress, which Qt Sql does not offer. On Unix the Qt
// plugin and this library use the same system libsqlite3, so SQLite's sharing of locks
// between the connections of one process holds for these connections too.
#include "Backup.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace branch::db
{

namespace
{

DbError errorOf(sqlite3 *h, int rc, const QString &what)
{
    DbError e;
    const int primary = rc & 0xff;
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        e.kind = DbError::Kind::Locked;
        break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        e.kind = DbError::Kind::ReadOnly;
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        e.kind = DbError::Kind::Corrupt;
        break;
    case SQLITE_FULL:
        e.kind = DbError::Kind::Full;
        break;
    case SQLITE_IOERR:
        e.kind = DbError::Kind::IoError;
        break;
    default:
        e.kind = DbError::Kind::Other;
    }
    e.detail = QStringLiteral("%1: %2").arg(what, h ? QString::fromUtf8(sqlite3_errmsg(h))
                                                    : QString::fromLatin1(sqlite3_errstr(rc)));
    return e;
}

// A connection closed when it goes out of scope.
struct Handle {
    sqlite3 *h = nullptr;
    ~Handle()
    {
        if (h)
            sqlite3_close_v2(h);
    }
    int open(const QString &path, int flags)
    {
        return sqlite3_open_v2(QFile::encodeName(path).constData(), &h, flags | SQLITE_OPEN_URI, nullptr);
    }
};

int execAll(sqlite3 *h, const char *sql)
{
    return sqlite3_exec(h, sql, nullptr, nullptr, nullptr);
}

// Runs `sql` and returns the first column of its first row as text (empty when no row).
QString scalar(sqlite3 *h, const char *sql, int *rcOut = nullptr)
{
    sqlite3_stmt *st = nullptr;
    int rc = sqlite3_prepare_v2(h, sql, -1, &st, nullptr);
    QString out;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            out = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    if (rcOut)
        *rcOut = rc;
    return out;
}

bool hasTable(sqlite3 *h, const char *name)
{
    sqlite3_stmt *st = nullptr;
    bool found = false;
    if (sqlite3_prepare_v2(h, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &st, nullptr) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        found = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return found;
}

// A read-only URI for `path`: immutable files are not promised, so SQLite still locks.
QString readOnlyUri(const QString &path)
{
    QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(QFileInfo(path).absoluteFilePath(), "/"));
    return QStringLiteral("file:%1?mode=ro").arg(encoded);
}

bool syncFile(const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#else
    Q_UNUSED(path);
    return true;
#endif
}

} // namespace

DbError onlineBackup(const QString &sourcePath, const QString &targetPath, const CopyProgress &progress)
{
    if (QFileInfo::exists(targetPath))
        return {DbError::Kind::Other, QStringLiteral("the backup's file name is taken")};
    const auto removePartial = [&] {
        QFile::remove(targetPath);
        QFile::remove(targetPath + QStringLiteral("-journal"));
    };
#ifdef Q_OS_UNIX
    // Private from the first byte: SQLite would create it with the umask's permissions.
    const int fd = ::open(QFile::encodeName(targetPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return {DbError::Kind::ReadOnly, QStringLiteral("cannot create the backup file: %1").arg(errno)};
    ::close(fd);
#endif
    DbError result;
    {
        Handle source, target;
        int rc = source.open(sourcePath, SQLITE_OPEN_READWRITE);
        if (rc != SQLITE_OK) {
            result = errorOf(source.h, rc, QStringLiteral("opening the database"));
        } else if ((rc = target.open(targetPath, SQLITE_OPEN_READWRITE)) != SQLITE_OK) {
            result = errorOf(target.h, rc, QStringLiteral("opening the backup file"));
        } else {
            sqlite3_busy_timeout(source.h, 5000);
            sqlite3_busy_timeout(target.h, 5000);
            // One read transaction on the source for the whole copy: in WAL mode it is a fixed
            // snapshot that other connections' writes do not disturb, so the copy never
            // restarts (without it, SQLite restarts it after every write by another
            // connection, and a desk writing every few seconds could starve a large copy).
            rc = execAll(source.h, "BEGIN; SELECT count(*) FROM sqlite_master");
            sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(target.h, "main", source.h, "main") : nullptr;
            if (rc != SQLITE_OK) {
                result = errorOf(source.h, rc, QStringLiteral("reading the database"));
            } else if (!b) {
                result = errorOf(target.h, sqlite3_errcode(target.h), QStringLiteral("starting the copy"));
            } else {
                // 1024 pages (4 MiB with SQLite's default page size) per step.
                do {
                    rc = sqlite3_backup_step(b, 1024);
                    if (progress && (rc == SQLITE_OK || rc == SQLITE_DONE)) {
                        const qint64 total = sqlite3_backup_pagecount(b);
                        if (!progress(total - sqlite3_backup_remaining(b), total)) {
                            rc = SQLITE_INTERRUPT;
                            break;
                        }
                    }
                    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                        sqlite3_sleep(50);
                } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
                const int finish = sqlite3_backup_finish(b);
                if (rc == SQLITE_INTERRUPT)
                    result = {DbError::Kind::Other, QStringLiteral("the copy was cancelled")};
                else if (rc != SQLITE_DONE)
                    result = errorOf(target.h, rc, QStringLiteral("copying"));
                else if (finish != SQLITE_OK)
                    result = errorOf(target.h, finish, QStringLiteral("finishing the copy"));
                // A single file: the copy leaves WAL mode (the live database's) for a
                // rollback journal, so nothing has to travel beside it.
                else if ((rc = execAll(target.h, "PRAGMA journal_mode = DELETE")) != SQLITE_OK)
                    result = errorOf(target.h, rc, QStringLiteral("setting the copy's journal"));
            }
            execAll(source.h, "COMMIT");
        }
    }
    if (!result && !syncFile(targetPath))
        result = {DbError::Kind::Other, QStringLiteral("the backup could not be written to disk (fsync)")};
    if (result)
        removePartial();
    return result;
}

DbError inspectDatabaseFile(const QString &path, bool fullCheck, DatabaseFileFacts *facts)
{
    if (!QFileInfo(path).isFile())
        return {DbError::Kind::Missing, QStringLiteral("no such file")};
    Handle h;
    int rc = h.open(readOnlyUri(path), SQLITE_OPEN_READONLY);
    if (rc != SQLITE_OK)
        return errorOf(h.h, rc, QStringLiteral("opening the file"));
    sqlite3_busy_timeout(h.h, 5000);
    DatabaseFileFacts f;
    f.integrity = scalar(h.h, fullCheck ? "PRAGMA integrity_check" : "PRAGMA quick_check", &rc);
    if (rc != SQLITE_OK)
        return errorOf(h.h, rc, QStringLiteral("checking the file"));
    if (f.integrity != QLatin1String("ok"))
        return {DbError::Kind::Corrupt, f.integrity};
    f.schemaVersion = scalar(h.h, "PRAGMA user_version").toInt();
    if (!hasTable(h.h, "meta") || !hasTable(h.h, "audit_log") || !hasTable(h.h, "outbox"))
        return {DbError::Kind::NotInitialised, QStringLiteral("not a BranchDesk database")};
    f.branchCode = scalar(h.h, "SELECT value FROM meta WHERE key = 'branch_code'");
    f.demo = scalar(h.h, "SELECT value FROM meta WHERE key = 'demo'") == QLatin1String("1");
    f.lastSyncAt = scalar(h.h, "SELECT value FROM meta WHERE key = 'last_sync_success'");
    f.waitingChanges = scalar(h.h, "SELECT count(*) FROM outbox").toLongLong();
    f.oldestWaitingAt = scalar(h.h, "SELECT created_at FROM outbox ORDER BY seq LIMIT 1");
    f.auditEntries = scalar(h.h, "SELECT count(*) FROM audit_log").toLongLong();
    f.lastAuditSeq = scalar(h.h, "SELECT coalesce(max(seq), 0) FROM audit_log").toLongLong();
    f.lastAuditAt = scalar(h.h, "SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1");
    *facts = f;
    return {};
}

DbError auditEntriesAfter(const QString &path, qint64 afterSeq, QList<AuditLine> *out)
{
    Handle h;
    int rc = h.open(readOnlyUri(path), SQLITE_OPEN_READONLY);
    if (rc != SQLITE_OK)
        return errorOf(h.h, rc, QStringLiteral("opening the file"));
    sqlite3_stmt *st = nullptr;
    rc = sqlite3_prepare_v2(h.h,
                            "SELECT seq, at, actor, action, national_code FROM audit_log WHERE seq > ? ORDER BY seq",
                            -1, &st, nullptr);
    if (rc != SQLITE_OK)
        return errorOf(h.h, rc, QStringLiteral("reading the audit log"));
    sqlite3_bind_int64(st, 1, afterSeq);
    const auto text = [&](int col) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, col)));
    };
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        out->append(AuditLine{sqlite3_column_int64(st, 0), text(1), text(2), text(3), text(4)});
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? DbError{} : errorOf(h.h, rc, QStringLiteral("reading the audit log"));
}

std::unique_ptr<ExclusiveHold> ExclusiveHold::take(const QString &path, DbError *error)
{
    std::unique_ptr<ExclusiveHold> hold(new ExclusiveHold);
    Handle h;
    int rc = h.open(path, SQLITE_OPEN_READWRITE);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(h.h, 2000);
        // In WAL mode an exclusive locking mode takes the file's exclusive lock at the first
        // read: refused (busy) while any other connection has the database open. The
        // checkpoint empties the WAL into the file, and the rollback journal mode removes the
        // WAL, so that the file alone is the whole database.
        rc = execAll(h.h, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM sqlite_master; "
                          "COMMIT; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE");
    }
    if (rc != SQLITE_OK) {
        if (error)
            *error = errorOf(h.h, rc, QStringLiteral("taking the database for this program alone"));
        return nullptr;
    }
    hold->m_handle = h.h;
    h.h = nullptr;
    return hold;
}

ExclusiveHold::~ExclusiveHold()
{
    if (m_handle)
        sqlite3_close_v2(static_cast<sqlite3 *>(m_handle));
}

} // namespace branch::db
