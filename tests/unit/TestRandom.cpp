// Tests of app/security/Random: lengths, digit uniformity, UUID v7/v4 layout and ordering.
#include "app/core/PasswordPolicy.h"
#include "app/security/Random.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUuid>

using namespace branch::security;
using namespace Qt::StringLiterals;

class TestRandom : public QObject
{
    Q_OBJECT

private slots:
    void bytesLength_data();
    void bytesLength();
    void bytesDiffer();
    void digitsShape_data();
    void digitsShape();
    void digitsUniform();
    void digitsPositionsUniform();
    void uuidV7Format();
    void uuidV7Time();
    void uuidV7Ordered();
    void uuidV4Format();
    void passwordsMeetStaffRules_data();
    void passwordsMeetStaffRules();
};

void TestRandom::bytesLength_data()
{
    QTest::addColumn<int>("n");
    QTest::newRow("0") << 0;
    QTest::newRow("1") << 1;
    QTest::newRow("16") << 16;
    QTest::newRow("4096") << 4096;
}

void TestRandom::bytesLength()
{
    QFETCH(int, n);
    QCOMPARE(randomBytes(n).size(), n);
}

void TestRandom::bytesDiffer()
{
    QVERIFY(randomBytes(32) != randomBytes(32));
    // Not stuck on one value: 4096 bytes cover most of the 256 values.
    const QByteArray b = randomBytes(4096);
    QSet<char> seen(b.begin(), b.end());
    QVERIFY(seen.size() > 240);
}

void TestRandom::digitsShape_data()
{
    QTest::addColumn<int>("n");
    QTest::newRow("0") << 0;
    QTest::newRow("1") << 1;
    QTest::newRow("6 (sms code)") << 6;
    QTest::newRow("100") << 100;
    QTest::newRow("1000") << 1000;
}

void TestRandom::digitsShape()
{
    QFETCH(int, n);
    static const QRegularExpression asciiDigits(QStringLiteral("^[0-9]*$"));
    for (int i = 0; i < 50; ++i) {
        const QString d = randomDigits(n);
        QCOMPARE(d.size(), n);
        QVERIFY2(asciiDigits.match(d).hasMatch(), qPrintable(d));
    }
}

namespace
{
// Pearson's chi-square statistic of counts against a uniform expectation.
double chiSquare(const QList<qint64> &counts, double expected)
{
    double chi = 0;
    for (qint64 c : counts)
        chi += (c - expected) * (c - expected) / expected;
    return chi;
}
} // namespace

void TestRandom::digitsUniform()
{
    const int n = 400000;
    const QString d = randomDigits(n);
    QList<qint64> counts(10, 0);
    for (QChar c : d)
        ++counts[c.unicode() - u'0'];
    for (int i = 0; i < 10; ++i)
        QVERIFY2(counts[i] > 0, qPrintable(QString::number(i)));
    // 9 degrees of freedom: P(chi2 > 40) is about 7e-6, so a correct generator practically
    // never fails, while the modulo bias of `byte % 10` (digits 0-5 at 26/256, 6-9 at 25/256)
    // gives about 155 at this sample size.
    const double chi = chiSquare(counts, n / 10.0);
    QVERIFY2(chi < 40.0, qPrintable(QStringLiteral("chi-square %1").arg(chi)));
}

void TestRandom::digitsPositionsUniform()
{
    // Every position of a 6-digit code is uniform, leading zeros included.
    const int codes = 20000;
    QList<QList<qint64>> counts(6, QList<qint64>(10, 0));
    int leadingZero = 0;
    for (int i = 0; i < codes; ++i) {
        const QString code = randomDigits(6);
        if (code.startsWith(u'0'))
            ++leadingZero;
        for (int pos = 0; pos < 6; ++pos)
            ++counts[pos][code[pos].unicode() - u'0'];
    }
    QVERIFY(leadingZero > 0);
    for (int pos = 0; pos < 6; ++pos) {
        const double chi = chiSquare(counts[pos], codes / 10.0);
        QVERIFY2(chi < 40.0, qPrintable(QStringLiteral("position %1: chi-square %2").arg(pos).arg(chi)));
    }
}

void TestRandom::uuidV7Format()
{
    static const QRegularExpression v7(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString u = newUuid();
        QVERIFY2(v7.match(u).hasMatch(), qPrintable(u));
        // (QUuid::version() of Qt 6.4 knows versions 1-5 only; the regex checks the 7.)
        QCOMPARE(QUuid(u).variant(), QUuid::DCE);
        seen.insert(u);
    }
    QCOMPARE(seen.size(), 1000);
}

void TestRandom::uuidV7Time()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QString u = newUuid();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    // The first 48 bits are the Unix time in milliseconds (big-endian).
    bool ok = false;
    const qint64 ms = QString(u).remove(u'-').left(12).toLongLong(&ok, 16);
    QVERIFY(ok);
    // After many calls in one millisecond the counter may have pushed the time ahead a bit.
    QVERIFY2(ms >= before && ms <= after + 5,
             qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(ms).arg(before).arg(after)));
}

void TestRandom::uuidV7Ordered()
{
    // Within the process, each value sorts after the previous one, also many in one ms.
    QString prev = newUuid();
    for (int i = 0; i < 20000; ++i) {
        const QString next = newUuid();
        QVERIFY2(next > prev, qPrintable(prev + u" then "_s + next));
        prev = next;
    }
}

void TestRandom::uuidV4Format()
{
    static const QRegularExpression v4(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString u = newUuidV4();
        QVERIFY2(v4.match(u).hasMatch(), qPrintable(u));
        QCOMPARE(QUuid(u).version(), QUuid::Random);
        seen.insert(u);
    }
    QCOMPARE(seen.size(), 1000);
}

// The demo staff's passwords: each meets the staff password rules, none repeats, every
// symbol of the alphabet turns up, and none of the look-alikes (0 O o 1 l I) ever does.
void TestRandom::passwordsMeetStaffRules_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("expected");
    QTest::newRow("default") << 0 << 12;
    QTest::newRow("short request") << 3 << 8;
    QTest::newRow("long") << 20 << 20;
}

void TestRandom::passwordsMeetStaffRules()
{
    QFETCH(int, length);
    QFETCH(int, expected);
    QSet<QString> seen;
    QSet<QChar> symbols;
    for (int i = 0; i < 2000; ++i) {
        const QString p = length == 0 ? randomPassword() : randomPassword(length);
        QCOMPARE(p.size(), expected);
        const auto violations = branch::checkPassword(p, p, {});
        QVERIFY2(violations.isEmpty(),
                 qPrintable(p + u": "_s + (violations.isEmpty() ? QString() : violations.first().code)));
        for (const QChar c : p) {
            QVERIFY2(!u"0Oo1lI"_s.contains(c), qPrintable(p));
            symbols.insert(c);
        }
        seen.insert(p);
    }
    QCOMPARE(seen.size(), 2000);
    QCOMPARE(symbols.size(), 56);
}

QTEST_GUILESS_MAIN(TestRandom)
#include "TestRandom.moc"
