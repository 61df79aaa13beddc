// The civil registry's columns and reader (see RegistryRows.h).
#include "RegistryRows.h"

namespace branch::db
{

const TableColumns<RegistryPerson> &registryColumns()
{
    using P = RegistryPerson;
    static const TableColumns<P> columns = {{"national_code", &P::nationalCode},
                                            {"first_name", &P::firstName},
                                            {"last_name", &P::lastName},
                                            {"father_name", &P::fatherName},
                                            {"first_name_norm", &P::firstNameNorm},
                                            {"last_name_norm", &P::lastNameNorm},
                                            {"father_name_norm", &P::fatherNameNorm},
                                            {"birth_cert_no", &P::birthCertNo},
                                            {"birth_date", &P::birthDate},
                                            {"gender", &P::gender}};
    return columns;
}

const QString &registryPersonByCodeSql()
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM registry_persons WHERE national_code = ?").arg(registryColumns().list());
    return sql;
}

} // namespace branch::db
