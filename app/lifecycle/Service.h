// What every service shares: the context it works in (the branch's database and code),
// the failure it reports, opening the branch database (for the desk and each of its worker
// threads), and the one helper that records a change (outbox + audit).
#pragma once

#include "app/core/Violation.h"
#include "db/Database.h"
#include "db/Records.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <memory>
#include <optional>

namespace branch
{

// The translation context of every service message (lupdate and the runtime agree on
// "branch::Services").
class Services
{
    Q_DECLARE_TR_FUNCTIONS(branch::Services)
};

struct Failure {
    enum class Kind {
        Rule,        // validation failed, wrong password, not allowed now → exit 1
        NotFound,    // no such applicant, account, recovery → exit 1
        Conflict,    // the state changed under us → exit 1
        Environment, // database unreadable, locked, read-only, central unreachable → exit 3
    };
    Kind kind = Kind::Rule;
    Violations violations;
    QJsonObject extra; // e.g. {"attempts_left": 3}

    QString message() const; // every violation's message, one per line
    static Failure rule(const QString &field, const QString &code, const QString &message);
    static Failure notFound(const QString &field, const QString &code, const QString &message);
    static Failure environment(const db::DbError &e);
    // No registration request for this national code (national_code.not_found).
    static Failure noRequest();
};

// A service call's result: a value or a failure.
template <class T>
struct Outcome {
    std::optional<T> value;
    Failure failure;
    bool ok() const { return value.has_value(); }
    Outcome(T v) : value(std::move(v)) {}
    Outcome(Failure f) : failure(std::move(f)) {}
};

struct Context {
    db::Database &db;
    QString branchCode;
    // The database's file: a worker thread opens its own connection to it.
    QString databasePath() const;
};

// The translated, person-facing text for a storage problem.
QString describeDbError(const db::DbError &e);

// A connection of its own to the branch database, with the branch's code: the desk's, and
// each worker thread's (a connection is used only on the thread that opened it, so a worker
// opens its own there). Destroy it on the thread that opened it.
struct BranchConnection {
    std::unique_ptr<db::Database> db;
    QString branchCode;
    Context context() const { return Context{*db, branchCode}; }
};

// Opens the existing branch database at `path` on the calling thread. With an empty
// `branchCode`, the one stored in the database (a database without one is not initialised).
// An Environment failure with the storage error's code and text instead of an exception:
// database.missing, database.corrupt, database.not_initialised, database.locked, ...
Outcome<BranchConnection> openBranchDatabase(const QString &path, const QString &branchCode = {});

// Runs `body` (returning an Outcome), turning a storage exception into an Environment
// failure: for work outside a transaction, such as a worker thread's job.
template <class F>
auto catchingStorageErrors(F &&body) -> decltype(body())
{
    try {
        return body();
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

// Records one change of a travelling row: its outbox row and its audit entry, in the
// caller's transaction. `details` must not hold secrets or personal data beyond the
// national code.
struct AuditInfo {
    QString actor;  // staff login, "portal", "verifier", "system"
    QString action; // "request.submit", "request.verify", "account.activate", ...
    QString nationalCode;
    QJsonObject details;
};
void recordChange(Context &ctx, const QString &table, const QString &rowId, int baseVersion, int newVersion,
                  const QJsonObject &payload, const AuditInfo &audit, const QDateTime &now);
void recordAudit(Context &ctx, const AuditInfo &audit, const QDateTime &now);

// Queues one SMS (its row, outbox entry and audit entry), in the caller's transaction.
void queueSms(Context &ctx, const QString &nationalCode, const QString &mobile, const QString &kind,
              const QString &text, const QDateTime &now, const QString &actor);
// A notice to the account's own mobile (queueSms), when the account has one.
void queueNotice(Context &ctx, const db::AccountRecord &a, const QString &kind, const QString &text,
                 const QDateTime &now, const QString &actor);

// Runs `body` in one transaction, turning storage exceptions into an Environment failure.
template <class T, class F>
Outcome<T> inTransaction(Context &ctx, F &&body)
{
    try {
        db::Transaction tx(ctx.db);
        Outcome<T> out = body();
        if (out.ok())
            tx.commit();
        return out;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

// Like inTransaction, but commits even when the body reports a rule failure: for
// refusals that must still be remembered (a wrong code counts as an attempt).
template <class T, class F>
Outcome<T> inTransactionKeepingFailures(Context &ctx, F &&body)
{
    try {
        db::Transaction tx(ctx.db);
        Outcome<T> out = body();
        tx.commit();
        return out;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

} // namespace branch
