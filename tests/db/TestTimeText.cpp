// The database's one time format (db::isoUtc, db::fromIsoUtc), written and read by hand for
// speed: for every instant and every text, the same result as Qt's ISO 8601 code.
#include "db/Records.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace branch::db;
using namespace Qt::StringLiterals;

namespace
{
QString qtIsoUtc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime qtFromIsoUtc(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    return t.toUTC();
}
} // namespace

class TestTimeText : public QObject
{
    Q_OBJECT

private slots:
    void writtenAsQtWrites_data()
    {
        QTest::addColumn<QDateTime>("t");
        QTest::newRow("null") << QDateTime();
        QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        QTest::newRow("last ms of a leap year") << QDateTime(QDate(2028, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
        QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(0, 0), Qt::UTC);
        QTest::newRow("Tehran time") << QDateTime(QDate(2026, 3, 21), QTime(0, 30, 5, 7), QTimeZone("Asia/Tehran"));
        QTest::newRow("offset +03:30") << QDateTime(QDate(2026, 12, 4), QTime(1, 2, 3, 4), QTimeZone(12600));
        QTest::newRow("local time") << QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::LocalTime);
        QTest::newRow("year 999") << QDateTime(QDate(999, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("year 1000") << QDateTime(QDate(1000, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
        QTest::newRow("year 10000") << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("year -5") << QDateTime(QDate(-5, 1, 1), QTime(0, 0), Qt::UTC);
        QRandomGenerator rng(20261204);
        for (int i = 0; i < 2000; ++i) {
            const qint64 ms = qint64(rng.bounded(4102444800.0) * 1000); // 1970 .. 2100
            QTest::addRow("random %d", i) << QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        }
    }

    void writtenAsQtWrites()
    {
        QFETCH(QDateTime, t);
        QCOMPARE(isoUtc(t), qtIsoUtc(t));
        // Read back as Qt reads its own text (Qt reads no year outside 0..9999 back).
        QCOMPARE(fromIsoUtc(isoUtc(t)), qtFromIsoUtc(qtIsoUtc(t)));
    }

    void readAsQtReads_data()
    {
        QTest::addColumn<QString>("text");
        for (const QString &s : {u""_s,
                                 u"2026-11-25T10:00:00.000Z"_s,
                                 u"2026-11-25T10:00:00Z"_s,
                                 u"2026-11-25T10:00:00.000+03:30"_s,
                                 u"2026-11-25T10:00:00.000"_s,
                                 u"2026-13-25T10:00:00.000Z"_s,
                                 u"2026-02-30T10:00:00.000Z"_s,
                                 u"2025-02-29T10:00:00.000Z"_s,
                                 u"2024-02-29T23:59:59.999Z"_s,
                                 u"2026-11-25T24:00:00.000Z"_s,
                                 u"2026-11-25T23:60:00.000Z"_s,
                                 u"2026-11-25T23:59:60.000Z"_s,
                                 u"2026-11-25 10:00:00.000Z"_s,
                                 u"2026-11-25T10:00:00,000Z"_s,
                                 u"۲۰۲۶-۱۱-۲۵T10:00:00.000Z"_s,
                                 u"2026-11-2xT10:00:00.000Z"_s,
                                 u"+026-11-25T10:00:00.000Z"_s,
                                 u"0999-11-25T10:00:00.000Z"_s,
                                 u"2026-11-25T10:00:00.000z"_s,
                                 u"2026-11-25T10:00:00.0000"_s,
                                 u"2026-11-25T10:00:00.12Z"_s,
                                 u"garbage text of 24 chars"_s,
                                 u"2026-11-25T10:00:00.000ZZ"_s,
                                 u"2026-11-25"_s})
            QTest::newRow(qPrintable(s.isEmpty() ? u"(empty)"_s : s)) << s;
    }

    void readAsQtReads()
    {
        QFETCH(QString, text);
        const QDateTime mine = fromIsoUtc(text), qt = qtFromIsoUtc(text);
        QCOMPARE(mine.isValid(), qt.isValid());
        if (qt.isValid()) {
            QCOMPARE(mine, qt);
            QCOMPARE(mine.timeSpec(), qt.timeSpec());
        }
    }
};

QTEST_GUILESS_MAIN(TestTimeText)
#include "TestTimeText.moc"
