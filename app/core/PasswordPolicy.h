// The portal's password rules (seed, step three), the live checklist the registration
// and reset screens show, and the strength meter ("87% خیلی قوی").
#pragma once

#include "app/core/Violation.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace branch
{

// Personal data the password must not contain.
struct PasswordContext {
    QString firstName, lastName, nationalCode;
};

// Field "password". Every broken rule is reported, each with its own code:
//   password.required            empty (nothing else is checked then)
//   password.too_short           fewer than 8 characters
//   password.invalid_chars       anything but A–Z a–z 0–9 & % $ # ! (Persian letters,
//                                Persian digits, spaces, other symbols)
//   password.first_not_letter    does not start with a Latin letter
//   password.no_upper / no_lower / no_digit
//   password.contains_first_name / contains_last_name / contains_national_code
//                                case-insensitive substring of: the name as typed,
//                                the name without separators, each of its words; all
//                                digit-normalised; candidates shorter than 2 characters
//                                and empty context values are skipped
//   password.mismatch            confirmation differs (an empty one too)
Violations checkPassword(QStringView password, QStringView confirmation, const PasswordContext &ctx);

// One line of the live checklist: `code` is the violation code it stands for, `label`
// the seed's rule text (translated, the same text as the violation's message).
struct PasswordRuleState {
    QString code;
    QString label;
    bool ok;
};

// All rules except password.required, in the seed's order. With an empty password every
// line is "not ok" (an empty field satisfies nothing worth a green tick).
QList<PasswordRuleState> passwordChecklist(QStringView pw, QStringView confirm, const PasswordContext &ctx);

// Strength from libzxcvbn's entropy estimate (bits), with the person's names and national
// code as the user dictionary. percent = round(bits * 100 / 64), capped to 0..100:
// 64 bits (~1.8e19 guesses) counts as full strength. Labels by percent:
// <20 very weak, <40 weak, <60 medium, <80 strong, otherwise very strong.
struct PasswordStrength {
    int percent = 0;
    QString label; // translated
    double entropyBits = 0;
};

PasswordStrength passwordStrength(QStringView pw, const PasswordContext &ctx);

// zxcvbn's score (0..4) from its guesses estimate: below 10^3, 10^6, 10^8, 10^10 guesses
// score 0, 1, 2, 3, else 4 (the thresholds of Dropbox's zxcvbn; libzxcvbn gives log2 of
// the guesses as entropyBits).
int zxcvbnScore(double entropyBits);

// The staff password rule (issue 14): long enough and hard to guess, no composition rules
// (any letters, digits, spaces or symbols, Persian ones included). Field "password":
//   password.required            empty (nothing else is checked then)
//   password.staff_too_short     fewer than kStaffPasswordMinLength characters
//   password.staff_weak          a zxcvbn score below kStaffPasswordMinScore (the login
//                                counts as a dictionary word)
//   password.mismatch            confirmation differs
// Checked only when a password is set: older, shorter ones keep working.
constexpr int kStaffPasswordMinLength = 12;
constexpr int kStaffPasswordMinScore = 3;
Violations checkStaffPassword(QStringView password, QStringView confirmation, QStringView login = {});
// The staff rules as checklist lines (the desk's first-run dialog), like passwordChecklist.
QList<PasswordRuleState> staffPasswordChecklist(QStringView pw, QStringView confirm, QStringView login = {});

// "87% خیلی قوی" in fa, "87% very strong" in en.
QString formatStrength(const PasswordStrength &s);

} // namespace branch
