// Checks and figures for a supervisor: audit verify, report daily.
#include "Commands.h"
#include "Json.h"
#include "Output.h"

#include "app/lifecycle/Admin.h"
#include "app/lifecycle/Dashboard.h"

namespace branch::cli
{

namespace
{

class AuditVerify : public BranchCommand
{
public:
    AuditVerify()
    {
        path = {QStringLiteral("audit"), QStringLiteral("verify")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Check the audit log's hash chain; exit 1 at the first bad entry.");
        access = Access::Open; // counts and sequence numbers only, no entry's content
    }
    int run(Invocation &, Context *ctx) const override
    {
        auto r = verifyAudit(*ctx);
        if (!r.ok())
            return fail(r.failure);
        const AuditCheck &c = *r.value;
        printJson(auditCheckJson(c));
        if (c.ok)
            return Done;
        printErr(Cli::tr("The audit log was altered: first bad entry %1 (%2).").arg(c.firstBadSeq).arg(c.reason));
        return Refused;
    }
};

// The supervisor dashboard's figures for one day of the branch (local time zone), as JSON.
class ReportDaily : public BranchCommand
{
public:
    ReportDaily()
    {
        path = {QStringLiteral("report"), QStringLiteral("daily")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "The supervisor dashboard's figures of one day as JSON: requests "
                                                   "per status, activations per staff member, the oldest waiting "
                                                   "case, the outbox.");
        options = {
            {"date", true, QT_TRANSLATE_NOOP("branch::Cli", "The day (YYYY-MM-DD, local time; default today).")}};
        access = Access::Supervisor; // the desk's dashboard is a supervisor's
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        QDate day = inv.now.toLocalTime().date();
        if (inv.has("date")) {
            // yyyy-MM-dd exactly (Qt::ISODate would also take 1405/09/04 as a Gregorian year 1405).
            day = QDate::fromString(inv.opt("date"), QStringLiteral("yyyy-MM-dd"));
            if (!day.isValid())
                return usageError(Cli::tr("--date must be a Gregorian date, e.g. 2026-11-25."));
        }
        const auto r = dashboardSnapshot(*ctx, inv.staff, day, QTimeZone::systemTimeZone(), inv.now);
        if (!r.ok())
            return fail(r.failure);
        printJson(dashboardJson(*r.value));
        return Done;
    }
};

} // namespace

std::unique_ptr<Command> makeAuditVerify()
{
    return std::make_unique<AuditVerify>();
}

std::unique_ptr<Command> makeReportDaily()
{
    return std::make_unique<ReportDaily>();
}

} // namespace branch::cli
