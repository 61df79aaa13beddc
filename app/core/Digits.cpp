// Digit-script conversion shared by every rule that reads numbers.
#include "app/core/Digits.h"

namespace branch
{

QString normalizeDigits(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (u >= 0x06F0 && u <= 0x06F9)
            out.append(QChar(u'0' + (u - 0x06F0)));
        else if (u >= 0x0660 && u <= 0x0669)
            out.append(QChar(u'0' + (u - 0x0660)));
        else
            out.append(c);
    }
    return out;
}

QString toPersianDigits(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            out.append(QChar(char16_t(0x06F0 + (u - u'0'))));
        else
            out.append(c);
    }
    return out;
}

static bool isNumberSeparator(QChar c)
{
    const char16_t u = c.unicode();
    if (c.isSpace() || u == u'-')
        return true;
    if (u >= 0x2010 && u <= 0x2015) // hyphen, non-breaking hyphen, figure dash, en/em dash, bar
        return true;
    if (u == 0x2212 || u == 0x00AD) // minus sign, soft hyphen
        return true;
    // Invisible direction marks: LRM, RLM, ALM, embeddings/overrides, isolates, BOM.
    return u == 0x200E || u == 0x200F || u == 0x061C || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) ||
           u == 0xFEFF;
}

QString stripNumberSeparators(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s)
        if (!isNumberSeparator(c))
            out.append(c);
    return out;
}

} // namespace branch
