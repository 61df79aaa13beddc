// The branch's SQLite database: opening (WAL, foreign keys, busy timeout), schema
// migrations, a cache of prepared statements and transactions. One Database object owns
// one named Qt Sql connection and is used only on the thread that opened it; another
// thread opens its own (SQLite handles the locking between them).
#pragma once

#include "db/Connection.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace branch::db
{

class Database
{
public:
    enum class OpenMode { MustExist, CreateIfMissing };

    // Opens and migrates the database at `path`. On failure returns nullptr and fills *error.
    static std::unique_ptr<Database> open(const QString &path, OpenMode mode, DbError *error);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static int latestSchemaVersion();
    int schemaVersion();
    const QString &path() const { return m_path; }
    QSqlDatabase &connection() { return m_connection.handle(); }
    Connection &link() { return m_connection; }

    // A prepared statement for `sql`, prepared once per connection and reused (values are
    // bound by the caller). Throws DbException when the statement cannot be prepared.
    QSqlQuery &prepared(const QString &sql) { return m_connection.prepared(sql); }
    // Executes a prepared query; throws DbException (classified) on failure.
    void exec(QSqlQuery &q) { m_connection.exec(q); }
    // Executes one statement without caching (DDL, pragmas).
    void execDirect(const QString &sql) { m_connection.execDirect(sql); }

    static DbError classify(const QSqlError &e);

    // Whether this connection still holds the database it opened: the file at path() and its
    // WAL are the ones SQLite has open (not moved, replaced or deleted since), and, on Linux,
    // the process still holds SQLite's lock on it (POSIX locks belong to the whole process
    // and all go when any descriptor of the file is closed, by whatever code closed it; the
    // next program would then take the database for unused and delete the WAL this one
    // writes to). Kind::Lost when not; from then on this connection refuses every
    // transaction and closes without checkpointing, so what is on disk stays as it is for
    // the next start. Every Transaction checks it before it begins.
    [[nodiscard]] DbError checkStillHeld();

    // True when `folder` holds a database file that a Database of this process has open
    // (file dialogs do not start there).
    static bool folderHoldsOpenDatabase(const QString &folder);
    // True when `path` names a database file that a Database of this process has open.
    static bool isOpenDatabaseFile(const QString &path);

private:
    Database();
    bool hasTables();
    void configure();
    void migrate();

    void registerHeld();
    void markLost();
    bool inWalMode();

    QString m_path;
    QString m_heldKey; // the canonical path, the key of the process's table of open databases
    quint64 m_inode = 0;
    bool m_lost = false;
    Connection m_connection;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted (an exception, an
// early return). One user action = one Transaction.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    // Throws DbException when the commit fails; the transaction is then rolled back.
    void commit();

private:
    void sealWal();

    Database &m_db;
    TransactionGuard m_guard;
};

// Binds `values` positionally to `db`'s cached statement for `sql` and runs it (throws
// DbException). A null QString binds as '' (text columns are NOT NULL); a value meant as
// SQL NULL is passed through textOrNull.
QSqlQuery &runStatement(Database &db, const QString &sql, const QVariantList &values = {});
// An empty text as SQL NULL.
QVariant textOrNull(const QString &s);

} // namespace branch::db
