// A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF or LF), enough for the
// reference-data files; it reports the line each record starts on.
#pragma once

#include <QString>
#include <QStringList>

namespace branch
{

struct CsvRecord {
    int line = 0; // 1-based line where the record starts
    QStringList fields;
};

// Parses the whole text. *error receives a message and *errorLine the line of an
// unterminated quote; returns what was read before it.
QList<CsvRecord> parseCsv(const QString &text, QString *error = nullptr, int *errorLine = nullptr);

} // namespace branch
