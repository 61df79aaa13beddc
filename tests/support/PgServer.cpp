// Test support: a throwaway PostgreSQL 15 server in a temporary folder (see PgServer.h).
#include "PgServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace branchtest
{

namespace
{

// A port nobody listens on right now (the kernel's pick for an ephemeral bind). Another
// process may take it before the server does; setUp() then tries again with another.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    int port = 0;
    socklen_t len = sizeof a;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

QString randomHex(int bytes)
{
    QByteArray b(bytes, Qt::Uninitialized);
    for (char &c : b)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(b.toHex());
}

bool writePrivateFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // libpq ignores a readable pgpass
    return f.write(data) == data.size();
}

bool processGone(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0)
        return true;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray s = stat.readAll();
    const qsizetype close = s.lastIndexOf(')');
    return close > 0 && s.size() > close + 2 && s.at(close + 2) == 'Z';
}

// Every process whose parent is `pid` (the postmaster's backends and helpers).
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> out;
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 p = e.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(p));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = stat.readAll();
        const qsizetype close = s.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = s.mid(close + 2).split(' '); // state, ppid, ...
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            out << p;
    }
    return out;
}

} // namespace

PgServer::PgServer() = default;

PgServer::~PgServer()
{
    if (m_running && !pgCtl({QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate"),
                             QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30")},
                            nullptr))
        kill();
}

QString PgServer::binDir()
{
    QString dir = qEnvironmentVariable("BRANCHDESK_PG_BINDIR");
    if (dir.isEmpty())
        dir = QStringLiteral("/usr/lib/postgresql/15/bin");
    for (const char *tool : {"initdb", "pg_ctl", "postgres", "psql"})
        if (!QFileInfo(dir + QLatin1Char('/') + QLatin1String(tool)).isExecutable())
            return {};
    return dir;
}

QString PgServer::caFile() const
{
    return m_dir && m_tls ? m_dir->filePath(QStringLiteral("tls/ca.crt")) : QString();
}

bool PgServer::makeCertificates(const QString &folder, const QString &ip, QString *error)
{
    auto run = [&](const QStringList &args) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(folder);
        p.start(QStringLiteral("openssl"), args);
        const bool ok = p.waitForStarted(30000) && p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit &&
                        p.exitCode() == 0;
        if (!ok && error)
            *error = QStringLiteral("openssl %1: %2").arg(args.join(u' '), QString::fromLocal8Bit(p.readAll()));
        return ok;
    };
    if (!QDir().mkpath(folder))
        return false;
    QFile ext(QDir(folder).filePath(QStringLiteral("server.ext")));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write(QStringLiteral("basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                             "extendedKeyUsage=serverAuth\nsubjectAltName=IP:%1\n")
                  .arg(ip)
                  .toLatin1());
    ext.close();
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    return run(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
               QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                           QStringLiteral("ca.crt"), QStringLiteral("-days"), QStringLiteral("3"),
                           QStringLiteral("-subj"), QStringLiteral("/CN=BranchDesk test CA")}) &&
           run(QStringList{QStringLiteral("req")} + ec +
               QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                           QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=") + ip}) &&
           run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                QStringLiteral("-CA"), QStringLiteral("ca.crt"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.crt"),
                QStringLiteral("-days"), QStringLiteral("3"), QStringLiteral("-extfile"),
                QStringLiteral("server.ext")}) &&
           QFile::setPermissions(QDir(folder).filePath(QStringLiteral("server.key")),
                                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString PgServer::pgpassFile() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("pgpass")) : QString();
}

QString PgServer::urlFor(const QString &user, const QString &database) const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host()).arg(m_port).arg(database);
}

QProcessEnvironment PgServer::env() const
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("PGPASSFILE"), pgpassFile());
    e.remove(QStringLiteral("PGPASSWORD"));
    e.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("5"));
    return e;
}

bool PgServer::addPassword(const QString &user, const QString &password)
{
    QFile f(pgpassFile());
    if (!f.open(QIODevice::Append))
        return false;
    return f.write(QStringLiteral("%1:%2:*:%3:%4\n").arg(host()).arg(m_port).arg(user, password).toUtf8()) > 0;
}

bool PgServer::runAsServerUser(const QString &program, const QStringList &args, QString *output, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    e.remove(QStringLiteral("PGPASSWORD"));
    p.setProcessEnvironment(e);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir->path());
    if (m_asRoot)
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args);
    else
        p.start(program, args);
    const bool finished = p.waitForStarted(30000) && p.waitForFinished(timeoutMs);
    if (!finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool PgServer::pgCtl(const QStringList &args, QString *error)
{
    QString out;
    const bool ok = runAsServerUser(m_bin + QStringLiteral("/pg_ctl"),
                                    QStringList{QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data"))} + args,
                                    &out, 120000);
    if (!ok && error)
        *error = out.trimmed() + QLatin1Char('\n') + log().right(2000);
    return ok;
}

bool PgServer::setUp(QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    m_bin = binDir();
    if (m_bin.isEmpty()) {
        m_binariesMissing = true;
        const QString dir = qEnvironmentVariable("BRANCHDESK_PG_BINDIR", QStringLiteral("/usr/lib/postgresql/15/bin"));
        return fail(QStringLiteral("initdb/pg_ctl/postgres/psql not found in %1 (install postgresql-15, or set "
                                   "BRANCHDESK_PG_BINDIR)")
                        .arg(dir));
    }
    m_asRoot = ::getuid() == 0;
    uid_t uid = 0;
    gid_t gid = 0;
    if (m_asRoot) {
        const passwd *pw = ::getpwnam("postgres");
        if (!pw)
            return fail(QStringLiteral("running as root, but there is no \"postgres\" system user to run the "
                                       "server as (the postgresql-15 package creates it)"));
        if (QStandardPaths::findExecutable(QStringLiteral("runuser")).isEmpty())
            return fail(QStringLiteral("running as root, but runuser is missing"));
        uid = pw->pw_uid;
        gid = pw->pw_gid;
    }
    // The postgres user must be able to reach the folder: a private TMPDIR (root's own,
    // mode 0700) is not reachable, /tmp always is.
    QString base = QDir::tempPath();
    if (m_asRoot) {
        for (QString p = base; !p.isEmpty() && p != QLatin1String("/"); p = QFileInfo(p).path()) {
            if (!(QFileInfo(p).permissions() & QFileDevice::ExeOther)) {
                base = QStringLiteral("/tmp");
                break;
            }
        }
    }
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/branchdesk-pg-XXXXXX"));
    if (!m_dir->isValid())
        return fail(QStringLiteral("cannot create a temporary folder"));
    const QByteArray dirPath = QFile::encodeName(m_dir->path());
    if (m_asRoot && ::chown(dirPath.constData(), uid, gid) != 0)
        return fail(QStringLiteral("cannot hand the temporary folder to the postgres user"));

    m_password = randomHex(16);
    const QString pwFile = m_dir->filePath(QStringLiteral("initdb-password"));
    if (!writePrivateFile(pwFile, m_password.toUtf8() + '\n'))
        return fail(QStringLiteral("cannot write the password file"));
    if (m_asRoot && ::chown(QFile::encodeName(pwFile).constData(), uid, gid) != 0)
        return fail(QStringLiteral("cannot hand the password file to the postgres user"));
    QString out;
    const bool initOk = runAsServerUser(
        m_bin + QStringLiteral("/initdb"),
        {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-U"), m_user,
         QStringLiteral("--pwfile=") + pwFile, QStringLiteral("-A"), QStringLiteral("scram-sha-256"),
         QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-locale"), QStringLiteral("--no-sync")},
        &out, 120000);
    QFile::remove(pwFile);
    if (!initOk)
        return fail(QStringLiteral("initdb failed: ") + out.right(2000));
    if (!runAsServerUser(QStringLiteral("mkdir"),
                         {QStringLiteral("-m"), QStringLiteral("700"), m_dir->filePath(QStringLiteral("sock"))}, &out))
        return fail(QStringLiteral("cannot create the socket folder: ") + out);
    if (m_tls) {
        const QString tls = m_dir->filePath(QStringLiteral("tls"));
        QString why;
        if (!makeCertificates(tls, host(), &why))
            return fail(QStringLiteral("cannot make the test certificates: ") + why);
        // The server reads its key as the server user; the folder is readable by all (the
        // CA certificate is public), the key by its owner alone.
        ::chmod(QFile::encodeName(tls).constData(), 0755);
        for (const char *f : {"ca.crt", "server.crt"})
            ::chmod(QFile::encodeName(tls + QLatin1Char('/') + QLatin1String(f)).constData(), 0644);
        if (m_asRoot && ::chown(QFile::encodeName(tls + QStringLiteral("/server.key")).constData(), uid, gid) != 0)
            return fail(QStringLiteral("cannot hand the server key to the postgres user"));
        qputenv("PGSSLROOTCERT", QFile::encodeName(caFile()));
    }

    QString startError;
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        if (m_port == 0)
            return fail(QStringLiteral("no free TCP port on 127.0.0.1"));
        if (!writePrivateFile(
                pgpassFile(),
                QStringLiteral("%1:%2:*:%3:%4\n").arg(host()).arg(m_port).arg(m_user, m_password).toUtf8()))
            return fail(QStringLiteral("cannot write the pgpass file"));
        if (start())
            break;
        startError = log().right(2000);
        QFile::remove(m_dir->filePath(QStringLiteral("server.log")));
    }
    if (!m_running)
        return fail(QStringLiteral("the server did not start: ") + startError);
    QString psqlError;
    if (!psql(QStringLiteral("CREATE DATABASE %1").arg(m_database), nullptr, &psqlError, {},
              QStringLiteral("postgres")))
        return fail(QStringLiteral("CREATE DATABASE failed: ") + psqlError);
    return true;
}

bool PgServer::start()
{
    if (m_running)
        return true;
    // fsync off: the tests kill processes, not the machine, and the OS keeps what was
    // written. synchronous_commit stays on: a killed server must keep every acknowledged commit.
    const QString options = QStringLiteral("-p %1 -k '%2' -c listen_addresses=127.0.0.1 -c fsync=off "
                                           "-c full_page_writes=off -c max_connections=60 "
                                           "-c shared_buffers=32MB -c log_connections=on")
                                .arg(m_port)
                                .arg(m_dir->filePath(QStringLiteral("sock"))) +
                            (m_tls ? QStringLiteral(" -c ssl=on -c ssl_cert_file='%1' -c ssl_key_file='%2'")
                                         .arg(m_dir->filePath(QStringLiteral("tls/server.crt")),
                                              m_dir->filePath(QStringLiteral("tls/server.key")))
                                   : QString());
    m_running =
        pgCtl({QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
               QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-o"), options},
              &m_lastError);
    return m_running;
}

bool PgServer::stop()
{
    if (!m_running)
        return true;
    if (!pgCtl({QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                QStringLiteral("-t"), QStringLiteral("60")},
               nullptr))
        return false;
    m_running = false;
    return true;
}

bool PgServer::stopImmediately()
{
    if (!m_running)
        return true;
    if (!pgCtl({QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
                QStringLiteral("-t"), QStringLiteral("60")},
               &m_lastError))
        return false;
    m_running = false;
    return true;
}

qint64 PgServer::postmasterPid() const
{
    QFile f(m_dir->filePath(QStringLiteral("data/postmaster.pid")));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readLine().trimmed().toLongLong();
}

void PgServer::kill()
{
    const qint64 pid = postmasterPid();
    if (pid > 0) {
        const QList<qint64> children = childrenOf(pid);
        ::kill(pid_t(pid), SIGKILL);
        for (qint64 c : children)
            ::kill(pid_t(c), SIGKILL);
        QList<qint64> all = children;
        all << pid;
        for (int i = 0; i < 200; ++i) {
            bool gone = true;
            for (qint64 p : all)
                gone = gone && processGone(p);
            if (gone)
                break;
            QThread::msleep(25);
        }
        // A crashed server's lock files name a pid that may stay a zombie (nobody reaps a
        // daemonised postmaster in a container): remove them so that start() recovers.
        QFile::remove(m_dir->filePath(QStringLiteral("data/postmaster.pid")));
        QFile::remove(m_dir->filePath(QStringLiteral("sock/.s.PGSQL.%1.lock").arg(m_port)));
        QFile::remove(m_dir->filePath(QStringLiteral("sock/.s.PGSQL.%1").arg(m_port)));
    }
    m_running = false;
}

bool PgServer::psql(const QString &sql, QString *out, QString *error, const QString &user,
                    const QString &database) const
{
    QProcess p;
    p.setProcessEnvironment(env());
    p.start(m_bin + QStringLiteral("/psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
             QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), host(),
             QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), user.isEmpty() ? m_user : user,
             QStringLiteral("-d"), database.isEmpty() ? m_database : database, QStringLiteral("-c"), sql});
    const bool finished = p.waitForStarted(30000) && p.waitForFinished(120000);
    if (!finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    if (error)
        *error = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString PgServer::log() const
{
    if (!m_dir)
        return {};
    QFile f(m_dir->filePath(QStringLiteral("server.log")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace branchtest
