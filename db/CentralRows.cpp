// The travelling rows of the central database (see CentralRows.h) and the columns of each
// travelling table (travellingColumns, CentralSync.h).
#include "CentralRows.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace branch::db
{

QStringList travellingColumns(const QString &table)
{
    static const QHash<QString, QStringList> columns = {
        {QStringLiteral("requests"),
         {QStringLiteral("id"),
          QStringLiteral("branch_code"),
          QStringLiteral("version"),
          QStringLiteral("national_code"),
          QStringLiteral("mobile"),
          QStringLiteral("first_name"),
          QStringLiteral("last_name"),
          QStringLiteral("first_name_norm"),
          QStringLiteral("last_name_norm"),
          QStringLiteral("birth_cert_no"),
          QStringLiteral("birth_date"),
          QStringLiteral("gender"),
          QStringLiteral("email"),
          QStringLiteral("password_hash"),
          QStringLiteral("questions_json"),
          QStringLiteral("status"),
          QStringLiteral("submitted_at"),
          QStringLiteral("decided_at"),
          QStringLiteral("updated_at"),
          QStringLiteral("updated_by")}},
        {QStringLiteral("accounts"),
         {QStringLiteral("id"), QStringLiteral("branch_code"), QStringLiteral("version"),
          QStringLiteral("national_code"), QStringLiteral("request_id"), QStringLiteral("mobile"),
          QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("gender"),
          QStringLiteral("password_hash"), QStringLiteral("questions_json"), QStringLiteral("created_at"),
          QStringLiteral("updated_at"), QStringLiteral("updated_by")}},
        {QStringLiteral("sms_messages"),
         {QStringLiteral("id"), QStringLiteral("branch_code"), QStringLiteral("version"),
          QStringLiteral("national_code"), QStringLiteral("mobile"), QStringLiteral("kind"), QStringLiteral("text"),
          QStringLiteral("created_at"), QStringLiteral("status"), QStringLiteral("sent_at")}},
        {QStringLiteral("recoveries"),
         {QStringLiteral("id"), QStringLiteral("branch_code"), QStringLiteral("version"),
          QStringLiteral("national_code"), QStringLiteral("method"), QStringLiteral("code_hash"),
          QStringLiteral("created_at"), QStringLiteral("expires_at"), QStringLiteral("attempts"),
          QStringLiteral("state"), QStringLiteral("updated_at")}},
        {QStringLiteral("review_proposals"),
         {QStringLiteral("id"), QStringLiteral("branch_code"), QStringLiteral("version"),
          QStringLiteral("national_code"), QStringLiteral("request_id"), QStringLiteral("request_version"),
          QStringLiteral("kind"), QStringLiteral("changes_json"), QStringLiteral("reason"),
          QStringLiteral("proposed_by"), QStringLiteral("proposed_at"), QStringLiteral("status"),
          QStringLiteral("decided_by"), QStringLiteral("decided_at")}},
    };
    return columns.value(table);
}

namespace rows
{

const TableShape *shapeOf(const QString &table)
{
    thread_local QHash<QString, TableShape> shapes;
    auto it = shapes.constFind(table);
    if (it == shapes.constEnd()) {
        TableShape t;
        t.columns = travellingColumns(table);
        for (int i = 0; i < t.columns.size(); ++i)
            t.index.insert(t.columns.at(i), i);
        t.id = t.index.value(QStringLiteral("id"), -1);
        t.version = t.index.value(QStringLiteral("version"), -1);
        t.branch = t.index.value(QStringLiteral("branch_code"), -1);
        t.status = t.index.value(QStringLiteral("status"), -1);
        t.nationalCode = t.index.value(QStringLiteral("national_code"), -1);
        t.secret = t.index.value(QStringLiteral("password_hash"), t.index.value(QStringLiteral("code_hash"), -1));
        it = shapes.insert(table, t);
    }
    return it->columns.isEmpty() ? nullptr : &*it;
}

PushValue textValue(const QString &text)
{
    return {text, PushValue::Text};
}

PushValue integerValue(qint64 n)
{
    return {QString::number(n), PushValue::Integer};
}

QVariant bindable(const QJsonValue &v)
{
    if (v.isDouble())
        return QVariant(qint64(v.toInteger()));
    if (v.isBool())
        return QVariant(v.toBool() ? 1 : 0);
    if (v.isNull() || v.isUndefined())
        return QVariant(QMetaType::fromType<QString>());
    return QVariant(v.toString());
}

QVariant bindable(const PushValue &v)
{
    if (v.kind == PushValue::Integer)
        return QVariant(v.text.toLongLong());
    if (v.kind == PushValue::Text)
        return QVariant(v.text);
    return QVariant(QMetaType::fromType<QString>());
}

namespace
{

// A payload's value in the push's form: numbers (and booleans, as 1/0) as integers, as
// bindable() takes them.
PushValue valueFromJson(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Null:
        return {QString(), PushValue::Null};
    case QJsonValue::Double:
        return integerValue(v.toInteger());
    case QJsonValue::Bool:
        return integerValue(v.toBool() ? 1 : 0);
    default:
        return textValue(v.toString());
    }
}

QJsonValue jsonFromValue(const PushValue &v)
{
    switch (v.kind) {
    case PushValue::Absent:
        return QJsonValue(QJsonValue::Undefined);
    case PushValue::Null:
        return QJsonValue(QJsonValue::Null);
    case PushValue::Integer:
        return QJsonValue(v.text.toLongLong());
    case PushValue::Text:
        break;
    }
    return QJsonValue(v.text);
}

// The text form used to compare a central value with a pushed one (NULL and '' alike).
const QString &comparable(const PushValue &v)
{
    return v.text;
}

} // namespace

Row rowFromPayload(const TableShape &t, const QJsonObject &payload)
{
    Row r(t.columns.size());
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        const int i = t.index.value(it.key(), -1);
        if (i >= 0)
            r[i] = valueFromJson(it.value());
    }
    return r;
}

QJsonObject objectFromRow(const TableShape &t, const Row &r)
{
    QJsonObject o;
    for (int i = 0; i < t.columns.size(); ++i)
        if (r.at(i).kind != PushValue::Absent)
            o.insert(t.columns.at(i), jsonFromValue(r.at(i)));
    return o;
}

void appendJsonString(QString &out, const QString &text)
{
    out += QLatin1Char('"');
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += QLatin1Char('\\');
            out += c;
        } else if (u < 0x20) {
            switch (u) {
            case u'\n':
                out += QLatin1String("\\n");
                break;
            case u'\r':
                out += QLatin1String("\\r");
                break;
            case u'\t':
                out += QLatin1String("\\t");
                break;
            case u'\b':
                out += QLatin1String("\\b");
                break;
            case u'\f':
                out += QLatin1String("\\f");
                break;
            default:
                out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
            }
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
}

QString jsonArrayOfRows(const TableShape &t, const QList<const Row *> &rows)
{
    QString out;
    out.reserve(rows.size() * 512);
    out += QLatin1Char('[');
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (r > 0)
            out += QLatin1Char(',');
        out += QLatin1Char('{');
        bool first = true;
        const Row &row = *rows.at(r);
        for (int i = 0; i < t.columns.size(); ++i) {
            const PushValue &v = row.at(i);
            if (v.kind == PushValue::Absent)
                continue;
            if (!first)
                out += QLatin1Char(',');
            first = false;
            appendJsonString(out, t.columns.at(i));
            out += QLatin1Char(':');
            switch (v.kind) {
            case PushValue::Null:
                out += QLatin1String("null");
                break;
            case PushValue::Integer:
                out += QString::number(v.text.toLongLong());
                break;
            default:
                appendJsonString(out, v.text);
            }
        }
        out += QLatin1Char('}');
    }
    out += QLatin1Char(']');
    return out;
}

bool complete(const Row &r)
{
    return std::none_of(r.cbegin(), r.cend(), [](const PushValue &v) { return v.kind == PushValue::Absent; });
}

bool sameRowValues(const TableShape &t, const Row &central, const Row &pushed)
{
    for (int i = 0; i < t.columns.size(); ++i) {
        if (i == t.branch || i == t.version || i == t.secret || pushed.at(i).kind == PushValue::Absent ||
            central.at(i).kind == PushValue::Absent)
            continue;
        if (comparable(central.at(i)) != comparable(pushed.at(i)))
            return false;
    }
    return true;
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString textColumns(const SqlDialect &sql, const QStringList &columns)
{
    QStringList selected;
    selected.reserve(columns.size());
    for (const QString &c : columns)
        selected << sql.asText(c);
    return selected.join(QStringLiteral(", "));
}

QHash<QString, Row> centralRows(CentralDatabase &db, const QString &table, const TableShape &t, const QString &key,
                                const QStringList &keys)
{
    QHash<QString, Row> out;
    if (keys.isEmpty())
        return out;
    const SqlDialect &sql = db.sql();
    const QString match = sql.keyIn(key, key == QLatin1String("id") ? QStringLiteral("uuid") : QStringLiteral("text"));
    QStringList selected;
    for (int i = 0; i < t.columns.size(); ++i)
        selected << (i == t.secret && db.branchSession() ? QStringLiteral("''") : sql.asText(t.columns.at(i)));
    QSqlQuery &q = db.prepared(
        QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(selected.join(QStringLiteral(", ")), table, match));
    q.addBindValue(sql.keyList(keys));
    db.exec(q);
    const int keyColumn = t.index.value(key);
    while (q.next()) {
        Row r(t.columns.size());
        for (int i = 0; i < t.columns.size(); ++i) {
            const QVariant v = q.value(i);
            if (v.isNull())
                r[i] = {QString(), PushValue::Null};
            else if (i == t.version || t.columns.at(i) == QLatin1String("attempts"))
                r[i] = integerValue(v.toLongLong());
            else
                r[i] = textValue(v.toString());
        }
        out.insert(r.at(keyColumn).text, r);
    }
    q.finish();
    return out;
}

void insertRow(CentralDatabase &db, const QString &table, const QStringList &columns, const QJsonObject &values)
{
    QStringList cols, marks;
    QVariantList binds;
    for (const QString &c : columns) {
        if (!values.contains(c))
            continue;
        cols << c;
        marks << QStringLiteral("?");
        binds << bindable(values.value(c));
    }
    QSqlQuery &q = db.prepared(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(table, cols.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    db.exec(q);
    q.finish();
}

void updateRow(CentralDatabase &db, const QString &table, const QStringList &columns, const QJsonObject &values,
               const QString &id)
{
    QStringList sets;
    QVariantList binds;
    for (const QString &c : columns) {
        if (c == QLatin1String("id") || !values.contains(c))
            continue;
        sets << c + QStringLiteral(" = ?");
        binds << bindable(values.value(c));
    }
    QSqlQuery &q = db.prepared(QStringLiteral("UPDATE %1 SET %2 WHERE id = %3")
                                   .arg(table, sets.join(QStringLiteral(", ")), db.sql().uuidParam));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    q.addBindValue(id);
    db.exec(q);
    q.finish();
}

} // namespace rows

} // namespace branch::db
