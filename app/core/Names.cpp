// Identity-field rules of registration step two, and the email of step three.
#include "app/core/Names.h"

#include "app/core/Digits.h"
#include "app/core/PersianText.h"
#include "app/core/RuleText.h"

#include <algorithm>

namespace branch
{

static_assert(kMaxNameLength == 60, "the too_long message says 60");

namespace
{

bool isAllowedNameMark(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x064B && u <= 0x065F) || u == 0x0670 || (u >= 0x0300 && u <= 0x036F);
}

bool isAllowedNamePunctuation(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == 0x200C || u == 0x200D || u == u'-' || u == 0x2010 || u == 0x2011 || u == u'\'' ||
           u == 0x2019 || u == 0x02BC;
}

bool isAsciiDigits(QStringView s)
{
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

} // namespace

Violations checkName(QStringView input, const QString &field)
{
    const QString name = cleanDisplay(input);
    if (name.isEmpty())
        return {Violation{field, field + QStringLiteral(".required"),
                          rulesText(QT_TRANSLATE_NOOP("branch::Rules", "This name is required."))}};
    Violations out;
    bool hasLetter = false;
    bool bad = false;
    for (QChar c : name) {
        if (c.isLetter())
            hasLetter = true;
        else if (!isAllowedNameMark(c) && !isAllowedNamePunctuation(c))
            bad = true;
    }
    // A "letter" that is only marks in disguise (the ligature U+FCF3 is shadda and damma on a
    // tatweel) has an empty matching form, which would match every other such name: at least
    // one letter must survive normalizeName().
    if (hasLetter && !bad) {
        const QString matching = normalizeName(name);
        hasLetter = std::any_of(matching.cbegin(), matching.cend(), [](QChar c) { return c.isLetter(); });
    }
    if (bad || !hasLetter)
        out.append(
            Violation{field, field + QStringLiteral(".invalid_chars"),
                      rulesText(QT_TRANSLATE_NOOP(
                          "branch::Rules", "A name may contain only letters, spaces, hyphens and apostrophes."))});
    if (name.size() > kMaxNameLength)
        out.append(
            Violation{field, field + QStringLiteral(".too_long"),
                      rulesText(QT_TRANSLATE_NOOP("branch::Rules", "A name may be at most 60 characters long."))});
    return out;
}

Violations checkBirthCertNo(QStringView input, QString *normalized)
{
    static const QString field = QStringLiteral("birth_cert_no");
    if (normalized)
        normalized->clear();
    const QString no = stripNumberSeparators(normalizeDigits(input));
    if (no.isEmpty())
        return {makeViolation(field, QStringLiteral("birth_cert_no.required"),
                              QT_TRANSLATE_NOOP("branch::Rules", "The birth certificate number is required."))};
    if (no.size() > 10 || !isAsciiDigits(no))
        return {
            makeViolation(field, QStringLiteral("birth_cert_no.format"),
                          QT_TRANSLATE_NOOP("branch::Rules", "The birth certificate number must be 1 to 10 digits."))};
    if (no.count(u'0') == no.size())
        return {makeViolation(field, QStringLiteral("birth_cert_no.zero"),
                              QT_TRANSLATE_NOOP("branch::Rules",
                                                "Do not enter 0 as the birth certificate number; if it is the same as "
                                                "your national code, enter your national code."))};
    if (normalized)
        *normalized = no;
    return {};
}

Violations checkGender(QStringView input, QString *normalized)
{
    static const QString field = QStringLiteral("gender");
    if (normalized)
        normalized->clear();
    const QString g = normalizeAnswer(input); // trims, folds case and Arabic letters
    if (g.isEmpty())
        return {makeViolation(field, QStringLiteral("gender.required"),
                              QT_TRANSLATE_NOOP("branch::Rules", "The gender is required."))};
    QString value;
    if (g == u"m" || g == u"male" || g == normalizeAnswer(u"مرد") || g == normalizeAnswer(u"آقا"))
        value = QStringLiteral("M");
    else if (g == u"f" || g == u"female" || g == normalizeAnswer(u"زن") || g == normalizeAnswer(u"خانم"))
        value = QStringLiteral("F");
    else
        return {makeViolation(field, QStringLiteral("gender.invalid"),
                              QT_TRANSLATE_NOOP("branch::Rules", "The gender must be male (M) or female (F)."))};
    if (normalized)
        *normalized = value;
    return {};
}

namespace
{

bool isAtext(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0x80)
        return false;
    if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9'))
        return true;
    return QStringView(u"!#$%&'*+/=?^_`{|}~-").contains(c);
}

bool validLocalPart(QStringView local)
{
    if (local.isEmpty() || local.size() > 64 || local.startsWith(u'.') || local.endsWith(u'.') || local.contains(u".."))
        return false;
    for (QChar c : local)
        if (c != u'.' && !isAtext(c))
            return false;
    return true;
}

bool validDomain(QStringView domain)
{
    const auto labels = domain.split(u'.');
    if (labels.size() < 2)
        return false;
    for (QStringView label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (QChar c : label) {
            const char16_t u = c.unicode();
            if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-'))
                return false;
        }
    }
    const QStringView tld = labels.back();
    if (tld.size() < 2)
        return false;
    for (QChar c : tld)
        if (!c.isLetter())
            return false;
    return true;
}

} // namespace

Violations checkEmail(QStringView input, QString *normalized)
{
    if (normalized)
        normalized->clear();
    const QString email = input.trimmed().toString();
    if (email.isEmpty())
        return {};
    const qsizetype at = email.indexOf(u'@');
    const bool ok = email.size() <= 254 && at > 0 && email.count(u'@') == 1 &&
                    validLocalPart(QStringView(email).first(at)) && validDomain(QStringView(email).sliced(at + 1));
    if (!ok)
        return {makeViolation(
            QStringLiteral("email"), QStringLiteral("email.invalid"),
            QT_TRANSLATE_NOOP("branch::Rules", "The email address is not valid, e.g. name@example.com."))};
    if (normalized)
        *normalized = email.first(at + 1) + email.sliced(at + 1).toLower();
    return {};
}

} // namespace branch
