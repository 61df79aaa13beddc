// Security questions: the catalogue (seed texts verbatim, both languages) and the
// "three different questions, three different answers of two characters" rule.
#include "app/core/Language.h"
#include "app/core/SecurityQuestions.h"

#include "RulesTestUtil.h"

#include <QSet>
#include <QTest>

using namespace branch;
using namespace rulestest;
using namespace Qt::StringLiterals;

using QAList = QList<QuestionAnswer>;
Q_DECLARE_METATYPE(QAList)

class TestSecurityQuestions : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { setLanguage(QString()); }
    void seedTexts_data();
    void seedTexts();
    void catalogue();
    void unknownId();
    void rules_data();
    void rules();
};

void TestSecurityQuestions::seedTexts_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("fa");
    QTest::addColumn<QString>("en");
    QTest::newRow("favorite_color") << u"favorite_color"_s << u"رنگ مورد علاقه شما چیست؟"_s
                                    << u"What is your favourite colour?"_s;
    QTest::newRow("birth_city") << u"birth_city"_s << u"شما در چه شهری متولد شده اید؟"_s
                                << u"In which city were you born?"_s;
    QTest::newRow("first_workplace") << u"first_workplace"_s << u"نام اولین کارگاهی که در آن مشغول به کار شدید چیست؟"_s
                                     << u"What is the name of the first workplace you worked at?"_s;
    QTest::newRow("primary_teacher") << u"primary_teacher"_s << u"نام یکی از معلمین دوره دبستان شما چه بوده است؟"_s
                                     << u"What was the name of one of your primary-school teachers?"_s;
}

void TestSecurityQuestions::seedTexts()
{
    QFETCH(QString, id);
    QFETCH(QString, fa);
    QFETCH(QString, en);
    QVERIFY(isKnownQuestion(id));
    setLanguage(u"fa"_s);
    QCOMPARE(language(), u"fa"_s);
    QCOMPARE(questionText(id), fa);
    setLanguage(u"en"_s);
    QCOMPARE(questionText(id), en);
    setLanguage(QString()); // no translator installed: the source language
    QCOMPARE(language(), u"en"_s);
    QCOMPARE(questionText(id), en);
}

void TestSecurityQuestions::catalogue()
{
    setLanguage(u"fa"_s);
    const QList<Question> fa = questionCatalogue();
    setLanguage(u"en"_s);
    const QList<Question> en = questionCatalogue();
    QVERIFY(fa.size() >= 6 && fa.size() <= 8);
    QCOMPARE(en.size(), fa.size());
    QCOMPARE(fa.first().id, u"favorite_color"_s);
    QSet<QString> ids;
    for (qsizetype i = 0; i < fa.size(); ++i) {
        QCOMPARE(fa[i].id, en[i].id);
        QVERIFY(!fa[i].text.isEmpty() && !en[i].text.isEmpty() && fa[i].text != en[i].text);
        QVERIFY(fa[i].text.endsWith(u'؟'));
        QVERIFY(en[i].text.endsWith(u'?'));
        ids.insert(fa[i].id);
    }
    QCOMPARE(ids.size(), fa.size());
}

void TestSecurityQuestions::unknownId()
{
    QVERIFY(!isKnownQuestion(u"pet_name"_s));
    QVERIFY(!isKnownQuestion(QString()));
    QVERIFY(!isKnownQuestion(u"Favorite_Color"_s)); // ids are exact
    QCOMPARE(questionText(u"pet_name"_s), QString());
}

void TestSecurityQuestions::rules_data()
{
    QTest::addColumn<QAList>("qa");
    QTest::addColumn<QStringList>("codes"); // sorted
    auto qa = [](const QString &id, const QString &answer) { return QuestionAnswer{id, answer}; };
    const QString c = u"favorite_color"_s, b = u"birth_city"_s, w = u"first_workplace"_s, t = u"primary_teacher"_s;
    auto row = [](const char *name, const QAList &list, const QStringList &codes) {
        QTest::newRow(name) << list << sorted(codes);
    };

    row("valid", {qa(c, u"آبی"_s), qa(b, u"تهران"_s), qa(w, u"کارخانه"_s)}, {});
    row("valid other questions", {qa(t, u"Mr Karimi"_s), qa(u"first_school"_s, u"Ferdowsi"_s), qa(c, u"Red"_s)}, {});
    row("two-character answers", {qa(c, u"ab"_s), qa(b, u" قم "_s), qa(w, u"12"_s)}, {});
    row("none", {}, {u"security_questions.count"_s});
    row("two", {qa(c, u"آبی"_s), qa(b, u"تهران"_s)}, {u"security_questions.count"_s});
    row("four", {qa(c, u"آبی"_s), qa(b, u"تهران"_s), qa(w, u"کارخانه"_s), qa(t, u"کریمی"_s)},
        {u"security_questions.count"_s});
    row("unknown id", {qa(c, u"آبی"_s), qa(b, u"تهران"_s), qa(u"pet_name"_s, u"Pishi"_s)},
        {u"security_questions.unknown"_s});
    row("empty id", {qa(c, u"آبی"_s), qa(b, u"تهران"_s), qa(QString(), u"Pishi"_s)}, {u"security_questions.unknown"_s});
    row("same question", {qa(c, u"آبی"_s), qa(c, u"قرمز"_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.duplicate_question"_s});
    row("one letter", {qa(c, u"a"_s), qa(b, u"تهران"_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.answer_too_short"_s});
    row("one letter with blanks", {qa(c, u"  a  "_s), qa(b, u"تهران"_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.answer_too_short"_s});
    row("persian one letter", {qa(c, u"آ"_s), qa(b, u"تهران"_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.answer_too_short"_s});
    row("empty answer", {qa(c, QString()), qa(b, u"تهران"_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.answer_too_short"_s});
    row("two empty answers are not duplicates", {qa(c, QString()), qa(b, u" "_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.answer_too_short"_s});
    // Counted as compared: marks, tatweel or ZWNJ alone are nothing (found by tests/fuzz).
    row("marks only", {qa(c, u"\u064B\u064C"_s), qa(b, u"\u064E\u064F"_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.answer_too_short"_s});
    row("tatweel only", {qa(c, u"\u0640\u0640\u0640"_s), qa(b, u"تهران"_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.answer_too_short"_s});
    row("zwnj and a letter", {qa(c, u"\u200Cب\u200C"_s), qa(b, u"تهران"_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.answer_too_short"_s});
    row("seed screenshot 1234 x3", {qa(c, u"1234"_s), qa(b, u"1234"_s), qa(w, u"1234"_s)},
        {u"security_questions.duplicate_answer"_s});
    row("case and blanks", {qa(c, u"Red"_s), qa(b, u"red "_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.duplicate_answer"_s});
    row("madda", {qa(c, u"آبی"_s), qa(b, u"ابی"_s), qa(w, u"کارخانه"_s)}, {u"security_questions.duplicate_answer"_s});
    row("arabic yeh", {qa(c, u"علي"_s), qa(b, u"تهران"_s), qa(w, u"علی"_s)},
        {u"security_questions.duplicate_answer"_s});
    row("digit scripts", {qa(c, u"۱۲۳۴"_s), qa(b, u"1234"_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.duplicate_answer"_s});
    row("zwnj", {qa(c, u"نیک\u200Cپور"_s), qa(b, u"نیک پور"_s), qa(w, u"کارخانه"_s)},
        {u"security_questions.duplicate_answer"_s});
    row("everything at once", {qa(c, u"a"_s), qa(c, u"A"_s)},
        {u"security_questions.count"_s, u"security_questions.duplicate_question"_s,
         u"security_questions.answer_too_short"_s, u"security_questions.duplicate_answer"_s});
    row("unknown and short and count", {qa(u"x"_s, u"b"_s)},
        {u"security_questions.count"_s, u"security_questions.unknown"_s, u"security_questions.answer_too_short"_s});
}

void TestSecurityQuestions::rules()
{
    QFETCH(QAList, qa);
    QFETCH(QStringList, codes);
    const Violations vs = checkSecurityQuestions(qa);
    QCOMPARE(sorted(codesOf(vs)), codes);
    QCOMPARE(codesOf(vs).removeDuplicates(), 0);
    QVERIFY(wellFormed(vs, u"security_questions"_s));
}

QTEST_GUILESS_MAIN(TestSecurityQuestions)
#include "TestSecurityQuestions.moc"
