// Security questions reset at the counter: the person picks three questions from the
// catalogue (a question chosen in one row is not offered in the others) and types an answer
// to each; the rule (three different questions, three different answers, each at least two
// characters: branch::checkSecurityQuestions) is shown under the rows once a field was
// touched, the clerk confirms, and branch::resetQuestionsAtCounter
// stores the hashed answers in one audited transaction. No rule lives in the widget.
#pragma once

#include "CounterDialog.h"
#include "app/core/SecurityQuestions.h"

#include <QDialog>
#include <QList>
#include <QScopedPointer>
#include <QStringList>
#include <functional>

namespace Ui
{
class QuestionsResetDialog;
}

class QComboBox;
class QLineEdit;
class QPushButton;

namespace branch::ui
{

class QuestionsResetDialog : public CounterDialog
{
    Q_OBJECT

public:
    QuestionsResetDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant,
                         QWidget *parent = nullptr);
    ~QuestionsResetDialog() override;

    // Rows 0 .. kSecurityQuestionCount - 1; null for any other index. Each box's item data
    // is the question id.
    QComboBox *questionBox(int row) const;
    QLineEdit *answerField(int row) const;
    QPushButton *submitButton() const;

    // What checkSecurityQuestions reports for the rows as they are now (shown under them
    // once a field was touched).
    QStringList violationCodes() const;
    QStringList violationMessages() const;
    // The messages under the rows as shown now; empty before anything was touched.
    QStringList shownMessages() const;
    // The question ids row `row`'s chooser offers, in order.
    QStringList offeredQuestions(int row) const;

public slots:
    // Rules, then the confirmation, then the service: accept() on success; on failure the
    // service's message is shown, the dialog stays open and nothing has changed.
    void submit();

private:
    QList<QuestionAnswer> currentAnswers() const;
    void updateState();
    void clearAnswers();

    const QScopedPointer<Ui::QuestionsResetDialog> m_ui;
    QList<QComboBox *> m_boxes;
    QList<QLineEdit *> m_answers;
    Violations m_violations;
    bool m_touched = false; // an answer typed or a question picked by the person
};

} // namespace branch::ui
