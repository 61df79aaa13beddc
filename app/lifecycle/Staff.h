// Staff accounts: creation (branchctl user add) and authentication with lockout.
#pragma once

#include "Service.h"

namespace branch
{

constexpr int kStaffMaxFailures = 5;
constexpr int kStaffLockMinutes = 15;

bool isStaffRole(const QString &role);
QString normalizeLogin(const QString &login);

Outcome<db::StaffRecord> addStaff(Context &ctx, const QString &login, const QString &role, QString password,
                                  const QDateTime &now, const QString &actor = QStringLiteral("admin"));

// Checks a staff login and password. Five wrong passwords in a row lock the login for
// kStaffLockMinutes; every failure and lock is audited (without the password). Runs in
// its own transaction: call it before the action's transaction, never inside one.
Outcome<db::StaffRecord> authenticateStaff(Context &ctx, const QString &login, QString password, const QDateTime &now);

} // namespace branch
