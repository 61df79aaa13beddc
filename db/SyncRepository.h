// The branch side of sync (SQL only): the outbox of changes waiting for the central
// database, its batches, and central changes applied to the local tables. The caller owns
// the transactions.
#pragma once

#include "db/CentralSync.h"
#include "db/Database.h"

#include <QJsonObject>
#include <QList>

namespace branch::db
{

// A change to a travelling row, queued for the central database (the services write one
// with each change they make).
void appendOutbox(Database &db, const QString &table, const QString &rowId, int baseVersion, int newVersion,
                  const QJsonObject &payload, const QDateTime &now);
qint64 outboxCount(Database &db);

struct OutboxRow {
    qint64 seq = 0;
    QString table;
    QString rowId;
    int baseVersion = 0;
    int newVersion = 0;
    QJsonObject payload;
};

// The next batch to push, oldest first: the rows of a batch already stamped but not
// acknowledged (a crash or an outage interrupted it: the SAME id goes again), else up to
// `limit` unstamped rows, stamped here with `freshBatchId`. Returns the batch id (empty
// when the outbox is empty).
// `inFlight`: a batch sent and not yet acknowledged, left out (the next batch is read
// while the central database applies it).
QString claimOutboxBatch(Database &db, int limit, const QString &freshBatchId, QList<OutboxRow> *rows,
                         const QString &inFlight = {});
// Removes a batch the central database acknowledged.
void deleteOutboxBatch(Database &db, const QString &batchId);

// Applies a page of central changes (those wanted) to the local tables; returns how many
// changed something. A travelling row is written only when the incoming version is newer
// than the local one (applying the same change twice is a no-op). Writes no outbox rows:
// the changes came from the central database. Keeps the name index of requests in step.
// Requests new to this database are name-indexed by indexPendingNames, once per pull (an
// FTS5 index written page by page costs several times more); until then they are found by
// national code and mobile, not by name.
int applyCentralChanges(Database &db, const QList<CentralChange> &changes);
// Name-indexes the requests pulled since the last call (or a crash); false when none were
// waiting. The caller owns the transaction.
bool indexPendingNames(Database &db);

} // namespace branch::db
