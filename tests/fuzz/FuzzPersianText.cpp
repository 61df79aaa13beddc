// Fuzz target: the Persian text forms and digit scripts (app/core/PersianText, Digits):
// the matching forms of names and answers, the search tokens, the display form.
#include "tests/fuzz/FuzzSupport.h"

#include "app/core/Digits.h"
#include "app/core/PersianText.h"

using namespace branch;

namespace
{
bool hasNonAsciiDigit(const QString &s)
{
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0x06F0 && u <= 0x06F9) || (u >= 0x0660 && u <= 0x0669))
            return true;
    }
    return false;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString in = fuzz::text(data, size);

    const QString digits = normalizeDigits(in);
    FUZZ_CHECK(digits.size() == in.size() && !hasNonAsciiDigit(digits));
    FUZZ_CHECK(normalizeDigits(digits) == digits);
    FUZZ_CHECK(normalizeDigits(toPersianDigits(in)) == digits);
    const QString stripped = stripNumberSeparators(in);
    FUZZ_CHECK(stripped.size() <= in.size() && stripNumberSeparators(stripped) == stripped);

    // The matching forms are fixed points: normalising twice is normalising once, so that a
    // stored normalised value matches what is typed again.
    const QString name = normalizeName(in);
    FUZZ_CHECK(normalizeName(name) == name);
    for (QChar c : name)
        FUZZ_CHECK(!c.isSpace() && c != QChar(0x200C) && c != QChar(0x200D));
    FUZZ_CHECK(!hasNonAsciiDigit(name));
    FUZZ_CHECK(normalizeName(cleanDisplay(in)) == name);

    const QString answer = normalizeAnswer(in);
    FUZZ_CHECK(normalizeAnswer(answer) == answer);

    // Search tokens: no empty word, no separator inside one, each already in matching form.
    for (const QString &w : nameSearchTokens(in)) {
        FUZZ_CHECK(!w.isEmpty());
        FUZZ_CHECK(normalizeName(w) == w);
    }

    const QString display = cleanDisplay(in);
    FUZZ_CHECK(cleanDisplay(display) == display);
    FUZZ_CHECK(display == display.trimmed());
    return 0;
}
