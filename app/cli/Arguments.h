// branchctl's argument parsing: the global options (anywhere on the line), the command
// (the longest path matching the leading words), and the command's declared options and
// positionals, required ones included. Each step returns kGoOn or the exit code.
#pragma once

#include "Command.h"

#include <optional>

namespace branch::cli
{

constexpr int kGoOn = -1;

// Fills inv's --db and --help, rest with the other arguments in order, nowText with --now's
// value when given; handles --version.
int parseGlobalOptions(const QStringList &args, Invocation &inv, QStringList &rest, std::optional<QString> &nowText);

// --now's value as inv.now (UTC), else the current time.
int parseNow(const std::optional<QString> &nowText, Invocation &inv);

// The command whose path is the longest run of rest's leading words, or none.
const Command *findCommand(const QStringList &rest);

// rest after cmd's path: its options and positionals, checked against its declaration.
int parseCommandArguments(const Command &cmd, const QStringList &rest, Invocation &inv);

} // namespace branch::cli
