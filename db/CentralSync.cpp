// The central side of sync: one pushed batch in one central transaction, and the change
// log in pages. See CentralSync.h for the rules.
#include "CentralSync.h"

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

// The text form used to compare a central value with a pushed one (NULL and '' alike).
QString comparable(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    return v.toString();
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString uuidCast(const CentralDatabase &db)
{
    return db.isPostgres() ? QStringLiteral("?::uuid") : QStringLiteral("?");
}

// The central row `id` of `table` as a payload, or nothing.
std::optional<QJsonObject> centralRow(CentralDatabase &db, const QString &table, const QStringList &columns,
                                      const QString &where, const QString &key)
{
    QStringList selected;
    for (const QString &c : columns)
        selected << (db.isPostgres() ? c + QStringLiteral("::text") : c);
    QSqlQuery &q = db.prepared(
        QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(selected.join(QStringLiteral(", ")), table, where));
    q.addBindValue(key);
    db.exec(q);
    std::optional<QJsonObject> out;
    if (q.next()) {
        QJsonObject o;
        for (int i = 0; i < columns.size(); ++i) {
            const QVariant v = q.value(i);
            if (v.isNull())
                o.insert(columns.at(i), QJsonValue::Null);
            else if (columns.at(i) == QLatin1String("version") || columns.at(i) == QLatin1String("attempts"))
                o.insert(columns.at(i), v.toLongLong());
            else
                o.insert(columns.at(i), v.toString());
        }
        out = o;
    }
    q.finish();
    return out;
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

bool sameValues(const QJsonObject &central, const QJsonObject &pushed)
{
    for (auto it = pushed.constBegin(); it != pushed.constEnd(); ++it) {
        if (it.key() == QLatin1String("branch_code") || it.key() == QLatin1String("version") ||
            !central.contains(it.key()))
            continue;
        if (comparable(central.value(it.key())) != comparable(it.value()))
            return false;
    }
    return true;
}

// Where a request's status stands in its life (DESIGN.md): a later stage wins over an
// earlier one; a supersession wins over everything pending. Same stage, different
// status: no rule (-1 apart from equal).
int stageOf(const QString &status)
{
    if (status == QLatin1String("submitted"))
        return 0;
    if (status == QLatin1String("branch_activation_required") || status == QLatin1String("identity_mismatch"))
        return 1;
    if (status == QLatin1String("activated") || status == QLatin1String("rejected") ||
        status == QLatin1String("expired"))
        return 2;
    if (status == QLatin1String("superseded"))
        return 3;
    return -1;
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

// The central rows of `table` whose `key` column is one of `keys`, by key (one statement).
QHash<QString, QJsonObject> centralRows(CentralDatabase &db, const QString &table, const QStringList &columns,
                                        const QString &key, const QStringList &keys)
{
    QHash<QString, QJsonObject> out;
    if (keys.isEmpty())
        return out;
    QStringList selected;
    for (const QString &c : columns)
        selected << (db.isPostgres() ? c + QStringLiteral("::text") : c);
    const bool uuidKey = key == QLatin1String("id");
    const QString list = db.isPostgres() ? QStringLiteral("SELECT value%1 FROM json_array_elements_text(?::json)")
                                               .arg(uuidKey ? QStringLiteral("::uuid") : QString())
                                         : QStringLiteral("SELECT value FROM json_each(?)");
    QSqlQuery &q = db.prepared(QStringLiteral("SELECT %1 FROM %2 WHERE %3 IN (%4)")
                                   .arg(selected.join(QStringLiteral(", ")), table, key, list));
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact)));
    db.exec(q);
    const int keyColumn = columns.indexOf(key);
    while (q.next()) {
        QJsonObject o;
        for (int i = 0; i < columns.size(); ++i) {
            const QVariant v = q.value(i);
            if (v.isNull())
                o.insert(columns.at(i), QJsonValue::Null);
            else if (columns.at(i) == QLatin1String("version") || columns.at(i) == QLatin1String("attempts"))
                o.insert(columns.at(i), v.toLongLong());
            else
                o.insert(columns.at(i), v.toString());
        }
        out.insert(q.value(keyColumn).toString(), o);
    }
    q.finish();
    return out;
}

// Writes `rows` (each with every column of `columns`) in multi-row upserts: a few
// statements for a batch instead of one per row.
void upsertRows(CentralDatabase &db, const QString &table, const QStringList &columns, const QList<QJsonObject> &rows)
{
    constexpr int kRowsPerStatement = 100;
    QStringList sets;
    for (const QString &c : columns)
        if (c != QLatin1String("id"))
            sets << QStringLiteral("%1 = excluded.%1").arg(c);
    const QString one = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")) +
                        QLatin1Char(')');
    for (qsizetype from = 0; from < rows.size();) {
        // Statements of 100, 10 or 1 rows: few shapes for the connection's prepared statements.
        const qsizetype left = rows.size() - from;
        const qsizetype n = left >= kRowsPerStatement ? kRowsPerStatement : left >= 10 ? 10 : 1;
        QSqlQuery &q =
            db.prepared(QStringLiteral("INSERT INTO %1 (%2) VALUES %3 ON CONFLICT (id) DO UPDATE SET %4")
                            .arg(table, columns.join(QStringLiteral(", ")),
                                 QStringList(n, one).join(QStringLiteral(", ")), sets.join(QStringLiteral(", "))));
        for (qsizetype r = from; r < from + n; ++r)
            for (const QString &c : columns)
                q.addBindValue(bindable(rows.at(r).value(c)));
        db.exec(q);
        q.finish();
        from += n;
    }
}

} // namespace

BatchOutcome applyPushBatch(CentralDatabase &db, const QString &batchId, const QString &branch,
                            const QList<PushedChange> &changes, const QDateTime &now)
{
    BatchOutcome out;
    CentralTransaction tx(db);
    if (db.batchApplied(batchId)) {
        out.replay = true;
        return out; // rolled back: nothing was written
    }
    // The central rows the batch touches, read in one statement per table (and the
    // accounts of the same persons: one account per person).
    QHash<QString, QStringList> idsByTable, personsWithAccounts;
    for (const PushedChange &c : changes) {
        idsByTable[c.table] << c.rowId;
        if (c.table == QLatin1String("accounts"))
            personsWithAccounts[c.table] << c.payload.value(QStringLiteral("national_code")).toString();
    }
    QHash<QString, QHash<QString, QJsonObject>> state; // table → id → the central row as it will be
    QHash<QString, QJsonObject> accountsByPerson;
    for (auto it = idsByTable.constBegin(); it != idsByTable.constEnd(); ++it) {
        const QStringList columns = travellingColumns(it.key());
        if (!columns.isEmpty())
            state.insert(it.key(), centralRows(db, it.key(), columns, QStringLiteral("id"), it.value()));
    }
    if (personsWithAccounts.contains(QStringLiteral("accounts")))
        accountsByPerson =
            centralRows(db, QStringLiteral("accounts"), travellingColumns(QStringLiteral("accounts")),
                        QStringLiteral("national_code"), personsWithAccounts.value(QStringLiteral("accounts")));

    QHash<QString, QSet<QString>> existedBefore, inserted;
    for (auto it = state.constBegin(); it != state.constEnd(); ++it)
        for (auto row = it.value().constBegin(); row != it.value().constEnd(); ++row)
            existedBefore[it.key()].insert(row.key());

    // The merge rules, row by row in the batch's order, on the rows in memory; what they
    // write is collected (the last state of each row) and written at the end.
    QHash<QString, QStringList> writeOrder; // table → ids, first write first
    for (const PushedChange &c : changes) {
        const QStringList columns = travellingColumns(c.table);
        if (columns.isEmpty())
            continue; // not a travelling table (an older or newer branch): nothing to apply
        QJsonObject values;
        for (const QString &col : columns)
            if (c.payload.contains(col))
                values.insert(col, c.payload.value(col));
        values.insert(QStringLiteral("id"), c.rowId);
        values.insert(QStringLiteral("branch_code"), branch); // the branch that wrote it
        values.insert(QStringLiteral("version"), c.newVersion);

        QHash<QString, QJsonObject> &rows = state[c.table];
        auto write = [&](const QJsonObject &row) {
            QJsonObject full = rows.value(c.rowId);
            for (auto v = row.constBegin(); v != row.constEnd(); ++v)
                full.insert(v.key(), v.value());
            const bool fresh = !rows.contains(c.rowId);
            rows.insert(c.rowId, full);
            if (c.table == QLatin1String("accounts"))
                accountsByPerson.insert(full.value(QStringLiteral("national_code")).toString(), full);
            if (fresh && !existedBefore[c.table].contains(c.rowId))
                inserted[c.table].insert(c.rowId);
            if (!writeOrder[c.table].contains(c.rowId))
                writeOrder[c.table] << c.rowId;
            ++out.applied;
        };

        const auto centralIt = rows.constFind(c.rowId);
        if (centralIt == rows.constEnd()) {
            // Two branches may activate the same person offline: one account per person.
            if (c.table == QLatin1String("accounts")) {
                const auto other = accountsByPerson.constFind(values.value(QStringLiteral("national_code")).toString());
                if (other != accountsByPerson.constEnd() && other->value(QStringLiteral("id")).toString() != c.rowId) {
                    recordConflict(db, branch, c, *other, now);
                    ++out.conflicts;
                    continue;
                }
            }
            write(values);
            continue;
        }
        const QJsonObject central = *centralIt;
        const int centralVersion = central.value(QStringLiteral("version")).toInt();
        if (centralVersion == c.baseVersion) {
            write(values);
            continue;
        }
        if (centralVersion >= c.newVersion && sameValues(central, values)) {
            ++out.unchanged;
            continue;
        }
        if (c.table == QLatin1String("requests")) {
            const int pushedStage = stageOf(values.value(QStringLiteral("status")).toString());
            const int centralStage = stageOf(central.value(QStringLiteral("status")).toString());
            if (pushedStage >= 0 && centralStage >= 0 && pushedStage != centralStage) {
                // The later status wins; the row's version goes above both sides' so that
                // every branch, the pusher included, pulls the merged row.
                QJsonObject winner = pushedStage > centralStage ? values : central;
                winner.insert(QStringLiteral("branch_code"), branch);
                winner.insert(QStringLiteral("version"), std::max(centralVersion, c.newVersion) + 1);
                write(winner);
                continue;
            }
        }
        recordConflict(db, branch, c, central, now);
        ++out.conflicts;
    }
    for (auto it = writeOrder.constBegin(); it != writeOrder.constEnd(); ++it) {
        const QStringList columns = travellingColumns(it.key());
        const QHash<QString, QJsonObject> &rows = state.value(it.key());
        QList<QJsonObject> full;
        full.reserve(it.value().size());
        for (const QString &id : it.value()) {
            const QJsonObject &row = rows.value(id);
            if (std::all_of(columns.cbegin(), columns.cend(), [&](const QString &c) { return row.contains(c); }))
                full << row;
            else if (inserted.value(it.key()).contains(id))
                insertRow(db, it.key(), columns, row); // an older branch's row: the missing columns take defaults
            else
                updateRow(db, it.key(), columns, row, id);
        }
        upsertRows(db, it.key(), columns, full);
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
    const QStringList columns = travellingColumns(c.table);
    if (!columns.isEmpty()) {
        const auto central = centralRow(db, c.table, columns, QStringLiteral("id = %1").arg(uuidCast(db)), c.rowId);
        if (central) {
            QJsonObject values = *central;
            if (keepLocal)
                for (const QString &col : columns)
                    if (c.localPayload.contains(col) && col != QLatin1String("id"))
                        values.insert(col, c.localPayload.value(col));
            values.insert(QStringLiteral("branch_code"), branch);
            values.insert(QStringLiteral("version"), central->value(QStringLiteral("version")).toInt() + 1);
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
    const QString condition = wanted.isEmpty() ? QStringLiteral("FALSE") : wanted.join(QStringLiteral(" OR "));
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
