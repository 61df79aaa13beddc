// The staff password rule (issue 14): at least 12 characters and a zxcvbn score of 3 or
// more, no composition rules; zxcvbn's score thresholds; the checklist the first-run dialog
// shows; and the staff passwords the tests use meet it.
#include "app/core/PasswordPolicy.h"

#include "RulesTestUtil.h"

#include <QTest>

#include <cmath>

using namespace branch;
using namespace rulestest;
using namespace Qt::StringLiterals;

class TestStaffPassword : public QObject
{
    Q_OBJECT
private slots:
    void rule_data();
    void rule();
    void score_data();
    void score();
    void loginCountsAsAWord();
    void checklist();
    void testPasswordsMeetIt_data();
    void testPasswordsMeetIt();
};

void TestStaffPassword::rule_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("confirm"); // "=" means: same as password
    QTest::addColumn<QStringList>("codes");
    const QStringList ok;
    QTest::newRow("empty") << QString() << u"="_s << QStringList{u"password.required"_s};
    // 11 characters, random-looking and strong: too short all the same.
    QTest::newRow("11 characters, strong") << u"Xq7#vR2m!Lp"_s << u"="_s << QStringList{u"password.staff_too_short"_s};
    // 12 characters, easy to guess.
    QTest::newRow("12 characters, a word and digits")
        << u"password1234"_s << u"="_s << QStringList{u"password.staff_weak"_s};
    QTest::newRow("12 characters, a keyboard row")
        << u"qwertyuiop12"_s << u"="_s << QStringList{u"password.staff_weak"_s};
    QTest::newRow("12 characters, one repeated")
        << u"aaaaaaaaaaaa"_s << u"="_s << QStringList{u"password.staff_weak"_s};
    QTest::newRow("12 characters, a sequence") << u"123456789012"_s << u"="_s << QStringList{u"password.staff_weak"_s};
    // Strong and long enough: accepted, whatever the characters (no composition rules).
    QTest::newRow("12 characters, strong") << u"Xq7#vR2m!Lp9"_s << u"="_s << ok;
    QTest::newRow("lower-case words, no digit") << u"kavir sepid abr baran"_s << u"="_s << ok;
    QTest::newRow("Persian letters") << u"کویر سپید ابر باران"_s << u"="_s << ok;
    QTest::newRow("Persian letters and digits") << u"آسمان‌آبی۱۴۰۳کوه"_s << u"="_s << ok;
    QTest::newRow("Persian digits only, long") << u"۷۳۹۱۸۲۰۴۶۵۵۱۸۳۷"_s << u"="_s << ok;
    QTest::newRow("spaces and symbols") << u"«گل» و «بلبل» ۹۸!"_s << u"="_s << ok;
    QTest::newRow("mismatch") << u"Xq7#vR2m!Lp9"_s << u"Xq7#vR2m!Lp8"_s << QStringList{u"password.mismatch"_s};
    QTest::newRow("short, weak, mismatch")
        << u"abc"_s << u"abd"_s
        << QStringList{u"password.mismatch"_s, u"password.staff_too_short"_s, u"password.staff_weak"_s};
    // Characters, not UTF-16 units or bytes: 11 Persian letters are too short.
    QTest::newRow("11 Persian letters") << u"کپژگچشثصضطظ"_s << u"="_s << QStringList{u"password.staff_too_short"_s};
}

void TestStaffPassword::rule()
{
    QFETCH(QString, password);
    QFETCH(QString, confirm);
    QFETCH(QStringList, codes);
    if (confirm == u"="_s)
        confirm = password;
    const Violations vs = checkStaffPassword(password, confirm);
    QCOMPARE(sorted(codesOf(vs)), sorted(codes));
    QVERIFY(wellFormed(vs, u"password"_s));
}

void TestStaffPassword::score_data()
{
    QTest::addColumn<double>("log10Guesses");
    QTest::addColumn<int>("score");
    QTest::newRow("10^2") << 2.0 << 0;
    QTest::newRow("10^3") << 3.0 << 1;
    QTest::newRow("10^5.9") << 5.9 << 1;
    QTest::newRow("10^6") << 6.0 << 2;
    QTest::newRow("10^7.99") << 7.99 << 2;
    QTest::newRow("10^8") << 8.0 << 3;
    QTest::newRow("10^10") << 10.0 << 4;
}

void TestStaffPassword::score()
{
    QFETCH(double, log10Guesses);
    QFETCH(int, score);
    QCOMPARE(zxcvbnScore(log10Guesses / std::log10(2.0)), score);
}

// A login inside the password makes it easier to guess for someone who knows the login.
void TestStaffPassword::loginCountsAsAWord()
{
    const QString pw = u"zarinkolah1403"_s;
    QVERIFY(checkStaffPassword(pw, pw).isEmpty());
    QCOMPARE(codesOf(checkStaffPassword(pw, pw, u"zarinkolah"_s)), QStringList{u"password.staff_weak"_s});
}

void TestStaffPassword::checklist()
{
    const auto empty = staffPasswordChecklist({}, {});
    QCOMPARE(empty.size(), 3);
    for (const auto &line : empty) {
        QVERIFY(!line.ok);
        QVERIFY(!line.label.isEmpty());
    }
    const auto good = staffPasswordChecklist(u"Xq7#vR2m!Lp9"_s, u"Xq7#vR2m!Lp9"_s);
    for (const auto &line : good)
        QVERIFY2(line.ok, qPrintable(line.code));
    const auto shortOne = staffPasswordChecklist(u"Xq7#vR2m!Lp"_s, u"Xq7#vR2m!Lp"_s);
    QCOMPARE(shortOne.at(0).code, u"password.staff_too_short"_s);
    QVERIFY(!shortOne.at(0).ok);
    QVERIFY(shortOne.at(2).ok);
}

// The staff passwords of the tests (CliTestUtil.h's testStaff() and the literals of the
// service, GUI and CLI tests): each must pass, or those tests would fail for another reason.
void TestStaffPassword::testPasswordsMeetIt_data()
{
    QTest::addColumn<QString>("password");
    for (const QString &pw :
         {u"Admin#Pass1-Kuh-Damavand"_s,   u"Clerk#Pass1-Darya-Khazar"_s,  u"Super#Pass1-Jangal-Golestan"_s,
          u"Super#Pass2-Kavir-Lut-Sabz"_s, u"Service#Pass1-Rud-Karun"_s,   u"Locked#Pass1-Kuh-Dena-Sabz"_s,
          u"Tazeh#Pass1-Kuh-Binalood"_s,   u"Service#Pass2-Dasht-Kavir"_s, u"Staff#Pass1KavirSepid"_s,
          u"Strong#Pass1KavirSepid"_s,     u"Strong#Pass2JangalAbr"_s,     u"Other#Pass2DaryaAbi"_s,
          u"Clerk#2024xKuhSabalan"_s,      u"Super#2024aRudZayandeh"_s,    u"Super#2024bDashtMoghan"_s,
          u"Admin1234xBaghEram"_s,         u"Modir#2026xKoohAlvand"_s,     u"Counter#2025aSahraTorkaman"_s,
          u"Clerk1234xKavirSepid"_s,       u"Super1234xJangalAbr"_s,       u"Super1234yDaryaAbi"_s,
          u"Boss12345xRudKarun"_s})
        QTest::newRow(qPrintable(pw)) << pw;
}

void TestStaffPassword::testPasswordsMeetIt()
{
    QFETCH(QString, password);
    QCOMPARE(codesOf(checkStaffPassword(password, password)), QStringList{});
}

QTEST_GUILESS_MAIN(TestStaffPassword)
#include "TestStaffPassword.moc"
