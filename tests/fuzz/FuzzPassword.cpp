// Fuzz target: the password rules, the live checklist and the strength meter
// (app/core/PasswordPolicy). Input, one field a line: password, confirmation, first name,
// last name, national code.
#include "tests/fuzz/FuzzSupport.h"

#include "app/core/PasswordPolicy.h"

using namespace branch;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QStringList f = fuzz::fields(fuzz::text(data, size), 5);
    const PasswordContext ctx{f[2], f[3], f[4]};
    const Violations vs = checkPassword(f[0], f[1], ctx);
    fuzz::checkViolations(vs, QStringLiteral("password"));
    for (qsizetype i = 0; i < vs.size(); ++i)
        for (qsizetype j = i + 1; j < vs.size(); ++j)
            FUZZ_CHECK(vs[i].code != vs[j].code); // each broken rule once
    if (f[0].isEmpty())
        FUZZ_CHECK(vs.size() == 1 && vs.first().code == QLatin1String("password.required"));
    // The checklist says what the rule says, line by line.
    const QList<PasswordRuleState> list = passwordChecklist(f[0], f[1], ctx);
    for (const auto &line : list) {
        FUZZ_CHECK(!line.label.isEmpty());
        FUZZ_CHECK(line.ok == (!f[0].isEmpty() && !hasCode(vs, line.code)));
    }
    for (const auto &v : vs) {
        bool listed = v.code == QLatin1String("password.required");
        for (const auto &line : list)
            listed = listed || line.code == v.code;
        FUZZ_CHECK(listed);
    }
    // libzxcvbn's estimate grows faster than linearly with the length: long inputs would
    // only slow the run down (the desk's field is far shorter).
    if (f[0].size() <= 128) {
        const PasswordStrength s = passwordStrength(f[0], ctx);
        FUZZ_CHECK(s.percent >= 0 && s.percent <= 100 && !s.label.isEmpty());
        FUZZ_CHECK(!formatStrength(s).isEmpty());
    }
    return 0;
}
