// Demo data generator (see DemoData.h for what it makes and the demo-only secrets).
//
// Speed: a million persons are about five million rows (1.8 GB); measured at about 45 s on
// two cores. What keeps that under a minute:
// - persons are generated in national-code order and in submission-time order, and ids are
//   UUIDv7 made from the row's own time, so nearly every b-tree insert appends at the end;
// - everything that only depends on the name tables (normalised forms, the name-index text)
//   is computed once per name, not once per person;
// - a worker thread generates the next batch while this thread stores the current one;
// - rows go in through cached multi-row INSERT statements with as few bound values as
//   possible (values shared by all rows bound once, requests that repeat the registry copied
//   from it in SQL, accounts copied from their requests at the end);
// - one transaction; for its duration a larger page cache, no fsync and a rollback journal
//   (LoadSettings); secondary indexes rebuilt once at the end instead of row by row.
#include "DemoData.h"

#include "AuditRepository.h"
#include "BulkInsert.h"
#include "DemoGenerator.h"
#include "MetaRepository.h"

#include "app/core/PersianText.h"
#include "app/security/Random.h"
#include "app/security/SecretHash.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <future>
#include <unordered_set>

namespace branch::db
{

using demo::Batch;
using demo::BulkInsert;
using demo::Generator;

namespace
{

// Persons per batch handed from the generating thread to the storing one.
constexpr qint64 kBatch = 4096;

// First nine digits of every national code the database knows already, so that new
// persons never collide with imported or earlier demo persons.
std::unordered_set<quint32> existingCodes(Database &db)
{
    std::unordered_set<quint32> out;
    const char *const tables[] = {"registry_persons", "requests", "accounts", "mobile_owners"};
    for (const char *t : tables) {
        QSqlQuery q(db.connection());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT DISTINCT national_code FROM %1").arg(QLatin1String(t))))
            throw DbException(Database::classify(q.lastError()));
        while (q.next()) {
            const QString c = q.value(0).toString();
            bool ok = false;
            const quint32 base = c.left(9).toUInt(&ok);
            if (ok && c.size() == 10)
                out.insert(base);
        }
    }
    return out;
}

qint64 scalarValue(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql))
        throw DbException(Database::classify(q.lastError()));
    return q.next() ? q.value(0).toLongLong() : 0;
}

QString pragma(Database &db, const QString &name)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA %1").arg(name)))
        throw DbException(Database::classify(q.lastError()));
    return q.next() ? q.value(0).toString() : QString();
}

// For the duration of the load: a large page cache, no fsync, and (when no other
// connection has the file open) a rollback journal instead of WAL, so that the data is
// written once rather than to the WAL and again at the checkpoint. A new database holds
// no old pages, so the journal stays tiny and the load is still all-or-nothing. Restored
// when the load ends, also on failure; Database::open() sets WAL again in any case.
class LoadSettings
{
public:
    explicit LoadSettings(Database &db)
        : m_db(db), m_cache(pragma(db, QStringLiteral("cache_size"))),
          m_sync(pragma(db, QStringLiteral("synchronous"))), m_journal(pragma(db, QStringLiteral("journal_mode")))
    {
        m_db.execDirect(QStringLiteral("PRAGMA cache_size = -262144")); // 256 MiB
        m_db.execDirect(QStringLiteral("PRAGMA synchronous = OFF"));
        QSqlQuery q(m_db.connection());
        if (q.exec(QStringLiteral("PRAGMA journal_mode = TRUNCATE")))
            q.finish(); // refused while another connection is open: then the load runs in WAL
    }
    ~LoadSettings()
    {
        QSqlQuery q(m_db.connection());
        q.exec(QStringLiteral("PRAGMA journal_mode = %1").arg(m_journal));
        q.exec(QStringLiteral("PRAGMA synchronous = %1").arg(m_sync));
        q.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_cache));
    }

private:
    Database &m_db;
    QString m_cache, m_sync, m_journal;
};

} // namespace

DemoStats generateDemoData(Database &db, const DemoOptions &opt)
{
    DemoStats stats;
    const qint64 n = opt.persons;
    if (n <= 0)
        return stats;
    if (n > 100'000'000)
        throw DbException({DbError::Kind::Other, QStringLiteral("demo data: at most 100000000 persons")});
    const QDateTime now = (opt.now.isValid() ? opt.now : QDateTime::currentDateTimeUtc()).toUTC();
    const QString branchCode = opt.branchCode.isEmpty() ? metaValue(db, QStringLiteral("branch_code")) : opt.branchCode;

    // DEMO ONLY: one password hash and one hash per answer, shared by every demo account
    // (see DemoData.h). Same normalisation and JSON as the registration service (hashAnswers).
    const QString passwordHash = security::hashSecret(QString::fromLatin1(kDemoPassword));
    const std::array<std::pair<QString, QString>, 4> answers = {{
        {QStringLiteral("favorite_color"), QStringLiteral("آبی")},
        {QStringLiteral("birth_city"), QStringLiteral("تهران")},
        {QStringLiteral("first_workplace"), QStringLiteral("کارخانه")},
        {QStringLiteral("primary_teacher"), QStringLiteral("خانم احمدی")},
    }};
    std::array<QString, 4> answerHashes;
    for (size_t i = 0; i < answers.size(); ++i)
        answerHashes[i] = security::hashSecret(normalizeAnswer(answers[i].second));
    if (passwordHash.isEmpty() ||
        std::any_of(answerHashes.begin(), answerHashes.end(), [](const QString &h) { return h.isEmpty(); }))
        throw DbException({DbError::Kind::Other, QStringLiteral("demo data: hashing failed")});
    // Four question sets: three of the four questions.
    std::array<QString, 4> questionSets;
    for (size_t skip = 0; skip < 4; ++skip) {
        QJsonArray arr;
        for (size_t i = 0; i < 4; ++i)
            if (i != skip)
                arr.append(QJsonObject{{QStringLiteral("question_id"), answers[i].first},
                                       {QStringLiteral("answer_hash"), answerHashes[i]}});
        questionSets[skip] = QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
    }

    LoadSettings settings(db);
    Transaction tx(db);

    Generator gen(opt, now, existingCodes(db),
                  scalarValue(db, QStringLiteral("SELECT coalesce(max(rid), 0) FROM requests")));
    gen.setQuestionSets(questionSets);

    BulkInsert registry(db,
                        QStringLiteral("INSERT INTO registry_persons (national_code, first_name, last_name, "
                                       "father_name, first_name_norm, last_name_norm, father_name_norm, "
                                       "birth_cert_no, birth_date, gender, updated_at)"),
                        QStringLiteral("v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, "
                                       "v.column8, v.column9, v.column10, s.column1"),
                        {}, {isoUtc(now)}, 10);
    BulkInsert owners(db, QStringLiteral("INSERT OR IGNORE INTO mobile_owners (national_code, mobile)"),
                      QStringLiteral("v.column1, v.column2"), {}, {}, 2);
    const QString requestColumns = QStringLiteral(
        "INSERT INTO requests (rid, id, branch_code, version, national_code, mobile, first_name, last_name, "
        "first_name_norm, last_name_norm, birth_cert_no, birth_date, gender, email, password_hash, questions_json, "
        "status, submitted_at, decided_at, updated_at, updated_by)");
    BulkInsert requests(db, requestColumns,
                        QStringLiteral("v.column1, v.column2, s.column1, v.column3, v.column4, v.column5, v.column6, "
                                       "v.column7, v.column8, v.column9, v.column10, v.column11, v.column12, "
                                       "v.column13, s.column2, v.column14, v.column15, v.column16, v.column17, "
                                       "coalesce(v.column17, v.column16), v.column18"),
                        {}, {branchCode, passwordHash}, 18);
    // Most requests carry exactly the registry's names and identity: taken from there.
    BulkInsert requestsAsRegistry(
        db, requestColumns,
        QStringLiteral(
            "v.column1, v.column2, s.column1, v.column3, p.national_code, v.column5, p.first_name, p.last_name, "
            "p.first_name_norm, p.last_name_norm, p.birth_cert_no, p.birth_date, p.gender, v.column6, s.column2, "
            "v.column7, v.column8, v.column9, v.column10, coalesce(v.column10, v.column9), v.column11"),
        QStringLiteral("CROSS JOIN registry_persons p ON p.national_code = v.column4"), {branchCode, passwordHash}, 11);
    BulkInsert names(db, QStringLiteral("INSERT INTO request_names (rowid, tokens)"),
                     QStringLiteral("v.column1, v.column2"), {}, {}, 2);
    // Accounts are copied from their activated request at the end; only the id is new.
    db.execDirect(QStringLiteral("CREATE TEMP TABLE demo_accounts (rid INTEGER PRIMARY KEY, id TEXT NOT NULL)"));
    BulkInsert accounts(db, QStringLiteral("INSERT INTO temp.demo_accounts (rid, id)"),
                        QStringLiteral("v.column1, v.column2"), {}, {}, 2);

    // Secondary indexes are rebuilt once at the end (a sort) instead of being updated
    // row by row, when the load at least doubles the tables: exactly the statements the
    // migrations made, read back from the schema.
    QStringList indexSql;
    if (scalarValue(db, QStringLiteral("SELECT count(*) FROM requests")) <= n) {
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                                   "AND tbl_name IN ('requests', 'mobile_owners', 'registry_persons', 'accounts')")))
            throw DbException(Database::classify(q.lastError()));
        QStringList indexes;
        while (q.next()) {
            indexes << q.value(0).toString();
            indexSql << q.value(1).toString();
        }
        for (const QString &name : std::as_const(indexes))
            db.execDirect(QStringLiteral("DROP INDEX \"%1\"").arg(name));
    }

    // Generating the next batch on a worker thread while this one is stored keeps both
    // cores busy; batches are made strictly one after the other, in order.
    auto makeBatch = [&gen, n](qint64 from) {
        return std::async(std::launch::async, [&gen, from, n] { return gen.make(from, std::min(n, from + kBatch)); });
    };
    std::future<Batch> pending = makeBatch(0);
    for (qint64 done = 0; done < n;) {
        Batch b = pending.get();
        const qint64 next = done + b.persons;
        if (next < n)
            pending = makeBatch(next);
        registry.add(b.registry);
        registry.flush(); // the requests copied from the registry need their rows there
        owners.add(b.owners);
        requests.add(b.requests);
        requestsAsRegistry.add(b.requestsAsRegistry);
        names.add(b.names);
        accounts.add(b.accounts);
        done = next;
        if (opt.progress && done < n)
            opt.progress(done, n);
    }
    owners.flush();
    requests.flush();
    requestsAsRegistry.flush();
    names.flush();
    accounts.flush();
    db.execDirect(QStringLiteral(
        "INSERT INTO accounts (id, branch_code, version, national_code, request_id, mobile, first_name, last_name, "
        "gender, password_hash, questions_json, created_at, updated_at, updated_by) "
        "SELECT a.id, r.branch_code, 1, r.national_code, r.id, r.mobile, r.first_name, r.last_name, r.gender, "
        "r.password_hash, r.questions_json, r.decided_at, r.decided_at, r.updated_by "
        "FROM temp.demo_accounts a JOIN requests r ON r.rid = a.rid ORDER BY a.rid"));
    db.execDirect(QStringLiteral("DROP TABLE temp.demo_accounts"));
    for (const QString &sql : std::as_const(indexSql))
        db.execDirect(sql);

    stats.persons = n;
    stats.requests = gen.requests();
    stats.accounts = gen.accounts();
    stats.byStatus = gen.byStatus();

    setMetaValue(db, QStringLiteral("demo_seed"), QString::number(opt.seed));
    AuditRecord a;
    a.id = security::newUuid(); // a real id: the audit chain is written as the services write it
    a.branchCode = branchCode;
    a.at = now;
    a.actor = QStringLiteral("admin");
    a.action = QStringLiteral("demo.generate");
    const QJsonObject details{{QStringLiteral("persons"), stats.persons},
                              {QStringLiteral("requests"), stats.requests},
                              {QStringLiteral("accounts"), stats.accounts},
                              {QStringLiteral("seed"), QString::number(opt.seed)}};
    a.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    appendAudit(db, a);
    setMetaValue(db, QStringLiteral("demo"), QStringLiteral("1"));
    if (opt.beforeCommit && !opt.beforeCommit(db)) {
        stats.committed = false;
        return stats; // the transaction rolls back
    }
    tx.commit();
    if (opt.progress)
        opt.progress(n, n);
    return stats;
}

} // namespace branch::db
