// The Persian texts of the rules (translations/fa-rules.tsv, merged into the .ts files by
// the lead): every marked source string has a translation, placeholders survive, and
// with the Persian catalogue installed the rules speak Persian, the question catalogue
// follows, and the strength meter reads like the seed ("87% خیلی قوی").
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/core/Names.h"
#include "app/core/PasswordPolicy.h"
#include "app/core/Registration.h"
#include "app/core/SecurityQuestions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{

// A translator answering from the TSV, as the .qm built from it will.
class TsvTranslator : public QTranslator
{
public:
    QHash<QString, QString> table; // "context\x1fsource" → translation
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        return table.value(QString::fromUtf8(context) + u'\x1f' + QString::fromUtf8(source));
    }
    bool isEmpty() const override { return table.isEmpty(); }
};

QString sourceDir()
{
    return QStringLiteral(BRANCH_SOURCE_DIR);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void tsvWellFormed();
    void everyMarkedStringTranslated();
    void rulesSpeakPersian();
    void questionsFollowTranslator();
    void strengthLikeSeed();

private:
    TsvTranslator m_tr;
    QList<QStringList> m_rows;
};

void TestTranslations::initTestCase()
{
    QFile f(sourceDir() + u"/translations/fa-rules.tsv"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QStringList cols = QString::fromUtf8(line).split(u'\t');
        m_rows.append(cols);
        if (cols.size() == 3)
            m_tr.table.insert(cols[0] + u'\x1f' + cols[1], cols[2]);
    }
    QVERIFY(QCoreApplication::installTranslator(&m_tr));
}

void TestTranslations::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_tr);
}

void TestTranslations::tsvWellFormed()
{
    QVERIFY(m_rows.size() > 30);
    QSet<QString> keys;
    static const QRegularExpression placeholder(u"%\\d"_s);
    for (const QStringList &r : m_rows) {
        QCOMPARE(r.size(), 3);
        QVERIFY2(!r[2].trimmed().isEmpty(), qPrintable(r[1]));
        QVERIFY2(!keys.contains(r[0] + r[1]), qPrintable(r[1]));
        keys.insert(r[0] + r[1]);
        QStringList a, b;
        for (auto it = placeholder.globalMatch(r[1]); it.hasNext();)
            a << it.next().captured();
        for (auto it = placeholder.globalMatch(r[2]); it.hasNext();)
            b << it.next().captured();
        a.sort();
        b.sort();
        QVERIFY2(a == b, qPrintable(r[1]));
    }
}

// Scans app/core/*.cpp for QT_TRANSLATE_NOOP("branch::Rules", "..." "...") and checks
// the TSV has each one.
void TestTranslations::everyMarkedStringTranslated()
{
    static const QRegularExpression call(
        uR"re(QT_TRANSLATE_NOOP\(\s*"branch::Rules",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\))re"_s);
    static const QRegularExpression literal(uR"re("((?:[^"\\]|\\.)*)")re"_s);
    const QDir core(sourceDir() + u"/app/core"_s);
    int count = 0;
    for (const QString &name : core.entryList({u"*.cpp"_s})) {
        QFile f(core.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        for (auto it = call.globalMatch(text); it.hasNext();) {
            QString source;
            for (auto lit = literal.globalMatch(it.next().captured(1)); lit.hasNext();)
                source += lit.next().captured(1);
            ++count;
            QVERIFY2(m_tr.table.contains(u"branch::Rules\x1f"_s + source), qPrintable(name + u": "_s + source));
        }
    }
    QVERIFY(count > 30);
}

void TestTranslations::rulesSpeakPersian()
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
    in.password = u"۱ ali"_s;
    in.questions = {{u"x"_s, u"a"_s}, {u"x"_s, u"A"_s}};
    const Violations vs = validateRegistration(in, QDate(2025, 6, 1));
    QVERIFY(vs.size() > 15);
    static const QRegularExpression persianLetter(u"[\u0600-\u06FF]"_s);
    for (const Violation &v : vs)
        QVERIFY2(v.message.contains(persianLetter), qPrintable(v.code + u": "_s + v.message));
    QCOMPARE(checkBirthDate(u"1200/01/01", QDate(2025, 6, 1)).front().message,
             u"تاریخ تولد نمی‌تواند پیش از ۱۲۸۰/۰۱/۰۱ باشد."_s);
    QCOMPARE(checkName(QString(61, u'b'), u"first_name"_s).front().message,
             u"نام حداکثر می‌تواند ۶۰ حرف باشد."_s);
    const auto list = passwordChecklist(u"x", u"x", PasswordContext{});
    QCOMPARE(list.front().label,
             u"فقط کاراکترهای لاتین حرف و عدد و & % $ # ! مجاز می‌باشند."_s);
}

void TestTranslations::questionsFollowTranslator()
{
    setLanguage(QString());
    QCOMPARE(language(), u"fa"_s);
    QCOMPARE(questionText(u"favorite_color"_s), u"رنگ مورد علاقه شما چیست؟"_s);
    setLanguage(u"en"_s); // an explicit choice wins
    QCOMPARE(questionText(u"favorite_color"_s), u"What is your favourite colour?"_s);
    setLanguage(QString());
}

void TestTranslations::strengthLikeSeed()
{
    PasswordStrength s = passwordStrength(u"Xy7#kLp9!qRz", PasswordContext{});
    QCOMPARE(formatStrength(s), u"100% خیلی قوی"_s);
    s.percent = 87;
    QCOMPARE(formatStrength(s), u"87% خیلی قوی"_s);
    QCOMPARE(passwordStrength(u"", PasswordContext{}).label, u"خیلی ضعیف"_s);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
