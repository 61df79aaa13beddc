// Jalali (Solar Hijri) dates: what people read and type. The database stores Gregorian
// ISO dates; conversion goes through Qt's QCalendar::System::Jalali.
#pragma once

#include "app/core/Violation.h"

#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

namespace branch
{

// The earliest birth date accepted: 1280/01/01 Jalali (March 1901); older people have
// no living registration.
QDate earliestBirthDate();

// Parses yyyy/mm/dd or yyyy-mm-dd (one separator kind), 4-digit year, 1- or 2-digit
// month and day, any digit script, surrounding whitespace ignored. nullopt when the
// shape is wrong or the date does not exist in the Jalali calendar.
std::optional<QDate> parseJalali(QStringView input);

// Field "birth_date". Codes: birth_date.required, birth_date.format (wrong shape),
// birth_date.invalid (no such day, e.g. 1402/12/30, 1400/07/31, 1400/13/01),
// birth_date.future (after `today`), birth_date.too_old (before earliestBirthDate()).
// *gregorian receives the date when valid, and an invalid QDate otherwise.
Violations checkBirthDate(QStringView input, const QDate &today, QDate *gregorian = nullptr);

// "1365/04/12" (zero-padded), with Persian digits on request; empty for an invalid date.
QString toJalaliString(const QDate &g, bool persianDigits = false);

} // namespace branch
