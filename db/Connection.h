// What the branch database (db::Database) and the central database (db::CentralDatabase)
// share: one named Qt Sql connection, its cache of prepared statements, statements run with
// their errors classified (DbError), the schema migrations read from the resources with the
// version they bring the schema to, and the BEGIN ... COMMIT guard. A Connection is used
// only on the thread that made it.
#pragma once

#include "db/Dialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <unordered_map>

namespace branch::db
{

// A schema's migrations: the .sql files of one resource folder (db/local, db/central/pg,
// db/central/sqlite), in the order of their names; file N brings the schema to version N.
struct Migrations {
    QString folder; // e.g. ":/migrations/local"
    QString label;  // how an error names one: "migration", "central migration"

    QStringList files() const;
    int latest() const { return int(files().size()); }
};

class Connection
{
public:
    using Classifier = std::function<DbError(const QSqlError &)>;

    // A new named connection with `dialect`'s Qt Sql driver, not yet opened; its name
    // starts with `prefix`. Errors are classified by `classify`.
    Connection(const SqlDialect &dialect, const QString &prefix, Classifier classify);
    ~Connection(); // the statements first, then the connection closed and removed
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase &handle() { return m_db; }
    const QSqlDatabase &handle() const { return m_db; }
    const SqlDialect &dialect() const { return m_dialect; }
    DbError classify(const QSqlError &e) const { return m_classify(e); }

    // A prepared statement for `sql`, prepared once per connection and reused (values are
    // bound by the caller). Throws DbException when the statement cannot be prepared.
    QSqlQuery &prepared(const QString &sql);
    // Executes a prepared query; throws DbException (classified) on failure.
    void exec(QSqlQuery &q);
    // Executes one statement without caching (DDL, pragmas).
    void execDirect(const QString &sql);
    // Runs `sql` uncached and returns the first column of its first row (throws when it
    // fails or returns no row).
    QVariant queryValue(const QString &sql);
    // Runs the cached statement for `sql` with `values` bound in order.
    QSqlQuery &run(const QString &sql, const QVariantList &values);

    // The schema version the version table holds (0 when there is none yet).
    int schemaVersion();
    // Runs migration `version` of `set` and records the version, in the caller's transaction.
    void applyMigration(const Migrations &set, int version);

private:
    const SqlDialect &m_dialect;
    Classifier m_classify;
    QString m_name;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

// SQLite's busy timeout (QSQLITE_BUSY_TIMEOUT): BRANCHDESK_BUSY_TIMEOUT_MS, else 5 s.
int sqliteBusyTimeoutMs();

// BEGIN (the statement given) ... COMMIT; rolls back when destroyed uncommitted (an
// exception, an early return).
class TransactionGuard
{
public:
    TransactionGuard(Connection &c, const QString &begin);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;
    // Throws DbException when COMMIT fails; the transaction is then still open (the
    // destructor rolls it back, or rollback() does it now).
    void commit();
    // ROLLBACK now, best effort; the guard is then closed.
    void rollback();

private:
    Connection &m_connection;
    bool m_open = false;
};

} // namespace branch::db
