// Staff accounts (see StaffRepository.h).
#include "StaffRepository.h"

#include "RowReading.h"

namespace branch::db
{

namespace
{

const TableColumns<StaffRecord> &staffColumns()
{
    using S = StaffRecord;
    static const TableColumns<S> columns = {{"login", &S::login},
                                            {"role", &S::role},
                                            {"password_hash", &S::passwordHash},
                                            {"failed_attempts", &S::failedAttempts},
                                            {"locked_until", &S::lockedUntil},
                                            {"active", &S::active},
                                            {"created_at", &S::createdAt},
                                            {"updated_at", &S::updatedAt}};
    return columns;
}

} // namespace

void insertStaff(Database &db, const StaffRecord &s)
{
    runStatement(db, QStringLiteral("INSERT INTO staff (%1) VALUES (?,?,?,?,?,?,?,?)").arg(staffColumns().list()),
                 {s.login, s.role, s.passwordHash, s.failedAttempts, timeOrNull(s.lockedUntil), s.active ? 1 : 0,
                  isoUtc(s.createdAt), isoUtc(s.updatedAt)});
}

void updateStaff(Database &db, const StaffRecord &s)
{
    runStatement(db,
                 QStringLiteral("UPDATE staff SET role = ?, password_hash = ?, failed_attempts = ?, locked_until = ?, "
                                "active = ?, updated_at = ? WHERE login = ?"),
                 {s.role, s.passwordHash, s.failedAttempts, timeOrNull(s.lockedUntil), s.active ? 1 : 0,
                  isoUtc(s.updatedAt), s.login});
}

std::optional<StaffRecord> findStaff(Database &db, const QString &login)
{
    return readFirst(
        runStatement(db, QStringLiteral("SELECT %1 FROM staff WHERE login = ?").arg(staffColumns().list()), {login}),
        staffColumns());
}

qint64 staffCount(Database &db)
{
    QSqlQuery &q = runStatement(db, QStringLiteral("SELECT count(*) FROM staff"));
    const qint64 n = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

} // namespace branch::db
