// Search benchmark: BranchDesk's applicant lookups against the same SQL through the raw
// SQLite C API, on a database of a million demo persons (DESIGN targets: name search
// median <= 1.5x raw, national-code lookup median <= 0.05 ms).
//
// It reports, it does not judge: exit 0 whenever it could measure, with "TARGET MISSED"
// lines where a target is missed. Environment:
//   BRANCHDESK_BENCH_DB       reuse (or create) the database at this path instead of a
//                             temporary one; reused when it already holds enough persons
//   BRANCHDESK_BENCH_PERSONS  persons to generate (default 1000000)
#include "app/core/PersianText.h"
#include "app/lifecycle/Counter.h"
#include "db/DemoData.h"
#include "db/MetaRepository.h"
#include "db/NameIndex.h"
#include "db/SearchRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace
{

using namespace branch;

struct Figures {
    double median = 0, p95 = 0; // milliseconds
};

Figures figures(std::vector<qint64> ns)
{
    if (ns.empty())
        return {};
    std::sort(ns.begin(), ns.end());
    auto at = [&](double q) { return double(ns[std::min(ns.size() - 1, size_t(q * double(ns.size())))]) / 1e6; };
    return {at(0.5), at(0.95)};
}

void say(const QString &s)
{
    std::fputs(s.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// The raw baseline: one prepared statement, bind/step/reset, every column of every row read.
class RawStatement
{
public:
    RawStatement(sqlite3 *db, const char *sql)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
            qFatal("prepare failed: %s", sqlite3_errmsg(db));
    }
    ~RawStatement() { sqlite3_finalize(m_stmt); }
    // Returns the number of rows; `sink` keeps the reads from being optimised away.
    int run(const std::string &text, int limit, size_t &sink)
    {
        sqlite3_bind_text(m_stmt, 1, text.data(), int(text.size()), SQLITE_STATIC);
        if (limit >= 0)
            sqlite3_bind_int(m_stmt, 2, limit);
        int rows = 0;
        int rc;
        while ((rc = sqlite3_step(m_stmt)) == SQLITE_ROW) {
            ++rows;
            for (int c = 0; c < sqlite3_column_count(m_stmt); ++c) {
                const unsigned char *v = sqlite3_column_text(m_stmt, c);
                sink += size_t(sqlite3_column_bytes(m_stmt, c)) + (v ? v[0] : 0);
            }
        }
        if (rc != SQLITE_DONE)
            qFatal("step failed: %d", rc);
        sqlite3_reset(m_stmt);
        return rows;
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

qint64 personCount(db::Database &d)
{
    QSqlQuery q(d.connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM registry_persons")) && q.next() ? q.value(0).toLongLong() : 0;
}

QString arabicKeyboard(QString s)
{
    s.replace(QChar(0x06CC), QChar(0x064A));
    s.replace(QChar(0x06A9), QChar(0x0643));
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    bool ok = false;
    qint64 persons = qEnvironmentVariableIntValue("BRANCHDESK_BENCH_PERSONS", &ok);
    if (!ok || persons <= 0)
        persons = 1'000'000;
    const QString branchCode = QStringLiteral("1001");

    QTemporaryDir tmp;
    QString path = qEnvironmentVariable("BRANCHDESK_BENCH_DB");
    if (path.isEmpty())
        path = tmp.filePath(QStringLiteral("bench.db"));

    db::DbError err;
    auto dbp = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
    if (!dbp) {
        say(QStringLiteral("cannot open %1: %2").arg(path, err.detail));
        return 3;
    }
    db::Database &d = *dbp;
    const qint64 have = personCount(d);
    if (have >= persons) {
        say(QStringLiteral("reusing %1 (%2 persons)").arg(path).arg(have));
    } else if (have > 0) {
        say(QStringLiteral("%1 holds %2 persons, fewer than %3: use another BRANCHDESK_BENCH_DB")
                .arg(path)
                .arg(have)
                .arg(persons));
        return 2;
    } else {
        db::setMetaValue(d, QStringLiteral("branch_code"), branchCode);
        db::DemoOptions opt;
        opt.persons = persons;
        opt.seed = 1;
        opt.branchCode = branchCode;
        opt.now = QDateTime(QDate(2025, 11, 25), QTime(10, 0), Qt::UTC);
        QElapsedTimer t;
        t.start();
        const db::DemoStats s = db::generateDemoData(d, opt);
        const double secs = double(t.elapsed()) / 1000.0;
        say(QStringLiteral("demo_data: %1 persons, %2 requests, %3 accounts in %4 s (target < 60 s), %5 MB")
                .arg(s.persons)
                .arg(s.requests)
                .arg(s.accounts)
                .arg(secs, 0, 'f', 1)
                .arg(double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6, 0, 'f',
                     0));
        if (secs >= 60)
            say(QStringLiteral("TARGET MISSED: demo_data took %1 s").arg(secs, 0, 'f', 1));
    }

    // Sample persons (deterministic) for the queries.
    std::vector<QString> codes;
    std::vector<std::pair<QString, QString>> people;
    {
        QSqlQuery q(d.connection());
        q.setForwardOnly(true);
        q.exec(QStringLiteral("SELECT national_code, first_name, last_name FROM registry_persons"));
        while (q.next()) {
            codes.push_back(q.value(0).toString());
            people.emplace_back(q.value(1).toString(), q.value(2).toString());
        }
    }
    if (codes.empty()) {
        say(QStringLiteral("no persons"));
        return 3;
    }
    std::mt19937_64 rng(42);
    auto pick = [&](size_t n) { return size_t(rng() % n); };

    sqlite3 *raw = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        qFatal("raw open failed");
    sqlite3_exec(raw, "PRAGMA cache_size = -32768", nullptr, nullptr, nullptr); // as Database::configure
    size_t sink = 0;

    // ---- national code ----
    {
        const int kQueries = 20'000, kWarm = 2'000;
        std::vector<QString> qs;
        std::vector<std::string> rawQs;
        for (int i = 0; i < kQueries + kWarm; ++i) {
            qs.push_back(codes[pick(codes.size())]);
            rawQs.push_back(qs.back().toStdString());
        }
        RawStatement stmt(raw, db::kApplicantByCodeSql);
        std::vector<qint64> ours, base;
        QElapsedTimer t;
        int misses = 0;
        for (int i = 0; i < kQueries + kWarm; ++i) {
            // Alternate which one goes first so that neither always finds the other's pages warm.
            qint64 a = 0, b = 0;
            for (int k = 0; k < 2; ++k) {
                if ((k == 0) == (i % 2 == 0)) {
                    t.start();
                    const auto row = db::applicantByNationalCode(d, qs[size_t(i)]);
                    a = t.nsecsElapsed();
                    misses += row ? 0 : 1;
                } else {
                    t.start();
                    stmt.run(rawQs[size_t(i)], -1, sink);
                    b = t.nsecsElapsed();
                }
            }
            if (i >= kWarm) {
                ours.push_back(a);
                base.push_back(b);
            }
        }
        const Figures o = figures(ours), r = figures(base);
        say(QStringLiteral("national_code: ours median %1 ms p95 %2 ms | raw median %3 ms p95 %4 ms | ratio %5 "
                           "(target <= 0.05 ms) [%6 queries, %7 not found]")
                .arg(o.median, 0, 'f', 4)
                .arg(o.p95, 0, 'f', 4)
                .arg(r.median, 0, 'f', 4)
                .arg(r.p95, 0, 'f', 4)
                .arg(o.median / r.median, 0, 'f', 2)
                .arg(kQueries)
                .arg(misses));
        if (o.median > 0.05)
            say(QStringLiteral("TARGET MISSED: national_code median %1 ms > 0.05 ms").arg(o.median, 0, 'f', 4));
    }

    // ---- names ----
    {
        const int kQueries = 2'000, kWarm = 200;
        std::vector<QString> qs;
        for (int i = 0; i < kQueries + kWarm; ++i) {
            const auto &[first, last] = people[pick(people.size())];
            switch (i % 10) {
            case 0:
            case 1:
            case 2:
            case 3: // what a clerk types most: first and last name
                qs.push_back(first + QLatin1Char(' ') + last);
                break;
            case 4:
            case 5: // last name only
                qs.push_back(last);
                break;
            case 6:
            case 7: // a few letters of the first name and the last name
                qs.push_back(first.left(3) + QLatin1Char(' ') + last);
                break;
            case 8: // on an Arabic keyboard
                qs.push_back(arabicKeyboard(first + QLatin1Char(' ') + last));
                break;
            default: // typed without the spaces and ZWNJs
                qs.push_back(normalizeName(first + last));
            }
        }
        std::vector<std::string> matches;
        for (const QString &q : qs)
            matches.push_back(db::nameMatchQuery(q).toStdString());
        RawStatement stmt(raw, db::kApplicantsByNameSql);
        Context ctx{d, branchCode};
        std::vector<qint64> ours, base;
        QElapsedTimer t;
        qint64 rowsOurs = 0, rowsRaw = 0;
        for (int i = 0; i < kQueries + kWarm; ++i) {
            qint64 a = 0, b = 0;
            int na = 0, nb = 0;
            for (int k = 0; k < 2; ++k) {
                if ((k == 0) == (i % 2 == 0)) {
                    t.start();
                    const auto rows = searchApplicants(ctx, qs[size_t(i)], 50);
                    a = t.nsecsElapsed();
                    na = rows.ok() ? int(rows.value->size()) : -1;
                } else {
                    t.start();
                    nb = stmt.run(matches[size_t(i)], 50, sink);
                    b = t.nsecsElapsed();
                }
            }
            if (na != nb)
                say(QStringLiteral("note: \"%1\": ours %2 rows, raw %3").arg(qs[size_t(i)]).arg(na).arg(nb));
            if (i >= kWarm) {
                ours.push_back(a);
                base.push_back(b);
                rowsOurs += na;
                rowsRaw += nb;
            }
        }
        const Figures o = figures(ours), r = figures(base);
        const double ratio = o.median / r.median;
        say(QStringLiteral("name_search: ours median %1 ms p95 %2 ms | raw median %3 ms p95 %4 ms | ratio %5 "
                           "(target <= 1.5) [%6 queries, %7 rows on average]")
                .arg(o.median, 0, 'f', 3)
                .arg(o.p95, 0, 'f', 3)
                .arg(r.median, 0, 'f', 3)
                .arg(r.p95, 0, 'f', 3)
                .arg(ratio, 0, 'f', 2)
                .arg(kQueries)
                .arg(double(rowsOurs) / kQueries, 0, 'f', 1));
        if (ratio > 1.5)
            say(QStringLiteral("TARGET MISSED: name_search ratio %1 > 1.5").arg(ratio, 0, 'f', 2));
    }

    sqlite3_close(raw);
    say(QStringLiteral("(checksum %1)").arg(sink % 1000));
    return 0;
}
