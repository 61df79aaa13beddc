// Backup benchmark (issue 15): how long a checked backup of a 100 000-person branch database
// takes (makeBackup: the online copy, integrity_check of the copy, rename, prune, audit) and
// a restore of it, beside a plain copy of the same file (the floor: what the disk costs),
// and a backup while another connection writes a counter action every 50 ms (a desk at
// work). Ceiling: a backup must finish within the 30-minute interval's first minute; it
// prints the ratio of the median to 60 s.
//
// It reports, it does not judge: exit 0 whenever it could measure. Environment:
//   BRANCHDESK_BENCH_PERSONS  persons to generate (default 100000)
//   BRANCHDESK_BENCH_RUNS     backups to time (default 7)
#include "app/lifecycle/Backup.h"
#include "app/lifecycle/Staff.h"
#include "db/DemoData.h"
#include "db/MetaRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

namespace
{

using namespace branch;

struct Figures {
    double median = 0, p95 = 0; // milliseconds
};

Figures figures(std::vector<qint64> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return double(ms[std::min(ms.size() - 1, size_t(q * double(ms.size())))]); };
    return {at(0.5), at(0.95)};
}

void say(const QString &s)
{
    std::fputs(s.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qputenv("BRANCHDESK_KDF_PROFILE", "test");
    const int persons = envInt("BRANCHDESK_BENCH_PERSONS", 100000);
    const int runs = envInt("BRANCHDESK_BENCH_RUNS", 7);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("database/branchdesk.db"));
    const QString folder = dir.filePath(QStringLiteral("backups"));
    {
        db::DbError err;
        auto database = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
        if (!database) {
            say(QStringLiteral("bench_backup: cannot create the database: %1").arg(err.detail));
            return 1;
        }
        db::setMetaValue(*database, QStringLiteral("branch_code"), QStringLiteral("1001"));
        Context ctx{*database, QStringLiteral("1001")};
        QElapsedTimer t;
        t.start();
        db::DemoOptions demo;
        demo.persons = persons;
        db::generateDemoData(*database, demo);
        (void)addStaff(ctx, QStringLiteral("sara"), QStringLiteral("clerk"), QStringLiteral("Clerk1234xKavirSepid"),
                       QDateTime::currentDateTimeUtc());
        say(QStringLiteral("bench_backup: %1 persons generated in %2 s, database %3 MiB")
                .arg(persons)
                .arg(double(t.elapsed()) / 1000, 0, 'f', 1)
                .arg(double(QFileInfo(path).size()) / 1048576, 0, 'f', 1));
    }

    const BackupPolicy keepAll{1000, 0};
    std::vector<qint64> backups, copies;
    QString last;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        auto made =
            makeBackup(path, folder, QStringLiteral("bench"), QDateTime::currentDateTimeUtc().addSecs(i), keepAll);
        backups.push_back(t.elapsed());
        if (!made.ok()) {
            say(QStringLiteral("bench_backup: backup failed: %1").arg(made.failure.message()));
            return 1;
        }
        last = made.value->file.path;
        // The floor: the same bytes copied as a file (of the finished backup: never of a live database).
        const QString plain = dir.filePath(QStringLiteral("plain-%1.db").arg(i));
        t.restart();
        QFile::copy(last, plain);
        copies.push_back(t.elapsed());
        QFile::remove(plain);
    }
    const Figures b = figures(backups), c = figures(copies);
    const double mib = double(QFileInfo(last).size()) / 1048576;
    say(QStringLiteral("bench_backup: checked backup of %1 persons (%2 MiB), %3 runs: median %4 ms, p95 %5 ms, "
                       "%6 MiB/s; plain file copy median %7 ms (backup/copy %8x)")
            .arg(persons)
            .arg(mib, 0, 'f', 1)
            .arg(runs)
            .arg(b.median, 0, 'f', 0)
            .arg(b.p95, 0, 'f', 0)
            .arg(mib / (b.median / 1000), 0, 'f', 1)
            .arg(c.median, 0, 'f', 0)
            .arg(c.median > 0 ? b.median / c.median : 0, 0, 'f', 1));
    say(QStringLiteral("bench_backup: ceiling 60000 ms (the first minute of the 30-minute interval): median/ceiling "
                       "%1")
            .arg(b.median / 60000, 0, 'f', 4));

    // A desk at work meanwhile: a counter-like write every 50 ms on another connection.
    std::atomic<bool> stop{false};
    std::atomic<int> writes{0};
    std::thread writer([&] {
        db::DbError err;
        auto database = db::Database::open(path, db::Database::OpenMode::MustExist, &err);
        if (!database)
            return;
        while (!stop) {
            db::Transaction tx(*database);
            db::setMetaValue(*database, QStringLiteral("bench_tick"), QString::number(writes.load()));
            tx.commit();
            ++writes;
            QThread::msleep(50);
        }
    });
    std::vector<qint64> busy;
    for (int i = 0; i < std::max(3, runs / 2); ++i) {
        QElapsedTimer t;
        t.start();
        auto made = makeBackup(path, folder, QStringLiteral("bench"), QDateTime::currentDateTimeUtc().addSecs(1000 + i),
                               keepAll);
        busy.push_back(t.elapsed());
        if (!made.ok())
            say(QStringLiteral("bench_backup: backup under writes failed: %1").arg(made.failure.message()));
    }
    stop = true;
    writer.join();
    const Figures w = figures(busy);
    say(QStringLiteral("bench_backup: backup while another connection writes every 50 ms (%1 writes): median %2 ms, "
                       "p95 %3 ms (x%4 of the quiet median)")
            .arg(writes.load())
            .arg(w.median, 0, 'f', 0)
            .arg(w.p95, 0, 'f', 0)
            .arg(b.median > 0 ? w.median / b.median : 0, 0, 'f', 2));

    // The restore of the last backup (checks, copy, audit verification, swap).
    {
        db::DbError err;
        auto database = db::Database::open(path, db::Database::OpenMode::MustExist, &err);
        Context ctx{*database, QStringLiteral("1001")};
        (void)addStaff(ctx, QStringLiteral("root1"), QStringLiteral("admin"), QStringLiteral("Admin1234xBaghEram"),
                       QDateTime::currentDateTimeUtc());
    }
    auto again =
        makeBackup(path, folder, QStringLiteral("bench"), QDateTime::currentDateTimeUtc().addSecs(5000), keepAll);
    QString pw = QStringLiteral("Admin1234xBaghEram");
    QElapsedTimer t;
    t.start();
    auto restored =
        restoreBackup(path, again.value->file.path, QStringLiteral("root1"), pw, QDateTime::currentDateTimeUtc());
    const qint64 restoreMs = t.elapsed();
    say(restored.ok() ? QStringLiteral("bench_backup: restore of %1 persons: %2 ms").arg(persons).arg(restoreMs)
                      : QStringLiteral("bench_backup: restore failed: %1").arg(restored.failure.message()));
    return 0;
}
