// Where the central database is: a PostgreSQL server's database or a SQLite file, as a URL
// that never holds a password.
#pragma once

#include <QString>

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
    // PostgreSQL: the CA certificate file the server's certificate must chain to (the
    // setting sync/caFile); empty: libpq's PGSSLROOTCERT, else ~/.postgresql/root.crt.
    QString caFile;

    // Parses `text`; on failure returns a URL with *problem set (never None).
    static CentralUrl parse(const QString &text, Problem *problem);
    QString dialectName() const; // "postgresql" or "sqlite"
    QString toString() const;    // the URL again (it never holds a password)
};

} // namespace branch::db
