// Travelling forms of the rows and the one time format of the database.
#include "Records.h"

#include "Database.h"

#include <QTimeZone>

namespace branch::db
{

QString isoUtc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIsoUtc(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    return t.toUTC();
}

RequestStatus requestStatusFromColumn(const QString &name)
{
    if (const auto s = statusFromName(name))
        return *s;
    throw DbException(DbError{DbError::Kind::Corrupt, QStringLiteral("unknown request status '%1'").arg(name)});
}

QJsonObject RequestRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("branch_code"), branchCode},
            {QStringLiteral("version"), version},
            {QStringLiteral("national_code"), nationalCode},
            {QStringLiteral("mobile"), mobile},
            {QStringLiteral("first_name"), firstName},
            {QStringLiteral("last_name"), lastName},
            {QStringLiteral("first_name_norm"), firstNameNorm},
            {QStringLiteral("last_name_norm"), lastNameNorm},
            {QStringLiteral("birth_cert_no"), birthCertNo},
            {QStringLiteral("birth_date"), birthDate.toString(Qt::ISODate)},
            {QStringLiteral("gender"), gender},
            {QStringLiteral("email"), email},
            {QStringLiteral("password_hash"), passwordHash},
            {QStringLiteral("questions_json"), questionsJson},
            {QStringLiteral("status"), statusName(status)},
            {QStringLiteral("submitted_at"), isoUtc(submittedAt)},
            {QStringLiteral("decided_at"), isoUtc(decidedAt)},
            {QStringLiteral("updated_at"), isoUtc(updatedAt)},
            {QStringLiteral("updated_by"), updatedBy}};
}

QJsonObject AccountRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("branch_code"), branchCode},
            {QStringLiteral("version"), version},
            {QStringLiteral("national_code"), nationalCode},
            {QStringLiteral("request_id"), requestId},
            {QStringLiteral("mobile"), mobile},
            {QStringLiteral("first_name"), firstName},
            {QStringLiteral("last_name"), lastName},
            {QStringLiteral("gender"), gender},
            {QStringLiteral("password_hash"), passwordHash},
            {QStringLiteral("questions_json"), questionsJson},
            {QStringLiteral("created_at"), isoUtc(createdAt)},
            {QStringLiteral("updated_at"), isoUtc(updatedAt)},
            {QStringLiteral("updated_by"), updatedBy}};
}

QJsonObject SmsRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("branch_code"), branchCode},
            {QStringLiteral("version"), version},
            {QStringLiteral("national_code"), nationalCode},
            {QStringLiteral("mobile"), mobile},
            {QStringLiteral("kind"), kind},
            // A recovery code travels only inside the SMS text; the sync issue decides
            // whether such texts leave the branch at all.
            {QStringLiteral("text"), text},
            {QStringLiteral("created_at"), isoUtc(createdAt)},
            {QStringLiteral("status"), status},
            {QStringLiteral("sent_at"), isoUtc(sentAt)}};
}

QJsonObject RecoveryRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("branch_code"), branchCode},
            {QStringLiteral("version"), version},
            {QStringLiteral("national_code"), nationalCode},
            {QStringLiteral("method"), method},
            {QStringLiteral("code_hash"), codeHash},
            {QStringLiteral("created_at"), isoUtc(createdAt)},
            {QStringLiteral("expires_at"), isoUtc(expiresAt)},
            {QStringLiteral("attempts"), attempts},
            {QStringLiteral("state"), state},
            {QStringLiteral("updated_at"), isoUtc(updatedAt)}};
}

} // namespace branch::db
