// Reading the JSON that commands take (see JsonInput.h).
#include "JsonInput.h"

#include "Output.h"

#include "app/security/SecretHash.h"

#include <QJsonArray>
#include <QLocale>

namespace branch::cli
{

QString stringField(const QJsonObject &o, const QString &key, const QString &field, Violations &errors)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isString())
        return v.toString();
    errors << Violation{field, field + QStringLiteral(".invalid_type"),
                        Cli::tr("\"%1\" must be a text value (in quotes).").arg(key)};
    return {};
}

QList<QuestionAnswer> questionsField(const QJsonValue &value, Violations &errors)
{
    QList<QuestionAnswer> out;
    const QString field = QStringLiteral("security_questions");
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isArray()) {
        errors << Violation{field, QStringLiteral("security_questions.invalid_type"),
                            Cli::tr("\"security_questions\" must be a list of {\"question_id\", \"answer\"}.")};
        return out;
    }
    for (const auto &item : value.toArray()) {
        if (!item.isObject()) {
            errors << Violation{field, QStringLiteral("security_questions.invalid_type"),
                                Cli::tr("\"security_questions\" must be a list of {\"question_id\", \"answer\"}.")};
            return {};
        }
        const QJsonObject q = item.toObject();
        Violations local;
        QuestionAnswer qa{stringField(q, QStringLiteral("question_id"), field, local),
                          stringField(q, QStringLiteral("answer"), field, local)};
        if (!local.isEmpty()) {
            errors << Violation{field, QStringLiteral("security_questions.invalid_type"),
                                Cli::tr("\"question_id\" and \"answer\" must be text values.")};
            return {};
        }
        out << qa;
    }
    return out;
}

std::optional<QJsonDocument> parseJsonInput(const QString &text, Failure *failure)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError) {
        *failure = Failure::rule(QStringLiteral("input"), QStringLiteral("input.malformed_json"),
                                 Cli::tr("The input is not valid JSON (the error is near character %1).")
                                     .arg(QLocale().toString(err.offset)));
        return std::nullopt;
    }
    return doc;
}

NewPassword::~NewPassword()
{
    security::wipe(password);
    security::wipe(confirm);
}

std::optional<QJsonDocument> readJsonDocument(const QString &pathOrDash, int *exitCode)
{
    bool readOk = false;
    const QString text = readInputFile(pathOrDash, &readOk);
    if (!readOk) {
        printErr(Cli::tr("Cannot read the file \"%1\".").arg(pathOrDash));
        *exitCode = Environment;
        return std::nullopt;
    }
    Failure parseFailure;
    auto doc = parseJsonInput(text, &parseFailure);
    if (!doc)
        *exitCode = fail(parseFailure);
    return doc;
}

bool parseNewPassword(const QString &text, NewPassword *out, Failure *failure)
{
    const auto doc = parseJsonInput(text, failure);
    if (!doc)
        return false;
    Violations typeErrors;
    const QJsonObject o = doc->object();
    out->password = stringField(o, QStringLiteral("password"), QStringLiteral("password"), typeErrors);
    out->confirm = stringField(o, QStringLiteral("password_confirm"), QStringLiteral("password"), typeErrors);
    if (doc->isObject() && typeErrors.isEmpty())
        return true;
    *failure = Failure::rule(QStringLiteral("password"), QStringLiteral("password.invalid_type"),
                             Cli::tr("Give {\"password\": \"…\", \"password_confirm\": \"…\"} on standard input."));
    return false;
}

} // namespace branch::cli
