// Password recovery by SMS code or security questions.
#include "Recovery.h"

#include "Lifecycle.h"
#include "SmsTexts.h"

#include "app/core/Digits.h"
#include "app/core/NationalCode.h"
#include "app/core/PasswordPolicy.h"
#include "app/core/PersianText.h"
#include "app/security/Random.h"
#include "app/security/SecretHash.h"
#include "db/AccountRepository.h"
#include "db/SmsRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace branch
{

namespace
{

const QString kField = QStringLiteral("recovery");

Failure recoveryFailure(const char *code, const QString &message)
{
    return Failure::rule(kField, QStringLiteral("recovery.") + QLatin1String(code), message);
}

Failure unknownUser()
{
    return Failure::notFound(kField, QStringLiteral("recovery.unknown_user"),
                             Services::tr("No active account was found for this username (national code)."));
}

struct StoredAnswer {
    QString questionId, hash;
};

QList<StoredAnswer> storedAnswers(const QString &json)
{
    QList<StoredAnswer> out;
    const auto arr = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &v : arr) {
        const auto o = v.toObject();
        out << StoredAnswer{o.value(QStringLiteral("question_id")).toString(),
                            o.value(QStringLiteral("answer_hash")).toString()};
    }
    return out;
}

void saveRecovery(Context &ctx, db::RecoveryRecord &r, const QDateTime &now, const QString &actor,
                  const QString &action, QJsonObject details = {})
{
    const int base = r.version;
    r.version += 1;
    r.updatedAt = now;
    db::updateRecovery(ctx.db, r);
    details.insert(QStringLiteral("recovery_id"), r.id);
    recordChange(ctx, QStringLiteral("recoveries"), r.id, base, r.version, r.toJson(),
                 {actor, action, r.nationalCode, details}, now);
}

// Loads a recovery and refuses the states in which nothing more may happen.
Outcome<db::RecoveryRecord> usableRecovery(Context &ctx, const QString &id)
{
    auto r = db::findRecovery(ctx.db, id);
    if (!r)
        return Failure::notFound(kField, QStringLiteral("recovery.not_found"),
                                 Services::tr("No password recovery with this id was found."));
    if (r->state == QLatin1String("used"))
        return recoveryFailure("used",
                               Services::tr("This recovery was already used to set a new password. Start again."));
    if (r->state == QLatin1String("superseded"))
        return recoveryFailure("superseded",
                               Services::tr("A newer recovery was started for this username; use the newest code "
                                            "or questions."));
    if (r->state == QLatin1String("locked"))
        return recoveryFailure("locked",
                               Services::tr("Too many wrong tries: this recovery is locked. Start a new recovery, "
                                            "or recover the password at the nearest branch."));
    return *r;
}

// The person's wrong codes and answers in a row: every try of the recoveries started since
// their account last changed (a password set by a recovery or at a counter, new questions,
// a counter action). A right code that sets no password ends nothing: the run goes on
// until the account changes.
int consecutiveFailures(Context &ctx, const QString &nationalCode, const QDateTime &accountChangedAt)
{
    int n = 0;
    for (const auto &r : db::recoveriesOf(ctx.db, nationalCode, accountChangedAt))
        n += r.attempts;
    return n;
}

// A verified recovery is good for kRecoveryVerifiedMinutes after its verification (its
// last change: nothing changes a verified recovery but its use or its supersession).
std::optional<Failure> verificationExpired(const db::RecoveryRecord &r, const QDateTime &now)
{
    if (now <= r.updatedAt.addSecs(kRecoveryVerifiedMinutes * 60))
        return std::nullopt;
    return recoveryFailure("verification_expired",
                           Services::tr("More than 10 minutes have passed since the code or the answers were "
                                        "verified. Start a new recovery."));
}

Failure branchOnly()
{
    return recoveryFailure("branch_only",
                           Services::tr("Too many wrong codes or answers were given for this username, so the "
                                        "password can no longer be recovered online. Recover it at a branch, with "
                                        "the identity documents."));
}

// A wrong try: counted, and the recovery locks at the fifth, or sooner when the person's
// wrong tries in a row reach kRecoveryMaxConsecutiveFailures (then only the branch route).
Failure wrongTry(Context &ctx, db::RecoveryRecord &r, const QDateTime &now, const QString &actor, const char *code,
                 const QString &message)
{
    r.attempts += 1;
    int left = qMax(0, kRecoveryMaxAttempts - r.attempts);
    const auto account = db::findAccount(ctx.db, r.nationalCode);
    const int inARow = account ? consecutiveFailures(ctx, r.nationalCode, account->updatedAt) + 1 : 0;
    const bool closed = inARow >= kRecoveryMaxConsecutiveFailures;
    if (closed)
        left = 0;
    if (left == 0)
        r.state = QStringLiteral("locked");
    saveRecovery(ctx, r, now, actor,
                 left == 0 ? QStringLiteral("recovery.locked") : QStringLiteral("recovery.wrong_try"),
                 {{QStringLiteral("attempts"), r.attempts}});
    Failure f = closed ? branchOnly() : recoveryFailure(code, message);
    f.extra.insert(QStringLiteral("attempts_left"), left);
    return f;
}

} // namespace

void supersedeOpenRecoveries(Context &ctx, const QString &nationalCode, const QDateTime &now, const QString &actor)
{
    for (auto older : db::recoveriesOf(ctx.db, nationalCode, QDateTime::fromSecsSinceEpoch(0, Qt::UTC))) {
        if (older.state == QLatin1String("pending") || older.state == QLatin1String("verified")) {
            older.state = QStringLiteral("superseded");
            saveRecovery(ctx, older, now, actor, QStringLiteral("recovery.superseded"));
        }
    }
}

namespace
{

struct StartChecks {
    db::AccountRecord account;
    QList<StoredAnswer> answers;
};

// Every refusal of a start, in the caller's transaction. The refused start of a person whose
// online recovery is closed is audited (the caller commits refusals).
Outcome<StartChecks> checkStart(Context &ctx, const QString &nationalCode, const QString &method, const QDateTime &now,
                                const QString &actor)
{
    auto account = db::findAccount(ctx.db, nationalCode);
    if (!account)
        return unknownUser();
    if (consecutiveFailures(ctx, nationalCode, account->updatedAt) >= kRecoveryMaxConsecutiveFailures) {
        recordAudit(ctx,
                    {actor,
                     QStringLiteral("recovery.refused"),
                     nationalCode,
                     {{QStringLiteral("reason"), QStringLiteral("branch_only")}, {QStringLiteral("method"), method}}},
                    now);
        return branchOnly();
    }
    // Each recovery allows kRecoveryMaxAttempts tries; without a limit on starts, and
    // with older recoveries left open, the tries would be unlimited.
    const auto recent = db::recoveriesOf(ctx.db, nationalCode, now.addSecs(-kRecoveryStartWindowMinutes * 60));
    if (recent.size() >= kRecoveryMaxStartsPerWindow)
        return recoveryFailure("too_many",
                               Services::tr("Too many password recoveries were started for this username. Try "
                                            "again in an hour, or recover the password at the nearest branch."));
    if (method == QLatin1String("sms") && account->mobile.isEmpty())
        return Failure::rule(kField, QStringLiteral("recovery.no_mobile"),
                             Services::tr("No mobile number was found for this username."));
    StartChecks out{*account, storedAnswers(account->questionsJson)};
    if (method == QLatin1String("questions") && out.answers.isEmpty())
        return Failure::rule(kField, QStringLiteral("recovery.no_questions"),
                             Services::tr("No security questions are registered for this username, so recovery "
                                          "by security questions is not possible. Use the SMS code or visit the "
                                          "nearest branch."));
    return out;
}

// The new recovery (for sms, the code's hash only), in the caller's transaction; older ones
// of the person stop working.
RecoveryStart writeRecovery(Context &ctx, const QString &nationalCode, const QString &method,
                            const QList<StoredAnswer> &answers, const QString &codeHash, const QDateTime &now,
                            const QString &actor)
{
    supersedeOpenRecoveries(ctx, nationalCode, now, actor);
    RecoveryStart start;
    db::RecoveryRecord r;
    r.id = security::newUuidV4(); // the id is what the person holds: no time in it
    r.branchCode = ctx.branchCode;
    r.nationalCode = nationalCode;
    r.method = method;
    r.createdAt = now;
    r.updatedAt = now;
    if (method == QLatin1String("sms")) {
        r.codeHash = codeHash;
        r.expiresAt = now.addSecs(kRecoveryCodeMinutes * 60);
        start.expiresAt = r.expiresAt;
    } else {
        for (const auto &a : answers)
            start.questions << Question{a.questionId, questionText(a.questionId)};
    }
    db::insertRecovery(ctx.db, r);
    recordChange(ctx, QStringLiteral("recoveries"), r.id, 0, r.version, r.toJson(),
                 {actor,
                  QStringLiteral("recovery.start"),
                  nationalCode,
                  {{QStringLiteral("method"), method}, {QStringLiteral("recovery_id"), r.id}}},
                 now);
    start.recoveryId = r.id;
    start.method = method;
    return start;
}

} // namespace

Failure smsUnavailable()
{
    Failure f{Failure::Kind::Environment,
              {Violation{kField, QStringLiteral("recovery.sms_unavailable"),
                         Services::tr("The SMS could not be sent (no SMS gateway is set up, or it did not answer). "
                                      "Continue with the security questions or the identity documents.")}},
              {}};
    return f;
}

Outcome<RecoveryStart> startRecovery(Context &ctx, const QString &nationalCodeInput, const QString &method,
                                     const QDateTime &now, SmsSender *sender, const QString &actor)
{
    if (method != QLatin1String("sms") && method != QLatin1String("questions"))
        return Failure::rule(kField, QStringLiteral("recovery.method"),
                             Services::tr("The recovery method must be sms or questions."));
    QString nationalCode;
    if (!checkNationalCode(nationalCodeInput, &nationalCode).isEmpty())
        return unknownUser();
    // Refusals commit: the refused start of a person whose online recovery is closed stays in
    // the audit log. Nothing else is written before the last refusal.
    if (method == QLatin1String("questions"))
        return inTransactionKeepingFailures<RecoveryStart>(ctx, [&]() -> Outcome<RecoveryStart> {
            auto checked = checkStart(ctx, nationalCode, method, now, actor);
            if (!checked.ok())
                return checked.failure;
            return writeRecovery(ctx, nationalCode, method, checked.value->answers, {}, now, actor);
        });

    auto checked = inTransactionKeepingFailures<StartChecks>(
        ctx, [&]() -> Outcome<StartChecks> { return checkStart(ctx, nationalCode, method, now, actor); });
    if (!checked.ok())
        return checked.failure;
    // The code exists only here, in memory, until the gateway has it: it is sent before
    // anything is written, with no transaction open, and never stored (only its hash).
    db::SmsRecord message;
    message.id = security::newUuid(); // the gateway's idempotency key
    message.branchCode = ctx.branchCode;
    message.nationalCode = nationalCode;
    message.mobile = checked.value->account.mobile;
    message.kind = QStringLiteral("recovery_code");
    message.createdAt = now;
    QString code = security::randomDigits(kRecoveryCodeDigits);
    const QString codeHash = security::hashSecret(code);
    message.text = sms::recoveryCode(code);
    security::wipe(code);
    Outcome<QString> sent = sender ? sender->send(message) : Outcome<QString>(smsUnavailable());
    security::wipe(message.text);
    message.text = QString(); // what the row keeps: its kind says what it was
    if (!sent.ok()) {
        // Audited, without the code or the number: nothing else is kept.
        QJsonObject details{{QStringLiteral("method"), method}};
        const QString reason = sent.failure.extra.value(QStringLiteral("reason")).toString();
        if (!reason.isEmpty())
            details.insert(QStringLiteral("reason"), reason);
        const auto audited = inTransaction<bool>(ctx, [&]() -> Outcome<bool> {
            recordAudit(ctx, {actor, QStringLiteral("recovery.sms_unavailable"), nationalCode, details}, now);
            return true;
        });
        return audited.ok() ? sent.failure : audited.failure;
    }
    message.status = QStringLiteral("sent");
    message.sentAt = now;
    message.attempts = 1;
    message.gatewayId = sent.value->left(200);
    return inTransactionKeepingFailures<RecoveryStart>(ctx, [&]() -> Outcome<RecoveryStart> {
        // Again under the write lock: another start or a counter action may have come in
        // while the gateway answered.
        auto again = checkStart(ctx, nationalCode, method, now, actor);
        if (!again.ok())
            return again.failure;
        if (again.value->account.mobile != message.mobile)
            return smsUnavailable(); // the code went to a number the account no longer has
        auto start = writeRecovery(ctx, nationalCode, method, {}, codeHash, now, actor);
        // The SMS's row stays at the branch (no outbox row): the list shows a hidden code.
        db::insertSms(ctx.db, message);
        db::updateSmsDelivery(ctx.db, message);
        recordAudit(ctx,
                    {actor,
                     QStringLiteral("sms.sent"),
                     nationalCode,
                     {{QStringLiteral("sms_id"), message.id}, {QStringLiteral("kind"), message.kind}}},
                    now);
        return start;
    });
}

Outcome<bool> verifyRecoveryCode(Context &ctx, const QString &recoveryId, QString code, const QDateTime &now,
                                 const QString &actor)
{
    auto out = inTransactionKeepingFailures<bool>(ctx, [&]() -> Outcome<bool> {
        auto r = usableRecovery(ctx, recoveryId);
        if (!r.ok())
            return r.failure;
        db::RecoveryRecord &rec = *r.value;
        if (rec.method != QLatin1String("sms"))
            return recoveryFailure("method", Services::tr("This recovery uses security questions, not an SMS code."));
        if (now > rec.expiresAt)
            return recoveryFailure("code_expired",
                                   Services::tr("The code has expired (it is valid for 20 minutes after it was made). "
                                                "Request a new code."));
        const QString typed = normalizeDigits(code).trimmed();
        if (!security::verifySecret(typed, rec.codeHash))
            return wrongTry(ctx, rec, now, actor, "code_wrong", Services::tr("The code is wrong."));
        if (rec.state != QLatin1String("verified")) {
            rec.state = QStringLiteral("verified");
            saveRecovery(ctx, rec, now, actor, QStringLiteral("recovery.verified"));
        }
        return true;
    });
    security::wipe(code);
    return out;
}

Outcome<bool> verifyRecoveryAnswers(Context &ctx, const QString &recoveryId, QList<QuestionAnswer> answers,
                                    const QDateTime &now, const QString &actor)
{
    auto out = inTransactionKeepingFailures<bool>(ctx, [&]() -> Outcome<bool> {
        auto r = usableRecovery(ctx, recoveryId);
        if (!r.ok())
            return r.failure;
        db::RecoveryRecord &rec = *r.value;
        if (rec.method != QLatin1String("questions"))
            return recoveryFailure("method", Services::tr("This recovery uses an SMS code, not security questions."));
        auto account = db::findAccount(ctx.db, rec.nationalCode);
        if (!account)
            return unknownUser();
        const auto stored = storedAnswers(account->questionsJson);
        bool allRight = !stored.isEmpty();
        for (const auto &s : stored) {
            bool found = false;
            for (const auto &a : answers) {
                if (a.questionId != s.questionId)
                    continue;
                QString norm = normalizeAnswer(a.answer);
                found = security::verifySecret(norm, s.hash);
                security::wipe(norm);
                break;
            }
            allRight = allRight && found;
        }
        if (!allRight)
            return wrongTry(ctx, rec, now, actor, "answers_wrong",
                            Services::tr("The answers to the security questions are wrong."));
        if (rec.state != QLatin1String("verified")) {
            rec.state = QStringLiteral("verified");
            saveRecovery(ctx, rec, now, actor, QStringLiteral("recovery.verified"));
        }
        return true;
    });
    for (auto &a : answers)
        security::wipe(a.answer);
    return out;
}

Outcome<bool> resetRecoveredPassword(Context &ctx, const QString &recoveryId, QString password, QString passwordConfirm,
                                     const QDateTime &now, const QString &actor)
{
    auto wipeBoth = [&] {
        security::wipe(password);
        security::wipe(passwordConfirm);
    };
    std::optional<db::RecoveryRecord> rec;
    std::optional<db::AccountRecord> account;
    try {
        auto r = usableRecovery(ctx, recoveryId);
        if (!r.ok()) {
            wipeBoth();
            return r.failure;
        }
        rec = r.value;
        if (rec->state != QLatin1String("verified")) {
            wipeBoth();
            return recoveryFailure("not_verified", Services::tr("Verify the SMS code or the security answers first."));
        }
        if (auto expired = verificationExpired(*rec, now)) {
            wipeBoth();
            return *expired;
        }
        account = db::findAccount(ctx.db, rec->nationalCode);
        if (!account) {
            wipeBoth();
            return unknownUser();
        }
    } catch (const db::DbException &e) {
        wipeBoth();
        return Failure::environment(e.error());
    }
    const Violations errors = checkPassword(
        password, passwordConfirm, PasswordContext{account->firstName, account->lastName, account->nationalCode});
    if (!errors.isEmpty()) {
        wipeBoth();
        return Failure{Failure::Kind::Rule, errors, {}};
    }
    const QString hash = security::hashSecret(password);
    wipeBoth();
    return inTransaction<bool>(ctx, [&]() -> Outcome<bool> {
        auto r = usableRecovery(ctx, recoveryId); // re-read under the lock: a recovery id works once
        if (!r.ok())
            return r.failure;
        db::RecoveryRecord &fresh = *r.value;
        if (fresh.state != QLatin1String("verified"))
            return recoveryFailure("not_verified", Services::tr("Verify the SMS code or the security answers first."));
        if (auto expired = verificationExpired(fresh, now))
            return *expired;
        auto acc = db::findAccount(ctx.db, fresh.nationalCode);
        if (!acc)
            return unknownUser();
        const int base = acc->version;
        acc->version += 1;
        acc->passwordHash = hash;
        acc->updatedAt = now;
        acc->updatedBy = actor;
        db::updateAccount(ctx.db, *acc);
        recordChange(ctx, QStringLiteral("accounts"), acc->id, base, acc->version, acc->toJson(),
                     {actor,
                      QStringLiteral("account.password_recovered"),
                      acc->nationalCode,
                      {{QStringLiteral("recovery_id"), fresh.id}}},
                     now);
        fresh.state = QStringLiteral("used");
        saveRecovery(ctx, fresh, now, actor, QStringLiteral("recovery.used"));
        // The person hears of every password change: a recovery nobody asked for is noticed.
        queueNotice(ctx, *acc, QStringLiteral("password_reset"),
                    sms::passwordReset(acc->gender, acc->firstName, acc->lastName), now, actor);
        return true;
    });
}

// --- At the branch ---------------------------------------------------------------

namespace
{
// The desk's form of a recovery step: the staff member must still be allowed counter
// actions (checked before anything about the person is read) and is the audit's actor.
template <class T, class F>
Outcome<T> asStaff(Context &ctx, const StaffSession &staff, F &&step)
{
    auto member = sessionStaff(ctx, staff, StaffPermission::CounterActions);
    if (!member.ok())
        return member.failure;
    return step(member.value->login);
}
} // namespace

Outcome<RecoveryStart> startRecoveryAtCounter(Context &ctx, const QString &nationalCode, const QString &method,
                                              const StaffSession &staff, const QDateTime &now, SmsSender *sender)
{
    return asStaff<RecoveryStart>(
        ctx, staff, [&](const QString &actor) { return startRecovery(ctx, nationalCode, method, now, sender, actor); });
}

Outcome<bool> verifyRecoveryCodeAtCounter(Context &ctx, const QString &recoveryId, QString code,
                                          const StaffSession &staff, const QDateTime &now)
{
    auto out = asStaff<bool>(ctx, staff, [&](const QString &actor) {
        return verifyRecoveryCode(ctx, recoveryId, std::move(code), now, actor);
    });
    security::wipe(code);
    return out;
}

Outcome<bool> verifyRecoveryAnswersAtCounter(Context &ctx, const QString &recoveryId, QList<QuestionAnswer> answers,
                                             const StaffSession &staff, const QDateTime &now)
{
    auto out = asStaff<bool>(ctx, staff, [&](const QString &actor) {
        return verifyRecoveryAnswers(ctx, recoveryId, std::move(answers), now, actor);
    });
    for (auto &a : answers)
        security::wipe(a.answer);
    return out;
}

Outcome<bool> resetRecoveredPasswordAtCounter(Context &ctx, const QString &recoveryId, QString password,
                                              QString passwordConfirm, const StaffSession &staff, const QDateTime &now)
{
    auto out = asStaff<bool>(ctx, staff, [&](const QString &actor) {
        return resetRecoveredPassword(ctx, recoveryId, std::move(password), std::move(passwordConfirm), now, actor);
    });
    security::wipe(password);
    security::wipe(passwordConfirm);
    return out;
}

} // namespace branch
