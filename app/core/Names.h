// Identity fields of step two (as on the birth certificate) and the optional email of
// step three: first/last/father name, birth certificate number, gender, email.
#pragma once

#include "app/core/Violation.h"

#include <QString>
#include <QStringView>

namespace branch
{

constexpr int kMaxNameLength = 60;

// Field `field` (first_name, last_name, father_name). Checked on cleanDisplay(input).
// Codes "<field>.required"; "<field>.invalid_chars" (allowed: letters of any script,
// space, ZWNJ/ZWJ, hyphens, apostrophes, Arabic diacritics U+064B..U+065F/U+0670 and
// Latin combining accents U+0300..U+036F; at least one letter); "<field>.too_long"
// (more than kMaxNameLength UTF-16 units). Several may be reported together.
Violations checkName(QStringView input, const QString &field);

// Field "birth_cert_no". Digits in any script; whitespace/dashes removed. Codes
// birth_cert_no.required, birth_cert_no.format (not 1–10 digits), birth_cert_no.zero
// (only zeros: the seed tells people never to enter 0). Equal to the national code is
// valid: people whose two numbers are the same enter the same value twice.
// *normalized receives the ASCII digits as typed (leading zeros kept) when valid.
Violations checkBirthCertNo(QStringView input, QString *normalized = nullptr);

// Field "gender". "M"/"F"; also m/f, male/female (any case), مرد/زن and آقا/خانم.
// Codes gender.required, gender.invalid. *normalized receives "M" or "F" when valid.
Violations checkGender(QStringView input, QString *normalized = nullptr);

// Field "email", optional: empty (after trimming) is valid and gives an empty
// *normalized. Otherwise code email.invalid unless: no whitespace; exactly one @; local
// part 1–64 ASCII characters of RFC 5322 "atext" and dots (no leading, trailing or double
// dot); domain of at least two dot-separated labels, each 1–63 of [A-Za-z0-9-] not
// starting or ending with "-", the last one alphabetic and at least 2 long; at most 254
// characters in all. Internationalised addresses are refused (the portal's SMTP does not
// handle them). *normalized: trimmed, domain lower-cased.
Violations checkEmail(QStringView input, QString *normalized = nullptr);

} // namespace branch
