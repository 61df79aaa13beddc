#include "CliApp.h"

namespace branch::cli {
int run(int, char **) { return 0; }
}
