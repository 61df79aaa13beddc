// The program's version, as written in project() of the top-level CMakeLists.txt, for
// `branchdesk --version`, `branchctl --version` and the desk's Help → About.
#pragma once

#include <QString>

namespace branch
{

// "0.1.0": major.minor.patch of the release.
QString version();

} // namespace branch
