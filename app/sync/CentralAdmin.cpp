// The central database's administration: URL, init, branches (see CentralAdmin.h).
#include "CentralAdmin.h"

#include "app/core/Settings.h"
#include "app/core/Violation.h"

#include <QRegularExpression>

namespace branch
{

namespace
{

QString describeProblem(db::CentralUrl::Problem p)
{
    using P = db::CentralUrl::Problem;
    switch (p) {
    case P::None:
        return {};
    case P::Empty:
        return Services::tr("The central database URL is empty.");
    case P::UnknownScheme:
        break;
    case P::PasswordInUrl:
        return Services::tr("Do not put a password in the central database URL (every user of the computer can see "
                            "a command line). Use the PGPASSWORD environment variable or a pgpass file.");
    case P::MissingUser:
        return Services::tr("The central database URL needs a user name: postgresql://USER@HOST:PORT/DBNAME.");
    case P::MissingHost:
        return Services::tr("The central database URL needs a host: postgresql://USER@HOST:PORT/DBNAME.");
    case P::BadPort:
        return Services::tr("The port of the central database URL must be a number from 1 to 65535.");
    case P::MissingDatabase:
        return Services::tr("The central database URL needs a database name: postgresql://USER@HOST:PORT/DBNAME.");
    case P::RelativePath:
        return Services::tr("A SQLite central database needs an absolute path: sqlite:///ABSOLUTE/PATH.db.");
    }
    return Services::tr("The central database URL must look like postgresql://USER@HOST:PORT/DBNAME or "
                        "sqlite:///ABSOLUTE/PATH.db.");
}

QString errorCode(db::DbError::Kind k)
{
    using K = db::DbError::Kind;
    switch (k) {
    case K::Unreachable:
        return QStringLiteral("central.unreachable");
    case K::AuthFailed:
        return QStringLiteral("central.auth_failed");
    case K::TlsUnavailable:
        return QStringLiteral("central.tls_unavailable");
    case K::TlsNoCa:
        return QStringLiteral("central.tls_no_ca");
    case K::TlsUntrusted:
        return QStringLiteral("central.tls_untrusted");
    case K::TlsWrongHost:
        return QStringLiteral("central.tls_wrong_host");
    case K::Forbidden:
        return QStringLiteral("central.forbidden");
    case K::Missing:
        return QStringLiteral("central.missing");
    case K::NotInitialised:
        return QStringLiteral("central.not_initialised");
    case K::NewerSchema:
        return QStringLiteral("central.newer_schema");
    case K::Locked:
        return QStringLiteral("central.locked");
    default:
        return QStringLiteral("central.error");
    }
}

} // namespace

Outcome<db::CentralUrl> parseCentralUrl(const QString &text)
{
    db::CentralUrl::Problem problem = db::CentralUrl::Problem::None;
    db::CentralUrl url = db::CentralUrl::parse(text, &problem);
    if (problem != db::CentralUrl::Problem::None)
        return Failure::rule(QStringLiteral("central"), QStringLiteral("central.bad_url"), describeProblem(problem));
    url.caFile = Settings::value(SettingKey::SyncCaFile).toString();
    return url;
}

QString describeCentralError(const db::DbError &e)
{
    using K = db::DbError::Kind;
    switch (e.kind) {
    case K::Missing:
        return Services::tr("The central database does not exist. Create it first (PostgreSQL: createdb; then "
                            "\"branchctl central init\").");
    case K::NotInitialised:
        return Services::tr("This is not a BranchDesk central database at the current version. Run \"branchctl "
                            "central init\" (it never writes into someone else's database).");
    case K::NewerSchema:
        return Services::tr("The central database was written by a newer version of BranchDesk. Update this "
                            "program; nothing was changed.");
    case K::TlsUnavailable:
        return Services::tr("The central database server does not offer an encrypted (TLS) connection, so "
                            "BranchDesk did not connect. Nothing was changed; ask the head office's IT staff to "
                            "turn on TLS on the server.");
    case K::TlsNoCa:
        return Services::tr("There is no CA certificate to check the central database server with. Set the file "
                            "in PGSSLROOTCERT or in the setting sync/caFile; nothing was changed.");
    case K::TlsUntrusted:
        return Services::tr("The central database server's certificate is not signed by the trusted CA (or it "
                            "has expired): this may not be the organisation's server. BranchDesk did not connect "
                            "and nothing was changed; call the head office's IT staff.");
    case K::TlsWrongHost:
        return Services::tr("The central database server's certificate is for another host name than the one in "
                            "the URL: this may not be the organisation's server. BranchDesk did not connect and "
                            "nothing was changed; check the URL's host name or call the head office's IT staff.");
    default:
        return describeDbError(e);
    }
}

Failure centralFailure(const db::DbError &e)
{
    return Failure{Failure::Kind::Environment,
                   {Violation{QStringLiteral("central"), errorCode(e.kind), describeCentralError(e)}},
                   {}};
}

Outcome<CentralInitResult> initCentral(const db::CentralUrl &url)
{
    db::DbError error;
    auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Migrate, &error);
    if (!central)
        return centralFailure(error);
    try {
        CentralInitResult r;
        r.dialect = url.dialectName();
        r.previousVersion = central->versionAtOpen();
        r.schemaVersion = central->schemaVersion();
        return r;
    } catch (const db::DbException &e) {
        return centralFailure(e.error());
    }
}

Outcome<CentralBranch> addCentralBranch(const db::CentralUrl &url, const QString &code, QString password)
{
    struct Wipe {
        QString &s;
        ~Wipe() { s.fill(QLatin1Char(' ')); }
    } wipe{password};
    static const QRegularExpression digits(QStringLiteral("^[0-9]{3,8}$"));
    if (!digits.match(code).hasMatch())
        return Failure::rule(QStringLiteral("branch"), QStringLiteral("branch.invalid"),
                             Services::tr("A branch code is 3 to 8 digits."));
    const bool pg = url.dialect == db::CentralUrl::Dialect::PostgreSQL;
    if (pg && password.size() < 12)
        return Failure::rule(QStringLiteral("password"), QStringLiteral("password.too_short"),
                             Services::tr("The branch's database password must have at least 12 characters."));
    db::DbError error;
    auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &error);
    if (!central)
        return centralFailure(error);
    try {
        CentralBranch b;
        b.code = code;
        b.role = central->addBranch(code, pg ? password : QString());
        return b;
    } catch (const db::DbException &e) {
        return centralFailure(e.error());
    }
}

} // namespace branch
