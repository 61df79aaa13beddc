// Administration of the central database alone (no branch database): central init,
// central add-branch, and head office's view: central status, central audit verify.
#include "Commands.h"
#include "Output.h"

#include "app/sync/CentralAdmin.h"
#include "app/sync/CentralOffice.h"

#include <QJsonArray>

namespace branch::cli
{

namespace
{

class CentralInit : public Command
{
public:
    CentralInit()
    {
        path = {QStringLiteral("central"), QStringLiteral("init")};
        summary = QT_TRANSLATE_NOOP("branch::Cli",
                                    "Create or migrate the central database (PostgreSQL or SQLite); idempotent.");
        options = {{"central", true, help::centralUrl, true}};
        needs = Needs::CentralDatabase;
        access = Access::CentralOwner;
    }
    int run(Invocation &inv, Context *) const override
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
};

// The branch role's password is stdin's first line (PostgreSQL only; never an argument).
class CentralAddBranch : public Command
{
public:
    CentralAddBranch()
    {
        path = {QStringLiteral("central"), QStringLiteral("add-branch")};
        args = "CODE";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Register a branch on the central database; on PostgreSQL also "
                                                   "its login role branch_CODE, whose password is read from "
                                                   "standard input.");
        options = {{"central", true, help::centralUrl, true}};
        minPositional = maxPositional = 1;
        needs = Needs::CentralDatabase;
        access = Access::CentralOwner;
    }
    int run(Invocation &inv, Context *) const override
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
};

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(db::isoUtc(t)) : QJsonValue();
}

// One row per branch: its last sync and how long it has been silent, its open conflicts,
// its audit chain's state, the persons it fetched from other branches in the last day.
class CentralStatus : public Command
{
public:
    CentralStatus()
    {
        path = {QStringLiteral("central"), QStringLiteral("status")};
        summary = QT_TRANSLATE_NOOP("branch::Cli",
                                    "Head office's view: one row per branch with its last sync, open conflicts, "
                                    "audit-chain state, persons fetched in the last day and silence.");
        options = {{"central", true, help::centralUrl, true}};
        needs = Needs::CentralDatabase;
        access = Access::CentralOwner;
    }
    int run(Invocation &inv, Context *) const override
    {
        const auto url = parseCentralUrl(inv.opt("central"));
        if (!url.ok())
            return fail(url.failure);
        const auto r = centralStatus(*url.value, inv.now);
        if (!r.ok())
            return fail(r.failure);
        QJsonArray rows;
        for (const db::BranchStatusRow &b : *r.value)
            rows.append(QJsonObject{
                {QStringLiteral("branch_code"), b.code},
                {QStringLiteral("last_sync"), isoOrNull(b.lastSync)},
                {QStringLiteral("silent_hours"),
                 b.lastSync.isValid() ? QJsonValue(qRound(b.lastSync.secsTo(inv.now) / 360.0) / 10.0) : QJsonValue()},
                {QStringLiteral("open_conflicts"), b.openConflicts},
                {QStringLiteral("audit"), auditState(b)},
                {QStringLiteral("audit_chains"), b.chains},
                {QStringLiteral("audit_entries"), b.auditEntries},
                {QStringLiteral("audit_alerts"), b.alerts},
                {QStringLiteral("last_alert"),
                 b.lastAlertCode.isEmpty() ? QJsonValue()
                                           : QJsonValue(QJsonObject{{QStringLiteral("code"), b.lastAlertCode},
                                                                    {QStringLiteral("at"), isoOrNull(b.lastAlertAt)}})},
                {QStringLiteral("fetched_last_day"), b.fetchedLastDay}});
        printJson(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("branches"), rows}});
        return Done;
    }
};

// Checks the central copy of a branch's audit chains; exit 1 when one does not verify.
class CentralAuditVerify : public Command
{
public:
    CentralAuditVerify()
    {
        path = {QStringLiteral("central"), QStringLiteral("audit"), QStringLiteral("verify")};
        summary = QT_TRANSLATE_NOOP("branch::Cli",
                                    "Check the central database's copy of a branch's audit chain (each desk's).");
        options = {{"central", true, help::centralUrl, true},
                   {"branch", true, QT_TRANSLATE_NOOP("branch::Cli", "The branch whose chain is checked."), true}};
        needs = Needs::CentralDatabase;
        access = Access::CentralOwner;
    }
    int run(Invocation &inv, Context *) const override
    {
        const auto url = parseCentralUrl(inv.opt("central"));
        if (!url.ok())
            return fail(url.failure);
        const auto r = verifyCentralAudit(*url.value, inv.opt("branch").trimmed());
        if (!r.ok())
            return fail(r.failure);
        QJsonArray chains;
        qint64 entries = 0;
        for (const CentralChainCheck &c : r.value->chains) {
            QJsonObject o{{QStringLiteral("chain_id"), c.chainId},
                          {QStringLiteral("entries"), c.entries},
                          {QStringLiteral("last_seq"), c.lastSeq},
                          {QStringLiteral("ok"), c.ok}};
            if (!c.ok) {
                o.insert(QStringLiteral("first_bad_seq"), c.firstBadSeq);
                o.insert(QStringLiteral("code"), c.code);
                printErr(Cli::tr("Chain %1: %2").arg(c.chainId, c.reason));
            }
            entries += c.entries;
            chains.append(o);
        }
        printJson(QJsonObject{{QStringLiteral("ok"), r.value->ok},
                              {QStringLiteral("branch_code"), r.value->branch},
                              {QStringLiteral("entries"), entries},
                              {QStringLiteral("chains"), chains}});
        return r.value->ok ? Done : Refused;
    }
};

} // namespace

std::unique_ptr<Command> makeCentralStatus()
{
    return std::make_unique<CentralStatus>();
}

std::unique_ptr<Command> makeCentralAuditVerify()
{
    return std::make_unique<CentralAuditVerify>();
}

std::unique_ptr<Command> makeCentralInit()
{
    return std::make_unique<CentralInit>();
}

std::unique_ptr<Command> makeCentralAddBranch()
{
    return std::make_unique<CentralAddBranch>();
}

} // namespace branch::cli
