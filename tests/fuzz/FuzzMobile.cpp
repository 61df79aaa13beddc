// Fuzz target: the mobile number rule (app/core/Mobile).
#include "tests/fuzz/FuzzSupport.h"

#include "app/core/Mobile.h"

using namespace branch;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString in = fuzz::text(data, size);
    QString normalized = QStringLiteral("stale");
    const Violations vs = checkMobile(in, &normalized);
    fuzz::checkViolations(vs, QStringLiteral("mobile"));
    FUZZ_CHECK(vs.size() <= 1); // one code says what is wrong
    if (vs.isEmpty()) {
        // 09 and nine more ASCII digits, accepted again unchanged.
        FUZZ_CHECK(normalized.size() == 11 && normalized.startsWith(QLatin1String("09")) &&
                   fuzz::isAsciiDigits(normalized));
        QString again;
        FUZZ_CHECK(checkMobile(normalized, &again).isEmpty() && again == normalized);
        // The international form of the same number is the same number.
        QString intl;
        FUZZ_CHECK(checkMobile(QLatin1String("+98") + normalized.mid(1), &intl).isEmpty() && intl == normalized);
    } else {
        FUZZ_CHECK(normalized.isEmpty());
    }
    return 0;
}
