// Whole registration request: all rules run, all violations reported together, and the
// normalised request filled.
#include "app/core/Registration.h"

#include "RulesTestUtil.h"

#include <QTest>

using namespace branch;
using namespace rulestest;
using namespace Qt::StringLiterals;

class TestRegistration : public QObject
{
    Q_OBJECT
private slots:
    void valid();
    void validPersianDigits();
    void allEmpty();
    void everythingWrong();
    void oneFieldWrong_data();
    void oneFieldWrong();
};

static const QDate kToday(2025, 6, 1);

static RegistrationInput goodInput()
{
    RegistrationInput in;
    in.nationalCode = u"0012345679"_s;
    in.mobile = u"+98 912 123 4567"_s;
    in.firstName = u"  محمد   حسین "_s;
    in.lastName = u"نیک\u200Cپور"_s;
    in.birthCertNo = u"0012345679"_s; // same as the national code: valid
    in.birthDate = u"1365/04/12"_s;
    in.gender = u"M"_s;
    in.email = u" Ali@Example.COM "_s;
    in.password = u"Xy7#kLp9!qRz"_s;
    in.passwordConfirm = in.password;
    in.questions = {
        {u"favorite_color"_s, u"آبی"_s}, {u"birth_city"_s, u"تهران"_s}, {u"first_workplace"_s, u"کارخانه"_s}};
    return in;
}

void TestRegistration::valid()
{
    NormalizedRegistration out;
    const Violations vs = validateRegistration(goodInput(), kToday, &out);
    QCOMPARE(codesOf(vs), QStringList());
    QCOMPARE(out.nationalCode, u"0012345679"_s);
    QCOMPARE(out.mobile, u"09121234567"_s);
    QCOMPARE(out.firstName, u"محمد حسین"_s);
    QCOMPARE(out.lastName, u"نیک\u200Cپور"_s);
    QCOMPARE(out.firstNameNorm, u"محمدحسین"_s);
    QCOMPARE(out.lastNameNorm, u"نیکپور"_s);
    QCOMPARE(out.birthCertNo, u"0012345679"_s);
    QCOMPARE(out.birthDate, QDate(1986, 7, 3));
    QCOMPARE(out.gender, u"M"_s);
    QCOMPARE(out.email, u"Ali@example.com"_s);
}

void TestRegistration::validPersianDigits()
{
    RegistrationInput in = goodInput();
    in.nationalCode = u"۰۰۱۲۳۴۵۶۷۹"_s;
    in.mobile = u"۰۹۱۲۱۲۳۴۵۶۷"_s;
    in.birthCertNo = u"٤٥"_s;
    in.birthDate = u"۱۳۶۵/۴/۱۲"_s;
    in.gender = u"زن"_s;
    in.email.clear();
    NormalizedRegistration out;
    QCOMPARE(codesOf(validateRegistration(in, kToday, &out)), QStringList());
    QCOMPARE(out.nationalCode, u"0012345679"_s);
    QCOMPARE(out.mobile, u"09121234567"_s);
    QCOMPARE(out.birthCertNo, u"45"_s);
    QCOMPARE(out.birthDate, QDate(1986, 7, 3));
    QCOMPARE(out.gender, u"F"_s);
    QCOMPARE(out.email, QString());
}

void TestRegistration::allEmpty()
{
    NormalizedRegistration out;
    const Violations vs = validateRegistration(RegistrationInput{}, kToday, &out);
    // In field order; the optional email gives nothing.
    QCOMPARE(codesOf(vs), (QStringList{u"national_code.required"_s, u"mobile.required"_s, u"first_name.required"_s,
                                       u"last_name.required"_s, u"birth_cert_no.required"_s, u"birth_date.required"_s,
                                       u"gender.required"_s, u"password.required"_s, u"security_questions.count"_s}));
    QCOMPARE(out.nationalCode, QString());
    QVERIFY(!out.birthDate.isValid());
}

void TestRegistration::everythingWrong()
{
    RegistrationInput in;
    in.nationalCode = u"0012345678"_s;
    in.mobile = u"02112345678"_s;
    in.firstName = u"Ali2"_s;
    in.lastName = QString(61, u'b');
    in.birthCertNo = u"0"_s;
    in.birthDate = u"1402/12/30"_s;
    in.gender = u"x"_s;
    in.email = u"ali@"_s;
    in.password = u"ali0012345678"_s; // contains the (invalid) national code as typed
    in.passwordConfirm = u"other"_s;
    in.questions = {{u"favorite_color"_s, u"a"_s}, {u"favorite_color"_s, u"A"_s}, {u"pet"_s, u"cat"_s}};
    NormalizedRegistration out;
    const Violations vs = validateRegistration(in, kToday, &out);
    QCOMPARE(codesOf(vs),
             (QStringList{u"national_code.checksum"_s, u"mobile.landline"_s, u"first_name.invalid_chars"_s,
                          u"last_name.too_long"_s, u"birth_cert_no.zero"_s, u"birth_date.invalid"_s,
                          u"gender.invalid"_s, u"email.invalid"_s, u"password.no_upper"_s,
                          u"password.contains_national_code"_s, u"password.mismatch"_s, u"security_questions.unknown"_s,
                          u"security_questions.duplicate_question"_s, u"security_questions.answer_too_short"_s,
                          u"security_questions.duplicate_answer"_s}));
    for (const Violation &v : vs)
        QVERIFY2(v.code.startsWith(v.field + u'.') && !v.message.isEmpty(), qPrintable(v.code));
    QCOMPARE(out.firstName, QString()); // failed fields stay empty
    QCOMPARE(out.mobile, QString());
}

void TestRegistration::oneFieldWrong_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("national code") << u"nationalCode"_s << u"1111111111"_s << QStringList{u"national_code.repeated"_s};
    QTest::newRow("mobile") << u"mobile"_s << u"0912123456"_s << QStringList{u"mobile.length"_s};
    QTest::newRow("future birth") << u"birthDate"_s << u"1404/03/12"_s << QStringList{u"birth_date.future"_s};
    QTest::newRow("password changed, confirmation not")
        << u"password"_s << u"Nikpour1365"_s << QStringList{u"password.mismatch"_s};
    QTest::newRow("latin last name in password")
        << u"lastName"_s << u"Klp"_s << QStringList{u"password.contains_last_name"_s};
}

void TestRegistration::oneFieldWrong()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QStringList, codes);
    RegistrationInput in = goodInput();
    if (field == u"nationalCode")
        in.nationalCode = value;
    else if (field == u"mobile")
        in.mobile = value;
    else if (field == u"birthDate")
        in.birthDate = value;
    else if (field == u"password")
        in.password = value; // the confirmation still holds the old one
    else if (field == u"lastName")
        in.lastName = value;
    QCOMPARE(codesOf(validateRegistration(in, kToday)), codes);
}

QTEST_GUILESS_MAIN(TestRegistration)
#include "TestRegistration.moc"
