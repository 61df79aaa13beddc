// Where PostgreSQL and SQLite differ, in one place: the casts a bound value needs, the
// clauses one dialect has and the other spells otherwise, how the schema version is kept,
// what a session sets up, how errors are classified, and the features only the PostgreSQL
// central has (roles and row-level security, upserts by column arrays, echo tags in the
// change log). Statements are written once with these members in them; where the two
// dialects need different statements altogether, the caller keeps both side by side.
#pragma once

#include "db/DbError.h"

#include <QString>
#include <QStringList>

namespace branch::db
{

class SqlDialect
{
public:
    static const SqlDialect &postgres();
    static const SqlDialect &sqlite();

    QString name;       // "postgresql", "sqlite"
    QString driver;     // the Qt Sql driver: "QPSQL", "QSQLITE"
    QString beginWrite; // a write transaction: BEGIN / BEGIN IMMEDIATE (takes the write lock now)

    // Placeholders for values bound as text that a column of another type takes.
    QString uuidParam; // ?::uuid / ?
    QString timeParam; // ?::timestamptz / ?
    QString jsonParam; // ?::jsonb / ?

    QString forUpdate;    // " FOR UPDATE" after a SELECT that locks its row; SQLite's write lock is the transaction's
    QString distinctFrom; // " IS DISTINCT FROM " / " IS NOT ": a difference, NULLs included

    // The schema: how many tables there are (a schema of someone else's?), its version table
    // (`versionProbe`, when set, says whether there is one yet), the migration lock.
    QString countTables;
    QString versionProbe;
    QString versionQuery;
    QString migrationLock;      // serialises concurrent migrations (PostgreSQL); empty: the write lock does
    bool triggerBlocks = false; // migrations: a CREATE TRIGGER runs to its "END;" (SQLite)

    // A session: what runs first (where SQLite notices a file that is not a database), and
    // what runs once the schema is known to be this program's.
    QStringList sessionStart;
    QStringList sessionConfigure;

    // The PostgreSQL central's features.
    bool branchRoles = false; // a branch is a login role; row-level security isolates branches
    bool echoTags = false;    // the change log records the push's echo tag (branchdesk.push_branch)

    // `column` as text in a select list (a uuid, a timestamp, a jsonb).
    QString asText(const QString &column) const;
    // A condition that `column` is one of a list of keys bound as one value (keyList), of
    // SQL type `type` ("uuid", "text").
    QString keyIn(const QString &column, const QString &type) const;
    QString keyList(const QStringList &keys) const;
    // The integer at key `field` of the JSON in `column`.
    QString jsonInteger(const QString &column, const QString &field) const;
    // The statement that records schema version `version` (after migration `version`).
    QString setVersion(int version) const;
    // An error of this dialect's server, classified; `connectionOpen`: whether the
    // connection is still open (PostgreSQL).
    DbError classify(const QSqlError &e, bool connectionOpen) const;

private:
    SqlDialect() = default;
    bool m_postgres = false;
};

} // namespace branch::db
