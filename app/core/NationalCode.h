// The Iranian national code (کد ملی): ten digits, the last one a check digit. It is the
// username of the portal and the key of every person in BranchDesk.
#pragma once

#include "app/core/Violation.h"

#include <QString>
#include <QStringView>

namespace branch
{

// Field "national_code". Accepts any digit script; whitespace, dashes and bidi marks
// anywhere are removed first (people copy "001-234567-9" from cards). Codes:
//   national_code.required  nothing left after removing them
//   national_code.format    a non-digit, or not exactly 10 digits (leading zeros count)
//   national_code.repeated  one digit ten times (these all pass the checksum!)
//   national_code.checksum  s = sum d[i]*(10-i), i=0..8; r = s % 11;
//                           valid iff (r < 2 and d9 == r) or (r >= 2 and d9 == 11 - r)
//   national_code.not_issued  the six digits after the first three all zero: no issued
//                           code has them, though e.g. 0020000006 passes the checksum
// *normalized receives the 10 ASCII digits when valid and is cleared otherwise.
Violations checkNationalCode(QStringView input, QString *normalized = nullptr);

bool isValidNationalCode(QStringView input);

// The 10-digit code made of nine digits (any script) plus their check digit, or an
// empty string when the input is not nine digits. For demo data and tests.
QString nationalCodeWithCheckDigit(QStringView nineDigits);

} // namespace branch
