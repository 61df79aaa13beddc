// The central side of sync (SQL only): apply one pushed batch in one central transaction
// (once per batch id, with the merge rules below), and read the change log in pages.
// The branch session (CentralDatabase::actAsBranch) is the caller's: the central database
// itself refuses rows of another branch.
#pragma once

#include "db/Central.h"

#include <QJsonObject>
#include <QList>

namespace branch::db
{

// One change as a branch pushes it (an outbox row).
struct PushedChange {
    QString table; // requests, accounts, sms_messages, recoveries
    QString rowId;
    int baseVersion = 0;
    int newVersion = 0;
    QJsonObject payload; // the row's travelling form (column name → value)
};

struct BatchOutcome {
    bool replay = false; // the batch id was already applied: nothing was done
    int applied = 0;     // rows inserted, updated or merged by a rule
    int unchanged = 0;   // already there at that version with the same values
    int conflicts = 0;   // kept in `conflicts` with both versions; the central row untouched
};

// A column value of a pushed or central row as the push handles it: its text (PostgreSQL
// parses it by the column's type, SQLite binds it), NULL, or absent (a payload without the
// column: an older branch's row).
struct PushValue {
    enum Kind : quint8 { Absent, Null, Text, Integer };
    QString text;
    Kind kind = Absent;
};

// A batch laid out for applyPushBatch: each change's values in its table's column order
// (empty for a table that does not travel), id and version set from the change. Needs no
// database, so the thread that reads the outbox prepares batch N+1 while the central
// database applies batch N.
// `forServer` (a branch's session on a PostgreSQL central): also each table's rows as the
// JSON array branchdesk_push_rows takes, what applyPushBatch sends when every change of the
// table goes in as pushed (the usual case), else it lays them out again.
struct PreparedPush {
    PreparedPush() = default; // not an aggregate: a braced list of changes stays a QList<PushedChange>
    QList<PushedChange> changes;
    QList<QList<PushValue>> rows;
    QHash<QString, QString> json; // table → rows as a JSON array
};
PreparedPush preparePush(QList<PushedChange> changes, bool forServer = false);

// Applies `changes` (in order) for branch `branch` in one central transaction, records
// `batchId` in applied_batches and commits. A batch id already applied is a no-op.
// A change the central database has had already under another batch id (a restored
// branch database resends its backup's outbox): its row state, the same values at its
// version or later, is the central row or in the change log → unchanged; when it created
// its row, so is every change before it in the batch (the outbox goes in order).
// Per row: missing centrally → insert; central version == base version → update, unless
// the branch holds the row in a state of its own at that version (an open conflict of the
// branch on the row, at that version or later, or one recorded earlier in the batch: a
// restore or a conflict took the branch's versions apart from the central's) → a conflict
// row; central version >= new version with the same values → unchanged; a request whose
// status is later in the request's life than the other side's → the later status wins
// (the row gets a version above both, so every branch pulls it); anything else → a
// conflict row.
// Rows are written stamped with `branch` (the branch that wrote them).
// On PostgreSQL the rows written as pushed are tagged with `echoTag` in the change log
// (changes.echo_of), so that the same sync run's pull can skip what it has just pushed;
// rows a merge rule wrote are not tagged (the pusher must pull them).
BatchOutcome applyPushBatch(CentralDatabase &db, const QString &batchId, const QString &branch,
                            const PreparedPush &changes, const QDateTime &now, const QString &echoTag = {});
BatchOutcome applyPushBatch(CentralDatabase &db, const QString &batchId, const QString &branch,
                            const QList<PushedChange> &changes, const QDateTime &now, const QString &echoTag = {});

// One row of the central change log.
struct CentralChange {
    qint64 seq = 0;
    QString table;
    QString rowId;
    QString op;          // "upsert" or "delete"
    bool wanted = false; // the branch takes this row (see PullFilter); else no payload
    QJsonObject payload;
};
// What a branch takes from the change log: every row of `tables`, and the rows of
// `ownBranchTables` stamped with its own branch code (the SMS the central verifier queued
// for its applicants).
struct PullFilter {
    QStringList tables;
    QStringList ownBranchTables;
    QString branch;
    QString echoTag; // rows tagged with it (this run's own push, see applyPushBatch) come without payload
};
// The `limit` changes with seq > `after`, oldest first; those the filter does not take
// come without a payload (wanted false), so that a cursor can move past them.
QList<CentralChange> centralChangesAfter(CentralDatabase &db, qint64 after, const PullFilter &filter, int limit);

// A pushed change no rule could merge (central `conflicts`).
struct ConflictRecord {
    QString id;
    QString table;
    QString rowId;
    int baseVersion = 0;
    QJsonObject localPayload;   // what the branch pushed
    QJsonObject centralPayload; // the central row at the time (empty when there was none)
    QString createdAt;
};
// The open conflicts of branch `branch`, oldest first.
QList<ConflictRecord> openConflicts(CentralDatabase &db, const QString &branch);
// Resolves open conflict `id` of branch `branch` in one central transaction: the central
// row takes the branch's pushed values (keepLocal) or keeps its own; either way its version
// goes one up (stamped `branch`), so that every branch, this one included, pulls the
// decision. False when there is no such open conflict.
bool resolveConflict(CentralDatabase &db, const QString &id, const QString &branch, bool keepLocal,
                     const QString &resolvedBy, const QDateTime &now, ConflictRecord *resolved);

// The columns of a travelling table, shared by the central and the local schema (empty
// for a table that does not travel).
QStringList travellingColumns(const QString &table);

} // namespace branch::db
