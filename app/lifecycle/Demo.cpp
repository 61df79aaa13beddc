// Demo data with optional demo staff (see Demo.h).
#include "Demo.h"

#include "app/security/Random.h"
#include "app/security/SecretHash.h"
#include "db/StaffRepository.h"

namespace branch
{

namespace
{

Failure staffExists()
{
    return Failure::rule(QStringLiteral("staff"), QStringLiteral("staff.exists"),
                         Services::tr("This database already has staff accounts: demo data goes only into a "
                                      "database without any (a demo or training database), never into a branch's "
                                      "real work. Start from a new database."));
}

} // namespace

Outcome<DemoRun> fillDemoData(Context &ctx, db::DemoOptions options, bool withStaff, const QDateTime &now,
                              const QString &administrator)
{
    DemoRun run;
    QList<db::StaffRecord> records;
    const bool signedIn = !administrator.isEmpty();
    try {
        // Without a signed-in administrator only into a database nobody works in yet; demo
        // staff only into a database without staff at all.
        if (db::staffCount(ctx.db) > 0 && (!signedIn || withStaff))
            return staffExists(); // before minutes of generation, not after
        if (withStaff) {
            const QDateTime at = (now.isValid() ? now : QDateTime::currentDateTimeUtc()).toUTC();
            for (const auto &[login, role] : {std::pair{"clerk", "clerk"}, std::pair{"supervisor1", "supervisor"},
                                              std::pair{"supervisor2", "supervisor"}, std::pair{"admin", "admin"}}) {
                DemoStaffAccount account{QString::fromLatin1(login), QString::fromLatin1(role),
                                         security::randomPassword(16)};
                db::StaffRecord s;
                s.login = account.login;
                s.role = account.role;
                s.passwordHash = security::hashSecret(account.password);
                s.createdAt = at;
                s.updatedAt = at;
                if (s.passwordHash.isEmpty())
                    return Failure::environment({db::DbError::Kind::Other, QStringLiteral("hashing failed")});
                records << s;
                run.staff << account;
            }
            bool refused = false;
            options.beforeCommit = [&](db::Database &) {
                if (db::staffCount(ctx.db) > 0) { // another process made staff meanwhile
                    refused = true;
                    return false;
                }
                for (const db::StaffRecord &s : std::as_const(records)) {
                    db::insertStaff(ctx.db, s);
                    recordAudit(ctx,
                                {QStringLiteral("admin"),
                                 QStringLiteral("staff.demo"),
                                 {},
                                 {{QStringLiteral("login"), s.login}, {QStringLiteral("role"), s.role}}},
                                s.createdAt);
                }
                return true;
            };
            run.stats = db::generateDemoData(ctx.db, options);
            if (refused || !run.stats.committed) {
                for (auto &a : run.staff)
                    security::wipe(a.password);
                return staffExists();
            }
            return run;
        }
        bool refused = false;
        options.beforeCommit = [&](db::Database &) {
            refused = !signedIn && db::staffCount(ctx.db) > 0; // another process made staff meanwhile
            return !refused;
        };
        run.stats = db::generateDemoData(ctx.db, options);
        if (refused)
            return staffExists();
        return run;
    } catch (const db::DbException &e) {
        for (auto &a : run.staff)
            security::wipe(a.password);
        return Failure::environment(e.error());
    }
}

} // namespace branch
