// The SMS outbox: sms list, and sms send (the delivery job through the HTTP gateway).
#include "Commands.h"
#include "Json.h"
#include "Output.h"

#include "app/security/SecretHash.h"
#include "app/sync/SmsGateway.h"
#include "db/SmsRepository.h"

#include <QUrl>

namespace branch::cli
{

namespace
{

class SmsList : public BranchCommand
{
public:
    SmsList()
    {
        path = {QStringLiteral("sms"), QStringLiteral("list")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "List the SMS outbox.");
        options = {
            {"status", true, QT_TRANSLATE_NOOP("branch::Cli", "Only this status: queued, sending, sent or failed.")}};
        access = Access::Counter;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        const QString status = inv.opt("status");
        const QStringList statuses{QStringLiteral("queued"), QStringLiteral("sending"), QStringLiteral("sent"),
                                   QStringLiteral("failed")};
        if (inv.has("status") && !statuses.contains(status))
            return usageError(Cli::tr("--status must be queued, sending, sent or failed."));
        QJsonArray out;
        try {
            const auto rows = inv.has("status") ? db::listSmsWithStatus(ctx->db, status) : db::listSms(ctx->db);
            for (const auto &s : rows)
                out.append(smsJson(s));
        } catch (const db::DbException &e) {
            return fail(Failure::environment(e.error()));
        }
        printJson(out);
        return Done;
    }
};

// Posts the due SMS to the gateway (app/sync/SmsGateway). The token comes from the
// environment only: a command line is visible to every user of the machine.
class SmsSend : public BranchCommand
{
public:
    SmsSend()
    {
        path = {QStringLiteral("sms"), QStringLiteral("send")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Post the due SMS to the HTTP gateway, with retries and an "
                                                   "idempotency key per message; the token is read from "
                                                   "$BRANCHDESK_SMS_TOKEN.");
        options = {
            {"gateway", true,
             QT_TRANSLATE_NOOP("branch::Cli", "The gateway's URL: https://, or http:// to this computer only."), true},
            {"limit", true, QT_TRANSLATE_NOOP("branch::Cli", "At most this many messages in this run (default 500).")},
            {"timeout-ms", true,
             QT_TRANSLATE_NOOP("branch::Cli", "Give up on one request after this many milliseconds (default 10000).")}};
        access = Access::Machine;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        SmsGatewayConfig config;
        config.url = QUrl(inv.opt("gateway"), QUrl::StrictMode);
        if (!smsGatewayUrlAllowed(config.url))
            return usageError(smsGatewayUrlRule());
        bool ok = true;
        if (inv.has("limit"))
            config.limit = inv.opt("limit").toInt(&ok);
        if (!ok || config.limit < 1 || config.limit > 100000)
            return usageError(Cli::tr("--limit takes a whole number from 1 to 100000."));
        if (inv.has("timeout-ms"))
            config.timeoutMs = inv.opt("timeout-ms").toInt(&ok);
        if (!ok || config.timeoutMs < 1 || config.timeoutMs > 600000)
            return usageError(Cli::tr("--timeout-ms takes a whole number of milliseconds from 1 to 600000."));
        config.token = qgetenv(kSmsTokenVariable);
        auto r = deliverQueuedSms(*ctx, config, inv.now);
        security::wipe(config.token);
        if (!r.ok())
            return fail(r.failure);
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("sent"), r.value->sent},
                              {QStringLiteral("retrying"), r.value->retrying},
                              {QStringLiteral("failed"), r.value->failed},
                              {QStringLiteral("deferred"), r.value->deferred}});
        return Done;
    }
};

} // namespace

std::unique_ptr<Command> makeSmsList()
{
    return std::make_unique<SmsList>();
}

std::unique_ptr<Command> makeSmsSend()
{
    return std::make_unique<SmsSend>();
}

} // namespace branch::cli
