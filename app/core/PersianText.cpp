// Persian letter folding for names, search tokens and security answers.
#include "app/core/PersianText.h"

#include "app/core/Digits.h"

namespace branch
{

namespace
{

// Characters that separate the parts of a name; dropped by normalizeName, split on by
// nameSearchTokens.
bool isWordSeparator(QChar c)
{
    const char16_t u = c.unicode();
    if (c.isSpace())
        return true;
    return u == 0x200C || u == 0x200D // ZWNJ, ZWJ
           || u == u'-' || (u >= 0x2010 && u <= 0x2015) || u == 0x00AD;
}

// Characters without any meaning for matching.
bool isIgnorable(QChar c)
{
    const char16_t u = c.unicode();
    if (u == 0x0640) // tatweel (kashida), only stretches the line
        return true;
    if ((u >= 0x064B && u <= 0x065F) || u == 0x0670 || (u >= 0x06D6 && u <= 0x06ED))
        return true; // harakat, hamza/madda marks after decomposition, superscript alef
    if (u == 0x200E || u == 0x200F || u == 0x061C || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) ||
        u == 0xFEFF)
        return true;                                              // bidi marks
    return u == u'\'' || u == 0x2019 || u == 0x02BC || u == u'`'; // apostrophes
}

// The Arabic letter variants and the Persian letter each stands for: shared by the matching
// form (normalizeName) and the display form (persianLetterForms).
QChar foldLetter(QChar c)
{
    switch (c.unicode()) {
    case 0x064A: // ARABIC LETTER YEH
    case 0x0649: // ARABIC LETTER ALEF MAKSURA
    case 0x06D2: // YEH BARREE
        return QChar(0x06CC);
    case 0x0643: // ARABIC LETTER KAF
        return QChar(0x06A9);
    case 0x0629: // TEH MARBUTA
    case 0x06BE: // HEH DOACHASHMEE
    case 0x06C1: // HEH GOAL
    case 0x06D5: // AE
        return QChar(0x0647);
    case 0x0671: // ALEF WASLA
    case 0x0672:
    case 0x0673:
        return QChar(0x0627);
    default:
        return c;
    }
}

// NFKD splits آ أ إ ؤ ئ ۀ into base letter + mark; marks are dropped later, so the base
// letters remain (ئ → ي → ی).
QString foldWord(QStringView s, bool dropSeparators)
{
    const QString decomposed = normalizeDigits(s).normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (isIgnorable(c))
            continue;
        if (dropSeparators && isWordSeparator(c))
            continue;
        out.append(foldLetter(c));
    }
    // Recompose so that Latin letters with accents compare equal however they were typed.
    return out.toLower().normalized(QString::NormalizationForm_C);
}

} // namespace

QString normalizeName(QStringView s)
{
    return foldWord(s, true);
}

QStringList nameSearchTokens(QStringView s)
{
    // Fold first without dropping separators: presentation forms can decompose into
    // a space (e.g. U+FDFA), which then splits like a typed one.
    const QString folded = foldWord(s, false);
    QStringList words;
    QString current;
    for (QChar c : folded) {
        if (isWordSeparator(c)) {
            if (!current.isEmpty())
                words.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.isEmpty())
        words.append(current);
    return words;
}

QString cleanDisplay(QStringView s)
{
    return s.toString().simplified();
}

QString persianLetterForms(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0xFB50 && u <= 0xFDFF) || (u >= 0xFE70 && u <= 0xFEFF)) {
            // A presentation form stands for its letters (a ligature for several); NFKC keeps
            // a hamza letter whole (ﺋ → ئ), as it would have been typed.
            const QString letters = QString(c).normalized(QString::NormalizationForm_KC);
            for (QChar l : letters)
                out.append(foldLetter(l));
        } else if (u >= 0x0660 && u <= 0x0669) {
            out.append(QChar(0x06F0 + (u - 0x0660))); // Arabic-Indic digit → Persian
        } else {
            out.append(foldLetter(c));
        }
    }
    return out;
}

QString personName(QStringView firstName, QStringView lastName)
{
    return persianLetterForms(cleanDisplay(QStringLiteral("%1 %2").arg(firstName, lastName)));
}

QString normalizeAnswer(QStringView s)
{
    return normalizeName(s).toCaseFolded();
}

} // namespace branch
