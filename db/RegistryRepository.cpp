// The civil registry and mobile ownership of the branch database (see RegistryRepository.h).
#include "RegistryRepository.h"

#include "RegistryRows.h"

namespace branch::db
{

void upsertRegistryPerson(Database &db, const RegistryPerson &p, const QDateTime &now)
{
    runStatement(
        db,
        QStringLiteral("INSERT INTO registry_persons (national_code, first_name, last_name, father_name, "
                       "first_name_norm, last_name_norm, father_name_norm, birth_cert_no, birth_date, gender, "
                       "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (national_code) DO UPDATE SET "
                       "first_name = excluded.first_name, last_name = excluded.last_name, father_name = "
                       "excluded.father_name, first_name_norm = excluded.first_name_norm, last_name_norm = "
                       "excluded.last_name_norm, father_name_norm = excluded.father_name_norm, birth_cert_no = "
                       "excluded.birth_cert_no, birth_date = excluded.birth_date, gender = excluded.gender, "
                       "updated_at = excluded.updated_at"),
        {p.nationalCode, p.firstName, p.lastName, p.fatherName, p.firstNameNorm, p.lastNameNorm, p.fatherNameNorm,
         p.birthCertNo, p.birthDate.toString(Qt::ISODate), p.gender, isoUtc(now)});
}

std::optional<RegistryPerson> findRegistryPerson(Database &db, const QString &nationalCode)
{
    return readFirst(runStatement(db, registryPersonByCodeSql(), {nationalCode}), registryColumns());
}

void upsertMobileOwner(Database &db, const QString &nationalCode, const QString &mobile)
{
    runStatement(db, QStringLiteral("INSERT OR IGNORE INTO mobile_owners (national_code, mobile) VALUES (?, ?)"),
                 {nationalCode, mobile});
}

bool ownsMobile(Database &db, const QString &nationalCode, const QString &mobile)
{
    return hasRow(runStatement(db, QStringLiteral("SELECT 1 FROM mobile_owners WHERE national_code = ? AND mobile = ?"),
                               {nationalCode, mobile}));
}

} // namespace branch::db
