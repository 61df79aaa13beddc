// Jalali birth dates: shapes, digit scripts, leap years (1399 and 1403 leap, 1400–1402
// not), future and too-old dates, and conversion both ways.
#include "app/core/JalaliDate.h"

#include "RulesTestUtil.h"

#include <QTest>

using namespace branch;
using namespace rulestest;
using namespace Qt::StringLiterals;

class TestJalaliDate : public QObject
{
    Q_OBJECT
private slots:
    void check_data();
    void check();
    void parse_data();
    void parse();
    void format_data();
    void format();
    void roundTripEveryDay();
};

// 2025-06-01 is 1404/03/11.
static const QDate kToday(2025, 6, 1);

void TestJalaliDate::check_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QDate>("gregorian");

    QTest::newRow("seed example") << u"1365/04/12"_s << QString() << QDate(1986, 7, 3);
    QTest::newRow("persian digits") << u"۱۳۶۵/۰۴/۱۲"_s << QString() << QDate(1986, 7, 3);
    QTest::newRow("arabic-indic digits") << u"١٣٦٥/٠٤/١٢"_s << QString() << QDate(1986, 7, 3);
    QTest::newRow("dashes") << u"1365-04-12"_s << QString() << QDate(1986, 7, 3);
    QTest::newRow("one-digit month") << u"1365/4/12"_s << QString() << QDate(1986, 7, 3);
    QTest::newRow("one-digit day, blanks") << u" 1365/4/2 "_s << QString() << QDate(1986, 6, 23);
    QTest::newRow("nowruz 1403") << u"1403/01/01"_s << QString() << QDate(2024, 3, 20);
    QTest::newRow("1399 is leap") << u"1399/12/30"_s << QString() << QDate(2021, 3, 20);
    QTest::newRow("1403 is leap") << u"1403/12/30"_s << QString() << QDate(2025, 3, 20);
    QTest::newRow("1402/12/29") << u"1402/12/29"_s << QString() << QDate(2024, 3, 19);
    QTest::newRow("month 6 has 31") << u"1400/06/31"_s << QString() << QDate(2021, 9, 22);
    QTest::newRow("today") << u"1404/03/11"_s << QString() << kToday;

    QTest::newRow("empty") << QString() << u"birth_date.required"_s << QDate();
    QTest::newRow("blank") << u"  "_s << u"birth_date.required"_s << QDate();

    QTest::newRow("no day") << u"1365/04"_s << u"birth_date.format"_s << QDate();
    QTest::newRow("two-digit year") << u"65/04/12"_s << u"birth_date.format"_s << QDate();
    QTest::newRow("dots") << u"1365.04.12"_s << u"birth_date.format"_s << QDate();
    QTest::newRow("mixed separators") << u"1365/04-12"_s << u"birth_date.format"_s << QDate();
    QTest::newRow("no separators") << u"13650412"_s << u"birth_date.format"_s << QDate();
    QTest::newRow("letters") << u"abcd/ef/gh"_s << u"birth_date.format"_s << QDate();
    QTest::newRow("three-digit month") << u"1365/004/12"_s << u"birth_date.format"_s << QDate();
    QTest::newRow("four parts") << u"1365/04/12/1"_s << u"birth_date.format"_s << QDate();
    QTest::newRow("trailing letter") << u"۱۳۶۵/۰۴/۱۲ب"_s << u"birth_date.format"_s << QDate();
    QTest::newRow("day/month/year") << u"12/04/1365"_s << u"birth_date.format"_s << QDate();
    QTest::newRow("other digit script") << u"१३६५/०४/१२"_s << u"birth_date.format"_s << QDate();

    QTest::newRow("1402 not leap") << u"1402/12/30"_s << u"birth_date.invalid"_s << QDate();
    QTest::newRow("1401 not leap") << u"1401/12/30"_s << u"birth_date.invalid"_s << QDate();
    QTest::newRow("1400 not leap") << u"1400/12/30"_s << u"birth_date.invalid"_s << QDate();
    QTest::newRow("month 7 has 30") << u"1400/07/31"_s << u"birth_date.invalid"_s << QDate();
    QTest::newRow("month 13") << u"1400/13/01"_s << u"birth_date.invalid"_s << QDate();
    QTest::newRow("month 0") << u"1400/00/10"_s << u"birth_date.invalid"_s << QDate();
    QTest::newRow("day 0") << u"1400/01/00"_s << u"birth_date.invalid"_s << QDate();
    QTest::newRow("day 32") << u"1400/01/32"_s << u"birth_date.invalid"_s << QDate();

    QTest::newRow("tomorrow") << u"1404/03/12"_s << u"birth_date.future"_s << QDate();
    QTest::newRow("next year") << u"1405/01/01"_s << u"birth_date.future"_s << QDate();

    QTest::newRow("1280/01/01 accepted") << u"1280/01/01"_s << QString() << earliestBirthDate();
    QTest::newRow("day before 1280") << u"1279/12/29"_s << u"birth_date.too_old"_s << QDate();
    QTest::newRow("1200") << u"1200/01/01"_s << u"birth_date.too_old"_s << QDate();
}

void TestJalaliDate::check()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QDate, gregorian);
    QDate out(2000, 1, 1);
    const Violations vs = checkBirthDate(input, kToday, &out);
    QCOMPARE(codesOf(vs), code.isEmpty() ? QStringList() : QStringList{code});
    QVERIFY(wellFormed(vs, u"birth_date"_s));
    QCOMPARE(out, gregorian);
}

void TestJalaliDate::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QDate>("expected"); // invalid QDate: nullopt expected
    QTest::newRow("valid") << u"1365/04/12"_s << QDate(1986, 7, 3);
    QTest::newRow("future is still a date") << u"1500/01/01"_s << QDate(2121, 3, 21);
    QTest::newRow("not leap") << u"1402/12/30"_s << QDate();
    QTest::newRow("bad shape") << u"1365/04"_s << QDate();
    QTest::newRow("empty") << QString() << QDate();
}

void TestJalaliDate::parse()
{
    QFETCH(QString, input);
    QFETCH(QDate, expected);
    const std::optional<QDate> d = parseJalali(input);
    QCOMPARE(d.has_value(), expected.isValid());
    if (d)
        QCOMPARE(*d, expected);
}

void TestJalaliDate::format_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("persian");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seed example") << QDate(1986, 7, 3) << false << u"1365/04/12"_s;
    QTest::newRow("persian digits") << QDate(1986, 7, 3) << true << u"۱۳۶۵/۰۴/۱۲"_s;
    QTest::newRow("leap day 1403") << QDate(2025, 3, 20) << false << u"1403/12/30"_s;
    QTest::newRow("last day 1402") << QDate(2024, 3, 19) << false << u"1402/12/29"_s;
    QTest::newRow("nowruz 1404") << QDate(2025, 3, 21) << false << u"1404/01/01"_s;
    QTest::newRow("invalid") << QDate() << false << QString();
}

void TestJalaliDate::format()
{
    QFETCH(QDate, date);
    QFETCH(bool, persian);
    QFETCH(QString, expected);
    QCOMPARE(toJalaliString(date, persian), expected);
}

void TestJalaliDate::roundTripEveryDay()
{
    for (QDate d(1901, 3, 21); d <= QDate(2030, 12, 31); d = d.addDays(1)) {
        const QString j = toJalaliString(d);
        const auto back = parseJalali(j);
        QVERIFY2(back && *back == d, qPrintable(j));
    }
}

QTEST_GUILESS_MAIN(TestJalaliDate)
#include "TestJalaliDate.moc"
