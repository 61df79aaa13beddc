// The central database's URL: parsing and printing (see CentralUrl.h).
#include "CentralUrl.h"

#include <QDir>
#include <QUrl>

namespace branch::db
{

CentralUrl CentralUrl::parse(const QString &text, Problem *problem)
{
    CentralUrl out;
    auto fail = [&](Problem p) {
        if (problem)
            *problem = p;
        return out;
    };
    if (problem)
        *problem = Problem::None;
    const QString s = text.trimmed();
    if (s.isEmpty())
        return fail(Problem::Empty);

    static const QLatin1String sqlitePrefix("sqlite://");
    if (s.startsWith(sqlitePrefix, Qt::CaseInsensitive)) {
        out.dialect = Dialect::SQLite;
        const QString path = s.mid(sqlitePrefix.size());
        if (!path.startsWith(QLatin1Char('/')) || path.size() < 2)
            return fail(Problem::RelativePath);
        out.database = QDir::cleanPath(path);
        return out;
    }

    const bool pg = s.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
                    s.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
    if (!pg)
        return fail(Problem::UnknownScheme);
    out.dialect = Dialect::PostgreSQL;
    const QString rest = s.mid(s.indexOf(QLatin1String("://")) + 3);
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return fail(Problem::MissingUser);
    const QString userInfo = rest.left(at);
    if (userInfo.contains(QLatin1Char(':')))
        return fail(Problem::PasswordInUrl);
    out.user = QUrl::fromPercentEncoding(userInfo.toUtf8());
    if (out.user.isEmpty())
        return fail(Problem::MissingUser);
    const QString hostPath = rest.mid(at + 1);
    const qsizetype slash = hostPath.indexOf(QLatin1Char('/'));
    const QString hostPort = slash < 0 ? hostPath : hostPath.left(slash);
    const QString db = slash < 0 ? QString() : hostPath.mid(slash + 1);
    // host, host:port, [v6], [v6]:port
    QString portText;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(Problem::MissingHost);
        out.host = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return fail(Problem::BadPort);
            portText = after.mid(1);
        }
    } else {
        const qsizetype colon = hostPort.indexOf(QLatin1Char(':'));
        out.host = colon < 0 ? hostPort : hostPort.left(colon);
        if (colon >= 0)
            portText = hostPort.mid(colon + 1);
    }
    if (out.host.isEmpty())
        return fail(Problem::MissingHost);
    if (!portText.isNull()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535 || portText.startsWith(QLatin1Char('+')))
            return fail(Problem::BadPort);
        out.port = port;
    }
    out.database = QUrl::fromPercentEncoding(db.toUtf8());
    if (out.database.isEmpty() || out.database.contains(QLatin1Char('/')) || out.database.contains(QLatin1Char('?')))
        return fail(Problem::MissingDatabase);
    return out;
}

QString CentralUrl::dialectName() const
{
    return dialect == Dialect::PostgreSQL ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

QString CentralUrl::toString() const
{
    if (dialect == Dialect::SQLite)
        return QStringLiteral("sqlite://") + database;
    const QString h = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, h).arg(port).arg(database);
}

} // namespace branch::db
