// The portal's side: register (requests as JSON) and verify (the central verification step).
#include "Commands.h"
#include "Json.h"
#include "JsonInput.h"
#include "Output.h"

#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/security/SecretHash.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/CentralVerify.h"
#include "db/RequestRepository.h"

namespace branch::cli
{

namespace
{

class Register : public BranchCommand
{
public:
    Register()
    {
        path = {QStringLiteral("register")};
        args = "[FILE|-]";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Submit registration requests (one JSON object or an array) for "
                                                   "people at the counter.");
        maxPositional = 1;
        access = Access::Counter;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        int exitCode = Done;
        const auto doc = readJsonDocument(inv.positional.value(0), &exitCode);
        if (!doc)
            return exitCode;
        QJsonArray items;
        if (doc->isArray())
            items = doc->array();
        else if (doc->isObject())
            items.append(doc->object());
        else
            return fail(Failure::rule(QStringLiteral("input"), QStringLiteral("input.malformed_json"),
                                      Cli::tr("The input must be one JSON object or an array of them.")));
        QJsonArray results;
        bool allAccepted = true;
        for (const auto &item : items) {
            QJsonObject result;
            const int exit = submitOne(inv, *ctx, item, &result);
            if (exit == Environment) {
                printJson(results);
                return Environment;
            }
            allAccepted = allAccepted && exit == Done;
            results.append(result);
        }
        printJson(results);
        if (!allAccepted)
            printErr(Cli::tr("Some requests were refused; see \"errors\" in the output."));
        return allAccepted ? Done : Refused;
    }

private:
    // One request's result; Environment after its message when the database failed.
    static int submitOne(const Invocation &inv, Context &ctx, const QJsonValue &item, QJsonObject *result)
    {
        if (!item.isObject()) {
            *result = QJsonObject{
                {QStringLiteral("national_code"), QJsonValue::Null},
                {QStringLiteral("accepted"), false},
                {QStringLiteral("errors"),
                 violationsJson({Violation{QStringLiteral("request"), QStringLiteral("request.invalid_type"),
                                           Cli::tr("Each request must be a JSON object.")}})}};
            return Refused;
        }
        const QJsonObject o = item.toObject();
        Violations typeErrors;
        RegistrationInput in;
        auto field = [&](const char *key) {
            const QString k = QString::fromLatin1(key);
            return stringField(o, k, k, typeErrors);
        };
        in.nationalCode = field("national_code");
        in.mobile = field("mobile");
        in.firstName = field("first_name");
        in.lastName = field("last_name");
        in.birthCertNo = field("birth_cert_no");
        in.birthDate = field("birth_date");
        in.gender = field("gender");
        in.email = field("email");
        in.password = stringField(o, QStringLiteral("password"), QStringLiteral("password"), typeErrors);
        in.passwordConfirm = stringField(o, QStringLiteral("password_confirm"), QStringLiteral("password"), typeErrors);
        in.questions = questionsField(o.value(QStringLiteral("security_questions")), typeErrors);
        const QJsonValue rawCode = o.value(QStringLiteral("national_code"));
        *result = QJsonObject{{QStringLiteral("national_code"), rawCode.isString() ? rawCode : QJsonValue::Null}};
        if (!typeErrors.isEmpty()) {
            // Report the type errors together with every rule the rest breaks.
            RegistrationInput rest = in;
            NormalizedRegistration n;
            Violations all = typeErrors;
            for (const auto &v : validateRegistration(rest, inv.now.toLocalTime().date(), &n)) {
                bool fieldHasTypeError = false;
                for (const auto &t : typeErrors)
                    fieldHasTypeError = fieldHasTypeError || t.field == v.field;
                if (!fieldHasTypeError)
                    all << v;
            }
            security::wipe(in.password);
            security::wipe(in.passwordConfirm);
            result->insert(QStringLiteral("accepted"), false);
            result->insert(QStringLiteral("errors"), violationsJson(all));
            return Refused;
        }
        auto r = registerAtCounter(ctx, std::move(in), inv.staff, inv.now);
        if (!r.ok()) {
            if (r.failure.kind == Failure::Kind::Environment) {
                printErr(r.failure.message());
                return Environment;
            }
            result->insert(QStringLiteral("accepted"), false);
            result->insert(QStringLiteral("errors"), violationsJson(r.failure.violations));
            return Refused;
        }
        if (auto req = db::findRequest(ctx.db, *r.value))
            result->insert(QStringLiteral("national_code"), req->nationalCode);
        result->insert(QStringLiteral("accepted"), true);
        result->insert(QStringLiteral("request_id"), *r.value);
        return Done;
    }
};

// With --central, every branch's submitted requests in the central database (no branch
// database is opened); without it, this branch's.
class Verify : public BranchCommand
{
public:
    Verify()
    {
        path = {QStringLiteral("verify")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Decide every submitted request (the central verification step).");
        options = {
            {"central", true,
             QT_TRANSLATE_NOOP("branch::Cli", "Decide every branch's submitted requests in this central database "
                                              "(as its owner) instead of this branch's: postgresql://USER@HOST:PORT/"
                                              "DBNAME or sqlite:///ABSOLUTE/PATH.db.")}};
        needs = Needs::BranchDatabaseUnlessCentral;
        access = Access::Machine; // with --central: the central's owner
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        if (inv.has("central")) {
            const auto url = parseCentralUrl(inv.opt("central"));
            if (!url.ok())
                return fail(url.failure);
            const auto r = verifyCentral(*url.value, inv.now);
            if (!r.ok())
                return fail(r.failure);
            printJson(decisionsJson(r.value->decisions));
            if (r.value->skipped > 0)
                printErr(Cli::tr("%n request(s) left submitted: the person already has an account in the central "
                                 "database.",
                                 nullptr, r.value->skipped));
            return Done;
        }
        int skipped = 0;
        auto r = verifyPending(*ctx, inv.now, QStringLiteral("verifier"), &skipped);
        if (!r.ok())
            return fail(r.failure);
        printJson(decisionsJson(*r.value));
        if (skipped > 0)
            printErr(Cli::tr("%n request(s) left submitted: the person already has an account (it arrived by sync).",
                             nullptr, skipped));
        return Done;
    }
};

} // namespace

std::unique_ptr<Command> makeRegister()
{
    return std::make_unique<Register>();
}

std::unique_ptr<Command> makeVerify()
{
    return std::make_unique<Verify>();
}

} // namespace branch::cli
