// Commands that set up and fill a branch: init, the two imports, demo data, staff accounts.
#include "Commands.h"
#include "Json.h"
#include "Output.h"

#include "app/lifecycle/Admin.h"
#include "app/lifecycle/Demo.h"
#include "app/lifecycle/Staff.h"
#include "app/security/SecretHash.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/CentralImport.h"

#include <QBuffer>
#include <QFile>

namespace branch::cli
{

namespace
{

class Init : public BranchCommand
{
public:
    Init()
    {
        path = {QStringLiteral("init")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Create or migrate the database; idempotent.");
        options = {{"branch", true, QT_TRANSLATE_NOOP("branch::Cli", "The branch code (3 to 8 digits) on first use.")}};
        needs = Needs::NewOrExistingBranchDatabase;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        auto r = initBranch(*ctx, inv.opt("branch"), inv.now);
        if (!r.ok())
            return fail(r.failure);
        printJson(QJsonObject{{QStringLiteral("database"), ctx->db.path()},
                              {QStringLiteral("branch_code"), *r.value},
                              {QStringLiteral("schema_version"), db::Database::latestSchemaVersion()}});
        return Done;
    }
};

// The import's file (FILE, or "-" for what follows the password line on stdin), opened;
// false after the message.
bool openImportFile(const Invocation &inv, QFile &f, QBuffer &piped)
{
    const QString path = inv.positional.value(0);
    if (path == QLatin1String("-")) {
        piped.setData(readStdin().toUtf8());
        return piped.open(QIODevice::ReadOnly);
    }
    f.setFileName(path);
    if (f.open(QIODevice::ReadOnly))
        return true;
    printErr(Cli::tr("Cannot read the file \"%1\".").arg(path));
    return false;
}

using BranchImport = Outcome<ImportResult> (*)(Context &, QIODevice &, const QDateTime &, const QString &);
using CentralImport = Outcome<CentralImportResult> (*)(const db::CentralUrl &, QIODevice &, const QDateTime &,
                                                       const QString &);

// With --central, into the central database (no branch database is opened); without it,
// into this branch's.
class Import : public BranchCommand
{
public:
    Import(const char *name, const char *help, BranchImport import, CentralImport importCentral)
        : m_import(import), m_importCentral(importCentral)
    {
        path = {QString::fromLatin1(name)};
        args = "FILE.csv";
        summary = help;
        options = {{"central", true, help::importToCentral}};
        minPositional = maxPositional = 1;
        needs = Needs::BranchDatabaseUnlessCentral;
        access = Access::Administrator;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        QFile f;
        QBuffer piped;
        QIODevice &in = inv.positional.value(0) == QLatin1String("-") ? static_cast<QIODevice &>(piped) : f;
        if (inv.has("central")) {
            const auto url = parseCentralUrl(inv.opt("central"));
            if (!url.ok())
                return fail(url.failure);
            if (!openImportFile(inv, f, piped))
                return Environment;
            const auto r = m_importCentral(*url.value, in, inv.now, QStringLiteral("admin"));
            if (!r.ok())
                return fail(r.failure);
            printJson(QJsonObject{{QStringLiteral("imported"), r.value->rows},
                                  {QStringLiteral("changed"), r.value->changed}});
            return Done;
        }
        if (!openImportFile(inv, f, piped))
            return Environment;
        auto r = m_import(*ctx, in, inv.now, inv.staff.login);
        if (!r.ok())
            return fail(r.failure);
        printJson(QJsonObject{{QStringLiteral("imported"), r.value->rows}});
        return Done;
    }

private:
    BranchImport m_import;
    CentralImport m_importCentral;
};

class DemoData : public BranchCommand
{
public:
    DemoData()
    {
        path = {QStringLiteral("demo-data")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Fill the database with realistic, deterministic demo data.");
        options = {{"persons", true, QT_TRANSLATE_NOOP("branch::Cli", "How many persons (default 1000).")},
                   {"seed", true, QT_TRANSLATE_NOOP("branch::Cli", "Random seed (default 1).")},
                   {"demo-staff", false,
                    QT_TRANSLATE_NOOP("branch::Cli",
                                      "Also create demo staff (a clerk, two supervisors, an administrator) with "
                                      "passwords made for this database, printed once in \"staff\"; only on "
                                      "a database without staff.")}};
        // An administrator's, like the imports; on a database without any staff (a new demo
        // or training database) nobody can sign in yet, so none is asked for.
        access = Access::AdministratorOrFirst;
    }
    int run(Invocation &inv, Context *ctx) const override
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
        auto r = fillDemoData(*ctx, opt, inv.has("demo-staff"), inv.now, inv.staff.login);
        if (!r.ok())
            return fail(r.failure);
        QJsonObject out = demoStatsJson(r.value->stats);
        if (inv.has("demo-staff")) {
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
};

class UserAdd : public BranchCommand
{
public:
    UserAdd()
    {
        path = {QStringLiteral("user"), QStringLiteral("add")};
        args = "LOGIN";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Add a staff account (an administrator signs in); the new "
                                                   "password is the next line of standard input. The first account "
                                                   "of a branch must be its administrator and needs no sign-in.");
        options = {{"role", true, QT_TRANSLATE_NOOP("branch::Cli", "clerk, supervisor, admin or service."), true}};
        minPositional = maxPositional = 1;
        access = Access::AdministratorOrFirst;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        auto [password, rest] = splitFirstLine(readStdin());
        Q_UNUSED(rest)
        auto r = addStaff(*ctx, inv.positional.value(0), inv.opt("role"), password, inv.now, inv.staff);
        security::wipe(password);
        if (!r.ok())
            return fail(r.failure);
        printJson(QJsonObject{{QStringLiteral("login"), r.value->login}, {QStringLiteral("role"), r.value->role}});
        return Done;
    }
};

} // namespace

std::unique_ptr<Command> makeInit()
{
    return std::make_unique<Init>();
}

std::unique_ptr<Command> makeImportRegistry()
{
    return std::make_unique<Import>(
        "import-registry",
        QT_TRANSLATE_NOOP("branch::Cli", "Upsert civil-registry reference rows from a UTF-8 CSV; all or nothing."),
        &importRegistry, &importRegistryToCentral);
}

std::unique_ptr<Command> makeImportMobileOwners()
{
    return std::make_unique<Import>(
        "import-mobile-owners",
        QT_TRANSLATE_NOOP("branch::Cli", "Import who owns which mobile line (CSV: national_code,mobile)."),
        &importMobileOwners, &importMobileOwnersToCentral);
}

std::unique_ptr<Command> makeDemoData()
{
    return std::make_unique<DemoData>();
}

std::unique_ptr<Command> makeUserAdd()
{
    return std::make_unique<UserAdd>();
}

} // namespace branch::cli
