// Jalali date parsing, validation and formatting.
#include "app/core/JalaliDate.h"

#include "app/core/Digits.h"
#include "app/core/RuleText.h"

#include <QCalendar>
#include <QRegularExpression>

namespace branch
{

namespace
{

const QCalendar &jalali()
{
    static const QCalendar calendar(QCalendar::System::Jalali);
    return calendar;
}

struct Parts {
    int year, month, day;
};

std::optional<Parts> splitJalali(QStringView input)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d{4})([/-])(\\d{1,2})\\2(\\d{1,2})$"));
    // Only ASCII digits count: \d would also match other scripts, which are normalised first.
    const QString s = normalizeDigits(input.trimmed());
    for (QChar c : s)
        if (c.isDigit() && (c < u'0' || c > u'9'))
            return std::nullopt;
    const auto m = shape.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    return Parts{m.captured(1).toInt(), m.captured(3).toInt(), m.captured(4).toInt()};
}

} // namespace

QDate earliestBirthDate()
{
    return jalali().dateFromParts(1280, 1, 1);
}

std::optional<QDate> parseJalali(QStringView input)
{
    const auto parts = splitJalali(input);
    if (!parts)
        return std::nullopt;
    const QDate d = jalali().dateFromParts(parts->year, parts->month, parts->day);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

Violations checkBirthDate(QStringView input, const QDate &today, QDate *gregorian)
{
    static const QString field = QStringLiteral("birth_date");
    if (gregorian)
        *gregorian = QDate();
    if (input.trimmed().isEmpty())
        return {makeViolation(field, QStringLiteral("birth_date.required"),
                              QT_TRANSLATE_NOOP("branch::Rules", "The birth date is required."))};
    const auto parts = splitJalali(input);
    if (!parts)
        return {makeViolation(field, QStringLiteral("birth_date.format"),
                              QT_TRANSLATE_NOOP("branch::Rules",
                                                "Enter the birth date as year/month/day in the Jalali calendar, "
                                                "like 1365/04/12."))};
    const QDate d = jalali().dateFromParts(parts->year, parts->month, parts->day);
    if (!d.isValid())
        return {makeViolation(field, QStringLiteral("birth_date.invalid"),
                              QT_TRANSLATE_NOOP("branch::Rules", "This date does not exist in the calendar."))};
    if (d > today)
        return {makeViolation(field, QStringLiteral("birth_date.future"),
                              QT_TRANSLATE_NOOP("branch::Rules", "The birth date cannot be in the future."))};
    if (d < earliestBirthDate())
        return {makeViolation(field, QStringLiteral("birth_date.too_old"),
                              QT_TRANSLATE_NOOP("branch::Rules", "The birth date cannot be before 1280/01/01."))};
    if (gregorian)
        *gregorian = d;
    return {};
}

QString toJalaliString(const QDate &g, bool persianDigits)
{
    if (!g.isValid())
        return {};
    const QCalendar::YearMonthDay p = jalali().partsFromDate(g);
    const QString s = QStringLiteral("%1/%2/%3")
                          .arg(p.year, 4, 10, QLatin1Char('0'))
                          .arg(p.month, 2, 10, QLatin1Char('0'))
                          .arg(p.day, 2, 10, QLatin1Char('0'));
    return persianDigits ? toPersianDigits(s) : s;
}

} // namespace branch
