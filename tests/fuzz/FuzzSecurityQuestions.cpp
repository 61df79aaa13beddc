// Fuzz target: the security-question rule and the answers' comparison form
// (app/core/SecurityQuestions, PersianText::normalizeAnswer). Input: one pair a line,
// "question_id<TAB>answer"; a line without a tab is an answer to the catalogue's question
// of that line's number, so that known ids are reached often.
#include "tests/fuzz/FuzzSupport.h"

#include "app/core/PersianText.h"
#include "app/core/SecurityQuestions.h"

using namespace branch;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<Question> catalogue = questionCatalogue();
    FUZZ_CHECK(!catalogue.isEmpty());
    QList<QuestionAnswer> qa;
    const QStringList lines = fuzz::text(data, size).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size() && i < 16; ++i) {
        const QString &line = lines[i];
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        if (tab >= 0)
            qa.append({line.first(tab), line.sliced(tab + 1)});
        else
            qa.append({catalogue[i % catalogue.size()].id, line});
    }
    const Violations vs = checkSecurityQuestions(qa);
    fuzz::checkViolations(vs, QStringLiteral("security_questions"));
    for (qsizetype i = 0; i < vs.size(); ++i)
        for (qsizetype j = i + 1; j < vs.size(); ++j)
            FUZZ_CHECK(vs[i].code != vs[j].code); // each code once
    if (vs.isEmpty()) {
        FUZZ_CHECK(qa.size() == kSecurityQuestionCount);
        for (qsizetype i = 0; i < qa.size(); ++i) {
            FUZZ_CHECK(isKnownQuestion(qa[i].questionId) && !questionText(qa[i].questionId).isEmpty());
            for (qsizetype j = i + 1; j < qa.size(); ++j) {
                FUZZ_CHECK(qa[i].questionId != qa[j].questionId);
                FUZZ_CHECK(normalizeAnswer(qa[i].answer) != normalizeAnswer(qa[j].answer));
            }
        }
    }
    for (const auto &a : qa) {
        FUZZ_CHECK(isKnownQuestion(a.questionId) == !questionText(a.questionId).isEmpty());
        const QString n = normalizeAnswer(a.answer);
        FUZZ_CHECK(normalizeAnswer(n) == n);
    }
    return 0;
}
