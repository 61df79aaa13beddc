// The in-person actions at the counter: activate, refuse, mobile change, password reset,
// questions reset, each by the clerk or supervisor the dispatcher signed in (--staff, the
// password on stdin's first line); any new secret (JSON) follows the password line.
#include "Commands.h"
#include "JsonInput.h"
#include "Output.h"

#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Lifecycle.h"

namespace branch::cli
{

namespace
{

int printStatusChange(const Outcome<QString> &r, RequestStatus status)
{
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("ok"), true},
                          {QStringLiteral("request_id"), *r.value},
                          {QStringLiteral("status"), statusName(status)}});
    return Done;
}

// A counter action on one person, by national code, by the signed-in clerk or supervisor.
class CounterCommand : public BranchCommand
{
protected:
    CounterCommand(QStringList commandPath, const char *help)
    {
        path = std::move(commandPath);
        args = "NATIONAL_CODE";
        summary = help;
        minPositional = maxPositional = 1;
        access = Access::Counter;
    }
};

class Activate : public CounterCommand
{
public:
    Activate()
        : CounterCommand({QStringLiteral("activate")},
                         QT_TRANSLATE_NOOP("branch::Cli", "In-person activation after the documents were checked; "
                                                          "staff password on standard input."))
    {
        options = {{"documents", true,
                    QT_TRANSLATE_NOOP("branch::Cli", "Documents seen: national_card,birth_certificate."), true}};
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        QStringList docs;
        for (const QString &d : inv.opt("documents").split(QLatin1Char(','), Qt::SkipEmptyParts))
            docs << d.trimmed();
        auto r = activateAtCounter(*ctx, inv.positional.value(0), inv.staff, docs, inv.now);
        return printStatusChange(r, RequestStatus::Activated);
    }
};

class Refuse : public CounterCommand
{
public:
    Refuse()
        : CounterCommand({QStringLiteral("refuse")},
                         QT_TRANSLATE_NOOP("branch::Cli", "Refuse a request waiting at the branch, with a reason; "
                                                          "staff password on standard input."))
    {
        options = {{"reason", true, QT_TRANSLATE_NOOP("branch::Cli", "Why the request is refused."), true}};
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        auto r = refuseAtCounter(*ctx, inv.positional.value(0), inv.staff, inv.opt("reason"), inv.now);
        return printStatusChange(r, RequestStatus::Rejected);
    }
};

class MobileChange : public CounterCommand
{
public:
    MobileChange()
        : CounterCommand({QStringLiteral("mobile"), QStringLiteral("change")},
                         QT_TRANSLATE_NOOP("branch::Cli", "Change an account's mobile (ownership confirmed in "
                                                          "person); staff password on standard input."))
    {
        options = {{"mobile", true, QT_TRANSLATE_NOOP("branch::Cli", "The new mobile number."), true}};
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        auto r = changeMobile(*ctx, inv.positional.value(0), inv.opt("mobile"), inv.staff, inv.now);
        return printDone(r);
    }
};

class PasswordReset : public CounterCommand
{
public:
    PasswordReset()
        : CounterCommand({QStringLiteral("password"), QStringLiteral("reset")},
                         QT_TRANSLATE_NOOP("branch::Cli", "Reset a password at the counter: staff password on the "
                                                          "first line of standard input, then {\"password\", "
                                                          "\"password_confirm\"}."))
    {
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        NewPassword pw;
        Failure failure;
        if (!parseNewPassword(readStdin(), &pw, &failure))
            return fail(failure);
        auto r = resetPasswordAtCounter(*ctx, inv.positional.value(0), inv.staff, pw.password, pw.confirm, inv.now);
        return printDone(r);
    }
};

class QuestionsReset : public CounterCommand
{
public:
    QuestionsReset()
        : CounterCommand({QStringLiteral("questions"), QStringLiteral("reset")},
                         QT_TRANSLATE_NOOP("branch::Cli", "Reset the security questions: staff password on the first "
                                                          "line of standard input, then {\"security_questions\": "
                                                          "[...]}."))
    {
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        Failure parseFailure;
        const auto doc = parseJsonInput(readStdin(), &parseFailure);
        if (!doc)
            return fail(parseFailure);
        Violations typeErrors;
        const QJsonValue list =
            doc->isArray() ? QJsonValue(doc->array()) : doc->object().value(QStringLiteral("security_questions"));
        const auto questions = questionsField(list, typeErrors);
        if (!typeErrors.isEmpty())
            return fail(Failure{Failure::Kind::Rule, typeErrors, {}});
        auto r = resetQuestionsAtCounter(*ctx, inv.positional.value(0), inv.staff, questions, inv.now);
        return printDone(r);
    }
};

} // namespace

std::unique_ptr<Command> makeActivate()
{
    return std::make_unique<Activate>();
}

std::unique_ptr<Command> makeRefuse()
{
    return std::make_unique<Refuse>();
}

std::unique_ptr<Command> makeMobileChange()
{
    return std::make_unique<MobileChange>();
}

std::unique_ptr<Command> makePasswordReset()
{
    return std::make_unique<PasswordReset>();
}

std::unique_ptr<Command> makeQuestionsReset()
{
    return std::make_unique<QuestionsReset>();
}

} // namespace branch::cli
