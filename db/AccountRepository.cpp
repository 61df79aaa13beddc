// Accounts and recoveries (see AccountRepository.h).
#include "AccountRepository.h"

#include "RowReading.h"

namespace branch::db
{

namespace
{

const TableColumns<AccountRecord> &accountColumns()
{
    using A = AccountRecord;
    static const TableColumns<A> columns = {{"id", &A::id},
                                            {"branch_code", &A::branchCode},
                                            {"version", &A::version},
                                            {"national_code", &A::nationalCode},
                                            {"request_id", &A::requestId},
                                            {"mobile", &A::mobile},
                                            {"first_name", &A::firstName},
                                            {"last_name", &A::lastName},
                                            {"gender", &A::gender},
                                            {"password_hash", &A::passwordHash},
                                            {"questions_json", &A::questionsJson},
                                            {"created_at", &A::createdAt},
                                            {"updated_at", &A::updatedAt},
                                            {"updated_by", &A::updatedBy}};
    return columns;
}

const TableColumns<RecoveryRecord> &recoveryColumns()
{
    using R = RecoveryRecord;
    static const TableColumns<R> columns = {{"id", &R::id},
                                            {"branch_code", &R::branchCode},
                                            {"version", &R::version},
                                            {"national_code", &R::nationalCode},
                                            {"method", &R::method},
                                            {"code_hash", &R::codeHash},
                                            {"created_at", &R::createdAt},
                                            {"expires_at", &R::expiresAt},
                                            {"attempts", &R::attempts},
                                            {"state", &R::state},
                                            {"updated_at", &R::updatedAt}};
    return columns;
}

} // namespace

// ---- accounts -----------------------------------------------------------------------

void insertAccount(Database &db, const AccountRecord &a)
{
    runStatement(
        db,
        QStringLiteral("INSERT INTO accounts (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)").arg(accountColumns().list()),
        {a.id, a.branchCode, a.version, a.nationalCode, a.requestId, textOrNull(a.mobile), a.firstName, a.lastName,
         a.gender, a.passwordHash, a.questionsJson, isoUtc(a.createdAt), isoUtc(a.updatedAt), a.updatedBy});
}

void updateAccount(Database &db, const AccountRecord &a)
{
    runStatement(
        db,
        QStringLiteral("UPDATE accounts SET version = ?, mobile = ?, password_hash = ?, questions_json = ?, "
                       "updated_at = ?, updated_by = ? WHERE id = ?"),
        {a.version, textOrNull(a.mobile), a.passwordHash, a.questionsJson, isoUtc(a.updatedAt), a.updatedBy, a.id});
}

std::optional<AccountRecord> findAccount(Database &db, const QString &nationalCode)
{
    return readFirst(
        runStatement(db, QStringLiteral("SELECT %1 FROM accounts WHERE national_code = ?").arg(accountColumns().list()),
                     {nationalCode}),
        accountColumns());
}

QStringList accountNationalCodes(Database &db, int limit)
{
    return readAll(
        runStatement(db, QStringLiteral("SELECT national_code FROM accounts ORDER BY national_code LIMIT ?"), {limit}),
        [](const QSqlQuery &q) { return q.value(0).toString(); });
}

// ---- recoveries ---------------------------------------------------------------------

void insertRecovery(Database &db, const RecoveryRecord &r)
{
    runStatement(
        db, QStringLiteral("INSERT INTO recoveries (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?)").arg(recoveryColumns().list()),
        {r.id, r.branchCode, r.version, r.nationalCode, r.method, textOrNull(r.codeHash), isoUtc(r.createdAt),
         timeOrNull(r.expiresAt), r.attempts, r.state, isoUtc(r.updatedAt)});
}

void updateRecovery(Database &db, const RecoveryRecord &r)
{
    runStatement(
        db, QStringLiteral("UPDATE recoveries SET version = ?, attempts = ?, state = ?, updated_at = ? WHERE id = ?"),
        {r.version, r.attempts, r.state, isoUtc(r.updatedAt), r.id});
}

std::optional<RecoveryRecord> findRecovery(Database &db, const QString &id)
{
    return readFirst(
        runStatement(db, QStringLiteral("SELECT %1 FROM recoveries WHERE id = ?").arg(recoveryColumns().list()), {id}),
        recoveryColumns());
}

QList<RecoveryRecord> recoveriesOf(Database &db, const QString &nationalCode, const QDateTime &since)
{
    return readAll(runStatement(db,
                                QStringLiteral("SELECT %1 FROM recoveries WHERE national_code = ? AND created_at >= ? "
                                               "ORDER BY created_at, id")
                                    .arg(recoveryColumns().list()),
                                {nationalCode, isoUtc(since)}),
                   recoveryColumns());
}

} // namespace branch::db
