// The transport to the central PostgreSQL (issue 13 item 4), through the real branchctl:
// every connection is TLS with the certificate checked against the CA and the host name
// against the certificate (sslmode=verify-full). The test servers are tests/support/PgServer
// with a throwaway CA made with openssl. Refused, each with its own code and message,
// exit 3 and nothing written: a server without TLS, a certificate from another CA, a
// certificate for another host name, no CA file at all. The CA comes from PGSSLROOTCERT or,
// without it, from the setting sync/caFile. The server's log shows the connection was TLS.
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"

#include <QDir>
#include <QTemporaryDir>

using branchtest::CliResult;
using branchtest::PgServer;
using namespace Qt::StringLiterals;

class TestCentralTls : public QObject
{
    Q_OBJECT

    PgServer m_plain; // no TLS
    PgServer m_pg;    // TLS, its CA in PGSSLROOTCERT
    QTemporaryDir m_dir;

    QProcessEnvironment env(const PgServer &server, const QString &caFile) const
    {
        QProcessEnvironment e = clitest::cliEnv();
        e.insert(u"PGPASSFILE"_s, server.pgpassFile());
        e.remove(u"PGPASSWORD"_s);
        e.insert(u"PGCONNECT_TIMEOUT"_s, u"5"_s);
        e.insert(u"HOME"_s, m_dir.filePath(u"home"_s)); // no ~/.postgresql/root.crt, no desk settings
        e.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
        if (caFile.isNull())
            e.remove(u"PGSSLROOTCERT"_s);
        else
            e.insert(u"PGSSLROOTCERT"_s, caFile);
        return e;
    }
    CliResult init(const QString &url, const QProcessEnvironment &e) const
    {
        return branchtest::runCli(clitest::branchctl(),
                                  {u"--lang"_s, u"en"_s, u"central"_s, u"init"_s, u"--central"_s, url}, {}, e);
    }
    static QString errorCode(const CliResult &r)
    {
        return r.json().object().value(u"errors"_s).toArray().at(0).toObject().value(u"code"_s).toString();
    }
    // The central's tables in the public schema: none after a refused init.
    static QString tableCount(const PgServer &server)
    {
        QString out;
        server.psql(u"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"_s, &out);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(u"home/.config"_s)));
        m_plain.setTls(false);
        PG_SET_UP_OR_END(m_plain);
        PG_SET_UP_OR_END(m_pg); // sets this process's PGSSLROOTCERT to its CA
        QVERIFY(QFileInfo::exists(m_pg.caFile()));
        QString why;
        QVERIFY2(PgServer::makeCertificates(m_dir.filePath(u"other-ca"_s), m_pg.host(), &why), qPrintable(why));
    }

    // The refusals: each its own code, exit 3, the central untouched.
    void refused_data()
    {
        QTest::addColumn<QString>("server"); // "plain" or "tls"
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("ca"); // "own", "other", "missing" or "none" (no PGSSLROOTCERT)
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("words"); // in the English message
        QTest::newRow("server without TLS")
            << u"plain"_s << u"127.0.0.1"_s << u"own"_s << u"central.tls_unavailable"_s << u"does not offer"_s;
        QTest::newRow("certificate of another CA") << u"tls"_s << u"127.0.0.1"_s << u"other"_s
                                                   << u"central.tls_untrusted"_s << u"not signed by the trusted CA"_s;
        QTest::newRow("certificate for another host name")
            << u"tls"_s << u"localhost"_s << u"own"_s << u"central.tls_wrong_host"_s << u"another host name"_s;
        QTest::newRow("CA file missing") << u"tls"_s << u"127.0.0.1"_s << u"missing"_s << u"central.tls_no_ca"_s
                                         << u"no CA certificate"_s;
        QTest::newRow("no CA set at all")
            << u"tls"_s << u"127.0.0.1"_s << u"none"_s << u"central.tls_no_ca"_s << u"no CA certificate"_s;
    }
    void refused()
    {
        QFETCH(QString, server);
        QFETCH(QString, host);
        QFETCH(QString, ca);
        QFETCH(QString, code);
        QFETCH(QString, words);
        const PgServer &pg = server == u"plain"_s ? m_plain : m_pg;
        const QString caFile = ca == u"own"_s       ? m_pg.caFile()
                               : ca == u"other"_s   ? m_dir.filePath(u"other-ca/ca.crt"_s)
                               : ca == u"missing"_s ? m_dir.filePath(u"nowhere/ca.crt"_s)
                                                    : QString();
        const QString url = u"postgresql://%1@%2:%3/%4"_s.arg(pg.user(), host).arg(pg.port()).arg(pg.database());
        const CliResult r = init(url, env(pg, caFile));
        CLI_EXPECT(r, 3);
        QCOMPARE(errorCode(r), code);
        QVERIFY2(r.errText().contains(words, Qt::CaseInsensitive), qPrintable(r.errText()));
        QCOMPARE(tableCount(pg), u"0"_s);
    }

    // The CA from PGSSLROOTCERT; the connection is TLS (the server's log says so).
    void verifiedWithTheCaInTheEnvironment()
    {
        const CliResult r = init(m_pg.url(), env(m_pg, m_pg.caFile()));
        CLI_EXPECT(r, 0);
        QVERIFY(tableCount(m_pg).toInt() > 0);
        static const QRegularExpression tlsLine(
            uR"(connection authorized: user=\S+ database=\S+ application_name=branchdesk SSL enabled)"_s);
        QVERIFY2(tlsLine.match(m_pg.log()).hasMatch(), qPrintable(m_pg.log().right(3000)));
    }

    // Without PGSSLROOTCERT, the setting sync/caFile names the CA (the desk's settings file).
    void verifiedWithTheCaInTheSettings()
    {
        QVERIFY(QDir().mkpath(m_dir.filePath(u"home/.config/BranchDesk"_s)));
        QFile ini(m_dir.filePath(u"home/.config/BranchDesk/branchdesk.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[sync]\ncaFile=" + QFile::encodeName(m_pg.caFile()) + "\n");
        ini.close();
        const CliResult r = init(m_pg.url(), env(m_pg, QString()));
        QFile::remove(ini.fileName());
        CLI_EXPECT(r, 0);
    }
};

QTEST_GUILESS_MAIN(TestCentralTls)
#include "TestCentralTls.moc"
