// The travelling rows of the central database as the sync code handles them (inside db/
// only): a table's columns and their positions, a row as values in that order, and the
// reads and writes of such rows that the push, the conflicts and the verification share.
#pragma once

#include "db/Central.h"
#include "db/CentralSync.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace branch::db::rows
{

// A travelling table's columns and their positions. In a push, rows are vectors of values
// in this order: a JSON object looks its keys up one by one, too slow for 20 000 rows.
struct TableShape {
    QStringList columns;
    QHash<QString, int> index;
    int id = -1, version = -1, branch = -1, status = -1, nationalCode = -1;
    // The hash a branch sets but never reads back (password_hash, code_hash; -1: none): a
    // branch's role cannot select it from a PostgreSQL central, so it is read as empty there
    // and never compared.
    int secret = -1;
};

// The shape of `table`; nullptr for a table that does not travel.
const TableShape *shapeOf(const QString &table);

using Row = QList<PushValue>; // by column position

PushValue textValue(const QString &text);
PushValue integerValue(qint64 n);

// A payload's value as a bound value: text, integer (booleans as 1/0) or NULL.
QVariant bindable(const QJsonValue &v);
QVariant bindable(const PushValue &v);

QString compactJson(const QJsonObject &o);

Row rowFromPayload(const TableShape &t, const QJsonObject &payload);
QJsonObject objectFromRow(const TableShape &t, const Row &r);
// `text` as a JSON string appended to `out` (RFC 8259: the quote, the backslash and the
// control characters escaped; everything else as it is).
void appendJsonString(QString &out, const QString &text);
// `rows` as one compact JSON array of objects (objectFromRow's keys and values, absent
// columns left out), written straight to text: a push's batch of thousands of rows
// without a QJsonObject for each.
QString jsonArrayOfRows(const TableShape &t, const QList<const Row *> &rows);
// No value absent.
bool complete(const Row &r);
// The same values in every column both rows have, but the branch and the version.
bool sameRowValues(const TableShape &t, const Row &central, const Row &pushed);

// The select list of `columns`, each as text (Dialect::asText).
QString textColumns(const SqlDialect &sql, const QStringList &columns);

// The central rows of a table whose `key` column is one of `keys`, by key, in one
// statement (on PostgreSQL an index lookup per key: `= ANY(array)`).
QHash<QString, Row> centralRows(CentralDatabase &db, const QString &table, const TableShape &t, const QString &key,
                                const QStringList &keys);

// Writes `values` (a payload restricted to the table's columns) as a new row.
void insertRow(CentralDatabase &db, const QString &table, const QStringList &columns, const QJsonObject &values);
// Updates row `id` to `values` (every column of the payload but the id).
void updateRow(CentralDatabase &db, const QString &table, const QStringList &columns, const QJsonObject &values,
               const QString &id);

} // namespace branch::db::rows
