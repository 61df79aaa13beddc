// Persian text forms: digit conversion, name matching form, search tokens, display
// form (as stored, and as shown: Persian letter forms) and answer comparison form.
#include "app/core/Digits.h"
#include "app/core/PersianText.h"

#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;

class TestPersianText : public QObject
{
    Q_OBJECT
private slots:
    void digits_data();
    void digits();
    void persianDigits();
    void normalizeName_data();
    void normalizeName();
    void sameName_data();
    void sameName();
    void differentNames();
    void tokens_data();
    void tokens();
    void display_data();
    void display();
    void letterForms_data();
    void letterForms();
    void personName();
    void answer_data();
    void answer();
};

void TestPersianText::digits_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ascii") << u"0123456789"_s << u"0123456789"_s;
    QTest::newRow("persian") << u"۰۱۲۳۴۵۶۷۸۹"_s << u"0123456789"_s;
    QTest::newRow("arabic-indic") << u"٠١٢٣٤٥٦٧٨٩"_s << u"0123456789"_s;
    QTest::newRow("mixed with text") << u"پلاک ۱۲، واحد ٣ - 4"_s << u"پلاک 12، واحد 3 - 4"_s;
    QTest::newRow("letters untouched") << u"abc آبی"_s << u"abc آبی"_s;
    QTest::newRow("full-width untouched") << u"１２"_s << u"１２"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestPersianText::digits()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(normalizeDigits(input), expected);
}

void TestPersianText::persianDigits()
{
    QCOMPARE(toPersianDigits(u"1365/04/12"), u"۱۳۶۵/۰۴/۱۲"_s);
    QCOMPARE(toPersianDigits(u"87% abc"), u"۸۷% abc"_s);
    QCOMPARE(toPersianDigits(u"٣"), u"٣"_s); // only ASCII digits are converted
    QCOMPARE(normalizeDigits(toPersianDigits(u"0123456789")), u"0123456789"_s);
}

void TestPersianText::normalizeName_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"محمد"_s << u"محمد"_s;
    QTest::newRow("arabic yeh") << u"علي"_s << u"علی"_s;
    QTest::newRow("alef maksura") << u"مصطفى"_s << u"مصطفی"_s;
    QTest::newRow("arabic kaf") << u"كريم"_s << u"کریم"_s;
    QTest::newRow("teh marbuta") << u"فاطمة"_s << u"فاطمه"_s;
    QTest::newRow("alef hamza above") << u"أحمد"_s << u"احمد"_s;
    QTest::newRow("alef hamza below") << u"إبراهيم"_s << u"ابراهیم"_s;
    QTest::newRow("alef wasla") << u"\u0671حمد"_s << u"احمد"_s;
    QTest::newRow("madda folded") << u"آذر"_s << u"اذر"_s;
    QTest::newRow("waw hamza") << u"مؤمن"_s << u"مومن"_s;
    QTest::newRow("yeh hamza") << u"رئیسی"_s << u"رییسی"_s;
    QTest::newRow("heh yeh") << u"خانۀ"_s << u"خانه"_s;
    QTest::newRow("tatweel") << u"محـــمد"_s << u"محمد"_s;
    QTest::newRow("diacritics") << u"مُحَمَّد"_s << u"محمد"_s;
    QTest::newRow("superscript alef") << u"رحمٰن"_s << u"رحمن"_s;
    QTest::newRow("space removed") << u"محمد حسین"_s << u"محمدحسین"_s;
    QTest::newRow("zwnj removed") << u"نیک\u200Cپور"_s << u"نیکپور"_s;
    QTest::newRow("zwj removed") << u"نیک\u200Dپور"_s << u"نیکپور"_s;
    QTest::newRow("hyphen removed") << u"محمد-حسین"_s << u"محمدحسین"_s;
    QTest::newRow("blanks and tabs") << u"  علی \t رضا \n"_s << u"علیرضا"_s;
    QTest::newRow("presentation forms") << u"\uFEE3\uFEA4\uFEE3\uFEAA"_s << u"محمد"_s;
    QTest::newRow("lam-alef ligature") << u"\uFEFB\uFEDF"_s << u"لال"_s;
    QTest::newRow("persian digits") << u"علی۱۲"_s << u"علی12"_s;
    QTest::newRow("arabic digits") << u"علی٣"_s << u"علی3"_s;
    QTest::newRow("latin lower-cased") << u"Ali REZA"_s << u"alireza"_s;
    QTest::newRow("apostrophe") << u"O'Brien"_s << u"obrien"_s;
    QTest::newRow("latin accents composed") << u"Re\u0301mi"_s << u"r\u00E9mi"_s;
    QTest::newRow("bidi marks") << u"\u200Fعلی\u200E"_s << u"علی"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestPersianText::normalizeName()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(branch::normalizeName(input), expected);
}

void TestPersianText::sameName_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("space vs none") << u"محمد حسین"_s << u"محمدحسین"_s;
    QTest::newRow("zwnj vs none") << u"نیک\u200Cپور"_s << u"نیکپور"_s;
    QTest::newRow("zwnj vs space") << u"نیک\u200Cپور"_s << u"نیک پور"_s;
    QTest::newRow("arabic keyboard") << u"علي كريمي"_s << u"علی کریمی"_s;
    QTest::newRow("madda") << u"آرش"_s << u"ارش"_s;
    QTest::newRow("yeh hamza") << u"رئیسی"_s << u"رییسی"_s;
    QTest::newRow("pasted from pdf") << u"\uFEE3\uFEA4\uFEE3\uFEAA"_s << u"محمد"_s;
    QTest::newRow("latin case") << u"Sara"_s << u"SARA"_s;
}

void TestPersianText::sameName()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QCOMPARE(branch::normalizeName(a), branch::normalizeName(b));
}

void TestPersianText::differentNames()
{
    QVERIFY(branch::normalizeName(u"علی") != branch::normalizeName(u"عالی"));
    QVERIFY(branch::normalizeName(u"پور") != branch::normalizeName(u"بور")); // پ is not ب
    QVERIFY(branch::normalizeName(u"ژاله") != branch::normalizeName(u"زاله"));
}

void TestPersianText::tokens_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("zwnj splits") << u"نیک\u200Cپور"_s << QStringList{u"نیک"_s, u"پور"_s};
    QTest::newRow("spaces split") << u"  محمد   حسین "_s << QStringList{u"محمد"_s, u"حسین"_s};
    QTest::newRow("hyphen splits") << u"Ali-Reza"_s << QStringList{u"ali"_s, u"reza"_s};
    QTest::newRow("letters folded") << u"علي كريمي"_s << QStringList{u"علی"_s, u"کریمی"_s};
    QTest::newRow("diacritics dropped") << u"مُحَمَّد"_s << QStringList{u"محمد"_s};
    QTest::newRow("digits") << u"۰۹۱۲ ۱۲۳"_s << QStringList{u"0912"_s, u"123"_s};
    QTest::newRow("no empty words") << u" \u200C - "_s << QStringList();
    QTest::newRow("empty") << QString() << QStringList();
}

void TestPersianText::tokens()
{
    QFETCH(QString, input);
    QFETCH(QStringList, expected);
    QCOMPARE(nameSearchTokens(input), expected);
}

void TestPersianText::display_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("trim") << u"  علی  "_s << u"علی"_s;
    QTest::newRow("collapse") << u"محمد   \t حسین"_s << u"محمد حسین"_s;
    QTest::newRow("zwnj kept") << u"نیک\u200Cپور"_s << u"نیک\u200Cپور"_s;
    QTest::newRow("letters kept") << u"علي"_s << u"علي"_s;
    QTest::newRow("digits kept") << u"۱۲"_s << u"۱۲"_s;
    QTest::newRow("empty") << u"   "_s << QString();
}

void TestPersianText::display()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(cleanDisplay(input), expected);
}

void TestPersianText::letterForms_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("shown");
    // Arabic keyboard letters → the Persian letters.
    QTest::newRow("yeh and kaf") << u"كريمي"_s << u"کریمی"_s;
    QTest::newRow("alef maksura") << u"مصطفى"_s << u"مصطفی"_s;
    QTest::newRow("teh marbuta") << u"فاطمة"_s << u"فاطمه"_s;
    QTest::newRow("heh doachashmee") << u"مهدھ"_s << u"مهده"_s;
    QTest::newRow("yeh barree, heh goal") << u"علے شاہ"_s << u"علی شاه"_s;
    QTest::newRow("alef wasla") << u"ٱحمد"_s << u"احمد"_s;
    QTest::newRow("Arabic-Indic digits") << u"٤٥٦"_s << u"۴۵۶"_s;
    // Presentation forms pasted from a PDF: isolated/final/initial/medial kaf, yeh; lam-alef.
    QTest::newRow("presentation forms") << u"ﻛﺮﯾﻤﻰ"_s << u"کریمی"_s;
    QTest::newRow("lam-alef ligature") << u"ﻻله"_s << u"لاله"_s;
    QTest::newRow("yeh with hamza form") << u"ﺋ"_s << u"ئ"_s;
    // Everything else stays as typed: the matching form strips these, display must not.
    QTest::newRow("zwnj kept") << u"نيك‌پور"_s << u"نیک‌پور"_s;
    QTest::newRow("spaces kept") << u"محمد  علي"_s << u"محمد  علی"_s;
    QTest::newRow("madda kept") << u"آذر"_s << u"آذر"_s;
    QTest::newRow("hamza letters kept") << u"رئيس مسؤول أحمد"_s << u"رئیس مسؤول أحمد"_s;
    QTest::newRow("heh with yeh kept") << u"خانۀ"_s << u"خانۀ"_s;
    QTest::newRow("diacritics kept") << u"مُحَمَّد"_s << u"مُحَمَّد"_s;
    QTest::newRow("tatweel kept") << u"علـی"_s << u"علـی"_s;
    QTest::newRow("hyphen and apostrophe kept") << u"O'Brien-Karimi"_s << u"O'Brien-Karimi"_s;
    QTest::newRow("latin case kept") << u"Reza"_s << u"Reza"_s;
    QTest::newRow("Persian digits kept") << u"۱۲"_s << u"۱۲"_s;
    QTest::newRow("Persian already") << u"کریمی"_s << u"کریمی"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestPersianText::letterForms()
{
    QFETCH(QString, stored);
    QFETCH(QString, shown);
    QCOMPARE(persianLetterForms(stored), shown);
    // Only letter forms change: the shown text matches the stored one, and is shown as it is.
    QCOMPARE(branch::normalizeName(persianLetterForms(stored)), branch::normalizeName(stored));
    QCOMPARE(persianLetterForms(shown), shown);
    // No Arabic-only letter survives.
    for (const QChar c : persianLetterForms(stored))
        QVERIFY2(!QStringView(u"\u064A\u0649\u0643\u0629\u06BE").contains(c), qPrintable(stored));
}

void TestPersianText::personName()
{
    QCOMPARE(branch::personName(u"علي", u"كريمي"), u"علی کریمی"_s);
    QCOMPARE(branch::personName(u" مریم ", u"نيك‌پور"), u"مریم نیک‌پور"_s);
    QCOMPARE(branch::personName(u"", u"كريمي"), u"کریمی"_s);
}

void TestPersianText::answer_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("case") << u"Red"_s << u"red "_s << true;
    QTest::newRow("upper") << u"RED"_s << u"red"_s << true;
    QTest::newRow("madda") << u"آبی"_s << u"ابی"_s << true;
    QTest::newRow("arabic yeh") << u"آبي"_s << u"آبی"_s << true;
    QTest::newRow("spaces") << u"تهران  پارس"_s << u"تهرانپارس"_s << true;
    QTest::newRow("digits") << u"۱۲۳۴"_s << u"1234"_s << true;
    QTest::newRow("different") << u"قرمز"_s << u"آبی"_s << false;
    QTest::newRow("different latin") << u"red"_s << u"reds"_s << false;
}

void TestPersianText::answer()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    QCOMPARE(normalizeAnswer(a) == normalizeAnswer(b), equal);
}

QTEST_GUILESS_MAIN(TestPersianText)
#include "TestPersianText.moc"
