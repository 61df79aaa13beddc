// Finding and showing applicants: applicants search, applicants show, and applicants fetch
// (a person held at another branch, brought here from the central database for a visit).
#include "Commands.h"
#include "Json.h"
#include "Output.h"

#include "app/core/Settings.h"
#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Counter.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/Fetch.h"

namespace branch::cli
{

namespace
{

const char *const kCentralForFetch =
    QT_TRANSLATE_NOOP("branch::Cli", "The central database to bring the person from (default: the setting "
                                     "sync/centralUrl): postgresql://USER@HOST:PORT/DBNAME or "
                                     "sqlite:///ABSOLUTE/PATH.db.");

// The central URL of a fetch: --central, else the setting the sync uses (sync/centralUrl,
// BRANCHDESK_CENTRAL); empty when there is neither.
QString centralUrlText(const Invocation &inv)
{
    return inv.has("central") ? inv.opt("central").trimmed()
                              : Settings::value(SettingKey::SyncCentralUrl).toString().trimmed();
}

class ApplicantsSearch : public BranchCommand
{
public:
    ApplicantsSearch()
    {
        path = {QStringLiteral("applicants"), QStringLiteral("search")};
        args = "TEXT";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Find applicants by national code, mobile or name.");
        options = {{"status", true, QT_TRANSLATE_NOOP("branch::Cli", "Only this status (e.g. identity_mismatch).")},
                   {"limit", true, QT_TRANSLATE_NOOP("branch::Cli", "At most this many rows (default 50).")},
                   {"central", true,
                    QT_TRANSLATE_NOOP("branch::Cli", "Where a complete national code or mobile that matches nobody "
                                                     "here is looked up (default: the setting sync/centralUrl; "
                                                     "none: this branch only).")}};
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
        const QString text = inv.positional.join(QLatin1Char(' '));
        // A complete national code or mobile nobody here has: the person may be held at
        // another branch. Partial text never leaves the branch (searchShouldFetch).
        const QString central = centralUrlText(inv);
        if (!central.isEmpty() && searchShouldFetch(*ctx, text)) {
            const auto url = parseCentralUrl(central);
            if (!url.ok())
                return fail(url.failure);
            const auto fetched = fetchForSearch(*ctx, *url.value, text, inv.staff, inv.now);
            if (!fetched.ok() && fetched.failure.kind != Failure::Kind::NotFound)
                return fail(fetched.failure);
            if (fetched.ok())
                printErr(Cli::tr("Brought from the central database: %1.")
                             .arg(fetched.value->nationalCodes.join(QStringLiteral(", "))));
        }
        auto r = searchApplicants(*ctx, text, status, limit);
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

// A person held at another branch came to this one: the central database records which
// branch, which clerk and when, and hands over the person's current rows.
class ApplicantsFetch : public BranchCommand
{
public:
    ApplicantsFetch()
    {
        path = {QStringLiteral("applicants"), QStringLiteral("fetch")};
        args = "NATIONAL_CODE";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Bring a person held at another branch here from the central "
                                                   "database (audited there: this branch, your login, the time).");
        options = {{"central", true, kCentralForFetch}};
        minPositional = maxPositional = 1;
        access = Access::Counter;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        const QString central = centralUrlText(inv);
        if (central.isEmpty())
            return usageError(Cli::tr("\"applicants fetch\" needs --central URL or the setting sync/centralUrl."));
        const auto url = parseCentralUrl(central);
        if (!url.ok())
            return fail(url.failure);
        const auto r = fetchApplicant(*ctx, *url.value, inv.positional.value(0), inv.staff, inv.now);
        if (!r.ok())
            return fail(r.failure);
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("fetched"), QJsonArray::fromStringList(r.value->nationalCodes)},
                              {QStringLiteral("rows"), r.value->rows}});
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

std::unique_ptr<Command> makeApplicantsFetch()
{
    return std::make_unique<ApplicantsFetch>();
}

} // namespace branch::cli
