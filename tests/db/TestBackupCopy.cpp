// The online copy under a desk at work (db/Backup): a backup of a 20 000-person database
// while another connection commits every few milliseconds finishes (SQLite restarts a
// backup after every write by another connection unless it reads one snapshot; before that
// fix a large copy could restart for minutes), and the copy is one consistent moment, the
// one it began at: sound, with both rows of the tick's transaction.
#include "db/Backup.h"
#include "db/DemoData.h"
#include "db/MetaRepository.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace branch;
using namespace Qt::StringLiterals;

class TestBackupCopy : public QObject
{
    Q_OBJECT

private slots:
    void copyFinishesWhileAnotherConnectionWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"branch.db"_s);
        {
            db::DbError err;
            auto database = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
            QVERIFY(database);
            db::setMetaValue(*database, u"branch_code"_s, u"1001"_s);
            db::DemoOptions demo;
            demo.persons = 20000;
            db::generateDemoData(*database, demo);
        }
        std::atomic<bool> stop{false};
        std::atomic<int> ticks{0};
        std::thread writer([&] {
            db::DbError err;
            auto database = db::Database::open(path, db::Database::OpenMode::MustExist, &err);
            if (!database)
                return;
            while (!stop) {
                // Two rows in one transaction: the copy has both or neither.
                db::Transaction tx(*database);
                const QString n = QString::number(ticks.load() + 1);
                db::setMetaValue(*database, u"tick"_s, n);
                db::setMetaValue(*database, u"tick_twin"_s, n);
                tx.commit();
                ++ticks;
                QThread::msleep(2);
            }
        });
        // The writer has committed at least once (its own open can take a while on a busy
        // machine) before the copy begins.
        QTRY_VERIFY_WITH_TIMEOUT(ticks.load() > 0, 30000);
        const int ticksBefore = ticks.load();
        const QString copy = dir.filePath(u"copy.db"_s);
        int progressCalls = 0;
        const db::DbError e = db::onlineBackup(path, copy, [&](qint64 done, qint64 total) {
            ++progressCalls;
            return done <= total;
        });
        stop = true;
        writer.join();
        QVERIFY2(!e, qPrintable(e.detail));
        QVERIFY(progressCalls > 1); // page by page, not in one step
        db::DatabaseFileFacts facts;
        QVERIFY(!db::inspectDatabaseFile(copy, true, &facts));
        QCOMPARE(facts.integrity, u"ok"_s);
        QCOMPARE(facts.branchCode, u"1001"_s);
        db::DbError err;
        auto back = db::Database::open(copy, db::Database::OpenMode::MustExist, &err);
        QVERIFY(back);
        const int tick = db::metaValue(*back, u"tick"_s).toInt();
        QVERIFY(tick > 0);
        // The copy is the moment it started: SQLite did not restart it after the writes
        // made meanwhile (it did, over and over, before it read one snapshot).
        QVERIFY2(ticks.load() > ticksBefore + 5, "the writer went on during the copy");
        QVERIFY2(tick <= ticksBefore + 1, qPrintable(u"copy at tick %1, started at %2"_s.arg(tick).arg(ticksBefore)));
        QCOMPARE(db::metaValue(*back, u"tick_twin"_s), db::metaValue(*back, u"tick"_s));
        qInfo("writer committed %d transactions (%d before the copy began); the copy holds the state after %d",
              ticks.load(), ticksBefore, tick);
    }

    // A copy refuses a name already taken and leaves that file alone.
    void copyNeverOverwrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"branch.db"_s);
        {
            db::DbError err;
            auto database = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
            QVERIFY(database);
        }
        const QString taken = dir.filePath(u"taken.db"_s);
        QFile f(taken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("mine");
        f.close();
        QVERIFY(db::onlineBackup(path, taken));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("mine"));
    }
};

QTEST_GUILESS_MAIN(TestBackupCopy)
#include "TestBackupCopy.moc"
