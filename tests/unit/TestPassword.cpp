// Password policy: each of the seed's rules provoked alone and in combination, the live
// checklist and the strength meter.
#include "app/core/PasswordPolicy.h"

#include "RulesTestUtil.h"

#include <QTest>

using namespace branch;
using namespace rulestest;
using namespace Qt::StringLiterals;

class TestPassword : public QObject
{
    Q_OBJECT
private slots:
    void rules_data();
    void rules();
    void checklist();
    void checklistEmpty();
    void strength_data();
    void strength();
    void userDictionaryLowersStrength();
    void format();
};

void TestPassword::rules_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("confirm"); // "=" means: same as password
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QString>("nationalCode");
    QTest::addColumn<QStringList>("codes"); // exact, sorted

    const QString eq = u"="_s;
    const QString fa = u"علی"_s, la = u"Ahmadi"_s;
    auto row = [&](const char *name, const QString &pw, const QStringList &codes, const QString &confirm = u"="_s,
                   const QString &first = u"علی"_s, const QString &last = u"Ahmadi"_s,
                   const QString &code = u"0012345679"_s) {
        QTest::newRow(name) << pw << confirm << first << last << code << sorted(codes);
    };

    row("valid", u"Xy7#kLp9!qRz"_s, {});
    row("valid minimal", u"Abcdefg1"_s, {});
    row("all specials allowed", u"Ab1&%$#!"_s, {});
    row("empty: only required", QString(), {u"password.required"_s}, u"abc"_s);
    row("too short", u"Abcde1"_s, {u"password.too_short"_s});
    row("seven", u"Abcdef1"_s, {u"password.too_short"_s});
    row("seed: persian letter refused", u"Abcdefg1ب"_s, {u"password.invalid_chars"_s});
    row("persian only", u"گذرواژه"_s,
        {u"password.invalid_chars"_s, u"password.first_not_letter"_s, u"password.no_upper"_s, u"password.no_lower"_s,
         u"password.no_digit"_s, u"password.too_short"_s});
    row("persian digit is not a digit", u"Abcdefg۱"_s, {u"password.invalid_chars"_s, u"password.no_digit"_s});
    row("arabic digit", u"Abcdefg١"_s, {u"password.invalid_chars"_s, u"password.no_digit"_s});
    row("space", u"Abc defg1"_s, {u"password.invalid_chars"_s});
    row("at sign", u"Abcdef1@"_s, {u"password.invalid_chars"_s});
    row("underscore", u"Abcdef1_"_s, {u"password.invalid_chars"_s});
    row("star", u"Abcdef1*"_s, {u"password.invalid_chars"_s});
    row("accented latin", u"Abcdéf12"_s, {u"password.invalid_chars"_s});
    row("starts with digit", u"1Abcdefg"_s, {u"password.first_not_letter"_s});
    row("starts with symbol", u"!Abcdefg1"_s, {u"password.first_not_letter"_s});
    row("no upper", u"abcdefg1"_s, {u"password.no_upper"_s});
    row("no lower", u"ABCDEFG1"_s, {u"password.no_lower"_s});
    row("no digit", u"Abcdefgh"_s, {u"password.no_digit"_s});
    row("latin first name", u"Xali12345Q"_s, {u"password.contains_first_name"_s}, eq, u"Ali"_s);
    row("first name upper", u"XALI12345q"_s, {u"password.contains_first_name"_s}, eq, u"ali"_s);
    row("word of first name", u"Qreza12345"_s, {u"password.contains_first_name"_s}, eq, u"Ali Reza"_s);
    row("joined first name", u"Alireza9Q"_s, {u"password.contains_first_name"_s}, eq, u"Ali Reza"_s);
    row("one-letter words skipped", u"Qwerty12a"_s, {}, eq, u"A Z"_s);
    row("persian first name, latin password", u"Ali12345Q"_s, {}, eq, fa);
    row("last name", u"QwAHMADI9"_s, {u"password.contains_last_name"_s});
    row("hyphenated last name part", u"Kamali99x"_s, {u"password.contains_last_name"_s}, eq, fa, u"Nik-Kamali"_s);
    row("national code", u"Abc0012345679"_s, {u"password.contains_national_code"_s});
    row("persian national code in context", u"Abc0012345679"_s, {u"password.contains_national_code"_s}, eq, fa, la,
        u"۰۰۱۲۳۴۵۶۷۹"_s);
    row("part of national code is fine", u"Abc001234567"_s, {});
    row("empty context skipped", u"Xy7#kLp9!qRz"_s, {}, eq, QString(), QString(), QString());
    row("mismatch", u"Xy7#kLp9!qRz"_s, {u"password.mismatch"_s}, u"Xy7#kLp9!qRZ"_s);
    row("empty confirmation", u"Xy7#kLp9!qRz"_s, {u"password.mismatch"_s}, QString());
    row("combo names code mismatch", u"ali0012345679"_s,
        {u"password.no_upper"_s, u"password.contains_first_name"_s, u"password.contains_national_code"_s,
         u"password.mismatch"_s},
        QString(), u"Ali"_s);
    row("combo everything", u"۱ علی"_s,
        {u"password.invalid_chars"_s, u"password.first_not_letter"_s, u"password.no_upper"_s, u"password.no_lower"_s,
         u"password.no_digit"_s, u"password.too_short"_s, u"password.contains_first_name"_s, u"password.mismatch"_s},
        u"x"_s);
    row("combo both names", u"AliAhmadi1"_s, {u"password.contains_first_name"_s, u"password.contains_last_name"_s}, eq,
        u"Ali"_s);
}

void TestPassword::rules()
{
    QFETCH(QString, password);
    QFETCH(QString, confirm);
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QString, nationalCode);
    QFETCH(QStringList, codes);
    if (confirm == u"=")
        confirm = password;
    const Violations vs = checkPassword(password, confirm, PasswordContext{first, last, nationalCode});
    QCOMPARE(sorted(codesOf(vs)), codes);
    QVERIFY(wellFormed(vs, u"password"_s));
    QCOMPARE(codesOf(vs).removeDuplicates(), 0); // each rule once
}

void TestPassword::checklist()
{
    const PasswordContext ctx{u"Ali"_s, u"Ahmadi"_s, u"0012345679"_s};
    const QList<PasswordRuleState> list = passwordChecklist(u"ali0012345679", u"", ctx);
    const QStringList expectedCodes{u"password.invalid_chars"_s,
                                    u"password.first_not_letter"_s,
                                    u"password.no_upper"_s,
                                    u"password.no_lower"_s,
                                    u"password.no_digit"_s,
                                    u"password.too_short"_s,
                                    u"password.contains_first_name"_s,
                                    u"password.contains_last_name"_s,
                                    u"password.contains_national_code"_s,
                                    u"password.mismatch"_s};
    QStringList codes, failing;
    for (const auto &r : list) {
        codes << r.code;
        QVERIFY(!r.label.isEmpty());
        if (!r.ok)
            failing << r.code;
    }
    QCOMPARE(codes, expectedCodes);
    QCOMPARE(failing, (QStringList{u"password.no_upper"_s, u"password.contains_first_name"_s,
                                   u"password.contains_national_code"_s, u"password.mismatch"_s}));
    // Labels are the violation messages.
    const Violations vs = checkPassword(u"ali0012345679", u"", ctx);
    QCOMPARE(list[2].label, vs.front().message);

    for (const auto &r : passwordChecklist(u"Xy7#kLp9!qRz", u"Xy7#kLp9!qRz", ctx))
        QVERIFY2(r.ok, qPrintable(r.code));
}

void TestPassword::checklistEmpty()
{
    const auto list = passwordChecklist(u"", u"", PasswordContext{});
    QCOMPARE(list.size(), 10);
    for (const auto &r : list)
        QVERIFY2(!r.ok, qPrintable(r.code));
}

void TestPassword::strength_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("minPercent");
    QTest::addColumn<int>("maxPercent");
    QTest::addColumn<QString>("label");
    QTest::newRow("empty") << QString() << 0 << 0 << u"very weak"_s;
    QTest::newRow("common") << u"Password1"_s << 0 << 19 << u"very weak"_s;
    QTest::newRow("leet common") << u"Pa$$w0rd"_s << 0 << 19 << u"very weak"_s;
    QTest::newRow("sequence") << u"Abcdefg1"_s << 20 << 39 << u"weak"_s;
    QTest::newRow("medium") << u"Tamin1402"_s << 40 << 59 << u"medium"_s;
    QTest::newRow("random 12") << u"Xy7#kLp9!qRz"_s << 100 << 100 << u"very strong"_s;
}

void TestPassword::strength()
{
    QFETCH(QString, password);
    QFETCH(int, minPercent);
    QFETCH(int, maxPercent);
    QFETCH(QString, label);
    const PasswordStrength s = passwordStrength(password, PasswordContext{u"Ali"_s, u"Ahmadi"_s, u"0012345679"_s});
    QVERIFY2(s.percent >= minPercent && s.percent <= maxPercent, qPrintable(QString::number(s.percent)));
    QCOMPARE(s.label, label);
    QCOMPARE(s.percent, std::min(100, int(std::lround(s.entropyBits * 100 / 64))));
}

void TestPassword::userDictionaryLowersStrength()
{
    const QString pw = u"Shahrokhi1367"_s;
    const PasswordStrength stranger = passwordStrength(pw, PasswordContext{u"Ali"_s, u"Ahmadi"_s, QString()});
    const PasswordStrength owner = passwordStrength(pw, PasswordContext{u"Ali"_s, u"Shahrokhi"_s, QString()});
    QVERIFY2(owner.entropyBits < stranger.entropyBits - 10,
             qPrintable(u"%1 vs %2"_s.arg(owner.entropyBits).arg(stranger.entropyBits)));
}

void TestPassword::format()
{
    QCOMPARE(formatStrength(PasswordStrength{87, u"very strong"_s, 55.7}), u"87% very strong"_s);
    QCOMPARE(formatStrength(PasswordStrength{0, u"very weak"_s, 0}), u"0% very weak"_s);
}

QTEST_GUILESS_MAIN(TestPassword)
#include "TestPassword.moc"
