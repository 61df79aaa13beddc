// What a clerk does for a person at the counter.
#include "Counter.h"

#include "Lifecycle.h"
#include "Recovery.h"
#include "SmsTexts.h"
#include "Staff.h"
#include "app/core/RequestStatus.h"

#include "app/core/Digits.h"
#include "app/core/Mobile.h"
#include "app/core/NationalCode.h"
#include "app/core/PasswordPolicy.h"
#include "app/core/TrackingCode.h"
#include "app/security/Random.h"
#include "app/security/SecretHash.h"
#include "db/AccountRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"
#include "db/SearchRepository.h"
#include "db/SyncRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

namespace branch
{

namespace
{

Failure noAccount()
{
    return Failure::notFound(QStringLiteral("account"), QStringLiteral("account.not_found"),
                             Services::tr("This person has no active account yet."));
}

// The common frame of an account change at the counter: validate the national code,
// check the staff member (before anything about the person is revealed), let `prepare`
// check and do slow work (hashing) outside the transaction, then one transaction that
// reloads the account and applies `change`.
template <class Prepare, class Change>
Outcome<bool> changeAccount(Context &ctx, const QString &nationalCodeInput, const StaffSession &session,
                            const QDateTime &now, const QString &action, Prepare &&prepare, Change &&change)
{
    QString nationalCode;
    const Violations errors = checkNationalCode(nationalCodeInput, &nationalCode);
    if (!errors.isEmpty())
        return Failure{Failure::Kind::Rule, errors, {}};
    auto staff = sessionStaff(ctx, session, StaffPermission::CounterActions);
    if (!staff.ok())
        return staff.failure;
    try {
        const auto before = db::findAccount(ctx.db, nationalCode);
        if (!before)
            return noAccount();
        if (auto refused = prepare(*before))
            return *refused;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
    return inTransaction<bool>(ctx, [&]() -> Outcome<bool> {
        auto acc = db::findAccount(ctx.db, nationalCode);
        if (!acc)
            return noAccount();
        const int base = acc->version;
        QJsonObject details;
        if (auto refused = change(*acc, details, staff.value->login))
            return *refused;
        acc->version += 1;
        acc->updatedAt = now;
        acc->updatedBy = staff.value->login;
        db::updateAccount(ctx.db, *acc);
        recordChange(ctx, QStringLiteral("accounts"), acc->id, base, acc->version, acc->toJson(),
                     {staff.value->login, action, acc->nationalCode, details}, now);
        return true;
    });
}

const auto noPreparation = [](const db::AccountRecord &) -> std::optional<Failure> { return std::nullopt; };

// classifySearch without the tracking codes: what the text is read as otherwise.
SearchKind classifyPlain(const QString &text, QString *normalized)
{
    const QString t = normalizeDigits(text).trimmed();
    QString out;
    SearchKind kind = SearchKind::Name;
    if (t.isEmpty()) {
        kind = SearchKind::Empty;
    } else if (checkNationalCode(t, &out).isEmpty()) {
        kind = SearchKind::NationalCode;
    } else if (checkMobile(t, &out).isEmpty()) {
        kind = SearchKind::Mobile;
    } else {
        bool hasLetter = false;
        for (const QChar c : t)
            hasLetter = hasLetter || c.isLetter();
        if (!hasLetter) { // digits that are neither yet: the start of a code or a mobile
            out = t;
            out.remove(QRegularExpression(QStringLiteral("[\\s\\-()]")));
            // "+98 912", "0098912": the mobile's 0 form, as stored.
            if (out.startsWith(QLatin1String("+98")))
                out = QLatin1Char('0') + out.mid(3);
            else if (out.startsWith(QLatin1String("0098")))
                out = QLatin1Char('0') + out.mid(4);
            kind = SearchKind::DigitsPrefix;
        } else {
            out = t;
        }
    }
    if (normalized)
        *normalized = out;
    return kind;
}

QList<db::ApplicantRow> searchPlain(Context &ctx, SearchKind kind, const QString &key, const QString &status, int limit)
{
    const bool filtered = !status.isEmpty();
    switch (kind) {
    case SearchKind::Empty:
    case SearchKind::TrackingCode:
        return {};
    case SearchKind::NationalCode: {
        auto row =
            filtered ? db::applicantByNationalCode(ctx.db, key, status) : db::applicantByNationalCode(ctx.db, key);
        return row ? QList<db::ApplicantRow>{*row} : QList<db::ApplicantRow>{};
    }
    case SearchKind::Mobile:
        return filtered ? db::applicantsByMobile(ctx.db, key, status, limit)
                        : db::applicantsByMobile(ctx.db, key, limit);
    case SearchKind::DigitsPrefix: {
        bool digitsOnly = key.size() >= kMinSearchPrefixDigits;
        for (const QChar c : key)
            digitsOnly = digitsOnly && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (!digitsOnly)
            return {};
        return db::applicantsByDigitsPrefix(ctx.db, key, status, limit);
    }
    case SearchKind::Name:
        return filtered ? db::applicantsByName(ctx.db, key, status, limit) : db::applicantsByName(ctx.db, key, limit);
    }
    return {};
}

} // namespace

SearchKind classifySearch(const QString &text, QString *normalized)
{
    const SearchKind plain = classifyPlain(text, normalized);
    if (plain == SearchKind::NationalCode || plain == SearchKind::Mobile || plain == SearchKind::Empty)
        return plain;
    const auto key = parseTrackingCode(text);
    if (!key)
        return plain;
    if (normalized)
        *normalized = trackingCodeOfKey(*key);
    return SearchKind::TrackingCode;
}

Outcome<QList<db::ApplicantRow>> searchApplicants(Context &ctx, const QString &text, const QString &status, int limit)
{
    try {
        QString key;
        const SearchKind kind = classifySearch(text, &key);
        if (kind != SearchKind::TrackingCode)
            return searchPlain(ctx, kind, key, status, limit);
        QList<db::ApplicantRow> rows = db::applicantsByTrackingKey(ctx.db, *parseTrackingCode(key), status, limit);
        QString plainKey;
        const SearchKind plain = classifyPlain(text, &plainKey);
        for (const db::ApplicantRow &r : searchPlain(ctx, plain, plainKey, status, limit)) {
            if (rows.size() >= limit)
                break;
            const bool known = std::any_of(rows.cbegin(), rows.cend(),
                                           [&](const db::ApplicantRow &k) { return k.nationalCode == r.nationalCode; });
            if (!known)
                rows.append(r);
        }
        return rows;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

Outcome<qint64> changesWaitingToSync(Context &ctx)
{
    try {
        return db::outboxCount(ctx.db);
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

Outcome<QMap<RequestStatus, qint64>> requestCountsByStatus(Context &ctx)
{
    try {
        return db::countRequestsByStatus(ctx.db);
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

Outcome<bool> changeMobile(Context &ctx, const QString &nationalCode, const QString &newMobile,
                           const StaffSession &staff, const QDateTime &now)
{
    QString mobile;
    const Violations errors = checkMobile(newMobile, &mobile);
    if (!errors.isEmpty())
        return Failure{Failure::Kind::Rule, errors, {}};
    return changeAccount(ctx, nationalCode, staff, now, QStringLiteral("account.mobile_change"), noPreparation,
                         [&](db::AccountRecord &a, QJsonObject &, const QString &actor) -> std::optional<Failure> {
                             if (a.mobile == mobile)
                                 return Failure::rule(QStringLiteral("mobile"), QStringLiteral("mobile.unchanged"),
                                                      Services::tr("This is already the account's mobile number."));
                             // Ownership was confirmed in person: the branch records it.
                             db::upsertMobileOwner(ctx.db, a.nationalCode, mobile);
                             // The old number hears of it too: a change nobody asked for is noticed.
                             if (!a.mobile.isEmpty())
                                 queueSms(ctx, a.nationalCode, a.mobile, QStringLiteral("mobile_changed_away"),
                                          sms::mobileChangedAway(), now, actor);
                             a.mobile = mobile;
                             queueNotice(ctx, a, QStringLiteral("mobile_changed"),
                                         sms::mobileChanged(a.gender, a.firstName, a.lastName), now, actor);
                             return std::nullopt;
                         });
}

Outcome<bool> changeMobile(Context &ctx, const QString &nationalCode, const QString &newMobile,
                           const QString &staffLogin, QString staffPassword, const QDateTime &now)
{
    return withStaffPassword<bool>(ctx, checkNationalCode(nationalCode) + checkMobile(newMobile), staffLogin,
                                   staffPassword, StaffPermission::CounterActions, now, [&](const StaffSession &s) {
                                       return changeMobile(ctx, nationalCode, newMobile, s, now);
                                   });
}

Outcome<bool> resetPasswordAtCounter(Context &ctx, const QString &nationalCode, const StaffSession &staff,
                                     QString password, QString passwordConfirm, const QDateTime &now)
{
    QString hash;
    auto checkAndHash = [&](const db::AccountRecord &a) -> std::optional<Failure> {
        const Violations errors =
            checkPassword(password, passwordConfirm, PasswordContext{a.firstName, a.lastName, a.nationalCode});
        if (!errors.isEmpty())
            return Failure{Failure::Kind::Rule, errors, {}};
        hash = security::hashSecret(password);
        return std::nullopt;
    };
    auto out = changeAccount(ctx, nationalCode, staff, now, QStringLiteral("account.password_reset"), checkAndHash,
                             [&](db::AccountRecord &a, QJsonObject &, const QString &actor) -> std::optional<Failure> {
                                 a.passwordHash = hash;
                                 queueNotice(ctx, a, QStringLiteral("password_reset"),
                                             sms::passwordReset(a.gender, a.firstName, a.lastName), now, actor);
                                 return std::nullopt;
                             });
    security::wipe(password);
    security::wipe(passwordConfirm);
    return out;
}

Outcome<bool> resetPasswordAtCounter(Context &ctx, const QString &nationalCode, const QString &staffLogin,
                                     QString staffPassword, QString password, QString passwordConfirm,
                                     const QDateTime &now)
{
    auto out =
        withStaffPassword<bool>(ctx, checkNationalCode(nationalCode), staffLogin, staffPassword,
                                StaffPermission::CounterActions, now, [&](const StaffSession &s) {
                                    return resetPasswordAtCounter(ctx, nationalCode, s, password, passwordConfirm, now);
                                });
    security::wipe(password);
    security::wipe(passwordConfirm);
    return out;
}

Outcome<bool> resetQuestionsAtCounter(Context &ctx, const QString &nationalCode, const StaffSession &staff,
                                      QList<QuestionAnswer> questions, const QDateTime &now)
{
    const Violations errors = checkSecurityQuestions(questions);
    if (!errors.isEmpty()) {
        for (auto &q : questions)
            security::wipe(q.answer);
        return Failure{Failure::Kind::Rule, errors, {}};
    }
    const QString hashed = hashAnswers(questions);
    for (auto &q : questions)
        security::wipe(q.answer);
    return changeAccount(ctx, nationalCode, staff, now, QStringLiteral("account.questions_reset"), noPreparation,
                         [&](db::AccountRecord &a, QJsonObject &, const QString &actor) -> std::optional<Failure> {
                             a.questionsJson = hashed;
                             queueNotice(ctx, a, QStringLiteral("questions_reset"),
                                         sms::questionsChanged(a.gender, a.firstName, a.lastName), now, actor);
                             return std::nullopt;
                         });
}

Outcome<bool> resetQuestionsAtCounter(Context &ctx, const QString &nationalCode, const QString &staffLogin,
                                      QString staffPassword, QList<QuestionAnswer> questions, const QDateTime &now)
{
    auto out =
        withStaffPassword<bool>(ctx, checkNationalCode(nationalCode) + checkSecurityQuestions(questions), staffLogin,
                                staffPassword, StaffPermission::CounterActions, now, [&](const StaffSession &s) {
                                    return resetQuestionsAtCounter(ctx, nationalCode, s, questions, now);
                                });
    for (auto &q : questions)
        security::wipe(q.answer);
    return out;
}

Outcome<bool> recoverAtCounter(Context &ctx, const QString &nationalCode, BranchRecoveryInput input,
                               const StaffSession &staff, const QDateTime &now)
{
    auto wipeAll = [&] {
        security::wipe(input.password);
        security::wipe(input.passwordConfirm);
        for (auto &q : input.questions)
            security::wipe(q.answer);
    };
    Violations errors = checkDocumentsSeen(
        input.documents,
        Services::tr("Check and tick every required document before the recovery at the branch (missing: %1)."));
    if (!input.newPassword && !input.newQuestions)
        errors << Violation{QStringLiteral("recovery"), QStringLiteral("recovery.nothing_chosen"),
                            Services::tr("Choose what to renew: a new password, new security questions, or both.")};
    if (input.newQuestions)
        errors += checkSecurityQuestions(input.questions);
    if (!errors.isEmpty()) {
        wipeAll();
        return Failure{Failure::Kind::Rule, errors, {}};
    }
    QString passwordHash;
    const QString answersHash = input.newQuestions ? hashAnswers(input.questions) : QString();
    auto checkAndHash = [&](const db::AccountRecord &a) -> std::optional<Failure> {
        if (!input.newPassword)
            return std::nullopt;
        const Violations bad = checkPassword(input.password, input.passwordConfirm,
                                             PasswordContext{a.firstName, a.lastName, a.nationalCode});
        if (!bad.isEmpty())
            return Failure{Failure::Kind::Rule, bad, {}};
        passwordHash = security::hashSecret(input.password);
        return std::nullopt;
    };
    auto out =
        changeAccount(ctx, nationalCode, staff, now, QStringLiteral("account.recovered_at_branch"), checkAndHash,
                      [&](db::AccountRecord &a, QJsonObject &details, const QString &actor) -> std::optional<Failure> {
                          details.insert(QStringLiteral("documents"), QJsonArray::fromStringList(input.documents));
                          details.insert(QStringLiteral("password"), input.newPassword);
                          details.insert(QStringLiteral("questions"), input.newQuestions);
                          if (input.newPassword)
                              a.passwordHash = passwordHash;
                          if (input.newQuestions)
                              a.questionsJson = answersHash;
                          // A code or verification started earlier must not set another password after this.
                          supersedeOpenRecoveries(ctx, a.nationalCode, now, actor);
                          if (input.newPassword)
                              queueNotice(ctx, a, QStringLiteral("password_reset"),
                                          sms::passwordReset(a.gender, a.firstName, a.lastName), now, actor);
                          else
                              queueNotice(ctx, a, QStringLiteral("questions_reset"),
                                          sms::questionsChanged(a.gender, a.firstName, a.lastName), now, actor);
                          return std::nullopt;
                      });
    wipeAll();
    return out;
}

Outcome<QString> registerAtCounter(Context &ctx, RegistrationInput input, const StaffSession &session,
                                   const QDateTime &now)
{
    auto staff = sessionStaff(ctx, session, StaffPermission::CounterActions);
    if (!staff.ok()) {
        security::wipe(input.password);
        security::wipe(input.passwordConfirm);
        for (auto &qa : input.questions)
            security::wipe(qa.answer);
        return staff.failure;
    }
    return submitRegistration(ctx, std::move(input), now, staff.value->login);
}

} // namespace branch
