// The branch side of sync: outbox batches and central changes applied locally (see
// SyncRepository.h).
#include "SyncRepository.h"

#include "CentralRows.h"
#include "CentralSync.h"
#include "MetaRepository.h"
#include "NameIndex.h"
#include "Records.h"
#include "RowReading.h"

#include "app/security/Random.h"

#include <QJsonDocument>
#include <QVariant>

namespace branch::db
{

namespace
{

QSqlQuery &run(Database &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery &q = db.prepared(sql);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    db.exec(q);
    return q;
}

bool changed(QSqlQuery &q)
{
    const bool any = q.numRowsAffected() > 0;
    q.finish();
    return any;
}

QVariant bindable(const QJsonValue &v)
{
    if (v.isDouble())
        return QVariant(qint64(v.toInteger()));
    if (v.isNull() || v.isUndefined())
        return QVariant(QMetaType::fromType<QString>());
    return QVariant(v.toString());
}

QList<OutboxRow> batchRows(Database &db, const QString &batchId)
{
    using O = OutboxRow;
    static const TableColumns<O> columns = {{"seq", &O::seq},
                                            {"table_name", &O::table},
                                            {"row_id", &O::rowId},
                                            {"base_version", &O::baseVersion},
                                            {"new_version", &O::newVersion},
                                            {"payload", &O::payload}};
    return readAll(
        run(db, QStringLiteral("SELECT %1 FROM outbox WHERE batch_id = ? ORDER BY seq").arg(columns.list()), {batchId}),
        columns);
}

// A travelling row whose payload lacks some columns: an upsert of the columns it has.
bool applyPartial(Database &db, const QString &table, const QJsonObject &payload, QJsonObject *names,
                  qint64 *lastInsert)
{
    QStringList cols, sets;
    QVariantList binds;
    for (const QString &c : travellingColumns(table))
        if (payload.contains(c)) {
            cols << c;
            binds << bindable(payload.value(c));
            if (c != QLatin1String("id"))
                sets << QStringLiteral("%1 = excluded.%1").arg(c);
        }
    if (!cols.contains(QStringLiteral("id")) || !cols.contains(QStringLiteral("version")))
        return false; // not a row this branch can place
    const QString id = payload.value(QStringLiteral("id")).toString();
    QString guard = QStringLiteral("WHERE true");
    if (table == QLatin1String("accounts")) {
        guard = QStringLiteral("WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE national_code = ? AND id <> ?)");
        binds << payload.value(QStringLiteral("national_code")).toString() << id;
    }
    QSqlQuery &q = run(db,
                       QStringLiteral("INSERT INTO %1 (%2) SELECT %3 %4 ON CONFLICT (id) DO UPDATE SET %5 WHERE "
                                      "excluded.version > %1.version")
                           .arg(table, cols.join(QStringLiteral(", ")),
                                QStringList(cols.size(), QStringLiteral("?")).join(QStringLiteral(", ")), guard,
                                sets.join(QStringLiteral(", "))),
                       binds);
    const bool written = q.numRowsAffected() > 0;
    *lastInsert = q.lastInsertId().toLongLong();
    q.finish();
    if (written && table == QLatin1String("requests")) // reindexUpdatedNames leaves new rows out
        names->insert(id, nameIndexText(payload.value(QStringLiteral("first_name")).toString(),
                                        payload.value(QStringLiteral("last_name")).toString()));
    return written;
}

// The upsert of a travelling row with all its columns: written when the row is new here
// or the incoming version is newer (applying a change twice, or our own echo, writes
// nothing). An account is taken only when no other account holds the person (one account
// per person: another id for the same person is a conflict the push side recorded; the
// local account stays until a supervisor resolves it).
QString upsertSql(const QString &table)
{
    const QStringList cols = travellingColumns(table);
    QStringList sets;
    for (const QString &c : cols)
        if (c == QLatin1String("password_hash")) // the central sends none: the branch keeps what it set
            sets << QStringLiteral("password_hash = CASE WHEN excluded.password_hash = '' THEN %1.password_hash ELSE "
                                   "excluded.password_hash END")
                        .arg(table);
        else if (c != QLatin1String("id"))
            sets << QStringLiteral("%1 = excluded.%1").arg(c);
    // A plain VALUES row where no guard is needed: INSERT … SELECT costs SQLite a temporary table.
    const QString marks = QStringList(cols.size(), QStringLiteral("?")).join(QStringLiteral(", "));
    const QString source =
        table == QLatin1String("accounts")
            ? QStringLiteral("SELECT %1 WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE national_code = ? AND id <> ?)")
                  .arg(marks)
            : QStringLiteral("VALUES (%1)").arg(marks);
    return QStringLiteral(
               "INSERT INTO %1 (%2) %3 ON CONFLICT (id) DO UPDATE SET %4 WHERE excluded.version > %1.version")
        .arg(table, cols.join(QStringLiteral(", ")), source, sets.join(QStringLiteral(", ")));
}

// Writes one travelling row (see upsertSql); true when it was written. A written request's
// id and name-index text join `names`, written once per page (writeNameIndex). A column the
// payload lacks (a central schema older than this branch) is left to its local default
// on insert and unchanged on update.
bool applyTravelling(Database &db, const QString &table, const QJsonObject &payload, QJsonObject *names,
                     qint64 *lastInsert)
{
    const rows::TableShape &shape = *rows::shapeOf(table);
    thread_local QHash<QString, QString> upserts;
    auto sql = upserts.constFind(table);
    if (sql == upserts.constEnd())
        sql = upserts.insert(table, upsertSql(table));
    // One pass over the payload (a JSON object looks keys up one by one).
    QVariantList binds(shape.columns.size());
    int present = 0;
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        const int i = shape.index.value(it.key(), -1);
        if (i >= 0) {
            binds[i] = bindable(it.value());
            ++present;
        }
    }
    // The central sends no hash (its log holds none): the branch keeps the one it set (see
    // upsertSql), and a new row starts without one.
    if (shape.secret >= 0 && !binds.at(shape.secret).isValid()) {
        binds[shape.secret] = QStringLiteral(""); // not a null QString: that binds NULL
        ++present;
    }
    const QString id = payload.value(QStringLiteral("id")).toString();
    if (present < shape.columns.size())
        return applyPartial(db, table, payload, names, lastInsert);
    if (table == QLatin1String("accounts"))
        binds << payload.value(QStringLiteral("national_code")).toString() << id;
    QSqlQuery &q = run(db, *sql, binds);
    const bool written = q.numRowsAffected() > 0;
    // An insert moves the connection's last insert rowid; an update leaves it.
    const qint64 rid = q.lastInsertId().toLongLong();
    const bool inserted = written && rid != *lastInsert;
    *lastInsert = rid;
    q.finish();
    if (written && !inserted && table == QLatin1String("requests")) // new rows: indexPendingNames
        names->insert(id, nameIndexText(payload.value(QStringLiteral("first_name")).toString(),
                                        payload.value(QStringLiteral("last_name")).toString()));
    return written;
}

// The name index of the requests a page updated (request id → index text; rows with
// rid <= `before`, those here before the page), in two statements: an FTS5 table flushes
// its pending terms at the end of every statement once it joined the transaction, so
// per-row index writes would cost a flush each. Rows the page inserted are indexed once
// for the whole pull (indexPendingNames).
void reindexUpdatedNames(Database &db, const QJsonObject &names, qint64 before)
{
    if (names.isEmpty())
        return;
    const QString json = QString::fromUtf8(QJsonDocument(names).toJson(QJsonDocument::Compact));
    run(db,
        QStringLiteral("DELETE FROM request_names WHERE rowid IN (SELECT r.rid FROM json_each(?) AS j JOIN requests "
                       "AS r ON r.id = j.key WHERE r.rid <= ?)"),
        {json, before});
    run(db,
        QStringLiteral("INSERT INTO request_names (rowid, tokens) SELECT r.rid, j.value FROM json_each(?) AS j JOIN "
                       "requests AS r ON r.id = j.key WHERE r.rid <= ?"),
        {json, before});
}

const QString kNameIndexFrom = QStringLiteral("name_index_pending_from");

qint64 topRid(Database &db)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT coalesce(max(rid), 0) FROM requests"));
    const qint64 top = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return top;
}

bool applyReference(Database &db, const QString &table, const QString &op, const QJsonObject &payload);

} // namespace

void appendOutbox(Database &db, const QString &table, const QString &rowId, int baseVersion, int newVersion,
                  const QJsonObject &payload, const QDateTime &now)
{
    runStatement(db,
                 QStringLiteral("INSERT INTO outbox (id, table_name, row_id, base_version, new_version, payload, "
                                "created_at) VALUES (?,?,?,?,?,?,?)"),
                 {security::newUuid(), table, rowId, baseVersion, newVersion,
                  QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), isoUtc(now)});
}

qint64 outboxCount(Database &db)
{
    QSqlQuery &q = runStatement(db, QStringLiteral("SELECT count(*) FROM outbox"));
    const qint64 n = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

QString claimOutboxBatch(Database &db, int limit, const QString &freshBatchId, QList<OutboxRow> *rows,
                         const QString &inFlight)
{
    // `+seq`: ordered by the rowid, SQLite walked the whole outbox (the unstamped rows
    // included) for every batch; this way it reads the few stamped rows from the batch_id
    // index and sorts them.
    QSqlQuery &pending = run(db,
                             QStringLiteral("SELECT batch_id FROM outbox WHERE batch_id IS NOT NULL AND batch_id <> "
                                            "coalesce(?, '') ORDER BY +seq LIMIT 1"),
                             {inFlight});
    QString batchId = pending.next() ? pending.value(0).toString() : QString();
    pending.finish();
    if (batchId.isEmpty()) {
        run(db,
            QStringLiteral("UPDATE outbox SET batch_id = ? WHERE seq IN (SELECT seq FROM outbox WHERE batch_id IS "
                           "NULL ORDER BY seq LIMIT ?)"),
            {freshBatchId, limit});
        batchId = freshBatchId;
    }
    *rows = batchRows(db, batchId);
    return rows->isEmpty() ? QString() : batchId;
}

void deleteOutboxBatch(Database &db, const QString &batchId)
{
    run(db, QStringLiteral("DELETE FROM outbox WHERE batch_id = ?"), {batchId});
}

int applyCentralChanges(Database &db, const QList<CentralChange> &changes)
{
    const qint64 before = topRid(db);
    int written = 0;
    QJsonObject names;
    QSqlQuery &last = run(db, QStringLiteral("SELECT last_insert_rowid()"));
    qint64 lastInsert = last.next() ? last.value(0).toLongLong() : 0;
    last.finish();
    for (const CentralChange &c : changes) {
        if (!c.wanted)
            continue;
        if (c.table == QLatin1String("requests") || c.table == QLatin1String("accounts") ||
            c.table == QLatin1String("sms_messages") || c.table == QLatin1String("review_proposals")) {
            // travelling rows are never deleted
            if (c.op != QLatin1String("delete") && applyTravelling(db, c.table, c.payload, &names, &lastInsert))
                ++written;
        } else if (applyReference(db, c.table, c.op, c.payload)) {
            ++written;
        }
    }
    reindexUpdatedNames(db, names, before);
    // New requests wait for indexPendingNames; where they start is kept with the page, so
    // that a crash before the end of the pull leaves the next pull to index them.
    if (topRid(db) > before && metaValue(db, kNameIndexFrom).isEmpty())
        setMetaValue(db, kNameIndexFrom, QString::number(before + 1));
    return written;
}

bool indexPendingNames(Database &db)
{
    const QString from = metaValue(db, kNameIndexFrom);
    if (from.isEmpty())
        return false;
    // Rows indexed meanwhile (a registration at the counter indexes its own) are left out.
    QSqlQuery &q = run(db,
                       QStringLiteral("SELECT rid, first_name, last_name FROM requests WHERE rid >= ? AND rid NOT IN "
                                      "(SELECT rowid FROM request_names WHERE rowid >= ?)"),
                       {from.toLongLong(), from.toLongLong()});
    QList<std::pair<qint64, QString>> names;
    while (q.next())
        names.append({q.value(0).toLongLong(), nameIndexText(q.value(1).toString(), q.value(2).toString())});
    q.finish();
    for (const auto &[rid, tokens] : names) {
        QSqlQuery &w =
            run(db, QStringLiteral("INSERT INTO request_names (rowid, tokens) VALUES (?, ?)"), {rid, tokens});
        w.finish();
    }
    setMetaValue(db, kNameIndexFrom, QString());
    return true;
}

namespace
{

bool applyReference(Database &db, const QString &table, const QString &op, const QJsonObject &payload)
{
    const bool isDelete = op == QLatin1String("delete");
    if (table == QLatin1String("registry_persons")) {
        if (isDelete)
            return changed(run(db, QStringLiteral("DELETE FROM registry_persons WHERE national_code = ?"),
                               {payload.value(QStringLiteral("national_code")).toString()}));
        const char *const cols[] = {"national_code",   "first_name",     "last_name",        "father_name",
                                    "first_name_norm", "last_name_norm", "father_name_norm", "birth_cert_no",
                                    "birth_date",      "gender",         "updated_at"};
        QVariantList binds;
        for (const char *c : cols)
            binds << bindable(payload.value(QLatin1String(c)));
        // Written only when something differs, so that a page pulled again counts nothing.
        return changed(
            run(db,
                QStringLiteral(
                    "INSERT INTO registry_persons (national_code, first_name, last_name, father_name, "
                    "first_name_norm, last_name_norm, father_name_norm, birth_cert_no, birth_date, gender, "
                    "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (national_code) DO UPDATE SET "
                    "first_name = excluded.first_name, last_name = excluded.last_name, father_name = "
                    "excluded.father_name, first_name_norm = excluded.first_name_norm, last_name_norm = "
                    "excluded.last_name_norm, father_name_norm = excluded.father_name_norm, birth_cert_no = "
                    "excluded.birth_cert_no, birth_date = excluded.birth_date, gender = excluded.gender, updated_at "
                    "= excluded.updated_at WHERE (first_name, last_name, father_name, first_name_norm, "
                    "last_name_norm, father_name_norm, birth_cert_no, birth_date, gender, updated_at) IS NOT "
                    "(excluded.first_name, excluded.last_name, excluded.father_name, excluded.first_name_norm, "
                    "excluded.last_name_norm, excluded.father_name_norm, excluded.birth_cert_no, "
                    "excluded.birth_date, excluded.gender, excluded.updated_at)"),
                binds));
    }
    if (table == QLatin1String("mobile_owners")) {
        const QVariantList key = {payload.value(QStringLiteral("national_code")).toString(),
                                  payload.value(QStringLiteral("mobile")).toString()};
        return changed(
            run(db,
                isDelete ? QStringLiteral("DELETE FROM mobile_owners WHERE national_code = ? AND mobile = ?")
                         : QStringLiteral("INSERT OR IGNORE INTO mobile_owners (national_code, mobile) VALUES (?, ?)"),
                key));
    }
    return false; // recoveries belong to the counter that started them
}

} // namespace

} // namespace branch::db
