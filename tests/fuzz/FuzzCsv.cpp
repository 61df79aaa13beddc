// Fuzz target: the CSV reader itself (app/lifecycle/CsvReader): either an unterminated quote
// with the line it opened on, or records with increasing line numbers inside the text.
#include "tests/fuzz/FuzzSupport.h"

#include "app/lifecycle/CsvReader.h"

using namespace branch;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString in = fuzz::text(data, size);
    const int lines = int(in.count(QLatin1Char('\n'))) + 1;
    QString error;
    int errorLine = -1;
    const QList<CsvRecord> records = parseCsv(in, &error, &errorLine);
    if (!error.isEmpty())
        FUZZ_CHECK(errorLine >= 1 && errorLine <= lines);
    else
        FUZZ_CHECK(errorLine == -1);
    int previous = 0;
    qsizetype chars = 0;
    for (const CsvRecord &r : records) {
        FUZZ_CHECK(r.line > previous && r.line <= lines);
        FUZZ_CHECK(!r.fields.isEmpty());
        previous = r.line;
        for (const QString &f : r.fields)
            chars += f.size();
    }
    FUZZ_CHECK(chars <= in.size()); // nothing made up
    // The same text read again gives the same records (no state kept between calls).
    QString error2;
    const QList<CsvRecord> again = parseCsv(in, &error2);
    FUZZ_CHECK(error2 == error && again.size() == records.size());
    return 0;
}
