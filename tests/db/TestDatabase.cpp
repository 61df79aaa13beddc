// The storage layer on real SQLite files: creation and migration, the pragmas it relies
// on, and how it refuses files it must not touch (missing, foreign, corrupt, newer).
#include "db/Database.h"
#include "db/MetaRepository.h"
#include "db/StaffRepository.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace branch::db;

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    static QVariant scalar(Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private slots:
    void createsAndMigrates()
    {
        DbError err;
        auto db = Database::open(path("new.db"), Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(db, qPrintable(err.detail));
        QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        for (const char *table : {"requests", "accounts", "registry_persons", "mobile_owners", "sms_messages",
                                  "recoveries", "staff", "audit_log", "outbox", "request_names", "meta"})
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'")
                                     .arg(QString::fromLatin1(table)))
                         .toInt(),
                     1);
    }

    void reopeningIsIdempotent()
    {
        DbError err;
        {
            auto db = Database::open(path("again.db"), Database::OpenMode::CreateIfMissing, &err);
            QVERIFY(db);
            setMetaValue(*db, QStringLiteral("branch_code"), QStringLiteral("1001"));
        }
        auto db = Database::open(path("again.db"), Database::OpenMode::MustExist, &err);
        QVERIFY(db);
        QCOMPARE(metaValue(*db, QStringLiteral("branch_code")), QStringLiteral("1001"));
    }

    void missingFileIsNotCreated()
    {
        DbError err;
        auto db = Database::open(path("absent.db"), Database::OpenMode::MustExist, &err);
        QVERIFY(!db);
        QCOMPARE(err.kind, DbError::Kind::Missing);
        QVERIFY(!QFile::exists(path("absent.db")));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("kind");
        QTest::newRow("random bytes") << QByteArray(8192, 'x') << int(DbError::Kind::Corrupt);
        QTest::newRow("text file") << QByteArray("national_code,mobile\n") << int(DbError::Kind::Corrupt);
        QByteArray header("SQLite format 3");
        header.append('\0');
        header.append(QByteArray(4096 - header.size(), '\xff'));
        QTest::newRow("damaged header") << header << int(DbError::Kind::Corrupt);
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, kind);
        const QString p = path("bad.db");
        QFile::remove(p);
        {
            QFile f(p);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        DbError err;
        auto db = Database::open(p, Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(!db);
        QCOMPARE(int(err.kind), kind);
        QFile f(p);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content); // untouched
    }

    void refusesNewerSchema()
    {
        DbError err;
        const QString p = path("newer.db");
        {
            auto db = Database::open(p, Database::OpenMode::CreateIfMissing, &err);
            QVERIFY(db);
            db->execDirect(QStringLiteral("PRAGMA user_version = 99"));
        }
        auto db = Database::open(p, Database::OpenMode::MustExist, &err);
        QVERIFY(!db);
        QCOMPARE(err.kind, DbError::Kind::NewerSchema);
    }

    void refusesForeignDatabase()
    {
        const QString p = path("foreign.db");
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(p);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY)")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        QFile before(p);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray original = before.readAll();
        before.close();
        DbError err;
        auto db = Database::open(p, Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(!db);
        QCOMPARE(err.kind, DbError::Kind::NotInitialised);
        auto db2 = Database::open(p, Database::OpenMode::MustExist, &err);
        QVERIFY(!db2);
        QCOMPARE(err.kind, DbError::Kind::NotInitialised);
        QFile after(p);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), original); // not even switched to WAL
        QVERIFY(!QFile::exists(p + QStringLiteral("-wal")));
    }

    void emptyFileIsNotTouchedUnlessCreating()
    {
        const QString p = path("empty.db");
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        DbError err;
        QVERIFY(!Database::open(p, Database::OpenMode::MustExist, &err));
        QCOMPARE(err.kind, DbError::Kind::NotInitialised);
        QCOMPARE(QFileInfo(p).size(), 0);
    }

    void lockedDatabaseIsReported()
    {
        qputenv("BRANCHDESK_BUSY_TIMEOUT_MS", "100");
        DbError err;
        const QString p = path("locked.db");
        auto holder = Database::open(p, Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(holder);
        holder->execDirect(QStringLiteral("BEGIN EXCLUSIVE"));
        auto other = Database::open(p, Database::OpenMode::MustExist, &err);
        bool refused = !other;
        if (other) {
            try {
                Transaction tx(*other);
                setMetaValue(*other, QStringLiteral("k"), QStringLiteral("v"));
                tx.commit();
            } catch (const DbException &e) {
                refused = true;
                QCOMPARE(e.error().kind, DbError::Kind::Locked);
            }
        } else {
            QCOMPARE(err.kind, DbError::Kind::Locked);
        }
        QVERIFY(refused);
        holder->execDirect(QStringLiteral("ROLLBACK"));
        qunsetenv("BRANCHDESK_BUSY_TIMEOUT_MS");
    }

    void transactionRollsBackWhenNotCommitted()
    {
        DbError err;
        auto db = Database::open(path("tx.db"), Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(db);
        {
            Transaction tx(*db);
            setMetaValue(*db, QStringLiteral("k"), QStringLiteral("v"));
        }
        QCOMPARE(metaValue(*db, QStringLiteral("k")), QString());
        {
            Transaction tx(*db);
            setMetaValue(*db, QStringLiteral("k"), QStringLiteral("v"));
            tx.commit();
        }
        QCOMPARE(metaValue(*db, QStringLiteral("k")), QStringLiteral("v"));
    }

    void constraintViolationIsClassified()
    {
        DbError err;
        auto db = Database::open(path("c.db"), Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(db);
        StaffRecord s;
        s.login = QStringLiteral("sara");
        s.role = QStringLiteral("clerk");
        s.passwordHash = QStringLiteral("x");
        s.createdAt = s.updatedAt = QDateTime::currentDateTimeUtc();
        insertStaff(*db, s);
        try {
            insertStaff(*db, s);
            QFAIL("a duplicate login was accepted");
        } catch (const DbException &e) {
            QCOMPARE(e.error().kind, DbError::Kind::Constraint);
        }
        s.role = QStringLiteral("janitor");
        s.login = QStringLiteral("other");
        QVERIFY_THROWS_EXCEPTION(DbException, insertStaff(*db, s)); // CHECK constraint on role
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
