// Shared helpers for the rule unit tests: compare violations by their codes, and check
// that every violation is well formed (field is the code's prefix, message present).
#pragma once

#include "app/core/Violation.h"

#include <QStringList>
#include <QTest>

namespace rulestest
{

// Codes in the order they were reported.
inline QStringList codesOf(const branch::Violations &vs)
{
    QStringList out;
    for (const auto &v : vs)
        out.append(v.code);
    return out;
}

inline QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

// True when every violation's code starts with "<field>." and has a message.
inline bool wellFormed(const branch::Violations &vs, const QString &field)
{
    for (const auto &v : vs)
        if (v.field != field || !v.code.startsWith(field + u'.') || v.message.isEmpty())
            return false;
    return true;
}

} // namespace rulestest
