// One broken rule: which field, a stable code ("password.no_upper") and a message
// translated when the violation is made (the caller installs the translator first).
#pragma once

#include <QList>
#include <QString>

namespace branch
{

struct Violation {
    QString field;   // national_code, mobile, first_name, ..., security_questions, account
    QString code;    // starts with "<field>." and never changes once published
    QString message; // human text, already translated (tr) into the active language

    bool operator==(const Violation &) const = default;
};

using Violations = QList<Violation>;

inline bool hasCode(const Violations &vs, const QString &code)
{
    for (const auto &v : vs)
        if (v.code == code)
            return true;
    return false;
}

} // namespace branch
