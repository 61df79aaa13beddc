// Reading the JSON that commands take (requests, answers, new passwords): a value of the
// wrong type is a violation of its field, as the rules report theirs.
#pragma once

#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Service.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace branch::cli
{

// A string member; a wrong type is a violation of that field.
QString stringField(const QJsonObject &o, const QString &key, const QString &field, Violations &errors);

QList<QuestionAnswer> questionsField(const QJsonValue &value, Violations &errors);

// The document, or nothing with *failure saying where the text stops being JSON.
std::optional<QJsonDocument> parseJsonInput(const QString &text, Failure *failure);

// The JSON document in the file `pathOrDash` ("-" or empty: stdin). When it cannot be read
// or is not JSON, the failure is printed and *exitCode holds the command's exit code.
std::optional<QJsonDocument> readJsonDocument(const QString &pathOrDash, int *exitCode);

struct NewPassword {
    QString password, confirm;
    ~NewPassword();
};

// {"password": "…", "password_confirm": "…"} from JSON text; on bad input *failure says why.
bool parseNewPassword(const QString &text, NewPassword *out, Failure *failure);

} // namespace branch::cli
