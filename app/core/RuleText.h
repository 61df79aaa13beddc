// Internal helper for the rules: builds a Violation whose message is translated in the
// "branch::Rules" context. Messages are marked with QT_TRANSLATE_NOOP at the call site so
// that lupdate still finds the English source strings.
#pragma once

#include "app/core/Violation.h"

#include <QCoreApplication>

namespace branch
{

inline QString rulesText(const char *source)
{
    return QCoreApplication::translate("branch::Rules", source);
}

inline Violation makeViolation(const QString &field, const QString &code, const char *source)
{
    return Violation{field, code, rulesText(source)};
}

} // namespace branch
