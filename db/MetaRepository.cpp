// The meta values and the SQLite version (see MetaRepository.h).
#include "MetaRepository.h"

#include <QVariant>

namespace branch::db
{

namespace
{

// The first column of the statement's first row as text; empty when there is none.
QString firstText(QSqlQuery &q)
{
    QString v = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return v;
}

} // namespace

QString metaValue(Database &db, const QString &key)
{
    return firstText(runStatement(db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key}));
}

void setMetaValue(Database &db, const QString &key, const QString &value)
{
    runStatement(db,
                 QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                                "excluded.value"),
                 {key, value});
}

QString sqliteVersion(Database &db)
{
    return firstText(runStatement(db, QStringLiteral("SELECT sqlite_version()")));
}

} // namespace branch::db
