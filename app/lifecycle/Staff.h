// Staff accounts: creation (branchctl user add), authentication with lockout, and what
// each role may do. A counter action is done either by a signed-in session (the desk,
// which authenticated once at sign-in and locks when idle) or with the staff password
// given to the command (branchctl); both end in the same service function.
#pragma once

#include "Service.h"

#include "app/security/SecretHash.h"

namespace branch
{

constexpr int kStaffMaxFailures = 5;
constexpr int kStaffLockMinutes = 15;

// clerk, supervisor, admin, and service: the login of the machine jobs (sync, sms send,
// verify), which may do nothing else and cannot sign in at the desk.
bool isStaffRole(const QString &role);
QString normalizeLogin(const QString &login);

// The staff login rule (field "login", code login.format); nothing else is checked.
Violations checkStaffLogin(const QString &login);

// Adds a staff account (branchctl user add). The first account of a branch is its
// administrator: on a database without any staff account this is the bootstrap
// (bootstrapAdministrator's rule and audit entry), and another role is refused with
// staff.first_must_be_admin. Decided inside the creating transaction.
Outcome<db::StaffRecord> addStaff(Context &ctx, const QString &login, const QString &role, QString password,
                                  const QDateTime &now, const QString &actor = QStringLiteral("admin"));

// branchctl user add: by a signed-in administrator (`by`, re-checked like every session
// action, the audit's actor), or with nobody signed in (`by` invalid) only as the branch's
// first account (staff.bootstrap_closed once any exists, decided in the transaction).
struct StaffSession;
Outcome<db::StaffRecord> addStaff(Context &ctx, const QString &login, const QString &role, QString password,
                                  const QDateTime &now, const StaffSession &by);

// First run: creates the branch's first administrator, allowed only while the database
// holds no staff account at all (checked in the same transaction as the insert:
// staff.bootstrap_closed otherwise). The password is typed twice (password.mismatch) and
// follows the staff password rules. Audited as "staff.bootstrap" under the new login.
// Both secrets are wiped.
Outcome<db::StaffRecord> bootstrapAdministrator(Context &ctx, const QString &login, QString password,
                                                QString confirmation, const QDateTime &now);

// True while the database holds no staff account: the desk then opens the first-run
// dialog before the sign-in.
Outcome<bool> needsFirstAdministrator(Context &ctx);

// Checks a staff login and password. Five wrong passwords in a row lock the login for
// kStaffLockMinutes; every failure and lock is audited (without the password). Runs in
// its own transaction: call it before the action's transaction, never inside one.
Outcome<db::StaffRecord> authenticateStaff(Context &ctx, const QString &login, QString password, const QDateTime &now);

// Who is at the desk: a staff member authenticated by this process.
struct StaffSession {
    QString login;
    QString role; // "clerk", "supervisor", "admin" or "service" (isStaffRole)
    bool isValid() const { return !login.isEmpty(); }
};

// What a role may do. Clerks and supervisors serve people at the counter; only
// supervisors review identity mismatches (four eyes); administrators manage staff and
// data and do not act on applicants (separation of duties).
enum class StaffPermission {
    CounterActions, // activate, refuse, change mobile, reset password or questions
    ReviewMismatch, // decide identity-mismatch cases
    Administer,     // staff accounts, imports, audit verification
    BackUp,         // a backup of the branch database (every person's role; restore is Administer)
    MachineJobs,    // sync, sms send, verify: the service role only
};
bool roleMay(const QString &role, StaffPermission permission);

// Signing in at the desk: authenticateStaff, and a successful sign-in is audited
// ("staff.sign_in") in its own transaction. A service login is refused (staff.not_allowed,
// audited): it exists for the machine jobs only.
Outcome<StaffSession> signInStaff(Context &ctx, const QString &login, QString password, const QDateTime &now);

// Signing out at the desk: audited ("staff.sign_out") in its own transaction.
Outcome<bool> signOutStaff(Context &ctx, const StaffSession &session, const QDateTime &now);

// The staff member behind a session, re-read from the database: still present, active,
// and allowed `permission` by their stored role. Call it at the start of an action.
Outcome<db::StaffRecord> sessionStaff(Context &ctx, const StaffSession &session, StaffPermission permission);

// For commands that carry the staff password (branchctl): authenticate, then the same
// role check as a session; a role that may not is refused with staff.not_allowed, audited
// ("staff.not_allowed", the login as actor, `what` in the details). The password is wiped.
Outcome<StaffSession> authenticateFor(Context &ctx, const QString &login, QString &password, StaffPermission permission,
                                      const QDateTime &now, const QString &what = {});

// The password form of an action: input errors found without the database come first
// (they cost no login attempt), then the staff is authenticated, then `act(session)`
// runs the session form. The password is wiped on every path.
template <class T, class F>
Outcome<T> withStaffPassword(Context &ctx, const Violations &inputErrors, const QString &login, QString &password,
                             StaffPermission permission, const QDateTime &now, F &&act)
{
    if (!inputErrors.isEmpty()) {
        security::wipe(password);
        return Failure{Failure::Kind::Rule, inputErrors, {}};
    }
    auto session = authenticateFor(ctx, login, password, permission, now);
    if (!session.ok())
        return session.failure;
    return act(*session.value);
}

} // namespace branch
