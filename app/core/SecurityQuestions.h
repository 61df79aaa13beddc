// Security questions: the catalogue (resources/questions.json, embedded as
// :/core/questions.json) and the registration rule "three different questions with
// three different answers, each answer at least two characters".
#pragma once

#include "app/core/Violation.h"

#include <QList>
#include <QString>

namespace branch
{

struct Question {
    QString id;   // stable: stored in the database and used by branchctl
    QString text; // in the active language (branch::language())
};

// Every question, in catalogue order, texts in the active language: the JSON's "fa" text
// when language() is "fa", otherwise its "en" text.
QList<Question> questionCatalogue();

bool isKnownQuestion(const QString &id);

// The question's text in the active language; empty for an unknown id.
QString questionText(const QString &id);

struct QuestionAnswer {
    QString questionId;
    QString answer;
};

constexpr int kSecurityQuestionCount = 3;

// Field "security_questions". Every rule is checked, each code reported once:
//   security_questions.count               not exactly kSecurityQuestionCount entries
//   security_questions.unknown             an id not in the catalogue
//   security_questions.duplicate_question  the same id twice
//   security_questions.answer_too_short    an answer with fewer than 2 characters once
//                                          trimmed (empty included)
//   security_questions.duplicate_answer    two non-empty answers equal in normalizeAnswer()
//                                          form («آبی» = «ابی» = «ابي», "Red" = "red ")
Violations checkSecurityQuestions(const QList<QuestionAnswer> &qa);

} // namespace branch
