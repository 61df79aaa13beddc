// A small RFC 4180 CSV reader.
#include "CsvReader.h"

namespace branch
{

QList<CsvRecord> parseCsv(const QString &text, QString *error, int *errorLine)
{
    QList<CsvRecord> out;
    CsvRecord rec;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false;
    int line = 1;
    rec.line = 1;
    int quoteStart = 0;
    auto endField = [&] {
        rec.fields << field;
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&](int nextLine) {
        endField();
        // A blank line is not a record.
        if (!(rec.fields.size() == 1 && rec.fields.first().isEmpty()))
            out << rec;
        rec = CsvRecord{};
        rec.line = nextLine;
    };
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
            quoteStart = line;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            // CRLF: the LF ends the record
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRecord(line);
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        if (error)
            *error = QStringLiteral("unterminated quoted field");
        if (errorLine)
            *errorLine = quoteStart;
        return out;
    }
    if (fieldStarted || !rec.fields.isEmpty() || !field.isEmpty())
        endRecord(line + 1);
    return out;
}

} // namespace branch
