// The Command base and the branch-database command (see Command.h).
#include "Command.h"

#include "Output.h"

#include "app/lifecycle/Paths.h"
#include "db/MetaRepository.h"

namespace branch::cli
{

const OptionSpec *Command::findOption(const QString &name) const
{
    for (const auto &s : options)
        if (name == QLatin1String(s.name))
            return &s;
    return nullptr;
}

int Command::execute(Invocation &inv) const
{
    return run(inv, nullptr);
}

int BranchCommand::execute(Invocation &inv) const
{
    // verify and the imports with --central work on the central database alone.
    if (needs == Needs::BranchDatabaseUnlessCentral && inv.has("central"))
        return run(inv, nullptr);

    const bool mayCreate = needs == Needs::NewOrExistingBranchDatabase;
    db::DbError dbError;
    auto database = db::Database::open(
        inv.dbPath, mayCreate ? db::Database::OpenMode::CreateIfMissing : db::Database::OpenMode::MustExist, &dbError);
    if (!database) {
        printErr(Cli::tr("%1 (database: %2)").arg(describeDbError(dbError), inv.dbPath));
        return Environment;
    }
    Context ctx{*database, {}};
    try {
        ctx.branchCode = db::metaValue(*database, QStringLiteral("branch_code"));
    } catch (const db::DbException &e) {
        printErr(describeDbError(e.error()));
        return Environment;
    }
    if (ctx.branchCode.isEmpty() && !mayCreate) {
        printErr(describeDbError({db::DbError::Kind::NotInitialised, {}}));
        return Environment;
    }
    return run(inv, &ctx);
}

} // namespace branch::cli
