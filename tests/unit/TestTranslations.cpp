// The Persian catalogue: translations/branchdesk_fa.ts is complete (no unfinished or empty
// message, placeholders survive, the seed's exact texts where the seed has one), the
// compiled catalogue embedded in branchcore (:/i18n/branchdesk_fa.qm) says the same as the
// .ts, and with it installed the rules speak Persian, the question catalogue follows, and
// the strength meter reads like the seed ("87% خیلی قوی").
//
// When a source string is added or changed, run "ninja update_translations", translate
// the new messages (tools/merge_translations.py fills the .ts from a TSV), and rebuild.
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/core/Names.h"
#include "app/core/PasswordPolicy.h"
#include "app/core/Registration.h"
#include "app/core/SecurityQuestions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{

QString sourceDir()
{
    return QStringLiteral(BRANCH_SOURCE_DIR);
}

// One <message> of a .ts file.
struct TsMessage {
    QString context;
    QString source;
    QString comment; // disambiguation
    bool numerus = false;
    bool finished = false;   // no type="unfinished"
    bool obsolete = false;   // type="vanished" or "obsolete": not in the sources any more
    QStringList translation; // one entry, or the numerus forms
    qint64 line = 0;

    QString where() const { return u"line %1: %2: \"%3\""_s.arg(line).arg(context, source); }
};

// The text of the current element; lupdate writes control characters as <byte value="xNN"/>.
QString elementText(QXmlStreamReader &xml)
{
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters())
            text += xml.text();
        else if (xml.isStartElement() && xml.name() == u"byte")
            text += QChar(xml.attributes().value(QLatin1StringView("value")).mid(1).toUInt(nullptr, 16));
        else if (xml.isEndElement() && xml.name() != u"byte")
            break;
    }
    return text;
}

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"name") {
                context = elementText(xml);
            } else if (name == u"message") {
                m = TsMessage{};
                m.context = context;
                m.numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
                m.line = xml.lineNumber();
            } else if (name == u"source") {
                m.source = elementText(xml);
            } else if (name == u"comment") {
                m.comment = elementText(xml);
            } else if (name == u"translation") {
                const auto type = xml.attributes().value(QLatin1StringView("type"));
                m.finished = type.isEmpty();
                m.obsolete = type == u"vanished" || type == u"obsolete";
                if (!m.numerus)
                    m.translation = {elementText(xml)};
            } else if (name == u"numerusform") {
                m.translation.append(elementText(xml));
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            out.append(m);
        }
    }
    if (xml.hasError())
        *error = u"%1 at line %2"_s.arg(xml.errorString()).arg(xml.lineNumber());
    return out;
}

// The distinct %N / %LN placeholders of a text, as "%N".
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%L?(\\d{1,2})"_s);
    QSet<QString> set;
    for (auto it = re.globalMatch(text); it.hasNext();)
        set.insert(u"%"_s + it.next().captured(1));
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

// Translations that need no Persian letter: a format, a product name, a language code.
bool languageNeutral(const TsMessage &m)
{
    return (m.context == u"branch::Rules" && m.source == u"%1% %2") ||
           (m.context == u"branch::Desk" && m.source == u"BranchDesk") ||
           (m.context == u"branch::Language" && m.source == u"en");
}

// The exact texts of the seed (the Social Security Organization's user guide).
const QString kSeedNoMobile = u"برای این نام کاربری شماره تلفن همراه یافت نشد."_s;

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void noUnfinishedMessage();
    void placeholdersSurvive();
    void translationsArePersian();
    void mnemonicsKeepLettersJoined();
    void compiledCatalogueMatchesTs();
    void seedTexts();
    void everyMarkedStringTranslated();
    void rulesSpeakPersian();
    void questionsFollowTranslator();
    void strengthLikeSeed();

private:
    QTranslator m_tr;
    QList<TsMessage> m_messages; // the current ones, without vanished/obsolete
};

void TestTranslations::initTestCase()
{
    QVERIFY2(m_tr.load(u":/i18n/branchdesk_fa.qm"_s), "the fa catalogue is not embedded in branchcore");
    QVERIFY(!m_tr.isEmpty());
    QCOMPARE(m_tr.language(), u"fa_IR"_s);
    QVERIFY(QCoreApplication::installTranslator(&m_tr));

    QString error;
    const QString ts = sourceDir() + u"/translations/branchdesk_fa.ts"_s;
    const QList<TsMessage> all = readTs(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(ts + u": "_s + error));
    for (const TsMessage &m : all)
        if (!m.obsolete)
            m_messages.append(m);
    QVERIFY(m_messages.size() > 150);
}

void TestTranslations::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_tr);
}

// A fa entry that is unfinished or empty fails the test, and every such entry is listed.
void TestTranslations::noUnfinishedMessage()
{
    QStringList bad;
    for (const TsMessage &m : std::as_const(m_messages)) {
        bool empty = m.translation.isEmpty();
        for (const QString &t : m.translation)
            empty = empty || t.trimmed().isEmpty();
        if (!m.finished || empty)
            bad << m.where() + (m.finished ? u" (empty)"_s : u" (unfinished)"_s);
    }
    QVERIFY2(bad.isEmpty(), qPrintable(u"%1 of %2 messages of translations/branchdesk_fa.ts need a Persian "
                                       "translation (run \"ninja update_translations\", then "
                                       "tools/merge_translations.py):\n"_s.arg(bad.size())
                                           .arg(m_messages.size()) +
                                       bad.join(u'\n')));
}

// Every %N of a source is in its translation, and a translation adds none (QString::arg
// would fill the wrong one).
void TestTranslations::placeholdersSurvive()
{
    QStringList bad;
    for (const TsMessage &m : std::as_const(m_messages)) {
        const QStringList want = placeholders(m.source);
        for (const QString &t : m.translation) {
            const QStringList got = placeholders(t);
            if (got != want)
                bad << m.where() + u" has "_s + want.join(u' ') + u", its translation \""_s + t + u"\" has "_s +
                           got.join(u' ');
        }
    }
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
}

// No message was left in English by copying the source.
void TestTranslations::translationsArePersian()
{
    static const QRegularExpression persianLetter(u"[\u0600-\u06FF]"_s);
    QStringList bad;
    for (const TsMessage &m : std::as_const(m_messages))
        for (const QString &t : m.translation)
            if (!t.isEmpty() && !languageNeutral(m) && !t.contains(persianLetter))
                bad << m.where() + u" → \""_s + t + u'"';
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
}

// A mnemonic (&x) underlines its letter by drawing it as a separate run, which cuts the
// joins of Persian letters on both sides («گ ذرواژه»). A translation may put & only before
// a letter that joins neither the letter before it nor the one after (e.g. «گذ&رواژه»), or
// before a non-Arabic character; tools/fix_persian_mnemonics.py moves or drops the others.
void TestTranslations::mnemonicsKeepLettersJoined()
{
    auto joinsForward = [](QChar c) {
        return c.joiningType() == QChar::Joining_Dual || c.joiningType() == QChar::Joining_Causing;
    };
    auto joins = [](QChar c) { return c.joiningType() != QChar::Joining_None; };
    QStringList bad;
    for (const TsMessage &m : std::as_const(m_messages))
        for (const QString &t : m.translation)
            for (qsizetype i = 0; i + 1 < t.size(); ++i) {
                if (t.at(i) != u'&')
                    continue;
                if (t.at(i + 1) == u'&') {
                    ++i;
                    continue;
                }
                const QChar c = t.at(i + 1);
                const bool joinsBefore = i > 0 && joinsForward(t.at(i - 1)) && joins(c);
                const bool joinsAfter = joinsForward(c) && i + 2 < t.size() && joins(t.at(i + 2));
                if (joinsBefore || joinsAfter)
                    bad << m.where() + u" → \""_s + t + u'"';
            }
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
}

// The .qm in the binary was built from this .ts (a stale build would fail here).
void TestTranslations::compiledCatalogueMatchesTs()
{
    QStringList bad;
    for (const TsMessage &m : std::as_const(m_messages)) {
        if (!m.finished || m.translation.isEmpty())
            continue; // reported by noUnfinishedMessage
        const QByteArray context = m.context.toUtf8(), source = m.source.toUtf8(), comment = m.comment.toUtf8();
        const QString got = m_tr.translate(context.constData(), source.constData(),
                                           m.comment.isEmpty() ? nullptr : comment.constData(), m.numerus ? 1 : -1);
        if (got != m.translation.front())
            bad << m.where() + u": the catalogue says \""_s + got + u'"';
    }
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
}

void TestTranslations::seedTexts()
{
    // The seed, password recovery by SMS when no mobile is registered.
    const char *noMobile = "No mobile number was found for this username.";
    bool found = false;
    for (const TsMessage &m : std::as_const(m_messages)) {
        if (m.context == u"branch::Services" && m.source == QString::fromUtf8(noMobile)) {
            found = true;
            QCOMPARE(m.translation.value(0), kSeedNoMobile);
        }
    }
    QVERIFY2(found, "branch::Services: \"No mobile number was found for this username.\" is not in the .ts");
    QCOMPARE(QCoreApplication::translate("branch::Services", noMobile), kSeedNoMobile);
    // Installing the fa catalogue switches the language of the catalogue texts.
    QCOMPARE(QCoreApplication::translate("branch::Language", "en"), u"fa"_s);
}

// Scans app/core/*.cpp for QT_TRANSLATE_NOOP("branch::Rules", "..." "...") and checks
// the compiled catalogue has each one.
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
            const QByteArray utf8 = source.toUtf8();
            QVERIFY2(!m_tr.translate("branch::Rules", utf8.constData()).isEmpty(), qPrintable(name + u": "_s + source));
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
    // The seed's words; the number in Persian digits with the Persian percent sign (issue 16
    // item 5: the meter read "58%" in Latin digits).
    QCOMPARE(formatStrength(s), u"۱۰۰٪ خیلی قوی"_s);
    s.percent = 87;
    QCOMPARE(formatStrength(s), u"۸۷٪ خیلی قوی"_s);
    QCOMPARE(passwordStrength(u"", PasswordContext{}).label, u"خیلی ضعیف"_s);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
