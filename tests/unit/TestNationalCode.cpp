// National code rule: formats, digit scripts, repeated digits, the check digit and codes
// never issued (digits 4..9 all zero).
#include "app/core/NationalCode.h"

#include "RulesTestUtil.h"

#include <QTest>

using namespace branch;
using namespace rulestest;
using namespace Qt::StringLiterals;

class TestNationalCode : public QObject
{
    Q_OBJECT
private slots:
    void check_data();
    void check();
    void withCheckDigit_data();
    void withCheckDigit();
    void everyPrefixHasExactlyOneCheckDigit();
};

void TestNationalCode::check_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");       // expected violation code, empty when valid
    QTest::addColumn<QString>("normalized"); // expected *normalized

    QTest::newRow("valid") << u"0012345679"_s << QString() << u"0012345679"_s;
    QTest::newRow("valid 2") << u"0499370899"_s << QString() << u"0499370899"_s;
    QTest::newRow("valid r=1") << u"1234567891"_s << QString() << u"1234567891"_s;
    QTest::newRow("valid r=0") << u"0100000010"_s << QString() << u"0100000010"_s;
    QTest::newRow("valid r=1 check 1") << u"1000000011"_s << QString() << u"1000000011"_s;
    QTest::newRow("persian digits") << u"۰۰۱۲۳۴۵۶۷۹"_s << QString() << u"0012345679"_s;
    QTest::newRow("arabic-indic digits") << u"٠٤٩٩٣٧٠٨٩٩"_s << QString() << u"0499370899"_s;
    QTest::newRow("mixed scripts") << u"۰۰1234٥٦٧٩"_s << QString() << u"0012345679"_s;
    QTest::newRow("surrounding spaces") << u"  0012345679 \t"_s << QString() << u"0012345679"_s;
    QTest::newRow("dashes") << u"001-234567-9"_s << QString() << u"0012345679"_s;
    QTest::newRow("inner spaces") << u"001 234 567 9"_s << QString() << u"0012345679"_s;
    QTest::newRow("rlm mark pasted") << u"\u200F0012345679"_s << QString() << u"0012345679"_s;

    QTest::newRow("empty") << QString() << u"national_code.required"_s << QString();
    QTest::newRow("blank") << u"   "_s << u"national_code.required"_s << QString();
    QTest::newRow("only dashes") << u"- -"_s << u"national_code.required"_s << QString();

    QTest::newRow("nine digits") << u"001234567"_s << u"national_code.format"_s << QString();
    QTest::newRow("eleven digits") << u"00123456790"_s << u"national_code.format"_s << QString();
    QTest::newRow("leading zero dropped") << u"12345679"_s << u"national_code.format"_s << QString();
    QTest::newRow("letter inside") << u"00123456a9"_s << u"national_code.format"_s << QString();
    QTest::newRow("letter after") << u"0012345679x"_s << u"national_code.format"_s << QString();
    QTest::newRow("dot inside") << u"0012.345679"_s << u"national_code.format"_s << QString();
    QTest::newRow("plus sign") << u"+012345679"_s << u"national_code.format"_s << QString();
    QTest::newRow("persian nine digits") << u"۰۰۱۲۳۴۵۶۷"_s << u"national_code.format"_s << QString();
    QTest::newRow("persian letter") << u"۰۰۱۲۳۴۵۶۷ب"_s << u"national_code.format"_s << QString();

    QTest::newRow("zeros") << u"0000000000"_s << u"national_code.repeated"_s << QString();
    QTest::newRow("ones") << u"1111111111"_s << u"national_code.repeated"_s << QString();
    QTest::newRow("nines") << u"9999999999"_s << u"national_code.repeated"_s << QString();
    QTest::newRow("persian fives") << u"۵۵۵۵۵۵۵۵۵۵"_s << u"national_code.repeated"_s << QString();

    QTest::newRow("checksum off by one") << u"0012345678"_s << u"national_code.checksum"_s << QString();
    QTest::newRow("checksum 2") << u"0499370898"_s << u"national_code.checksum"_s << QString();
    QTest::newRow("checksum r=1 needs 1") << u"1234567890"_s << u"national_code.checksum"_s << QString();
    QTest::newRow("checksum r=0 needs 0") << u"0100000011"_s << u"national_code.checksum"_s << QString();
    QTest::newRow("checksum 11-r as 2 digits") << u"0012345670"_s << u"national_code.checksum"_s << QString();
    QTest::newRow("checksum persian") << u"۰۴۹۹۳۷۰۸۹۱"_s << u"national_code.checksum"_s << QString();

    // Digits 4..9 all zero: the checksum holds, but no such code is ever issued.
    QTest::newRow("not issued 002") << u"0020000006"_s << u"national_code.not_issued"_s << QString();
    QTest::newRow("not issued 001") << u"0010000003"_s << u"national_code.not_issued"_s << QString();
    QTest::newRow("not issued 010") << u"0100000002"_s << u"national_code.not_issued"_s << QString();
    QTest::newRow("not issued 100") << u"1000000001"_s << u"national_code.not_issued"_s << QString();
    QTest::newRow("not issued 123") << u"1230000003"_s << u"national_code.not_issued"_s << QString();
    QTest::newRow("not issued 999") << u"9990000001"_s << u"national_code.not_issued"_s << QString();
    QTest::newRow("not issued persian") << u"۰۰۲۰۰۰۰۰۰۶"_s << u"national_code.not_issued"_s << QString();
    QTest::newRow("not issued arabic-indic") << u"١٢٣٠٠٠٠٠٠٣"_s << u"national_code.not_issued"_s << QString();
    QTest::newRow("not issued dashes") << u"002-000000-6"_s << u"national_code.not_issued"_s << QString();
    QTest::newRow("not issued spaces") << u" 002 000000 6 "_s << u"national_code.not_issued"_s << QString();
    QTest::newRow("zeros and bad checksum") << u"0020000007"_s << u"national_code.checksum"_s << QString();
    QTest::newRow("zeros but nine digits") << u"002000000"_s << u"national_code.format"_s << QString();
    // One non-zero digit among the six is enough.
    QTest::newRow("ninth digit set") << u"0020000014"_s << QString() << u"0020000014"_s;
    QTest::newRow("fourth digit set") << u"0021000001"_s << QString() << u"0021000001"_s;
    QTest::newRow("only fourth digit set") << u"0001000004"_s << QString() << u"0001000004"_s;
}

void TestNationalCode::check()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, normalized);

    QString out = u"garbage"_s;
    const Violations vs = checkNationalCode(input, &out);
    QCOMPARE(codesOf(vs), code.isEmpty() ? QStringList() : QStringList{code});
    QVERIFY(wellFormed(vs, u"national_code"_s));
    QCOMPARE(out, normalized);
    QCOMPARE(isValidNationalCode(input), code.isEmpty());
    QCOMPARE(checkNationalCode(input), vs); // the out-parameter is optional
}

void TestNationalCode::withCheckDigit_data()
{
    QTest::addColumn<QString>("nine");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0012345679") << u"001234567"_s << u"0012345679"_s;
    QTest::newRow("0499370899") << u"049937089"_s << u"0499370899"_s;
    QTest::newRow("r=1") << u"123456789"_s << u"1234567891"_s;
    QTest::newRow("r=0") << u"010000001"_s << u"0100000010"_s;
    QTest::newRow("r=5") << u"000000011"_s << u"0000000116"_s;
    QTest::newRow("persian") << u"۰۰۱۲۳۴۵۶۷"_s << u"0012345679"_s;
    QTest::newRow("eight digits") << u"12345678"_s << QString();
    QTest::newRow("ten digits") << u"1234567890"_s << QString();
    QTest::newRow("letters") << u"abcdefghi"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestNationalCode::withCheckDigit()
{
    QFETCH(QString, nine);
    QFETCH(QString, expected);
    QCOMPARE(nationalCodeWithCheckDigit(nine), expected);
}

// For a spread of prefixes, the computed code is valid and the nine other last digits
// are all refused by the checksum (or, for a repeated digit, by the repetition rule). A
// prefix ending in six zeros (560000000 is one of them) has no valid code at all.
void TestNationalCode::everyPrefixHasExactlyOneCheckDigit()
{
    int notIssued = 0;
    for (int n = 1234567; n < 1000000000; n += 7654321) { // 000000000 would give 0000000000
        const QString nine = QString::number(n).rightJustified(9, u'0');
        const QString good = nationalCodeWithCheckDigit(nine);
        QCOMPARE(good.size(), 10);
        if (n % 1000000 == 0) {
            ++notIssued;
            QCOMPARE(codesOf(checkNationalCode(good)), QStringList{u"national_code.not_issued"_s});
        } else {
            QVERIFY2(isValidNationalCode(good), qPrintable(good));
        }
        for (char16_t d = u'0'; d <= u'9'; ++d) {
            if (QChar(d) == good.back())
                continue;
            const QString bad = nine + QChar(d);
            QVERIFY2(!isValidNationalCode(bad), qPrintable(bad));
        }
    }
    QCOMPARE(notIssued, 1);
}

QTEST_GUILESS_MAIN(TestNationalCode)
#include "TestNationalCode.moc"
