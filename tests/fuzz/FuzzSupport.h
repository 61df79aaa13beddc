// What every fuzz target shares: the input as text, the input cut into fields, and the
// check that stops the run (abort, which libFuzzer reports as a crash with its input).
#pragma once

#include "app/core/Violation.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Stops the fuzzer when an invariant of the code under test is broken. Not assert():
// the fuzz build is a release build (NDEBUG), and the check must hold there too.
#define FUZZ_CHECK(cond)                                                                                               \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            std::fprintf(stderr, "fuzz: invariant broken: %s (%s:%d)\n", #cond, __FILE__, __LINE__);                   \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (0)

namespace fuzz
{

// The bytes as UTF-8, as the desk's files and branchctl's input are read (invalid sequences
// become U+FFFD, as QString::fromUtf8 makes them).
inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The text cut at newlines into exactly n fields (missing ones empty, the rest kept in the
// last), so that a seed file holds one field a line.
inline QStringList fields(const QString &text, int n)
{
    QStringList parts = text.split(QLatin1Char('\n'));
    while (parts.size() > n)
        parts[n - 1] += QLatin1Char('\n') + parts.takeAt(n);
    while (parts.size() < n)
        parts << QString();
    return parts;
}

inline bool isAsciiDigits(const QString &s)
{
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

// Every violation names its field, has a code "<field>.<what>" and a message; `field`
// empty: any field, as long as code and field agree.
inline void checkViolations(const branch::Violations &vs, const QString &field = QString())
{
    for (const auto &v : vs) {
        FUZZ_CHECK(field.isEmpty() || v.field == field);
        FUZZ_CHECK(v.code.startsWith(v.field + QLatin1Char('.')));
        FUZZ_CHECK(!v.message.isEmpty());
    }
}

} // namespace fuzz
