// The branch side of sync: outbox batches and central changes applied locally (see
// SyncRepository.h).
#include "SyncRepository.h"

#include "CentralSync.h"
#include "Repository.h"

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
    QSqlQuery &q = run(db,
                       QStringLiteral("SELECT seq, table_name, row_id, base_version, new_version, payload FROM outbox "
                                      "WHERE batch_id = ? ORDER BY seq"),
                       {batchId});
    QList<OutboxRow> out;
    while (q.next()) {
        OutboxRow r;
        r.seq = q.value(0).toLongLong();
        r.table = q.value(1).toString();
        r.rowId = q.value(2).toString();
        r.baseVersion = q.value(3).toInt();
        r.newVersion = q.value(4).toInt();
        r.payload = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        out << r;
    }
    q.finish();
    return out;
}

// -1 when the row is not here.
int localVersion(Database &db, const QString &table, const QString &id)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(table), {id});
    const int v = q.next() ? q.value(0).toInt() : -1;
    q.finish();
    return v;
}

void writeRow(Database &db, const QString &table, const QJsonObject &payload, bool insert)
{
    const QStringList columns = travellingColumns(table);
    QStringList cols;
    QVariantList binds;
    for (const QString &c : columns)
        if (payload.contains(c) && (insert || c != QLatin1String("id"))) {
            cols << c;
            binds << bindable(payload.value(c));
        }
    if (insert) {
        QStringList marks(cols.size(), QStringLiteral("?"));
        run(db,
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(table, cols.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
            binds);
    } else {
        binds << payload.value(QStringLiteral("id")).toString();
        run(db, QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, cols.join(QStringLiteral(" = ?, "))),
            binds);
    }
}

bool applyTravelling(Database &db, const QString &table, const QJsonObject &payload)
{
    const QString id = payload.value(QStringLiteral("id")).toString();
    const int incoming = payload.value(QStringLiteral("version")).toInt();
    const int local = localVersion(db, table, id);
    if (local >= incoming)
        return false; // this version or a newer one is here already (our own, or pulled)
    if (table == QLatin1String("accounts") && local < 0) {
        // One account per person: another id for the same person is a conflict the push
        // side recorded; the local account stays until a supervisor resolves it.
        QSqlQuery &q = run(db, QStringLiteral("SELECT count(*) FROM accounts WHERE national_code = ?"),
                           {payload.value(QStringLiteral("national_code")).toString()});
        const bool taken = q.next() && q.value(0).toInt() > 0;
        q.finish();
        if (taken)
            return false;
    }
    writeRow(db, table, payload, local < 0);
    if (table == QLatin1String("requests")) {
        const QString tokens = nameIndexText(payload.value(QStringLiteral("first_name")).toString(),
                                             payload.value(QStringLiteral("last_name")).toString());
        if (local < 0)
            run(db,
                QStringLiteral("INSERT INTO request_names (rowid, tokens) SELECT rid, ? FROM requests WHERE id = ?"),
                {tokens, id});
        else
            run(db,
                QStringLiteral(
                    "UPDATE request_names SET tokens = ? WHERE rowid = (SELECT rid FROM requests WHERE id = ?)"),
                {tokens, id});
    }
    return true;
}

} // namespace

QString claimOutboxBatch(Database &db, int limit, const QString &freshBatchId, QList<OutboxRow> *rows)
{
    QSqlQuery &pending =
        run(db, QStringLiteral("SELECT batch_id FROM outbox WHERE batch_id IS NOT NULL ORDER BY seq LIMIT 1"));
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

bool applyCentralChange(Database &db, const QString &table, const QString &op, const QJsonObject &payload)
{
    const bool isDelete = op == QLatin1String("delete");
    if (table == QLatin1String("requests") || table == QLatin1String("accounts") ||
        table == QLatin1String("sms_messages"))
        return !isDelete && applyTravelling(db, table, payload); // travelling rows are never deleted
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

} // namespace branch::db
