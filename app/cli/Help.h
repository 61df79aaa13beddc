// branchctl's help: the general help (every command) or one command's, on stdout.
#pragma once

#include "Command.h"

namespace branch::cli
{
void printHelp(const Command *c);
}
