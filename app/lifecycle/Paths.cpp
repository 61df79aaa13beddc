// Where the branch's database lives by default.
#include "Paths.h"

#include <QDir>
#include <QStandardPaths>

namespace branch
{

QString defaultDatabasePath()
{
    const QString env = qEnvironmentVariable("BRANCHDESK_DB");
    if (!env.isEmpty())
        return env;
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/BranchDesk/branchdesk.db");
}

} // namespace branch
