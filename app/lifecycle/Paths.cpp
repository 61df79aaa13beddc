// Where the branch's files live by default; the folders dialogs keep away from.
#include "Paths.h"

#include "db/Database.h"

#include <QDir>
#include <QFileInfo>
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
    const QString path = base + QStringLiteral("/BranchDesk/database/branchdesk.db");
    const QString earlier = base + QStringLiteral("/BranchDesk/branchdesk.db");
    if (!QFileInfo::exists(path) && QFileInfo(earlier).isFile())
        return earlier;
    return path;
}

QString saveStartFolder()
{
    QStringList candidates;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir())
        candidates << documents;
    candidates << QDir::homePath();
    for (const QString &folder : std::as_const(candidates))
        if (!folderHoldsOpenDatabase(folder))
            return folder;
    // The database is in Documents and in the home folder: a folder of the desk's own.
    const QString own = QDir(QDir::homePath()).filePath(QStringLiteral("BranchDesk documents"));
    QDir().mkpath(own);
    return own;
}

bool folderHoldsOpenDatabase(const QString &folder)
{
    return db::Database::folderHoldsOpenDatabase(folder);
}

bool isOpenDatabaseFile(const QString &path)
{
    const QFileInfo f(path);
    if (!folderHoldsOpenDatabase(f.absolutePath()))
        return false;
    QString name = f.fileName();
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        if (name.endsWith(QLatin1String(suffix)))
            name.chop(int(qstrlen(suffix)));
    return db::Database::isOpenDatabaseFile(QDir(f.absolutePath()).filePath(name));
}

} // namespace branch
