// National code check-digit rule.
#include "app/core/NationalCode.h"

#include "app/core/Digits.h"
#include "app/core/RuleText.h"

namespace branch
{

namespace
{

const QString kField = QStringLiteral("national_code");

bool allAsciiDigits(QStringView s)
{
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

// Check digit for nine ASCII digits.
int checkDigit(QStringView nine)
{
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += (nine[i].unicode() - u'0') * (10 - i);
    const int r = sum % 11;
    return r < 2 ? r : 11 - r;
}

} // namespace

Violations checkNationalCode(QStringView input, QString *normalized)
{
    Violations out;
    if (normalized)
        normalized->clear();
    const QString code = stripNumberSeparators(normalizeDigits(input));
    if (code.isEmpty()) {
        out.append(makeViolation(kField, QStringLiteral("national_code.required"),
                                 QT_TRANSLATE_NOOP("branch::Rules", "The national code is required.")));
        return out;
    }
    if (code.size() != 10 || !allAsciiDigits(code)) {
        out.append(makeViolation(kField, QStringLiteral("national_code.format"),
                                 QT_TRANSLATE_NOOP("branch::Rules", "The national code must be exactly 10 digits.")));
        return out;
    }
    if (code.count(code.front()) == code.size()) {
        out.append(makeViolation(
            kField, QStringLiteral("national_code.repeated"),
            QT_TRANSLATE_NOOP("branch::Rules", "The national code cannot be one digit repeated ten times.")));
    } else if (checkDigit(QStringView(code).first(9)) != code.back().unicode() - u'0') {
        out.append(makeViolation(
            kField, QStringLiteral("national_code.checksum"),
            QT_TRANSLATE_NOOP("branch::Rules", "The national code is not valid: its check digit does not match.")));
    } else if (QStringView(code).sliced(3, 6) == u"000000") {
        out.append(makeViolation(
            kField, QStringLiteral("national_code.not_issued"),
            QT_TRANSLATE_NOOP("branch::Rules",
                              "This national code has not been issued: its fourth to ninth digits are all zero.")));
    }
    if (out.isEmpty() && normalized)
        *normalized = code;
    return out;
}

bool isValidNationalCode(QStringView input)
{
    return checkNationalCode(input).isEmpty();
}

QString nationalCodeWithCheckDigit(QStringView nineDigits)
{
    const QString nine = normalizeDigits(nineDigits);
    if (nine.size() != 9 || !allAsciiDigits(nine))
        return {};
    return nine + QChar(u'0' + checkDigit(nine));
}

} // namespace branch
