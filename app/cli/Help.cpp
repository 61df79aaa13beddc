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
          << QCoreApplication::translate("branch::Cli", c->summary) << '\n';
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
