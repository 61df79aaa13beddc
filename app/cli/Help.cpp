// branchctl's help texts, made from the commands' declarations (see Help.h).
#include "Help.h"

#include "Output.h"

#include <QTextStream>

#include <cstdio>

namespace branch::cli
{

namespace
{

const QList<OptionSpec> kGlobalOptions = {
    {"db", true,
     QT_TRANSLATE_NOOP("branch::Cli",
                       "The branch database (default: $BRANCHDESK_DB, else the per-user data location).")},
    {"lang", true, QT_TRANSLATE_NOOP("branch::Cli", "Language of messages: fa (default) or en.")},
#ifdef BRANCHDESK_TEST_HOOKS // a test build only (app/CMakeLists.txt)
    {"now", true, QT_TRANSLATE_NOOP("branch::Cli", "Use this time (ISO 8601) as the current time (for tests).")},
#endif
    {"help", false, QT_TRANSLATE_NOOP("branch::Cli", "Show help.")},
    {"version", false, QT_TRANSLATE_NOOP("branch::Cli", "Show the version and exit (needs no database).")},
};

void printOptions(QTextStream &s, const QList<OptionSpec> &options)
{
    for (const auto &o : options)
        s << "  --" << QString::fromLatin1(o.name).leftJustified(12) << ' '
          << QCoreApplication::translate("branch::Cli", o.help) << '\n';
}

QString whoMayRun(Command::Access access)
{
    switch (access) {
    case Command::Access::Open:
        return Cli::tr("Who may run it: anyone with the database file (it reads and changes no person's data).");
    case Command::Access::CentralOwner:
        return Cli::tr("Who may run it: the central database's owner, through the URL's credentials; nobody signs in "
                       "to the branch.");
    case Command::Access::Counter:
        return Cli::tr("Who may run it: a clerk or a supervisor, signed in with --staff.");
    case Command::Access::Supervisor:
        return Cli::tr("Who may run it: a supervisor, signed in with --staff.");
    case Command::Access::AnyPerson:
        return Cli::tr("Who may run it: a clerk, a supervisor or an administrator, signed in with --staff.");
    case Command::Access::Administrator:
        return Cli::tr("Who may run it: an administrator, signed in with --staff.");
    case Command::Access::AdministratorOrFirst:
        return Cli::tr("Who may run it: an administrator, signed in with --staff; nobody while the database has no "
                       "staff account.");
    case Command::Access::Machine:
        return Cli::tr("Who may run it: a service login, signed in with --staff.");
    }
    return {};
}

} // namespace

void printHelp(const Command *c)
{
    QString out;
    QTextStream s(&out);
    if (!c) {
        s << Cli::tr("branchctl: BranchDesk's command-line tool.") << "\n\n"
#ifdef BRANCHDESK_TEST_HOOKS
          << Cli::tr("Usage: branchctl [--db PATH] [--lang fa|en] [--now ISO8601] COMMAND [ARGS...]") << "\n\n"
#else
          << Cli::tr("Usage: branchctl [--db PATH] [--lang fa|en] COMMAND [ARGS...]") << "\n\n"
#endif
          << Cli::tr("Commands:") << '\n';
        for (const auto &cmd : commands())
            s << "  " << cmd->name().leftJustified(22) << ' '
              << QCoreApplication::translate("branch::Cli", cmd->summary) << '\n';
        s << '\n'
          << Cli::tr("Exit codes: 0 done; 1 refused by a rule; 2 usage error; 3 environment error (database, central).")
          << '\n'
          << Cli::tr("Run \"branchctl COMMAND --help\" for a command's options.") << '\n';
    } else {
        s << Cli::tr("Usage: branchctl [global options] %1 %2").arg(c->name(), QString::fromLatin1(c->args)).trimmed()
          << "\n\n"
          << QCoreApplication::translate("branch::Cli", c->summary) << '\n'
          << whoMayRun(c->access) << '\n';
        if (!c->options.isEmpty()) {
            s << '\n' << Cli::tr("Options:") << '\n';
            printOptions(s, c->options);
        }
    }
    s << '\n' << Cli::tr("Global options:") << '\n';
    printOptions(s, kGlobalOptions);
    s.flush();
    const QByteArray b = out.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
}

} // namespace branch::cli
