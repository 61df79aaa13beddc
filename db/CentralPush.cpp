// The central side of a push: one batch in one central transaction, with the merge rules
// (see CentralSync.h).
#include "CentralRows.h"

#include "app/core/RequestStatus.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <optional>

namespace branch::db
{

using namespace rows;

namespace
{

const QStringList kWriteOrder = {QStringLiteral("requests"), QStringLiteral("accounts"), QStringLiteral("sms_messages"),
                                 QStringLiteral("recoveries"), QStringLiteral("review_proposals")};

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
    if (db.branchSession()) {
        QSqlQuery &q = db.prepared(QStringLiteral("SELECT branchdesk_record_conflict(?, ?, ?, ?::jsonb, ?::jsonb)"));
        q.addBindValue(c.table);
        q.addBindValue(c.rowId);
        q.addBindValue(c.baseVersion);
        q.addBindValue(compactJson(c.payload));
        q.addBindValue(central ? QVariant(compactJson(*central)) : QVariant(QMetaType::fromType<QString>()));
        db.exec(q);
        q.finish();
        return;
    }
    const SqlDialect &sql = db.sql();
    QSqlQuery &q =
        db.prepared(QStringLiteral("INSERT INTO conflicts (id, table_name, row_id, branch_code, base_version, "
                                   "local_payload, central_payload, created_at) VALUES (%1, ?, ?, ?, ?, %2, "
                                   "%2, %3)")
                        .arg(sql.uuidParam, sql.jsonParam, sql.timeParam));
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

// Every state of the rows `ids` of `table` that the central change log holds (row id →
// states), as the push compares them. The log keeps each batch's last state of a row.
QHash<QString, QList<Row>> loggedStates(CentralDatabase &db, const QString &table, const TableShape &t,
                                        const QStringList &ids)
{
    QHash<QString, QList<Row>> out;
    if (ids.isEmpty())
        return out;
    const SqlDialect &sql = db.sql();
    // A branch's role does not read the change log: the server's function returns the held
    // persons' states, without hashes.
    QSqlQuery &q = db.prepared(
        db.branchSession() ? QStringLiteral("SELECT row_id, payload FROM branchdesk_logged_states(?, ?::text[])")
                           : QStringLiteral("SELECT row_id, %1 FROM changes WHERE table_name = ? AND op = 'upsert' "
                                            "AND %2")
                                 .arg(sql.asText(QStringLiteral("payload")),
                                      sql.keyIn(QStringLiteral("row_id"), QStringLiteral("text"))));
    q.addBindValue(table);
    q.addBindValue(sql.keyList(ids));
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
    QSqlQuery &q =
        db.prepared(QStringLiteral("SELECT table_name, row_id, max(coalesce(%1, base_version + 1)) FROM "
                                   "conflicts WHERE branch_code = ? AND status = 'open' GROUP BY table_name, "
                                   "row_id")
                        .arg(db.sql().jsonInteger(QStringLiteral("local_payload"), QStringLiteral("version"))));
    q.addBindValue(branch);
    db.exec(q);
    QHash<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString() + QLatin1Char('/') + q.value(1).toString(), q.value(2).toInt());
    q.finish();
    return out;
}

// Hands `json` (rowsJson) of `table` to the server; returns the rows it kept as conflicts
// (about a person the branch does not hold). A refused row fails the call (Forbidden).
int pushRowsPg(CentralDatabase &db, const QString &table, const QString &json)
{
    QSqlQuery &q = db.prepared(QStringLiteral("SELECT branchdesk_push_rows(?, ?::jsonb)"));
    q.addBindValue(table);
    q.addBindValue(json);
    db.exec(q);
    const int kept = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return kept;
}

// SQLite: the password hash of request `requestId` (empty when there is none).
QString requestPasswordHash(CentralDatabase &db, const QString &requestId)
{
    QSqlQuery &q = db.prepared(QStringLiteral("SELECT password_hash FROM requests WHERE id = ?"));
    q.addBindValue(requestId);
    db.exec(q);
    const QString hash = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return hash;
}

// SQLite (one machine, no roles): writes complete rows (stamped `branch`) in multi-row
// upserts: a few statements for a batch instead of one per row.
void upsertRows(CentralDatabase &db, const QString &table, const TableShape &t, const QList<const Row *> &rows)
{
    if (rows.isEmpty())
        return;
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

PreparedPush preparePush(QList<PushedChange> changes, bool forServer)
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
    if (forServer) {
        QHash<QString, QList<const Row *>> byTable;
        for (qsizetype i = 0; i < out.changes.size(); ++i)
            if (!out.rows.at(i).isEmpty())
                byTable[out.changes.at(i).table] << &out.rows.at(i);
        for (auto it = byTable.constBegin(); it != byTable.constEnd(); ++it)
            out.json.insert(it.key(), jsonArrayOfRows(*shapeOf(it.key()), it.value()));
    }
    return out;
}

BatchOutcome applyPushBatch(CentralDatabase &db, const QString &batchId, const QString &branch,
                            const QList<PushedChange> &changes, const QDateTime &now, const QString &echoTag)
{
    return applyPushBatch(db, batchId, branch, preparePush(changes, db.branchSession()), now, echoTag);
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
            const bool existed = rows.contains(c.rowId);
            Row full = rows.value(c.rowId, Row(t->columns.size()));
            for (int i = 0; i < row.size(); ++i) {
                // An empty hash is one the branch does not have (a pulled or fetched person's):
                // the central keeps its own (on PostgreSQL the server does this itself).
                if (i == t->secret && existed && row.at(i).kind == PushValue::Text && row.at(i).text.isEmpty())
                    continue;
                if (row.at(i).kind != PushValue::Absent)
                    full[i] = row.at(i);
            }
            if (!existed && !db.branchSession() && c.table == QLatin1String("accounts") &&
                full.at(t->secret).text.isEmpty()) // a fetched person's account: their request's password
                full[t->secret] =
                    textValue(requestPasswordHash(db, full.at(t->index.value(QStringLiteral("request_id"))).text));
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
    const bool tagging = db.sql().echoTags && !echoTag.isEmpty();
    for (const bool echo : {true, false}) {
        if (!echo && merged.isEmpty())
            break;
        if (tagging)
            execSetting(db, echo ? echoTag : QString());
        // Requests first: the server checks an account against its request and a person's
        // other rows against the branch that holds them, which a new request makes.
        for (const QString &table : kWriteOrder) {
            const auto it = writeOrder.constFind(table);
            if (it == writeOrder.constEnd())
                continue;
            const TableShape *t = shapeOf(table);
            const QHash<QString, Row> &rows = *state.constFind(table); // a written row is there
            QList<const Row *> full;
            full.reserve(it.value().size());
            for (const QString &id : it.value()) {
                if (merged.value(table).contains(id) == echo)
                    continue;
                const Row &row = *rows.constFind(id);
                if (db.branchSession() || complete(row))
                    full << &row;
                else if (!existedBefore.value(table).contains(id))
                    insertRow(db, table, t->columns, objectFromRow(*t, row)); // an older branch's row: defaults
                else
                    updateRow(db, table, t->columns, objectFromRow(*t, row), id);
            }
            if (!db.branchSession()) {
                upsertRows(db, table, *t, full);
                continue;
            }
            if (full.isEmpty())
                continue;
            const auto prepared = batch.json.constFind(table);
            const bool asPrepared = echo && !notAsPrepared.contains(table) && prepared != batch.json.constEnd();
            const int kept = pushRowsPg(db, table, asPrepared ? *prepared : jsonArrayOfRows(*t, full));
            out.applied -= kept;
            out.conflicts += kept;
        }
    }
    const QJsonObject summary{{QStringLiteral("rows"), int(changes.size())},
                              {QStringLiteral("applied"), out.applied},
                              {QStringLiteral("unchanged"), out.unchanged},
                              {QStringLiteral("conflicts"), out.conflicts}};
    if (db.branchSession()) {
        QSqlQuery &q = db.prepared(QStringLiteral("SELECT branchdesk_finish_batch(?::uuid, ?::jsonb)"));
        q.addBindValue(batchId);
        q.addBindValue(compactJson(summary));
        db.exec(q);
        q.finish();
        tx.commit();
        return out;
    }
    const SqlDialect &sql = db.sql();
    QSqlQuery &q = db.prepared(
        QStringLiteral(
            "INSERT INTO applied_batches (batch_id, branch_code, applied_at, summary) VALUES (%1, ?, %2, %3)")
            .arg(sql.uuidParam, sql.timeParam, sql.jsonParam));
    q.addBindValue(batchId);
    q.addBindValue(branch);
    q.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(compactJson(summary));
    db.exec(q);
    q.finish();
    tx.commit();
    return out;
}

} // namespace branch::db
