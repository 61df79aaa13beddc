// Test support for the disk-fault tests: a private mount namespace for the test process, a
// small tmpfs to fill up, and what a database holds, read through a connection of its own
// (every row of every table, and PRAGMA integrity_check). Header-only; Linux only.
#pragma once

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QStringList>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace branchtest::disk
{

inline const char *const kNamespaceVariable = "BRANCHTEST_MOUNT_NAMESPACE";

// Call first in main(), before any thread exists. As root: a mount namespace of the test's
// own, so a tmpfs it mounts is seen by nobody else and goes away with the process even if
// the test crashes. Not root: the test re-executes itself under `unshare -rm` (a user and a
// mount namespace, where it may mount a tmpfs) when that works; else it runs as it is and
// the tests that need a mount skip, saying why.
inline void enterMountNamespace(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(kNamespaceVariable))
        return;
    if (::geteuid() == 0) {
        if (::unshare(CLONE_NEWNS) == 0 && ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0)
            ::setenv(kNamespaceVariable, "root", 1);
        return;
    }
    if (std::system("unshare -rm true >/dev/null 2>&1") != 0)
        return;
    ::setenv(kNamespaceVariable, "user", 1);
    std::vector<char *> args{const_cast<char *>("unshare"), const_cast<char *>("-rm"), const_cast<char *>("--")};
    for (int i = 0; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    ::execvp("unshare", args.data());
    ::unsetenv(kNamespaceVariable); // exec failed: run here, without mounts
}

// Mounts a tmpfs of `bytes` at `dir` (created); returns why not, empty when mounted.
inline QString mountTmpfs(const QString &dir, qint64 bytes)
{
    QDir().mkpath(dir);
    const QByteArray options = "size=" + QByteArray::number(bytes) + ",mode=0700";
    if (::mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", MS_NOSUID | MS_NODEV, options.constData()) != 0)
        return QStringLiteral("cannot mount a tmpfs (%1): run as root, or where `unshare -rm` works")
            .arg(QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

// Remounts the tmpfs at `dir` read-only or read-write; returns why not, empty when done
// (Linux refuses a read-only remount while a file on it is open for writing: EBUSY).
inline QString remount(const QString &dir, bool readOnly)
{
    const unsigned long flags = MS_REMOUNT | MS_NOSUID | MS_NODEV | (readOnly ? MS_RDONLY : 0);
    if (::mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", flags, nullptr) != 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    return {};
}

inline bool unmount(const QString &dir)
{
    return ::umount2(QFile::encodeName(dir).constData(), MNT_DETACH) == 0;
}

// Fills the file system of `dir` with the file `dir`/filler until the kernel refuses with
// ENOSPC; returns the bytes written, -1 when the file cannot be made or another error came.
inline qint64 fill(const QString &dir)
{
    const QByteArray path = QFile::encodeName(QDir(dir).filePath(QStringLiteral("filler")));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0)
        return -1;
    static const std::vector<char> chunk(64 * 1024, 'x');
    qint64 total = 0;
    for (size_t size : {chunk.size(), size_t(512), size_t(1)}) {
        for (;;) {
            const ssize_t n = ::write(fd, chunk.data(), size);
            if (n > 0) {
                total += n;
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && errno != ENOSPC) {
                ::close(fd);
                return -1;
            }
            break;
        }
    }
    ::close(fd);
    return total;
}

// Gives the space taken by fill() back.
inline bool freeSpace(const QString &dir)
{
    return QFile::remove(QDir(dir).filePath(QStringLiteral("filler")));
}

// Runs `body(connection)` on a read-only connection of its own to `path`, then closes it;
// `*failure` gets why the connection did not open.
template <class F>
QString withReader(const QString &path, QString *failure, F &&body)
{
    static int counter = 0;
    const QString name = QStringLiteral("branchtest-reader-%1").arg(++counter);
    QString out;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        c.setDatabaseName(path);
        c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (c.open())
            out = body(c);
        else
            *failure = QStringLiteral("cannot open: ") + c.lastError().text();
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

// Every row of every table (and the schema version), as text: two calls give the same
// text exactly when the database holds the same. Empty on an error (with `*error` set).
inline QString contentOf(const QString &path, QString *error = nullptr)
{
    QString failure;
    const QString text = withReader(path, &failure, [&](QSqlDatabase &c) {
        QSqlQuery q(c);
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
            failure = q.lastError().text();
            return QString();
        }
        QString t = QStringLiteral("user_version %1\n").arg(q.value(0).toInt());
        QStringList tables;
        if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                                   "'CREATE VIRTUAL%' ORDER BY name"))) {
            failure = q.lastError().text();
            return QString();
        }
        while (q.next())
            tables << q.value(0).toString();
        for (const QString &table : tables) {
            QSqlQuery rows(c);
            if (!rows.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table))) {
                failure = rows.lastError().text();
                return QString();
            }
            t += QStringLiteral("[%1]\n").arg(table);
            while (rows.next()) {
                QStringList values;
                for (int i = 0; i < rows.record().count(); ++i) {
                    const QVariant v = rows.value(i);
                    values << (v.isNull() ? QStringLiteral("NULL")
                               : v.metaType().id() == QMetaType::QByteArray
                                   ? QString::fromLatin1(v.toByteArray().toHex())
                                   : v.toString());
                }
                t += values.join(QLatin1Char('|')) + QLatin1Char('\n');
            }
        }
        return t;
    });
    if (error)
        *error = failure;
    return failure.isEmpty() ? text : QString();
}

// PRAGMA integrity_check's answer ("ok" for a sound file), or why it could not be asked.
inline QString integrityOf(const QString &path)
{
    QString failure;
    const QString answer = withReader(path, &failure, [](QSqlDatabase &c) {
        QSqlQuery q(c);
        if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
            return q.lastError().text();
        QStringList lines;
        while (q.next())
            lines << q.value(0).toString();
        return lines.join(QLatin1Char('\n'));
    });
    return failure.isEmpty() ? answer : failure;
}

} // namespace branchtest::disk
