// Password recovery (the seed's second half): a 6-digit SMS code valid 20 minutes, or
// the registered security questions; then a new password under the registration rules.
#pragma once

#include "Service.h"
#include "Staff.h"

#include "app/core/SecurityQuestions.h"

namespace branch
{

constexpr int kRecoveryCodeDigits = 6;
constexpr int kRecoveryCodeMinutes = 20;
constexpr int kRecoveryMaxAttempts = 5;
// At most this many recoveries may be started for one username within the window.
constexpr int kRecoveryMaxStartsPerWindow = 10;
constexpr int kRecoveryStartWindowMinutes = 60;
// A verified recovery sets the new password within this many minutes of its verification,
// and once (NIST SP 800-63B 5.1.3: a recovery secret is short-lived and used once).
constexpr int kRecoveryVerifiedMinutes = 10;
// A person's wrong codes and answers in a row, across recoveries (counted since the account
// last changed: a recovery that set a password, a counter action, an activation). At this
// many, recovery online closes for that person: only the branch route (documents seen at a
// counter) is left, and each refused start is audited (NIST SP 800-63B 5.2.2).
constexpr int kRecoveryMaxConsecutiveFailures = 20;

// Sends a recovery code's SMS at once, while the code is made: the code never waits in the
// SMS queue, the outbox or the central database, and only its hash is kept. The desk and
// branchctl send through the HTTP gateway (GatewaySmsSender, app/sync/SmsGateway.h).
class SmsSender
{
public:
    virtual ~SmsSender() = default;
    // One attempt to hand `message` (its id is the idempotency key) to the gateway; the
    // gateway's id for it on success. Any failure is smsUnavailable().
    virtual Outcome<QString> send(const db::SmsRecord &message) = 0;
};

// recovery.sms_unavailable (Kind::Environment, branchctl exit 3): no gateway is set up, or it
// did not take the message. The clerk goes on with the questions or the documents.
Failure smsUnavailable();

struct RecoveryStart {
    QString recoveryId, method;
    QDateTime expiresAt;       // sms only
    QList<Question> questions; // questions only: the registered ones, in order
};

// The portal's steps. `actor` is who the audit log names: "portal" online, the staff
// member's login when the desk drives them (the *AtCounter forms below).
// The sms method sends the code through `sender` (none: recovery.sms_unavailable) after every
// refusal check and outside any transaction (a slow gateway holds no lock); only when the
// gateway took it are the recovery (the code's hash) and the SMS's row (sent, its text empty,
// local to the branch) written. A failed send writes only its audit entry.
Outcome<RecoveryStart> startRecovery(Context &ctx, const QString &nationalCode, const QString &method,
                                     const QDateTime &now, SmsSender *sender = nullptr,
                                     const QString &actor = QStringLiteral("portal"));
Outcome<bool> verifyRecoveryCode(Context &ctx, const QString &recoveryId, QString code, const QDateTime &now,
                                 const QString &actor = QStringLiteral("portal"));
Outcome<bool> verifyRecoveryAnswers(Context &ctx, const QString &recoveryId, QList<QuestionAnswer> answers,
                                    const QDateTime &now, const QString &actor = QStringLiteral("portal"));
Outcome<bool> resetRecoveredPassword(Context &ctx, const QString &recoveryId, QString password, QString passwordConfirm,
                                     const QDateTime &now, const QString &actor = QStringLiteral("portal"));

// Marks this person's recoveries still pending or verified as superseded (audited), so
// that an older code or verification stops working. Call inside a transaction.
void supersedeOpenRecoveries(Context &ctx, const QString &nationalCode, const QDateTime &now, const QString &actor);

// The same online methods driven from the desk for a person at the counter: the person
// reads the SMS code from their phone or answers their questions, then types the new
// password. The same rules, limits and records as online; the signed-in staff member must
// be allowed counter actions and is the audit's actor. (When neither method works, the
// recovery after a document check is recoverAtCounter, in Counter.h.)
Outcome<RecoveryStart> startRecoveryAtCounter(Context &ctx, const QString &nationalCode, const QString &method,
                                              const StaffSession &staff, const QDateTime &now,
                                              SmsSender *sender = nullptr);
Outcome<bool> verifyRecoveryCodeAtCounter(Context &ctx, const QString &recoveryId, QString code,
                                          const StaffSession &staff, const QDateTime &now);
Outcome<bool> verifyRecoveryAnswersAtCounter(Context &ctx, const QString &recoveryId, QList<QuestionAnswer> answers,
                                             const StaffSession &staff, const QDateTime &now);
Outcome<bool> resetRecoveredPasswordAtCounter(Context &ctx, const QString &recoveryId, QString password,
                                              QString passwordConfirm, const StaffSession &staff, const QDateTime &now);

} // namespace branch
