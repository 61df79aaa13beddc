// Staff accounts: creation and authentication with lockout.
#include "Staff.h"

#include "app/core/PasswordPolicy.h"
#include "app/security/SecretHash.h"
#include "db/StaffRepository.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace branch
{

bool isStaffRole(const QString &role)
{
    return role == QLatin1String("clerk") || role == QLatin1String("supervisor") || role == QLatin1String("admin") ||
           role == QLatin1String("service");
}

// Logins are case-insensitive: "Sara" and "sara" are one person.
QString normalizeLogin(const QString &login)
{
    return login.trimmed().toLower();
}

Violations checkStaffLogin(const QString &loginInput)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z][a-z0-9._-]{2,31}$"));
    if (loginPattern.match(normalizeLogin(loginInput)).hasMatch())
        return {};
    return {Violation{QStringLiteral("login"), QStringLiteral("login.format"),
                      Services::tr("A staff login is 3 to 32 characters: lower-case Latin letters, digits, dot, dash "
                                   "or underscore, starting with a letter.")}};
}

namespace
{

enum class AddMode {
    Any,           // user add: the bootstrap when the database has no staff, else a later addition
    BootstrapOnly, // the first-run dialog: refused once any staff account exists
};

// The one place a staff account is created: input checked and the password hashed before
// the transaction; inside it, the first-account rule decided against the stored staff.
Outcome<db::StaffRecord> createStaff(Context &ctx, const QString &loginInput, const QString &role, QString &password,
                                     QString &confirmation, const QDateTime &now, const QString &actor, AddMode mode)
{
    const QString login = normalizeLogin(loginInput);
    Violations errors = checkStaffLogin(login);
    if (!isStaffRole(role))
        errors << Violation{QStringLiteral("role"), QStringLiteral("role.invalid"),
                            Services::tr("The role must be clerk, supervisor, admin or service.")};
    errors += checkStaffPassword(password, confirmation, login);
    security::wipe(confirmation);
    if (!errors.isEmpty()) {
        security::wipe(password);
        return Failure{Failure::Kind::Rule, errors, {}};
    }
    const QString hash = security::hashSecret(password);
    security::wipe(password);
    return inTransaction<db::StaffRecord>(ctx, [&]() -> Outcome<db::StaffRecord> {
        const bool first = db::staffCount(ctx.db) == 0;
        if (!first && mode == AddMode::BootstrapOnly)
            return Failure::rule(QStringLiteral("staff"), QStringLiteral("staff.bootstrap_closed"),
                                 Services::tr("This branch already has staff accounts; its first administrator "
                                              "exists. Sign in instead."));
        if (first && role != QLatin1String("admin"))
            return Failure::rule(QStringLiteral("role"), QStringLiteral("staff.first_must_be_admin"),
                                 Services::tr("The first account of a branch must be its administrator "
                                              "(--role admin); add clerks and supervisors after it."));
        if (db::findStaff(ctx.db, login))
            return Failure::rule(QStringLiteral("login"), QStringLiteral("login.exists"),
                                 Services::tr("A staff member with this login already exists."));
        db::StaffRecord s;
        s.login = login;
        s.role = role;
        s.passwordHash = hash;
        s.createdAt = now;
        s.updatedAt = now;
        db::insertStaff(ctx.db, s);
        // The bootstrap has nobody signed in to act for: the new administrator is its actor.
        recordAudit(ctx,
                    {first ? login : actor,
                     first ? QStringLiteral("staff.bootstrap") : QStringLiteral("staff.add"),
                     {},
                     {{QStringLiteral("login"), login}, {QStringLiteral("role"), role}}},
                    now);
        return s;
    });
}

} // namespace

Outcome<db::StaffRecord> addStaff(Context &ctx, const QString &loginInput, const QString &role, QString password,
                                  const QDateTime &now, const QString &actor)
{
    QString confirmation = password; // typed once on the command line
    return createStaff(ctx, loginInput, role, password, confirmation, now, actor, AddMode::Any);
}

Outcome<db::StaffRecord> addStaff(Context &ctx, const QString &loginInput, const QString &role, QString password,
                                  const QDateTime &now, const StaffSession &by)
{
    QString confirmation = password;
    if (!by.isValid())
        return createStaff(ctx, loginInput, role, password, confirmation, now, {}, AddMode::BootstrapOnly);
    auto admin = sessionStaff(ctx, by, StaffPermission::Administer);
    if (!admin.ok()) {
        security::wipe(password);
        security::wipe(confirmation);
        return admin.failure;
    }
    return createStaff(ctx, loginInput, role, password, confirmation, now, admin.value->login, AddMode::Any);
}

Outcome<db::StaffRecord> bootstrapAdministrator(Context &ctx, const QString &login, QString password,
                                                QString confirmation, const QDateTime &now)
{
    return createStaff(ctx, login, QStringLiteral("admin"), password, confirmation, now, {}, AddMode::BootstrapOnly);
}

Outcome<bool> needsFirstAdministrator(Context &ctx)
{
    try {
        return db::staffCount(ctx.db) == 0;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

Outcome<db::StaffRecord> authenticateStaff(Context &ctx, const QString &loginInput, QString password,
                                           const QDateTime &now)
{
    const QString login = normalizeLogin(loginInput);
    // Hash work happens inside the transaction here: the row must be read and the
    // failure counter written atomically, and staff logins are rare.
    auto out = inTransactionKeepingFailures<db::StaffRecord>(ctx, [&]() -> Outcome<db::StaffRecord> {
        auto staff = db::findStaff(ctx.db, login);
        const Failure wrong = Failure::rule(QStringLiteral("staff"), QStringLiteral("staff.wrong_password"),
                                            Services::tr("The staff login or password is wrong."));
        if (!staff || !staff->active) {
            security::spendVerifyTime(password); // as long as a known login's wrong password
            recordAudit(ctx,
                        {login,
                         QStringLiteral("staff.login_failed"),
                         {},
                         {{QStringLiteral("reason"), QStringLiteral("unknown")}}},
                        now);
            return wrong;
        }
        if (staff->lockedUntil.isValid() && staff->lockedUntil > now) {
            // Minutes through QLocale so that Persian shows Persian digits.
            const qint64 minutes = qMax<qint64>(1, (now.secsTo(staff->lockedUntil) + 59) / 60);
            recordAudit(ctx,
                        {login,
                         QStringLiteral("staff.login_failed"),
                         {},
                         {{QStringLiteral("reason"), QStringLiteral("locked")}}},
                        now);
            return Failure::rule(QStringLiteral("staff"), QStringLiteral("staff.locked"),
                                 Services::tr("This staff login is locked after too many wrong passwords. Minutes "
                                              "until it opens again: %1.")
                                     .arg(QLocale().toString(minutes)));
        }
        if (!security::verifySecret(password, staff->passwordHash)) {
            staff->failedAttempts += 1;
            staff->updatedAt = now;
            QString action = QStringLiteral("staff.login_failed");
            if (staff->failedAttempts >= kStaffMaxFailures) {
                staff->lockedUntil = now.addSecs(kStaffLockMinutes * 60);
                staff->failedAttempts = 0;
                action = QStringLiteral("staff.locked");
            }
            db::updateStaff(ctx.db, *staff);
            recordAudit(ctx, {login, action, {}, {}}, now);
            return wrong;
        }
        // A hash made with weaker parameters (an older profile) is replaced now, while the
        // password is in hand: the next sign-in costs what the current profile costs.
        const bool upgrade = security::needsRehash(staff->passwordHash);
        if (upgrade) {
            const QString stronger = security::hashSecret(password);
            if (!stronger.isEmpty())
                staff->passwordHash = stronger;
        }
        if (upgrade || staff->failedAttempts != 0 || staff->lockedUntil.isValid()) {
            staff->failedAttempts = 0;
            staff->lockedUntil = {};
            staff->updatedAt = now;
            db::updateStaff(ctx.db, *staff);
            if (upgrade)
                recordAudit(ctx, {login, QStringLiteral("staff.password_rehashed"), {}, {}}, now);
        }
        return *staff;
    });
    security::wipe(password);
    return out;
}

namespace
{

// A signed-in staff member refused for their role, in its own transaction.
Outcome<bool> auditNotAllowed(Context &ctx, const QString &login, const QString &what, const QDateTime &now)
{
    return inTransaction<bool>(ctx, [&]() -> Outcome<bool> {
        QJsonObject details;
        if (!what.isEmpty())
            details.insert(QStringLiteral("what"), what);
        recordAudit(ctx, {login, QStringLiteral("staff.not_allowed"), {}, details}, now);
        return true;
    });
}

} // namespace

bool roleMay(const QString &role, StaffPermission permission)
{
    const bool clerk = role == QLatin1String("clerk");
    const bool supervisor = role == QLatin1String("supervisor");
    const bool admin = role == QLatin1String("admin");
    switch (permission) {
    case StaffPermission::CounterActions:
        return clerk || supervisor;
    case StaffPermission::ReviewMismatch:
        return supervisor;
    case StaffPermission::Administer:
        return admin;
    case StaffPermission::BackUp:
        return clerk || supervisor || admin;
    case StaffPermission::MachineJobs:
        return role == QLatin1String("service");
    }
    return false;
}

Outcome<StaffSession> signInStaff(Context &ctx, const QString &login, QString password, const QDateTime &now)
{
    auto staff = authenticateStaff(ctx, login, std::move(password), now);
    if (!staff.ok())
        return staff.failure;
    if (staff.value->role == QLatin1String("service")) {
        auto audited = auditNotAllowed(ctx, staff.value->login, QStringLiteral("desk.sign_in"), now);
        if (!audited.ok())
            return audited.failure;
        return Failure::rule(QStringLiteral("staff"), QStringLiteral("staff.not_allowed"),
                             Services::tr("A service login runs the machine jobs (sync, SMS sending, verification) "
                                          "and cannot sign in to the desk. Sign in with your own login."));
    }
    auto audited = inTransaction<bool>(ctx, [&]() -> Outcome<bool> {
        recordAudit(ctx, {staff.value->login, QStringLiteral("staff.sign_in"), {}, {}}, now);
        return true;
    });
    if (!audited.ok())
        return audited.failure;
    return StaffSession{staff.value->login, staff.value->role};
}

Outcome<bool> signOutStaff(Context &ctx, const StaffSession &session, const QDateTime &now)
{
    return inTransaction<bool>(ctx, [&]() -> Outcome<bool> {
        recordAudit(ctx, {session.login, QStringLiteral("staff.sign_out"), {}, {}}, now);
        return true;
    });
}

Outcome<db::StaffRecord> sessionStaff(Context &ctx, const StaffSession &session, StaffPermission permission)
{
    try {
        auto staff = db::findStaff(ctx.db, normalizeLogin(session.login));
        if (!session.isValid() || !staff || !staff->active)
            return Failure::rule(QStringLiteral("staff"), QStringLiteral("staff.unknown"),
                                 Services::tr("This staff login no longer exists or is disabled; sign in again."));
        if (!roleMay(staff->role, permission))
            return Failure::rule(QStringLiteral("staff"), QStringLiteral("staff.not_allowed"),
                                 Services::tr("Your role does not allow this action."));
        return *staff;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

Outcome<StaffSession> authenticateFor(Context &ctx, const QString &login, QString &password, StaffPermission permission,
                                      const QDateTime &now, const QString &what)
{
    auto staff = authenticateStaff(ctx, login, password, now);
    security::wipe(password);
    if (!staff.ok())
        return staff.failure;
    const StaffSession session{staff.value->login, staff.value->role};
    auto allowed = sessionStaff(ctx, session, permission);
    if (!allowed.ok()) {
        if (!allowed.failure.violations.isEmpty() &&
            allowed.failure.violations.first().code == QLatin1String("staff.not_allowed")) {
            auto audited = auditNotAllowed(ctx, session.login, what, now);
            if (!audited.ok())
                return audited.failure;
        }
        return allowed.failure;
    }
    return session;
}

} // namespace branch
