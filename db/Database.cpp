// The branch's SQLite database: opening, migrations, prepared statements, transactions.
#include "Database.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>

namespace branch::db
{

namespace
{

// Local schema migrations, in order; each file brings the schema to its index + 1.
const char *const kMigrations[] = {
    ":/migrations/local/001_initial.sql",      ":/migrations/local/002_accounts_by_mobile.sql",
    ":/migrations/local/003_sms_delivery.sql", ":/migrations/local/004_sync.sql",
    ":/migrations/local/005_reviews.sql",      ":/migrations/local/006_audit_by_action.sql",
};
constexpr int kLatest = int(std::size(kMigrations));

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("branchdb-%1-%2")
        .arg(quintptr(QThread::currentThreadId()))
        .arg(counter.fetchAndAddRelaxed(1));
}

// Splits a migration file into statements: statements end with ';' at the end of a line;
// lines starting with "--" are comments. (Migration files are ours; no ';' inside strings.)
QStringList splitStatements(const QString &script)
{
    QStringList out;
    QString current;
    const auto lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (t.isEmpty() || t.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (t.endsWith(QLatin1Char(';'))) {
            out << current.trimmed();
            current.clear();
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

} // namespace

int Database::latestSchemaVersion()
{
    return kLatest;
}

DbError Database::classify(const QSqlError &e)
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
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        out.kind = DbError::Kind::Corrupt;
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

std::unique_ptr<Database> Database::open(const QString &path, OpenMode mode, DbError *error)
{
    auto fail = [&](DbError::Kind kind, const QString &detail) -> std::unique_ptr<Database> {
        if (error)
            *error = DbError{kind, detail};
        return nullptr;
    };
    const QFileInfo fi(path);
    if (!fi.exists()) {
        if (mode == OpenMode::MustExist)
            return fail(DbError::Kind::Missing, QStringLiteral("no database file"));
        if (!QDir().mkpath(fi.absolutePath()))
            return fail(DbError::Kind::ReadOnly, QStringLiteral("cannot create the database folder"));
    } else {
        if (fi.isDir())
            return fail(DbError::Kind::Corrupt, QStringLiteral("the path is a folder"));
        if (!fi.isWritable() || !QFileInfo(fi.absolutePath()).isWritable())
            return fail(DbError::Kind::ReadOnly, QStringLiteral("the database file or its folder is read-only"));
    }

    std::unique_ptr<Database> db(new Database);
    db->m_path = path;
    db->m_connectionName = nextConnectionName();
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
    db->m_db.setDatabaseName(path);
    db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs()));
    if (!db->m_db.open())
        return fail(classify(db->m_db.lastError()).kind, db->m_db.lastError().text());
    try {
        // Everything that can refuse the file runs before anything can write to it (WAL mode
        // and migrations both write): a foreign or newer file is left exactly as it was.
        db->checkReadable();
        const int version = db->schemaVersion();
        if (version > kLatest)
            return fail(DbError::Kind::NewerSchema,
                        QStringLiteral("schema version %1, this program knows up to %2").arg(version).arg(kLatest));
        if (version == 0 && (mode == OpenMode::MustExist || db->hasTables()))
            return fail(DbError::Kind::NotInitialised, QStringLiteral("not a BranchDesk database"));
        db->configure();
        if (version < kLatest)
            db->migrate();
    } catch (const DbException &e) {
        if (error)
            *error = e.error();
        return nullptr;
    }
    return db;
}

Database::~Database()
{
    qDeleteAll(m_statements);
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void Database::checkReadable()
{
    // The first statement is where SQLite notices a file that is not a database.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA schema_version")))
        throw DbException(classify(q.lastError()));
}

bool Database::hasTables()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
        throw DbException(classify(q.lastError()));
    return q.value(0).toInt() != 0;
}

void Database::configure()
{
    QSqlQuery q(m_db);
    execDirect(QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        throw DbException(classify(q.lastError()));
    execDirect(QStringLiteral("PRAGMA synchronous = NORMAL"));
    execDirect(QStringLiteral("PRAGMA temp_store = MEMORY"));
    execDirect(QStringLiteral("PRAGMA cache_size = -32768")); // 32 MiB
}

int Database::schemaVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        throw DbException(classify(q.lastError()));
    return q.value(0).toInt();
}

void Database::migrate()
{
    Transaction tx(*this);
    const int from = schemaVersion(); // re-read under the write lock: another process may have migrated
    if (from > kLatest)
        throw DbException({DbError::Kind::NewerSchema, QStringLiteral("schema version %1").arg(from)});
    if (from > 0) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'meta'")) || !q.next() ||
            q.value(0).toInt() != 1)
            throw DbException({DbError::Kind::NotInitialised, QStringLiteral("no meta table")});
    } else if (hasTables()) { // someone else's database: never write into it
        throw DbException({DbError::Kind::NotInitialised, QStringLiteral("a foreign SQLite database")});
    }
    for (int v = from; v < kLatest; ++v) {
        QFile f(QString::fromLatin1(kMigrations[v]));
        if (!f.open(QIODevice::ReadOnly))
            throw DbException({DbError::Kind::Other, QStringLiteral("missing migration %1").arg(v + 1)});
        const auto statements = splitStatements(QString::fromUtf8(f.readAll()));
        for (const QString &s : statements)
            execDirect(s);
        execDirect(QStringLiteral("PRAGMA user_version = %1").arg(v + 1));
    }
    tx.commit();
}

QSqlQuery &Database::prepared(const QString &sql)
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

void Database::exec(QSqlQuery &q)
{
    if (!q.exec())
        throw DbException(classify(q.lastError()));
}

void Database::execDirect(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw DbException(classify(q.lastError()));
}

Transaction::Transaction(Database &db) : m_db(db)
{
    m_db.execDirect(QStringLiteral("BEGIN IMMEDIATE"));
    m_open = true;
}

Transaction::~Transaction()
{
    if (m_open) {
        QSqlQuery q(m_db.connection());
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

void Transaction::commit()
{
    m_db.execDirect(QStringLiteral("COMMIT"));
    m_open = false;
}

QSqlQuery &runStatement(Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery &q = db.prepared(sql);
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        if (v.metaType() == QMetaType::fromType<QString>() && v.toString().isNull())
            q.bindValue(i, QString(QLatin1String("")));
        else
            q.bindValue(i, v);
    }
    db.exec(q);
    return q;
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant::fromValue(nullptr) : QVariant(s);
}

} // namespace branch::db
