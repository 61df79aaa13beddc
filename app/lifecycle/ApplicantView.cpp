// One applicant's case for the applicant view (see ApplicantView.h).
#include "ApplicantView.h"

#include "Verification.h"

#include "app/core/NationalCode.h"
#include "db/Repository.h"

namespace branch
{

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
        c.request = identityOf(shown);
        c.email = shown.email;
        c.submittedAt = shown.submittedAt;
        c.decidedAt = shown.decidedAt;
        c.status = shown.status;
        const auto acc = db::findAccount(ctx.db, nationalCode);
        c.hasAccount = acc.has_value();
        c.mobile = acc && !acc->mobile.isEmpty() ? acc->mobile : shown.mobile;
        if (const auto ref = db::findRegistryPerson(ctx.db, nationalCode)) {
            c.registry = identityOf(*ref);
            c.fatherName = ref->fatherName;
            c.differing = identityDifferences(c.request, *c.registry);
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
