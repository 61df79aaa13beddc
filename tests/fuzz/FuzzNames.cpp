// Fuzz target: the identity field rules (app/core/Names): names, birth certificate number,
// gender and email. The first byte picks the rule, the rest is what was typed.
#include "tests/fuzz/FuzzSupport.h"

#include "app/core/Names.h"
#include "app/core/PersianText.h"

using namespace branch;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QString in = fuzz::text(data + 1, size - 1);
    QString normalized = QStringLiteral("stale");
    switch (data[0] % 4) {
    case 0: {
        static const QString fields[] = {QStringLiteral("first_name"), QStringLiteral("last_name"),
                                         QStringLiteral("father_name")};
        const QString &field = fields[(data[0] / 4) % 3];
        const Violations vs = checkName(in, field);
        fuzz::checkViolations(vs, field);
        // The rule reads the display form: the same verdict for it.
        FUZZ_CHECK(checkName(cleanDisplay(in), field) == vs);
        if (vs.isEmpty())
            FUZZ_CHECK(!normalizeName(in).isEmpty() && cleanDisplay(in).size() <= kMaxNameLength);
        break;
    }
    case 1: {
        const Violations vs = checkBirthCertNo(in, &normalized);
        fuzz::checkViolations(vs, QStringLiteral("birth_cert_no"));
        if (vs.isEmpty()) {
            FUZZ_CHECK(!normalized.isEmpty() && normalized.size() <= 10 && fuzz::isAsciiDigits(normalized));
            FUZZ_CHECK(normalized.count(QLatin1Char('0')) < normalized.size());
            QString again;
            FUZZ_CHECK(checkBirthCertNo(normalized, &again).isEmpty() && again == normalized);
        } else {
            FUZZ_CHECK(normalized.isEmpty());
        }
        break;
    }
    case 2: {
        const Violations vs = checkGender(in, &normalized);
        fuzz::checkViolations(vs, QStringLiteral("gender"));
        if (vs.isEmpty()) {
            FUZZ_CHECK(normalized == QLatin1String("M") || normalized == QLatin1String("F"));
            QString again;
            FUZZ_CHECK(checkGender(normalized, &again).isEmpty() && again == normalized);
        } else {
            FUZZ_CHECK(normalized.isEmpty());
        }
        break;
    }
    default: {
        const Violations vs = checkEmail(in, &normalized);
        fuzz::checkViolations(vs, QStringLiteral("email"));
        if (vs.isEmpty()) {
            FUZZ_CHECK(normalized.size() <= 254);
            if (!normalized.isEmpty()) {
                FUZZ_CHECK(normalized.count(QLatin1Char('@')) == 1);
                for (QChar c : normalized)
                    FUZZ_CHECK(c.unicode() > 0x20 && c.unicode() < 0x7F);
            }
            QString again;
            FUZZ_CHECK(checkEmail(normalized, &again).isEmpty() && again == normalized);
        } else {
            FUZZ_CHECK(normalized.isEmpty());
        }
        break;
    }
    }
    return 0;
}
