// Central reference-data imports (see CentralImport.h).
#include "CentralImport.h"

#include "CentralAdmin.h"

#include "db/CentralVerify.h"

namespace branch
{

namespace
{
// Opens the central database as its owner and runs `write` in one transaction.
template <class Write>
Outcome<CentralImportResult> inCentralOwnerTransaction(const db::CentralUrl &url, const QString &action,
                                                       const QString &actor, const QDateTime &now, int rows,
                                                       Write &&write)
{
    db::DbError error;
    auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &error);
    if (!central)
        return centralFailure(error);
    try {
        if (!central->sessionBranch().isEmpty())
            return Failure{Failure::Kind::Environment,
                           {Violation{QStringLiteral("central"), QStringLiteral("central.forbidden"),
                                      Services::tr("The central reference data is loaded by the owner of the central "
                                                   "database, not by a branch's user. Nothing was changed.")}},
                           {}};
        db::CentralTransaction tx(*central);
        CentralImportResult result{rows, write(*central)};
        db::insertCentralAudit(*central,
                               {now,
                                actor,
                                action,
                                {},
                                {},
                                {{QStringLiteral("rows"), result.rows}, {QStringLiteral("changed"), result.changed}}});
        tx.commit();
        return result;
    } catch (const db::DbException &e) {
        return centralFailure(e.error());
    }
}
} // namespace

Outcome<CentralImportResult> importRegistryToCentral(const db::CentralUrl &url, QIODevice &csv, const QDateTime &now,
                                                     const QString &actor)
{
    const auto persons = parseRegistryCsv(csv, now);
    if (!persons.ok())
        return persons.failure;
    return inCentralOwnerTransaction(url, QStringLiteral("registry.import"), actor, now, int(persons.value->size()),
                                     [&](db::CentralDatabase &central) {
                                         int changed = 0;
                                         for (const auto &p : *persons.value)
                                             changed += db::upsertCentralRegistryPerson(central, p, now) ? 1 : 0;
                                         return changed;
                                     });
}

Outcome<CentralImportResult> importMobileOwnersToCentral(const db::CentralUrl &url, QIODevice &csv,
                                                         const QDateTime &now, const QString &actor)
{
    const auto rows = parseMobileOwnersCsv(csv);
    if (!rows.ok())
        return rows.failure;
    return inCentralOwnerTransaction(url, QStringLiteral("mobile_owners.import"), actor, now, int(rows.value->size()),
                                     [&](db::CentralDatabase &central) {
                                         int changed = 0;
                                         for (const auto &[code, mobile] : *rows.value)
                                             changed += db::insertCentralMobileOwner(central, code, mobile) ? 1 : 0;
                                         return changed;
                                     });
}

} // namespace branch
