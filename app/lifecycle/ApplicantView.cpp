// One applicant's case for the applicant view (see ApplicantView.h).
#include "ApplicantView.h"

#include "app/core/Digits.h"
#include "app/core/NationalCode.h"
#include "app/core/PersianText.h"
#include "db/Repository.h"

namespace branch
{

namespace
{

// The verifier's notion of the same certificate number: digits only, leading zeros dropped.
QString certDigits(const QString &s)
{
    QString d = stripNumberSeparators(normalizeDigits(s.trimmed()));
    while (d.size() > 1 && d.startsWith(QLatin1Char('0')))
        d.remove(0, 1);
    return d;
}

IdentityFields fromRequest(const db::RequestRecord &r)
{
    return {r.firstName, r.lastName, r.birthCertNo, r.birthDate, r.gender};
}

IdentityFields fromRegistry(const db::RegistryPerson &p)
{
    return {p.firstName, p.lastName, p.birthCertNo, p.birthDate, p.gender};
}

} // namespace

QStringList differingFields(const IdentityFields &request, const IdentityFields &registry)
{
    QStringList out;
    if (normalizeName(request.firstName) != normalizeName(registry.firstName))
        out << QLatin1String(kFieldFirstName);
    if (normalizeName(request.lastName) != normalizeName(registry.lastName))
        out << QLatin1String(kFieldLastName);
    if (certDigits(request.birthCertNo) != certDigits(registry.birthCertNo))
        out << QLatin1String(kFieldBirthCertNo);
    if (request.birthDate != registry.birthDate)
        out << QLatin1String(kFieldBirthDate);
    if (request.gender.trimmed().compare(registry.gender.trimmed(), Qt::CaseInsensitive) != 0)
        out << QLatin1String(kFieldGender);
    return out;
}

Outcome<ApplicantCase> applicantCase(Context &ctx, const QString &nationalCodeInput)
{
    QString nationalCode;
    Violations errors = checkNationalCode(nationalCodeInput, &nationalCode);
    if (!errors.isEmpty())
        return Failure{Failure::Kind::Rule, errors, {}};
    try {
        const auto requests = db::requestsOf(ctx.db, nationalCode);
        if (requests.isEmpty())
            return Failure::noRequest();
        const auto current = db::findCurrentRequest(ctx.db, nationalCode);
        const db::RequestRecord &shown = current ? *current : requests.first();

        ApplicantCase c;
        c.nationalCode = nationalCode;
        c.requestId = shown.id;
        c.request = fromRequest(shown);
        c.email = shown.email;
        c.submittedAt = shown.submittedAt;
        c.decidedAt = shown.decidedAt;
        c.status = statusFromName(shown.status).value_or(RequestStatus::Submitted);
        const auto acc = db::findAccount(ctx.db, nationalCode);
        c.hasAccount = acc.has_value();
        c.mobile = acc && !acc->mobile.isEmpty() ? acc->mobile : shown.mobile;
        if (const auto ref = db::findRegistryPerson(ctx.db, nationalCode)) {
            c.registry = fromRegistry(*ref);
            c.fatherName = ref->fatherName;
            c.differing = differingFields(c.request, *c.registry);
        }
        for (const auto &a : db::auditOf(ctx.db, nationalCode))
            c.history << ApplicantHistoryEntry{a.at, a.actor, a.action};
        for (const auto &s : db::listSms(ctx.db, nationalCode))
            c.sms << ApplicantSms{s.createdAt, s.mobile, s.kind, s.text, s.status};
        return c;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

} // namespace branch
