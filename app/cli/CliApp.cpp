// The branchctl command dispatcher: parses arguments, opens the database, calls one
// service, prints one JSON document on stdout and messages on stderr. It holds no rule:
// everything it decides comes from the services (shared/contract/branchctl.md).
#include "CliApp.h"

#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/core/Settings.h"
#include "app/core/Version.h"
#include "app/lifecycle/Admin.h"
#include "app/lifecycle/Backup.h"
#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Dashboard.h"
#include "app/lifecycle/Demo.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Paths.h"
#include "app/lifecycle/Recovery.h"
#include "app/lifecycle/Review.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "app/security/SecretHash.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/CentralImport.h"
#include "app/sync/CentralVerify.h"
#include "app/sync/SmsGateway.h"
#include "app/sync/SyncEngine.h"
#include "app/sync/SyncStatus.h"
#include "db/DemoData.h"
#include "db/Repository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace branch
{
// The translation context of the CLI's own messages ("branch::Cli").
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(branch::Cli)
};
} // namespace branch

namespace branch::cli
{

namespace
{

enum Exit { Done = 0, Refused = 1, Usage = 2, Environment = 3 };

void printErr(const QString &text)
{
    const QByteArray b = text.toUtf8() + '\n';
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonDocument &doc)
{
    const QByteArray b = doc.toJson(QJsonDocument::Indented);
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}
void printJson(const QJsonObject &o)
{
    printJson(QJsonDocument(o));
}
void printJson(const QJsonArray &a)
{
    printJson(QJsonDocument(a));
}

QJsonArray violationsJson(const Violations &vs)
{
    QJsonArray arr;
    for (const auto &v : vs)
        arr.append(QJsonObject{{QStringLiteral("field"), v.field},
                               {QStringLiteral("code"), v.code},
                               {QStringLiteral("message"), v.message}});
    return arr;
}

int exitFor(const Failure &f)
{
    return f.kind == Failure::Kind::Environment ? Environment : Refused;
}

// A refusal: JSON on stdout (the shape of register's errors), the messages on stderr.
int fail(const Failure &f)
{
    QJsonObject o{{QStringLiteral("ok"), false}};
    QJsonArray errors = violationsJson(f.violations);
    if (f.extra.contains(QStringLiteral("errors")))
        errors = f.extra.value(QStringLiteral("errors")).toArray();
    for (auto it = f.extra.begin(); it != f.extra.end(); ++it) {
        if (it.key() != QLatin1String("errors"))
            o.insert(it.key(), it.value());
    }
    // Extra figures (attempts_left) also travel inside each error, for scripts that look there.
    QJsonArray withExtra;
    for (const auto &e : errors) {
        QJsonObject eo = e.toObject();
        for (auto it = f.extra.begin(); it != f.extra.end(); ++it)
            if (it.key() != QLatin1String("errors"))
                eo.insert(it.key(), it.value());
        withExtra.append(eo);
    }
    o.insert(QStringLiteral("errors"), withExtra);
    printJson(o);
    printErr(f.message());
    return exitFor(f);
}

int usageError(const QString &message)
{
    printErr(message);
    printErr(Cli::tr("Run \"branchctl --help\" for the list of commands."));
    return Usage;
}

// ---- argument parsing ---------------------------------------------------------------

struct OptionSpec {
    const char *name; // without "--"
    bool takesValue;
    const char *help;
};

struct Invocation {
    QString dbPath;
    QString lang = QStringLiteral("fa");
    QDateTime now;
    QStringList positional;
    QHash<QString, QString> options;
    bool help = false;

    QString opt(const char *name) const { return options.value(QString::fromLatin1(name)); }
    bool has(const char *name) const { return options.contains(QString::fromLatin1(name)); }
};

struct Command {
    QStringList path; // {"recover", "start"}
    const char *args; // synopsis of positional arguments
    const char *summary;
    QList<OptionSpec> options;
    int minPositional, maxPositional;
    bool needsDatabase;
    std::function<int(Invocation &, Context *)> run;
};

const QList<OptionSpec> kGlobalOptions = {
    {"db", true,
     QT_TRANSLATE_NOOP("branch::Cli",
                       "The branch database (default: $BRANCHDESK_DB, else the per-user data location).")},
    {"lang", true, QT_TRANSLATE_NOOP("branch::Cli", "Language of messages: fa (default) or en.")},
    {"now", true, QT_TRANSLATE_NOOP("branch::Cli", "Use this time (ISO 8601) as the current time (for tests).")},
    {"help", false, QT_TRANSLATE_NOOP("branch::Cli", "Show help.")},
    {"version", false, QT_TRANSLATE_NOOP("branch::Cli", "Show the version and exit (needs no database).")},
};

const OptionSpec *findOption(const QList<OptionSpec> &specs, const QString &name)
{
    for (const auto &s : specs)
        if (name == QLatin1String(s.name))
            return &s;
    return nullptr;
}

QString readStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readAll());
}

// The staff password is stdin's first line; the rest (JSON) follows.
std::pair<QString, QString> splitFirstLine(const QString &all)
{
    const qsizetype nl = all.indexOf(QLatin1Char('\n'));
    if (nl < 0)
        return {all.trimmed(), QString()};
    QString first = all.left(nl);
    if (first.endsWith(QLatin1Char('\r')))
        first.chop(1);
    return {first, all.mid(nl + 1)};
}

// ---- JSON input ---------------------------------------------------------------------

// Reads a string member; a wrong type is a violation of that field.
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

QString readInputFile(const QString &pathOrDash, bool *ok)
{
    *ok = true;
    if (pathOrDash.isEmpty() || pathOrDash == QLatin1String("-"))
        return readStdin();
    QFile f(pathOrDash);
    if (!f.open(QIODevice::ReadOnly)) {
        *ok = false;
        return {};
    }
    return QString::fromUtf8(f.readAll());
}

QString isoOut(const QDateTime &t)
{
    return db::isoUtc(t);
}

QJsonObject applicantJson(const db::ApplicantRow &r)
{
    return {{QStringLiteral("national_code"), r.nationalCode},
            {QStringLiteral("first_name"), r.firstName},
            {QStringLiteral("last_name"), r.lastName},
            {QStringLiteral("mobile"), r.mobile},
            {QStringLiteral("status"), r.status}};
}

// ---- commands -----------------------------------------------------------------------

int cmdInit(Invocation &inv, Context *ctx)
{
    auto r = initBranch(*ctx, inv.opt("branch"), inv.now);
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("database"), ctx->db.path()},
                          {QStringLiteral("branch_code"), *r.value},
                          {QStringLiteral("schema_version"), db::Database::latestSchemaVersion()}});
    return Done;
}

// The import's file (FILE or "-" for stdin), opened; false after the message.
bool openImportFile(const Invocation &inv, QFile &f)
{
    const QString path = inv.positional.value(0);
    bool opened = false;
    if (path == QLatin1String("-"))
        opened = f.open(stdin, QIODevice::ReadOnly);
    else {
        f.setFileName(path);
        opened = f.open(QIODevice::ReadOnly);
    }
    if (!opened)
        printErr(Cli::tr("Cannot read the file \"%1\".").arg(path));
    return opened;
}

// With --central, into the central database (no branch database is opened); without it,
// into this branch's.
int importWith(Invocation &inv, Context *ctx,
               Outcome<ImportResult> (*import)(Context &, QIODevice &, const QDateTime &, const QString &),
               Outcome<CentralImportResult> (*importCentral)(const db::CentralUrl &, QIODevice &, const QDateTime &,
                                                             const QString &))
{
    QFile f;
    if (inv.has("central")) {
        const auto url = parseCentralUrl(inv.opt("central"));
        if (!url.ok())
            return fail(url.failure);
        if (!openImportFile(inv, f))
            return Environment;
        const auto r = importCentral(*url.value, f, inv.now, QStringLiteral("admin"));
        if (!r.ok())
            return fail(r.failure);
        printJson(
            QJsonObject{{QStringLiteral("imported"), r.value->rows}, {QStringLiteral("changed"), r.value->changed}});
        return Done;
    }
    if (!openImportFile(inv, f))
        return Environment;
    auto r = import(*ctx, f, inv.now, QStringLiteral("admin"));
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("imported"), r.value->rows}});
    return Done;
}

int cmdDemoData(Invocation &inv, Context *ctx)
{
    bool ok1 = true, ok2 = true;
    const qint64 persons = inv.has("persons") ? inv.opt("persons").toLongLong(&ok1) : 1000;
    const quint64 seed = inv.has("seed") ? inv.opt("seed").toULongLong(&ok2) : 1;
    if (!ok1 || !ok2 || persons < 1 || persons > 10'000'000)
        return usageError(Cli::tr("--persons takes a whole number from 1 to 10000000, --seed a whole number."));
    db::DemoOptions opt;
    opt.persons = persons;
    opt.seed = seed;
    opt.branchCode = ctx->branchCode;
    opt.now = inv.now;
    int lastTenth = -1;
    opt.progress = [&](qint64 done, qint64 total) {
        const int tenth = total > 0 ? int(done * 10 / total) : 10;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            printErr(Cli::tr("demo data: %1%").arg(tenth * 10));
        }
    };
    auto r = fillDemoData(*ctx, opt, inv.has("staff"), inv.now);
    if (!r.ok())
        return fail(r.failure);
    const db::DemoStats &s = r.value->stats;
    QJsonObject byStatus;
    for (auto it = s.byStatus.begin(); it != s.byStatus.end(); ++it)
        byStatus.insert(it.key(), it.value());
    QJsonObject out{{QStringLiteral("persons"), s.persons},
                    {QStringLiteral("requests"), s.requests},
                    {QStringLiteral("accounts"), s.accounts},
                    {QStringLiteral("by_status"), byStatus}};
    if (inv.has("staff")) {
        // The only time these passwords exist outside their hashes.
        QJsonArray staff;
        for (auto &a : r.value->staff) {
            staff.append(QJsonObject{{QStringLiteral("login"), a.login},
                                     {QStringLiteral("role"), a.role},
                                     {QStringLiteral("password"), a.password}});
            security::wipe(a.password);
        }
        out.insert(QStringLiteral("staff"), staff);
    }
    printJson(out);
    return Done;
}

int cmdUserAdd(Invocation &inv, Context *ctx)
{
    auto [password, rest] = splitFirstLine(readStdin());
    Q_UNUSED(rest)
    auto r = addStaff(*ctx, inv.positional.value(0), inv.opt("role"), password, inv.now);
    security::wipe(password);
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("login"), r.value->login}, {QStringLiteral("role"), r.value->role}});
    return Done;
}

int cmdRegister(Invocation &inv, Context *ctx)
{
    bool readOk = false;
    const QString text = readInputFile(inv.positional.value(0), &readOk);
    if (!readOk) {
        printErr(Cli::tr("Cannot read the file \"%1\".").arg(inv.positional.value(0)));
        return Environment;
    }
    Failure parseFailure;
    const auto doc = parseJsonInput(text, &parseFailure);
    if (!doc)
        return fail(parseFailure);
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
        if (!item.isObject()) {
            allAccepted = false;
            results.append(QJsonObject{
                {QStringLiteral("national_code"), QJsonValue::Null},
                {QStringLiteral("accepted"), false},
                {QStringLiteral("errors"),
                 violationsJson({Violation{QStringLiteral("request"), QStringLiteral("request.invalid_type"),
                                           Cli::tr("Each request must be a JSON object.")}})}});
            continue;
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
        QJsonObject result{{QStringLiteral("national_code"), rawCode.isString() ? rawCode : QJsonValue::Null}};
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
            allAccepted = false;
            result.insert(QStringLiteral("accepted"), false);
            result.insert(QStringLiteral("errors"), violationsJson(all));
            results.append(result);
            continue;
        }
        auto r = submitRegistration(*ctx, std::move(in), inv.now, QStringLiteral("portal"));
        if (r.ok()) {
            if (auto req = db::findRequest(ctx->db, *r.value))
                result.insert(QStringLiteral("national_code"), req->nationalCode);
            result.insert(QStringLiteral("accepted"), true);
            result.insert(QStringLiteral("request_id"), *r.value);
        } else {
            if (r.failure.kind == Failure::Kind::Environment) {
                printJson(results);
                printErr(r.failure.message());
                return Environment;
            }
            allAccepted = false;
            result.insert(QStringLiteral("accepted"), false);
            result.insert(QStringLiteral("errors"), violationsJson(r.failure.violations));
        }
        results.append(result);
    }
    printJson(results);
    if (!allAccepted)
        printErr(Cli::tr("Some requests were refused; see \"errors\" in the output."));
    return allAccepted ? Done : Refused;
}

QJsonArray decisionsJson(const QList<Decision> &decisions)
{
    QJsonArray out;
    for (const auto &d : decisions)
        out.append(QJsonObject{{QStringLiteral("request_id"), d.requestId},
                               {QStringLiteral("national_code"), d.nationalCode},
                               {QStringLiteral("outcome"), statusName(d.outcome)}});
    return out;
}

// With --central, every branch's submitted requests in the central database (no branch
// database is opened); without it, this branch's.
int cmdVerify(Invocation &inv, Context *ctx)
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

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isoOut(t)) : QJsonValue(QJsonValue::Null);
}

QJsonObject smsJson(const db::SmsRecord &s)
{
    return QJsonObject{{QStringLiteral("id"), s.id},
                       {QStringLiteral("national_code"), s.nationalCode},
                       {QStringLiteral("mobile"), s.mobile},
                       {QStringLiteral("kind"), s.kind},
                       {QStringLiteral("text"), s.text},
                       {QStringLiteral("created_at"), isoOut(s.createdAt)},
                       {QStringLiteral("status"), s.status},
                       {QStringLiteral("attempts"), s.attempts},
                       {QStringLiteral("next_attempt_at"), isoOrNull(s.nextAttemptAt)},
                       {QStringLiteral("sent_at"), isoOrNull(s.sentAt)},
                       {QStringLiteral("last_error"), s.lastError}};
}

int cmdSmsList(Invocation &inv, Context *ctx)
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

// Posts the due SMS to the gateway (app/sync/SmsGateway). The token comes from the
// environment only: a command line is visible to every user of the machine.
int cmdSmsSend(Invocation &inv, Context *ctx)
{
    SmsGatewayConfig config;
    config.url = QUrl(inv.opt("gateway"), QUrl::StrictMode);
    const QString scheme = config.url.scheme();
    if (!config.url.isValid() || config.url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return usageError(Cli::tr("--gateway must be an http:// or https:// URL."));
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

int cmdApplicantsSearch(Invocation &inv, Context *ctx)
{
    bool ok = true;
    const int limit = inv.has("limit") ? inv.opt("limit").toInt(&ok) : 50;
    if (!ok || limit < 1 || limit > 1000)
        return usageError(Cli::tr("--limit takes a whole number from 1 to 1000."));
    const QString status = inv.opt("status");
    if (!status.isEmpty() && !statusFromName(status))
        return usageError(Cli::tr("Unknown status \"%1\".").arg(status));
    auto r = searchApplicants(*ctx, inv.positional.join(QLatin1Char(' ')), status, limit);
    if (!r.ok())
        return fail(r.failure);
    QJsonArray out;
    for (const auto &row : *r.value)
        out.append(applicantJson(row));
    printJson(out);
    return Done;
}

int cmdApplicantsShow(Invocation &inv, Context *ctx)
{
    auto r = applicantDetails(*ctx, inv.positional.value(0));
    if (!r.ok())
        return fail(r.failure);
    printJson(*r.value);
    return Done;
}

int printDone(const Outcome<bool> &r, QJsonObject o)
{
    if (!r.ok())
        return fail(r.failure);
    o.insert(QStringLiteral("ok"), true);
    printJson(o);
    return Done;
}

int cmdActivate(Invocation &inv, Context *ctx)
{
    auto [staffPassword, rest] = splitFirstLine(readStdin());
    Q_UNUSED(rest)
    QStringList docs;
    for (const QString &d : inv.opt("documents").split(QLatin1Char(','), Qt::SkipEmptyParts))
        docs << d.trimmed();
    auto r = activateAtCounter(*ctx, inv.positional.value(0), inv.opt("staff"), staffPassword, docs, inv.now);
    security::wipe(staffPassword);
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("ok"), true},
                          {QStringLiteral("request_id"), *r.value},
                          {QStringLiteral("status"), statusName(RequestStatus::Activated)}});
    return Done;
}

int cmdRefuse(Invocation &inv, Context *ctx)
{
    auto [staffPassword, rest] = splitFirstLine(readStdin());
    Q_UNUSED(rest)
    auto r =
        refuseAtCounter(*ctx, inv.positional.value(0), inv.opt("staff"), staffPassword, inv.opt("reason"), inv.now);
    security::wipe(staffPassword);
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("ok"), true},
                          {QStringLiteral("request_id"), *r.value},
                          {QStringLiteral("status"), statusName(RequestStatus::Rejected)}});
    return Done;
}

int cmdMobileChange(Invocation &inv, Context *ctx)
{
    auto [staffPassword, rest] = splitFirstLine(readStdin());
    Q_UNUSED(rest)
    auto r = changeMobile(*ctx, inv.positional.value(0), inv.opt("mobile"), inv.opt("staff"), staffPassword, inv.now);
    security::wipe(staffPassword);
    return printDone(r, {});
}

struct NewPassword {
    QString password, confirm;
    ~NewPassword()
    {
        security::wipe(password);
        security::wipe(confirm);
    }
};

// {"password": "…", "password_confirm": "…"} from JSON text; on bad input *failure says why.
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

int cmdPasswordReset(Invocation &inv, Context *ctx)
{
    auto [staffPassword, rest] = splitFirstLine(readStdin());
    NewPassword pw;
    Failure failure;
    if (!parseNewPassword(rest, &pw, &failure)) {
        security::wipe(staffPassword);
        return fail(failure);
    }
    auto r = resetPasswordAtCounter(*ctx, inv.positional.value(0), inv.opt("staff"), staffPassword, pw.password,
                                    pw.confirm, inv.now);
    security::wipe(staffPassword);
    return printDone(r, {});
}

int cmdQuestionsReset(Invocation &inv, Context *ctx)
{
    auto [staffPassword, rest] = splitFirstLine(readStdin());
    Failure parseFailure;
    const auto doc = parseJsonInput(rest, &parseFailure);
    if (!doc) {
        security::wipe(staffPassword);
        return fail(parseFailure);
    }
    Violations typeErrors;
    const QJsonValue list =
        doc->isArray() ? QJsonValue(doc->array()) : doc->object().value(QStringLiteral("security_questions"));
    const auto questions = questionsField(list, typeErrors);
    if (!typeErrors.isEmpty()) {
        security::wipe(staffPassword);
        return fail(Failure{Failure::Kind::Rule, typeErrors, {}});
    }
    auto r =
        resetQuestionsAtCounter(*ctx, inv.positional.value(0), inv.opt("staff"), staffPassword, questions, inv.now);
    security::wipe(staffPassword);
    return printDone(r, {});
}

// The supervisor dashboard's figures for one day of the branch (local time zone), as JSON.
int cmdReportDaily(Invocation &inv, Context *ctx)
{
    QDate day = inv.now.toLocalTime().date();
    if (inv.has("date")) {
        // yyyy-MM-dd exactly (Qt::ISODate would also take 1405/09/04 as a Gregorian year 1405).
        day = QDate::fromString(inv.opt("date"), QStringLiteral("yyyy-MM-dd"));
        if (!day.isValid())
            return usageError(Cli::tr("--date must be a Gregorian date, e.g. 2026-11-25."));
    }
    const auto r = dashboardSnapshot(*ctx, day, QTimeZone::systemTimeZone(), inv.now);
    if (!r.ok())
        return fail(r.failure);
    printJson(dashboardJson(*r.value));
    return Done;
}

// ---- keeping the branch's work ----------------------------------------------------------

// Progress on stderr, for a person at a terminal only (scripts read stdout's JSON).
db::CopyProgress terminalProgress()
{
#ifdef Q_OS_UNIX
    if (!::isatty(2))
        return {};
#endif
    return [last = -1](qint64 done, qint64 total) mutable {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (percent != last) {
            last = percent;
            std::fprintf(stderr, "\r%s", qPrintable(QCoreApplication::translate("branch::Cli", "Copying the database: %1%").arg(percent)));
            if (percent == 100)
                std::fputc('\n', stderr);
        }
        return true;
    };
}

QString backupFolderOption(const Invocation &inv)
{
    return inv.has("to") ? QDir::cleanPath(inv.opt("to")) : backupFolderFromSettings(inv.dbPath);
}

QJsonObject backupFileJson(const BackupFile &f)
{
    return {{QStringLiteral("file"), f.path},
            {QStringLiteral("branch_code"), f.branchCode},
            {QStringLiteral("taken_at"), isoOut(f.takenAt)},
            {QStringLiteral("bytes"), f.bytes}};
}

int cmdBackup(Invocation &inv, Context *ctx)
{
    auto [staffPassword, rest] = splitFirstLine(readStdin());
    Q_UNUSED(rest)
    auto who = authenticateFor(*ctx, inv.opt("staff"), staffPassword, StaffPermission::BackUp, inv.now);
    security::wipe(staffPassword);
    if (!who.ok())
        return fail(who.failure);
    const QString folder = backupFolderOption(inv);
    auto r =
        makeBackup(ctx->db.path(), folder, who.value->login, inv.now, backupPolicyFromSettings(), terminalProgress());
    if (!r.ok())
        return fail(r.failure);
    QJsonObject out = backupFileJson(r.value->file);
    out.insert(QStringLiteral("ok"), true);
    out.insert(QStringLiteral("removed"), r.value->removed);
    out.insert(QStringLiteral("same_disk"), r.value->sameDisk);
    out.insert(QStringLiteral("waiting_changes"), r.value->waitingChanges);
    printJson(out);
    if (r.value->sameDisk)
        printErr(Cli::tr("Note: the backup is on the same disk as the database. It protects against a deleted or "
                         "damaged file, not against a dead disk: set backup/folder or use --to with a USB stick "
                         "or a network share."));
    return Done;
}

int cmdBackupList(Invocation &inv, Context *)
{
    QJsonArray out;
    for (const BackupFile &f : listBackups(backupFolderOption(inv)))
        out.append(backupFileJson(f));
    printJson(out);
    return Done;
}

int cmdRestore(Invocation &inv, Context *)
{
    auto [staffPassword, rest] = splitFirstLine(readStdin());
    Q_UNUSED(rest)
    auto r = restoreBackup(inv.dbPath, inv.positional.value(0), inv.opt("staff"), staffPassword, inv.now);
    security::wipe(staffPassword);
    if (!r.ok())
        return fail(r.failure);
    const RestoreDone &d = *r.value;
    QJsonArray after;
    for (const db::AuditLine &a : d.afterBackup)
        after.append(QJsonObject{{QStringLiteral("seq"), a.seq},
                                 {QStringLiteral("at"), a.at},
                                 {QStringLiteral("actor"), a.actor},
                                 {QStringLiteral("action"), a.action},
                                 {QStringLiteral("national_code"), a.nationalCode}});
    printJson(
        QJsonObject{{QStringLiteral("ok"), true},
                    {QStringLiteral("database"), d.database},
                    {QStringLiteral("backup"), d.backup},
                    {QStringLiteral("branch_code"), d.facts.branchCode},
                    {QStringLiteral("kept_aside"), d.keptAside.isEmpty() ? QJsonValue() : QJsonValue(d.keptAside)},
                    {QStringLiteral("backup_last_action_at"), d.facts.lastAuditAt},
                    {QStringLiteral("waiting_in_backup"), d.facts.waitingChanges},
                    {QStringLiteral("after_backup"), after},
                    {QStringLiteral("unsent_in_kept_aside"), d.unsentInKeptAside}});
    if (!d.afterBackup.isEmpty())
        printErr(Cli::tr("%1 actions were done after this backup was taken; they are listed in \"after_backup\". "
                         "What had reached the central database comes back with the next sync; the rest is only "
                         "in the database kept aside (%2).")
                     .arg(d.afterBackup.size())
                     .arg(d.keptAside));
    return Done;
}

int cmdStatus(Invocation &inv, Context *ctx)
{
    auto r = keepingStatus(*ctx);
    if (!r.ok())
        return fail(r.failure);
    const KeepingStatus &s = *r.value;
    const int warnHours = Settings::unsentWarnHours();
    printJson(QJsonObject{
        {QStringLiteral("waiting"), s.waiting},
        {QStringLiteral("oldest_waiting_at"), isoOrNull(s.oldestWaiting)},
        {QStringLiteral("last_sync"), isoOrNull(s.lastSync)},
        {QStringLiteral("last_backup"), isoOrNull(s.lastBackup)},
        {QStringLiteral("last_backup_file"), s.lastBackupPath.isEmpty() ? QJsonValue() : QJsonValue(s.lastBackupPath)},
        {QStringLiteral("backup_folder"), backupFolderOption(inv)},
        {QStringLiteral("waiting_too_long"),
         s.oldestWaiting.isValid() && s.oldestWaiting.secsTo(inv.now) > qint64(warnHours) * 3600}});
    return Done;
}

int cmdAuditVerify(Invocation &inv, Context *ctx)
{
    Q_UNUSED(inv)
    auto r = verifyAudit(*ctx);
    if (!r.ok())
        return fail(r.failure);
    const AuditCheck &c = *r.value;
    if (c.ok) {
        printJson(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("entries"), c.entries}});
        return Done;
    }
    printJson(QJsonObject{{QStringLiteral("ok"), false},
                          {QStringLiteral("entries"), c.entries},
                          {QStringLiteral("first_bad_seq"), c.firstBadSeq},
                          {QStringLiteral("code"), c.code},
                          {QStringLiteral("message"), c.reason}});
    printErr(Cli::tr("The audit log was altered: first bad entry %1 (%2).").arg(c.firstBadSeq).arg(c.reason));
    return Refused;
}

int cmdRecoverStart(Invocation &inv, Context *ctx)
{
    const QString method = inv.opt("method");
    if (method != QLatin1String("sms") && method != QLatin1String("questions"))
        return usageError(Cli::tr("--method must be sms or questions."));
    auto r = startRecovery(*ctx, inv.positional.value(0), method, inv.now);
    if (!r.ok())
        return fail(r.failure);
    QJsonObject o{{QStringLiteral("recovery_id"), r.value->recoveryId}, {QStringLiteral("method"), method}};
    if (method == QLatin1String("sms")) {
        o.insert(QStringLiteral("expires_at"), isoOut(r.value->expiresAt));
    } else {
        QJsonArray qs;
        for (const auto &q : r.value->questions)
            qs.append(QJsonObject{{QStringLiteral("question_id"), q.id}, {QStringLiteral("text"), q.text}});
        o.insert(QStringLiteral("questions"), qs);
    }
    printJson(o);
    return Done;
}

int cmdRecoverVerify(Invocation &inv, Context *ctx)
{
    const bool byCode = inv.has("code");
    const bool byAnswers = inv.has("answers");
    if (byCode == byAnswers)
        return usageError(Cli::tr("Give either --code CODE or --answers FILE|-."));
    Outcome<bool> r = Failure{};
    if (byCode) {
        r = verifyRecoveryCode(*ctx, inv.positional.value(0), inv.opt("code"), inv.now);
    } else {
        bool readOk = false;
        const QString text = readInputFile(inv.opt("answers"), &readOk);
        if (!readOk) {
            printErr(Cli::tr("Cannot read the file \"%1\".").arg(inv.opt("answers")));
            return Environment;
        }
        Failure parseFailure;
        const auto doc = parseJsonInput(text, &parseFailure);
        if (!doc)
            return fail(parseFailure);
        Violations typeErrors;
        const QJsonValue list =
            doc->isArray() ? QJsonValue(doc->array()) : doc->object().value(QStringLiteral("answers"));
        auto answers = questionsField(list, typeErrors);
        if (!typeErrors.isEmpty() || list.isUndefined())
            return fail(Failure::rule(QStringLiteral("answers"), QStringLiteral("answers.invalid_type"),
                                      Cli::tr("Give the answers as [{\"question_id\": \"…\", \"answer\": \"…\"}].")));
        r = verifyRecoveryAnswers(*ctx, inv.positional.value(0), answers, inv.now);
    }
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("verified"), true}});
    return Done;
}

int cmdRecoverReset(Invocation &inv, Context *ctx)
{
    NewPassword pw;
    Failure failure;
    if (!parseNewPassword(readStdin(), &pw, &failure))
        return fail(failure);
    return printDone(resetRecoveredPassword(*ctx, inv.positional.value(0), pw.password, pw.confirm, inv.now), {});
}

// ---- sync -----------------------------------------------------------------------------

int cmdSync(Invocation &inv, Context *ctx)
{
    const auto url = parseCentralUrl(inv.opt("central"));
    if (!url.ok())
        return fail(url.failure);
    const auto r = syncWithCentral(*ctx, *url.value, inv.now);
    if (!r.ok())
        return fail(r.failure);
    recordSyncSuccess(*ctx, inv.now); // for a desk started later; the sync itself is done either way
    printJson(QJsonObject{{QStringLiteral("ok"), true},
                          {QStringLiteral("pushed"), r.value->pushed},
                          {QStringLiteral("pulled"), r.value->pulled},
                          {QStringLiteral("conflicts"), r.value->conflicts}});
    return Done;
}

// The hashes stay out of a listing (they mean nothing to a supervisor).
QJsonObject withoutHashes(QJsonObject o)
{
    o.remove(QStringLiteral("password_hash"));
    o.remove(QStringLiteral("questions_json"));
    return o;
}

int cmdConflictsList(Invocation &inv, Context *ctx)
{
    const auto url = parseCentralUrl(inv.opt("central"));
    if (!url.ok())
        return fail(url.failure);
    const auto r = listConflicts(*ctx, *url.value);
    if (!r.ok())
        return fail(r.failure);
    QJsonArray out;
    for (const auto &c : *r.value)
        out.append(QJsonObject{{QStringLiteral("id"), c.id},
                               {QStringLiteral("table"), c.table},
                               {QStringLiteral("row_id"), c.rowId},
                               {QStringLiteral("base_version"), c.baseVersion},
                               {QStringLiteral("local"), withoutHashes(c.localPayload)},
                               {QStringLiteral("central"), withoutHashes(c.centralPayload)},
                               {QStringLiteral("created_at"), c.createdAt}});
    printJson(out);
    return Done;
}

// The supervisor's password is stdin's first line.
int cmdConflictsResolve(Invocation &inv, Context *ctx)
{
    const QString keep = inv.opt("keep");
    if (keep != QLatin1String("local") && keep != QLatin1String("central"))
        return usageError(Cli::tr("--keep must be local or central."));
    const auto url = parseCentralUrl(inv.opt("central"));
    if (!url.ok())
        return fail(url.failure);
    auto [staffPassword, rest] = splitFirstLine(readStdin());
    Q_UNUSED(rest)
    const auto r = resolveConflict(*ctx, *url.value, inv.positional.value(0), keep == QLatin1String("local"),
                                   inv.opt("staff"), staffPassword, inv.now);
    security::wipe(staffPassword);
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("ok"), true},
                          {QStringLiteral("id"), inv.positional.value(0)},
                          {QStringLiteral("keep"), keep},
                          {QStringLiteral("pulled"), r.value->pulled}});
    return Done;
}

// ---- the supervisor review queue (four eyes) ----------------------------------------

QJsonObject reviewIdentityJson(const QString &firstName, const QString &lastName, const QString &birthCertNo,
                               const QDate &birthDate, const QString &gender)
{
    return {{QStringLiteral("first_name"), firstName},
            {QStringLiteral("last_name"), lastName},
            {QStringLiteral("birth_cert_no"), birthCertNo},
            {QStringLiteral("birth_date"), toJalaliString(birthDate)},
            {QStringLiteral("gender"), gender}};
}

QJsonObject proposalJson(const db::ReviewProposalRecord &p)
{
    QJsonObject changes = p.changes;
    if (changes.contains(QStringLiteral("birth_date"))) // Jalali, as it was typed
        changes.insert(
            QStringLiteral("birth_date"),
            toJalaliString(QDate::fromString(changes.value(QStringLiteral("birth_date")).toString(), Qt::ISODate)));
    return {{QStringLiteral("proposal_id"), p.id},
            {QStringLiteral("request_id"), p.requestId},
            {QStringLiteral("national_code"), p.nationalCode},
            {QStringLiteral("kind"), p.kind},
            {QStringLiteral("changes"), changes},
            {QStringLiteral("reason"), p.reason},
            {QStringLiteral("proposed_by"), p.proposedBy},
            {QStringLiteral("proposed_at"), isoOut(p.proposedAt)},
            {QStringLiteral("status"), p.status}};
}

// Identity-mismatch cases, and with --central this branch's sync conflicts, oldest first.
int cmdReviewList(Invocation &inv, Context *ctx)
{
    const auto cases = reviewQueue(*ctx);
    if (!cases.ok())
        return fail(cases.failure);
    QList<std::pair<QString, QJsonObject>> items; // (since, item)
    for (const auto &c : *cases.value) {
        const auto &r = c.request;
        QJsonObject o{{QStringLiteral("type"), QStringLiteral("identity_mismatch")},
                      {QStringLiteral("request_id"), r.id},
                      {QStringLiteral("national_code"), r.nationalCode},
                      {QStringLiteral("mobile"), r.mobile},
                      {QStringLiteral("submitted_at"), isoOut(r.submittedAt)},
                      {QStringLiteral("since"), isoOut(c.since)},
                      {QStringLiteral("request"),
                       reviewIdentityJson(r.firstName, r.lastName, r.birthCertNo, r.birthDate, r.gender)},
                      {QStringLiteral("reference"),
                       c.reference ? QJsonValue(reviewIdentityJson(c.reference->firstName, c.reference->lastName,
                                                                   c.reference->birthCertNo, c.reference->birthDate,
                                                                   c.reference->gender))
                                   : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("differences"), QJsonArray::fromStringList(c.differences)},
                      {QStringLiteral("proposal"),
                       c.proposal ? QJsonValue(proposalJson(*c.proposal)) : QJsonValue(QJsonValue::Null)}};
        items.append({isoOut(c.since), o});
    }
    if (inv.has("central")) {
        const auto url = parseCentralUrl(inv.opt("central"));
        if (!url.ok())
            return fail(url.failure);
        const auto conflicts = listConflicts(*ctx, *url.value);
        if (!conflicts.ok())
            return fail(conflicts.failure);
        for (const auto &c : *conflicts.value)
            items.append({c.createdAt, QJsonObject{{QStringLiteral("type"), QStringLiteral("sync_conflict")},
                                                   {QStringLiteral("conflict_id"), c.id},
                                                   {QStringLiteral("table"), c.table},
                                                   {QStringLiteral("row_id"), c.rowId},
                                                   {QStringLiteral("since"), c.createdAt},
                                                   {QStringLiteral("local"), withoutHashes(c.localPayload)},
                                                   {QStringLiteral("central"), withoutHashes(c.centralPayload)}}});
    }
    // ISO UTC times of one format sort as text.
    std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QJsonArray out;
    for (const auto &i : items)
        out.append(i.second);
    printJson(out);
    return Done;
}

// The supervisor's password is stdin's first line; a correction's fields (JSON) follow.
int cmdReviewPropose(Invocation &inv, Context *ctx)
{
    const auto kind = reviewKindFromName(inv.opt("kind"));
    if (!kind)
        return usageError(Cli::tr("--kind must be correct, send_back or reject."));
    auto [staffPassword, rest] = splitFirstLine(readStdin());
    ReviewProposalInput in;
    in.kind = *kind;
    in.reason = inv.opt("reason");
    // Nothing after the password: no field to correct (the registry may have been fixed instead).
    if (*kind == ReviewKind::CorrectAndActivate && !rest.trimmed().isEmpty()) {
        Failure parseFailure;
        const auto doc = parseJsonInput(rest, &parseFailure);
        if (!doc || !doc->isObject()) {
            security::wipe(staffPassword);
            return fail(doc ? Failure::rule(QStringLiteral("corrections"), QStringLiteral("corrections.invalid_type"),
                                            Cli::tr("Give the corrected fields as one JSON object after the "
                                                    "password line."))
                            : parseFailure);
        }
        in.corrections = doc->object();
    }
    auto r = proposeReview(*ctx, inv.positional.value(0), in, inv.opt("staff"), staffPassword, inv.now);
    security::wipe(staffPassword);
    if (!r.ok())
        return fail(r.failure);
    QJsonObject o = proposalJson(*r.value);
    o.insert(QStringLiteral("ok"), true);
    printJson(o);
    return Done;
}

// The approving supervisor's password is stdin's first line.
int cmdReviewApprove(Invocation &inv, Context *ctx)
{
    auto [staffPassword, rest] = splitFirstLine(readStdin());
    Q_UNUSED(rest)
    auto r = approveReview(*ctx, inv.positional.value(0), inv.opt("staff"), staffPassword, inv.now);
    security::wipe(staffPassword);
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("ok"), true},
                          {QStringLiteral("proposal_id"), r.value->proposalId},
                          {QStringLiteral("request_id"), r.value->requestId},
                          {QStringLiteral("national_code"), r.value->nationalCode},
                          {QStringLiteral("status"), statusName(r.value->status)}});
    return Done;
}

// ---- the central database ------------------------------------------------------------

int cmdCentralInit(Invocation &inv, Context *)
{
    const auto url = parseCentralUrl(inv.opt("central"));
    if (!url.ok())
        return fail(url.failure);
    const auto r = initCentral(*url.value);
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("ok"), true},
                          {QStringLiteral("dialect"), r.value->dialect},
                          {QStringLiteral("schema_version"), r.value->schemaVersion},
                          {QStringLiteral("previous_version"), r.value->previousVersion}});
    return Done;
}

// The branch role's password is stdin's first line (PostgreSQL only; never an argument).
int cmdCentralAddBranch(Invocation &inv, Context *)
{
    const auto url = parseCentralUrl(inv.opt("central"));
    if (!url.ok())
        return fail(url.failure);
    QString password;
    if (url.value->dialect == db::CentralUrl::Dialect::PostgreSQL) {
        QString all = readStdin();
        password = splitFirstLine(all).first;
        all.fill(QLatin1Char(' '));
    }
    const auto r = addCentralBranch(*url.value, inv.positional.value(0), password);
    password.fill(QLatin1Char(' '));
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("ok"), true},
                          {QStringLiteral("branch_code"), r.value->code},
                          {QStringLiteral("role"), r.value->role}});
    return Done;
}

// ---- the command table --------------------------------------------------------------

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {{QStringLiteral("init")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "Create or migrate the database; idempotent."),
         {{"branch", true, QT_TRANSLATE_NOOP("branch::Cli", "The branch code (3 to 8 digits) on first use.")}},
         0,
         0,
         true,
         cmdInit},
        {{QStringLiteral("import-registry")},
         "FILE.csv",
         QT_TRANSLATE_NOOP("branch::Cli", "Upsert civil-registry reference rows from a UTF-8 CSV; all or nothing."),
         {{"central", true,
           QT_TRANSLATE_NOOP("branch::Cli", "Load them into this central database (as its owner) instead of this "
                                            "branch's; the branches pull what changed.")}},
         1,
         1,
         true,
         [](Invocation &i, Context *c) { return importWith(i, c, &importRegistry, &importRegistryToCentral); }},
        {{QStringLiteral("import-mobile-owners")},
         "FILE.csv",
         QT_TRANSLATE_NOOP("branch::Cli", "Import who owns which mobile line (CSV: national_code,mobile)."),
         {{"central", true,
           QT_TRANSLATE_NOOP("branch::Cli", "Load them into this central database (as its owner) instead of this "
                                            "branch's; the branches pull what changed.")}},
         1,
         1,
         true,
         [](Invocation &i, Context *c) { return importWith(i, c, &importMobileOwners, &importMobileOwnersToCentral); }},
        {{QStringLiteral("demo-data")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "Fill the database with realistic, deterministic demo data."),
         {{"persons", true, QT_TRANSLATE_NOOP("branch::Cli", "How many persons (default 1000).")},
          {"seed", true, QT_TRANSLATE_NOOP("branch::Cli", "Random seed (default 1).")},
          {"staff", false,
           QT_TRANSLATE_NOOP("branch::Cli", "Also create demo staff (a clerk, two supervisors, an administrator) with "
                                            "passwords made for this database, printed once in \"staff\"; only on "
                                            "a database without staff.")}},
         0,
         0,
         true,
         cmdDemoData},
        {{QStringLiteral("user"), QStringLiteral("add")},
         "LOGIN",
         QT_TRANSLATE_NOOP("branch::Cli", "Add a staff account; the password is read from standard input. The "
                                          "first account of a branch must be its administrator."),
         {{"role", true, QT_TRANSLATE_NOOP("branch::Cli", "clerk, supervisor or admin.")}},
         1,
         1,
         true,
         cmdUserAdd},
        {{QStringLiteral("register")},
         "[FILE|-]",
         QT_TRANSLATE_NOOP("branch::Cli", "Submit registration requests (one JSON object or an array)."),
         {},
         0,
         1,
         true,
         cmdRegister},
        {{QStringLiteral("verify")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "Decide every submitted request (the central verification step)."),
         {{"central", true,
           QT_TRANSLATE_NOOP("branch::Cli", "Decide every branch's submitted requests in this central database "
                                            "(as its owner) instead of this branch's: postgresql://USER@HOST:PORT/"
                                            "DBNAME or sqlite:///ABSOLUTE/PATH.db.")}},
         0,
         0,
         true,
         cmdVerify},
        {{QStringLiteral("sms"), QStringLiteral("list")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "List the SMS outbox."),
         {{"status", true, QT_TRANSLATE_NOOP("branch::Cli", "Only this status: queued, sending, sent or failed.")}},
         0,
         0,
         true,
         cmdSmsList},
        {{QStringLiteral("sms"), QStringLiteral("send")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "Post the due SMS to the HTTP gateway, with retries and an idempotency key "
                                          "per message; the token is read from $BRANCHDESK_SMS_TOKEN."),
         {{"gateway", true, QT_TRANSLATE_NOOP("branch::Cli", "The gateway's URL (http:// or https://).")},
          {"limit", true, QT_TRANSLATE_NOOP("branch::Cli", "At most this many messages in this run (default 500).")},
          {"timeout-ms", true,
           QT_TRANSLATE_NOOP("branch::Cli", "Give up on one request after this many milliseconds (default 10000).")}},
         0,
         0,
         true,
         cmdSmsSend},
        {{QStringLiteral("applicants"), QStringLiteral("search")},
         "TEXT",
         QT_TRANSLATE_NOOP("branch::Cli", "Find applicants by national code, mobile or name."),
         {{"status", true, QT_TRANSLATE_NOOP("branch::Cli", "Only this status (e.g. identity_mismatch).")},
          {"limit", true, QT_TRANSLATE_NOOP("branch::Cli", "At most this many rows (default 50).")}},
         1,
         20,
         true,
         cmdApplicantsSearch},
        {{QStringLiteral("applicants"), QStringLiteral("show")},
         "NATIONAL_CODE",
         QT_TRANSLATE_NOOP("branch::Cli", "Show one applicant: status, requests, history, SMS."),
         {},
         1,
         1,
         true,
         cmdApplicantsShow},
        {{QStringLiteral("activate")},
         "NATIONAL_CODE",
         QT_TRANSLATE_NOOP("branch::Cli", "In-person activation after the documents were checked; staff password on "
                                          "standard input."),
         {{"staff", true, QT_TRANSLATE_NOOP("branch::Cli", "The clerk's login.")},
          {"documents", true, QT_TRANSLATE_NOOP("branch::Cli", "Documents seen: national_card,birth_certificate.")}},
         1,
         1,
         true,
         cmdActivate},
        {{QStringLiteral("refuse")},
         "NATIONAL_CODE",
         QT_TRANSLATE_NOOP("branch::Cli", "Refuse a request waiting at the branch, with a reason; staff password on "
                                          "standard input."),
         {{"staff", true, QT_TRANSLATE_NOOP("branch::Cli", "The clerk's login.")},
          {"reason", true, QT_TRANSLATE_NOOP("branch::Cli", "Why the request is refused.")}},
         1,
         1,
         true,
         cmdRefuse},
        {{QStringLiteral("mobile"), QStringLiteral("change")},
         "NATIONAL_CODE",
         QT_TRANSLATE_NOOP("branch::Cli", "Change an account's mobile (ownership confirmed in person); staff password "
                                          "on standard input."),
         {{"mobile", true, QT_TRANSLATE_NOOP("branch::Cli", "The new mobile number.")},
          {"staff", true, QT_TRANSLATE_NOOP("branch::Cli", "The clerk's login.")}},
         1,
         1,
         true,
         cmdMobileChange},
        {{QStringLiteral("password"), QStringLiteral("reset")},
         "NATIONAL_CODE",
         QT_TRANSLATE_NOOP("branch::Cli", "Reset a password at the counter: staff password on the first line of "
                                          "standard input, then {\"password\", \"password_confirm\"}."),
         {{"staff", true, QT_TRANSLATE_NOOP("branch::Cli", "The clerk's login.")}},
         1,
         1,
         true,
         cmdPasswordReset},
        {{QStringLiteral("questions"), QStringLiteral("reset")},
         "NATIONAL_CODE",
         QT_TRANSLATE_NOOP("branch::Cli", "Reset the security questions: staff password on the first line of "
                                          "standard input, then {\"security_questions\": [...]}."),
         {{"staff", true, QT_TRANSLATE_NOOP("branch::Cli", "The clerk's login.")}},
         1,
         1,
         true,
         cmdQuestionsReset},
        {{QStringLiteral("audit"), QStringLiteral("verify")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "Check the audit log's hash chain; exit 1 at the first bad entry."),
         {},
         0,
         0,
         true,
         cmdAuditVerify},
        {{QStringLiteral("backup")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "A checked online backup of the branch database into the backup folder "
                                          "(private files; older ones pruned); staff password on standard input."),
         {{"to", true,
           QT_TRANSLATE_NOOP("branch::Cli", "The folder (default: the setting backup/folder, else "
                                            "'backups' beside the database).")},
          {"staff", true, QT_TRANSLATE_NOOP("branch::Cli", "The staff member's login.")}},
         0,
         0,
         true,
         cmdBackup},
        {{QStringLiteral("backup"), QStringLiteral("list")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "The backups in the backup folder, newest first."),
         {{"to", true,
           QT_TRANSLATE_NOOP("branch::Cli", "The folder (default: the setting backup/folder, else "
                                            "'backups' beside the database).")}},
         0,
         0,
         false,
         cmdBackupList},
        {{QStringLiteral("restore")},
         "FILE",
         QT_TRANSLATE_NOOP("branch::Cli", "Put a checked backup in place of the branch database, keeping the current "
                                          "one aside; an administrator's password on standard input."),
         {{"staff", true, QT_TRANSLATE_NOOP("branch::Cli", "The administrator's login.")}},
         1,
         1,
         false,
         cmdRestore},
        {{QStringLiteral("status")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "What has not left the branch: changes waiting to be sent, the oldest, the "
                                          "last sync and the last backup, as JSON."),
         {},
         0,
         0,
         true,
         cmdStatus},
        {{QStringLiteral("report"), QStringLiteral("daily")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "The supervisor dashboard's figures of one day as JSON: requests per "
                                          "status, activations per staff member, the oldest waiting case, the outbox."),
         {{"date", true, QT_TRANSLATE_NOOP("branch::Cli", "The day (YYYY-MM-DD, local time; default today).")}},
         0,
         0,
         true,
         cmdReportDaily},
        {{QStringLiteral("recover"), QStringLiteral("start")},
         "NATIONAL_CODE",
         QT_TRANSLATE_NOOP("branch::Cli", "Start a password recovery by SMS code or security questions."),
         {{"method", true, QT_TRANSLATE_NOOP("branch::Cli", "sms or questions.")}},
         1,
         1,
         true,
         cmdRecoverStart},
        {{QStringLiteral("recover"), QStringLiteral("verify")},
         "RECOVERY_ID",
         QT_TRANSLATE_NOOP("branch::Cli", "Check the SMS code or the answers of a recovery."),
         {{"code", true, QT_TRANSLATE_NOOP("branch::Cli", "The 6-digit code from the SMS.")},
          {"answers", true, QT_TRANSLATE_NOOP("branch::Cli", "A JSON file (or -) with [{question_id, answer}].")}},
         1,
         1,
         true,
         cmdRecoverVerify},
        {{QStringLiteral("recover"), QStringLiteral("reset")},
         "RECOVERY_ID",
         QT_TRANSLATE_NOOP("branch::Cli", "Set the new password of a verified recovery (JSON on standard input)."),
         {},
         1,
         1,
         true,
         cmdRecoverReset},
        {{QStringLiteral("central"), QStringLiteral("init")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "Create or migrate the central database (PostgreSQL or SQLite); idempotent."),
         {{"central", true,
           QT_TRANSLATE_NOOP("branch::Cli", "postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or a "
                                            "pgpass file) or sqlite:///ABSOLUTE/PATH.db.")}},
         0,
         0,
         false,
         cmdCentralInit},
        {{QStringLiteral("central"), QStringLiteral("add-branch")},
         "CODE",
         QT_TRANSLATE_NOOP("branch::Cli", "Register a branch on the central database; on PostgreSQL also its login "
                                          "role branch_CODE, whose password is read from standard input."),
         {{"central", true,
           QT_TRANSLATE_NOOP("branch::Cli", "postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or a "
                                            "pgpass file) or sqlite:///ABSOLUTE/PATH.db.")}},
         1,
         1,
         false,
         cmdCentralAddBranch},
        {{QStringLiteral("sync")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "Push this branch's queued changes to the central database and pull what "
                                          "changed there; prints the counts."),
         {{"central", true,
           QT_TRANSLATE_NOOP("branch::Cli", "postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or a "
                                            "pgpass file) or sqlite:///ABSOLUTE/PATH.db.")}},
         0,
         0,
         true,
         cmdSync},
        {{QStringLiteral("conflicts"), QStringLiteral("list")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "List this branch's open sync conflicts (both versions)."),
         {{"central", true,
           QT_TRANSLATE_NOOP("branch::Cli", "postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or a "
                                            "pgpass file) or sqlite:///ABSOLUTE/PATH.db.")}},
         0,
         0,
         true,
         cmdConflictsList},
        {{QStringLiteral("conflicts"), QStringLiteral("resolve")},
         "ID",
         QT_TRANSLATE_NOOP("branch::Cli", "Resolve a sync conflict, keeping this branch's or the central version; "
                                          "supervisor password on standard input."),
         {{"keep", true, QT_TRANSLATE_NOOP("branch::Cli", "local or central.")},
          {"staff", true, QT_TRANSLATE_NOOP("branch::Cli", "The supervisor's login.")},
          {"central", true,
           QT_TRANSLATE_NOOP("branch::Cli", "postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or a "
                                            "pgpass file) or sqlite:///ABSOLUTE/PATH.db.")}},
         1,
         1,
         true,
         cmdConflictsResolve},
        {{QStringLiteral("review"), QStringLiteral("list")},
         "",
         QT_TRANSLATE_NOOP("branch::Cli", "The supervisor review queue, oldest first: identity-mismatch requests "
                                          "beside the registry's reference, with any proposal waiting; with "
                                          "--central also this branch's sync conflicts."),
         {{"central", true,
           QT_TRANSLATE_NOOP("branch::Cli", "postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or a "
                                            "pgpass file) or sqlite:///ABSOLUTE/PATH.db.")}},
         0,
         0,
         true,
         cmdReviewList},
        {{QStringLiteral("review"), QStringLiteral("propose")},
         "NATIONAL_CODE",
         QT_TRANSLATE_NOOP("branch::Cli", "Propose a decision on an identity-mismatch request (another supervisor "
                                          "approves it): supervisor password on the first line of standard input, "
                                          "then for a correction the corrected fields as JSON."),
         {{"kind", true, QT_TRANSLATE_NOOP("branch::Cli", "correct, send_back or reject.")},
          {"staff", true, QT_TRANSLATE_NOOP("branch::Cli", "The supervisor's login.")},
          {"reason", true, QT_TRANSLATE_NOOP("branch::Cli", "Why (required for reject).")}},
         1,
         1,
         true,
         cmdReviewPropose},
        {{QStringLiteral("review"), QStringLiteral("approve")},
         "PROPOSAL_ID",
         QT_TRANSLATE_NOOP("branch::Cli", "Approve another supervisor's proposal and apply it; supervisor password "
                                          "on standard input."),
         {{"staff", true, QT_TRANSLATE_NOOP("branch::Cli", "The approving supervisor's login.")}},
         1,
         1,
         true,
         cmdReviewApprove},
    };
    return list;
}

QString commandName(const Command &c)
{
    return c.path.join(QLatin1Char(' '));
}

void printHelp(const Command *c)
{
    QString out;
    QTextStream s(&out);
    if (!c) {
        s << Cli::tr("branchctl: BranchDesk's command-line tool.") << "\n\n"
          << Cli::tr("Usage: branchctl [--db PATH] [--lang fa|en] [--now ISO8601] COMMAND [ARGS...]") << "\n\n"
          << Cli::tr("Commands:") << '\n';
        for (const auto &cmd : commands())
            s << "  " << commandName(cmd).leftJustified(22) << ' '
              << QCoreApplication::translate("branch::Cli", cmd.summary) << '\n';
        s << '\n'
          << Cli::tr("Exit codes: 0 done; 1 refused by a rule; 2 usage error; 3 environment error (database, central).")
          << '\n'
          << Cli::tr("Run \"branchctl COMMAND --help\" for a command's options.") << '\n';
    } else {
        s << Cli::tr("Usage: branchctl [global options] %1 %2")
                 .arg(commandName(*c), QString::fromLatin1(c->args))
                 .trimmed()
          << "\n\n"
          << QCoreApplication::translate("branch::Cli", c->summary) << '\n';
        if (!c->options.isEmpty()) {
            s << '\n' << Cli::tr("Options:") << '\n';
            for (const auto &o : c->options)
                s << "  --" << QString::fromLatin1(o.name).leftJustified(12) << ' '
                  << QCoreApplication::translate("branch::Cli", o.help) << '\n';
        }
    }
    s << '\n' << Cli::tr("Global options:") << '\n';
    for (const auto &o : kGlobalOptions)
        s << "  --" << QString::fromLatin1(o.name).leftJustified(12) << ' '
          << QCoreApplication::translate("branch::Cli", o.help) << '\n';
    s.flush();
    const QByteArray b = out.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
}

std::unique_ptr<QTranslator> installLanguage(const QString &lang)
{
    setLanguage(lang);
    if (lang != QLatin1String("fa"))
        return nullptr;
    auto t = std::make_unique<QTranslator>();
    if (t->load(QStringLiteral(":/i18n/branchdesk_fa.qm")))
        QCoreApplication::installTranslator(t.get());
    // Numbers inside Persian messages in Persian digits (JSON output is unaffected).
    QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
    return t;
}

} // namespace

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("BranchDesk"));
    const QStringList args = app.arguments().mid(1);

    // First pass: global options anywhere, the rest in order.
    Invocation inv;
    inv.dbPath = defaultDatabasePath();
    QStringList rest;
    QString langError, nowError;
    QString nowText;
    bool nowGiven = false; // `--now ""` is a usage error, not "the current time"
    for (int i = 0; i < args.size(); ++i) {
        QString a = args.at(i);
        QString value;
        const bool hasInline = a.startsWith(QLatin1String("--")) && a.contains(QLatin1Char('='));
        if (hasInline) {
            value = a.mid(a.indexOf(QLatin1Char('=')) + 1);
            a = a.left(a.indexOf(QLatin1Char('=')));
        }
        auto takeValue = [&](QString *into) {
            if (hasInline) {
                *into = value;
                return true;
            }
            if (i + 1 >= args.size())
                return false;
            *into = args.at(++i);
            return true;
        };
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            inv.help = true;
        } else if (a == QLatin1String("--version") && !hasInline) {
            // Before the language, the crypto self-test and the database: it needs none of them.
            const QByteArray line = "branchctl (BranchDesk) " + version().toUtf8() + '\n';
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            return Done;
        } else if (a == QLatin1String("--db")) {
            if (!takeValue(&inv.dbPath))
                return usageError(Cli::tr("--db needs a path."));
        } else if (a == QLatin1String("--lang")) {
            if (!takeValue(&inv.lang))
                return usageError(Cli::tr("--lang needs fa or en."));
        } else if (a == QLatin1String("--now")) {
            if (!takeValue(&nowText))
                return usageError(Cli::tr("--now needs a time in ISO 8601."));
            nowGiven = true;
        } else {
            rest << (hasInline ? a + QLatin1Char('=') + value : a);
        }
    }
    if (inv.lang != QLatin1String("fa") && inv.lang != QLatin1String("en")) {
        inv.lang = QStringLiteral("fa");
        auto t = installLanguage(inv.lang);
        return usageError(Cli::tr("--lang must be fa or en."));
    }
    auto translator = installLanguage(inv.lang);

    inv.now = QDateTime::currentDateTimeUtc();
    if (nowGiven) {
        inv.now = QDateTime::fromString(nowText, Qt::ISODateWithMs);
        if (!inv.now.isValid())
            inv.now = QDateTime::fromString(nowText, Qt::ISODate);
        if (!inv.now.isValid())
            return usageError(Cli::tr("--now must be a time in ISO 8601, e.g. 2026-11-25T09:30:00Z."));
        inv.now = inv.now.toUTC();
    }

    // Find the longest command path that matches the leading words.
    const Command *cmd = nullptr;
    for (const auto &c : commands()) {
        if (rest.size() >= c.path.size() && rest.mid(0, c.path.size()) == c.path &&
            (!cmd || c.path.size() > cmd->path.size()))
            cmd = &c;
    }
    if (!cmd) {
        if (inv.help) {
            printHelp(nullptr);
            return Done;
        }
        if (rest.isEmpty()) {
            // A usage error like any other: the message on stderr (the list follows on stdout).
            printHelp(nullptr);
            return usageError(Cli::tr("No command given."));
        }
        return usageError(Cli::tr("Unknown command \"%1\".").arg(rest.join(QLatin1Char(' '))));
    }
    if (inv.help) {
        printHelp(cmd);
        return Done;
    }
    for (int i = int(cmd->path.size()); i < rest.size(); ++i) {
        const QString a = rest.at(i);
        if (a.startsWith(QLatin1String("--"))) {
            QString name = a.mid(2);
            QString value;
            const qsizetype eq = name.indexOf(QLatin1Char('='));
            const bool inlineValue = eq >= 0;
            if (inlineValue) {
                value = name.mid(eq + 1);
                name = name.left(eq);
            }
            const OptionSpec *spec = findOption(cmd->options, name);
            if (!spec)
                return usageError(Cli::tr("\"%1\" has no option --%2.").arg(commandName(*cmd), name));
            if (spec->takesValue && !inlineValue) {
                if (i + 1 >= rest.size())
                    return usageError(Cli::tr("--%1 needs a value.").arg(name));
                value = rest.at(++i);
            }
            inv.options.insert(name, value);
        } else {
            inv.positional << a;
        }
    }
    if (inv.positional.size() < cmd->minPositional || inv.positional.size() > cmd->maxPositional)
        return usageError(Cli::tr("Usage: branchctl %1 %2").arg(commandName(*cmd), QString::fromLatin1(cmd->args)));
    for (const auto &o : cmd->options) {
        // Options the contract makes mandatory for a command are checked by name here.
        const QString name = QString::fromLatin1(o.name);
        const bool required =
            (name == QLatin1String("role") ||
             (name == QLatin1String("staff") && cmd->path.first() != QLatin1String("demo-data")) ||
             name == QLatin1String("method") || name == QLatin1String("documents") || name == QLatin1String("kind") ||
             (name == QLatin1String("reason") && cmd->path.first() != QLatin1String("review")) ||
             (name == QLatin1String("mobile") && cmd->path.first() == QLatin1String("mobile")) ||
             name == QLatin1String("gateway") ||
             (name == QLatin1String("central") && cmd->path.first() != QLatin1String("verify") &&
              cmd->path.first() != QLatin1String("review") && !cmd->path.first().startsWith(QLatin1String("import-"))));
        if (required && !inv.options.contains(name))
            return usageError(Cli::tr("\"%1\" needs --%2.").arg(commandName(*cmd), name));
    }

    QString cryptoError;
    if (!security::init(&cryptoError)) {
        printErr(Cli::tr("The cryptographic self-test failed: %1").arg(cryptoError));
        return Environment;
    }

    // Central administration works on the central database only; no branch database needed.
    // So does the central verification (verify --central).
    // verify and the imports with --central work on the central database alone.
    const bool centralOnly = inv.has("central") && (cmd->path.first() == QLatin1String("verify") ||
                                                    cmd->path.first().startsWith(QLatin1String("import-")));
    if (!cmd->needsDatabase || centralOnly)
        return cmd->run(inv, nullptr);

    db::DbError dbError;
    const bool isInit = cmd->path.first() == QLatin1String("init");
    auto database = db::Database::open(
        inv.dbPath, isInit ? db::Database::OpenMode::CreateIfMissing : db::Database::OpenMode::MustExist, &dbError);
    if (!database) {
        printErr(Cli::tr("%1 (database: %2)").arg(describeDbError(dbError), inv.dbPath));
        return Environment;
    }
    Context ctx{*database, {}};
    try {
        ctx.branchCode = db::metaValue(*database, QStringLiteral("branch_code"));
    } catch (const db::DbException &e) {
        printErr(describeDbError(e.error()));
        return Environment;
    }
    if (ctx.branchCode.isEmpty() && !isInit) {
        printErr(describeDbError({db::DbError::Kind::NotInitialised, {}}));
        return Environment;
    }
    return cmd->run(inv, &ctx);
}

} // namespace branch::cli
