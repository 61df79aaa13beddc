// Test support: a throwaway PostgreSQL 15 server of the tests' own, in a temporary
// folder, listening on 127.0.0.1 on a free port (never the system's cluster on 5432).
// A superuser with a random password (SCRAM) written to a pgpass file in the folder, one
// database created. The destructor stops the server and removes everything.
//
// TLS: by default the server speaks TLS with a certificate for 127.0.0.1 from a throwaway
// CA made here with the openssl tool, and setUp() points PGSSLROOTCERT (this process's,
// and so every child's) at that CA, as BranchDesk's connections verify the certificate
// and the host name (sslmode=verify-full). setTls(false) before setUp(): a server without
// TLS, to show that BranchDesk refuses it.
//
// initdb and postgres refuse to run as root: when the tests run as root, the server runs
// as the `postgres` system user (created by Debian's postgresql-15 package) through
// runuser, and the folder is handed to that user.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace branchtest
{

class PgServer
{
public:
    PgServer();
    ~PgServer();
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    // The folder of the server binaries: $BRANCHDESK_PG_BINDIR, else
    // /usr/lib/postgresql/15/bin. Empty when initdb or postgres is not there.
    static QString binDir();

    void setTls(bool on) { m_tls = on; }
    bool tls() const { return m_tls; }
    QString caFile() const; // the CA certificate of the server's (empty without TLS)

    // A CA and a server certificate signed by it, for the IP address `ip` only, in `folder`:
    // ca.crt, ca.key, server.crt, server.key (private). False with the tool's words on failure.
    static bool makeCertificates(const QString &folder, const QString &ip, QString *error);

    // initdb, start, create the database. False with a reason on failure;
    // binariesMissing() then tells whether the server is simply not installed.
    bool setUp(QString *error);
    bool binariesMissing() const { return m_binariesMissing; }

    // Fault injection: a clean stop (fast shutdown), a restart on the same port, and a
    // SIGKILL of the postmaster and every backend (a crash; start() recovers).
    bool stop();
    bool start();
    void kill();
    bool isRunning() const { return m_running; }
    // An immediate shutdown (pg_ctl stop -m immediate): every backend is told to quit at
    // once, nothing is checkpointed, and start() recovers from the WAL like after a crash.
    bool stopImmediately();

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString database() const { return m_database; }
    QString pgpassFile() const;
    QString dir() const { return m_dir ? m_dir->path() : QString(); }

    // postgresql://USER@127.0.0.1:PORT/DB (no password: it is in the pgpass file).
    QString url() const { return urlFor(m_user, m_database); }
    QString urlFor(const QString &user, const QString &database) const;
    // The system environment with PGPASSFILE pointing at the server's pgpass file and no
    // PGPASSWORD: what a child branchctl needs to connect as any user listed there.
    QProcessEnvironment env() const;
    // Adds a line to the pgpass file (e.g. a branch role's password).
    bool addPassword(const QString &user, const QString &password);

    // Runs SQL through psql as `user` (default: the superuser) on `database` (default: the
    // test database); true when psql exited 0. `out` gets the unaligned, tuples-only output.
    bool psql(const QString &sql, QString *out = nullptr, QString *error = nullptr, const QString &user = {},
              const QString &database = {}) const;

    // The server log (for failure messages) and what the last failed pg_ctl said.
    QString log() const;
    QString lastError() const { return m_lastError; }

private:
    bool runAsServerUser(const QString &program, const QStringList &args, QString *output, int timeoutMs = 60000);
    bool pgCtl(const QStringList &args, QString *error);
    qint64 postmasterPid() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_tls = true;
    QString m_bin;
    QString m_user = QStringLiteral("bdadmin");
    QString m_password;
    QString m_database = QStringLiteral("central");
    int m_port = 0;
    bool m_asRoot = false;
    bool m_running = false;
    bool m_binariesMissing = false;
    QString m_lastError;
};

} // namespace branchtest

// Sets the server up or ends the test: a QSKIP with the reason only when the server is
// not installed AND BRANCHDESK_ALLOW_NO_PG=1; otherwise a failure (CI must not skip).
#define PG_SET_UP_OR_END(server)                                                                                       \
    do {                                                                                                               \
        QString pgWhy_;                                                                                                \
        if (!(server).setUp(&pgWhy_)) {                                                                                \
            if ((server).binariesMissing() && qgetenv("BRANCHDESK_ALLOW_NO_PG") == "1")                                \
                QSKIP(qPrintable(QStringLiteral("no PostgreSQL 15 server (BRANCHDESK_ALLOW_NO_PG=1): ") + pgWhy_));    \
            QFAIL(qPrintable(QStringLiteral("cannot start the test PostgreSQL server: ") + pgWhy_));                   \
        }                                                                                                              \
    } while (false)
