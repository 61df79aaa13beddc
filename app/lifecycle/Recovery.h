// Password recovery (the seed's second half): a 6-digit SMS code valid 20 minutes, or
// the registered security questions; then a new password under the registration rules.
#pragma once

#include "Service.h"

#include "app/core/SecurityQuestions.h"

namespace branch
{

constexpr int kRecoveryCodeDigits = 6;
constexpr int kRecoveryCodeMinutes = 20;
constexpr int kRecoveryMaxAttempts = 5;
// At most this many recoveries may be started for one username within the window.
constexpr int kRecoveryMaxStartsPerWindow = 10;
constexpr int kRecoveryStartWindowMinutes = 60;

struct RecoveryStart {
    QString recoveryId, method;
    QDateTime expiresAt;       // sms only
    QList<Question> questions; // questions only: the registered ones, in order
};

Outcome<RecoveryStart> startRecovery(Context &ctx, const QString &nationalCode, const QString &method,
                                     const QDateTime &now, const QString &actor = QStringLiteral("portal"));
Outcome<bool> verifyRecoveryCode(Context &ctx, const QString &recoveryId, QString code, const QDateTime &now);
Outcome<bool> verifyRecoveryAnswers(Context &ctx, const QString &recoveryId, QList<QuestionAnswer> answers,
                                    const QDateTime &now);
Outcome<bool> resetRecoveredPassword(Context &ctx, const QString &recoveryId, QString password, QString passwordConfirm,
                                     const QDateTime &now);

} // namespace branch
