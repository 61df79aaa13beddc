// SMS messages (see SmsRepository.h).
#include "SmsRepository.h"

#include "RowReading.h"

namespace branch::db
{

namespace
{

const TableColumns<SmsRecord> &smsColumns()
{
    using S = SmsRecord;
    static const TableColumns<S> columns = {{"id", &S::id},
                                            {"branch_code", &S::branchCode},
                                            {"version", &S::version},
                                            {"national_code", &S::nationalCode},
                                            {"mobile", &S::mobile},
                                            {"kind", &S::kind},
                                            {"text", &S::text},
                                            {"created_at", &S::createdAt},
                                            {"status", &S::status},
                                            {"sent_at", &S::sentAt},
                                            // the delivery bookkeeping
                                            {"attempts", &S::attempts},
                                            {"next_attempt_at", &S::nextAttemptAt},
                                            {"last_error", &S::lastError},
                                            {"gateway_id", &S::gatewayId}};
    return columns;
}

// The messages "SELECT <smsColumns> FROM sms_messages <condition>" finds.
QList<SmsRecord> selectSms(Database &db, const QString &condition, const QVariantList &values = {})
{
    return readAll(
        runStatement(db, QStringLiteral("SELECT %1 FROM sms_messages %2").arg(smsColumns().list(), condition), values),
        smsColumns());
}

} // namespace

void insertSms(Database &db, const SmsRecord &s)
{
    runStatement(
        db,
        QStringLiteral("INSERT INTO sms_messages (id, branch_code, version, national_code, mobile, kind, text, "
                       "created_at, status, sent_at) VALUES (?,?,?,?,?,?,?,?,?,?)"),
        {s.id, s.branchCode, s.version, s.nationalCode, s.mobile, s.kind, s.text, isoUtc(s.createdAt), s.status,
         timeOrNull(s.sentAt)});
}

QList<SmsRecord> listSms(Database &db, const QString &nationalCode)
{
    return nationalCode.isEmpty()
               ? selectSms(db, QStringLiteral("ORDER BY created_at, id"))
               : selectSms(db, QStringLiteral("WHERE national_code = ? ORDER BY created_at"), {nationalCode});
}

QList<SmsRecord> listSmsWithStatus(Database &db, const QString &status)
{
    return selectSms(db, QStringLiteral("WHERE status = ? ORDER BY created_at, id"), {status});
}

std::optional<SmsRecord> findSms(Database &db, const QString &id)
{
    const auto rows = selectSms(db, QStringLiteral("WHERE id = ?"), {id});
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QList<SmsRecord> smsDue(Database &db, const QDateTime &now, int limit)
{
    return selectSms(db,
                     QStringLiteral("WHERE status IN ('queued', 'sending') AND (next_attempt_at IS NULL OR "
                                    "next_attempt_at <= ?) ORDER BY created_at, id LIMIT ?"),
                     {isoUtc(now), limit});
}

void updateSmsDelivery(Database &db, const SmsRecord &s)
{
    runStatement(db,
                 QStringLiteral("UPDATE sms_messages SET version = ?, text = ?, status = ?, sent_at = ?, attempts = ?, "
                                "next_attempt_at = ?, last_error = ?, gateway_id = ? WHERE id = ?"),
                 {s.version, s.text, s.status, timeOrNull(s.sentAt), s.attempts, timeOrNull(s.nextAttemptAt),
                  s.lastError, textOrNull(s.gatewayId), s.id});
}

void wipeSmsTextInOutbox(Database &db, const QString &smsId, const QString &text)
{
    runStatement(db,
                 QStringLiteral("UPDATE outbox SET payload = json_set(payload, '$.text', ?) WHERE table_name = "
                                "'sms_messages' AND row_id = ?"),
                 {text, smsId});
}

} // namespace branch::db
