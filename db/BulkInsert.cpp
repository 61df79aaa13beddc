// Batched inserts (see BulkInsert.h).
#include "BulkInsert.h"

#include <QSqlQuery>
#include <QStringList>

namespace branch::db::demo
{

BulkInsert::BulkInsert(Database &db, const QString &insert, const QString &select, const QString &join,
                       QVariantList shared, int columns)
    : m_db(db), m_shared(std::move(shared)), m_columns(columns)
{
    auto placeholders = [](qsizetype count) {
        QString row = QStringLiteral("(?");
        for (qsizetype i = 1; i < count; ++i)
            row += QStringLiteral(",?");
        return row + QLatin1Char(')');
    };
    const QString row = placeholders(columns);
    QString head = insert + QStringLiteral(" SELECT ") + select + QStringLiteral(" FROM ");
    if (!m_shared.isEmpty())
        head += QStringLiteral("(VALUES ") + placeholders(m_shared.size()) + QStringLiteral(") s CROSS JOIN ");
    head += QStringLiteral("(VALUES ");
    const QString tail = QStringLiteral(") v ") + join;
    m_single = head + row + tail;
    QStringList rows;
    for (int i = 0; i < kRows; ++i)
        rows << row;
    m_multi = head + rows.join(QLatin1Char(',')) + tail;
}

void BulkInsert::add(const QVariantList &values)
{
    Q_ASSERT(values.size() % m_columns == 0);
    m_values.append(values);
    const int chunk = kRows * m_columns;
    qsizetype done = 0;
    for (; m_values.size() - done >= chunk; done += chunk)
        run(m_multi, done, kRows);
    m_values.remove(0, done);
}

void BulkInsert::flush()
{
    for (qsizetype at = 0; at < m_values.size(); at += m_columns)
        run(m_single, at, 1);
    m_values.clear();
}

void BulkInsert::run(const QString &sql, qsizetype offset, int rows)
{
    QSqlQuery &q = m_db.prepared(sql);
    int p = 0;
    for (const QVariant &v : std::as_const(m_shared))
        q.bindValue(p++, v);
    for (qsizetype i = 0; i < qsizetype(rows) * m_columns; ++i)
        q.bindValue(p++, m_values.at(offset + i));
    m_db.exec(q);
}

} // namespace branch::db::demo
