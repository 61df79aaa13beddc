// branchctl's argument parsing (see Arguments.h).
#include "Arguments.h"

#include "Output.h"

#include "app/core/Version.h"

#include <cstdio>

namespace branch::cli
{

int parseGlobalOptions(const QStringList &args, Invocation &inv, QStringList &rest, std::optional<QString> &nowText)
{
    for (int i = 0; i < args.size(); ++i) {
        QString a = args.at(i);
        QString value;
        const bool hasInline = a.startsWith(QLatin1String("--")) && a.contains(QLatin1Char('='));
        if (hasInline) {
            value = a.mid(a.indexOf(QLatin1Char('=')) + 1);
            a = a.left(a.indexOf(QLatin1Char('=')));
        }
        auto takeValue = [&](QString *into) {
            if (hasInline) {
                *into = value;
                return true;
            }
            if (i + 1 >= args.size())
                return false;
            *into = args.at(++i);
            return true;
        };
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            inv.help = true;
        } else if (a == QLatin1String("--version") && !hasInline) {
            // Before the language, the crypto self-test and the database: it needs none of them.
            const QByteArray line = "branchctl (BranchDesk) " + version().toUtf8() + '\n';
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            return Done;
        } else if (a == QLatin1String("--db")) {
            if (!takeValue(&inv.dbPath))
                return usageError(Cli::tr("--db needs a path."));
        } else if (a == QLatin1String("--lang")) {
            if (!takeValue(&inv.lang))
                return usageError(Cli::tr("--lang needs fa or en."));
#ifdef BRANCHDESK_TEST_HOOKS
        } else if (a == QLatin1String("--now")) {
            // A test build only: in the .deb's branchctl --now is an unknown option, so the
            // clock of a lockout, a recovery code or a review cannot be moved by a user.
            // `--now ""` is a usage error, not "the current time".
            QString text;
            if (!takeValue(&text))
                return usageError(Cli::tr("--now needs a time in ISO 8601."));
            nowText = text;
#endif
        } else {
            rest << (hasInline ? a + QLatin1Char('=') + value : a);
        }
    }
    return kGoOn;
}

int parseNow(const std::optional<QString> &nowText, Invocation &inv)
{
    inv.now = QDateTime::currentDateTimeUtc();
    if (!nowText)
        return kGoOn;
    inv.now = QDateTime::fromString(*nowText, Qt::ISODateWithMs);
    if (!inv.now.isValid())
        inv.now = QDateTime::fromString(*nowText, Qt::ISODate);
    if (!inv.now.isValid())
        return usageError(Cli::tr("--now must be a time in ISO 8601, e.g. 2026-11-25T09:30:00Z."));
    inv.now = inv.now.toUTC();
    return kGoOn;
}

const Command *findCommand(const QStringList &rest)
{
    const Command *cmd = nullptr;
    for (const auto &c : commands()) {
        if (rest.size() >= c->path.size() && rest.mid(0, c->path.size()) == c->path &&
            (!cmd || c->path.size() > cmd->path.size()))
            cmd = c.get();
    }
    return cmd;
}

int parseCommandArguments(const Command &cmd, const QStringList &rest, Invocation &inv)
{
    for (int i = int(cmd.path.size()); i < rest.size(); ++i) {
        const QString a = rest.at(i);
        if (!a.startsWith(QLatin1String("--"))) {
            inv.positional << a;
            continue;
        }
        QString name = a.mid(2);
        QString value;
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        const bool inlineValue = eq >= 0;
        if (inlineValue) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        }
        const OptionSpec *spec = cmd.findOption(name);
        if (!spec)
            return usageError(Cli::tr("\"%1\" has no option --%2.").arg(cmd.name(), name));
        if (spec->takesValue && !inlineValue) {
            if (i + 1 >= rest.size())
                return usageError(Cli::tr("--%1 needs a value.").arg(name));
            value = rest.at(++i);
        }
        inv.options.insert(name, value);
    }
    if (inv.positional.size() < cmd.minPositional || inv.positional.size() > cmd.maxPositional)
        return usageError(Cli::tr("Usage: branchctl %1 %2").arg(cmd.name(), QString::fromLatin1(cmd.args)));
    for (const auto &o : cmd.options) {
        const QString name = QString::fromLatin1(o.name);
        if (o.required && !inv.options.contains(name))
            return usageError(Cli::tr("\"%1\" needs --%2.").arg(cmd.name(), name));
    }
    return kGoOn;
}

} // namespace branch::cli
