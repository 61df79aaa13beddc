// The storage layer's errors: what went wrong, classified for the services, and the
// exception that carries it out of db/.
#pragma once

#include <QByteArray>
#include <QString>

#include <exception>

class QSqlError;

namespace branch::db
{

// What went wrong at the storage level; the services turn it into a message for people.
struct DbError {
    enum class Kind {
        None,
        Missing,        // the file does not exist
        NotInitialised, // a SQLite file, but not a BranchDesk database (run init)
        Locked,         // another process holds the lock past the busy timeout
        ReadOnly,       // the file or its folder cannot be written
        Corrupt,        // not a database, or a damaged one
        NewerSchema,    // written by a newer BranchDesk
        Constraint,     // a uniqueness or check constraint refused the change
        Unreachable,    // the central server cannot be reached (down, wrong host or port, connection lost)
        AuthFailed,     // the central server refused the user or its password
        TlsUnavailable, // the central server offers no TLS (every PostgreSQL connection requires it)
        TlsNoCa,        // no CA certificate file to check the central server's certificate with
        TlsUntrusted,   // the server's certificate does not chain to the trusted CA (or is expired)
        TlsWrongHost,   // the server's certificate names another host than the URL's
        Forbidden,      // the central database refused the change to this session (branch isolation)
        Lost,           // the connection no longer holds the file it opened (moved, replaced, lock lost)
        Full,           // the disk (or its quota) is full: the change could not be written
        IoError,        // the disk or its file system failed a read or a write (failing disk, gone read-only)
        Other
    };
    Kind kind = Kind::None;
    QString detail; // technical detail (never personal data), for logs and --verbose

    explicit operator bool() const { return kind != Kind::None; }
};

class DbException : public std::exception
{
public:
    explicit DbException(DbError e) : m_error(std::move(e)), m_what(m_error.detail.toUtf8()) {}
    const DbError &error() const { return m_error; }
    const char *what() const noexcept override { return m_what.constData(); }

private:
    DbError m_error;
    QByteArray m_what;
};

// A SQLite error by its result code (SQLITE_BUSY → Locked, SQLITE_FULL → Full, ...).
DbError classifySqliteError(const QSqlError &e);
// A PostgreSQL error by its SQLSTATE; one without a state on a closed connection, or about
// the connection, is Unreachable.
DbError classifyPostgresError(const QSqlError &e, bool connectionOpen);

} // namespace branch::db
