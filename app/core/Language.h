// The active interface language ("fa" or "en") for texts that do not come from the Qt
// translator, i.e. the security-question catalogue (its fa and en texts live together
// in resources/questions.json, so the seed's exact questions have a single home).
#pragma once

#include <QString>

namespace branch
{

// Explicit choice, e.g. from `branchctl --lang` or the GUI's language menu. An empty
// string (the default) means: follow the installed translator, see language().
void setLanguage(const QString &lang);

// The explicit choice if one was made; otherwise the language of the installed
// translator: the string "en" in context "branch::Language" is translated as "fa" in the
// fa catalogue, so installing the fa translator is enough and the two cannot drift.
// Without any translator: "en" (the source language). Thread-safe.
QString language();

} // namespace branch
