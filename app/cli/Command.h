// A branchctl command: what it is called, what it takes and what it needs, declared by the
// command itself; the dispatcher (CliApp) checks the arguments against the declaration and
// gives run() what it needs. BranchCommand opens the branch database and builds the
// Context once for every command that works on it.
#pragma once

#include "app/lifecycle/Service.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

#include <memory>
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

    virtual ~Command() = default;

    QStringList path;         // {"recover", "start"}
    const char *args = "";    // synopsis of the positional arguments
    const char *summary = ""; // QT_TRANSLATE_NOOP("branch::Cli", ...)
    QList<OptionSpec> options;
    int minPositional = 0;
    int maxPositional = 0;
    Needs needs = Needs::Nothing;

    QString name() const { return path.join(QLatin1Char(' ')); }
    const OptionSpec *findOption(const QString &name) const;

    // Gives run() what the command needs; the default gives it no Context.
    virtual int execute(Invocation &inv) const;
    virtual int run(Invocation &inv, Context *ctx) const = 0;
};

// A command on this branch's database: execute() opens it and builds the Context.
class BranchCommand : public Command
{
public:
    BranchCommand() { needs = Needs::BranchDatabase; }
    int execute(Invocation &inv) const override;
};

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
inline const char *const clerkLogin = QT_TRANSLATE_NOOP("branch::Cli", "The clerk's login.");
inline const char *const supervisorLogin = QT_TRANSLATE_NOOP("branch::Cli", "The supervisor's login.");
} // namespace help

using CommandList = std::vector<std::unique_ptr<Command>>;

// Every command, in the order of the general help.
const CommandList &commands();

} // namespace branch::cli
