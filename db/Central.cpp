// The central database: connection, migrations, branches and isolation.
#include "Central.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>

namespace branch::db
{

namespace
{

// The central migrations of each dialect (db/central/pg, db/central/sqlite), in order.
const Migrations &centralMigrations(CentralUrl::Dialect dialect)
{
    static const Migrations pg{QStringLiteral(":/migrations/central/pg"), QStringLiteral("central migration")};
    static const Migrations sqlite{QStringLiteral(":/migrations/central/sqlite"), QStringLiteral("central migration")};
    return dialect == CentralUrl::Dialect::PostgreSQL ? pg : sqlite;
}

const SqlDialect &dialectOf(CentralUrl::Dialect dialect)
{
    return dialect == CentralUrl::Dialect::PostgreSQL ? SqlDialect::postgres() : SqlDialect::sqlite();
}

// A libpq connection failure, from its message (there is no SQLSTATE before a session).
DbError::Kind classifyConnectFailure(const QString &text)
{
    const QString t = text.toLower();
    if (t.contains(QLatin1String("password authentication failed")) ||
        t.contains(QLatin1String("no password supplied")) || t.contains(QLatin1String("authentication failed")) ||
        t.contains(QLatin1String("no pg_hba.conf entry")))
        return DbError::Kind::AuthFailed;
    // TLS first: libpq's texts for verify-full (15): "server does not support SSL, but SSL
    // was required", "root certificate file ... does not exist", "certificate verify
    // failed", "server certificate for "X" does not match host name "Y"".
    if (t.contains(QLatin1String("does not support ssl")))
        return DbError::Kind::TlsUnavailable;
    if (t.contains(QLatin1String("root certificate file")))
        return DbError::Kind::TlsNoCa;
    if (t.contains(QLatin1String("does not match host name")))
        return DbError::Kind::TlsWrongHost;
    if (t.contains(QLatin1String("certificate verify failed")) || t.contains(QLatin1String("certificate has expired")))
        return DbError::Kind::TlsUntrusted;
    if (t.contains(QLatin1String("does not exist")) && t.contains(QLatin1String("database")))
        return DbError::Kind::Missing;
    return DbError::Kind::Unreachable; // refused, timeout, unknown host, server closed
}

const QRegularExpression &branchCodePattern()
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{3,8}$"));
    return digits;
}

} // namespace

// ---- connection -----------------------------------------------------------------------------

CentralDatabase::CentralDatabase(const CentralUrl &url)
    : m_url(url), m_connection(dialectOf(url.dialect), QStringLiteral("branchcentral"),
                               [this](const QSqlError &e) { return sql().classify(e, connection().isOpen()); })
{
}

int CentralDatabase::latestSchemaVersion(CentralUrl::Dialect dialect)
{
    static const int pg = centralMigrations(CentralUrl::Dialect::PostgreSQL).latest();
    static const int sqlite = centralMigrations(CentralUrl::Dialect::SQLite).latest();
    return dialect == CentralUrl::Dialect::PostgreSQL ? pg : sqlite;
}

DbError CentralDatabase::openPostgres()
{
    QSqlDatabase &db = connection();
    if (!db.isValid())
        return {DbError::Kind::Other, QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed")};
    db.setHostName(m_url.host);
    db.setPort(m_url.port);
    db.setUserName(m_url.user);
    db.setDatabaseName(m_url.database);
    // No password here: libpq takes it from PGPASSWORD or the pgpass file.
    // TLS always, with the certificate checked against the CA and the host name against the
    // certificate: a server without TLS, another CA's certificate or another host's is refused.
    QStringList options{QStringLiteral("application_name=branchdesk"), QStringLiteral("sslmode=verify-full")};
    if (!m_url.caFile.isEmpty()) {
        // A conninfo value in single quotes (the driver joins the options with spaces).
        QString quoted = m_url.caFile;
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
        options << QStringLiteral("sslrootcert='%1'").arg(quoted);
    }
    if (qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT"))
        options << QStringLiteral("connect_timeout=10");
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        const QString text = db.lastError().text();
        return {classifyConnectFailure(text), text};
    }
    return {};
}

DbError CentralDatabase::openSqlite(OpenMode mode)
{
    const QFileInfo fi(m_url.database);
    if (!fi.exists()) {
        if (mode == OpenMode::Existing)
            return {DbError::Kind::Missing, QStringLiteral("no central database file")};
        if (!QDir().mkpath(fi.absolutePath()))
            return {DbError::Kind::ReadOnly, QStringLiteral("cannot create the central database folder")};
    } else if (fi.isDir()) {
        return {DbError::Kind::Corrupt, QStringLiteral("the path is a folder")};
    }
    QSqlDatabase &db = connection();
    db.setDatabaseName(m_url.database);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(sqliteBusyTimeoutMs()));
    if (!db.open())
        return {classify(db.lastError()).kind, db.lastError().text()};
    return {};
}

std::unique_ptr<CentralDatabase> CentralDatabase::open(const CentralUrl &url, OpenMode mode, DbError *error)
{
    auto fail = [&](DbError e) -> std::unique_ptr<CentralDatabase> {
        if (error)
            *error = std::move(e);
        return nullptr;
    };
    std::unique_ptr<CentralDatabase> db(new CentralDatabase(url));
    if (DbError e = url.dialect == CentralUrl::Dialect::PostgreSQL ? db->openPostgres() : db->openSqlite(mode))
        return fail(e);
    const SqlDialect &sql = db->sql();
    try {
        for (const QString &s : sql.sessionStart)
            db->execDirect(s);
        const int latest = latestSchemaVersion(url.dialect);
        const int version = db->schemaVersion();
        db->m_versionAtOpen = version;
        if (version > latest)
            return fail(
                {DbError::Kind::NewerSchema,
                 QStringLiteral("central schema version %1, this program knows up to %2").arg(version).arg(latest)});
        if (version == 0 && db->hasForeignTables())
            return fail({DbError::Kind::NotInitialised, QStringLiteral("not a BranchDesk central database")});
        if (mode == OpenMode::Existing && version < latest)
            return fail({DbError::Kind::NotInitialised,
                         QStringLiteral("central schema version %1; run \"branchctl central init\"").arg(version)});
        for (const QString &s : sql.sessionConfigure)
            db->execDirect(s);
        if (version < latest)
            db->migrate();
    } catch (const DbException &e) {
        return fail(e.error());
    }
    return db;
}

CentralDatabase::~CentralDatabase() = default; // m_connection closes the connection, its statements first

int CentralDatabase::schemaVersion()
{
    return m_connection.schemaVersion();
}

bool CentralDatabase::hasForeignTables()
{
    return m_connection.queryValue(sql().countTables).toInt() != 0;
}

void CentralDatabase::migrate()
{
    const int latest = latestSchemaVersion(m_url.dialect);
    for (;;) {
        CentralTransaction tx(*this);
        if (!sql().migrationLock.isEmpty())
            execDirect(sql().migrationLock);
        // Re-read under the lock: another init may have migrated meanwhile.
        const int from = schemaVersion();
        if (from > latest)
            throw DbException({DbError::Kind::NewerSchema, QStringLiteral("central schema version %1").arg(from)});
        if (from == latest)
            return;
        if (from == 0 && hasForeignTables())
            throw DbException({DbError::Kind::NotInitialised, QStringLiteral("not a BranchDesk central database")});
        m_connection.applyMigration(centralMigrations(m_url.dialect), from + 1);
        tx.commit();
    }
}

// ---- branches -------------------------------------------------------------------------------

QString CentralDatabase::addBranch(const QString &code, const QString &password)
{
    if (!branchCodePattern().match(code).hasMatch())
        throw DbException({DbError::Kind::Constraint, QStringLiteral("a branch code is 3 to 8 digits")});
    const QString role = roleNameFor(code);
    CentralTransaction tx(*this);
    if (sql().branchRoles) {
        addBranchRole(code, role, password);
    } else {
        QSqlQuery &insert =
            prepared(QStringLiteral("INSERT OR IGNORE INTO branches (code, role_name, created_at) VALUES (?, ?, ?)"));
        insert.addBindValue(code);
        insert.addBindValue(role);
        insert.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        exec(insert);
    }
    tx.commit();
    return role;
}

// PostgreSQL: the branches row, and the branch's login role created (or its password set).
void CentralDatabase::addBranchRole(const QString &code, const QString &role, const QString &password)
{
    QSqlQuery &insert =
        prepared(QStringLiteral("INSERT INTO branches (code, role_name) VALUES (?, ?) ON CONFLICT (code) DO NOTHING"));
    insert.addBindValue(code);
    insert.addBindValue(role);
    exec(insert);
    QSqlQuery &exists = prepared(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"));
    exists.addBindValue(role);
    exec(exists);
    const bool roleExists = exists.next() && exists.value(0).toInt() > 0;
    exists.finish();
    // CREATE/ALTER ROLE take no parameters: the server quotes the name and the password
    // (format %I, %L), and the statement is run without ever being logged here.
    QSqlQuery &make = prepared(roleExists ? QStringLiteral("SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', "
                                                           "?::text, ?::text)")
                                          : QStringLiteral("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', "
                                                           "?::text, ?::text)"));
    make.addBindValue(role);
    make.addBindValue(password);
    exec(make);
    if (!make.next())
        throw DbException({DbError::Kind::Other, QStringLiteral("format() returned nothing")});
    QString statement = make.value(0).toString();
    make.finish();
    execDirect(statement);
    statement.fill(QLatin1Char(' '));
    execDirect(QStringLiteral("GRANT branchdesk_branch TO \"%1\"").arg(role));
}

QStringList CentralDatabase::branches()
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT code FROM branches ORDER BY code"));
    exec(q);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    q.finish();
    return out;
}

void CentralDatabase::actAsBranch(const QString &code)
{
    if (!branchCodePattern().match(code).hasMatch())
        throw DbException({DbError::Kind::Forbidden, QStringLiteral("not a branch code")});
    if (sql().branchRoles) {
        if (sessionBranch() != code)
            throw DbException(
                {DbError::Kind::Forbidden, QStringLiteral("the connected role is not branch %1's").arg(code)});
        m_branch = code;
        return;
    }
    installIsolationTriggers(code);
    m_branch = code;
}

void CentralDatabase::installIsolationTriggers(const QString &code)
{
    // SQLite has no roles: this connection refuses, by temporary triggers, what the
    // PostgreSQL policies refuse to a branch role (see central/pg/001_initial.sql).
    const QString raise =
        QStringLiteral("SELECT RAISE(ABORT, 'branch isolation: branch %1 may not write this row')").arg(code);
    QStringList ddl;
    for (const char *t : {"requests", "accounts", "sms_messages", "recoveries", "review_proposals"}) {
        const QString table = QString::fromLatin1(t);
        ddl << QStringLiteral("CREATE TEMP TRIGGER isolation_%1_insert BEFORE INSERT ON main.%1 "
                              "WHEN NEW.branch_code IS NOT '%2' BEGIN %3; END")
                   .arg(table, code, raise)
            << QStringLiteral("CREATE TEMP TRIGGER isolation_%1_update BEFORE UPDATE ON main.%1 "
                              "WHEN NEW.branch_code IS NOT '%2' BEGIN %3; END")
                   .arg(table, code, raise)
            << QStringLiteral("CREATE TEMP TRIGGER isolation_%1_delete BEFORE DELETE ON main.%1 BEGIN %2; END")
                   .arg(table, raise);
    }
    for (const char *t : {"applied_batches", "conflicts", "audit_chains", "audit_alerts", "branch_contacts"}) {
        const QString table = QString::fromLatin1(t);
        ddl << QStringLiteral("CREATE TEMP TRIGGER isolation_%1_insert BEFORE INSERT ON main.%1 "
                              "WHEN NEW.branch_code IS NOT '%2' BEGIN %3; END")
                   .arg(table, code, raise)
            << QStringLiteral("CREATE TEMP TRIGGER isolation_%1_update BEFORE UPDATE ON main.%1 "
                              "WHEN NEW.branch_code IS NOT '%2' OR OLD.branch_code IS NOT '%2' BEGIN %3; END")
                   .arg(table, code, raise)
            << QStringLiteral("CREATE TEMP TRIGGER isolation_%1_delete BEFORE DELETE ON main.%1 BEGIN %2; END")
                   .arg(table, raise);
    }
    for (const char *t : {"registry_persons", "mobile_owners", "branches", "central_audit"}) {
        const QString table = QString::fromLatin1(t);
        for (const char *op : {"insert", "update", "delete"})
            ddl << QStringLiteral("CREATE TEMP TRIGGER isolation_%1_%2 BEFORE %3 ON main.%1 BEGIN %4; END")
                       .arg(table, QString::fromLatin1(op), QString::fromLatin1(op).toUpper(), raise);
    }
    CentralTransaction tx(*this);
    for (const QString &s : ddl)
        execDirect(s);
    tx.commit();
}

void CentralDatabase::execBound(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &q = prepared(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    exec(q);
    q.finish();
}

QString CentralDatabase::sessionBranch()
{
    if (!sql().branchRoles)
        return m_branch;
    QSqlQuery &q = prepared(QStringLiteral("SELECT coalesce(branchdesk_session_branch(), '')"));
    exec(q);
    const QString code = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return code;
}

bool CentralDatabase::batchApplied(const QString &batchId)
{
    QSqlQuery &q =
        prepared(QStringLiteral("SELECT count(*) FROM applied_batches WHERE batch_id = %1").arg(sql().uuidParam));
    q.addBindValue(batchId);
    exec(q);
    const bool applied = q.next() && q.value(0).toInt() > 0;
    q.finish();
    return applied;
}

qint64 CentralDatabase::lastChangeSeq()
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT coalesce(max(seq), 0) FROM changes"));
    exec(q);
    const qint64 seq = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return seq;
}

// ---- transactions -----------------------------------------------------------------------------

// BEGIN on PostgreSQL, BEGIN IMMEDIATE on SQLite (the write lock taken at once).
CentralTransaction::CentralTransaction(CentralDatabase &db) : m_guard(db.link(), db.sql().beginWrite) {}

CentralTransaction::~CentralTransaction() = default; // the guard rolls back what is still open

void CentralTransaction::commit()
{
    m_guard.commit();
}

} // namespace branch::db
