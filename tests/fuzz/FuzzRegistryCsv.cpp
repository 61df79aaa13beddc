// Fuzz target: the civil registry import file (parseRegistryCsv, app/lifecycle/Admin): it
// either fails, every error with a line of the file, or returns persons whose fields are
// all in their stored form.
#include "tests/fuzz/FuzzSupport.h"

#include "app/core/PersianText.h"
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
    const QDateTime now(QDate(2024, 3, 20), QTime(12, 0), Qt::UTC);
    const auto result = parseRegistryCsv(buffer, now);
    if (!result.ok()) {
        FUZZ_CHECK(result.failure.kind == Failure::Kind::Rule);
        const QJsonArray errors = result.failure.extra.value(QLatin1String("errors")).toArray();
        FUZZ_CHECK(!errors.isEmpty() && errors.size() == result.failure.violations.size());
        for (const auto &e : errors) {
            const int line = e.toObject().value(QLatin1String("line")).toInt(-1);
            FUZZ_CHECK(line >= 1 && line <= lines);
            FUZZ_CHECK(!e.toObject().value(QLatin1String("code")).toString().isEmpty());
        }
        return 0;
    }
    QSet<QString> codes;
    for (const auto &p : *result.value) {
        FUZZ_CHECK(p.nationalCode.size() == 10 && fuzz::isAsciiDigits(p.nationalCode));
        FUZZ_CHECK(!codes.contains(p.nationalCode));
        codes.insert(p.nationalCode);
        FUZZ_CHECK(!p.firstNameNorm.isEmpty() && p.firstNameNorm == normalizeName(p.firstName));
        FUZZ_CHECK(!p.lastNameNorm.isEmpty() && p.lastNameNorm == normalizeName(p.lastName));
        FUZZ_CHECK(p.fatherNameNorm == normalizeName(p.fatherName));
        FUZZ_CHECK(!p.birthCertNo.isEmpty() && fuzz::isAsciiDigits(p.birthCertNo));
        FUZZ_CHECK(p.birthDate.isValid() && p.birthDate <= now.date());
        FUZZ_CHECK(p.gender == QLatin1String("M") || p.gender == QLatin1String("F"));
    }
    return 0;
}
