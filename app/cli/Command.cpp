// The Command base and the branch-database command (see Command.h).
#include "Command.h"

#include "Output.h"

#include "app/lifecycle/Paths.h"
#include "app/security/SecretHash.h"
#include "db/MetaRepository.h"

namespace branch::cli
{

namespace
{
constexpr int kSignedIn = -1; // signIn(): go on to run()
} // namespace

const OptionSpec *Command::findOption(const QString &name) const
{
    for (const auto &s : options)
        if (name == QLatin1String(s.name))
            return &s;
    return nullptr;
}

std::optional<StaffPermission> permissionFor(Command::Access access)
{
    switch (access) {
    case Command::Access::Open:
    case Command::Access::CentralOwner:
        return std::nullopt;
    case Command::Access::Counter:
        return StaffPermission::CounterActions;
    case Command::Access::Supervisor:
        return StaffPermission::ReviewMismatch;
    case Command::Access::AnyPerson:
        return StaffPermission::BackUp;
    case Command::Access::Administrator:
    case Command::Access::AdministratorOrFirst:
        return StaffPermission::Administer;
    case Command::Access::Machine:
        return StaffPermission::MachineJobs;
    }
    return std::nullopt;
}

bool Command::signsIn(const Invocation &inv) const
{
    if (!permissionFor(access))
        return false;
    // verify and the imports with --central work on the central database alone, as its owner.
    return !(needs == Needs::BranchDatabaseUnlessCentral && inv.has("central"));
}

void Command::declareStaffOption()
{
    if (permissionFor(access) && !findOption(QStringLiteral("staff")))
        options.append({"staff", true, help::staffLogin});
}

namespace
{

int missingStaff(const Command &cmd)
{
    return usageError(Cli::tr("\"%1\" needs --staff LOGIN, the staff password being the first line of standard "
                              "input.")
                          .arg(cmd.name()));
}

} // namespace

int Command::execute(Invocation &inv) const
{
    // No database to sign in against here: the service authenticates (restore).
    if (signsIn(inv)) {
        if (!inv.has("staff"))
            return missingStaff(*this);
        inv.staffPassword = takeStdinFirstLine();
    }
    return run(inv, nullptr);
}

int BranchCommand::signIn(Invocation &inv, Context &ctx) const
{
    if (!inv.has("staff")) {
        if (access == Access::AdministratorOrFirst) {
            auto first = needsFirstAdministrator(ctx);
            if (!first.ok())
                return fail(first.failure);
            if (*first.value)
                return kSignedIn; // the branch's first account: nobody to sign in yet
        }
        return missingStaff(*this);
    }
    QString password = takeStdinFirstLine();
    auto session = authenticateFor(ctx, inv.opt("staff"), password, *permissionFor(access), inv.now, name());
    security::wipe(password);
    if (!session.ok())
        return fail(session.failure);
    inv.staff = *session.value;
    return kSignedIn;
}

int BranchCommand::execute(Invocation &inv) const
{
    if (needs == Needs::BranchDatabaseUnlessCentral && inv.has("central"))
        return run(inv, nullptr);
    if (signsIn(inv) && !inv.has("staff") && access != Access::AdministratorOrFirst)
        return missingStaff(*this); // before the database is opened

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
    if (signsIn(inv))
        if (const int exit = signIn(inv, ctx); exit != kSignedIn)
            return exit;
    return run(inv, &ctx);
}

} // namespace branch::cli
