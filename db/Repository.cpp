// Every read and write of BranchDesk's tables (prepared statements, bound values only).
#include "Repository.h"

#include "app/core/PersianText.h"
#include "app/security/AuditChain.h"
#include "app/security/Random.h"

#include <QJsonDocument>
#include <QSqlRecord>
#include <QVariant>

namespace branch::db
{

namespace
{

QSqlQuery &run(Database &db, const QString &sql, const QVariantList &values = {})
{
    return runStatement(db, sql, values);
}

QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(isoUtc(t)) : QVariant::fromValue(nullptr);
}

QString str(const QSqlQuery &q, int i)
{
    return q.value(i).toString();
}

const QString kRequestColumns =
    QStringLiteral("rid, id, branch_code, version, national_code, mobile, first_name, last_name, first_name_norm, "
                   "last_name_norm, birth_cert_no, birth_date, gender, email, password_hash, questions_json, status, "
                   "submitted_at, decided_at, updated_at, updated_by");

RequestRecord readRequest(const QSqlQuery &q)
{
    RequestRecord r;
    r.rid = q.value(0).toLongLong();
    r.id = str(q, 1);
    r.branchCode = str(q, 2);
    r.version = q.value(3).toInt();
    r.nationalCode = str(q, 4);
    r.mobile = str(q, 5);
    r.firstName = str(q, 6);
    r.lastName = str(q, 7);
    r.firstNameNorm = str(q, 8);
    r.lastNameNorm = str(q, 9);
    r.birthCertNo = str(q, 10);
    r.birthDate = QDate::fromString(str(q, 11), Qt::ISODate);
    r.gender = str(q, 12);
    r.email = str(q, 13);
    r.passwordHash = str(q, 14);
    r.questionsJson = str(q, 15);
    r.status = requestStatusFromColumn(str(q, 16));
    r.submittedAt = fromIsoUtc(str(q, 17));
    r.decidedAt = fromIsoUtc(str(q, 18));
    r.updatedAt = fromIsoUtc(str(q, 19));
    r.updatedBy = str(q, 20);
    return r;
}

QList<RequestRecord> readRequests(QSqlQuery &q)
{
    QList<RequestRecord> out;
    while (q.next())
        out << readRequest(q);
    q.finish();
    return out;
}

const QString kAccountColumns =
    QStringLiteral("id, branch_code, version, national_code, request_id, mobile, first_name, last_name, gender, "
                   "password_hash, questions_json, created_at, updated_at, updated_by");

AccountRecord readAccount(const QSqlQuery &q)
{
    AccountRecord a;
    a.id = str(q, 0);
    a.branchCode = str(q, 1);
    a.version = q.value(2).toInt();
    a.nationalCode = str(q, 3);
    a.requestId = str(q, 4);
    a.mobile = str(q, 5);
    a.firstName = str(q, 6);
    a.lastName = str(q, 7);
    a.gender = str(q, 8);
    a.passwordHash = str(q, 9);
    a.questionsJson = str(q, 10);
    a.createdAt = fromIsoUtc(str(q, 11));
    a.updatedAt = fromIsoUtc(str(q, 12));
    a.updatedBy = str(q, 13);
    return a;
}

QList<ApplicantRow> readApplicants(QSqlQuery &q)
{
    QList<ApplicantRow> out;
    while (q.next())
        out << ApplicantRow{str(q, 0), str(q, 1), str(q, 2), str(q, 3), requestStatusFromColumn(str(q, 4))};
    q.finish();
    return out;
}

} // namespace

// ---- meta -------------------------------------------------------------------------

QString metaValue(Database &db, const QString &key)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    QString v = q.next() ? str(q, 0) : QString();
    q.finish();
    return v;
}

void setMetaValue(Database &db, const QString &key, const QString &value)
{
    run(db,
        QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                       "excluded.value"),
        {key, value});
}

// ---- registry -----------------------------------------------------------------------

void upsertRegistryPerson(Database &db, const RegistryPerson &p, const QDateTime &now)
{
    run(db,
        QStringLiteral("INSERT INTO registry_persons (national_code, first_name, last_name, father_name, "
                       "first_name_norm, last_name_norm, father_name_norm, birth_cert_no, birth_date, gender, "
                       "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (national_code) DO UPDATE SET "
                       "first_name = excluded.first_name, last_name = excluded.last_name, father_name = "
                       "excluded.father_name, first_name_norm = excluded.first_name_norm, last_name_norm = "
                       "excluded.last_name_norm, father_name_norm = excluded.father_name_norm, birth_cert_no = "
                       "excluded.birth_cert_no, birth_date = excluded.birth_date, gender = excluded.gender, "
                       "updated_at = excluded.updated_at"),
        {p.nationalCode, p.firstName, p.lastName, p.fatherName, p.firstNameNorm, p.lastNameNorm, p.fatherNameNorm,
         p.birthCertNo, p.birthDate.toString(Qt::ISODate), p.gender, isoUtc(now)});
}

std::optional<RegistryPerson> findRegistryPerson(Database &db, const QString &nationalCode)
{
    QSqlQuery &q = run(db,
                       QStringLiteral("SELECT national_code, first_name, last_name, father_name, first_name_norm, "
                                      "last_name_norm, father_name_norm, birth_cert_no, birth_date, gender "
                                      "FROM registry_persons WHERE national_code = ?"),
                       {nationalCode});
    std::optional<RegistryPerson> out;
    if (q.next()) {
        out = RegistryPerson{str(q, 0), str(q, 1), str(q, 2),
                             str(q, 3), str(q, 4), str(q, 5),
                             str(q, 6), str(q, 7), QDate::fromString(str(q, 8), Qt::ISODate),
                             str(q, 9)};
    }
    q.finish();
    return out;
}

void upsertMobileOwner(Database &db, const QString &nationalCode, const QString &mobile)
{
    run(db, QStringLiteral("INSERT OR IGNORE INTO mobile_owners (national_code, mobile) VALUES (?, ?)"),
        {nationalCode, mobile});
}

bool ownsMobile(Database &db, const QString &nationalCode, const QString &mobile)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT 1 FROM mobile_owners WHERE national_code = ? AND mobile = ?"),
                       {nationalCode, mobile});
    const bool found = q.next();
    q.finish();
    return found;
}

// ---- requests -----------------------------------------------------------------------

void insertRequest(Database &db, RequestRecord &r)
{
    QSqlQuery &q = run(
        db,
        QStringLiteral("INSERT INTO requests (id, branch_code, version, national_code, mobile, first_name, last_name, "
                       "first_name_norm, last_name_norm, birth_cert_no, birth_date, gender, email, password_hash, "
                       "questions_json, status, submitted_at, decided_at, updated_at, updated_by) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {r.id,
         r.branchCode,
         r.version,
         r.nationalCode,
         r.mobile,
         r.firstName,
         r.lastName,
         r.firstNameNorm,
         r.lastNameNorm,
         r.birthCertNo,
         r.birthDate.toString(Qt::ISODate),
         r.gender,
         r.email,
         r.passwordHash,
         r.questionsJson,
         statusName(r.status),
         isoUtc(r.submittedAt),
         timeOrNull(r.decidedAt),
         isoUtc(r.updatedAt),
         r.updatedBy});
    r.rid = q.lastInsertId().toLongLong();
    run(db, QStringLiteral("INSERT INTO request_names (rowid, tokens) VALUES (?, ?)"),
        {r.rid, nameIndexText(r.firstName, r.lastName)});
}

void updateRequest(Database &db, const RequestRecord &r)
{
    run(db,
        QStringLiteral("UPDATE requests SET version = ?, mobile = ?, first_name = ?, last_name = ?, first_name_norm = "
                       "?, last_name_norm = ?, birth_cert_no = ?, birth_date = ?, gender = ?, status = ?, decided_at "
                       "= ?, updated_at = ?, updated_by = ? WHERE id = ?"),
        {r.version, r.mobile, r.firstName, r.lastName, r.firstNameNorm, r.lastNameNorm, r.birthCertNo,
         r.birthDate.toString(Qt::ISODate), r.gender, statusName(r.status), timeOrNull(r.decidedAt),
         isoUtc(r.updatedAt), r.updatedBy, r.id});
    // Names may have been corrected (supervisor review): keep the index in step.
    run(db, QStringLiteral("UPDATE request_names SET tokens = ? WHERE rowid = (SELECT rid FROM requests WHERE id = ?)"),
        {nameIndexText(r.firstName, r.lastName), r.id});
}

std::optional<RequestRecord> findRequest(Database &db, const QString &id)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT %1 FROM requests WHERE id = ?").arg(kRequestColumns), {id});
    auto all = readRequests(q);
    return all.isEmpty() ? std::nullopt : std::optional(all.first());
}

std::optional<RequestRecord> findCurrentRequest(Database &db, const QString &nationalCode)
{
    QSqlQuery &q = run(db,
                       QStringLiteral("SELECT %1 FROM requests WHERE national_code = ? AND status <> 'superseded' "
                                      "ORDER BY submitted_at DESC, rid DESC LIMIT 1")
                           .arg(kRequestColumns),
                       {nationalCode});
    auto all = readRequests(q);
    return all.isEmpty() ? std::nullopt : std::optional(all.first());
}

QList<RequestRecord> requestsOf(Database &db, const QString &nationalCode)
{
    QSqlQuery &q =
        run(db,
            QStringLiteral("SELECT %1 FROM requests WHERE national_code = ? ORDER BY submitted_at DESC, rid DESC")
                .arg(kRequestColumns),
            {nationalCode});
    return readRequests(q);
}

QMap<RequestStatus, qint64> countRequestsByStatus(Database &db)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT status, count(*) FROM requests GROUP BY status"));
    QMap<RequestStatus, qint64> out;
    while (q.next())
        out.insert(requestStatusFromColumn(str(q, 0)), q.value(1).toLongLong());
    q.finish();
    return out;
}

QList<RequestRecord> requestsWithStatus(Database &db, RequestStatus status, int limit)
{
    QSqlQuery &q = run(db,
                       QStringLiteral("SELECT %1 FROM requests WHERE status = ? ORDER BY submitted_at, rid LIMIT ?")
                           .arg(kRequestColumns),
                       {statusName(status), limit});
    return readRequests(q);
}

// ---- accounts -----------------------------------------------------------------------

void insertAccount(Database &db, const AccountRecord &a)
{
    run(db, QStringLiteral("INSERT INTO accounts (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)").arg(kAccountColumns),
        {a.id, a.branchCode, a.version, a.nationalCode, a.requestId, textOrNull(a.mobile), a.firstName, a.lastName,
         a.gender, a.passwordHash, a.questionsJson, isoUtc(a.createdAt), isoUtc(a.updatedAt), a.updatedBy});
}

void updateAccount(Database &db, const AccountRecord &a)
{
    run(db,
        QStringLiteral("UPDATE accounts SET version = ?, mobile = ?, password_hash = ?, questions_json = ?, "
                       "updated_at = ?, updated_by = ? WHERE id = ?"),
        {a.version, textOrNull(a.mobile), a.passwordHash, a.questionsJson, isoUtc(a.updatedAt), a.updatedBy, a.id});
}

std::optional<AccountRecord> findAccount(Database &db, const QString &nationalCode)
{
    QSqlQuery &q =
        run(db, QStringLiteral("SELECT %1 FROM accounts WHERE national_code = ?").arg(kAccountColumns), {nationalCode});
    std::optional<AccountRecord> out;
    if (q.next())
        out = readAccount(q);
    q.finish();
    return out;
}

// ---- SMS ----------------------------------------------------------------------------

void insertSms(Database &db, const SmsRecord &s)
{
    run(db,
        QStringLiteral("INSERT INTO sms_messages (id, branch_code, version, national_code, mobile, kind, text, "
                       "created_at, status, sent_at) VALUES (?,?,?,?,?,?,?,?,?,?)"),
        {s.id, s.branchCode, s.version, s.nationalCode, s.mobile, s.kind, s.text, isoUtc(s.createdAt), s.status,
         timeOrNull(s.sentAt)});
}

namespace
{
const QString kSmsSelect =
    QStringLiteral("SELECT id, branch_code, version, national_code, mobile, kind, text, created_at, status, sent_at, "
                   "attempts, next_attempt_at, last_error, gateway_id FROM sms_messages ");

QList<SmsRecord> readSms(QSqlQuery &q)
{
    QList<SmsRecord> out;
    while (q.next()) {
        SmsRecord s;
        s.id = str(q, 0);
        s.branchCode = str(q, 1);
        s.version = q.value(2).toInt();
        s.nationalCode = str(q, 3);
        s.mobile = str(q, 4);
        s.kind = str(q, 5);
        s.text = str(q, 6);
        s.createdAt = fromIsoUtc(str(q, 7));
        s.status = str(q, 8);
        s.sentAt = fromIsoUtc(str(q, 9));
        s.attempts = q.value(10).toInt();
        s.nextAttemptAt = fromIsoUtc(str(q, 11));
        s.lastError = str(q, 12);
        s.gatewayId = str(q, 13);
        out << s;
    }
    q.finish();
    return out;
}
} // namespace

QList<SmsRecord> listSms(Database &db, const QString &nationalCode)
{
    QSqlQuery &q =
        nationalCode.isEmpty()
            ? run(db, kSmsSelect + QStringLiteral("ORDER BY created_at, id"))
            : run(db, kSmsSelect + QStringLiteral("WHERE national_code = ? ORDER BY created_at"), {nationalCode});
    return readSms(q);
}

QList<SmsRecord> listSmsWithStatus(Database &db, const QString &status)
{
    return readSms(run(db, kSmsSelect + QStringLiteral("WHERE status = ? ORDER BY created_at, id"), {status}));
}

std::optional<SmsRecord> findSms(Database &db, const QString &id)
{
    const auto rows = readSms(run(db, kSmsSelect + QStringLiteral("WHERE id = ?"), {id}));
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QList<SmsRecord> smsDue(Database &db, const QDateTime &now, int limit)
{
    return readSms(run(db,
                       kSmsSelect + QStringLiteral("WHERE status IN ('queued', 'sending') AND (next_attempt_at IS "
                                                   "NULL OR next_attempt_at <= ?) ORDER BY created_at, id LIMIT ?"),
                       {isoUtc(now), limit}));
}

void updateSmsDelivery(Database &db, const SmsRecord &s)
{
    run(db,
        QStringLiteral("UPDATE sms_messages SET version = ?, text = ?, status = ?, sent_at = ?, attempts = ?, "
                       "next_attempt_at = ?, last_error = ?, gateway_id = ? WHERE id = ?"),
        {s.version, s.text, s.status, timeOrNull(s.sentAt), s.attempts, timeOrNull(s.nextAttemptAt), s.lastError,
         textOrNull(s.gatewayId), s.id});
}

void wipeSmsTextInOutbox(Database &db, const QString &smsId, const QString &text)
{
    run(db,
        QStringLiteral("UPDATE outbox SET payload = json_set(payload, '$.text', ?) WHERE table_name = "
                       "'sms_messages' AND row_id = ?"),
        {text, smsId});
}

// ---- recoveries ---------------------------------------------------------------------

void insertRecovery(Database &db, const RecoveryRecord &r)
{
    run(db,
        QStringLiteral("INSERT INTO recoveries (id, branch_code, version, national_code, method, code_hash, "
                       "created_at, expires_at, attempts, state, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
        {r.id, r.branchCode, r.version, r.nationalCode, r.method, textOrNull(r.codeHash), isoUtc(r.createdAt),
         timeOrNull(r.expiresAt), r.attempts, r.state, isoUtc(r.updatedAt)});
}

void updateRecovery(Database &db, const RecoveryRecord &r)
{
    run(db, QStringLiteral("UPDATE recoveries SET version = ?, attempts = ?, state = ?, updated_at = ? WHERE id = ?"),
        {r.version, r.attempts, r.state, isoUtc(r.updatedAt), r.id});
}

namespace
{
const QString kRecoveryColumns = QStringLiteral("id, branch_code, version, national_code, method, code_hash, "
                                                "created_at, expires_at, attempts, state, updated_at");

QList<RecoveryRecord> readRecoveries(QSqlQuery &q)
{
    QList<RecoveryRecord> out;
    while (q.next()) {
        RecoveryRecord r;
        r.id = str(q, 0);
        r.branchCode = str(q, 1);
        r.version = q.value(2).toInt();
        r.nationalCode = str(q, 3);
        r.method = str(q, 4);
        r.codeHash = str(q, 5);
        r.createdAt = fromIsoUtc(str(q, 6));
        r.expiresAt = fromIsoUtc(str(q, 7));
        r.attempts = q.value(8).toInt();
        r.state = str(q, 9);
        r.updatedAt = fromIsoUtc(str(q, 10));
        out << r;
    }
    q.finish();
    return out;
}
} // namespace

std::optional<RecoveryRecord> findRecovery(Database &db, const QString &id)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT %1 FROM recoveries WHERE id = ?").arg(kRecoveryColumns), {id});
    auto all = readRecoveries(q);
    return all.isEmpty() ? std::nullopt : std::optional(all.first());
}

QList<RecoveryRecord> recoveriesOf(Database &db, const QString &nationalCode, const QDateTime &since)
{
    QSqlQuery &q = run(db,
                       QStringLiteral("SELECT %1 FROM recoveries WHERE national_code = ? AND created_at >= ? "
                                      "ORDER BY created_at, id")
                           .arg(kRecoveryColumns),
                       {nationalCode, isoUtc(since)});
    return readRecoveries(q);
}

// ---- staff --------------------------------------------------------------------------

void insertStaff(Database &db, const StaffRecord &s)
{
    run(db,
        QStringLiteral("INSERT INTO staff (login, role, password_hash, failed_attempts, locked_until, active, "
                       "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)"),
        {s.login, s.role, s.passwordHash, s.failedAttempts, timeOrNull(s.lockedUntil), s.active ? 1 : 0,
         isoUtc(s.createdAt), isoUtc(s.updatedAt)});
}

void updateStaff(Database &db, const StaffRecord &s)
{
    run(db,
        QStringLiteral("UPDATE staff SET role = ?, password_hash = ?, failed_attempts = ?, locked_until = ?, active = "
                       "?, updated_at = ? WHERE login = ?"),
        {s.role, s.passwordHash, s.failedAttempts, timeOrNull(s.lockedUntil), s.active ? 1 : 0, isoUtc(s.updatedAt),
         s.login});
}

std::optional<StaffRecord> findStaff(Database &db, const QString &login)
{
    QSqlQuery &q = run(db,
                       QStringLiteral("SELECT login, role, password_hash, failed_attempts, locked_until, active, "
                                      "created_at, updated_at FROM staff WHERE login = ?"),
                       {login});
    std::optional<StaffRecord> out;
    if (q.next()) {
        StaffRecord s;
        s.login = str(q, 0);
        s.role = str(q, 1);
        s.passwordHash = str(q, 2);
        s.failedAttempts = q.value(3).toInt();
        s.lockedUntil = fromIsoUtc(str(q, 4));
        s.active = q.value(5).toInt() != 0;
        s.createdAt = fromIsoUtc(str(q, 6));
        s.updatedAt = fromIsoUtc(str(q, 7));
        out = s;
    }
    q.finish();
    return out;
}

qint64 staffCount(Database &db)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT count(*) FROM staff"));
    const qint64 n = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

QString sqliteVersion(Database &db)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT sqlite_version()"));
    QString v = q.next() ? str(q, 0) : QString();
    q.finish();
    return v;
}

// ---- audit --------------------------------------------------------------------------

namespace
{
security::AuditEntryData chainData(const AuditRecord &a)
{
    return {a.seq, a.id, a.branchCode, isoUtc(a.at), a.actor, a.action, a.nationalCode, a.details};
}

QList<AuditRecord> readAudit(QSqlQuery &q)
{
    QList<AuditRecord> out;
    while (q.next()) {
        AuditRecord a;
        a.seq = q.value(0).toLongLong();
        a.id = str(q, 1);
        a.branchCode = str(q, 2);
        a.at = fromIsoUtc(str(q, 3));
        a.actor = str(q, 4);
        a.action = str(q, 5);
        a.nationalCode = str(q, 6);
        a.details = str(q, 7);
        a.prevHash = str(q, 8);
        a.hash = str(q, 9);
        out << a;
    }
    q.finish();
    return out;
}
const QString kAuditColumns =
    QStringLiteral("seq, id, branch_code, at, actor, action, national_code, details, prev_hash, hash");
} // namespace

AuditRecord appendAudit(Database &db, AuditRecord entry)
{
    QSqlQuery &last = run(db, QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    qint64 lastSeq = 0;
    QString prev = security::genesisHash();
    if (last.next()) {
        lastSeq = last.value(0).toLongLong();
        prev = str(last, 1);
    }
    last.finish();
    entry.seq = lastSeq + 1;
    entry.prevHash = prev;
    entry.hash = security::chainHash(prev, chainData(entry));
    run(db, QStringLiteral("INSERT INTO audit_log (%1) VALUES (?,?,?,?,?,?,?,?,?,?)").arg(kAuditColumns),
        {entry.seq, entry.id, entry.branchCode, isoUtc(entry.at), entry.actor, entry.action, entry.nationalCode,
         entry.details, entry.prevHash, entry.hash});
    // The anchor lets `audit verify` notice a truncated tail, not only edits inside the chain.
    setMetaValue(db, QStringLiteral("audit_last_seq"), QString::number(entry.seq));
    setMetaValue(db, QStringLiteral("audit_last_hash"), entry.hash);
    return entry;
}

QList<AuditRecord> auditLog(Database &db)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT %1 FROM audit_log ORDER BY seq").arg(kAuditColumns));
    return readAudit(q);
}

QList<AuditRecord> auditOf(Database &db, const QString &nationalCode)
{
    QSqlQuery &q =
        run(db, QStringLiteral("SELECT %1 FROM audit_log WHERE national_code = ? ORDER BY seq").arg(kAuditColumns),
            {nationalCode});
    return readAudit(q);
}

// ---- outbox -------------------------------------------------------------------------

void appendOutbox(Database &db, const QString &table, const QString &rowId, int baseVersion, int newVersion,
                  const QJsonObject &payload, const QDateTime &now)
{
    run(db,
        QStringLiteral("INSERT INTO outbox (id, table_name, row_id, base_version, new_version, payload, created_at) "
                       "VALUES (?,?,?,?,?,?,?)"),
        {security::newUuid(), table, rowId, baseVersion, newVersion,
         QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), isoUtc(now)});
}

QStringList accountNationalCodes(Database &db, int limit)
{
    QSqlQuery &q =
        run(db, QStringLiteral("SELECT national_code FROM accounts ORDER BY national_code LIMIT ?"), {limit});
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    q.finish();
    return out;
}

qint64 outboxCount(Database &db)
{
    QSqlQuery &q = run(db, QStringLiteral("SELECT count(*) FROM outbox"));
    const qint64 n = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

// ---- applicants ---------------------------------------------------------------------

// A person's current request is their newest one that was not superseded (as in
// findCurrentRequest); searches list only current requests, so that a person who registered
// again after a decision appears once, with the status they have now. The mobile shown is
// the account's when there is one (it may have been changed at the counter since).
#define BRANCH_ONLY_CURRENT_REQUEST                                                                                    \
    " AND NOT EXISTS (SELECT 1 FROM requests n WHERE n.national_code = r.national_code "                               \
    "AND n.status <> 'superseded' AND (n.submitted_at, n.rid) > (r.submitted_at, r.rid))"
#define BRANCH_APPLICANT_COLUMNS                                                                                       \
    "SELECT r.national_code, r.first_name, r.last_name, coalesce(nullif(a.mobile, ''), r.mobile), r.status "
#define BRANCH_APPLICANT_ACCOUNT " LEFT JOIN accounts a ON a.national_code = r.national_code "

const char *const kApplicantByCodeSql = BRANCH_APPLICANT_COLUMNS
    "FROM requests r" BRANCH_APPLICANT_ACCOUNT
    "WHERE r.national_code = ? AND r.status <> 'superseded' ORDER BY r.submitted_at DESC, r.rid DESC LIMIT 1";

const char *const kApplicantsByNameSql = BRANCH_APPLICANT_COLUMNS
    "FROM request_names f JOIN requests r ON r.rid = f.rowid" BRANCH_APPLICANT_ACCOUNT
    "WHERE request_names MATCH ? AND r.status <> 'superseded'" BRANCH_ONLY_CURRENT_REQUEST " LIMIT ?";

std::optional<ApplicantRow> applicantByNationalCode(Database &db, const QString &nationalCode)
{
    QSqlQuery &q = run(db, QString::fromLatin1(kApplicantByCodeSql), {nationalCode});
    auto rows = readApplicants(q);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

// Whoever holds the number now: on their current request, or on their account.
const char *const kApplicantsByMobileSql = BRANCH_APPLICANT_COLUMNS
    "FROM requests r" BRANCH_APPLICANT_ACCOUNT
    "WHERE r.national_code IN (SELECT national_code FROM requests WHERE mobile = ? "
    "UNION SELECT national_code FROM accounts WHERE mobile = ?) "
    "AND r.status <> 'superseded'" BRANCH_ONLY_CURRENT_REQUEST " AND coalesce(nullif(a.mobile, ''), r.mobile) = ? "
    "ORDER BY r.submitted_at DESC, r.rid DESC LIMIT ?";

// Digit prefixes as index ranges: [digits, digits + ':') holds every string of digits that
// starts with them (':' follows '9' in ASCII). Only current requests, each person once.
const char *const kApplicantsByDigitsPrefixSql = BRANCH_APPLICANT_COLUMNS
    "FROM requests r" BRANCH_APPLICANT_ACCOUNT
    "WHERE ((r.national_code >= ? AND r.national_code < ?) OR (r.mobile >= ? AND r.mobile < ?)) "
    "AND r.status <> 'superseded'" BRANCH_ONLY_CURRENT_REQUEST " AND (? = '' OR r.status = ?) LIMIT ?";

QList<ApplicantRow> applicantsByDigitsPrefix(Database &db, const QString &digits, const QString &status, int limit)
{
    const QString end = digits + QLatin1Char(':');
    QSqlQuery &q =
        run(db, QString::fromLatin1(kApplicantsByDigitsPrefixSql), {digits, end, digits, end, status, status, limit});
    return readApplicants(q);
}

QList<ApplicantRow> applicantsByMobile(Database &db, const QString &mobile, int limit)
{
    QSqlQuery &q = run(db, QString::fromLatin1(kApplicantsByMobileSql), {mobile, mobile, mobile, limit});
    return readApplicants(q);
}
#undef BRANCH_ONLY_CURRENT_REQUEST
#undef BRANCH_APPLICANT_COLUMNS
#undef BRANCH_APPLICANT_ACCOUNT

QList<ApplicantRow> applicantsByName(Database &db, const QString &text, int limit)
{
    const QString match = nameMatchQuery(text);
    if (match.isEmpty())
        return {};
    QSqlQuery &q = run(db, QString::fromLatin1(kApplicantsByNameSql), {match, limit});
    return readApplicants(q);
}

// The searches with a status filter. Each is its unfiltered statement (kept as it is: the
// benchmark compares kApplicantsByNameSql and kApplicantByCodeSql with raw SQLite) with the
// status condition added, so that the two cannot drift apart.
namespace
{
// "... WHERE ... [ORDER BY ...] LIMIT ?" → "... WHERE ... AND r.status = ? [ORDER BY ...] LIMIT ?"
QString withStatusCondition(const char *sql)
{
    const QString s = QString::fromLatin1(sql);
    qsizetype at = s.lastIndexOf(QLatin1String(" ORDER BY "));
    if (at < 0)
        at = s.lastIndexOf(QLatin1String(" LIMIT "));
    Q_ASSERT(at > 0);
    return s.left(at) + QLatin1String(" AND r.status = ?") + s.mid(at);
}
} // namespace

std::optional<ApplicantRow> applicantByNationalCode(Database &db, const QString &nationalCode, const QString &status)
{
    // The person's current request, kept only when it has that status (an older request
    // with that status does not count).
    static const QString sql =
        QStringLiteral("SELECT * FROM (%1) WHERE status = ?").arg(QString::fromLatin1(kApplicantByCodeSql));
    QSqlQuery &q = run(db, sql, {nationalCode, status});
    auto rows = readApplicants(q);
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

QList<ApplicantRow> applicantsByMobile(Database &db, const QString &mobile, const QString &status, int limit)
{
    static const QString sql = withStatusCondition(kApplicantsByMobileSql);
    QSqlQuery &q = run(db, sql, {mobile, mobile, mobile, status, limit});
    return readApplicants(q);
}

QList<ApplicantRow> applicantsByName(Database &db, const QString &text, const QString &status, int limit)
{
    const QString match = nameMatchQuery(text);
    if (match.isEmpty())
        return {};
    static const QString sql = withStatusCondition(kApplicantsByNameSql);
    QSqlQuery &q = run(db, sql, {match, status, limit});
    return readApplicants(q);
}

} // namespace branch::db
