// Mobile rule: every accepted shape normalises to 09XXXXXXXXX; landlines, junk and
// wrong lengths get their own codes.
#include "app/core/Mobile.h"

#include "RulesTestUtil.h"

#include <QTest>

using namespace branch;
using namespace rulestest;
using namespace Qt::StringLiterals;

class TestMobile : public QObject
{
    Q_OBJECT
private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestMobile::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    const QString m = u"09121234567"_s;
    QTest::newRow("national") << u"09121234567"_s << m;
    QTest::newRow("without 0") << u"9121234567"_s << m;
    QTest::newRow("+98") << u"+989121234567"_s << m;
    QTest::newRow("0098") << u"00989121234567"_s << m;
    QTest::newRow("98") << u"989121234567"_s << m;
    QTest::newRow("persian digits") << u"۰۹۱۲۱۲۳۴۵۶۷"_s << m;
    QTest::newRow("arabic-indic digits") << u"٠٩١٢١٢٣٤٥٦٧"_s << m;
    QTest::newRow("persian +98") << u"+۹۸۹۱۲۱۲۳۴۵۶۷"_s << m;
    QTest::newRow("spaces") << u"0912 123 4567"_s << m;
    QTest::newRow("dashes") << u"0912-123-4567"_s << m;
    QTest::newRow("dots") << u"0912.123.4567"_s << m;
    QTest::newRow("parentheses") << u"(0912) 123-4567"_s << m;
    QTest::newRow("+98 spaced") << u"+98 912 123 4567"_s << m;
    QTest::newRow("+98 (0)") << u"+98 (0) 912 123 4567"_s << m;
    QTest::newRow("0098 spaced") << u"0098 912 123 4567"_s << m;
    QTest::newRow("surrounding blanks") << u"  09121234567\t"_s << m;
    QTest::newRow("bidi marks") << u"\u200E+98 912 123 4567\u200E"_s << m;
    QTest::newRow("0935") << u"09351234567"_s << u"09351234567"_s;
    QTest::newRow("0990") << u"09901234567"_s << u"09901234567"_s;
    QTest::newRow("0901 without 0") << u"9011234567"_s << u"09011234567"_s;
}

void TestMobile::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QString out;
    QCOMPARE(codesOf(checkMobile(input, &out)), QStringList());
    QCOMPARE(out, normalized);
}

void TestMobile::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << QString() << u"mobile.required"_s;
    QTest::newRow("blank") << u"   "_s << u"mobile.required"_s;
    QTest::newRow("only punctuation") << u"( ) -"_s << u"mobile.required"_s;

    QTest::newRow("letters") << u"0912abc4567"_s << u"mobile.format"_s;
    QTest::newRow("word") << u"mobile"_s << u"mobile.format"_s;
    QTest::newRow("persian letters") << u"۰۹۱۲ب۱۲۳۴۵۶۷"_s << u"mobile.format"_s;
    QTest::newRow("underscore") << u"0912_1234567"_s << u"mobile.format"_s;
    QTest::newRow("plus inside") << u"0912+1234567"_s << u"mobile.format"_s;
    QTest::newRow("plus alone") << u"+"_s << u"mobile.format"_s;
    QTest::newRow("foreign +44") << u"+447911123456"_s << u"mobile.format"_s;
    QTest::newRow("foreign 0044") << u"0044 7911 123456"_s << u"mobile.format"_s;
    QTest::newRow("starts with 1") << u"12345678901"_s << u"mobile.format"_s;
    QTest::newRow("starts with 5") << u"5121234567"_s << u"mobile.format"_s;

    QTest::newRow("tehran landline") << u"02112345678"_s << u"mobile.landline"_s;
    QTest::newRow("old isfahan landline") << u"0311 1234567"_s << u"mobile.landline"_s;
    QTest::newRow("+98 landline") << u"+982112345678"_s << u"mobile.landline"_s;
    QTest::newRow("0098 landline") << u"00982112345678"_s << u"mobile.landline"_s;
    QTest::newRow("98 landline") << u"982112345678"_s << u"mobile.landline"_s;
    QTest::newRow("persian landline") << u"۰۲۱۸۸۷۷۶۶۵۵"_s << u"mobile.landline"_s;
    QTest::newRow("area code only") << u"021"_s << u"mobile.landline"_s;

    QTest::newRow("one digit short") << u"0912123456"_s << u"mobile.length"_s;
    QTest::newRow("one digit long") << u"091212345678"_s << u"mobile.length"_s;
    QTest::newRow("short without 0") << u"912123456"_s << u"mobile.length"_s;
    QTest::newRow("+98 short") << u"+98912123456"_s << u"mobile.length"_s;
    QTest::newRow("+98 long") << u"+9891212345678"_s << u"mobile.length"_s;
    QTest::newRow("98 and 9 digits") << u"98912123456"_s << u"mobile.length"_s;
    QTest::newRow("zero") << u"0"_s << u"mobile.length"_s;
    QTest::newRow("09") << u"09"_s << u"mobile.length"_s;
    QTest::newRow("+98 alone") << u"+98"_s << u"mobile.length"_s;
    QTest::newRow("0098 alone") << u"0098"_s << u"mobile.length"_s;
    QTest::newRow("double trunk zero") << u"+98 00 912 123 4567"_s << u"mobile.length"_s;
}

void TestMobile::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QString out = u"garbage"_s;
    const Violations vs = checkMobile(input, &out);
    QCOMPARE(codesOf(vs), QStringList{code});
    QVERIFY(wellFormed(vs, u"mobile"_s));
    QCOMPARE(out, QString());
}

QTEST_GUILESS_MAIN(TestMobile)
#include "TestMobile.moc"
