// The branch's SQLite database: opening, migrations, prepared statements, transactions.
#include "Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>

#include <algorithm>
#include <cstring>
#include <fcntl.h>

#ifdef Q_OS_UNIX
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace branch::db
{

namespace
{

// Private files (a branch PC is shared by a public hall's counter): the folders made for a
// new database are the owner's alone (0700), the database file is created 0600 before
// SQLite opens it (SQLite gives its -wal and -shm the database file's mode), and an
// existing database with wider modes, and its -wal and -shm, are narrowed to 0600 when
// opened. Folders that existed before are left as they are (they may be shared, /tmp say).
bool makePrivateFolders(const QString &folder)
{
    QStringList missing;
    for (QString f = QDir::cleanPath(folder); !QFileInfo::exists(f); f = QFileInfo(f).absolutePath()) {
        missing.prepend(f);
        if (QFileInfo(f).absolutePath() == f)
            break;
    }
    for (const QString &f : std::as_const(missing))
        if (!QDir().mkdir(f) ||
            !QFile::setPermissions(f, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
            return false;
    return QFileInfo(folder).isDir();
}

bool createPrivateFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    ::close(fd);
    return true;
}

void narrowToOwner(const QString &databasePath)
{
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QByteArray name = QFile::encodeName(databasePath + QLatin1String(suffix));
        struct stat st;
        if (::stat(name.constData(), &st) == 0 && st.st_uid == ::geteuid() && (st.st_mode & 077) != 0)
            ::chmod(name.constData(), st.st_mode & 0700);
    }
}

// The local schema's migrations (db/local), in order.
const Migrations &localMigrations()
{
    static const Migrations set{QStringLiteral(":/migrations/local"), QStringLiteral("migration")};
    return set;
}

// The databases this process has open, by canonical path: how many connections, whether
// the process's SQLite lock on the file could be seen in /proc/locks when the first one
// opened it (only then can its absence mean it was lost), and whether it was lost.
struct HeldFile {
    int connections = 0;
    bool lockVisible = false;
    bool lost = false;
};

QMutex &heldMutex()
{
    static QMutex m;
    return m;
}

QHash<QString, HeldFile> &heldFiles()
{
    static QHash<QString, HeldFile> files;
    return files;
}

#ifdef Q_OS_UNIX
// The SQLite handle behind a QSQLITE connection. On Unix the Qt plugin and this library use
// the same system libsqlite3 (on Windows Qt's plugin carries its own copy, whose handle
// must not be given to another SQLite; the hazard checked here is a POSIX one anyway).
sqlite3 *sqliteHandle(QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

// SQLITE_FCNTL_HAS_MOVED on an open SQLite file: its path no longer names it (deleted,
// renamed, or another file put in its place).
bool hasMoved(sqlite3_file *f)
{
    int moved = 0;
    return f && f->pMethods && f->pMethods->xFileControl &&
           f->pMethods->xFileControl(f, SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved != 0;
}

// Whether a descriptor of this process names `path` as deleted: Linux shows an open file
// whose name was removed as "PATH (deleted)" in /proc/self/fd. SQLite's own check
// (SQLITE_FCNTL_HAS_MOVED) covers the database file only, not its WAL. Reading the links
// opens nothing.
bool openedButDeleted(const QString &path)
{
#ifdef Q_OS_LINUX
    const QByteArray wanted = QFile::encodeName(path) + " (deleted)";
    const QStringList fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System);
    char target[4096];
    for (const QString &fd : fds) {
        const QByteArray link = "/proc/self/fd/" + fd.toLatin1();
        const ssize_t n = ::readlink(link.constData(), target, sizeof target);
        if (n == wanted.size() && memcmp(target, wanted.constData(), size_t(n)) == 0)
            return true;
    }
#else
    Q_UNUSED(path);
#endif
    return false;
}

quint64 inodeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? quint64(st.st_ino) : 0;
}
#endif

// Whether this process holds a POSIX lock on the file with inode `inode`, as /proc/locks
// lists them ("1: POSIX  ADVISORY  READ 4242 08:01:123456 1073741826 1073742335"). Reading
// /proc/locks opens no descriptor of the database, so it cannot drop the locks it looks for.
bool processHoldsLock(quint64 inode)
{
#ifdef Q_OS_LINUX
    if (inode == 0)
        return false;
    QFile f(QStringLiteral("/proc/locks"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray pid = QByteArray::number(qint64(::getpid()));
    const QByteArray suffix = ':' + QByteArray::number(inode);
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        // "1: -> POSIX ..." is a request waiting for the lock, not a lock held.
        if (fields.size() >= 6 && fields.at(1) == "POSIX" && fields.at(4) == pid && fields.at(5).endsWith(suffix))
            return true;
    }
#else
    Q_UNUSED(inode);
#endif
    return false;
}

} // namespace

int Database::latestSchemaVersion()
{
    static const int latest = localMigrations().latest();
    return latest;
}

DbError Database::classify(const QSqlError &e)
{
    return classifySqliteError(e);
}

Database::Database() : m_connection(SqlDialect::sqlite(), QStringLiteral("branchdb"), &classifySqliteError) {}

std::unique_ptr<Database> Database::open(const QString &path, OpenMode mode, DbError *error)
{
    auto fail = [&](DbError::Kind kind, const QString &detail) -> std::unique_ptr<Database> {
        if (error)
            *error = DbError{kind, detail};
        return nullptr;
    };
    const QFileInfo fi(path);
    if (!fi.exists()) {
        if (mode == OpenMode::MustExist)
            return fail(DbError::Kind::Missing, QStringLiteral("no database file"));
        if (!makePrivateFolders(fi.absolutePath()))
            return fail(DbError::Kind::ReadOnly, QStringLiteral("cannot create the database folder"));
        if (!createPrivateFile(path))
            return fail(DbError::Kind::ReadOnly, QStringLiteral("cannot create the database file"));
    } else {
        if (fi.isDir())
            return fail(DbError::Kind::Corrupt, QStringLiteral("the path is a folder"));
        if (!fi.isWritable() || !QFileInfo(fi.absolutePath()).isWritable())
            return fail(DbError::Kind::ReadOnly, QStringLiteral("the database file or its folder is read-only"));
        narrowToOwner(path);
    }

    std::unique_ptr<Database> db(new Database);
    db->m_path = path;
    QSqlDatabase &handle = db->connection();
    handle.setDatabaseName(path);
    handle.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(sqliteBusyTimeoutMs()));
    if (!handle.open())
        return fail(classify(handle.lastError()).kind, handle.lastError().text());
    const int latest = latestSchemaVersion();
    try {
        // Everything that can refuse the file runs before anything can write to it (WAL mode
        // and migrations both write): a foreign or newer file is left exactly as it was.
        // The first statement is where SQLite notices a file that is not a database.
        db->execDirect(QStringLiteral("PRAGMA schema_version"));
        const int version = db->schemaVersion();
        if (version > latest)
            return fail(DbError::Kind::NewerSchema,
                        QStringLiteral("schema version %1, this program knows up to %2").arg(version).arg(latest));
        if (version == 0 && (mode == OpenMode::MustExist || db->hasTables()))
            return fail(DbError::Kind::NotInitialised, QStringLiteral("not a BranchDesk database"));
        db->configure();
        if (version < latest)
            db->migrate();
    } catch (const DbException &e) {
        if (error)
            *error = e.error();
        return nullptr;
    }
    db->registerHeld();
    return db;
}

void Database::registerHeld()
{
    m_heldKey = QFileInfo(m_path).canonicalFilePath();
    if (m_heldKey.isEmpty())
        return;
#ifdef Q_OS_UNIX
    m_inode = inodeOf(m_heldKey);
#endif
    QMutexLocker lock(&heldMutex());
    HeldFile &held = heldFiles()[m_heldKey];
    // The first connection of the process: SQLite holds its shared lock on a WAL database
    // from the first read on (the migrations' reads are done), so the lock shows now if it
    // ever will (not on a file system whose locks /proc/locks names by another inode).
    if (held.connections++ == 0)
        held.lockVisible = processHoldsLock(m_inode);
}

void Database::markLost()
{
    m_lost = true;
#ifdef Q_OS_UNIX
    // Closing must not checkpoint or delete anything: the WAL this connection would copy
    // from may no longer be the database's, and the one at the path may be another
    // program's. What is on disk stays for the next start to recover.
    if (sqlite3 *h = sqliteHandle(connection()))
        sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, static_cast<int *>(nullptr));
#endif
}

DbError Database::checkStillHeld()
{
    const auto lost = [this](const QString &detail) {
        markLost();
        if (!m_heldKey.isEmpty()) {
            QMutexLocker lock(&heldMutex());
            auto it = heldFiles().find(m_heldKey);
            if (it != heldFiles().end())
                it->lost = true;
        }
        return DbError{DbError::Kind::Lost, detail};
    };
    if (m_lost)
        return DbError{DbError::Kind::Lost, QStringLiteral("this connection lost its database earlier")};
    HeldFile held;
    if (!m_heldKey.isEmpty()) {
        QMutexLocker lock(&heldMutex());
        held = heldFiles().value(m_heldKey);
    }
    if (held.lost)
        return lost(QStringLiteral("another connection of this process lost the database"));
#ifdef Q_OS_UNIX
    if (sqlite3 *h = sqliteHandle(connection())) {
        sqlite3_file *main = nullptr;
        if (sqlite3_file_control(h, "main", SQLITE_FCNTL_FILE_POINTER, &main) == SQLITE_OK && hasMoved(main))
            return lost(QStringLiteral("the database file was moved, replaced or deleted"));
    }
    if (!m_heldKey.isEmpty() && openedButDeleted(m_heldKey + QStringLiteral("-wal")))
        return lost(QStringLiteral("the WAL file was deleted or replaced"));
#endif
    // A connection in WAL mode keeps its shared lock between transactions; in a rollback
    // journal mode (the demo data's bulk load switches to one while alone) it holds none then.
    if (held.lockVisible && inWalMode() && !processHoldsLock(m_inode))
        return lost(QStringLiteral("this process no longer holds its lock on the database file"));
    return {};
}

bool Database::inWalMode()
{
    QSqlQuery q(connection());
    return q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next() &&
           q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
}

bool Database::folderHoldsOpenDatabase(const QString &folder)
{
    const QString dir = QFileInfo(folder).canonicalFilePath();
    if (dir.isEmpty())
        return false;
    QMutexLocker lock(&heldMutex());
    for (auto it = heldFiles().cbegin(); it != heldFiles().cend(); ++it)
        if (QFileInfo(it.key()).absolutePath() == dir)
            return true;
    return false;
}

bool Database::isOpenDatabaseFile(const QString &path)
{
    const QString file = QFileInfo(path).canonicalFilePath();
    if (file.isEmpty())
        return false;
    QMutexLocker lock(&heldMutex());
    return heldFiles().contains(file);
}

Database::~Database()
{
    if (!m_heldKey.isEmpty()) {
        QMutexLocker lock(&heldMutex());
        auto it = heldFiles().find(m_heldKey);
        if (it != heldFiles().end()) {
            if (it->lost)
                markLost();
            if (--it->connections <= 0)
                heldFiles().erase(it);
        }
    }
    // m_connection then closes the connection, its statements first.
}

bool Database::hasTables()
{
    return m_connection.queryValue(QStringLiteral("SELECT count(*) FROM sqlite_master")).toInt() != 0;
}

void Database::configure()
{
    execDirect(QStringLiteral("PRAGMA foreign_keys = ON"));
    execDirect(QStringLiteral("PRAGMA journal_mode = WAL"));
    // FULL: each commit reaches the disk (the WAL is synced) before the action is reported
    // done and its receipt printed. With NORMAL a commit waits in the page cache until the
    // next checkpoint, and a power cut or a disk error that turns the file system read-only
    // loses it (TestDiskFaults::diskGoesReadOnly lost them). One fsync per counter action.
    execDirect(QStringLiteral("PRAGMA synchronous = FULL"));
    execDirect(QStringLiteral("PRAGMA temp_store = MEMORY"));
    execDirect(QStringLiteral("PRAGMA cache_size = -32768")); // 32 MiB
    execDirect(QStringLiteral("PRAGMA secure_delete = ON"));  // a wiped value leaves no copy in a free page
}

int Database::schemaVersion()
{
    return m_connection.schemaVersion();
}

void Database::migrate()
{
    Transaction tx(*this);
    const int latest = latestSchemaVersion();
    const int from = schemaVersion(); // re-read under the write lock: another process may have migrated
    if (from > latest)
        throw DbException({DbError::Kind::NewerSchema, QStringLiteral("schema version %1").arg(from)});
    if (from > 0) {
        QSqlQuery q(connection());
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'meta'")) || !q.next() ||
            q.value(0).toInt() != 1)
            throw DbException({DbError::Kind::NotInitialised, QStringLiteral("no meta table")});
    } else if (hasTables()) { // someone else's database: never write into it
        throw DbException({DbError::Kind::NotInitialised, QStringLiteral("a foreign SQLite database")});
    }
    for (int v = from + 1; v <= latest; ++v)
        m_connection.applyMigration(localMigrations(), v);
    tx.commit();
}

namespace
{

// The connection a write transaction may begin on: one that still holds its database.
Connection &heldForWrite(Database &db)
{
    if (const DbError held = db.checkStillHeld())
        throw DbException(held);
    return db.link();
}

} // namespace

// Checks that the connection still holds its database (checkStillHeld), then BEGIN IMMEDIATE.
Transaction::Transaction(Database &db) : m_db(db), m_guard(heldForWrite(db), QStringLiteral("BEGIN IMMEDIATE")) {}

Transaction::~Transaction() = default; // the guard rolls back what is still open

void Transaction::commit()
{
    try {
        m_guard.commit();
    } catch (const DbException &e) {
        const DbError::Kind kind = e.error().kind;
        if (kind == DbError::Kind::IoError || kind == DbError::Kind::Full) {
            m_guard.rollback();
            sealWal();
        }
        throw; // not done: the caller reports it; the destructor rolls back what is still open
    }
}

// A COMMIT whose WAL sync failed has written all its frames, the commit frame too; only the
// WAL index was not told, so this connection and the others no longer see them. But the
// next start after a crash (or a close whose checkpoint fails) rebuilds the index from the
// WAL file and would take them for a commit: an action the desk reported as not done would
// be there after all. A commit that changes nothing (the schema version set to itself)
// writes its frame where the failed one began, which ends the WAL there for any later
// recovery. Best effort: on a disk that fails every write this fails too.
void Transaction::sealWal()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return;
    const int version = q.value(0).toInt();
    q.finish();
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return;
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)) || !q.exec(QStringLiteral("COMMIT")))
        q.exec(QStringLiteral("ROLLBACK"));
}

QSqlQuery &runStatement(Database &db, const QString &sql, const QVariantList &values)
{
    const auto nullText = [](const QVariant &v) {
        return v.metaType() == QMetaType::fromType<QString>() && v.toString().isNull();
    };
    if (std::none_of(values.cbegin(), values.cend(), nullText))
        return db.link().run(sql, values);
    QVariantList bound = values;
    for (QVariant &v : bound)
        if (nullText(v))
            v = QString(QLatin1String(""));
    return db.link().run(sql, bound);
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant::fromValue(nullptr) : QVariant(s);
}

} // namespace branch::db
