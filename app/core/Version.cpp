// The version compiled in from CMake (BRANCHDESK_VERSION, set on this file alone so that a
// new version rebuilds one file).
#include "Version.h"

#ifndef BRANCHDESK_VERSION
#error "BRANCHDESK_VERSION must be defined by the build (app/CMakeLists.txt)"
#endif

namespace branch
{

QString version()
{
    return QStringLiteral(BRANCHDESK_VERSION);
}

} // namespace branch
