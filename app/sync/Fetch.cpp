// Serving a person from another branch (see Fetch.h). SQL lives in db/CentralFetch (the
// central) and db/SyncRepository (the branch).
#include "Fetch.h"

#include "CentralAdmin.h"
#include "SyncEngine.h"

#include "app/core/Mobile.h"
#include "app/core/NationalCode.h"
#include "app/lifecycle/Counter.h"
#include "db/CentralFetch.h"
#include "db/SyncRepository.h"

namespace branch
{

namespace
{

// The central database cannot be reached: the server does not answer, or a SQLite central's
// file is not there (its share or disk is gone; the sync says offline for it too). Other
// storage problems (TLS, a missing PostgreSQL database, the schema) keep their own words.
Failure notHeldOffline(const db::CentralUrl &url, const db::DbError &e)
{
    Failure f = centralFailure(e);
    if (e.kind == db::DbError::Kind::Unreachable ||
        (e.kind == db::DbError::Kind::Missing && url.dialect == db::CentralUrl::Dialect::SQLite))
        f.violations = {Violation{QStringLiteral("central"), QStringLiteral("central.unreachable"),
                                  Services::tr("This person is not held at this branch, and the central database "
                                               "cannot be reached to bring them here. Try again when the "
                                               "connection is back.")}};
    return f;
}

// Fetches `codes` (or, with `byMobile`, the persons with that mobile) and writes them here.
Outcome<FetchResult> fetch(Context &ctx, const db::CentralUrl &url, const QString &value, bool byMobile,
                           const StaffSession &staff, const QDateTime &now)
{
    const auto who = sessionStaff(ctx, staff, StaffPermission::CounterActions);
    if (!who.ok())
        return who.failure;
    QList<db::CentralChange> rows;
    FetchResult result;
    try {
        db::DbError error;
        auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &error);
        if (!central)
            return notHeldOffline(url, error);
        central->actAsBranch(ctx.branchCode);
        const QStringList codes = byMobile ? db::personsWithMobile(*central, value) : QStringList{value};
        for (const QString &code : codes) {
            const auto person = db::fetchPersonRows(*central, code, who.value->login, now);
            if (!person.isEmpty())
                result.nationalCodes << code;
            rows << person;
        }
    } catch (const db::DbException &e) {
        return notHeldOffline(url, e.error());
    }
    if (result.nationalCodes.isEmpty())
        return byMobile ? Failure::notFound(QStringLiteral("mobile"), QStringLiteral("mobile.not_found"),
                                            Services::tr("No applicant has this mobile number, here or at the "
                                                         "central database."))
                        : Failure::notFound(QStringLiteral("national_code"), QStringLiteral("national_code.not_found"),
                                            Services::tr("No applicant has this national code, here or at the "
                                                         "central database."));
    return inTransaction<FetchResult>(ctx, [&]() -> Outcome<FetchResult> {
        result.rows = db::applyCentralChanges(ctx.db, rows);
        db::indexPendingNames(ctx.db);
        for (const QString &code : std::as_const(result.nationalCodes))
            recordAudit(ctx, {who.value->login, QStringLiteral("applicant.fetch"), code, {}}, now);
        return result;
    });
}

} // namespace

Outcome<FetchResult> fetchApplicant(Context &ctx, const db::CentralUrl &url, const QString &nationalCode,
                                    const StaffSession &staff, const QDateTime &now)
{
    QString code;
    if (const Violations v = checkNationalCode(nationalCode, &code); !v.isEmpty())
        return Failure{Failure::Kind::Rule, v, {}};
    return fetch(ctx, url, code, false, staff, now);
}

Outcome<FetchResult> fetchApplicantsByMobile(Context &ctx, const db::CentralUrl &url, const QString &mobile,
                                             const StaffSession &staff, const QDateTime &now)
{
    QString normal;
    if (const Violations v = checkMobile(mobile, &normal); !v.isEmpty())
        return Failure{Failure::Kind::Rule, v, {}};
    return fetch(ctx, url, normal, true, staff, now);
}

std::optional<FetchKey> fetchKeyOf(const QString &text)
{
    const QString t = text.trimmed();
    QString normal;
    if (checkNationalCode(t, &normal).isEmpty())
        return FetchKey{QStringLiteral("national_code"), normal};
    if (checkMobile(t, &normal).isEmpty())
        return FetchKey{QStringLiteral("mobile"), normal};
    return std::nullopt;
}

bool searchShouldFetch(Context &ctx, const QString &text)
{
    if (!fetchKeyOf(text))
        return false;
    const auto here = searchApplicants(ctx, text, QString(), 1);
    return here.ok() && here.value->isEmpty();
}

Outcome<FetchResult> fetchForSearch(Context &ctx, const db::CentralUrl &url, const QString &text,
                                    const StaffSession &staff, const QDateTime &now)
{
    const auto key = fetchKeyOf(text);
    if (!key)
        return Failure::notFound(QStringLiteral("text"), QStringLiteral("search.not_fetchable"),
                                 Services::tr("Only a complete national code or mobile number is looked up at the "
                                              "central database."));
    return key->kind == QLatin1String("mobile") ? fetch(ctx, url, key->value, true, staff, now)
                                                : fetch(ctx, url, key->value, false, staff, now);
}

} // namespace branch
