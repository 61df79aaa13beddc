// Mobile number normalisation to the national 09XXXXXXXXX form.
#include "app/core/Mobile.h"

#include "app/core/Digits.h"
#include "app/core/RuleText.h"

namespace branch
{

namespace
{

const QString kField = QStringLiteral("mobile");

Violation formatError()
{
    return makeViolation(
        kField, QStringLiteral("mobile.format"),
        QT_TRANSLATE_NOOP("branch::Rules", "The mobile number may contain only digits, like 09121234567."));
}

} // namespace

Violations checkMobile(QStringView input, QString *normalized)
{
    if (normalized)
        normalized->clear();
    QString s = stripNumberSeparators(normalizeDigits(input));
    s.remove(u'(');
    s.remove(u')');
    s.remove(u'.');
    if (s.isEmpty())
        return {makeViolation(kField, QStringLiteral("mobile.required"),
                              QT_TRANSLATE_NOOP("branch::Rules", "The mobile number is required."))};

    const bool plus = s.startsWith(u'+');
    QStringView digits = QStringView(s).sliced(plus ? 1 : 0);
    for (QChar c : digits)
        if (c < u'0' || c > u'9')
            return {formatError()};
    if (digits.isEmpty())
        return {formatError()};

    // Reduce to the national significant number (what follows 0 or +98).
    QStringView nsn;
    bool international = false;
    if (plus) {
        if (!digits.startsWith(u"98"))
            return {formatError()};
        nsn = digits.sliced(2);
        international = true;
    } else if (digits.startsWith(u"00")) {
        if (!digits.startsWith(u"0098"))
            return {formatError()};
        nsn = digits.sliced(4);
        international = true;
    } else if (digits.startsWith(u"98") && digits.size() == 12) {
        nsn = digits.sliced(2);
        international = true;
    } else if (digits.startsWith(u'0')) {
        nsn = digits.sliced(1);
    } else if (digits.startsWith(u'9')) {
        nsn = digits;
    } else {
        return {formatError()};
    }
    if (international && nsn.startsWith(u'0'))
        nsn = nsn.sliced(1); // "+98 (0)912…"

    if (!nsn.isEmpty() && nsn.front() != u'9' && nsn.front() != u'0')
        return {
            makeViolation(kField, QStringLiteral("mobile.landline"),
                          QT_TRANSLATE_NOOP("branch::Rules",
                                            "This is a landline number; a mobile number starting with 09 is needed."))};
    if (nsn.size() != 10 || nsn.front() != u'9')
        return {makeViolation(
            kField, QStringLiteral("mobile.length"),
            QT_TRANSLATE_NOOP("branch::Rules", "A mobile number has 11 digits and starts with 09, like 09121234567."))};

    if (normalized)
        *normalized = QStringLiteral("0") + nsn.toString();
    return {};
}

} // namespace branch
