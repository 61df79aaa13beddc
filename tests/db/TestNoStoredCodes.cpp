// No recovery code stays in storage: the branch migration 7 wipes the texts an older version
// kept (a queued or delivered recovery_code SMS, its outbox copy) and fails the queued ones
// (an empty text must never reach a phone); the central migration 5 wipes the texts branches
// pushed (rows, change log); every connection runs with PRAGMA secure_delete, so that a wiped
// value leaves no copy in a free page of the file.
#include "db/Central.h"
#include "db/CentralUrl.h"
#include "db/Database.h"
#include "db/SmsRepository.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace branch::db;
using namespace Qt::StringLiterals;

namespace
{
const QString kOldText = u"سازمان تامین اجتماعی\nشناسه بازیابی گذرواژه شما: 482915\nاین شناسه معتبر است."_s;
const QString kNotice = u"شماره تلفن همراه حساب کاربری شما در شعبه تغییر کرد."_s;

bool exec(QSqlDatabase &c, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(c);
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec();
}

QVariant scalar(QSqlDatabase &c, const QString &sql)
{
    QSqlQuery q(c);
    return q.exec(sql) && q.next() ? q.value(0) : QVariant();
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestNoStoredCodes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    // (e) A fresh connection, branch and central, clears what it deletes. (Debian's SQLite is
    // built with SQLITE_SECURE_DELETE, so there this holds without the pragma too; the
    // pragma is for the builds whose SQLite is not, such as Qt's bundled one on Windows.)
    void secureDeleteIsOn()
    {
        DbError err;
        auto db = Database::open(m_dir.filePath(u"fresh.db"_s), Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(db, qPrintable(err.detail));
        QCOMPARE(scalar(db->connection(), u"PRAGMA secure_delete"_s).toInt(), 1);
        db.reset();
        auto again = Database::open(m_dir.filePath(u"fresh.db"_s), Database::OpenMode::MustExist, &err);
        QVERIFY(again);
        QCOMPARE(scalar(again->connection(), u"PRAGMA secure_delete"_s).toInt(), 1);

        CentralUrl::Problem problem{};
        const auto url = CentralUrl::parse(u"sqlite://"_s + m_dir.filePath(u"central.db"_s), &problem);
        auto central = CentralDatabase::open(url, CentralDatabase::OpenMode::Migrate, &err);
        QVERIFY2(central, qPrintable(err.detail));
        QCOMPARE(scalar(central->connection(), u"PRAGMA secure_delete"_s).toInt(), 1);
    }

    // (d) A database an older version left at schema 6, with recovery codes in its texts.
    void branchMigrationWipesStoredCodes()
    {
        const QString path = m_dir.filePath(u"old.db"_s);
        DbError err;
        {
            auto db = Database::open(path, Database::OpenMode::CreateIfMissing, &err);
            QVERIFY2(db, qPrintable(err.detail));
            QSqlDatabase &c = db->connection();
            const QString insert = u"INSERT INTO sms_messages (id, branch_code, version, national_code, mobile, kind, "
                                   "text, created_at, status, sent_at, attempts, next_attempt_at) "
                                   "VALUES (?, '1001', 1, '0012345679', '09121234567', ?, ?, "
                                   "'2025-05-10T09:00:00.000Z', ?, NULL, ?, ?)"_s;
            QVERIFY(
                exec(c, insert,
                     {u"sms-queued"_s, u"recovery_code"_s, kOldText, u"queued"_s, 1, u"2025-05-10T09:01:00.000Z"_s}));
            QVERIFY(exec(c, insert, {u"sms-sent"_s, u"recovery_code"_s, kOldText, u"sent"_s, 1, QVariant()}));
            QVERIFY(exec(c, insert, {u"sms-notice"_s, u"mobile_changed"_s, kNotice, u"queued"_s, 0, QVariant()}));
            const QString outbox = u"INSERT INTO outbox (id, table_name, row_id, base_version, new_version, payload, "
                                   "created_at) VALUES (?, 'sms_messages', ?, 0, 1, ?, '2025-05-10T09:00:00.000Z')"_s;
            QVERIFY(exec(c, outbox,
                         {u"o1"_s, u"sms-queued"_s,
                          QString::fromUtf8(QJsonDocument(QJsonObject{{u"id"_s, u"sms-queued"_s},
                                                                      {u"kind"_s, u"recovery_code"_s},
                                                                      {u"text"_s, kOldText}})
                                                .toJson(QJsonDocument::Compact))}));
            QVERIFY(exec(c, outbox,
                         {u"o2"_s, u"sms-notice"_s,
                          QString::fromUtf8(QJsonDocument(QJsonObject{{u"id"_s, u"sms-notice"_s},
                                                                      {u"kind"_s, u"mobile_changed"_s},
                                                                      {u"text"_s, kNotice}})
                                                .toJson(QJsonDocument::Compact))}));
            // What the later migrations added goes too, as in a database schema 6 left (009's
            // and 010's columns; 007 and 008 rebuild what they change).
            QVERIFY(exec(c, u"DROP INDEX requests_by_tracking_key"_s));
            QVERIFY(exec(c, u"ALTER TABLE requests DROP COLUMN tracking_key"_s));
            QVERIFY(exec(c, u"ALTER TABLE review_proposals DROP COLUMN branch_code"_s));
            QVERIFY(exec(c, u"ALTER TABLE review_proposals DROP COLUMN version"_s));
            QVERIFY(exec(c, u"PRAGMA user_version = 6"_s));
        }
        QVERIFY(fileBytes(path).contains("482915") || fileBytes(path + u"-wal"_s).contains("482915"));

        auto db = Database::open(path, Database::OpenMode::MustExist, &err);
        QVERIFY2(db, qPrintable(err.detail));
        QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
        const auto queued = findSms(*db, u"sms-queued"_s);
        QVERIFY(queued);
        QCOMPARE(queued->text, QString());
        QCOMPARE(queued->status, u"failed"_s); // an empty text is never sent
        QVERIFY(!queued->nextAttemptAt.isValid());
        const auto sent = findSms(*db, u"sms-sent"_s);
        QCOMPARE(sent->text, QString());
        QCOMPARE(sent->status, u"sent"_s);
        const auto notice = findSms(*db, u"sms-notice"_s);
        QCOMPARE(notice->text, kNotice); // other texts stay
        QCOMPARE(notice->status, u"queued"_s);
        QSqlDatabase &c = db->connection();
        QCOMPARE(scalar(c, u"SELECT json_extract(payload, '$.text') FROM outbox WHERE id = 'o1'"_s).toString(),
                 QString());
        QCOMPARE(scalar(c, u"SELECT json_extract(payload, '$.text') FROM outbox WHERE id = 'o2'"_s).toString(),
                 kNotice);
        db.reset(); // the last connection checkpoints the WAL into the file
        // secure_delete: the old text is not left in a free page or a stale one.
        for (const QString &suffix : {u""_s, u"-wal"_s})
            QVERIFY2(!fileBytes(path + suffix).contains("482915"), qPrintable(suffix));
    }

    // The central side: the texts older branches pushed are wiped from the rows and the log.
    void centralMigrationWipesStoredCodes()
    {
        const QString path = m_dir.filePath(u"old-central.db"_s);
        CentralUrl::Problem problem{};
        const auto url = CentralUrl::parse(u"sqlite://"_s + path, &problem);
        DbError err;
        {
            // A central database at version 4, as an older BranchDesk left it (the files of
            // db/central/sqlite 001-004, statement by statement: ';' ends a line, END; a trigger).
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v4"_s);
            c.setDatabaseName(path);
            QVERIFY(c.open());
            for (const char *file : {"001_initial", "002_central_audit", "003_statement_changes", "004_push_cost"}) {
                QFile f(QStringLiteral(BRANCH_SOURCE_DIR "/db/central/sqlite/%1.sql").arg(QString::fromLatin1(file)));
                QVERIFY(f.open(QIODevice::ReadOnly));
                QString statement;
                bool trigger = false;
                for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
                    if (line.trimmed().startsWith(u"--"_s) || (statement.isEmpty() && line.trimmed().isEmpty()))
                        continue;
                    statement += line + u'\n';
                    trigger = trigger || line.startsWith(u"CREATE TRIGGER"_s);
                    if (trigger ? line.trimmed() == u"END;"_s : line.trimmed().endsWith(u';')) {
                        QVERIFY2(exec(c, statement), qPrintable(statement));
                        statement.clear();
                        trigger = false;
                    }
                }
            }
            QVERIFY(exec(c,
                         u"INSERT INTO sms_messages (id, branch_code, version, national_code, mobile, kind, text, "
                         "created_at, status) VALUES ('c1', '1001', 1, '0012345679', '09121234567', 'recovery_code', "
                         "?, '2025-05-10T09:00:00.000Z', 'queued')"_s,
                         {kOldText}));
            QVERIFY(scalar(c, u"SELECT count(*) FROM changes WHERE payload LIKE '%482915%'"_s).toInt() > 0);
            QVERIFY(exec(c, u"PRAGMA user_version = 4"_s));
            c.close();
        }
        QSqlDatabase::removeDatabase(u"v4"_s);
        auto central = CentralDatabase::open(url, CentralDatabase::OpenMode::Migrate, &err);
        QVERIFY2(central, qPrintable(err.detail));
        QCOMPARE(central->schemaVersion(), CentralDatabase::latestSchemaVersion(CentralUrl::Dialect::SQLite));
        QSqlDatabase &c = central->connection();
        QCOMPARE(scalar(c, u"SELECT text FROM sms_messages WHERE id = 'c1'"_s).toString(), QString());
        QCOMPARE(scalar(c, u"SELECT count(*) FROM changes WHERE payload LIKE '%482915%'"_s).toInt(), 0);
        central.reset();
        for (const QString &suffix : {u""_s, u"-wal"_s})
            QVERIFY2(!fileBytes(path + suffix).contains("482915"), qPrintable(suffix));
    }
};

QTEST_GUILESS_MAIN(TestNoStoredCodes)
#include "TestNoStoredCodes.moc"
