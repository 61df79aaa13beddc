// Identity fields: names, birth certificate number, gender and email.
#include "app/core/Names.h"

#include "RulesTestUtil.h"

#include <QTest>

using namespace branch;
using namespace rulestest;
using namespace Qt::StringLiterals;

class TestNames : public QObject
{
    Q_OBJECT
private slots:
    void name_data();
    void name();
    void nameFieldInCode();
    void birthCert_data();
    void birthCert();
    void gender_data();
    void gender();
    void email_data();
    void email();
};

void TestNames::name_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("codes");
    const QStringList ok;
    const QStringList bad{u"first_name.invalid_chars"_s};
    QTest::newRow("persian") << u"علی"_s << ok;
    QTest::newRow("two words") << u"محمد حسین"_s << ok;
    QTest::newRow("zwnj") << u"نیک\u200Cپور"_s << ok;
    QTest::newRow("diacritics") << u"مُحَمَّد"_s << ok;
    QTest::newRow("madda") << u"آذر"_s << ok;
    QTest::newRow("arabic letters") << u"علي"_s << ok;
    QTest::newRow("latin hyphen") << u"Ali-Reza"_s << ok;
    QTest::newRow("apostrophe") << u"O'Brien"_s << ok;
    QTest::newRow("blanks trimmed") << u"  علی   رضا  "_s << ok;
    QTest::newRow("60 letters") << QString(60, QChar(0x0628)) << ok;
    QTest::newRow("60 after collapsing") << (u"  "_s + QString(60, QChar(0x0628)) + u"   "_s) << ok;

    QTest::newRow("empty") << QString() << QStringList{u"first_name.required"_s};
    QTest::newRow("blank") << u"  \t "_s << QStringList{u"first_name.required"_s};

    QTest::newRow("ascii digit") << u"Ali2"_s << bad;
    QTest::newRow("persian digit") << u"علی۲"_s << bad;
    QTest::newRow("at sign") << u"علی@"_s << bad;
    QTest::newRow("dot") << u"علی."_s << bad;
    QTest::newRow("underscore") << u"_"_s << bad;
    QTest::newRow("only hyphen") << u"-"_s << bad;
    QTest::newRow("only apostrophe") << u"'"_s << bad;
    QTest::newRow("emoji") << u"علی \U0001F600"_s << bad;
    QTest::newRow("persian comma") << u"علی، رضا"_s << bad;
    // Found by tests/fuzz (names): letters (Lo) that fold to marks only, no letter left to match.
    QTest::newRow("ligature of marks only") << u"\uFCF3"_s << bad;
    QTest::newRow("marks-only ligatures") << u"\uFCF2\uFCF4 \uFC5E"_s << bad;
    QTest::newRow("ligature with a letter") << u"\uFDF2"_s << ok;

    QTest::newRow("61 letters") << QString(61, QChar(0x0628)) << QStringList{u"first_name.too_long"_s};
    QTest::newRow("too long and digits") << (QString(60, u'a') + u"1"_s)
                                         << QStringList{u"first_name.invalid_chars"_s, u"first_name.too_long"_s};
}

void TestNames::name()
{
    QFETCH(QString, input);
    QFETCH(QStringList, codes);
    const Violations vs = checkName(input, u"first_name"_s);
    QCOMPARE(codesOf(vs), codes);
    QVERIFY(wellFormed(vs, u"first_name"_s));
}

void TestNames::nameFieldInCode()
{
    QCOMPARE(codesOf(checkName(u"", u"last_name"_s)), QStringList{u"last_name.required"_s});
    QCOMPARE(codesOf(checkName(u"x1", u"father_name"_s)), QStringList{u"father_name.invalid_chars"_s});
    QCOMPARE(checkName(u"", u"father_name"_s).front().field, u"father_name"_s);
}

void TestNames::birthCert_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("short") << u"123"_s << QString() << u"123"_s;
    QTest::newRow("one digit") << u"7"_s << QString() << u"7"_s;
    QTest::newRow("persian") << u"۱۲۳"_s << QString() << u"123"_s;
    QTest::newRow("arabic-indic") << u"٤٥"_s << QString() << u"45"_s;
    QTest::newRow("same as national code") << u"0012345679"_s << QString() << u"0012345679"_s;
    QTest::newRow("leading zeros kept") << u"0012"_s << QString() << u"0012"_s;
    QTest::newRow("blanks") << u" 123 "_s << QString() << u"123"_s;
    QTest::newRow("dashes") << u"001-234567-9"_s << QString() << u"0012345679"_s;

    QTest::newRow("empty") << QString() << u"birth_cert_no.required"_s << QString();
    QTest::newRow("blank") << u"   "_s << u"birth_cert_no.required"_s << QString();
    QTest::newRow("zero") << u"0"_s << u"birth_cert_no.zero"_s << QString();
    QTest::newRow("zeros") << u"000"_s << u"birth_cert_no.zero"_s << QString();
    QTest::newRow("persian zero") << u"۰"_s << u"birth_cert_no.zero"_s << QString();
    QTest::newRow("eleven digits") << u"12345678901"_s << u"birth_cert_no.format"_s << QString();
    QTest::newRow("letter") << u"12a"_s << u"birth_cert_no.format"_s << QString();
    QTest::newRow("persian letter") << u"۱۲ب"_s << u"birth_cert_no.format"_s << QString();
    QTest::newRow("slash") << u"12/3"_s << u"birth_cert_no.format"_s << QString();
}

void TestNames::birthCert()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, normalized);
    QString out = u"garbage"_s;
    const Violations vs = checkBirthCertNo(input, &out);
    QCOMPARE(codesOf(vs), code.isEmpty() ? QStringList() : QStringList{code});
    QVERIFY(wellFormed(vs, u"birth_cert_no"_s));
    QCOMPARE(out, normalized);
}

void TestNames::gender_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("M") << u"M"_s << QString() << u"M"_s;
    QTest::newRow("F") << u"F"_s << QString() << u"F"_s;
    QTest::newRow("m") << u"m"_s << QString() << u"M"_s;
    QTest::newRow("f") << u"f"_s << QString() << u"F"_s;
    QTest::newRow("male") << u"male"_s << QString() << u"M"_s;
    QTest::newRow("Female") << u"Female"_s << QString() << u"F"_s;
    QTest::newRow("MALE blanks") << u" MALE "_s << QString() << u"M"_s;
    QTest::newRow("mard") << u"مرد"_s << QString() << u"M"_s;
    QTest::newRow("zan") << u"زن"_s << QString() << u"F"_s;
    QTest::newRow("agha") << u"آقا"_s << QString() << u"M"_s;
    QTest::newRow("khanom") << u"خانم"_s << QString() << u"F"_s;
    QTest::newRow("empty") << QString() << u"gender.required"_s << QString();
    QTest::newRow("blank") << u"  "_s << u"gender.required"_s << QString();
    QTest::newRow("x") << u"x"_s << u"gender.invalid"_s << QString();
    QTest::newRow("man") << u"man"_s << u"gender.invalid"_s << QString();
    QTest::newRow("digit") << u"1"_s << u"gender.invalid"_s << QString();
    QTest::newRow("MF") << u"MF"_s << u"gender.invalid"_s << QString();
    QTest::newRow("persian other") << u"مردی"_s << u"gender.invalid"_s << QString();
}

void TestNames::gender()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, normalized);
    QString out = u"garbage"_s;
    const Violations vs = checkGender(input, &out);
    QCOMPARE(codesOf(vs), code.isEmpty() ? QStringList() : QStringList{code});
    QVERIFY(wellFormed(vs, u"gender"_s));
    QCOMPARE(out, normalized);
}

void TestNames::email_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("empty is fine") << QString() << true << QString();
    QTest::newRow("blank is fine") << u"   "_s << true << QString();
    QTest::newRow("simple") << u"ali@example.com"_s << true << u"ali@example.com"_s;
    QTest::newRow("domain lower-cased, local kept")
        << u"  Ali.Rezaei@Example.COM "_s << true << u"Ali.Rezaei@example.com"_s;
    QTest::newRow("subdomains plus tag") << u"a.b+c@mail.tamin.ir"_s << true << u"a.b+c@mail.tamin.ir"_s;
    QTest::newRow("hyphen and digits") << u"x_1@my-host2.co.ir"_s << true << u"x_1@my-host2.co.ir"_s;

    const QStringList bad{u"ali"_s,        u"ali@"_s,      u"@example.com"_s,    u"a@b"_s,       u"a@b.c"_s,
                          u"a@@b.com"_s,   u"a@b@c.com"_s, u"a b@x.com"_s,       u"a@x .com"_s,  u"a@x..com"_s,
                          u".a@x.com"_s,   u"a.@x.com"_s,  u"a..b@x.com"_s,      u"a@-x.com"_s,  u"a@x-.com"_s,
                          u"a@x.c0m"_s,    u"a@x.com."_s,  u"a@.x.com"_s,        u"علی@x.com"_s, u"a@مثال.ir"_s,
                          u"a(b)@x.com"_s, u"a@x_y.com"_s, u"ali@example.com>"_s};
    for (const QString &b : bad)
        QTest::newRow(qPrintable(u"bad: "_s + b)) << b << false << QString();
    QTest::newRow("local part 65") << (QString(65, u'a') + u"@x.com"_s) << false << QString();
    QTest::newRow("local part 64") << (QString(64, u'a') + u"@x.com"_s) << true << (QString(64, u'a') + u"@x.com"_s);
    QTest::newRow("label 64") << (u"a@"_s + QString(64, u'b') + u".com"_s) << false << QString();
}

void TestNames::email()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, normalized);
    QString out = u"garbage"_s;
    const Violations vs = checkEmail(input, &out);
    QCOMPARE(codesOf(vs), valid ? QStringList() : QStringList{u"email.invalid"_s});
    QVERIFY(wellFormed(vs, u"email"_s));
    QCOMPARE(out, normalized);
}

QTEST_GUILESS_MAIN(TestNames)
#include "TestNames.moc"
