// The applicant name index: what is stored for each request's names and how a typed
// query becomes an FTS5 MATCH expression.
//
// People type names with or without spaces and ZWNJ («محمد حسین», «محمدحسین»,
// «محمد‌حسین») and with Arabic or Persian letters. Each request indexes its normalised
// words (each a prefix target) plus the joined forms of the first name, the last name
// and both together; a query matches when every typed word is a prefix of some indexed
// word, or when the typed text joined together is a prefix of a joined form. So
// «محمد حسین» finds «محمدحسین» and the other way round, and «نیکپور» finds
// «نیک‌پور».
#include "NameIndex.h"

#include "app/core/PersianText.h"

#include <QStringList>

namespace branch::db
{

namespace
{
QString quoted(const QString &token)
{
    QString t = token;
    t.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + t + QLatin1Char('"');
}
} // namespace

QString nameIndexText(const QString &firstName, const QString &lastName)
{
    QStringList words = nameSearchTokens(firstName);
    words += nameSearchTokens(lastName);
    const QStringList joined = {normalizeName(firstName), normalizeName(lastName), normalizeName(firstName + lastName)};
    for (const QString &j : joined)
        if (!j.isEmpty() && !words.contains(j))
            words << j;
    return words.join(QLatin1Char(' '));
}

QString nameMatchQuery(const QString &text)
{
    const QStringList tokens = nameSearchTokens(text);
    if (tokens.isEmpty())
        return {};
    QStringList each;
    for (const QString &t : tokens)
        each << quoted(t) + QLatin1Char('*');
    if (tokens.size() == 1)
        return each.first();
    return QLatin1Char('(') + each.join(QLatin1String(" AND ")) + QLatin1String(") OR ") + quoted(normalizeName(text)) +
           QLatin1Char('*');
}

} // namespace branch::db
