// Fuzz target: the national code rule (app/core/NationalCode), on anything typed or pasted.
#include "tests/fuzz/FuzzSupport.h"

#include "app/core/Digits.h"
#include "app/core/NationalCode.h"

using namespace branch;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString in = fuzz::text(data, size);
    QString normalized = QStringLiteral("stale");
    const Violations vs = checkNationalCode(in, &normalized);
    fuzz::checkViolations(vs, QStringLiteral("national_code"));
    FUZZ_CHECK(vs.isEmpty() == isValidNationalCode(in));
    if (vs.isEmpty()) {
        // Accepted: ten ASCII digits, accepted again as they are, the last one the check digit.
        FUZZ_CHECK(normalized.size() == 10 && fuzz::isAsciiDigits(normalized));
        QString again;
        FUZZ_CHECK(checkNationalCode(normalized, &again).isEmpty() && again == normalized);
        FUZZ_CHECK(nationalCodeWithCheckDigit(QStringView(normalized).first(9)) == normalized);
    } else {
        FUZZ_CHECK(normalized.isEmpty());
    }
    const QString made = nationalCodeWithCheckDigit(in);
    if (!made.isEmpty()) {
        FUZZ_CHECK(made.size() == 10 && fuzz::isAsciiDigits(made));
        FUZZ_CHECK(made.first(9) == normalizeDigits(in));
    }
    return 0;
}
