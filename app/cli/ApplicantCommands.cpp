// Finding and showing applicants: applicants search, applicants show.
#include "Commands.h"
#include "Json.h"
#include "Output.h"

#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Counter.h"

namespace branch::cli
{

namespace
{

class ApplicantsSearch : public BranchCommand
{
public:
    ApplicantsSearch()
    {
        path = {QStringLiteral("applicants"), QStringLiteral("search")};
        args = "TEXT";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Find applicants by national code, mobile or name.");
        options = {{"status", true, QT_TRANSLATE_NOOP("branch::Cli", "Only this status (e.g. identity_mismatch).")},
                   {"limit", true, QT_TRANSLATE_NOOP("branch::Cli", "At most this many rows (default 50).")}};
        minPositional = 1;
        maxPositional = 20;
        access = Access::Counter; // the results are not audited person by person; show is
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        bool ok = true;
        const int limit = inv.has("limit") ? inv.opt("limit").toInt(&ok) : 50;
        if (!ok || limit < 1 || limit > 1000)
            return usageError(Cli::tr("--limit takes a whole number from 1 to 1000."));
        const QString status = inv.opt("status");
        if (!status.isEmpty() && !statusFromName(status))
            return usageError(Cli::tr("Unknown status \"%1\".").arg(status));
        auto r = searchApplicants(*ctx, inv.positional.join(QLatin1Char(' ')), status, limit);
        if (!r.ok())
            return fail(r.failure);
        QJsonArray out;
        for (const auto &row : *r.value)
            out.append(applicantJson(row));
        printJson(out);
        return Done;
    }
};

class ApplicantsShow : public BranchCommand
{
public:
    ApplicantsShow()
    {
        path = {QStringLiteral("applicants"), QStringLiteral("show")};
        args = "NATIONAL_CODE";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Show one applicant: status, requests, history, SMS (the read "
                                                   "is audited).");
        minPositional = maxPositional = 1;
        access = Access::Counter;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        auto r = openApplicantCase(*ctx, inv.positional.value(0), inv.staff, inv.now);
        if (!r.ok())
            return fail(r.failure);
        printJson(applicantCaseJson(*r.value));
        return Done;
    }
};

} // namespace

std::unique_ptr<Command> makeApplicantsSearch()
{
    return std::make_unique<ApplicantsSearch>();
}

std::unique_ptr<Command> makeApplicantsShow()
{
    return std::make_unique<ApplicantsShow>();
}

} // namespace branch::cli
