// Iranian mobile numbers. The portal sends every outcome by SMS, so the number must be
// a mobile line (09…), never a landline.
#pragma once

#include "app/core/Violation.h"

#include <QString>
#include <QStringView>

namespace branch
{

// Field "mobile". Accepted shapes, in any digit script, with spaces, dashes, dots,
// parentheses and bidi marks anywhere:
//   09XXXXXXXXX, 9XXXXXXXXX, +989XXXXXXXXX, 00989XXXXXXXXX, 989XXXXXXXXX,
//   and "+98 (0)9…" / "0098 09…" (a trunk 0 after the country code is tolerated).
// A bare "98…" is read as the country code only when 12 digits long; otherwise
// "98…" would eat the first digits of a "9…" number.
// Codes:
//   mobile.required  nothing typed
//   mobile.format    letters or other junk, a "+" that is not the first character, a
//                    foreign country code, or digits that start like no Iranian number
//                    (not 0, 9, 98, 0098 or +98)
//   mobile.landline  Iranian but not mobile: 0 (or +98 / 0098) followed by a digit 1–8,
//                    e.g. 021…, 0311…, +9821…
//   mobile.length    a mobile prefix with the wrong number of digits
// *normalized receives 09XXXXXXXXX (ASCII) when valid and is cleared otherwise.
Violations checkMobile(QStringView input, QString *normalized = nullptr);

} // namespace branch
