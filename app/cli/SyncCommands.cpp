// This branch and the central database: sync, conflicts list, conflicts resolve.
#include "Commands.h"
#include "Json.h"
#include "Output.h"

#include "app/sync/CentralAdmin.h"
#include "app/sync/SyncEngine.h"
#include "app/sync/SyncStatus.h"

namespace branch::cli
{

namespace
{

class Sync : public BranchCommand
{
public:
    Sync()
    {
        path = {QStringLiteral("sync")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Push this branch's queued changes to the central database and "
                                                   "pull what changed there; prints the counts.");
        options = {{"central", true, help::centralUrl, true}};
        access = Access::Machine; // prints counts only
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        const auto url = parseCentralUrl(inv.opt("central"));
        if (!url.ok())
            return fail(url.failure);
        const auto r = syncWithCentral(*ctx, *url.value, inv.now);
        if (!r.ok())
            return fail(r.failure);
        recordSyncSuccess(*ctx, inv.now); // for a desk started later; the sync itself is done either way
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("pushed"), r.value->pushed},
                              {QStringLiteral("pulled"), r.value->pulled},
                              {QStringLiteral("conflicts"), r.value->conflicts}});
        return Done;
    }
};

class ConflictsList : public BranchCommand
{
public:
    ConflictsList()
    {
        path = {QStringLiteral("conflicts"), QStringLiteral("list")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "List this branch's open sync conflicts (both versions).");
        options = {{"central", true, help::centralUrl, true}};
        access = Access::Supervisor; // both versions of a person's data; supervisors resolve them
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        const auto url = parseCentralUrl(inv.opt("central"));
        if (!url.ok())
            return fail(url.failure);
        const auto r = listConflicts(*ctx, *url.value);
        if (!r.ok())
            return fail(r.failure);
        QJsonArray out;
        for (const auto &c : *r.value)
            out.append(conflictJson(c));
        printJson(out);
        return Done;
    }
};

// The supervisor's password is stdin's first line.
class ConflictsResolve : public BranchCommand
{
public:
    ConflictsResolve()
    {
        path = {QStringLiteral("conflicts"), QStringLiteral("resolve")};
        args = "ID";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Resolve a sync conflict, keeping this branch's or the central "
                                                   "version; supervisor password on standard input.");
        options = {{"keep", true, QT_TRANSLATE_NOOP("branch::Cli", "local or central.")},
                   {"central", true, help::centralUrl, true}};
        minPositional = maxPositional = 1;
        access = Access::Supervisor;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        const QString keep = inv.opt("keep");
        if (keep != QLatin1String("local") && keep != QLatin1String("central"))
            return usageError(Cli::tr("--keep must be local or central."));
        const auto url = parseCentralUrl(inv.opt("central"));
        if (!url.ok())
            return fail(url.failure);
        const auto r = resolveConflict(*ctx, *url.value, inv.positional.value(0), keep == QLatin1String("local"),
                                       inv.staff, inv.now);
        if (!r.ok())
            return fail(r.failure);
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("id"), inv.positional.value(0)},
                              {QStringLiteral("keep"), keep},
                              {QStringLiteral("pulled"), r.value->pulled}});
        return Done;
    }
};

} // namespace

std::unique_ptr<Command> makeSync()
{
    return std::make_unique<Sync>();
}

std::unique_ptr<Command> makeConflictsList()
{
    return std::make_unique<ConflictsList>();
}

std::unique_ptr<Command> makeConflictsResolve()
{
    return std::make_unique<ConflictsResolve>();
}

} // namespace branch::cli
