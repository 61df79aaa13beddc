// The applicant name index (request_names, FTS5): the text stored for a request's names and
// the MATCH expression a typed name becomes (see NameIndex.cpp for how they meet). Public
// for the benchmarks' raw baselines.
#pragma once

#include <QString>

namespace branch::db
{

QString nameMatchQuery(const QString &text);
QString nameIndexText(const QString &firstName, const QString &lastName);

} // namespace branch::db
