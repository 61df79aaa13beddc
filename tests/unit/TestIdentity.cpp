// The identity comparison of request and civil registry (app/core/Identity.h), the one
// rule behind the verification, the review queue and the applicant view: letter forms,
// spaces and ZWNJ in and around names, digit scripts and leading zeros of the birth
// certificate number, typed Jalali date forms, gender values, each field differing alone,
// and missing values, which never match.
#include "app/core/Identity.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"

#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{

// Both sides of every row start from this person; a row changes one field on each side.
IdentityFields base()
{
    return {u"محمدحسین"_s, u"نیک‌پور"_s, u"123"_s, QDate(1986, 7, 3), u"M"_s};
}

// A date as a row writes it: ISO Gregorian as stored ("1986-07-03"), or Jalali as a
// person types it (any digit script, / or -); empty or impossible gives an invalid date.
QDate dateOf(const QString &s)
{
    const QDate iso = QDate::fromString(normalizeDigits(s).trimmed(), Qt::ISODate);
    if (iso.isValid() && iso.year() > 1800)
        return iso;
    return parseJalali(s).value_or(QDate());
}

void set(IdentityFields &f, const QString &field, const QString &value)
{
    if (field == QLatin1String(kFieldFirstName))
        f.firstName = value;
    else if (field == QLatin1String(kFieldLastName))
        f.lastName = value;
    else if (field == QLatin1String(kFieldBirthCertNo))
        f.birthCertNo = value;
    else if (field == QLatin1String(kFieldBirthDate))
        f.birthDate = dateOf(value);
    else if (field == QLatin1String(kFieldGender))
        f.gender = value;
    else
        QFAIL("unknown field");
}

} // namespace

class TestIdentity : public QObject
{
    Q_OBJECT
private slots:
    void oneField_data();
    void oneField();
    void severalFieldsInOrder();
    void everyFieldDiffers();
    void fieldNames();
};

void TestIdentity::oneField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("registry");
    QTest::addColumn<bool>("differs");

    const QString first = QLatin1String(kFieldFirstName);
    const QString last = QLatin1String(kFieldLastName);
    const QString cert = QLatin1String(kFieldBirthCertNo);
    const QString date = QLatin1String(kFieldBirthDate);
    const QString gender = QLatin1String(kFieldGender);
    auto row = [](const char *name, const QString &field, const QString &request, const QString &registry,
                  bool differs) { QTest::newRow(name) << field << request << registry << differs; };

    // First name: the same name however it is typed.
    row("first: identical", first, u"محمدحسین"_s, u"محمدحسین"_s, false);
    row("first: space inside", first, u"محمد حسین"_s, u"محمدحسین"_s, false);
    row("first: two spaces inside", first, u"محمد  حسین"_s, u"محمد حسین"_s, false);
    row("first: zwnj inside", first, u"محمد\u200Cحسین"_s, u"محمدحسین"_s, false);
    row("first: zwnj against space", first, u"محمد\u200Cحسین"_s, u"محمد حسین"_s, false);
    row("first: no-break space inside", first, u"محمد\u00A0حسین"_s, u"محمدحسین"_s, false);
    row("first: spaces around", first, u"  محمدحسین \t"_s, u"محمدحسین"_s, false);
    row("first: zwnj around", first, u"\u200Cمحمدحسین\u200C"_s, u"محمدحسین"_s, false);
    row("first: hyphen inside", first, u"محمد-حسین"_s, u"محمد حسین"_s, false);
    row("first: arabic yeh", first, u"محمدحسين"_s, u"محمدحسین"_s, false);
    row("first: arabic yeh in the registry", first, u"محمدحسین"_s, u"محمدحسين"_s, false);
    row("first: alef maksura", first, u"مصطفى"_s, u"مصطفی"_s, false);
    row("first: teh marbuta", first, u"فاطمة"_s, u"فاطمه"_s, false);
    row("first: madda left out", first, u"اذر"_s, u"آذر"_s, false);
    row("first: diacritics", first, u"مُحَمَّدحسین"_s, u"محمدحسین"_s, false);
    row("first: tatweel", first, u"محمـدحسین"_s, u"محمدحسین"_s, false);
    row("first: presentation forms", first, u"\uFECB\uFEE0\uFBFD"_s, u"علی"_s, false);
    row("first: rlm pasted", first, u"\u200Fمحمدحسین"_s, u"محمدحسین"_s, false);
    row("first: latin case", first, u"ALI"_s, u"Ali"_s, false);
    // First name: another name, or none.
    row("first: other name", first, u"محمد"_s, u"محمدحسین"_s, true);
    row("first: one letter other", first, u"محمدحسن"_s, u"محمدحسین"_s, true);
    row("first: parts swapped", first, u"حسین محمد"_s, u"محمد حسین"_s, true);
    row("first: letter added", first, u"محمدحسینی"_s, u"محمدحسین"_s, true);
    row("first: empty request", first, QString(), u"محمدحسین"_s, true);
    row("first: empty registry", first, u"محمدحسین"_s, QString(), true);
    row("first: both empty", first, QString(), QString(), true);
    row("first: both only separators", first, u" \u200C- "_s, u"\u200C"_s, true);

    // Last name.
    row("last: identical", last, u"نیک‌پور"_s, u"نیک‌پور"_s, false);
    row("last: no zwnj", last, u"نیکپور"_s, u"نیک‌پور"_s, false);
    row("last: space for zwnj", last, u"نیک پور"_s, u"نیک‌پور"_s, false);
    row("last: arabic kaf and yeh", last, u"نيك‌پور"_s, u"نیک‌پور"_s, false);
    row("last: arabic kaf, no zwnj", last, u"نيكپور"_s, u"نیک پور"_s, false);
    row("last: zwnj and spaces around", last, u" \u200Cنیک‌پور\u200C "_s, u"نیک‌پور"_s, false);
    row("last: hyphen", last, u"نیک-پور"_s, u"نیک‌پور"_s, false);
    row("last: first part only", last, u"نیک"_s, u"نیک‌پور"_s, true);
    row("last: other name", last, u"رضایی"_s, u"نیک‌پور"_s, true);
    row("last: letter added", last, u"نیک‌پوری"_s, u"نیک‌پور"_s, true);
    row("last: empty request", last, QString(), u"نیک‌پور"_s, true);
    row("last: both empty", last, QString(), QString(), true);

    // Birth certificate number: digits of any script, separators, leading zeros.
    row("cert: identical", cert, u"123"_s, u"123"_s, false);
    row("cert: persian digits", cert, u"۱۲۳"_s, u"123"_s, false);
    row("cert: arabic-indic digits", cert, u"١٢٣"_s, u"123"_s, false);
    row("cert: mixed scripts", cert, u"۱2٣"_s, u"123"_s, false);
    row("cert: persian digits in the registry", cert, u"123"_s, u"۱۲۳"_s, false);
    row("cert: leading zeros", cert, u"00123"_s, u"123"_s, false);
    row("cert: leading zeros both sides", cert, u"00123"_s, u"0123"_s, false);
    row("cert: persian leading zeros", cert, u"۰۰۱۲۳"_s, u"123"_s, false);
    row("cert: spaces around", cert, u" 123 "_s, u"123"_s, false);
    row("cert: separators", cert, u"1-2 3"_s, u"123"_s, false);
    row("cert: national code as number", cert, u"0499370899"_s, u"499370899"_s, false);
    row("cert: other number", cert, u"124"_s, u"123"_s, true);
    row("cert: persian other number", cert, u"۱۲۴"_s, u"123"_s, true);
    row("cert: trailing zero counts", cert, u"1230"_s, u"123"_s, true);
    row("cert: digit missing", cert, u"12"_s, u"123"_s, true);
    row("cert: zero instead of the number", cert, u"0"_s, u"123"_s, true);
    row("cert: zero both sides", cert, u"0"_s, u"0"_s, true);
    row("cert: zeros both sides", cert, u"00"_s, u"0"_s, true);
    row("cert: empty request", cert, QString(), u"123"_s, true);
    row("cert: both empty", cert, QString(), QString(), true);
    row("cert: letter both sides", cert, u"12a"_s, u"12a"_s, true);
    row("cert: eleven digits both sides", cert, u"12345678901"_s, u"12345678901"_s, true);

    // Birth date: the request typed in Jalali forms, the registry's ISO date as stored.
    row("date: jalali", date, u"1365/04/12"_s, u"1986-07-03"_s, false);
    row("date: jalali persian digits", date, u"۱۳۶۵/۰۴/۱۲"_s, u"1986-07-03"_s, false);
    row("date: jalali arabic-indic digits", date, u"١٣٦٥/٠٤/١٢"_s, u"1986-07-03"_s, false);
    row("date: jalali unpadded month", date, u"1365/4/12"_s, u"1986-07-03"_s, false);
    row("date: jalali dashes", date, u"1365-04-12"_s, u"1986-07-03"_s, false);
    row("date: jalali spaces around", date, u" ۱۳۶۵/۴/۱۲ "_s, u"1986-07-03"_s, false);
    row("date: iso both sides", date, u"1986-07-03"_s, u"1986-07-03"_s, false);
    row("date: next day", date, u"1365/04/13"_s, u"1986-07-03"_s, true);
    row("date: next month", date, u"1365/05/12"_s, u"1986-07-03"_s, true);
    row("date: next year", date, u"1366/04/12"_s, u"1986-07-03"_s, true);
    row("date: day and month swapped", date, u"1365/12/04"_s, u"1986-07-03"_s, true);
    row("date: iso next day", date, u"1986-07-04"_s, u"1986-07-03"_s, true);
    row("date: no such jalali day", date, u"1365/13/01"_s, u"1986-07-03"_s, true);
    row("date: empty request", date, QString(), u"1986-07-03"_s, true);
    row("date: both empty", date, QString(), QString(), true);

    // Gender: every form checkGender() accepts, compared as M/F.
    row("gender: M", gender, u"M"_s, u"M"_s, false);
    row("gender: F", gender, u"F"_s, u"F"_s, false);
    row("gender: lower case", gender, u"m"_s, u"M"_s, false);
    row("gender: male", gender, u"Male"_s, u"M"_s, false);
    row("gender: persian man", gender, u"مرد"_s, u"M"_s, false);
    row("gender: persian sir", gender, u"آقا"_s, u"M"_s, false);
    row("gender: spaces around", gender, u" M "_s, u"M"_s, false);
    row("gender: female lower case", gender, u"f"_s, u"F"_s, false);
    row("gender: female", gender, u"female"_s, u"F"_s, false);
    row("gender: persian woman", gender, u"زن"_s, u"F"_s, false);
    row("gender: persian madam", gender, u"خانم"_s, u"F"_s, false);
    row("gender: two persian forms", gender, u"خانم"_s, u"زن"_s, false);
    row("gender: other", gender, u"F"_s, u"M"_s, true);
    row("gender: persian other", gender, u"مرد"_s, u"F"_s, true);
    row("gender: persian both sides other", gender, u"آقا"_s, u"خانم"_s, true);
    row("gender: empty request", gender, QString(), u"M"_s, true);
    row("gender: both empty", gender, QString(), QString(), true);
    row("gender: unknown both sides", gender, u"X"_s, u"X"_s, true);
}

// Only the row's field may differ, whichever side is the request, and identityMatches()
// agrees.
void TestIdentity::oneField()
{
    QFETCH(QString, field);
    QFETCH(QString, request);
    QFETCH(QString, registry);
    QFETCH(bool, differs);

    IdentityFields a = base(), b = base();
    set(a, field, request);
    set(b, field, registry);
    const QStringList expected = differs ? QStringList{field} : QStringList();
    QCOMPARE(identityDifferences(a, b), expected);
    QCOMPARE(identityDifferences(b, a), expected);
    QCOMPARE(identityMatches(a, b), !differs);
}

void TestIdentity::severalFieldsInOrder()
{
    IdentityFields request = base();
    request.gender = u"F"_s;
    request.firstName = u"رضا"_s;
    request.birthDate = request.birthDate.addDays(1);
    QCOMPARE(identityDifferences(request, base()), (QStringList{u"first_name"_s, u"birth_date"_s, u"gender"_s}));
    QVERIFY(!identityMatches(request, base()));
}

void TestIdentity::everyFieldDiffers()
{
    const QStringList all{u"first_name"_s, u"last_name"_s, u"birth_cert_no"_s, u"birth_date"_s, u"gender"_s};
    const IdentityFields other{u"زهرا"_s, u"کریمی"_s, u"456"_s, QDate(1990, 1, 1), u"F"_s};
    QCOMPARE(identityDifferences(other, base()), all);
    QCOMPARE(identityDifferences(IdentityFields{}, base()), all);
    QCOMPARE(identityDifferences(IdentityFields{}, IdentityFields{}), all); // nothing to confirm
    QVERIFY(identityMatches(base(), base()));
}

// The names are the contract's JSON keys (branchctl, the review queue's "differences").
void TestIdentity::fieldNames()
{
    QCOMPARE(QLatin1String(kFieldFirstName), "first_name"_L1);
    QCOMPARE(QLatin1String(kFieldLastName), "last_name"_L1);
    QCOMPARE(QLatin1String(kFieldBirthCertNo), "birth_cert_no"_L1);
    QCOMPARE(QLatin1String(kFieldBirthDate), "birth_date"_L1);
    QCOMPARE(QLatin1String(kFieldGender), "gender"_L1);
}

QTEST_GUILESS_MAIN(TestIdentity)
#include "TestIdentity.moc"
