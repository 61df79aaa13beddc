// Whole-request validation for registration.
#include "app/core/Registration.h"

#include "app/core/JalaliDate.h"
#include "app/core/Mobile.h"
#include "app/core/Names.h"
#include "app/core/NationalCode.h"
#include "app/core/PasswordPolicy.h"
#include "app/core/PersianText.h"

namespace branch
{

Violations validateRegistration(const RegistrationInput &in, const QDate &today, NormalizedRegistration *out)
{
    NormalizedRegistration n;
    Violations vs;
    vs += checkNationalCode(in.nationalCode, &n.nationalCode);
    vs += checkMobile(in.mobile, &n.mobile);

    const Violations first = checkName(in.firstName, QStringLiteral("first_name"));
    const Violations last = checkName(in.lastName, QStringLiteral("last_name"));
    vs += first;
    vs += last;
    if (first.isEmpty()) {
        n.firstName = cleanDisplay(in.firstName);
        n.firstNameNorm = normalizeName(in.firstName);
    }
    if (last.isEmpty()) {
        n.lastName = cleanDisplay(in.lastName);
        n.lastNameNorm = normalizeName(in.lastName);
    }

    vs += checkBirthCertNo(in.birthCertNo, &n.birthCertNo);
    vs += checkBirthDate(in.birthDate, today, &n.birthDate);
    vs += checkGender(in.gender, &n.gender);
    vs += checkEmail(in.email, &n.email);
    vs += checkPassword(in.password, in.passwordConfirm, PasswordContext{in.firstName, in.lastName, in.nationalCode});
    vs += checkSecurityQuestions(in.questions);

    if (out)
        *out = n;
    return vs;
}

} // namespace branch
