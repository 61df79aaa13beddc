// The branchctl command dispatcher: parses arguments, calls services, prints JSON.
#pragma once

namespace branch::cli
{
int run(int argc, char **argv);
}
