// A person at the counter for the GUI tests: a registration input, the civil-registry
// entry and mobile ownership that match it, and the services' own path to an activated
// account (submit, verify). Header-only: the GUI tests already link the services.
#pragma once

#include "app/core/PersianText.h"
#include "app/lifecycle/Lifecycle.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/RegistryRepository.h"

namespace branch::test
{

// A valid registration of a man named `first` `last` (birth 1365/04/12, certificate 123).
inline RegistrationInput sampleRegistration(const QString &code, const QString &mobile,
                                            const QString &first = QStringLiteral("علی"),
                                            const QString &last = QStringLiteral("رضایی"))
{
    RegistrationInput in;
    in.nationalCode = code;
    in.mobile = mobile;
    in.firstName = first;
    in.lastName = last;
    in.birthCertNo = QStringLiteral("123");
    in.birthDate = QStringLiteral("1365/04/12");
    in.gender = QStringLiteral("M");
    in.password = in.passwordConfirm = QStringLiteral("Abcdefg1x");
    in.questions = {{QStringLiteral("favorite_color"), QStringLiteral("آبی")},
                    {QStringLiteral("birth_city"), QStringLiteral("تهران")},
                    {QStringLiteral("first_workplace"), QStringLiteral("کارخانه")}};
    return in;
}

// The registry knows the person exactly as registered and the mobile is theirs; the
// request is submitted and verified, so the account is active. Returns the failure's
// message, empty on success.
inline QString activatedAccount(Context &ctx, const RegistrationInput &in, const QDateTime &now)
{
    const QString father = QStringLiteral("حسن");
    db::upsertRegistryPerson(ctx.db,
                             {in.nationalCode, in.firstName, in.lastName, father, normalizeName(in.firstName),
                              normalizeName(in.lastName), normalizeName(father), in.birthCertNo, QDate(1986, 7, 3),
                              in.gender},
                             now);
    db::upsertMobileOwner(ctx.db, in.nationalCode, in.mobile);
    auto submitted = submitRegistration(ctx, in, now);
    if (!submitted.ok())
        return submitted.failure.message();
    auto verified = verifyPending(ctx, now.addSecs(60));
    if (!verified.ok())
        return verified.failure.message();
    return db::findAccount(ctx.db, in.nationalCode) ? QString() : QStringLiteral("no account after verification");
}

// How many audit entries with this action the branch database holds.
inline int auditEntries(db::Database &db, const QString &action)
{
    int n = 0;
    for (const auto &a : db::auditLog(db))
        n += a.action == action ? 1 : 0;
    return n;
}

} // namespace branch::test
