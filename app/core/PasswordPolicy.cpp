// Password rules, checklist and strength meter.
#include "app/core/PasswordPolicy.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/core/PersianText.h"
#include "app/core/RuleText.h"

#include <zxcvbn.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

namespace branch
{

namespace
{

const QString kField = QStringLiteral("password");

struct Rule {
    const char *code;
    const char *text;
};

// The seed's rules in the seed's order; the texts serve as violation messages and as
// checklist labels.
const Rule kRules[] = {
    {"password.invalid_chars",
     QT_TRANSLATE_NOOP("branch::Rules", "Only Latin letters, digits and & % $ # ! are allowed.")},
    {"password.first_not_letter", QT_TRANSLATE_NOOP("branch::Rules", "The password must start with a letter.")},
    {"password.no_upper",
     QT_TRANSLATE_NOOP("branch::Rules", "The password must contain at least one upper-case letter.")},
    {"password.no_lower",
     QT_TRANSLATE_NOOP("branch::Rules", "The password must contain at least one lower-case letter.")},
    {"password.no_digit", QT_TRANSLATE_NOOP("branch::Rules", "The password must contain at least one digit.")},
    {"password.too_short", QT_TRANSLATE_NOOP("branch::Rules", "The password must be at least 8 characters long.")},
    {"password.contains_first_name",
     QT_TRANSLATE_NOOP("branch::Rules", "The password must not contain your first name.")},
    {"password.contains_last_name",
     QT_TRANSLATE_NOOP("branch::Rules", "The password must not contain your last name.")},
    {"password.contains_national_code",
     QT_TRANSLATE_NOOP("branch::Rules", "The password must not contain your national code.")},
    {"password.mismatch", QT_TRANSLATE_NOOP("branch::Rules", "The password and its repetition must match exactly.")},
};

bool isUpper(QChar c)
{
    return c >= u'A' && c <= u'Z';
}
bool isLower(QChar c)
{
    return c >= u'a' && c <= u'z';
}
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool isAllowed(QChar c)
{
    return isUpper(c) || isLower(c) || isDigit(c) || c == u'&' || c == u'%' || c == u'$' || c == u'#' || c == u'!';
}

bool isNameSeparator(QChar c)
{
    return c.isSpace() || c == QChar(0x200C) || c == QChar(0x200D) || c == u'-';
}

// The strings a password must not contain for one name: the name as typed, the name
// with its separators removed ("Ali Reza" → "AliReza") and each word.
QStringList nameCandidates(const QString &name)
{
    const QString typed = normalizeDigits(cleanDisplay(name));
    QStringList out;
    QString joined, word;
    auto flushWord = [&] {
        out.append(word);
        word.clear();
    };
    for (QChar c : typed) {
        if (isNameSeparator(c)) {
            flushWord();
        } else {
            word.append(c);
            joined.append(c);
        }
    }
    flushWord();
    out.append(typed);
    out.append(joined);
    out.removeIf([](const QString &s) { return s.size() < 2; });
    out.removeDuplicates();
    return out;
}

bool containsAny(QStringView pw, const QStringList &candidates)
{
    for (const QString &c : candidates)
        if (pw.contains(c, Qt::CaseInsensitive))
            return true;
    return false;
}

void wipe(QByteArray &bytes)
{
    volatile char *p = bytes.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        p[i] = 0;
}

} // namespace

Violations checkPassword(QStringView password, QStringView confirmation, const PasswordContext &ctx)
{
    if (password.isEmpty())
        return {makeViolation(kField, QStringLiteral("password.required"),
                              QT_TRANSLATE_NOOP("branch::Rules", "The password is required."))};

    bool invalid = false, upper = false, lower = false, digit = false;
    for (QChar c : password) {
        invalid |= !isAllowed(c);
        upper |= isUpper(c);
        lower |= isLower(c);
        digit |= isDigit(c);
    }
    const QString nationalCode = stripNumberSeparators(normalizeDigits(ctx.nationalCode));
    const QString pw = normalizeDigits(password); // a Persian-digit copy of the code still leaks it

    const bool broken[] = {
        invalid,
        !(isUpper(password.front()) || isLower(password.front())),
        !upper,
        !lower,
        !digit,
        password.size() < 8,
        containsAny(pw, nameCandidates(ctx.firstName)),
        containsAny(pw, nameCandidates(ctx.lastName)),
        !nationalCode.isEmpty() && pw.contains(nationalCode),
        confirmation != password,
    };
    static_assert(std::size(broken) == std::size(kRules));

    Violations out;
    for (size_t i = 0; i < std::size(kRules); ++i)
        if (broken[i])
            out.append(makeViolation(kField, QString::fromLatin1(kRules[i].code), kRules[i].text));
    return out;
}

QList<PasswordRuleState> passwordChecklist(QStringView pw, QStringView confirm, const PasswordContext &ctx)
{
    const Violations vs = checkPassword(pw, confirm, ctx);
    QList<PasswordRuleState> out;
    for (const Rule &r : kRules) {
        const QString code = QString::fromLatin1(r.code);
        out.append(PasswordRuleState{code, rulesText(r.text), !pw.isEmpty() && !hasCode(vs, code)});
    }
    return out;
}

PasswordStrength passwordStrength(QStringView pw, const PasswordContext &ctx)
{
    PasswordStrength s;
    if (!pw.isEmpty()) {
        QByteArray utf8 = pw.toUtf8();
        // The user dictionary: the names as typed, each word, and the national code.
        QList<QByteArray> words;
        for (const QString &c : nameCandidates(ctx.firstName) + nameCandidates(ctx.lastName))
            words.append(c.toUtf8());
        const QString code = stripNumberSeparators(normalizeDigits(ctx.nationalCode));
        if (!code.isEmpty())
            words.append(code.toUtf8());
        std::vector<const char *> dict;
        for (const QByteArray &w : words)
            dict.push_back(w.constData());
        dict.push_back(nullptr);
        ZxcMatch_t *info = nullptr;
        s.entropyBits = ZxcvbnMatch(utf8.constData(), dict.data(), &info);
        ZxcvbnFreeInfo(info);
        wipe(utf8);
    }
    s.percent = std::clamp(int(std::lround(s.entropyBits * 100.0 / 64.0)), 0, 100);
    if (s.percent < 20)
        s.label = rulesText(QT_TRANSLATE_NOOP("branch::Rules", "very weak"));
    else if (s.percent < 40)
        s.label = rulesText(QT_TRANSLATE_NOOP("branch::Rules", "weak"));
    else if (s.percent < 60)
        s.label = rulesText(QT_TRANSLATE_NOOP("branch::Rules", "medium"));
    else if (s.percent < 80)
        s.label = rulesText(QT_TRANSLATE_NOOP("branch::Rules", "strong"));
    else
        s.label = rulesText(QT_TRANSLATE_NOOP("branch::Rules", "very strong"));
    return s;
}

int zxcvbnScore(double entropyBits)
{
    // log2 of 10^3, 10^6, 10^8 and 10^10 guesses.
    const double guessesLog10 = entropyBits * std::log10(2.0);
    if (guessesLog10 < 3)
        return 0;
    if (guessesLog10 < 6)
        return 1;
    if (guessesLog10 < 8)
        return 2;
    if (guessesLog10 < 10)
        return 3;
    return 4;
}

namespace
{

// The staff rules in checklist order (the mismatch line is the portal's text).
const Rule kStaffRules[] = {
    {"password.staff_too_short",
     QT_TRANSLATE_NOOP("branch::Rules",
                       "A staff password must be at least 12 characters long; a few words in a row make a good one.")},
    {"password.staff_weak",
     QT_TRANSLATE_NOOP("branch::Rules", "The password must be hard to guess: no common words, names, dates or "
                                        "patterns such as 1234 or qwerty on their own.")},
    {"password.mismatch", QT_TRANSLATE_NOOP("branch::Rules", "The password and its repetition must match exactly.")},
};

} // namespace

Violations checkStaffPassword(QStringView password, QStringView confirmation, QStringView login)
{
    if (password.isEmpty())
        return {makeViolation(kField, QStringLiteral("password.required"),
                              QT_TRANSLATE_NOOP("branch::Rules", "The password is required."))};
    PasswordContext named;
    named.firstName = login.toString(); // the login counts as a dictionary word
    const bool broken[] = {
        // Characters as people count them (a Persian letter is one, not two UTF-8 bytes).
        password.toUcs4().size() < kStaffPasswordMinLength,
        zxcvbnScore(passwordStrength(password, named).entropyBits) < kStaffPasswordMinScore,
        confirmation != password,
    };
    static_assert(std::size(broken) == std::size(kStaffRules));
    Violations out;
    for (size_t i = 0; i < std::size(kStaffRules); ++i)
        if (broken[i])
            out.append(makeViolation(kField, QString::fromLatin1(kStaffRules[i].code), kStaffRules[i].text));
    return out;
}

QList<PasswordRuleState> staffPasswordChecklist(QStringView pw, QStringView confirm, QStringView login)
{
    const Violations vs = checkStaffPassword(pw, confirm, login);
    QList<PasswordRuleState> out;
    for (const Rule &r : kStaffRules) {
        const QString code = QString::fromLatin1(r.code);
        out.append(PasswordRuleState{code, rulesText(r.text), !pw.isEmpty() && !hasCode(vs, code)});
    }
    return out;
}

QString formatStrength(const PasswordStrength &s)
{
    //: %1 is the percentage (0-100), %2 the strength label
    // The number in the digits the interface reads (the meter said "58%" in Latin digits in Persian).
    const QString percent = QString::number(s.percent);
    return rulesText(QT_TRANSLATE_NOOP("branch::Rules", "%1% %2"))
        .arg(language() == QLatin1String("fa") ? toPersianDigits(percent) : percent, s.label);
}

} // namespace branch
