// branchctl: BranchDesk's command-line tool (see docs/branchctl.md and the contract).
#include "cli/CliApp.h"

int main(int argc, char **argv)
{
    return branch::cli::run(argc, argv);
}
