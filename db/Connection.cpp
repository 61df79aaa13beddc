// One named connection, its prepared statements, migrations and transactions (see Connection.h).
#include "Connection.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QThread>

namespace branch::db
{

namespace
{

QString nextConnectionName(const QString &prefix)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("%1-%2-%3")
        .arg(prefix)
        .arg(quintptr(QThread::currentThreadId()))
        .arg(counter.fetchAndAddRelaxed(1));
}

// Splits a migration into statements: a statement ends with ';' at the end of a line,
// except inside a $$ ... $$ body (PostgreSQL functions, DO blocks) and, with
// `triggerBlocks`, inside a CREATE TRIGGER, which ends at "END;" (SQLite). Lines starting
// with "--" outside a body are comments. (Migration files are ours; no ';' inside strings.)
QStringList splitStatements(const QString &script, bool triggerBlocks)
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
        if (triggerBlocks && current.isEmpty() && t.startsWith(QLatin1String("CREATE TRIGGER")))
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

} // namespace

QStringList Migrations::files() const
{
    QStringList out;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        out << dir.filePath(name);
    return out;
}

Connection::Connection(const SqlDialect &dialect, const QString &prefix, Classifier classify)
    : m_dialect(dialect), m_classify(std::move(classify)), m_name(nextConnectionName(prefix)),
      m_db(QSqlDatabase::addDatabase(dialect.driver, m_name))
{
}

Connection::~Connection()
{
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

QSqlQuery &Connection::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return *it->second;
    auto q = std::make_unique<QSqlQuery>(m_db);
    if (!q->prepare(sql))
        throw DbException(classify(q->lastError()));
    return *m_statements.emplace(sql, std::move(q)).first->second;
}

void Connection::exec(QSqlQuery &q)
{
    if (!q.exec())
        throw DbException(classify(q.lastError()));
}

void Connection::execDirect(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw DbException(classify(q.lastError()));
}

QVariant Connection::queryValue(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql) || !q.next())
        throw DbException(classify(q.lastError()));
    return q.value(0);
}

QSqlQuery &Connection::run(const QString &sql, const QVariantList &values)
{
    QSqlQuery &q = prepared(sql);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    exec(q);
    return q;
}

int Connection::schemaVersion()
{
    if (!m_dialect.versionProbe.isEmpty() && !queryValue(m_dialect.versionProbe).toBool())
        return 0;
    return queryValue(m_dialect.versionQuery).toInt();
}

void Connection::applyMigration(const Migrations &set, int version)
{
    const QStringList files = set.files();
    QFile f(version >= 1 && version <= files.size() ? files.at(version - 1) : QString());
    if (!f.open(QIODevice::ReadOnly))
        throw DbException({DbError::Kind::Other, QStringLiteral("missing %1 %2").arg(set.label).arg(version)});
    const auto statements = splitStatements(QString::fromUtf8(f.readAll()), m_dialect.triggerBlocks);
    for (const QString &s : statements)
        execDirect(s);
    execDirect(m_dialect.setVersion(version));
}

int sqliteBusyTimeoutMs()
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue("BRANCHDESK_BUSY_TIMEOUT_MS", &ok);
    return ok && v >= 0 ? v : 5000;
}

TransactionGuard::TransactionGuard(Connection &c, const QString &begin) : m_connection(c)
{
    m_connection.execDirect(begin);
    m_open = true;
}

TransactionGuard::~TransactionGuard()
{
    if (m_open)
        rollback();
}

void TransactionGuard::commit()
{
    m_connection.execDirect(QStringLiteral("COMMIT"));
    m_open = false;
}

void TransactionGuard::rollback()
{
    QSqlQuery q(m_connection.handle());
    q.exec(QStringLiteral("ROLLBACK"));
    m_open = false;
}

} // namespace branch::db
