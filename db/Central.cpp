// The central database: URL parsing, connection, migrations, branches and isolation.
#include "Central.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QThread>
#include <QUrl>

namespace branch::db
{

namespace
{

// Central migrations per dialect, in order; each file brings the schema to its index + 1.
const char *const kPgMigrations[] = {
    ":/migrations/central/pg/001_initial.sql",
    ":/migrations/central/pg/002_central_audit.sql",
    ":/migrations/central/pg/003_statement_changes.sql",
    ":/migrations/central/pg/004_push_cost.sql",
};
const char *const kSqliteMigrations[] = {
    ":/migrations/central/sqlite/001_initial.sql",
    ":/migrations/central/sqlite/002_central_audit.sql",
    ":/migrations/central/sqlite/003_statement_changes.sql",
    ":/migrations/central/sqlite/004_push_cost.sql",
};

// Serialises concurrent `central init` runs on one PostgreSQL database.
constexpr int kMigrationLock = 7355607;

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("branchcentral-%1-%2")
        .arg(quintptr(QThread::currentThreadId()))
        .arg(counter.fetchAndAddRelaxed(1));
}

// Splits a central migration into statements: a statement ends with ';' at the end of a
// line, except inside a $$ ... $$ body (PostgreSQL functions, DO blocks) and inside a
// CREATE TRIGGER, which ends at "END;" (SQLite). Lines starting with "--" outside a body
// are comments.
QStringList splitCentralStatements(const QString &script, bool sqlite)
{
    QStringList out;
    QString current;
    bool inDollar = false;
    bool inTrigger = false;
    const auto lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (!inDollar && !inTrigger && (t.isEmpty() || t.startsWith(QLatin1String("--"))))
            continue;
        if (sqlite && current.isEmpty() && t.startsWith(QLatin1String("CREATE TRIGGER")))
            inTrigger = true;
        current += line + QLatin1Char('\n');
        if (t.count(QLatin1String("$$")) % 2 == 1)
            inDollar = !inDollar;
        if (inDollar)
            continue;
        const bool ends = inTrigger ? t == QLatin1String("END;") : t.endsWith(QLatin1Char(';'));
        if (ends) {
            out << current.trimmed();
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

int busyTimeoutMs()
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue("BRANCHDESK_BUSY_TIMEOUT_MS", &ok);
    return ok && v >= 0 ? v : 5000;
}

// A libpq connection failure, from its message (there is no SQLSTATE before a session).
DbError::Kind classifyConnectFailure(const QString &text)
{
    const QString t = text.toLower();
    if (t.contains(QLatin1String("password authentication failed")) ||
        t.contains(QLatin1String("no password supplied")) || t.contains(QLatin1String("authentication failed")) ||
        t.contains(QLatin1String("no pg_hba.conf entry")))
        return DbError::Kind::AuthFailed;
    if (t.contains(QLatin1String("does not exist")) && t.contains(QLatin1String("database")))
        return DbError::Kind::Missing;
    return DbError::Kind::Unreachable; // refused, timeout, unknown host, server closed
}

} // namespace

// ---- URL ----------------------------------------------------------------------------------

CentralUrl CentralUrl::parse(const QString &text, Problem *problem)
{
    CentralUrl out;
    auto fail = [&](Problem p) {
        if (problem)
            *problem = p;
        return out;
    };
    if (problem)
        *problem = Problem::None;
    const QString s = text.trimmed();
    if (s.isEmpty())
        return fail(Problem::Empty);

    static const QLatin1String sqlitePrefix("sqlite://");
    if (s.startsWith(sqlitePrefix, Qt::CaseInsensitive)) {
        out.dialect = Dialect::SQLite;
        const QString path = s.mid(sqlitePrefix.size());
        if (!path.startsWith(QLatin1Char('/')) || path.size() < 2)
            return fail(Problem::RelativePath);
        out.database = QDir::cleanPath(path);
        return out;
    }

    const bool pg = s.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
                    s.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
    if (!pg)
        return fail(Problem::UnknownScheme);
    out.dialect = Dialect::PostgreSQL;
    const QString rest = s.mid(s.indexOf(QLatin1String("://")) + 3);
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return fail(Problem::MissingUser);
    const QString userInfo = rest.left(at);
    if (userInfo.contains(QLatin1Char(':')))
        return fail(Problem::PasswordInUrl);
    out.user = QUrl::fromPercentEncoding(userInfo.toUtf8());
    if (out.user.isEmpty())
        return fail(Problem::MissingUser);
    const QString hostPath = rest.mid(at + 1);
    const qsizetype slash = hostPath.indexOf(QLatin1Char('/'));
    const QString hostPort = slash < 0 ? hostPath : hostPath.left(slash);
    const QString db = slash < 0 ? QString() : hostPath.mid(slash + 1);
    // host, host:port, [v6], [v6]:port
    QString portText;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(Problem::MissingHost);
        out.host = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return fail(Problem::BadPort);
            portText = after.mid(1);
        }
    } else {
        const qsizetype colon = hostPort.indexOf(QLatin1Char(':'));
        out.host = colon < 0 ? hostPort : hostPort.left(colon);
        if (colon >= 0)
            portText = hostPort.mid(colon + 1);
    }
    if (out.host.isEmpty())
        return fail(Problem::MissingHost);
    if (!portText.isNull()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535 || portText.startsWith(QLatin1Char('+')))
            return fail(Problem::BadPort);
        out.port = port;
    }
    out.database = QUrl::fromPercentEncoding(db.toUtf8());
    if (out.database.isEmpty() || out.database.contains(QLatin1Char('/')) || out.database.contains(QLatin1Char('?')))
        return fail(Problem::MissingDatabase);
    return out;
}

QString CentralUrl::dialectName() const
{
    return dialect == Dialect::PostgreSQL ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

QString CentralUrl::toString() const
{
    if (dialect == Dialect::SQLite)
        return QStringLiteral("sqlite://") + database;
    const QString h = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, h).arg(port).arg(database);
}

// ---- connection -----------------------------------------------------------------------------

int CentralDatabase::latestSchemaVersion(CentralUrl::Dialect dialect)
{
    return dialect == CentralUrl::Dialect::PostgreSQL ? int(std::size(kPgMigrations))
                                                      : int(std::size(kSqliteMigrations));
}

std::unique_ptr<CentralDatabase> CentralDatabase::open(const CentralUrl &url, OpenMode mode, DbError *error)
{
    auto fail = [&](DbError::Kind kind, const QString &detail) -> std::unique_ptr<CentralDatabase> {
        if (error)
            *error = DbError{kind, detail};
        return nullptr;
    };
    std::unique_ptr<CentralDatabase> db(new CentralDatabase);
    db->m_url = url;
    db->m_connectionName = nextConnectionName();
    if (url.dialect == CentralUrl::Dialect::PostgreSQL) {
        db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_connectionName);
        if (!db->m_db.isValid())
            return fail(DbError::Kind::Other, QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed"));
        db->m_db.setHostName(url.host);
        db->m_db.setPort(url.port);
        db->m_db.setUserName(url.user);
        db->m_db.setDatabaseName(url.database);
        // No password here: libpq takes it from PGPASSWORD or the pgpass file.
        QStringList options{QStringLiteral("application_name=branchdesk")};
        if (qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT"))
            options << QStringLiteral("connect_timeout=10");
        db->m_db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!db->m_db.open()) {
            const QString text = db->m_db.lastError().text();
            return fail(classifyConnectFailure(text), text);
        }
    } else {
        const QFileInfo fi(url.database);
        if (!fi.exists()) {
            if (mode == OpenMode::Existing)
                return fail(DbError::Kind::Missing, QStringLiteral("no central database file"));
            if (!QDir().mkpath(fi.absolutePath()))
                return fail(DbError::Kind::ReadOnly, QStringLiteral("cannot create the central database folder"));
        } else if (fi.isDir()) {
            return fail(DbError::Kind::Corrupt, QStringLiteral("the path is a folder"));
        }
        db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
        db->m_db.setDatabaseName(url.database);
        db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs()));
        if (!db->m_db.open())
            return fail(db->classify(db->m_db.lastError()).kind, db->m_db.lastError().text());
    }
    try {
        if (db->isPostgres()) {
            db->execDirect(QStringLiteral("SET client_min_messages = warning"));
        } else {
            db->execDirect(QStringLiteral("PRAGMA schema_version")); // where SQLite notices a non-database
        }
        const int latest = latestSchemaVersion(url.dialect);
        const int version = db->schemaVersion();
        db->m_versionAtOpen = version;
        if (version > latest)
            return fail(
                DbError::Kind::NewerSchema,
                QStringLiteral("central schema version %1, this program knows up to %2").arg(version).arg(latest));
        if (version == 0 && db->hasForeignTables())
            return fail(DbError::Kind::NotInitialised, QStringLiteral("not a BranchDesk central database"));
        if (mode == OpenMode::Existing && version < latest)
            return fail(DbError::Kind::NotInitialised,
                        QStringLiteral("central schema version %1; run \"branchctl central init\"").arg(version));
        if (!db->isPostgres()) {
            db->execDirect(QStringLiteral("PRAGMA foreign_keys = ON"));
            db->execDirect(QStringLiteral("PRAGMA journal_mode = WAL"));
            db->execDirect(QStringLiteral("PRAGMA synchronous = NORMAL"));
        }
        if (version < latest)
            db->migrate();
    } catch (const DbException &e) {
        if (error)
            *error = e.error();
        return nullptr;
    }
    return db;
}

CentralDatabase::~CentralDatabase()
{
    qDeleteAll(m_statements);
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

DbError CentralDatabase::classify(const QSqlError &e) const
{
    if (!isPostgres()) {
        DbError out = Database::classify(e);
        if (e.text().contains(QLatin1String("branch isolation")))
            out.kind = DbError::Kind::Forbidden;
        return out;
    }
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
             (!m_db.isOpen() || e.text().contains(QLatin1String("connection"), Qt::CaseInsensitive) ||
              e.text().contains(QLatin1String("server closed"), Qt::CaseInsensitive)))
        out.kind = DbError::Kind::Unreachable;
    else
        out.kind = DbError::Kind::Other;
    return out;
}

int CentralDatabase::schemaVersion()
{
    QSqlQuery q(m_db);
    if (!isPostgres()) {
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            throw DbException(classify(q.lastError()));
        return q.value(0).toInt();
    }
    if (!q.exec(QStringLiteral("SELECT to_regclass('public.schema_version') IS NOT NULL")) || !q.next())
        throw DbException(classify(q.lastError()));
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")) || !q.next())
        throw DbException(classify(q.lastError()));
    return q.value(0).toInt();
}

bool CentralDatabase::hasForeignTables()
{
    QSqlQuery q(m_db);
    const QString sql = isPostgres() ? QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
                                     : QStringLiteral("SELECT count(*) FROM sqlite_master");
    if (!q.exec(sql) || !q.next())
        throw DbException(classify(q.lastError()));
    return q.value(0).toInt() != 0;
}

void CentralDatabase::migrate()
{
    const int latest = latestSchemaVersion(m_url.dialect);
    for (;;) {
        CentralTransaction tx(*this);
        if (isPostgres())
            execDirect(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock));
        // Re-read under the lock: another init may have migrated meanwhile.
        const int from = schemaVersion();
        if (from > latest)
            throw DbException({DbError::Kind::NewerSchema, QStringLiteral("central schema version %1").arg(from)});
        if (from == latest)
            return;
        if (from == 0 && hasForeignTables())
            throw DbException({DbError::Kind::NotInitialised, QStringLiteral("not a BranchDesk central database")});
        migrateTo(from + 1);
        tx.commit();
    }
}

void CentralDatabase::migrateTo(int version)
{
    const char *const path = isPostgres() ? kPgMigrations[version - 1] : kSqliteMigrations[version - 1];
    QFile f(QString::fromLatin1(path));
    if (!f.open(QIODevice::ReadOnly))
        throw DbException({DbError::Kind::Other, QStringLiteral("missing central migration %1").arg(version)});
    const auto statements = splitCentralStatements(QString::fromUtf8(f.readAll()), !isPostgres());
    for (const QString &s : statements)
        execDirect(s);
    if (!isPostgres())
        execDirect(QStringLiteral("PRAGMA user_version = %1").arg(version));
    else if (version == 1)
        execDirect(QStringLiteral("INSERT INTO schema_version (version) VALUES (1)"));
    else
        execDirect(QStringLiteral("UPDATE schema_version SET version = %1").arg(version));
}

QSqlQuery &CentralDatabase::prepared(const QString &sql)
{
    auto it = m_statements.constFind(sql);
    if (it != m_statements.constEnd())
        return **it;
    auto *q = new QSqlQuery(m_db);
    if (!q->prepare(sql)) {
        const DbError e = classify(q->lastError());
        delete q;
        throw DbException(e);
    }
    m_statements.insert(sql, q);
    return *q;
}

void CentralDatabase::exec(QSqlQuery &q)
{
    if (!q.exec())
        throw DbException(classify(q.lastError()));
}

void CentralDatabase::execDirect(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw DbException(classify(q.lastError()));
}

// ---- branches -------------------------------------------------------------------------------

QString CentralDatabase::addBranch(const QString &code, const QString &password)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{3,8}$"));
    if (!digits.match(code).hasMatch())
        throw DbException({DbError::Kind::Constraint, QStringLiteral("a branch code is 3 to 8 digits")});
    const QString role = roleNameFor(code);
    CentralTransaction tx(*this);
    if (isPostgres()) {
        QSqlQuery &insert = prepared(
            QStringLiteral("INSERT INTO branches (code, role_name) VALUES (?, ?) ON CONFLICT (code) DO NOTHING"));
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
    static const QRegularExpression digits(QStringLiteral("^[0-9]{3,8}$"));
    if (!digits.match(code).hasMatch())
        throw DbException({DbError::Kind::Forbidden, QStringLiteral("not a branch code")});
    if (isPostgres()) {
        if (sessionBranch() != code)
            throw DbException(
                {DbError::Kind::Forbidden, QStringLiteral("the connected role is not branch %1's").arg(code)});
        return;
    }
    // SQLite has no roles: this connection refuses, by temporary triggers, what the
    // PostgreSQL policies refuse to a branch role (see central/pg/001_initial.sql).
    const QString raise =
        QStringLiteral("SELECT RAISE(ABORT, 'branch isolation: branch %1 may not write this row')").arg(code);
    QStringList ddl;
    for (const char *t : {"requests", "accounts", "sms_messages", "recoveries"}) {
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
    for (const char *t : {"applied_batches", "conflicts", "audit_chains"}) {
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
    m_branch = code;
}

QString CentralDatabase::sessionBranch()
{
    if (!isPostgres())
        return m_branch;
    QSqlQuery &q = prepared(QStringLiteral("SELECT coalesce(branchdesk_session_branch(), '')"));
    exec(q);
    const QString code = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return code;
}

const QHash<QString, QString> &CentralDatabase::columnTypes(const QString &table)
{
    auto it = m_columnTypes.constFind(table);
    if (it != m_columnTypes.constEnd())
        return *it;
    QSqlQuery &q = prepared(QStringLiteral("SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute "
                                           "WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped"));
    q.addBindValue(table);
    exec(q);
    QHash<QString, QString> types;
    while (q.next())
        types.insert(q.value(0).toString(), q.value(1).toString());
    q.finish();
    return *m_columnTypes.insert(table, types);
}

bool CentralDatabase::batchApplied(const QString &batchId)
{
    QSqlQuery &q =
        prepared(isPostgres() ? QStringLiteral("SELECT count(*) FROM applied_batches WHERE batch_id = ?::uuid")
                              : QStringLiteral("SELECT count(*) FROM applied_batches WHERE batch_id = ?"));
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

CentralTransaction::CentralTransaction(CentralDatabase &db) : m_db(db)
{
    m_db.execDirect(m_db.isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    m_open = true;
}

CentralTransaction::~CentralTransaction()
{
    if (m_open) {
        QSqlQuery q(m_db.connection());
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

void CentralTransaction::commit()
{
    m_db.execDirect(QStringLiteral("COMMIT"));
    m_open = false;
}

} // namespace branch::db
