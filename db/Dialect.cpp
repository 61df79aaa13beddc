// The two dialects' differences (see Dialect.h), and the classification of their errors.
#include "Dialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

namespace branch::db
{

namespace
{

// A PostgreSQL array literal of texts: {"a","b"}.
QString arrayLiteral(const QStringList &values)
{
    QStringList quoted;
    quoted.reserve(values.size());
    for (QString v : values)
        quoted << QLatin1Char('"') +
                      v.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                          .replace(QLatin1Char('"'), QLatin1String("\\\"")) +
                      QLatin1Char('"');
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

const SqlDialect &SqlDialect::postgres()
{
    static const SqlDialect d = [] {
        SqlDialect p;
        p.m_postgres = true;
        p.name = QStringLiteral("postgresql");
        p.driver = QStringLiteral("QPSQL");
        p.beginWrite = QStringLiteral("BEGIN");
        p.uuidParam = QStringLiteral("?::uuid");
        p.timeParam = QStringLiteral("?::timestamptz");
        p.jsonParam = QStringLiteral("?::jsonb");
        p.forUpdate = QStringLiteral(" FOR UPDATE");
        p.distinctFrom = QStringLiteral(" IS DISTINCT FROM ");
        p.countTables = QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
        p.versionProbe = QStringLiteral("SELECT to_regclass('public.schema_version') IS NOT NULL");
        p.versionQuery = QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version");
        // Serialises concurrent `central init` runs on one PostgreSQL database.
        p.migrationLock = QStringLiteral("SELECT pg_advisory_xact_lock(7355607)");
        p.sessionStart = {QStringLiteral("SET client_min_messages = warning")};
        p.branchRoles = true;
        p.echoTags = true;
        return p;
    }();
    return d;
}

const SqlDialect &SqlDialect::sqlite()
{
    static const SqlDialect d = [] {
        SqlDialect s;
        s.name = QStringLiteral("sqlite");
        s.driver = QStringLiteral("QSQLITE");
        s.beginWrite = QStringLiteral("BEGIN IMMEDIATE");
        s.uuidParam = s.timeParam = s.jsonParam = QStringLiteral("?");
        s.distinctFrom = QStringLiteral(" IS NOT ");
        s.countTables = QStringLiteral("SELECT count(*) FROM sqlite_master");
        s.versionQuery = QStringLiteral("PRAGMA user_version");
        s.triggerBlocks = true;
        s.sessionStart = {QStringLiteral("PRAGMA schema_version")};
        s.sessionConfigure = {QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA journal_mode = WAL"),
                              QStringLiteral("PRAGMA synchronous = NORMAL"),
                              QStringLiteral("PRAGMA secure_delete = ON")};
        return s;
    }();
    return d;
}

QString SqlDialect::asText(const QString &column) const
{
    return m_postgres ? column + QStringLiteral("::text") : column;
}

QString SqlDialect::keyIn(const QString &column, const QString &type) const
{
    return m_postgres ? QStringLiteral("%1 = ANY(?::%2[])").arg(column, type)
                      : QStringLiteral("%1 IN (SELECT value FROM json_each(?))").arg(column);
}

QString SqlDialect::keyList(const QStringList &keys) const
{
    return m_postgres
               ? arrayLiteral(keys)
               : QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact));
}

QString SqlDialect::jsonInteger(const QString &column, const QString &field) const
{
    return m_postgres ? QStringLiteral("(%1 ->> '%2')::integer").arg(column, field)
                      : QStringLiteral("CAST(json_extract(%1, '$.%2') AS INTEGER)").arg(column, field);
}

QString SqlDialect::setVersion(int version) const
{
    if (!m_postgres)
        return QStringLiteral("PRAGMA user_version = %1").arg(version);
    return version == 1 ? QStringLiteral("INSERT INTO schema_version (version) VALUES (1)")
                        : QStringLiteral("UPDATE schema_version SET version = %1").arg(version);
}

DbError SqlDialect::classify(const QSqlError &e, bool connectionOpen) const
{
    if (m_postgres)
        return classifyPostgresError(e, connectionOpen);
    // The central's isolation triggers (CentralDatabase::actAsBranch) abort with this text.
    DbError out = classifySqliteError(e);
    if (e.text().contains(QLatin1String("branch isolation")))
        out.kind = DbError::Kind::Forbidden;
    return out;
}

DbError classifySqliteError(const QSqlError &e)
{
    DbError out;
    out.detail = e.text();
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok) {
        out.kind = DbError::Kind::Other;
        return out;
    }
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        out.kind = DbError::Kind::Locked;
        break;
    case 8: // SQLITE_READONLY
        out.kind = DbError::Kind::ReadOnly;
        break;
    case 10: // SQLITE_IOERR and its extended codes (_WRITE, _FSYNC, _TRUNCATE, _READ, ...)
        out.kind = DbError::Kind::IoError;
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        out.kind = DbError::Kind::Corrupt;
        break;
    case 13: // SQLITE_FULL
        out.kind = DbError::Kind::Full;
        break;
    case 14: // SQLITE_CANTOPEN
        out.kind = DbError::Kind::ReadOnly;
        break;
    case 19: // SQLITE_CONSTRAINT
        out.kind = DbError::Kind::Constraint;
        break;
    default:
        out.kind = DbError::Kind::Other;
    }
    return out;
}

DbError classifyPostgresError(const QSqlError &e, bool connectionOpen)
{
    DbError out;
    out.detail = e.text();
    const QString state = e.nativeErrorCode();
    if (state == QLatin1String("42501"))
        out.kind = DbError::Kind::Forbidden; // insufficient privilege, row-level security
    else if (state.startsWith(QLatin1String("23")))
        out.kind = DbError::Kind::Constraint;
    else if (state == QLatin1String("40001") || state == QLatin1String("40P01") || state == QLatin1String("55P03"))
        out.kind = DbError::Kind::Locked;
    else if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")))
        out.kind = DbError::Kind::Unreachable; // connection lost, server shutting down
    else if (state.startsWith(QLatin1String("28")))
        out.kind = DbError::Kind::AuthFailed;
    else if (state.isEmpty() &&
             (!connectionOpen || e.text().contains(QLatin1String("connection"), Qt::CaseInsensitive) ||
              e.text().contains(QLatin1String("server closed"), Qt::CaseInsensitive)))
        out.kind = DbError::Kind::Unreachable;
    else
        out.kind = DbError::Kind::Other;
    return out;
}

} // namespace branch::db
