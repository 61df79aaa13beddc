// Batched inserts for the demo data's millions of rows (see DemoData.cpp on speed).
#pragma once

#include "db/Database.h"

#include <QString>
#include <QVariantList>

namespace branch::db::demo
{

// Inserts rows kRows at a time through one cached multi-row statement, the rest through a
// one-row statement at flush(). Each statement is
//   INSERT ... SELECT <select> FROM (VALUES (?,..)) s CROSS JOIN (VALUES (?,...),...) v <join>
// where <select> names the row values v.column1.. and the shared values s.column1..: those
// are the same for every row (branch code, the demo password hash), so they are bound once
// per statement instead of once per row; binding is the costly part of QSqlQuery. (Plain
// "?" only: Qt rewrites placeholders, and numbered ones like "?1" come out wrong.)
class BulkInsert
{
public:
    static constexpr int kRows = 32;

    BulkInsert(Database &db, const QString &insert, const QString &select, const QString &join, QVariantList shared,
               int columns);

    // Queues rows (`columns` values each), inserting every full kRows.
    void add(const QVariantList &values);
    // Inserts the rows still queued.
    void flush();

private:
    void run(const QString &sql, qsizetype offset, int rows);

    Database &m_db;
    QVariantList m_shared;
    int m_columns;
    QString m_single, m_multi;
    QVariantList m_values;
};

} // namespace branch::db::demo
