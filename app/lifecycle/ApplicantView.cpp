// One applicant's case for the applicant view (see ApplicantView.h).
#include "ApplicantView.h"

#include "SmsTexts.h"
#include "Verification.h"

#include "app/core/NationalCode.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"
#include "db/SmsRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace branch
{

namespace
{
const char *const kApplicantRead = "applicant.read";

ApplicantRequest applicantRequest(const db::RequestRecord &r)
{
    ApplicantRequest a{r.id, r.branchCode, r.version,     r.nationalCode, r.mobile,    identityOf(r), r.email,
                       {},   r.status,     r.submittedAt, r.decidedAt,    r.updatedAt, r.updatedBy};
    // Only the question ids of the stored questions and hashed answers.
    for (const auto &v : QJsonDocument::fromJson(r.questionsJson.toUtf8()).array())
        a.questionIds << v.toObject().value(QStringLiteral("question_id")).toString();
    return a;
}
} // namespace

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
        if (acc)
            c.account = ApplicantAccount{acc->id, acc->mobile, acc->createdAt, acc->updatedAt};
        // The number the person holds now: the account's (changed at the counter) over the request's.
        c.mobile = acc && !acc->mobile.isEmpty() ? acc->mobile : shown.mobile;
        if (const auto ref = db::findRegistryPerson(ctx.db, nationalCode)) {
            c.registry = identityOf(*ref);
            c.fatherName = ref->fatherName;
            c.differing = identityDifferences(c.request, *c.registry);
        }
        for (const auto &a : db::auditOf(ctx.db, nationalCode))
            if (a.action != QLatin1String(kApplicantRead))
                c.history << ApplicantHistoryEntry{a.at, a.actor, a.action, a.details};
        for (const auto &r : requests)
            c.requests << applicantRequest(r);
        for (const auto &s : db::listSms(ctx.db, nationalCode))
            c.sms << ApplicantSms{s.createdAt, s.mobile, s.kind, sms::shownText(s.kind, s.text), s.status};
        return c;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

Outcome<ApplicantCase> openApplicantCase(Context &ctx, const QString &nationalCode, const StaffSession &staff,
                                         const QDateTime &now)
{
    const auto who = sessionStaff(ctx, staff, StaffPermission::CounterActions);
    if (!who.ok())
        return who.failure;
    auto c = applicantCase(ctx, nationalCode);
    if (!c.ok())
        return c;
    auto audited = inTransaction<bool>(ctx, [&]() -> Outcome<bool> {
        recordAudit(ctx, {who.value->login, QString::fromLatin1(kApplicantRead), c.value->nationalCode, {}}, now);
        return true;
    });
    if (!audited.ok())
        return audited.failure; // a read that cannot be audited is not shown
    return c;
}

} // namespace branch
