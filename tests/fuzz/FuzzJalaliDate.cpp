// Fuzz target: the Jalali date parser and the birth-date rule (app/core/JalaliDate).
#include "tests/fuzz/FuzzSupport.h"

#include "app/core/JalaliDate.h"

#include <QDate>

using namespace branch;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString in = fuzz::text(data, size);
    const QDate today(2024, 3, 20); // a fixed day: the outcome must depend on the input only
    const std::optional<QDate> parsed = parseJalali(in);
    QDate gregorian(2000, 1, 1);
    const Violations vs = checkBirthDate(in, today, &gregorian);
    fuzz::checkViolations(vs, QStringLiteral("birth_date"));
    FUZZ_CHECK(vs.size() <= 1);
    if (parsed) {
        FUZZ_CHECK(parsed->isValid());
        // Written back and read again, the same day (in both digit scripts).
        const QString written = toJalaliString(*parsed);
        FUZZ_CHECK(written.size() == 10);
        FUZZ_CHECK(parseJalali(written) == parsed);
        FUZZ_CHECK(parseJalali(toJalaliString(*parsed, true)) == parsed);
        // The rule agrees with the parser: a parsed day is refused only as future or too old.
        if (vs.isEmpty())
            FUZZ_CHECK(gregorian == *parsed && *parsed <= today && *parsed >= earliestBirthDate());
        else
            FUZZ_CHECK(vs.first().code == QLatin1String("birth_date.future") ||
                       vs.first().code == QLatin1String("birth_date.too_old"));
    } else {
        FUZZ_CHECK(!vs.isEmpty());
    }
    if (!vs.isEmpty())
        FUZZ_CHECK(!gregorian.isValid());
    return 0;
}
