// Plain rows as the storage layer reads and writes them; the services decide what they mean.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include "app/core/RequestStatus.h"

namespace branch::db
{

struct RegistryPerson {
    QString nationalCode, firstName, lastName, fatherName;
    QString firstNameNorm, lastNameNorm, fatherNameNorm;
    QString birthCertNo;
    QDate birthDate;
    QString gender;
};

struct RequestRecord {
    qint64 rid = 0;
    QString id, branchCode;
    int version = 1;
    QString nationalCode, mobile, firstName, lastName, firstNameNorm, lastNameNorm, birthCertNo;
    QDate birthDate;
    QString gender, email, passwordHash, questionsJson;
    RequestStatus status = RequestStatus::Submitted; // stored by its name (statusName)
    QDateTime submittedAt, decidedAt, updatedAt;
    QString updatedBy;
    QJsonObject toJson() const; // the travelling form (secrets only as hashes)
};

struct AccountRecord {
    QString id, branchCode;
    int version = 1;
    QString nationalCode, requestId, mobile, firstName, lastName, gender, passwordHash, questionsJson;
    QDateTime createdAt, updatedAt;
    QString updatedBy;
    QJsonObject toJson() const;
};

struct SmsRecord {
    QString id, branchCode;
    int version = 1;
    QString nationalCode, mobile, kind, text;
    QDateTime createdAt;
    QString status = QStringLiteral("queued");
    QDateTime sentAt;
    // Delivery bookkeeping (local to the branch; see db/local/003_sms_delivery.sql).
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError, gatewayId;
    QJsonObject toJson() const;
};

struct RecoveryRecord {
    QString id, branchCode;
    int version = 1;
    QString nationalCode, method, codeHash;
    QDateTime createdAt, expiresAt;
    int attempts = 0;
    QString state = QStringLiteral("pending");
    QDateTime updatedAt;
    QJsonObject toJson() const;
};

struct StaffRecord {
    QString login, role, passwordHash;
    int failedAttempts = 0;
    QDateTime lockedUntil;
    bool active = true;
    QDateTime createdAt, updatedAt;
};

struct AuditRecord {
    qint64 seq = 0;
    QString id, branchCode;
    QDateTime at;
    QString actor, action, nationalCode, details, prevHash, hash;
};

// One row of an applicant search.
struct ApplicantRow {
    QString nationalCode, firstName, lastName, mobile;
    RequestStatus status = RequestStatus::Submitted; // of the person's current request
};

QString isoUtc(const QDateTime &t); // 2026-11-25T10:00:00.000Z, empty for a null time
QDateTime fromIsoUtc(const QString &s);

// A request's status as read from a status column: its name, or a DbException (Corrupt)
// for a name no status has.
RequestStatus requestStatusFromColumn(const QString &name);

} // namespace branch::db
