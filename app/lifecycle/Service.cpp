// What every service shares: failures, storage error texts, opening the branch database,
// recording a change.
#include "Service.h"

#include "app/security/Random.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/Records.h"
#include "db/SmsRepository.h"
#include "db/SyncRepository.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace branch
{

QString Failure::message() const
{
    QStringList lines;
    for (const auto &v : violations)
        lines << v.message;
    return lines.join(QLatin1Char('\n'));
}

Failure Failure::rule(const QString &field, const QString &code, const QString &message)
{
    return Failure{Kind::Rule, {Violation{field, code, message}}, {}};
}

Failure Failure::notFound(const QString &field, const QString &code, const QString &message)
{
    return Failure{Kind::NotFound, {Violation{field, code, message}}, {}};
}

Failure Failure::noRequest()
{
    return notFound(QStringLiteral("national_code"), QStringLiteral("national_code.not_found"),
                    Services::tr("No registration request was found for this national code."));
}

Failure Failure::environment(const db::DbError &e)
{
    QString code;
    switch (e.kind) {
    case db::DbError::Kind::Missing:
        code = QStringLiteral("database.missing");
        break;
    case db::DbError::Kind::NotInitialised:
        code = QStringLiteral("database.not_initialised");
        break;
    case db::DbError::Kind::Locked:
        code = QStringLiteral("database.locked");
        break;
    case db::DbError::Kind::ReadOnly:
        code = QStringLiteral("database.read_only");
        break;
    case db::DbError::Kind::Corrupt:
        code = QStringLiteral("database.corrupt");
        break;
    case db::DbError::Kind::NewerSchema:
        code = QStringLiteral("database.newer_schema");
        break;
    case db::DbError::Kind::Constraint:
        code = QStringLiteral("database.constraint");
        break;
    case db::DbError::Kind::Unreachable:
        code = QStringLiteral("central.unreachable");
        break;
    case db::DbError::Kind::AuthFailed:
        code = QStringLiteral("central.auth_failed");
        break;
    case db::DbError::Kind::Forbidden:
        code = QStringLiteral("central.forbidden");
        break;
    case db::DbError::Kind::Lost:
        code = QStringLiteral("database.lost");
        break;
    case db::DbError::Kind::Full:
        code = QStringLiteral("database.full");
        break;
    case db::DbError::Kind::IoError:
        code = QStringLiteral("database.io_error");
        break;
    default:
        code = QStringLiteral("database.error");
        break;
    }
    return Failure{Kind::Environment, {Violation{QStringLiteral("database"), code, describeDbError(e)}}, {}};
}

QString describeDbError(const db::DbError &e)
{
    switch (e.kind) {
    case db::DbError::Kind::None:
        return {};
    case db::DbError::Kind::Missing:
        return Services::tr("The database file does not exist. Create it with \"branchctl init\".");
    case db::DbError::Kind::NotInitialised:
        return Services::tr(
            "This file is not a BranchDesk database (or it was never initialised). Nothing was changed.");
    case db::DbError::Kind::Locked:
        return Services::tr("The database is locked by another program. Try again in a moment; nothing was changed.");
    case db::DbError::Kind::ReadOnly:
        return Services::tr("The database cannot be written (read-only file or folder). Nothing was changed.");
    case db::DbError::Kind::Corrupt:
        return Services::tr("The database file is damaged or is not a database. Nothing was changed; restore it from a "
                            "backup or sync it again.");
    case db::DbError::Kind::NewerSchema:
        return Services::tr(
            "The database was written by a newer version of BranchDesk. Update this program; nothing was "
            "changed.");
    case db::DbError::Kind::Constraint:
        return Services::tr("The change conflicts with data already stored. Nothing was changed.");
    case db::DbError::Kind::Unreachable:
        return Services::tr("The central database cannot be reached (server down, wrong address or no network). "
                            "Nothing was changed; try again later.");
    case db::DbError::Kind::AuthFailed:
        return Services::tr("The central database refused the user name or password. Check the password in "
                            "PGPASSWORD or the pgpass file; nothing was changed.");
    case db::DbError::Kind::Forbidden:
        return Services::tr("The central database refused this change: a branch changes only the people it holds, "
                            "and only as its counter actions do (the server checks every row). Nothing was changed; "
                            "if this repeats, call the head office's IT staff.");
    case db::DbError::Kind::Lost:
        return Services::tr("This program no longer holds the branch database it opened (the file was moved, replaced "
                            "or deleted, or another program disturbed it). Nothing was changed: close BranchDesk and "
                            "start it again.");
    case db::DbError::Kind::Full:
        return Services::tr("The disk that holds the branch database is full, so this action could not be saved. "
                            "Nothing was changed. Free some space on the disk (or ask IT support to) and do the "
                            "action again; BranchDesk keeps running meanwhile.");
    case db::DbError::Kind::IoError:
        return Services::tr("The disk that holds the branch database reported an error (it may be failing or have "
                            "become read-only), so this action could not be saved. Nothing was changed. Call IT "
                            "support; BranchDesk keeps running, and the action can be done again once the disk "
                            "works.");
    case db::DbError::Kind::Other:
        break;
    }
    return Services::tr("The database reported an error. Nothing was changed.");
}

QString Context::databasePath() const
{
    return db.path();
}

Outcome<BranchConnection> openBranchDatabase(const QString &path, const QString &branchCode)
{
    db::DbError error;
    BranchConnection c{db::Database::open(path, db::Database::OpenMode::MustExist, &error), branchCode};
    if (!c.db)
        return Failure::environment(error);
    if (c.branchCode.isEmpty()) {
        try {
            c.branchCode = db::metaValue(*c.db, QStringLiteral("branch_code"));
        } catch (const db::DbException &e) {
            return Failure::environment(e.error());
        }
        if (c.branchCode.isEmpty())
            return Failure::environment({db::DbError::Kind::NotInitialised, {}});
    }
    return c;
}

void recordAudit(Context &ctx, const AuditInfo &audit, const QDateTime &now)
{
    db::AuditRecord a;
    a.id = security::newUuid();
    a.branchCode = ctx.branchCode;
    a.at = now;
    a.actor = audit.actor;
    a.action = audit.action;
    a.nationalCode = audit.nationalCode;
    a.details = QString::fromUtf8(QJsonDocument(audit.details).toJson(QJsonDocument::Compact));
    db::appendAudit(ctx.db, a);
}

void recordChange(Context &ctx, const QString &table, const QString &rowId, int baseVersion, int newVersion,
                  const QJsonObject &payload, const AuditInfo &audit, const QDateTime &now)
{
    db::appendOutbox(ctx.db, table, rowId, baseVersion, newVersion, payload, now);
    recordAudit(ctx, audit, now);
}

void queueSms(Context &ctx, const QString &nationalCode, const QString &mobile, const QString &kind,
              const QString &text, const QDateTime &now, const QString &actor)
{
    db::SmsRecord s;
    s.id = security::newUuid();
    s.branchCode = ctx.branchCode;
    s.nationalCode = nationalCode;
    s.mobile = mobile;
    s.kind = kind;
    s.text = text;
    s.createdAt = now;
    db::insertSms(ctx.db, s);
    recordChange(ctx, QStringLiteral("sms_messages"), s.id, 0, s.version, s.toJson(),
                 {actor, QStringLiteral("sms.queue"), nationalCode, {{QStringLiteral("kind"), kind}}}, now);
}

void queueNotice(Context &ctx, const db::AccountRecord &a, const QString &kind, const QString &text,
                 const QDateTime &now, const QString &actor)
{
    if (!a.mobile.isEmpty())
        queueSms(ctx, a.nationalCode, a.mobile, kind, text, now, actor);
}

} // namespace branch
