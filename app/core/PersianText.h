// Persian text forms. Names and answers are stored twice: as typed (for display) and in
// a matching form, so that the many ways of typing the same Persian word compare equal
// (Arabic vs Persian keyboard letters, ZWNJ or space or nothing between parts, diacritics,
// presentation forms pasted from PDFs, digit scripts).
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace branch
{

// Matching form of a name: one string, no separators.
// - NFKD compatibility decomposition first, so Arabic presentation forms (U+FB50–U+FEFF),
//   ligatures and full-width characters fold to base letters, and hamza/madda letters
//   split into a base letter plus a mark;
// - Arabic ي ى ئ → ی, ك → ک, ة ۀ ھ → ه, أ إ ٱ آ → ا, ؤ → و (the hamza/madda marks are
//   removed with the other diacritics);
// - آ is folded to ا on purpose: the madda is often left out when typing («اذر» for «آذر»)
//   and for matching that must not make two people different;
// - removed: tatweel U+0640, Arabic diacritics U+064B..U+065F and U+0670, Quranic marks
//   U+06D6..U+06ED, every whitespace, ZWNJ, ZWJ, bidi marks, hyphens and apostrophes
//   (so «محمد حسین» == «محمدحسین» == «محمد-حسین», «نیک‌پور» ==
//   «نیکپور»);
// - digits become ASCII, Latin letters lower case; the result is NFC.
QString normalizeName(QStringView s);

// Words for the full-text index and for search queries. Same letter folding as
// normalizeName, but whitespace, ZWNJ, ZWJ and hyphens SPLIT words instead of being
// dropped, so «نیک‌پور» gives {"نیک", "پور"} and a search for «پور» finds it. Empty words
// are left out. An index that must also find «نیکپور» typed without the ZWNJ should store
// normalizeName() of the whole name as well.
QStringList nameSearchTokens(QStringView s);

// What we store "as typed", for display: trimmed and every run of whitespace collapsed to
// one space. Letters, ZWNJ and digits are kept exactly as typed.
QString cleanDisplay(QStringView s);

// How a stored name (or any Persian text a person reads) is shown: each Arabic letter variant
// becomes the Persian letter a Persian keyboard types (ي ى ے → ی, ك → ک, ة ھ ہ ە → ه,
// ٱ → ا: the same letter table as normalizeName), Arabic presentation forms (U+FB50–U+FDFF,
// U+FE70–U+FEFF, pasted from PDFs) become their letters, and Arabic-Indic digits become
// Persian ones. Nothing else changes: spaces, ZWNJ, hamza and madda letters (ئ أ آ ۀ),
// diacritics and Latin text stay as typed, so the result differs from the stored value only
// in letter forms and normalizeName() gives the same matching form for both. The database
// keeps the value as typed; only what people read goes through this.
QString persianLetterForms(QStringView s);

// "first last" in persianLetterForms(), the one way a person's name is written on screens,
// receipts and PDFs.
QString personName(QStringView firstName, QStringView lastName);

// Comparison form of a security-question answer: normalizeName() plus full case folding,
// so "Red", "red " and "RED" are equal, and so are «آبی» and «ابی» (madda folded, as for names).
QString normalizeAnswer(QStringView s);

} // namespace branch
