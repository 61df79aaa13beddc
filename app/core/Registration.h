// The whole registration request (the portal's four steps submitted as one): every
// field rule run together, so that a person sees all problems at once.
#pragma once

#include "app/core/SecurityQuestions.h"
#include "app/core/Violation.h"

#include <QDate>
#include <QList>
#include <QString>

namespace branch
{

// What was typed, unchanged.
struct RegistrationInput {
    QString nationalCode, mobile, firstName, lastName, birthCertNo, birthDate, gender, email, password, passwordConfirm;
    QList<QuestionAnswer> questions;
};

// The normalised request. Fields whose rule failed are left empty/invalid.
struct NormalizedRegistration {
    QString nationalCode;                // 10 ASCII digits
    QString mobile;                      // 09XXXXXXXXX
    QString firstName, lastName;         // cleanDisplay(): for display
    QString firstNameNorm, lastNameNorm; // normalizeName(): for matching
    QString birthCertNo;                 // ASCII digits
    QDate birthDate;                     // Gregorian
    QString gender;                      // "M" / "F"
    QString email;                       // empty when none was given
};

// Runs every rule (national code, mobile, first and last name, birth certificate
// number, birth date against `today`, gender, email, password with the typed names and
// national code as context, security questions) and concatenates all violations in that
// order; never stops at the first. *out is filled field by field whatever the outcome.
Violations validateRegistration(const RegistrationInput &in, const QDate &today, NormalizedRegistration *out = nullptr);

} // namespace branch
