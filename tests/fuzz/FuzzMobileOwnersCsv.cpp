// Fuzz target: the mobile operators' ownership file (parseMobileOwnersCsv,
// app/lifecycle/Admin): a failure whose errors each carry a line of the file, or pairs of a
// valid national code and a mobile in 09XXXXXXXXX form.
#include "tests/fuzz/FuzzSupport.h"

#include "app/lifecycle/Admin.h"

#include <QBuffer>
#include <QJsonArray>

using namespace branch;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const int lines = int(bytes.count('\n')) + 1;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const auto result = parseMobileOwnersCsv(buffer);
    if (!result.ok()) {
        FUZZ_CHECK(result.failure.kind == Failure::Kind::Rule);
        const QJsonArray errors = result.failure.extra.value(QLatin1String("errors")).toArray();
        FUZZ_CHECK(!errors.isEmpty() && errors.size() == result.failure.violations.size());
        for (const auto &e : errors) {
            const int line = e.toObject().value(QLatin1String("line")).toInt(-1);
            FUZZ_CHECK(line >= 1 && line <= lines);
        }
        return 0;
    }
    for (const auto &[code, mobile] : *result.value) {
        FUZZ_CHECK(code.size() == 10 && fuzz::isAsciiDigits(code));
        FUZZ_CHECK(mobile.size() == 11 && mobile.startsWith(QLatin1String("09")) && fuzz::isAsciiDigits(mobile));
    }
    return 0;
}
