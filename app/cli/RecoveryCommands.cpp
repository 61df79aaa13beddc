// Password recovery, the seed's second half: recover start, recover verify, recover reset.
#include "Commands.h"
#include "Json.h"
#include "JsonInput.h"
#include "Output.h"

#include "app/lifecycle/Recovery.h"
#include "app/sync/SmsGateway.h"

namespace branch::cli
{

namespace
{

class RecoverStart : public BranchCommand
{
public:
    RecoverStart()
    {
        path = {QStringLiteral("recover"), QStringLiteral("start")};
        args = "NATIONAL_CODE";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Start a password recovery by SMS code or security questions.");
        options = {{"method", true, QT_TRANSLATE_NOOP("branch::Cli", "sms or questions."), true}};
        minPositional = maxPositional = 1;
        access = Access::Counter;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        const QString method = inv.opt("method");
        if (method != QLatin1String("sms") && method != QLatin1String("questions"))
            return usageError(Cli::tr("--method must be sms or questions."));
        // The code goes straight to the gateway (never stored, never printed).
        GatewaySmsSender sender(smsGatewayFromSettings());
        auto r = startRecoveryAtCounter(*ctx, inv.positional.value(0), method, inv.staff, inv.now, &sender);
        if (!r.ok())
            return fail(r.failure);
        printJson(recoveryStartJson(*r.value, method));
        return Done;
    }
};

class RecoverVerify : public BranchCommand
{
public:
    RecoverVerify()
    {
        path = {QStringLiteral("recover"), QStringLiteral("verify")};
        args = "RECOVERY_ID";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Check the SMS code or the answers of a recovery.");
        options = {
            {"code", true, QT_TRANSLATE_NOOP("branch::Cli", "The 6-digit code from the SMS.")},
            {"answers", true, QT_TRANSLATE_NOOP("branch::Cli", "A JSON file (or -) with [{question_id, answer}].")}};
        minPositional = maxPositional = 1;
        access = Access::Counter;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        const bool byCode = inv.has("code");
        const bool byAnswers = inv.has("answers");
        if (byCode == byAnswers)
            return usageError(Cli::tr("Give either --code CODE or --answers FILE|-."));
        Outcome<bool> r = Failure{};
        if (byCode) {
            r = verifyRecoveryCodeAtCounter(*ctx, inv.positional.value(0), inv.opt("code"), inv.staff, inv.now);
        } else {
            int exitCode = Done;
            const auto doc = readJsonDocument(inv.opt("answers"), &exitCode);
            if (!doc)
                return exitCode;
            Violations typeErrors;
            const QJsonValue list =
                doc->isArray() ? QJsonValue(doc->array()) : doc->object().value(QStringLiteral("answers"));
            auto answers = questionsField(list, typeErrors);
            if (!typeErrors.isEmpty() || list.isUndefined())
                return fail(
                    Failure::rule(QStringLiteral("answers"), QStringLiteral("answers.invalid_type"),
                                  Cli::tr("Give the answers as [{\"question_id\": \"…\", \"answer\": \"…\"}].")));
            r = verifyRecoveryAnswersAtCounter(*ctx, inv.positional.value(0), answers, inv.staff, inv.now);
        }
        if (!r.ok())
            return fail(r.failure);
        printJson(QJsonObject{{QStringLiteral("verified"), true}});
        return Done;
    }
};

class RecoverReset : public BranchCommand
{
public:
    RecoverReset()
    {
        path = {QStringLiteral("recover"), QStringLiteral("reset")};
        args = "RECOVERY_ID";
        summary =
            QT_TRANSLATE_NOOP("branch::Cli", "Set the new password of a verified recovery (JSON on standard input).");
        minPositional = maxPositional = 1;
        access = Access::Counter;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        NewPassword pw;
        Failure failure;
        if (!parseNewPassword(readStdin(), &pw, &failure))
            return fail(failure);
        return printDone(resetRecoveredPasswordAtCounter(*ctx, inv.positional.value(0), pw.password, pw.confirm,
                                                         inv.staff, inv.now));
    }
};

} // namespace

std::unique_ptr<Command> makeRecoverStart()
{
    return std::make_unique<RecoverStart>();
}

std::unique_ptr<Command> makeRecoverVerify()
{
    return std::make_unique<RecoverVerify>();
}

std::unique_ptr<Command> makeRecoverReset()
{
    return std::make_unique<RecoverReset>();
}

} // namespace branch::cli
