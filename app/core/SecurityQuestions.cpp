// Security-question catalogue and rules.
#include "app/core/SecurityQuestions.h"

#include "app/core/Language.h"
#include "app/core/PersianText.h"
#include "app/core/RuleText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

// Outside the namespace: Q_INIT_RESOURCE declares a global function. Needed because
// branchcore is a static library whose resource object is otherwise never initialised.
static void initCoreResources()
{
    Q_INIT_RESOURCE(core);
}

namespace branch
{

namespace
{

struct Entry {
    QString id, fa, en;
};

// Loaded once; the resource is compiled into branchcore, so a failure here is a build
// defect and is reported loudly rather than hidden.
const QList<Entry> &entries()
{
    static const QList<Entry> list = [] {
        initCoreResources();
        QList<Entry> out;
        QFile f(QStringLiteral(":/core/questions.json"));
        if (!f.open(QIODevice::ReadOnly)) {
            qWarning("branch: :/core/questions.json is missing from the resources");
            return out;
        }
        const QJsonArray arr = QJsonDocument::fromJson(f.readAll()).object().value(u"questions").toArray();
        for (const QJsonValue &v : arr) {
            const QJsonObject o = v.toObject();
            out.append(Entry{o.value(u"id").toString(), o.value(u"fa").toString(), o.value(u"en").toString()});
        }
        if (out.isEmpty())
            qWarning("branch: :/core/questions.json holds no questions");
        return out;
    }();
    return list;
}

QString textOf(const Entry &e)
{
    return language() == u"fa" ? e.fa : e.en;
}

} // namespace

QList<Question> questionCatalogue()
{
    QList<Question> out;
    for (const Entry &e : entries())
        out.append(Question{e.id, textOf(e)});
    return out;
}

bool isKnownQuestion(const QString &id)
{
    for (const Entry &e : entries())
        if (e.id == id)
            return true;
    return false;
}

QString questionText(const QString &id)
{
    for (const Entry &e : entries())
        if (e.id == id)
            return textOf(e);
    return {};
}

Violations checkSecurityQuestions(const QList<QuestionAnswer> &qa)
{
    static_assert(kSecurityQuestionCount == 3, "the count message says three");
    static const QString field = QStringLiteral("security_questions");
    bool unknown = false, duplicateQuestion = false, tooShort = false, duplicateAnswer = false;
    QSet<QString> ids, answers;
    for (const QuestionAnswer &q : qa) {
        unknown |= !isKnownQuestion(q.questionId);
        if (ids.contains(q.questionId))
            duplicateQuestion = true;
        ids.insert(q.questionId);
        // Counted in the form answers are compared and hashed in: an answer of marks, ZWNJ or
        // tatweel alone is empty there and would match any other such answer (found by
        // tests/fuzz security_questions).
        const QString a = normalizeAnswer(q.answer);
        tooShort |= a.size() < 2;
        if (!a.isEmpty()) {
            if (answers.contains(a))
                duplicateAnswer = true;
            answers.insert(a);
        }
    }
    Violations out;
    if (qa.size() != kSecurityQuestionCount)
        out.append(
            Violation{field, QStringLiteral("security_questions.count"),
                      rulesText(QT_TRANSLATE_NOOP("branch::Rules", "Choose exactly three security questions."))});
    if (unknown)
        out.append(makeViolation(field, QStringLiteral("security_questions.unknown"),
                                 QT_TRANSLATE_NOOP("branch::Rules", "Choose the security questions from the list.")));
    if (duplicateQuestion)
        out.append(makeViolation(field, QStringLiteral("security_questions.duplicate_question"),
                                 QT_TRANSLATE_NOOP("branch::Rules", "Choose different security questions.")));
    if (tooShort)
        out.append(makeViolation(field, QStringLiteral("security_questions.answer_too_short"),
                                 QT_TRANSLATE_NOOP("branch::Rules", "Each answer must be at least two characters.")));
    if (duplicateAnswer)
        out.append(makeViolation(field, QStringLiteral("security_questions.duplicate_answer"),
                                 QT_TRANSLATE_NOOP("branch::Rules", "Give a different answer to each question.")));
    return out;
}

} // namespace branch
