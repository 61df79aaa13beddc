// The central trust boundary from the attacker's side (issue 13): psql connected over
// verified TLS as branch 1001's role (branch_1001, as a stolen branch password would give)
// tries to read branch 1002's people, to overwrite them, to forge a status, to write the
// references and the change log, and to push through the server's own functions what no
// branch action pushes. Each is refused or sees nothing, and the admin's view shows that
// nothing changed. Then the legitimate paths: a fetch for a visit, a push for the fetched
// person, an activation that matches the civil registry.
#include "tests/cli/CliTestUtil.h"
#include "tests/support/PgServer.h"

#include <QUuid>

using branchtest::CliResult;
using branchtest::PgServer;

namespace
{

const QString kPassword1001 = QStringLiteral("branch-1001-password-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
const QString kPassword1002 = QStringLiteral("branch-1002-password-%1").arg(QUuid::createUuid().toString(QUuid::Id128));

// Persons: nc1 registered through 1001 (its request's names differ from the registry's);
// nc2, nc3 through 1002 (nc3 has an account, an SMS and a recovery); nc4 known only to the
// registry; nc5 unknown everywhere.
const QString nc1 = QStringLiteral("0012345679");
const QString nc2 = QStringLiteral("0023456787");
const QString nc3 = QStringLiteral("0034567895");
const QString nc4 = QStringLiteral("0045678911");
const QString nc5 = QStringLiteral("0056789122");
const QString r1 = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString r2 = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString r3 = QStringLiteral("33333333-3333-4333-8333-333333333333");
const QString a3 = QStringLiteral("a3a3a3a3-a3a3-4a3a-8a3a-a3a3a3a3a3a3");
const QString s3 = QStringLiteral("5e5e5e5e-5e5e-4e5e-8e5e-5e5e5e5e5e5e");
const QString c3 = QStringLiteral("c3c3c3c3-c3c3-4c3c-8c3c-c3c3c3c3c3c3");
const QString kSecretHash = QStringLiteral("scrypt$1002-password-hash");
const QString kCodeHash = QStringLiteral("scrypt$1002-code-hash");

QString requestRow(const QString &id, const QString &branch, const QString &code, const QString &first,
                   const QString &status)
{
    return QStringLiteral("('%1', '%2', 1, '%3', '09121111111', '%4', 'رضایی', '%4', 'رضایی', '12345', "
                          "'1985-07-03', 'M', 'scrypt$request-hash', '[]', '%5', '2026-11-25T09:30:00Z', "
                          "'2026-11-25T09:30:00Z')")
        .arg(id, branch, code, first, status);
}

// A request as a branch pushes it (the local row's travelling form).
QString pushedRequest(const QString &id, const QString &code, const QString &first, const QString &status, int version,
                      const QString &extra = {})
{
    return QStringLiteral(
               "{\"id\": \"%1\", \"branch_code\": \"1001\", \"version\": %2, \"national_code\": \"%3\", "
               "\"mobile\": \"09121111111\", \"first_name\": \"%4\", \"last_name\": \"رضایی\", "
               "\"first_name_norm\": \"%4\", \"last_name_norm\": \"رضایی\", \"birth_cert_no\": \"12345\", "
               "\"birth_date\": \"1985-07-03\", \"gender\": \"M\", \"email\": \"\", \"password_hash\": \"\", "
               "\"questions_json\": \"[]\", \"status\": \"%5\", \"submitted_at\": "
               "\"2026-11-25T09:30:00Z\", \"decided_at\": null, \"updated_at\": \"2026-12-01T10:00:00Z\", "
               "\"updated_by\": \"clerk\"%6}")
        .arg(id)
        .arg(version)
        .arg(code, first, status, extra);
}

QString pushedAccount(const QString &mobile, int version, const QString &passwordHash = {})
{
    return QStringLiteral("{\"id\": \"%1\", \"branch_code\": \"1001\", \"version\": %2, \"national_code\": \"%3\", "
                          "\"request_id\": \"%4\", \"mobile\": \"%5\", \"first_name\": \"علی\", \"last_name\": "
                          "\"رضایی\", \"gender\": \"M\", \"password_hash\": \"%6\", \"questions_json\": \"[]\", "
                          "\"created_at\": \"2026-11-26T09:00:00Z\", \"updated_at\": \"2026-12-01T10:00:00Z\", "
                          "\"updated_by\": \"clerk\"}")
        .arg(a3)
        .arg(version)
        .arg(nc3, r3, mobile, passwordHash);
}

} // namespace

using namespace Qt::StringLiterals;

class TestCentralBoundary : public QObject
{
    Q_OBJECT

    PgServer m_pg;
    const QString m_branch = QStringLiteral("branch_1001");

    CliResult ctl(const QStringList &args, const QByteArray &input = {})
    {
        QProcessEnvironment e = m_pg.env();
        e.insert(QStringLiteral("BRANCHDESK_KDF_PROFILE"), QStringLiteral("test"));
        return branchtest::runCli(clitest::branchctl(), args, input, e);
    }

    // As the admin (the tables' owner): the value of a one-value query.
    QString adminValue(const QString &sql)
    {
        QString out, error;
        if (!m_pg.psql(sql, &out, &error))
            qWarning("admin query failed: %s", qPrintable(error));
        return out;
    }
    // As branch 1001's role: true when the statement ran; `out`/`error` get what psql said.
    bool asBranch(const QString &sql, QString *out = nullptr, QString *error = nullptr)
    {
        return m_pg.psql(sql, out, error, m_branch);
    }
    // The statement is refused for lack of a privilege (not merely failing otherwise).
    void expectDenied(const QString &sql)
    {
        QString error;
        QVERIFY2(!asBranch(sql, nullptr, &error), qPrintable(QStringLiteral("ran as the branch: ") + sql));
        QVERIFY2(error.contains(QLatin1String("permission denied")) || error.contains(QLatin1String("42501")) ||
                     error.contains(QLatin1String("row-level security")),
                 qPrintable(sql + QStringLiteral(" → ") + error));
    }
    // A push through the server's function; refused with `why` in the message.
    void expectPushRefused(const QString &table, const QString &rowsJson, const QString &why)
    {
        QString error;
        QVERIFY2(!asBranch(QStringLiteral("SELECT branchdesk_push_rows('%1', '%2'::jsonb)").arg(table, rowsJson),
                           nullptr, &error),
                 qPrintable(QStringLiteral("push accepted: ") + rowsJson));
        QVERIFY2(error.contains(why), qPrintable(error));
    }
    QString fingerprint()
    {
        // Everything a branch could damage, as the admin sees it.
        return adminValue(QStringLiteral(
            "SELECT md5(string_agg(x, '|' ORDER BY x)) FROM ("
            "SELECT to_jsonb(r)::text AS x FROM requests AS r UNION ALL SELECT to_jsonb(a)::text FROM accounts AS a "
            "UNION ALL SELECT to_jsonb(s)::text FROM sms_messages AS s UNION ALL SELECT to_jsonb(c)::text FROM "
            "recoveries AS c UNION ALL SELECT to_jsonb(g)::text FROM registry_persons AS g UNION ALL SELECT "
            "to_jsonb(m)::text FROM mobile_owners AS m UNION ALL SELECT count(*)::text FROM changes UNION ALL "
            "SELECT 'b' || count(*)::text FROM branch_persons) AS t"));
    }

private slots:
    void initTestCase()
    {
        PG_SET_UP_OR_END(m_pg);
        qputenv("PGPASSFILE", m_pg.pgpassFile().toLocal8Bit());
        qputenv("PGSSLMODE", "verify-full"); // psql too checks the server's certificate and name
        CLI_EXPECT(ctl({QStringLiteral("central"), QStringLiteral("init"), QStringLiteral("--central"), m_pg.url()}),
                   0);
        for (const auto &[code, password] :
             {std::pair{QStringLiteral("1001"), kPassword1001}, std::pair{QStringLiteral("1002"), kPassword1002}}) {
            CLI_EXPECT(ctl({QStringLiteral("central"), QStringLiteral("add-branch"), code, QStringLiteral("--central"),
                            m_pg.url()},
                           password.toUtf8() + '\n'),
                       0);
            QVERIFY(m_pg.addPassword(QStringLiteral("branch_") + code, password));
        }
        // The data, as the owner writes it (the central verifier and the imports do).
        QString error;
        QVERIFY2(
            m_pg.psql(QStringLiteral("INSERT INTO registry_persons VALUES "
                                     "('%1', 'علی', 'رضایی', '', 'علی', 'رضایی', '', '12345', '1985-07-03', 'M', 'x'), "
                                     "('%2', 'علی', 'رضایی', '', 'علی', 'رضایی', '', '12345', '1985-07-03', 'M', 'x'), "
                                     "('%3', 'علی', 'رضایی', '', 'علی', 'رضایی', '', '12345', '1985-07-03', 'M', 'x'), "
                                     "('%4', 'علی', 'رضایی', '', 'علی', 'رضایی', '', '12345', '1985-07-03', 'M', 'x');"
                                     "INSERT INTO mobile_owners VALUES ('%1', '09121111111'), ('%2', '09121111111'), "
                                     "('%3', '09121111111'), ('%4', '09121111111');")
                          .arg(nc1, nc2, nc3, nc4),
                      nullptr, &error),
            qPrintable(error));
        QVERIFY2(m_pg.psql(QStringLiteral("INSERT INTO requests (id, branch_code, version, national_code, mobile, "
                                          "first_name, last_name, first_name_norm, last_name_norm, birth_cert_no, "
                                          "birth_date, gender, password_hash, questions_json, status, submitted_at, "
                                          "updated_at) VALUES %1, %2, %3")
                               .arg(requestRow(r1, QStringLiteral("1001"), nc1, QStringLiteral("رضا"),
                                               QStringLiteral("submitted")),
                                    requestRow(r2, QStringLiteral("1002"), nc2, QStringLiteral("علی"),
                                               QStringLiteral("submitted")),
                                    requestRow(r3, QStringLiteral("1002"), nc3, QStringLiteral("علی"),
                                               QStringLiteral("activated"))),
                           nullptr, &error),
                 qPrintable(error));
        QVERIFY2(m_pg.psql(QStringLiteral(
                               "INSERT INTO accounts (id, branch_code, national_code, request_id, mobile, first_name, "
                               "last_name, gender, password_hash, questions_json, created_at, updated_at) VALUES "
                               "('%1', '1002', '%2', '%3', '09121111111', 'علی', 'رضایی', 'M', '%4', "
                               "'[{\"question_id\": \"q1\", \"answer_hash\": \"scrypt$answer\"}]', "
                               "'2026-11-26T09:00:00Z', '2026-11-26T09:00:00Z');"
                               "INSERT INTO sms_messages (id, branch_code, national_code, mobile, kind, text, "
                               "created_at) VALUES ('%5', '1002', '%2', '09121111111', 'activated', 'متن', "
                               "'2026-11-26T09:00:00Z');"
                               "INSERT INTO recoveries (id, branch_code, national_code, method, code_hash, "
                               "created_at, state, updated_at) VALUES ('%6', '1002', '%2', 'sms', '%7', "
                               "'2026-11-26T09:00:00Z', 'pending', '2026-11-26T09:00:00Z');")
                               .arg(a3, nc3, r3, kSecretHash, s3, c3, kCodeHash),
                           nullptr, &error),
                 qPrintable(error));
    }

    // Every travelling table, the references, the bookkeeping: branch 1002's people are not
    // there for 1001; the change log, the fetch log and the central audit cannot be read.
    void readsOnlyItsOwnPeople()
    {
        QString out;
        for (const QString &table :
             {QStringLiteral("requests"), QStringLiteral("accounts"), QStringLiteral("sms_messages"),
              QStringLiteral("recoveries"), QStringLiteral("registry_persons"), QStringLiteral("mobile_owners"),
              QStringLiteral("branch_persons")}) {
            QVERIFY2(
                asBranch(
                    QStringLiteral("SELECT count(*) FROM %1 WHERE national_code IN ('%2', '%3')").arg(table, nc2, nc3),
                    &out),
                qPrintable(table));
            QCOMPARE(out, QStringLiteral("0"));
            QVERIFY(
                !adminValue(
                     QStringLiteral("SELECT count(*) FROM %1 WHERE national_code IN ('%2', '%3')").arg(table, nc2, nc3))
                     .startsWith(QLatin1Char('0')) ||
                table == QLatin1String("branch_persons"));
        }
        // Its own person it sees (the request, the registry row).
        QVERIFY(asBranch(QStringLiteral("SELECT count(*) FROM requests WHERE national_code = '%1'").arg(nc1), &out));
        QCOMPARE(out, QStringLiteral("1"));
        QVERIFY(asBranch(QStringLiteral("SELECT count(*) FROM registry_persons"), &out));
        QCOMPARE(out, QStringLiteral("1"));
        for (const QString &table :
             {QStringLiteral("conflicts"), QStringLiteral("applied_batches"), QStringLiteral("audit_chains")}) {
            QVERIFY(asBranch(QStringLiteral("SELECT count(*) FROM %1 WHERE branch_code <> '1001'").arg(table), &out));
            QCOMPARE(out, QStringLiteral("0"));
        }
        expectDenied(QStringLiteral("SELECT count(*) FROM changes"));
        expectDenied(QStringLiteral("SELECT * FROM changes WHERE table_name = 'accounts'"));
        expectDenied(QStringLiteral("SELECT count(*) FROM person_fetches"));
        expectDenied(QStringLiteral("SELECT count(*) FROM central_audit"));
        expectDenied(QStringLiteral("SELECT count(*) FROM branches"));
        // No hash is readable, not even of its own rows.
        expectDenied(QStringLiteral("SELECT password_hash FROM requests"));
        expectDenied(QStringLiteral("SELECT password_hash FROM accounts"));
        expectDenied(QStringLiteral("SELECT * FROM accounts"));
        expectDenied(QStringLiteral("SELECT code_hash FROM recoveries"));
    }

    // No direct write of any kind: in place, restamped, forged, references, the log.
    void writesNothingDirectly()
    {
        const QString before = fingerprint();
        QVERIFY(!before.isEmpty());
        for (const QString &sql : {
                 QStringLiteral("UPDATE accounts SET password_hash = 'scrypt$mine', branch_code = '1001' WHERE "
                                "branch_code = '1002'"),
                 QStringLiteral("UPDATE accounts SET mobile = '09120000000' WHERE national_code = '%1'").arg(nc3),
                 QStringLiteral("UPDATE requests SET status = 'activated', branch_code = '1001' WHERE branch_code = "
                                "'1002'"),
                 QStringLiteral("UPDATE requests SET status = 'activated', version = 2 WHERE id = '%1'").arg(r1),
                 QStringLiteral("INSERT INTO requests SELECT * FROM requests WHERE false"),
                 QStringLiteral("INSERT INTO requests (id, branch_code, national_code, mobile, first_name, last_name, "
                                "first_name_norm, last_name_norm, birth_cert_no, birth_date, gender, password_hash, "
                                "questions_json, status, submitted_at, updated_at) VALUES (gen_random_uuid(), "
                                "'1001', '%1', '0912', 'a', 'b', 'a', 'b', '1', '2000-01-01', 'M', 'h', '[]', "
                                "'activated', 'x', 'x')")
                     .arg(nc5),
                 QStringLiteral("DELETE FROM requests WHERE id = '%1'").arg(r1),
                 QStringLiteral("UPDATE sms_messages SET status = 'sent'"),
                 QStringLiteral("UPDATE recoveries SET state = 'verified'"),
                 QStringLiteral("INSERT INTO registry_persons SELECT * FROM registry_persons WHERE false"),
                 QStringLiteral("UPDATE registry_persons SET first_name = 'x'"),
                 QStringLiteral("INSERT INTO mobile_owners VALUES ('%1', '09129999999')").arg(nc5),
                 QStringLiteral("DELETE FROM mobile_owners"),
                 QStringLiteral("DELETE FROM changes"),
                 QStringLiteral("TRUNCATE changes"),
                 QStringLiteral("INSERT INTO changes (table_name, row_id, payload) VALUES ('requests', 'x', '{}')"),
                 QStringLiteral("INSERT INTO applied_batches (batch_id, branch_code) VALUES (gen_random_uuid(), "
                                "'1001')"),
                 QStringLiteral("INSERT INTO conflicts (table_name, row_id, branch_code, base_version, "
                                "local_payload) VALUES ('requests', 'x', '1001', 1, '{}')"),
                 QStringLiteral("UPDATE conflicts SET status = 'resolved'"),
                 QStringLiteral("INSERT INTO audit_chains (branch_code, seq, id, at, actor, action, prev_hash, hash) "
                                "VALUES ('1001', 1, gen_random_uuid(), 'x', 'x', 'x', 'x', 'x')"),
                 QStringLiteral("INSERT INTO branch_persons VALUES ('1001', '%1', 'fetched')").arg(nc3),
                 QStringLiteral("INSERT INTO person_fetches (branch_code, national_code, staff_login) VALUES "
                                "('1001', '%1', 'x')")
                     .arg(nc3),
                 QStringLiteral("INSERT INTO central_audit (at, actor, action) VALUES (now(), 'x', 'x')"),
                 QStringLiteral("INSERT INTO branches VALUES ('9999', 'branch_9999')"),
             })
            expectDenied(sql);
        QCOMPARE(fingerprint(), before);
    }

    // Through the server's own push function: every pushed row is checked there.
    void pushesAreCheckedOnTheServer()
    {
        const QString before = fingerprint();
        // A forged status: its own pending request activated without a registry match.
        expectPushRefused(QStringLiteral("requests"),
                          QLatin1Char('[') +
                              pushedRequest(r1, nc1, QStringLiteral("رضا"), QStringLiteral("activated"), 2) +
                              QLatin1Char(']'),
                          QStringLiteral("does not match the civil registry"));
        // ... or referred to the counter, which also says the registry matched.
        expectPushRefused(
            QStringLiteral("requests"),
            QLatin1Char('[') +
                pushedRequest(r1, nc1, QStringLiteral("رضا"), QStringLiteral("branch_activation_required"), 2) +
                QLatin1Char(']'),
            QStringLiteral("does not match the civil registry"));
        // A column no branch action changes (the email, the national code, the submission time).
        expectPushRefused(
            QStringLiteral("requests"),
            QLatin1Char('[') +
                pushedRequest(r1, nc1, QStringLiteral("رضا"), QStringLiteral("submitted"), 2)
                    .replace(QStringLiteral("\"email\": \"\""), QStringLiteral("\"email\": \"x@example.org\"")) +
                QLatin1Char(']'),
            QStringLiteral("a column no branch action changes: email"));
        expectPushRefused(QStringLiteral("requests"),
                          QLatin1Char('[') +
                              pushedRequest(r1, nc1, QStringLiteral("رضا"), QStringLiteral("submitted"), 2)
                                  .replace(QStringLiteral("\"submitted_at\": \"2026-11-25T09:30:00Z\""),
                                           QStringLiteral("\"submitted_at\": \"2026-12-01T09:30:00Z\"")) +
                              QLatin1Char(']'),
                          QStringLiteral("a column no branch action changes: submitted_at"));
        // A version that does not go up (an overwrite of the central's state).
        expectPushRefused(QStringLiteral("requests"),
                          QLatin1Char('[') +
                              pushedRequest(r1, nc1, QStringLiteral("رضا"), QStringLiteral("submitted"), 1) +
                              QLatin1Char(']'),
                          QStringLiteral("the version does not go up"));
        // The references and the log are not pushed at all.
        expectPushRefused(QStringLiteral("registry_persons"), QStringLiteral("[]"), QStringLiteral("does not travel"));
        expectPushRefused(QStringLiteral("changes"), QStringLiteral("[]"), QStringLiteral("does not travel"));
        // A conflict about another branch's person, a batch for nobody.
        QString error;
        QVERIFY(!asBranch(QStringLiteral("SELECT branchdesk_record_conflict('accounts', '%1', 1, '{\"national_code\": "
                                         "\"%2\"}', NULL)")
                              .arg(a3, nc3),
                          nullptr, &error));
        QVERIFY2(error.contains(QLatin1String("conflict refused")), qPrintable(error));
        QCOMPARE(fingerprint(), before);

        // Branch 1002's account, its password hash restamped: not written, kept as 1001's
        // conflict (without the central row), and the hash is 1002's still.
        QString out;
        QVERIFY(asBranch(QStringLiteral("SELECT branchdesk_push_rows('accounts', '[%1]'::jsonb)")
                             .arg(pushedAccount(QStringLiteral("09120000000"), 2, QStringLiteral("scrypt$mine"))),
                         &out, &error));
        QCOMPARE(out, QStringLiteral("1"));
        QCOMPARE(adminValue(QStringLiteral("SELECT password_hash || ' ' || branch_code || ' ' || mobile FROM accounts "
                                           "WHERE id = '%1'")
                                .arg(a3)),
                 kSecretHash + QStringLiteral(" 1002 09121111111"));
        QCOMPARE(adminValue(QStringLiteral("SELECT count(*) FROM conflicts WHERE branch_code = '1001' AND row_id = "
                                           "'%1' AND central_payload IS NULL")
                                .arg(a3)),
                 QStringLiteral("1"));
        // A new request for a person 1002 holds: not written either.
        QVERIFY(asBranch(QStringLiteral("SELECT branchdesk_push_rows('requests', '[%1]'::jsonb)")
                             .arg(pushedRequest(QUuid::createUuid().toString(QUuid::WithoutBraces), nc2,
                                                QStringLiteral("علی"), QStringLiteral("submitted"), 1)),
                         &out, &error));
        QCOMPARE(out, QStringLiteral("1"));
        QCOMPARE(adminValue(QStringLiteral("SELECT count(*) FROM requests WHERE national_code = '%1'").arg(nc2)),
                 QStringLiteral("1"));
    }

    // The pull: only its own persons, no hash in any payload.
    void pullCarriesOnlyItsPeople()
    {
        QString out, error;
        QVERIFY2(asBranch(QStringLiteral("SELECT string_agg(DISTINCT coalesce((payload::jsonb) ->> 'national_code', "
                                         "'-'), ',') FROM branchdesk_pull(0, 100000, NULL, "
                                         "ARRAY['requests','accounts','registry_persons','mobile_owners'], "
                                         "ARRAY['sms_messages']) WHERE payload IS NOT NULL"),
                          &out, &error),
                 qPrintable(error));
        QCOMPARE(out, nc1);
        QVERIFY(asBranch(QStringLiteral("SELECT count(*) FROM branchdesk_pull(0, 100000, NULL, "
                                        "ARRAY['requests','accounts'], ARRAY['sms_messages']) WHERE payload LIKE "
                                        "'%scrypt$%' OR table_name IS NULL AND row_id IS NOT NULL"),
                         &out));
        QCOMPARE(out, QStringLiteral("0"));
        // Entries it does not take tell it nothing but their number.
        QVERIFY(asBranch(QStringLiteral("SELECT count(*) FROM branchdesk_pull(0, 100000, NULL, ARRAY['requests'], "
                                        "ARRAY[]::text[]) WHERE table_name IS NULL AND (row_id IS NOT NULL OR op IS "
                                        "NOT NULL OR payload IS NOT NULL)"),
                         &out));
        QCOMPARE(out, QStringLiteral("0"));
    }

    // A person of 1002's comes to 1001's counter: fetched, recorded, and from then on 1001
    // holds them (reads them, pulls them, its pushes for them are accepted).
    void fetchForAVisit()
    {
        QString out, error;
        QVERIFY2(asBranch(QStringLiteral("SELECT string_agg(table_name || coalesce(':' || ((payload::jsonb) ->> "
                                         "'password_hash'), ''), ',' ORDER BY table_name) FROM "
                                         "branchdesk_fetch_person('%1', 'clerk.tehran')")
                              .arg(nc3),
                          &out, &error),
                 qPrintable(error));
        QCOMPARE(out, QStringLiteral("accounts:,mobile_owners,registry_persons,requests:"));
        QCOMPARE(adminValue(QStringLiteral("SELECT branch_code || ' ' || staff_login FROM person_fetches WHERE "
                                           "national_code = '%1'")
                                .arg(nc3)),
                 QStringLiteral("1001 clerk.tehran"));
        QCOMPARE(adminValue(QStringLiteral("SELECT count(*) FROM central_audit WHERE action = 'person.fetch' AND "
                                           "national_code = '%1' AND actor = 'clerk.tehran' AND branch_code = '1001'")
                                .arg(nc3)),
                 QStringLiteral("1"));
        QVERIFY(asBranch(QStringLiteral("SELECT count(*) FROM accounts WHERE national_code = '%1'").arg(nc3), &out));
        QCOMPARE(out, QStringLiteral("1"));
        expectDenied(QStringLiteral("SELECT password_hash FROM accounts WHERE national_code = '%1'").arg(nc3));
        // Not 1002's other person, nor its SMS and recoveries (those stay with their counter).
        QVERIFY(asBranch(QStringLiteral("SELECT (SELECT count(*) FROM requests WHERE national_code = '%1') + (SELECT "
                                        "count(*) FROM sms_messages) + (SELECT count(*) FROM recoveries)")
                             .arg(nc2),
                         &out));
        QCOMPARE(out, QStringLiteral("0"));
        // A person the central does not know: nothing returned, nothing recorded.
        QVERIFY(asBranch(QStringLiteral("SELECT count(*) FROM branchdesk_fetch_person('%1', 'clerk')").arg(nc5), &out));
        QCOMPARE(out, QStringLiteral("0"));
        QCOMPARE(adminValue(QStringLiteral("SELECT count(*) FROM person_fetches WHERE national_code = '%1'").arg(nc5)),
                 QStringLiteral("0"));
        // Its push for the fetched person goes in: the new mobile, stamped 1001, the
        // password hash the central's (an empty one keeps it).
        QVERIFY2(asBranch(QStringLiteral("SELECT branchdesk_push_rows('accounts', '[%1]'::jsonb)")
                              .arg(pushedAccount(QStringLiteral("09123334444"), 2)),
                          &out, &error),
                 qPrintable(error));
        QCOMPARE(out, QStringLiteral("0"));
        QCOMPARE(adminValue(QStringLiteral("SELECT password_hash || ' ' || branch_code || ' ' || mobile FROM accounts "
                                           "WHERE id = '%1'")
                                .arg(a3)),
                 kSecretHash + QStringLiteral(" 1001 09123334444"));
        // ... and the change it made comes back in its pull, without the hash (the log holds none).
        QVERIFY(asBranch(QStringLiteral("SELECT count(*) FROM branchdesk_pull(0, 100000, NULL, ARRAY['accounts'], "
                                        "ARRAY[]::text[]) WHERE payload::jsonb ->> 'mobile' = '09123334444' AND "
                                        "NOT (payload::jsonb ? 'password_hash')"),
                         &out));
        QCOMPARE(out, QStringLiteral("1"));
    }

    // What a branch legitimately pushes goes in: a new person's request activated because it
    // matches the registry (the person becomes the branch's), and an expiry after 48 hours.
    void honestPushesGoIn()
    {
        QString out, error;
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY2(asBranch(QStringLiteral("SELECT branchdesk_push_rows('requests', '[%1]'::jsonb)")
                              .arg(pushedRequest(id, nc4, QStringLiteral("علی"), QStringLiteral("activated"), 3)
                                       .replace(QStringLiteral("\"password_hash\": \"\""),
                                                QStringLiteral("\"password_hash\": \"scrypt$new-request\""))),
                          &out, &error),
                 qPrintable(error));
        QCOMPARE(out, QStringLiteral("0"));
        QCOMPARE(adminValue(QStringLiteral("SELECT status || ' ' || branch_code || ' ' || password_hash FROM requests "
                                           "WHERE id = '%1'")
                                .arg(id)),
                 QStringLiteral("activated 1001 scrypt$new-request"));
        QCOMPARE(adminValue(QStringLiteral("SELECT how FROM branch_persons WHERE branch_code = '1001' AND "
                                           "national_code = '%1'")
                                .arg(nc4)),
                 QStringLiteral("home"));
        // A move the request's life does not have: an activated request rejected.
        expectPushRefused(QStringLiteral("requests"),
                          QLatin1Char('[') +
                              pushedRequest(id, nc4, QStringLiteral("علی"), QStringLiteral("rejected"), 4) +
                              QLatin1Char(']'),
                          QStringLiteral("the status cannot move from activated to rejected"));
        // An expiry before 48 hours: refused (a new person's request submitted an hour ago).
        expectPushRefused(QStringLiteral("requests"),
                          QLatin1Char('[') +
                              pushedRequest(QUuid::createUuid().toString(QUuid::WithoutBraces), nc5,
                                            QStringLiteral("علی"), QStringLiteral("expired"), 2)
                                  .replace(QStringLiteral("2026-11-25T09:30:00Z"),
                                           QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate)) +
                              QLatin1Char(']'),
                          QStringLiteral("the request is not 48 hours old"));
        // Its own pending request of 2026-11-25 expires (more than 48 hours ago).
        QVERIFY2(asBranch(QStringLiteral("SELECT branchdesk_push_rows('requests', '[%1]'::jsonb)")
                              .arg(pushedRequest(r1, nc1, QStringLiteral("رضا"), QStringLiteral("expired"), 2)),
                          &out, &error),
                 qPrintable(error));
        // The batch's end: recorded once, in the central audit; a replay of it refused.
        const QString batch = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(asBranch(QStringLiteral("SELECT branchdesk_finish_batch('%1', '{\"rows\": 2}')").arg(batch)));
        QVERIFY(!asBranch(QStringLiteral("SELECT branchdesk_finish_batch('%1', '{\"rows\": 2}')").arg(batch)));
        QCOMPARE(adminValue(QStringLiteral("SELECT count(*) FROM central_audit WHERE action = 'sync.push' AND "
                                           "details ->> 'batch' = '%1'")
                                .arg(batch)),
                 QStringLiteral("1"));
    }

    // The audit anchor from the attacker's side: psql as branch_1001 calls the server's
    // function with entries that do not continue its chain; only a continuation is kept.
    void auditPushIsOnlyAContinuation_data()
    {
        QTest::addColumn<QString>("entries"); // %1: the first entry's hash, %2: a fresh id
        QTest::addColumn<QString>("why");
        const QString h2 = QString(64, QLatin1Char('b'));
        const auto entry = [](const QString &seq, const QString &branch, const QString &prev, const QString &hash) {
            return QStringLiteral("{\"seq\": %1, \"id\": \"%2\", \"branch_code\": \"%3\", \"at\": "
                                  "\"2026-12-04T10:00:00.000Z\", \"actor\": \"sara\", \"action\": \"x\", "
                                  "\"national_code\": \"\", \"details\": \"{}\", \"prev_hash\": \"%4\", \"hash\": "
                                  "\"%5\"}")
                .arg(seq, QStringLiteral("%2"), branch, prev, hash);
        };
        QTest::newRow("a gap") << u'[' + entry(u"3"_s, u"1001"_s, u"%1"_s, h2) + u']' << u"does not follow"_s;
        QTest::newRow("a replay of the head")
            << u'[' + entry(u"1"_s, u"1001"_s, QString(64, QLatin1Char('0')), h2) + u']' << u"does not follow"_s;
        QTest::newRow("another previous hash")
            << u'[' + entry(u"2"_s, u"1001"_s, QString(64, QLatin1Char('c')), h2) + u']'
            << u"does not name the previous entry"_s;
        QTest::newRow("another branch's entry")
            << u'[' + entry(u"2"_s, u"1002"_s, u"%1"_s, h2) + u']' << u"is branch 1002's"_s;
        QTest::newRow("a hash that is no SHA-256")
            << u'[' + entry(u"2"_s, u"1001"_s, u"%1"_s, u"not-a-hash"_s) + u']' << u"is not a SHA-256"_s;
        QTest::newRow("a good entry, then a bad one")
            << u'[' + entry(u"2"_s, u"1001"_s, u"%1"_s, h2) + u',' + entry(u"4"_s, u"1001"_s, h2, h2) + u']'
            << u"entry 4: does not follow"_s;
    }
    void auditPushIsOnlyAContinuation()
    {
        QFETCH(QString, entries);
        QFETCH(QString, why);
        const QString chain = u"7f0c5e2a-54b1-4c6e-9d0a-3b8f1e2d4c60"_s;
        const QString h1 = QString(64, QLatin1Char('a'));
        QString out, error;
        if (!asBranch(u"SELECT seq FROM branchdesk_audit_head('%1')"_s.arg(chain), &out) || out != u"1"_s) {
            // The chain's first entry, once: a genesis continuation is taken.
            QVERIFY2(asBranch(u"SELECT branchdesk_push_audit('%1', '[{\"seq\": 1, \"id\": \"%2\", \"branch_code\": "
                              "\"1001\", \"at\": \"2026-12-04T09:00:00.000Z\", \"actor\": \"sara\", \"action\": "
                              "\"x\", \"prev_hash\": \"%3\", \"hash\": \"%4\"}]'::jsonb)"_s.arg(
                                  chain, QUuid::createUuid().toString(QUuid::WithoutBraces),
                                  QString(64, QLatin1Char('0')), h1),
                              &out, &error),
                     qPrintable(error));
            QCOMPARE(out, u"1"_s);
        }
        QVERIFY(asBranch(u"SELECT seq || ' ' || hash FROM branchdesk_audit_head('%1')"_s.arg(chain), &out));
        QCOMPARE(out, u"1 "_s + h1);
        const QString before = adminValue(u"SELECT count(*) FROM audit_chains WHERE chain_id = '%1'"_s.arg(chain));
        QVERIFY(!asBranch(u"SELECT branchdesk_push_audit('%1', '%2'::jsonb)"_s.arg(
                              chain, QString(entries)
                                         .replace(u"%1"_s, h1)
                                         .replace(u"%2"_s, QUuid::createUuid().toString(QUuid::WithoutBraces))),
                          &out, &error));
        QVERIFY2(error.contains(u"audit.anchor_mismatch"_s) && error.contains(why), qPrintable(error));
        QCOMPARE(adminValue(u"SELECT count(*) FROM audit_chains WHERE chain_id = '%1'"_s.arg(chain)), before);
        QCOMPARE(before, u"1"_s);
        // Nor can it write the chain itself.
        expectDenied(u"UPDATE audit_chains SET hash = '%1' WHERE chain_id = '%2'"_s.arg(QString(64, u'd'), chain));
        expectDenied(u"DELETE FROM audit_chains WHERE chain_id = '%1'"_s.arg(chain));
    }
};

QTEST_GUILESS_MAIN(TestCentralBoundary)
#include "TestCentralBoundary.moc"
