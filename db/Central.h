// The central database: its URL, its connection and its schema. PostgreSQL in production
// (Qt's QPSQL driver), a SQLite file on a single machine (QSQLITE); the same tables and
// meaning in both (db/central/pg, db/central/sqlite), versioned migrations per dialect.
// Like db::Database, one CentralDatabase owns one named Qt Sql connection and is used only
// on the thread that opened it. The password never passes through here: libpq reads
// PGPASSWORD or the pgpass file (PGPASSFILE, ~/.pgpass) itself.
#pragma once

#include "db/CentralUrl.h"
#include "db/Connection.h"
#include "db/Database.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <memory>

namespace branch::db
{

class CentralDatabase
{
public:
    // Admin: create the schema or migrate it (needs the rights to create tables and, on
    // PostgreSQL, roles). Existing: the schema must already be at this program's version
    // (a branch session, which has no rights to migrate).
    enum class OpenMode { Migrate, Existing };

    // Connects (and migrates, in Migrate mode). nullptr and *error on failure:
    // Unreachable (no server, wrong port, server stopped), AuthFailed, Missing (no such
    // database or file), NotInitialised (empty, or someone else's tables; or Existing mode
    // below the current version), NewerSchema, Other.
    static std::unique_ptr<CentralDatabase> open(const CentralUrl &url, OpenMode mode, DbError *error);
    ~CentralDatabase();
    CentralDatabase(const CentralDatabase &) = delete;
    CentralDatabase &operator=(const CentralDatabase &) = delete;

    static int latestSchemaVersion(CentralUrl::Dialect dialect);
    int schemaVersion();
    // The schema version found when this connection opened (before migrating; 0 = empty).
    int versionAtOpen() const { return m_versionAtOpen; }
    CentralUrl::Dialect dialect() const { return m_url.dialect; }
    bool isPostgres() const { return m_url.dialect == CentralUrl::Dialect::PostgreSQL; }
    // The SQL differences of this central's dialect (Dialect.h): what the statements use.
    const SqlDialect &sql() const { return m_connection.dialect(); }
    const CentralUrl &url() const { return m_url; }
    QSqlDatabase &connection() { return m_connection.handle(); }
    Connection &link() { return m_connection; }

    // Like db::Database: a statement prepared once per connection, executed with
    // classified errors (DbException), and one-off statements.
    QSqlQuery &prepared(const QString &sql) { return m_connection.prepared(sql); }
    void exec(QSqlQuery &q) { m_connection.exec(q); }
    void execDirect(const QString &sql) { m_connection.execDirect(sql); }
    // A prepared statement run once with `binds`, its result dropped.
    void execBound(const QString &sql, const QVariantList &binds);
    DbError classify(const QSqlError &e) const { return m_connection.classify(e); }

    // ---- branches (admin) -------------------------------------------------------------
    // Registers branch `code` (3 to 8 digits). PostgreSQL: creates (or, when it exists,
    // sets the password of) the login role branch_CODE, a member of branchdesk_branch,
    // with `password` (SCRAM, by the server's password_encryption). SQLite: only the
    // branches row; `password` is ignored. Idempotent. Returns the role name.
    QString addBranch(const QString &code, const QString &password);
    QStringList branches();
    static QString roleNameFor(const QString &code) { return QStringLiteral("branch_") + code; }

    // ---- a branch's session ------------------------------------------------------------
    // Binds this connection to branch `code`. PostgreSQL: checks that the connected role is
    // that branch's (else Forbidden); the database's row-level security does the rest.
    // SQLite: installs temporary triggers on this connection that refuse (Forbidden) any
    // row of another branch code and any write to reference data.
    void actAsBranch(const QString &code);
    // The branch this session writes as: PostgreSQL asks the database (empty for the admin);
    // SQLite answers what actAsBranch() set.
    QString sessionBranch();
    // True on a PostgreSQL central bound to a branch (actAsBranch): the branch's role reads
    // no hashes and writes only through the server's functions (central/pg/006).
    bool branchSession() const { return sql().branchRoles && !m_branch.isEmpty(); }

    // True when push batch `batchId` was already applied (a replay is then a no-op).
    bool batchApplied(const QString &batchId);
    // The newest change number (0 when none): a branch's cursor is at most this.
    qint64 lastChangeSeq();

private:
    explicit CentralDatabase(const CentralUrl &url);
    DbError openPostgres();
    DbError openSqlite(OpenMode mode);
    void migrate();
    bool hasForeignTables();
    void addBranchRole(const QString &code, const QString &role, const QString &password);
    void installIsolationTriggers(const QString &code);

    CentralUrl m_url;
    Connection m_connection;
    QString m_branch; // the bound branch (actAsBranch)
    int m_versionAtOpen = 0;
};

// BEGIN ... COMMIT on the central connection (BEGIN IMMEDIATE on SQLite); rolls back
// when destroyed uncommitted.
class CentralTransaction
{
public:
    explicit CentralTransaction(CentralDatabase &db);
    ~CentralTransaction();
    CentralTransaction(const CentralTransaction &) = delete;
    CentralTransaction &operator=(const CentralTransaction &) = delete;
    void commit();

private:
    TransactionGuard m_guard;
};

} // namespace branch::db
