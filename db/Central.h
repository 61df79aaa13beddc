// The central database: its URL, its connection and its schema. PostgreSQL in production
// (Qt's QPSQL driver), a SQLite file on a single machine (QSQLITE); the same tables and
// meaning in both (db/central/pg, db/central/sqlite), versioned migrations per dialect.
// Like db::Database, one CentralDatabase owns one named Qt Sql connection and is used only
// on the thread that opened it. The password never passes through here: libpq reads
// PGPASSWORD or the pgpass file (PGPASSFILE, ~/.pgpass) itself.
#pragma once

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

// postgresql://USER@HOST[:PORT]/DBNAME or sqlite:///ABSOLUTE/PATH.db
struct CentralUrl {
    enum class Dialect { PostgreSQL, SQLite };
    enum class Problem {
        None,
        Empty,
        UnknownScheme,   // neither postgresql:// nor sqlite:///
        PasswordInUrl,   // user:password@ — passwords never go on a command line
        MissingUser,     // postgresql://HOST/DB
        MissingHost,     //
        BadPort,         // not 1..65535
        MissingDatabase, // no /DBNAME, or a name with '/' or '?'
        RelativePath,    // sqlite://relative.db
    };

    Dialect dialect = Dialect::PostgreSQL;
    QString user;     // PostgreSQL
    QString host;     // PostgreSQL
    int port = 5432;  // PostgreSQL
    QString database; // PostgreSQL: the database name; SQLite: the absolute file path

    // Parses `text`; on failure returns a URL with *problem set (never None).
    static CentralUrl parse(const QString &text, Problem *problem);
    QString dialectName() const; // "postgresql" or "sqlite"
    QString toString() const;    // the URL again (it never holds a password)
};

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
    const CentralUrl &url() const { return m_url; }
    QSqlDatabase &connection() { return m_db; }

    // Like db::Database: a statement prepared once per connection, executed with
    // classified errors (DbException), and one-off statements.
    QSqlQuery &prepared(const QString &sql);
    void exec(QSqlQuery &q);
    void execDirect(const QString &sql);
    DbError classify(const QSqlError &e) const;

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

    // PostgreSQL: the type of each column of `table` (column → format_type, e.g. "uuid"),
    // read from the catalog once per connection.
    const QHash<QString, QString> &columnTypes(const QString &table);

    // True when push batch `batchId` was already applied (a replay is then a no-op).
    bool batchApplied(const QString &batchId);
    // The newest change number (0 when none): a branch's cursor is at most this.
    qint64 lastChangeSeq();

private:
    CentralDatabase() = default;
    void migrate();
    void migrateTo(int version);
    bool hasForeignTables();

    CentralUrl m_url;
    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_branch; // SQLite: the bound branch
    int m_versionAtOpen = 0;
    QHash<QString, QSqlQuery *> m_statements;
    QHash<QString, QHash<QString, QString>> m_columnTypes;
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
    CentralDatabase &m_db;
    bool m_open = false;
};

} // namespace branch::db
