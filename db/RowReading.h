// Reading rows into records, shared by the repositories: a table's columns written once, as
// (column, record field) pairs that give both the select list and the reader, and the loops
// that read every row or the first one of a statement.
#pragma once

#include "db/Records.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

namespace branch::db
{

// A time as bound: ISO UTC text, or NULL when it is not set.
inline QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(isoUtc(t)) : QVariant::fromValue(nullptr);
}

// The columns of a table in select order, each with the field of `Record` it is read into:
// text as text, integers, booleans (non-zero), dates (ISO), times (isoUtc) and JSON objects
// (compact text).
template <class Record>
class TableColumns
{
public:
    using Field = std::variant<QString Record::*, int Record::*, qint64 Record::*, bool Record::*, QDate Record::*,
                               QDateTime Record::*, QJsonObject Record::*>;
    struct Column {
        const char *name;
        Field field;
    };

    TableColumns(std::initializer_list<Column> columns) : m_columns(columns)
    {
        QStringList names;
        for (const Column &c : m_columns)
            names << QLatin1String(c.name);
        m_list = names.join(QStringLiteral(", "));
    }

    // "a, b, c": the select (or insert) list.
    const QString &list() const { return m_list; }

    // The record whose columns start at column `first` of `q`'s current row.
    Record read(const QSqlQuery &q, int first = 0) const
    {
        Record r;
        for (size_t i = 0; i < m_columns.size(); ++i) {
            const QVariant v = q.value(first + int(i));
            std::visit([&](auto field) { assign(r.*field, v); }, m_columns[i].field);
        }
        return r;
    }
    Record operator()(const QSqlQuery &q) const { return read(q); }

private:
    static void assign(QString &to, const QVariant &v) { to = v.toString(); }
    static void assign(int &to, const QVariant &v) { to = v.toInt(); }
    static void assign(qint64 &to, const QVariant &v) { to = v.toLongLong(); }
    static void assign(bool &to, const QVariant &v) { to = v.toInt() != 0; }
    static void assign(QDate &to, const QVariant &v) { to = QDate::fromString(v.toString(), Qt::ISODate); }
    static void assign(QDateTime &to, const QVariant &v) { to = fromIsoUtc(v.toString()); }
    static void assign(QJsonObject &to, const QVariant &v)
    {
        to = QJsonDocument::fromJson(v.toString().toUtf8()).object();
    }

    std::vector<Column> m_columns;
    QString m_list;
};

// Every row of `q` read by `read` (a callable taking the query); finishes `q`.
template <class Read>
auto readAll(QSqlQuery &q, const Read &read)
{
    QList<std::decay_t<std::invoke_result_t<const Read &, const QSqlQuery &>>> out;
    while (q.next())
        out << read(q);
    q.finish();
    return out;
}

// The first row of `q` read by `read`, if there is one; finishes `q`.
template <class Read>
auto readFirst(QSqlQuery &q, const Read &read)
{
    std::optional<std::decay_t<std::invoke_result_t<const Read &, const QSqlQuery &>>> out;
    if (q.next())
        out = read(q);
    q.finish();
    return out;
}

// Whether `q` has a row; finishes `q`.
inline bool hasRow(QSqlQuery &q)
{
    const bool found = q.next();
    q.finish();
    return found;
}

} // namespace branch::db
