// SMS messages of the branch database and their delivery bookkeeping. Functions throw
// DbException on a storage failure; the caller owns the transaction.
#pragma once

#include "db/Database.h"
#include "db/Records.h"

#include <QList>
#include <optional>

namespace branch::db
{

void insertSms(Database &db, const SmsRecord &s);
QList<SmsRecord> listSms(Database &db, const QString &nationalCode = {});
QList<SmsRecord> listSmsWithStatus(Database &db, const QString &status); // oldest first
std::optional<SmsRecord> findSms(Database &db, const QString &id);
// Messages a delivery run may take, oldest first: queued ones whose backoff is over, and
// "sending" ones whose claim's lease ran out (a killed run left them).
QList<SmsRecord> smsDue(Database &db, const QDateTime &now, int limit);
// Status, text, version and the delivery bookkeeping, by id.
void updateSmsDelivery(Database &db, const SmsRecord &s);
// Replaces the text inside this message's outbox payloads not yet pushed (a wiped recovery
// code must not leave the branch later through the outbox).
void wipeSmsTextInOutbox(Database &db, const QString &smsId, const QString &text);

} // namespace branch::db
