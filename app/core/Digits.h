// Digit scripts: people type national codes, mobiles and dates with Persian (۰–۹),
// Arabic-Indic (٠–٩) or ASCII digits; the rules and the database work on ASCII only.
#pragma once

#include <QString>
#include <QStringView>

namespace branch
{

// Persian U+06F0..U+06F9 and Arabic-Indic U+0660..U+0669 digits become ASCII 0–9;
// every other character is left as it is.
QString normalizeDigits(QStringView s);

// ASCII digits become Persian digits, for display in the fa interface.
QString toPersianDigits(QStringView s);

// Removes what people put between the digits of a number: whitespace, dashes (ASCII and
// Unicode hyphens/dashes/minus) and invisible bidi marks that copy-paste from Persian
// text carries (LRM, RLM, embeddings, isolates). Nothing else is touched.
QString stripNumberSeparators(QStringView s);

} // namespace branch
