// Administration of the central database alone (no branch database): central init,
// central add-branch.
#include "Commands.h"
#include "Output.h"

#include "app/sync/CentralAdmin.h"

namespace branch::cli
{

namespace
{

class CentralInit : public Command
{
public:
    CentralInit()
    {
        path = {QStringLiteral("central"), QStringLiteral("init")};
        summary = QT_TRANSLATE_NOOP("branch::Cli",
                                    "Create or migrate the central database (PostgreSQL or SQLite); idempotent.");
        options = {{"central", true, help::centralUrl, true}};
        needs = Needs::CentralDatabase;
        access = Access::CentralOwner;
    }
    int run(Invocation &inv, Context *) const override
    {
        const auto url = parseCentralUrl(inv.opt("central"));
        if (!url.ok())
            return fail(url.failure);
        const auto r = initCentral(*url.value);
        if (!r.ok())
            return fail(r.failure);
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("dialect"), r.value->dialect},
                              {QStringLiteral("schema_version"), r.value->schemaVersion},
                              {QStringLiteral("previous_version"), r.value->previousVersion}});
        return Done;
    }
};

// The branch role's password is stdin's first line (PostgreSQL only; never an argument).
class CentralAddBranch : public Command
{
public:
    CentralAddBranch()
    {
        path = {QStringLiteral("central"), QStringLiteral("add-branch")};
        args = "CODE";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Register a branch on the central database; on PostgreSQL also "
                                                   "its login role branch_CODE, whose password is read from "
                                                   "standard input.");
        options = {{"central", true, help::centralUrl, true}};
        minPositional = maxPositional = 1;
        needs = Needs::CentralDatabase;
        access = Access::CentralOwner;
    }
    int run(Invocation &inv, Context *) const override
    {
        const auto url = parseCentralUrl(inv.opt("central"));
        if (!url.ok())
            return fail(url.failure);
        QString password;
        if (url.value->dialect == db::CentralUrl::Dialect::PostgreSQL) {
            QString all = readStdin();
            password = splitFirstLine(all).first;
            all.fill(QLatin1Char(' '));
        }
        const auto r = addCentralBranch(*url.value, inv.positional.value(0), password);
        password.fill(QLatin1Char(' '));
        if (!r.ok())
            return fail(r.failure);
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("branch_code"), r.value->code},
                              {QStringLiteral("role"), r.value->role}});
        return Done;
    }
};

} // namespace

std::unique_ptr<Command> makeCentralInit()
{
    return std::make_unique<CentralInit>();
}

std::unique_ptr<Command> makeCentralAddBranch()
{
    return std::make_unique<CentralAddBranch>();
}

} // namespace branch::cli
