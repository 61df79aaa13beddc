// A branchctl command: what it is called, what it takes and what it needs, declared by the
// command itself; the dispatcher (CliApp) checks the arguments against the declaration and
// gives run() what it needs. BranchCommand opens the branch database and builds the
// Context once for every command that works on it, and signs the staff member in once for
// every command whose Access asks for it (docs/branchctl.md, "Who may run what").
#pragma once

#include "app/lifecycle/Service.h"
#include "app/lifecycle/Staff.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace branch::cli
{

struct OptionSpec {
    const char *name; // without "--"
    bool takesValue;
    const char *help; // QT_TRANSLATE_NOOP("branch::Cli", ...)
    bool required = false;
};

// One run of branchctl, parsed: the global options, then the command's own.
struct Invocation {
    QString dbPath;
    QString lang = QStringLiteral("fa");
    QDateTime now;
    QStringList positional;
    QHash<QString, QString> options;
    bool help = false;
    // Who signed in (Command::Access): invalid for the commands nobody signs in to, and for
    // the first account of a branch. Standard input's first line was the password;
    // readStdin() gives what followed it.
    StaffSession staff;
    // Only for a command whose service authenticates itself (restore): the password line.
    QString staffPassword;

    QString opt(const char *name) const { return options.value(QString::fromLatin1(name)); }
    bool has(const char *name) const { return options.contains(QString::fromLatin1(name)); }
};

class Command
{
public:
    // What run() is given. The branch database is opened (and must be initialised) for
    // BranchDatabase; created when missing, and possibly uninitialised, for
    // NewOrExistingBranchDatabase; left alone when --central names the central database
    // for BranchDatabaseUnlessCentral. The others get no Context.
    enum class Needs {
        Nothing,
        BranchDatabase,
        NewOrExistingBranchDatabase,
        BranchDatabaseUnlessCentral,
        CentralDatabase,
    };

    // Who may run it. Every level but Open and CentralOwner takes --staff LOGIN (declared
    // once, by the registry) with the password on standard input's first line; with
    // --central, a BranchDatabaseUnlessCentral command works as the central's owner (the
    // URL's credentials) and nobody signs in to the branch.
    enum class Access {
        Open,                 // reads and changes no person's data: counts, checks, deployment steps
        CentralOwner,         // the central database alone, through the URL's credentials
        Counter,              // a clerk or a supervisor (StaffPermission::CounterActions)
        Supervisor,           // a supervisor (ReviewMismatch)
        AnyPerson,            // a clerk, a supervisor or an administrator (BackUp)
        Administrator,        // an administrator (Administer)
        AdministratorOrFirst, // an administrator; nobody while the database has no staff account
        Machine,              // a service login (MachineJobs)
    };

    virtual ~Command() = default;

    QStringList path;         // {"recover", "start"}
    const char *args = "";    // synopsis of the positional arguments
    const char *summary = ""; // QT_TRANSLATE_NOOP("branch::Cli", ...)
    QList<OptionSpec> options;
    int minPositional = 0;
    int maxPositional = 0;
    Needs needs = Needs::Nothing;
    Access access = Access::Open;

    QString name() const { return path.join(QLatin1Char(' ')); }
    const OptionSpec *findOption(const QString &name) const;
    // True when this run signs a staff member in (see Access).
    bool signsIn(const Invocation &inv) const;
    // Adds --staff to the options of a command that signs in (the registry calls it).
    void declareStaffOption();

    // Gives run() what the command needs; the default gives it no Context and, for a
    // command that signs in, only the password line (inv.staffPassword).
    virtual int execute(Invocation &inv) const;
    virtual int run(Invocation &inv, Context *ctx) const = 0;
};

// A command on this branch's database: execute() opens it and builds the Context.
class BranchCommand : public Command
{
public:
    BranchCommand() { needs = Needs::BranchDatabase; }
    int execute(Invocation &inv) const override;

private:
    int signIn(Invocation &inv, Context &ctx) const;
};

// The permission an access level asks of a role (roleMay); nothing for Open and CentralOwner.
std::optional<StaffPermission> permissionFor(Command::Access access);

// Option help texts more than one command shows.
namespace help
{
inline const char *const centralUrl =
    QT_TRANSLATE_NOOP("branch::Cli", "postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or a "
                                     "pgpass file) or sqlite:///ABSOLUTE/PATH.db.");
inline const char *const importToCentral =
    QT_TRANSLATE_NOOP("branch::Cli", "Load them into this central database (as its owner) instead of this "
                                     "branch's; the branches pull what changed.");
inline const char *const backupFolder = QT_TRANSLATE_NOOP("branch::Cli", "The folder (default: the setting "
                                                                         "backup/folder, else 'backups' beside the "
                                                                         "database).");
inline const char *const staffLogin =
    QT_TRANSLATE_NOOP("branch::Cli", "Your staff login; your password is the first line of standard input.");
} // namespace help

using CommandList = std::vector<std::unique_ptr<Command>>;

// Every command, in the order of the general help.
const CommandList &commands();

} // namespace branch::cli
