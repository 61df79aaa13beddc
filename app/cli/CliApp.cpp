// The branchctl dispatcher: parses the arguments, finds the command, checks them against
// its declaration and executes it (which opens what it needs, calls one service and prints
// one JSON document on stdout and messages on stderr). It holds no rule: everything it
// decides comes from the services (shared/contract/branchctl.md).
#include "CliApp.h"

#include "Arguments.h"
#include "Command.h"
#include "Help.h"
#include "Output.h"

#include "app/core/Language.h"
#include "app/lifecycle/Paths.h"
#include "app/security/Crypto.h"

#include <QLocale>
#include <QTranslator>

namespace branch::cli
{

namespace
{

std::unique_ptr<QTranslator> installLanguage(const QString &lang)
{
    setLanguage(lang);
    const bool persian = lang == QLatin1String("fa");
    // English is the sources' language: its catalogue holds only the plural forms.
    auto t = std::make_unique<QTranslator>();
    if (t->load(persian ? QStringLiteral(":/i18n/branchdesk_fa.qm") : QStringLiteral(":/i18n/branchdesk_en.qm")))
        QCoreApplication::installTranslator(t.get());
    // Numbers inside Persian messages in Persian digits (JSON output is unaffected).
    if (persian)
        QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
    return t;
}

} // namespace

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("BranchDesk"));

    // First pass: global options anywhere, the rest in order.
    Invocation inv;
    inv.dbPath = defaultDatabasePath();
    QStringList rest;
    std::optional<QString> nowText;
    if (const int exit = parseGlobalOptions(app.arguments().mid(1), inv, rest, nowText); exit != kGoOn)
        return exit;
    if (inv.lang != QLatin1String("fa") && inv.lang != QLatin1String("en")) {
        inv.lang = QStringLiteral("fa");
        auto t = installLanguage(inv.lang);
        return usageError(Cli::tr("--lang must be fa or en."));
    }
    auto translator = installLanguage(inv.lang);
    if (const int exit = parseNow(nowText, inv); exit != kGoOn)
        return exit;

    const Command *cmd = findCommand(rest);
    if (!cmd) {
        if (rest.isEmpty()) {
            printHelp(nullptr);
            if (inv.help)
                return Done;
            // A usage error like any other: the message on stderr (the list follows on stdout).
            return usageError(Cli::tr("No command given."));
        }
        // With or without --help: help for a command that does not exist would hide the typo.
        return usageError(Cli::tr("Unknown command \"%1\".").arg(rest.join(QLatin1Char(' '))));
    }
    if (inv.help) {
        printHelp(cmd);
        return Done;
    }
    if (const int exit = parseCommandArguments(*cmd, rest, inv); exit != kGoOn)
        return exit;

    QString cryptoError;
    if (!security::init(&cryptoError)) {
        printErr(Cli::tr("The cryptographic self-test failed: %1").arg(cryptoError));
        return Environment;
    }
    return cmd->execute(inv);
}

} // namespace branch::cli
