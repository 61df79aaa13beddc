// `branchctl central init` through the real binary, against a PostgreSQL 15 of the test's
// own (tests/support/PgServer) and a SQLite central file: the schema is created, a second
// init changes nothing, a newer or foreign schema is refused untouched, bad URLs give exit 1,
// an unreachable or refusing server exit 3, and no password ever shows.
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using branchtest::CliResult;
using branchtest::PgServer;

namespace
{

const QStringList kTables = {
    QStringLiteral("branches"),        QStringLiteral("registry_persons"), QStringLiteral("mobile_owners"),
    QStringLiteral("requests"),        QStringLiteral("accounts"),         QStringLiteral("sms_messages"),
    QStringLiteral("recoveries"),      QStringLiteral("changes"),          QStringLiteral("applied_batches"),
    QStringLiteral("conflicts"),       QStringLiteral("audit_chains"),     QStringLiteral("central_audit"),
    QStringLiteral("branch_persons"),  QStringLiteral("person_fetches"),   QStringLiteral("audit_alerts"),
    QStringLiteral("branch_contacts"), QStringLiteral("review_proposals")};

// The central schema version this program creates.
constexpr int kCentralVersion = 8;

// A listening socket that never accepts: connections hang until the client gives up.
class SilentPort
{
public:
    SilentPort()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 && ::listen(m_fd, 8) == 0 &&
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
            m_port = ntohs(a.sin_port);
    }
    ~SilentPort()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

// A port with nothing listening (bound, then closed).
int closedPort()
{
    SilentPort p;
    return p.port();
}

} // namespace

class TestCentralInit : public QObject
{
    Q_OBJECT

    PgServer m_pg;
    QTemporaryDir m_dir;
    int m_count = 0;

    // A new, empty central database of `dialect`; its URL.
    QString newCentral(const QString &dialect)
    {
        ++m_count;
        if (dialect == QLatin1String("sqlite"))
            return QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("central%1.db").arg(m_count));
        const QString name = QStringLiteral("central_%1").arg(m_count);
        QString err;
        if (!m_pg.psql(QStringLiteral("CREATE DATABASE %1").arg(name), nullptr, &err, {}, QStringLiteral("postgres")))
            qWarning("CREATE DATABASE failed: %s", qPrintable(err));
        return m_pg.urlFor(m_pg.user(), name);
    }

    CliResult init(const QString &url, const QStringList &extra = {})
    {
        return branchtest::runCli(
            clitest::branchctl(),
            QStringList{QStringLiteral("central"), QStringLiteral("init"), QStringLiteral("--central"), url} + extra,
            {}, env());
    }

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = m_pg.env();
        e.insert(QStringLiteral("BRANCHDESK_KDF_PROFILE"), QStringLiteral("test"));
        e.remove(QStringLiteral("BRANCHDESK_DB"));
        return e;
    }

    // One SQL query on the central database at `url`, as the admin; the first column of
    // each row, joined by '\n'.
    QString query(const QString &url, const QString &sql)
    {
        if (url.startsWith(QLatin1String("sqlite://"))) {
            const QString name = QUuid::createUuid().toString();
            QString out;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(url.mid(9));
                QStringList rows;
                if (db.open()) {
                    QSqlQuery q(db);
                    if (q.exec(sql))
                        while (q.next())
                            rows << q.value(0).toString();
                    else
                        qWarning("query failed: %s", qPrintable(sql));
                }
                out = rows.join(QLatin1Char('\n'));
            }
            QSqlDatabase::removeDatabase(name);
            return out;
        }
        QString out, err;
        const QString dbName = url.mid(url.lastIndexOf(QLatin1Char('/')) + 1);
        if (!m_pg.psql(sql, &out, &err, {}, dbName))
            qWarning("psql failed: %s", qPrintable(err));
        return out;
    }

    QString tableCountSql(const QString &url) const
    {
        const QString list = QLatin1Char('\'') + kTables.join(QLatin1String("','")) + QLatin1Char('\'');
        return url.startsWith(QLatin1String("sqlite://"))
                   ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (%1)")
                         .arg(list)
                   : QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN (%1)")
                         .arg(list);
    }

    static QString code(const CliResult &r) { return clitest::codesOf(r.json().object()).value(0); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        PG_SET_UP_OR_END(m_pg);
    }

    void dialects_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
    }

    void initCreatesTheSchema_data() { dialects_data(); }
    void initCreatesTheSchema()
    {
        QFETCH(QString, dialect);
        const QString url = newCentral(dialect);
        const CliResult r = init(url);
        CLI_EXPECT(r, 0);
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("dialect")).toString(), dialect);
        QCOMPARE(o.value(QStringLiteral("schema_version")).toInt(), kCentralVersion);
        QCOMPARE(o.value(QStringLiteral("previous_version")).toInt(), 0);
        QCOMPARE(query(url, tableCountSql(url)).toInt(), int(kTables.size()));

        // The change log numbers what is written, by trigger.
        query(url, QStringLiteral("INSERT INTO mobile_owners (national_code, mobile) VALUES ('0012345679', "
                                  "'09121234567')"));
        QCOMPARE(query(url, QStringLiteral("SELECT table_name || '|' || row_id || '|' || op FROM changes")),
                 QStringLiteral("mobile_owners|0012345679:09121234567|upsert"));
    }

    void secondInitChangesNothing_data() { dialects_data(); }
    void secondInitChangesNothing()
    {
        QFETCH(QString, dialect);
        const QString url = newCentral(dialect);
        CLI_EXPECT(init(url), 0);
        query(url, QStringLiteral("INSERT INTO mobile_owners (national_code, mobile) VALUES ('0012345679', "
                                  "'09121234567')"));
        const QString before = query(url, QStringLiteral("SELECT count(*) FROM changes"));
        const CliResult again = init(url);
        CLI_EXPECT(again, 0);
        QCOMPARE(again.json().object().value(QStringLiteral("schema_version")).toInt(), kCentralVersion);
        QCOMPARE(again.json().object().value(QStringLiteral("previous_version")).toInt(), kCentralVersion);
        QCOMPARE(query(url, QStringLiteral("SELECT count(*) FROM mobile_owners")), QStringLiteral("1"));
        QCOMPARE(query(url, QStringLiteral("SELECT count(*) FROM changes")), before);
        if (dialect == QLatin1String("postgresql"))
            QCOMPARE(query(url, QStringLiteral("SELECT count(*) || ':' || max(version) FROM schema_version")),
                     QStringLiteral("1:%1").arg(kCentralVersion));
    }

    // A central database made by the previous version (schema 1, with rows) is migrated by
    // init to the current one: its rows stay, the new tables appear, the version moves on.
    void initMigratesVersion1_data() { dialects_data(); }
    void initMigratesVersion1()
    {
        QFETCH(QString, dialect);
        const QString url = newCentral(dialect);
        QFile f(QStringLiteral(BRANCH_SOURCE_DIR "/db/central/%1/001_initial.sql")
                    .arg(dialect == QLatin1String("sqlite") ? QStringLiteral("sqlite") : QStringLiteral("pg")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString v1 = QString::fromUtf8(f.readAll());
        const QString row = QStringLiteral("INSERT INTO mobile_owners (national_code, mobile) VALUES ('0012345679', "
                                           "'09121234567');");
        if (dialect == QLatin1String("sqlite")) {
            bool ok = false;
            clitest::sqlite(url.mid(9), v1 + QStringLiteral("\nPRAGMA user_version = 1;\n") + row, &ok);
            QVERIFY(ok);
        } else {
            QString err;
            const QString dbName = url.mid(url.lastIndexOf(QLatin1Char('/')) + 1);
            QVERIFY2(m_pg.psql(v1 + QStringLiteral("\nINSERT INTO schema_version (version) VALUES (1);\n") + row,
                               nullptr, &err, {}, dbName),
                     qPrintable(err));
        }
        QCOMPARE(query(url, tableCountSql(url)).toInt(),
                 int(kTables.size()) - 6); // central_audit: 2; the held persons: 6; alerts, contacts, proposals: 7

        const CliResult r = init(url);
        CLI_EXPECT(r, 0);
        QCOMPARE(r.json().object().value(QStringLiteral("previous_version")).toInt(), 1);
        QCOMPARE(r.json().object().value(QStringLiteral("schema_version")).toInt(), kCentralVersion);
        QCOMPARE(query(url, tableCountSql(url)).toInt(), int(kTables.size()));
        QCOMPARE(query(url, QStringLiteral("SELECT national_code || ':' || mobile FROM mobile_owners")),
                 QStringLiteral("0012345679:09121234567"));
    }

    // Schema 5: a recovery code an older branch pushed (in an SMS text) is wiped from the
    // rows and the change log.
    void initWipesPushedRecoveryCodes_data() { dialects_data(); }
    void initWipesPushedRecoveryCodes()
    {
        QFETCH(QString, dialect);
        const QString url = newCentral(dialect);
        // A central database at version 4, as an older BranchDesk left it.
        QString v4;
        for (const char *file : {"001_initial", "002_central_audit", "003_statement_changes", "004_push_cost"}) {
            QFile f(QStringLiteral(BRANCH_SOURCE_DIR "/db/central/%1/%2.sql")
                        .arg(dialect == QLatin1String("sqlite") ? QStringLiteral("sqlite") : QStringLiteral("pg"),
                             QString::fromLatin1(file)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            v4 += QString::fromUtf8(f.readAll()) + QLatin1Char('\n');
        }
        const QString row =
            v4 +
            QStringLiteral(
                "INSERT INTO sms_messages (id, branch_code, version, national_code, mobile, kind, text, created_at, "
                "status) VALUES ('6f1c2a4e-8b0d-4c1e-9a7f-3d2b1c0e9f8a', '1001', 1, '0012345679', '09121234567', "
                "'recovery_code', 'شناسه بازیابی گذرواژه شما: 482915', '2025-05-10T09:00:00.000Z', 'queued'), "
                "('7a2d3b5f-9c1e-4d2f-8b6a-4e3c2d1f0a9b', '1001', 1, '0012345679', '09121234567', 'activated', "
                "'خوش آمدید 482915', '2025-05-10T09:00:00.000Z', 'queued');");
        if (dialect == QLatin1String("sqlite")) {
            bool ok = false;
            clitest::sqlite(url.mid(9), row + QStringLiteral("\nPRAGMA user_version = 4;\n"), &ok);
            QVERIFY(ok);
        } else {
            QString err;
            const QString dbName = url.mid(url.lastIndexOf(QLatin1Char('/')) + 1);
            QVERIFY2(m_pg.psql(row + QStringLiteral("\nINSERT INTO schema_version (version) VALUES (4);\n"), nullptr,
                               &err, {}, dbName),
                     qPrintable(err));
        }
        const QString inLog = QStringLiteral("SELECT count(*) FROM changes WHERE table_name = 'sms_messages' AND "
                                             "CAST(payload AS text) LIKE '%482915%' AND row_id LIKE '6f1c%'");
        QCOMPARE(query(url, inLog).toInt(), 1);

        const CliResult r = init(url);
        CLI_EXPECT(r, 0);
        QCOMPARE(r.json().object().value(QStringLiteral("previous_version")).toInt(), 4);
        QCOMPARE(query(url, QStringLiteral("SELECT text FROM sms_messages WHERE kind = 'recovery_code'")), QString());
        QCOMPARE(query(url, QStringLiteral("SELECT text FROM sms_messages WHERE kind = 'activated'")),
                 QStringLiteral("خوش آمدید 482915")); // other texts stay
        QCOMPARE(query(url, inLog).toInt(), 0);
    }

    void newerSchemaIsRefused_data() { dialects_data(); }
    void newerSchemaIsRefused()
    {
        QFETCH(QString, dialect);
        const QString url = newCentral(dialect);
        CLI_EXPECT(init(url), 0);
        const bool pg = dialect == QLatin1String("postgresql");
        query(url, pg ? QStringLiteral("UPDATE schema_version SET version = 99")
                      : QStringLiteral("PRAGMA user_version = 99"));
        const CliResult r = init(url, {QStringLiteral("--lang"), QStringLiteral("en")});
        CLI_REFUSED(r, 3);
        QCOMPARE(code(r), QStringLiteral("central.newer_schema"));
        QVERIFY2(r.errText().contains(QLatin1String("newer version")), qPrintable(r.errText()));
        QCOMPARE(query(url, pg ? QStringLiteral("SELECT version FROM schema_version")
                               : QStringLiteral("PRAGMA user_version")),
                 QStringLiteral("99"));
    }

    void foreignDatabaseIsLeftAlone_data() { dialects_data(); }
    void foreignDatabaseIsLeftAlone()
    {
        QFETCH(QString, dialect);
        const QString url = newCentral(dialect);
        query(url, QStringLiteral("CREATE TABLE payroll (id integer PRIMARY KEY, amount integer)"));
        const CliResult r = init(url);
        CLI_REFUSED(r, 3);
        QCOMPARE(code(r), QStringLiteral("central.not_initialised"));
        QCOMPARE(query(url, tableCountSql(url)).toInt(), 0);
    }

    void badUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("empty") << QString();
        QTest::newRow("mysql") << QStringLiteral("mysql://u@h:3306/db");
        QTest::newRow("no user") << QStringLiteral("postgresql://127.0.0.1:5432/central");
        QTest::newRow("password") << QStringLiteral("postgresql://admin:S3cret-in-url@127.0.0.1:5432/central");
        QTest::newRow("port") << QStringLiteral("postgresql://admin@127.0.0.1:99999/central");
        QTest::newRow("no database") << QStringLiteral("postgresql://admin@127.0.0.1:5432/");
        QTest::newRow("relative sqlite") << QStringLiteral("sqlite://central.db");
        QTest::newRow("plain path") << QStringLiteral("/tmp/central.db");
    }
    void badUrls()
    {
        QFETCH(QString, url);
        for (const QString &lang : QStringList{QStringLiteral("en"), QStringLiteral("fa")}) {
            const CliResult r = init(url, {QStringLiteral("--lang"), lang});
            CLI_REFUSED(r, 1);
            QVERIFY(clitest::isOneJson(r));
            QCOMPARE(code(r), QStringLiteral("central.bad_url"));
            QVERIFY2(!r.out.contains("S3cret-in-url") && !r.err.contains("S3cret-in-url"), qPrintable(r.errText()));
            if (lang == QLatin1String("fa"))
                QVERIFY2(r.errText().contains(QChar(0x0627)), qPrintable(r.errText())); // Persian text (ا)
        }
    }

    void missingOptionIsAUsageError()
    {
        const CliResult r =
            branchtest::runCli(clitest::branchctl(), {QStringLiteral("central"), QStringLiteral("init")}, {}, env());
        CLI_REFUSED(r, 2);
    }

    void closedPortIsUnreachable()
    {
        const QString url = QStringLiteral("postgresql://%1@127.0.0.1:%2/central").arg(m_pg.user()).arg(closedPort());
        for (const QString &lang : QStringList{QStringLiteral("en"), QStringLiteral("fa")}) {
            const CliResult r = init(url, {QStringLiteral("--lang"), lang});
            CLI_REFUSED(r, 3);
            QCOMPARE(code(r), QStringLiteral("central.unreachable"));
            if (lang == QLatin1String("fa"))
                QVERIFY2(r.errText().contains(QChar(0x0627)), qPrintable(r.errText()));
            else
                QVERIFY2(r.errText().contains(QLatin1String("cannot be reached")), qPrintable(r.errText()));
        }
    }

    void stoppedServerIsUnreachableThenRecovers()
    {
        const QString url = newCentral(QStringLiteral("postgresql"));
        QVERIFY(m_pg.stop());
        const CliResult down = init(url);
        QVERIFY2(m_pg.start(), qPrintable(m_pg.lastError()));
        CLI_REFUSED(down, 3);
        QCOMPARE(code(down), QStringLiteral("central.unreachable"));
        CLI_EXPECT(init(url), 0);

        m_pg.kill(); // a crash rather than a shutdown
        const CliResult crashed = init(url);
        QVERIFY2(m_pg.start(), qPrintable(m_pg.lastError()));
        CLI_REFUSED(crashed, 3);
        const CliResult after = init(url);
        CLI_EXPECT(after, 0);
        QCOMPARE(after.json().object().value(QStringLiteral("previous_version")).toInt(), kCentralVersion);
    }

    void wrongPasswordIsAnAuthFailureAndNeverShown()
    {
        const QString url = newCentral(QStringLiteral("postgresql"));
        QProcessEnvironment e = env();
        const QString wrong = QStringLiteral("Wrong-Pass-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        e.insert(QStringLiteral("PGPASSWORD"), wrong); // PGPASSWORD wins over the pgpass file
        const CliResult r =
            branchtest::runCli(clitest::branchctl(),
                               {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("central"),
                                QStringLiteral("init"), QStringLiteral("--central"), url},
                               {}, e);
        CLI_REFUSED(r, 3);
        QCOMPARE(code(r), QStringLiteral("central.auth_failed"));
        QVERIFY(!r.out.contains(wrong.toUtf8()) && !r.err.contains(wrong.toUtf8()));
        QVERIFY(!r.out.contains(m_pg.password().toUtf8()) && !r.err.contains(m_pg.password().toUtf8()));

        // The right one from PGPASSWORD works as well as from the pgpass file.
        e.insert(QStringLiteral("PGPASSWORD"), m_pg.password());
        e.remove(QStringLiteral("PGPASSFILE"));
        const CliResult ok = branchtest::runCli(
            clitest::branchctl(), {QStringLiteral("central"), QStringLiteral("init"), QStringLiteral("--central"), url},
            {}, e);
        CLI_EXPECT(ok, 0);
        QVERIFY(!ok.out.contains(m_pg.password().toUtf8()) && !ok.err.contains(m_pg.password().toUtf8()));
    }

    // While branchctl waits for a server that never answers, its command line (what `ps`
    // shows every user) holds the URL and no password; then it gives up with exit 3.
    void passwordNeverOnTheCommandLine()
    {
        SilentPort silent;
        QVERIFY(silent.port() > 0);
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("PGPASSWORD"), m_pg.password());
        e.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("3"));
        QProcess p;
        p.setProcessEnvironment(e);
        p.start(clitest::branchctl(),
                {QStringLiteral("central"), QStringLiteral("init"), QStringLiteral("--central"),
                 QStringLiteral("postgresql://%1@127.0.0.1:%2/central").arg(m_pg.user()).arg(silent.port())});
        QVERIFY(p.waitForStarted());
        QTest::qWait(700);
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(p.processId()));
        QVERIFY2(cmdline.open(QIODevice::ReadOnly), "branchctl ended before its command line could be read");
        const QByteArray args = cmdline.readAll();
        QVERIFY2(args.contains("central") && args.contains("127.0.0.1"), args.constData());
        QVERIFY(!args.contains(m_pg.password().toUtf8()));
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 3);
        const QByteArray all = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY(!all.contains(m_pg.password().toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCentralInit)
#include "TestCentralInit.moc"
