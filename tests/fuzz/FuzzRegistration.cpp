// Fuzz target: a registration request as branchctl register reads it (one JSON object, or
// an array of them) through the whole registration rule (app/core/Registration).
//
// branchctl's own JSON reader (stringField/questionsField) is private to app/cli/CliApp.cpp,
// so this target builds the RegistrationInput from the parsed JSON the same way (string
// fields by name, security_questions as [{question_id, answer}]; values of another type are
// read as empty text) and fuzzes the core function it calls. When the CLI's reader moves to
// a header of its own, call it here instead.
#include "tests/fuzz/FuzzSupport.h"

#include "app/core/Registration.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace branch;

namespace
{

void checkOne(const QJsonObject &o)
{
    auto text = [&](const char *key) { return o.value(QLatin1String(key)).toString(); };
    RegistrationInput in;
    in.nationalCode = text("national_code");
    in.mobile = text("mobile");
    in.firstName = text("first_name");
    in.lastName = text("last_name");
    in.birthCertNo = text("birth_cert_no");
    in.birthDate = text("birth_date");
    in.gender = text("gender");
    in.email = text("email");
    in.password = text("password");
    in.passwordConfirm = text("password_confirm");
    for (const QJsonValue &q : o.value(QLatin1String("security_questions")).toArray()) {
        const QJsonObject qo = q.toObject();
        in.questions.append(
            {qo.value(QLatin1String("question_id")).toString(), qo.value(QLatin1String("answer")).toString()});
    }
    const QDate today(2024, 3, 20);
    NormalizedRegistration out;
    const Violations vs = validateRegistration(in, today, &out);
    fuzz::checkViolations(vs);
    FUZZ_CHECK(validateRegistration(in, today) == vs); // the same verdict without *out
    if (vs.isEmpty()) {
        // Accepted: every field in its stored form.
        FUZZ_CHECK(out.nationalCode.size() == 10 && fuzz::isAsciiDigits(out.nationalCode));
        FUZZ_CHECK(out.mobile.size() == 11 && out.mobile.startsWith(QLatin1String("09")) &&
                   fuzz::isAsciiDigits(out.mobile));
        FUZZ_CHECK(!out.firstNameNorm.isEmpty() && !out.lastNameNorm.isEmpty());
        FUZZ_CHECK(!out.birthCertNo.isEmpty() && fuzz::isAsciiDigits(out.birthCertNo));
        FUZZ_CHECK(out.birthDate.isValid() && out.birthDate <= today);
        FUZZ_CHECK(out.gender == QLatin1String("M") || out.gender == QLatin1String("F"));
        FUZZ_CHECK(in.questions.size() == kSecurityQuestionCount);
        // And accepted again when typed in that form.
        RegistrationInput again = in;
        again.nationalCode = out.nationalCode;
        again.mobile = out.mobile;
        again.firstName = out.firstName;
        again.lastName = out.lastName;
        again.birthCertNo = out.birthCertNo;
        again.gender = out.gender;
        again.email = out.email;
        NormalizedRegistration out2;
        FUZZ_CHECK(validateRegistration(again, today, &out2).isEmpty());
        FUZZ_CHECK(out2.nationalCode == out.nationalCode && out2.mobile == out.mobile &&
                   out2.firstNameNorm == out.firstNameNorm && out2.lastNameNorm == out.lastNameNorm &&
                   out2.email == out.email);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return 0;
    if (doc.isObject()) {
        checkOne(doc.object());
    } else {
        const QJsonArray items = doc.array();
        for (qsizetype i = 0; i < items.size() && i < 8; ++i)
            checkOne(items.at(i).toObject());
    }
    return 0;
}
