// The central side of sync: one pushed batch in one central transaction, and the change
// log in pages. See CentralSync.h for the rules.
#include "CentralSync.h"

#include "app/core/RequestStatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlRecord>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <optional>

namespace branch::db
{

namespace
{

// A value of a payload as a bound value: text, integer or NULL.
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

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString uuidCast(const CentralDatabase &db)
{
    return db.isPostgres() ? QStringLiteral("?::uuid") : QStringLiteral("?");
}

// Writes `values` (a payload restricted to the table's columns) as a new row.
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

// Updates row `id` to `values` (every column of the payload but the id).
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
    QSqlQuery &q = db.prepared(
        QStringLiteral("UPDATE %1 SET %2 WHERE id = %3").arg(table, sets.join(QStringLiteral(", ")), uuidCast(db)));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    q.addBindValue(id);
    db.exec(q);
    q.finish();
}

// Where a stored status stands in the request's life (mergeStage, app/core/RequestStatus);
// -1 for a name no status has, which no rule orders.
int stageOf(const QString &status)
{
    const auto s = statusFromName(status);
    return s ? mergeStage(*s) : -1;
}

void recordConflict(CentralDatabase &db, const QString &branch, const PushedChange &c,
                    const std::optional<QJsonObject> &central, const QDateTime &now)
{
    QSqlQuery &q = db.prepared(
        db.isPostgres()
            ? QStringLiteral("INSERT INTO conflicts (id, table_name, row_id, branch_code, base_version, local_payload, "
                             "central_payload, created_at) VALUES (?::uuid, ?, ?, ?, ?, ?::jsonb, ?::jsonb, "
                             "?::timestamptz)")
            : QStringLiteral("INSERT INTO conflicts (id, table_name, row_id, branch_code, base_version, local_payload, "
                             "central_payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.addBindValue(c.table);
    q.addBindValue(c.rowId);
    q.addBindValue(branch);
    q.addBindValue(c.baseVersion);
    q.addBindValue(compactJson(c.payload));
    q.addBindValue(central ? QVariant(compactJson(*central)) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    db.exec(q);
    q.finish();
}

} // namespace

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
    };
    return columns.value(table);
}

namespace
{

// A travelling table's columns and their positions. In a push, rows are vectors of values
// in this order: a JSON object looks its keys up one by one, too slow for 20 000 rows.
struct TableShape {
    QStringList columns;
    QHash<QString, int> index;
    int id = -1, version = -1, branch = -1, status = -1, nationalCode = -1;
};

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
        it = shapes.insert(table, t);
    }
    return it->columns.isEmpty() ? nullptr : &*it;
}

using Row = QList<PushValue>; // by column position

PushValue textValue(const QString &text)
{
    return {text, PushValue::Text};
}

PushValue integerValue(qint64 n)
{
    return {QString::number(n), PushValue::Integer};
}

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

QVariant bindable(const PushValue &v)
{
    if (v.kind == PushValue::Integer)
        return QVariant(v.text.toLongLong());
    if (v.kind == PushValue::Text)
        return QVariant(v.text);
    return QVariant(QMetaType::fromType<QString>());
}

// The text form used to compare a central value with a pushed one (NULL and '' alike).
const QString &comparable(const PushValue &v)
{
    return v.text;
}

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

bool complete(const Row &r)
{
    return std::none_of(r.cbegin(), r.cend(), [](const PushValue &v) { return v.kind == PushValue::Absent; });
}

bool sameRowValues(const TableShape &t, const Row &central, const Row &pushed)
{
    for (int i = 0; i < t.columns.size(); ++i) {
        if (i == t.branch || i == t.version || pushed.at(i).kind == PushValue::Absent ||
            central.at(i).kind == PushValue::Absent)
            continue;
        if (comparable(central.at(i)) != comparable(pushed.at(i)))
            return false;
    }
    return true;
}

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

// The central rows of a table whose `key` column is one of `keys`, by key, in one
// statement (on PostgreSQL an index lookup per key: `= ANY(array)`).
QHash<QString, Row> centralRows(CentralDatabase &db, const QString &table, const TableShape &t, const QString &key,
                                const QStringList &keys)
{
    QHash<QString, Row> out;
    if (keys.isEmpty())
        return out;
    QStringList selected;
    for (const QString &c : t.columns)
        selected << (db.isPostgres() ? c + QStringLiteral("::text") : c);
    const QString match =
        db.isPostgres() ? QStringLiteral("%1 = ANY(?::%2[])")
                              .arg(key, key == QLatin1String("id") ? QStringLiteral("uuid") : QStringLiteral("text"))
                        : QStringLiteral("%1 IN (SELECT value FROM json_each(?))").arg(key);
    QSqlQuery &q = db.prepared(
        QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(selected.join(QStringLiteral(", ")), table, match));
    q.addBindValue(
        db.isPostgres()
            ? arrayLiteral(keys)
            : QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact)));
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

// Every state of the rows `ids` of `table` that the central change log holds (row id →
// states), as the push compares them. The log keeps each batch's last state of a row.
QHash<QString, QList<Row>> loggedStates(CentralDatabase &db, const QString &table, const TableShape &t,
                                        const QStringList &ids)
{
    QHash<QString, QList<Row>> out;
    if (ids.isEmpty())
        return out;
    QSqlQuery &q = db.prepared(
        db.isPostgres() ? QStringLiteral("SELECT row_id, payload::text FROM changes WHERE table_name = ? AND op = "
                                         "'upsert' AND row_id = ANY(?::text[])")
                        : QStringLiteral("SELECT row_id, payload FROM changes WHERE table_name = ? AND op = 'upsert' "
                                         "AND row_id IN (SELECT value FROM json_each(?))"));
    q.addBindValue(table);
    q.addBindValue(
        db.isPostgres()
            ? arrayLiteral(ids)
            : QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact)));
    db.exec(q);
    while (q.next())
        out[q.value(0).toString()] << rowFromPayload(t,
                                                     QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
    q.finish();
    return out;
}

// The open conflicts of `branch`: table + '/' + row id → the highest version the branch
// had pushed in them (its own state of the row, which the central does not hold).
QHash<QString, int> openConflictVersions(CentralDatabase &db, const QString &branch)
{
    QSqlQuery &q = db.prepared(
        db.isPostgres()
            ? QStringLiteral("SELECT table_name, row_id, max(coalesce((local_payload ->> 'version')::integer, "
                             "base_version + 1)) FROM conflicts WHERE branch_code = ? AND status = 'open' GROUP BY "
                             "table_name, row_id")
            : QStringLiteral("SELECT table_name, row_id, max(coalesce(CAST(json_extract(local_payload, '$.version') "
                             "AS INTEGER), base_version + 1)) FROM conflicts WHERE branch_code = ? AND status = "
                             "'open' GROUP BY table_name, row_id"));
    q.addBindValue(branch);
    db.exec(q);
    QHash<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString() + QLatin1Char('/') + q.value(1).toString(), q.value(2).toInt());
    q.finish();
    return out;
}

// One column of `rows` as a PostgreSQL array literal ({"text",NULL,...}), each value in its
// text form (the column's type parses it on the server); `stamp`, when given, in place of
// every row's value.
QString columnArray(const QList<const Row *> &rows, int column, const PushValue *stamp = nullptr)
{
    QString out;
    out.reserve(rows.size() * 24);
    out += QLatin1Char('{');
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (r > 0)
            out += QLatin1Char(',');
        const PushValue &v = stamp ? *stamp : rows.at(r)->at(column);
        if (v.kind == PushValue::Null || v.kind == PushValue::Absent) {
            out += QLatin1String("NULL");
            continue;
        }
        out += QLatin1Char('"');
        if (!v.text.contains(QLatin1Char('"')) && !v.text.contains(QLatin1Char('\\'))) {
            out += v.text;
        } else {
            for (const QChar ch : v.text) {
                if (ch == QLatin1Char('"') || ch == QLatin1Char('\\'))
                    out += QLatin1Char('\\');
                out += ch;
            }
        }
        out += QLatin1Char('"');
    }
    out += QLatin1Char('}');
    return out;
}

// PostgreSQL: complete rows in one upsert per table, each column bound as one array and
// unnested on the server. Rows as bound values cost the most on both sides: Qt's driver
// sends a prepared statement's values as literals of an EXECUTE, which the server parses
// and plans value by value; an array is one literal, parsed in one pass.
// The arrays of upsertRowsPg, one per column of `t` (the branch column stamped `branch`).
QStringList columnArrays(const TableShape &t, const QList<const Row *> &rows, const QString &branch)
{
    const PushValue stamp = textValue(branch);
    QStringList out;
    for (int c = 0; c < t.columns.size(); ++c)
        out << columnArray(rows, c, c == t.branch ? &stamp : nullptr);
    return out;
}

void upsertRowsPg(CentralDatabase &db, const QString &table, const TableShape &t, const QStringList &arrays)
{
    const QHash<QString, QString> &types = db.columnTypes(table);
    QStringList marks, sets;
    for (const QString &c : t.columns) {
        const QString type = types.value(c);
        if (type.isEmpty())
            throw DbException({DbError::Kind::NotInitialised, QStringLiteral("no column %1.%2").arg(table, c)});
        marks << QStringLiteral("?::%1[]").arg(type);
        if (c != QLatin1String("id"))
            sets << QStringLiteral("%1 = excluded.%1").arg(c);
    }
    QSqlQuery &q = db.prepared(QStringLiteral("INSERT INTO %1 (%2) SELECT * FROM unnest(%3) ON CONFLICT (id) DO "
                                              "UPDATE SET %4")
                                   .arg(table, t.columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
                                        sets.join(QStringLiteral(", "))));
    for (const QString &a : arrays)
        q.addBindValue(a);
    db.exec(q);
    q.finish();
}

// Writes complete rows (stamped `branch`) in multi-row upserts: a few statements for a
// batch instead of one per row. `prepared`: the PostgreSQL arrays of exactly these rows,
// laid out beforehand (preparePush).
void upsertRows(CentralDatabase &db, const QString &table, const TableShape &t, const QList<const Row *> &rows,
                const QString &branch, const QStringList *prepared = nullptr)
{
    if (rows.isEmpty())
        return;
    if (db.isPostgres())
        return upsertRowsPg(db, table, t, prepared ? *prepared : columnArrays(t, rows, branch));
    constexpr int kRowsPerStatement = 100;
    QStringList sets;
    for (const QString &c : t.columns)
        if (c != QLatin1String("id"))
            sets << QStringLiteral("%1 = excluded.%1").arg(c);
    const QString one = QLatin1Char('(') +
                        QStringList(t.columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")) +
                        QLatin1Char(')');
    for (qsizetype from = 0; from < rows.size();) {
        // Statements of 100, 10 or 1 rows: few shapes for the connection's prepared statements.
        const qsizetype left = rows.size() - from;
        const qsizetype n = left >= kRowsPerStatement ? kRowsPerStatement : left >= 10 ? 10 : 1;
        QSqlQuery &q =
            db.prepared(QStringLiteral("INSERT INTO %1 (%2) VALUES %3 ON CONFLICT (id) DO UPDATE SET %4")
                            .arg(table, t.columns.join(QStringLiteral(", ")),
                                 QStringList(n, one).join(QStringLiteral(", ")), sets.join(QStringLiteral(", "))));
        for (qsizetype r = from; r < from + n; ++r)
            for (const PushValue &v : *rows.at(r))
                q.addBindValue(bindable(v));
        db.exec(q);
        q.finish();
        from += n;
    }
}

// Sets branchdesk.push_branch (the echo tag) for the rest of the transaction (read by the
// change-log trigger; empty: none).
void execSetting(CentralDatabase &db, const QString &branch)
{
    QSqlQuery &q = db.prepared(QStringLiteral("SELECT set_config('branchdesk.push_branch', ?, true)"));
    q.addBindValue(branch);
    db.exec(q);
    q.finish();
}

} // namespace

PreparedPush preparePush(QList<PushedChange> changes, const QString &arraysForBranch)
{
    PreparedPush out;
    out.rows.reserve(changes.size());
    for (const PushedChange &c : changes) {
        const TableShape *t = shapeOf(c.table);
        if (!t) {
            out.rows.append(Row());
            continue;
        }
        Row values = rowFromPayload(*t, c.payload);
        values[t->id] = textValue(c.rowId);
        values[t->version] = integerValue(c.newVersion);
        out.rows.append(std::move(values));
    }
    out.changes = std::move(changes);
    if (!arraysForBranch.isEmpty()) {
        QHash<QString, QList<const Row *>> byTable;
        for (qsizetype i = 0; i < out.changes.size(); ++i)
            if (!out.rows.at(i).isEmpty() && complete(out.rows.at(i)))
                byTable[out.changes.at(i).table] << &out.rows.at(i);
        for (auto it = byTable.constBegin(); it != byTable.constEnd(); ++it)
            out.arrays.insert(it.key(), columnArrays(*shapeOf(it.key()), it.value(), arraysForBranch));
        out.arraysBranch = arraysForBranch;
    }
    return out;
}

BatchOutcome applyPushBatch(CentralDatabase &db, const QString &batchId, const QString &branch,
                            const QList<PushedChange> &changes, const QDateTime &now, const QString &echoTag)
{
    return applyPushBatch(db, batchId, branch, preparePush(changes, db.isPostgres() ? branch : QString()), now,
                          echoTag);
}

BatchOutcome applyPushBatch(CentralDatabase &db, const QString &batchId, const QString &branch,
                            const PreparedPush &batch, const QDateTime &now, const QString &echoTag)
{
    const QList<PushedChange> &changes = batch.changes;
    BatchOutcome out;
    CentralTransaction tx(db);
    if (db.batchApplied(batchId)) {
        out.replay = true;
        return out; // rolled back: nothing was written
    }
    // The central rows the batch touches, read in one statement per table (and the
    // accounts of the same persons: one account per person).
    QHash<QString, QStringList> idsByTable;
    QStringList accountPersons;
    const TableShape *accountShape = shapeOf(QStringLiteral("accounts"));
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const PushedChange &c = changes.at(i);
        idsByTable[c.table] << c.rowId;
        if (c.table == QLatin1String("accounts"))
            accountPersons << batch.rows.at(i).at(accountShape->nationalCode).text;
    }
    QHash<QString, QHash<QString, Row>> state; // table → id → the central row as it will be
    QHash<QString, QSet<QString>> existedBefore, written;
    QHash<QString, QSet<QString>> merged; // rows a merge rule wrote: not the pusher's own state
    for (auto it = idsByTable.constBegin(); it != idsByTable.constEnd(); ++it)
        if (const TableShape *t = shapeOf(it.key())) {
            QHash<QString, Row> rows = centralRows(db, it.key(), *t, QStringLiteral("id"), it.value());
            for (auto r = rows.constBegin(); r != rows.constEnd(); ++r)
                existedBefore[it.key()].insert(r.key());
            state.insert(it.key(), rows);
        }
    // A statement of its own: with `id = ANY(...) OR national_code = ANY(...)` PostgreSQL
    // planned a sequential scan of accounts for the first executions.
    QHash<QString, Row> accountsByPerson =
        centralRows(db, QStringLiteral("accounts"), *accountShape, QStringLiteral("national_code"), accountPersons);

    // Changes the central database has had already, under another batch id (a restored
    // branch database sends the outbox of its backup again): a change whose row state (the
    // same values, at its version or later) is the central row or in the change log brings
    // nothing new. When that change created its row, it was pushed before by this
    // database's line (a row id is made once, by the database that created it); the outbox
    // goes in order, so every change before it in the batch was taken then too (applied,
    // merged or kept as a conflict), even one whose state a later change of that push
    // replaced in the log. All of them are unchanged. (An update's state proves only itself:
    // two desks of a branch can write the same values, a failed SMS for one.)
    QSet<qsizetype> had;
    qsizetype consumedThrough = -1;
    {
        QHash<QString, QStringList> logged; // table → rows whose log is read
        QList<qsizetype> candidates;
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const PushedChange &c = changes.at(i);
            const TableShape *t = shapeOf(c.table);
            const auto table = state.constFind(c.table);
            if (!t || table == state.constEnd())
                continue;
            const auto central = table->constFind(c.rowId);
            if (central == table->constEnd() || central->at(t->version).text.toInt() < c.newVersion)
                continue;
            if (sameRowValues(*t, *central, batch.rows.at(i))) {
                had.insert(i);
                continue;
            }
            logged[c.table] << c.rowId;
            candidates << i;
        }
        QHash<QString, QHash<QString, QList<Row>>> states;
        for (auto it = logged.constBegin(); it != logged.constEnd(); ++it)
            states.insert(it.key(), loggedStates(db, it.key(), *shapeOf(it.key()), it.value()));
        for (const qsizetype i : candidates) {
            const PushedChange &c = changes.at(i);
            const TableShape *t = shapeOf(c.table);
            for (const Row &r : states.value(c.table).value(c.rowId))
                if (r.at(t->version).text.toInt() >= c.newVersion && sameRowValues(*t, r, batch.rows.at(i)))
                    had.insert(i);
        }
        for (const qsizetype i : std::as_const(had))
            if (changes.at(i).baseVersion == 0)
                consumedThrough = std::max(consumedThrough, i);
    }
    // Rows this branch holds in a state of its own that the central database does not (an
    // open conflict of the branch, or one recorded in this batch): table/row id → the
    // highest version the branch pushed in them. Read when first needed.
    std::optional<QHash<QString, int>> diverged;
    const auto divergedVersion = [&](const PushedChange &c) {
        if (!diverged)
            diverged = openConflictVersions(db, branch);
        return diverged->value(c.table + QLatin1Char('/') + c.rowId, -1);
    };
    const auto conflict = [&](const PushedChange &c, const QJsonObject &central) {
        recordConflict(db, branch, c, central, now);
        divergedVersion(c); // read before this batch's own are added
        int &v = (*diverged)[c.table + QLatin1Char('/') + c.rowId];
        v = std::max(v, c.newVersion);
        ++out.conflicts;
    };

    // The merge rules, change by change in the batch's order, on the rows in memory; the
    // last state of each row written is written at the end.
    QHash<QString, QStringList> writeOrder; // table → ids, first write first
    // Tables whose changes were not all written as pushed (once each, complete, no rule):
    // their arrays laid out by preparePush do not describe what is written.
    QSet<QString> notAsPrepared;
    for (qsizetype change = 0; change < changes.size(); ++change) {
        const PushedChange &c = changes.at(change);
        const TableShape *t = shapeOf(c.table);
        if (!t)
            continue; // not a travelling table (an older or newer branch): nothing to apply
        // As pushed (id and version set by preparePush), stamped with the branch that wrote it.
        Row values = batch.rows.at(change);
        values[t->branch] = textValue(branch);

        if (change <= consumedThrough || had.contains(change)) {
            notAsPrepared.insert(c.table);
            ++out.unchanged;
            continue;
        }
        QHash<QString, Row> &rows = state[c.table];
        auto write = [&](const Row &row, bool asPushed) {
            if (!asPushed || !complete(row) || written[c.table].contains(c.rowId))
                notAsPrepared.insert(c.table);
            Row full = rows.value(c.rowId, Row(t->columns.size()));
            for (int i = 0; i < row.size(); ++i)
                if (row.at(i).kind != PushValue::Absent)
                    full[i] = row.at(i);
            rows.insert(c.rowId, full);
            if (c.table == QLatin1String("accounts"))
                accountsByPerson.insert(full.at(t->nationalCode).text, full);
            if (!written[c.table].contains(c.rowId)) {
                written[c.table].insert(c.rowId);
                writeOrder[c.table] << c.rowId;
            }
            ++out.applied;
        };

        const auto centralIt = rows.constFind(c.rowId);
        if (centralIt == rows.constEnd()) {
            // Two branches may activate the same person offline: one account per person.
            if (c.table == QLatin1String("accounts")) {
                const auto other = accountsByPerson.constFind(values.at(t->nationalCode).text);
                if (other != accountsByPerson.constEnd() && other->at(t->id).text != c.rowId) {
                    conflict(c, objectFromRow(*t, *other));
                    notAsPrepared.insert(c.table);
                    continue;
                }
            }
            write(values, true);
            continue;
        }
        const Row central = *centralIt;
        const int centralVersion = central.at(t->version).text.toInt();
        if (centralVersion == c.baseVersion) {
            // The same version number is not the same state when the branch's row went its
            // own way in a conflict (or after a restore, which took its versions back): its
            // base is then its own state, and writing would overwrite the central's.
            if (divergedVersion(c) >= c.baseVersion) {
                conflict(c, objectFromRow(*t, central));
                notAsPrepared.insert(c.table);
                continue;
            }
            write(values, true);
            continue;
        }
        notAsPrepared.insert(c.table); // unchanged, merged or a conflict
        if (centralVersion >= c.newVersion && sameRowValues(*t, central, values)) {
            ++out.unchanged;
            continue;
        }
        if (t->status >= 0 && c.table == QLatin1String("requests")) {
            const int pushedStage = stageOf(values.at(t->status).text);
            const int centralStage = stageOf(central.at(t->status).text);
            if (pushedStage >= 0 && centralStage >= 0 && pushedStage != centralStage) {
                // The later status wins; the row's version goes above both sides' so that
                // every branch, the pusher included, pulls the merged row.
                Row winner = pushedStage > centralStage ? values : central;
                winner[t->branch] = textValue(branch);
                winner[t->version] = integerValue(std::max(centralVersion, c.newVersion) + 1);
                write(winner, false);
                merged[c.table].insert(c.rowId);
                continue;
            }
        }
        conflict(c, objectFromRow(*t, central));
    }
    // The rows as the pusher has them are tagged as its echo (changes.echo_of, PostgreSQL);
    // the merged ones are not, so that it pulls them.
    // (The setting is the transaction's: no reset at the end.)
    const bool tagging = db.isPostgres() && !echoTag.isEmpty();
    for (const bool echo : {true, false}) {
        if (!echo && merged.isEmpty())
            break;
        if (tagging)
            execSetting(db, echo ? echoTag : QString());
        for (auto it = writeOrder.constBegin(); it != writeOrder.constEnd(); ++it) {
            const TableShape *t = shapeOf(it.key());
            const QHash<QString, Row> &rows = *state.constFind(it.key()); // a written row is there
            QList<const Row *> full;
            full.reserve(it.value().size());
            for (const QString &id : it.value()) {
                if (merged.value(it.key()).contains(id) == echo)
                    continue;
                const Row &row = *rows.constFind(id);
                if (complete(row))
                    full << &row;
                else if (!existedBefore.value(it.key()).contains(id))
                    insertRow(db, it.key(), t->columns, objectFromRow(*t, row)); // an older branch's row: defaults
                else
                    updateRow(db, it.key(), t->columns, objectFromRow(*t, row), id);
            }
            const auto prepared = batch.arrays.constFind(it.key());
            const bool asPrepared = echo && batch.arraysBranch == branch && !notAsPrepared.contains(it.key()) &&
                                    prepared != batch.arrays.constEnd();
            upsertRows(db, it.key(), *t, full, branch, asPrepared ? &*prepared : nullptr);
        }
    }
    QSqlQuery &q = db.prepared(
        db.isPostgres() ? QStringLiteral("INSERT INTO applied_batches (batch_id, branch_code, applied_at, summary) "
                                         "VALUES (?::uuid, ?, ?::timestamptz, ?::jsonb)")
                        : QStringLiteral("INSERT INTO applied_batches (batch_id, branch_code, applied_at, summary) "
                                         "VALUES (?, ?, ?, ?)"));
    q.addBindValue(batchId);
    q.addBindValue(branch);
    q.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(compactJson({{QStringLiteral("rows"), int(changes.size())},
                                {QStringLiteral("applied"), out.applied},
                                {QStringLiteral("unchanged"), out.unchanged},
                                {QStringLiteral("conflicts"), out.conflicts}}));
    db.exec(q);
    q.finish();
    tx.commit();
    return out;
}

namespace
{

ConflictRecord readConflict(const QSqlQuery &q)
{
    ConflictRecord c;
    c.id = q.value(0).toString();
    c.table = q.value(1).toString();
    c.rowId = q.value(2).toString();
    c.baseVersion = q.value(3).toInt();
    c.localPayload = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    c.centralPayload = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    c.createdAt = q.value(6).toString();
    return c;
}

QString conflictSelect(const CentralDatabase &db)
{
    return db.isPostgres() ? QStringLiteral("SELECT id::text, table_name, row_id, base_version, local_payload::text, "
                                            "coalesce(central_payload::text, ''), created_at::text FROM conflicts ")
                           : QStringLiteral("SELECT id, table_name, row_id, base_version, local_payload, "
                                            "coalesce(central_payload, ''), created_at FROM conflicts ");
}

} // namespace

QList<ConflictRecord> openConflicts(CentralDatabase &db, const QString &branch)
{
    QSqlQuery &q = db.prepared(conflictSelect(db) +
                               QStringLiteral("WHERE branch_code = ? AND status = 'open' ORDER BY created_at, id"));
    q.addBindValue(branch);
    db.exec(q);
    QList<ConflictRecord> out;
    while (q.next())
        out << readConflict(q);
    q.finish();
    return out;
}

bool resolveConflict(CentralDatabase &db, const QString &id, const QString &branch, bool keepLocal,
                     const QString &resolvedBy, const QDateTime &now, ConflictRecord *resolved)
{
    if (QUuid::fromString(id).isNull())
        return false;
    CentralTransaction tx(db);
    QSqlQuery &q = db.prepared(conflictSelect(db) + QStringLiteral("WHERE id = %1 AND branch_code = ? AND status = "
                                                                   "'open'")
                                                        .arg(uuidCast(db)));
    q.addBindValue(id);
    q.addBindValue(branch);
    db.exec(q);
    const bool found = q.next();
    ConflictRecord c = found ? readConflict(q) : ConflictRecord{};
    q.finish();
    if (!found)
        return false;
    if (const TableShape *t = shapeOf(c.table)) {
        const QStringList &columns = t->columns;
        const QHash<QString, Row> found = centralRows(db, c.table, *t, QStringLiteral("id"), {c.rowId});
        if (found.contains(c.rowId)) {
            const QJsonObject central = objectFromRow(*t, found.value(c.rowId));
            QJsonObject values = central;
            if (keepLocal)
                for (const QString &col : columns)
                    if (c.localPayload.contains(col) && col != QLatin1String("id"))
                        values.insert(col, c.localPayload.value(col));
            values.insert(QStringLiteral("branch_code"), branch);
            values.insert(QStringLiteral("version"), central.value(QStringLiteral("version")).toInt() + 1);
            updateRow(db, c.table, columns, values, c.rowId);
        } else if (keepLocal) {
            QJsonObject values;
            for (const QString &col : columns)
                if (c.localPayload.contains(col))
                    values.insert(col, c.localPayload.value(col));
            values.insert(QStringLiteral("id"), c.rowId);
            values.insert(QStringLiteral("branch_code"), branch);
            insertRow(db, c.table, columns, values);
        }
    }
    QSqlQuery &u = db.prepared(
        QStringLiteral("UPDATE conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = %1 "
                       "WHERE id = %2")
            .arg(db.isPostgres() ? QStringLiteral("?::timestamptz") : QStringLiteral("?"), uuidCast(db)));
    u.addBindValue(keepLocal ? QStringLiteral("local") : QStringLiteral("central"));
    u.addBindValue(resolvedBy);
    u.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    u.addBindValue(id);
    db.exec(u);
    u.finish();
    tx.commit();
    if (resolved)
        *resolved = c;
    return true;
}

QList<CentralChange> centralChangesAfter(CentralDatabase &db, qint64 after, const PullFilter &filter, int limit)
{
    // Walks the log in seq order on its primary key (no sort, no scan of the whole log) and
    // sends the payload only of the rows the branch takes; the others come back without
    // one, so that the cursor still moves past them.
    QStringList wanted;
    QVariantList binds;
    if (!filter.tables.isEmpty()) {
        wanted << QStringLiteral("table_name IN (%1)")
                      .arg(QStringList(filter.tables.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
        for (const QString &t : filter.tables)
            binds << t;
    }
    if (!filter.ownBranchTables.isEmpty()) {
        wanted << QStringLiteral("(table_name IN (%1) AND branch_code = ?)")
                      .arg(QStringList(filter.ownBranchTables.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
        for (const QString &t : filter.ownBranchTables)
            binds << t;
        binds << filter.branch;
    }
    // This run's own echo (the row states its push wrote) the branch has already. The tag,
    // not the branch code: binding the code here matched nothing, so every echo came back
    // with its payload (applied as a no-op at the same version).
    const QString condition = wanted.isEmpty()
                                  ? QStringLiteral("FALSE")
                                  : QStringLiteral("(%1) AND (echo_of IS NULL OR echo_of <> coalesce(?, ''))")
                                        .arg(wanted.join(QStringLiteral(" OR ")));
    binds << filter.echoTag;
    QSqlQuery &q =
        db.prepared(QStringLiteral("SELECT seq, table_name, row_id, op, CASE WHEN %1 THEN %2 END FROM "
                                   "changes WHERE seq > ? ORDER BY seq LIMIT %3")
                        .arg(condition, db.isPostgres() ? QStringLiteral("payload::text") : QStringLiteral("payload"))
                        .arg(limit));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    q.addBindValue(after);
    db.exec(q);
    QList<CentralChange> out;
    out.reserve(limit);
    while (q.next()) {
        CentralChange c;
        c.seq = q.value(0).toLongLong();
        c.table = q.value(1).toString();
        c.rowId = q.value(2).toString();
        c.op = q.value(3).toString();
        const QVariant payload = q.value(4);
        c.wanted = !payload.isNull();
        if (c.wanted)
            c.payload = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
        out << c;
    }
    q.finish();
    return out;
}

} // namespace branch::db
