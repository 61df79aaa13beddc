// Security questions reset at the counter (see QuestionsResetDialog.h).
#include "QuestionsResetDialog.h"
#include "ui_QuestionsResetDialog.h"

#include "QuestionChoosers.h"
#include "TextColors.h"

#include "app/core/PersianText.h"
#include "app/lifecycle/Counter.h"
#include "app/security/SecretHash.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>

namespace branch::ui
{

QuestionsResetDialog::QuestionsResetDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant,
                                           QWidget *parent)
    : CounterDialog(ctx, staff, applicant, parent), m_ui(new Ui::QuestionsResetDialog)
{
    static_assert(kSecurityQuestionCount == 3, "the form has three rows");
    m_ui->setupUi(this);
    bind(m_ui->heading, m_ui->message);
    setTextColor(m_ui->violations, kProblemColor);

    m_boxes = {m_ui->question1, m_ui->question2, m_ui->question3};
    m_answers = {m_ui->answer1, m_ui->answer2, m_ui->answer3};
    const QList<Question> catalogue = questionCatalogue();
    for (int row = 0; row < m_boxes.size(); ++row) {
        QComboBox *box = m_boxes.at(row);
        // Three different questions to start with; the person changes them at will, and a
        // question chosen in one row is not offered in the others.
        if (row < catalogue.size())
            box->addItem(catalogue.at(row).text, catalogue.at(row).id);
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            offerDistinctQuestions(m_boxes);
            updateState();
        });
        // A question the person picked is a field touched (the refills above emit nothing).
        connect(box, &QComboBox::activated, this, [this] {
            m_touched = true;
            updateState();
        });
        QLineEdit *answer = m_answers.at(row);
        connect(answer, &QLineEdit::textChanged, this, &QuestionsResetDialog::updateState);
        connect(answer, &QLineEdit::textEdited, this, [this] {
            m_touched = true;
            updateState();
        });
        // Enter moves on to the next question; in the last answer it submits once the rule holds.
        if (row + 1 < m_boxes.size()) {
            QComboBox *next = m_boxes.at(row + 1);
            connect(answer, &QLineEdit::returnPressed, next, qOverload<>(&QWidget::setFocus));
        } else {
            connect(answer, &QLineEdit::returnPressed, this, [this] {
                if (m_ui->submitButton->isEnabled())
                    submit();
            });
        }
    }

    // No default button (QDialog would make the first auto-default one the default when
    // shown): Enter in a field never presses one behind the clerk's back; a focused button
    // is pressed with Space.
    m_ui->submitButton->setAutoDefault(false);
    m_ui->cancelButton->setAutoDefault(false);
    connect(m_ui->submitButton, &QPushButton::clicked, this, &QuestionsResetDialog::submit);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    QWidget *previous = nullptr;
    for (int row = 0; row < m_boxes.size(); ++row) {
        if (previous)
            setTabOrder(previous, m_boxes.at(row));
        setTabOrder(m_boxes.at(row), m_answers.at(row));
        previous = m_answers.at(row);
    }
    setTabOrder(previous, m_ui->submitButton);
    setTabOrder(m_ui->submitButton, m_ui->cancelButton);

    offerDistinctQuestions(m_boxes);
    updateState();
    m_ui->question1->setFocus();
}

QuestionsResetDialog::~QuestionsResetDialog()
{
    clearAnswers();
}

QComboBox *QuestionsResetDialog::questionBox(int row) const
{
    return m_boxes.value(row, nullptr);
}

QLineEdit *QuestionsResetDialog::answerField(int row) const
{
    return m_answers.value(row, nullptr);
}

QPushButton *QuestionsResetDialog::submitButton() const
{
    return m_ui->submitButton;
}

QStringList QuestionsResetDialog::violationCodes() const
{
    QStringList out;
    for (const Violation &v : m_violations)
        out << v.code;
    return out;
}

QStringList QuestionsResetDialog::shownMessages() const
{
    return m_ui->violations->isVisibleTo(this) ? m_ui->violations->text().split(QLatin1Char('\n')) : QStringList();
}

QStringList QuestionsResetDialog::offeredQuestions(int row) const
{
    return offeredQuestionIds(questionBox(row));
}

QStringList QuestionsResetDialog::violationMessages() const
{
    QStringList out;
    for (const Violation &v : m_violations)
        out << v.message;
    return out;
}

void QuestionsResetDialog::clearAnswers()
{
    // setText (not clear()) also drops the undo history.
    for (QLineEdit *answer : std::as_const(m_answers))
        answer->setText(QString());
}

QList<QuestionAnswer> QuestionsResetDialog::currentAnswers() const
{
    QList<QuestionAnswer> out;
    for (int row = 0; row < m_boxes.size(); ++row)
        out.append(QuestionAnswer{m_boxes.at(row)->currentData().toString(), m_answers.at(row)->text()});
    return out;
}

void QuestionsResetDialog::updateState()
{
    QList<QuestionAnswer> qa = currentAnswers();
    m_violations = checkSecurityQuestions(qa);
    for (QuestionAnswer &q : qa)
        security::wipe(q.answer);
    // Nothing is wrong before the person did anything: the rule speaks once a field was touched.
    const bool shown = m_touched && !m_violations.isEmpty();
    m_ui->violations->setText(shown ? violationMessages().join(QLatin1Char('\n')) : QString());
    m_ui->violations->setVisible(shown);
    m_ui->submitButton->setEnabled(m_violations.isEmpty());
    showMessage(QString());
}

void QuestionsResetDialog::submit()
{
    m_touched = true;
    updateState();
    if (!m_violations.isEmpty())
        return; // the rule's messages are on screen; only reachable by calling the slot
    confirmAndRun<bool>(tr("Replace the security questions of %1 %2 (national code %3)? The old answers stop "
                           "working at once.")
                            .arg(persianLetterForms(m_case.request.firstName),
                                 persianLetterForms(m_case.request.lastName), digits(m_case.nationalCode)),
                        tr("Reset security questions"), [this] {
                            // Take the answers out of the fields first, so that the service's
                            // wipe() overwrites the only copies (the list is moved).
                            QList<QuestionAnswer> qa = currentAnswers();
                            m_ui->submitButton->setEnabled(false);
                            {
                                const QSignalBlocker b1(m_ui->answer1), b2(m_ui->answer2), b3(m_ui->answer3);
                                clearAnswers();
                            }
                            return resetQuestionsAtCounter(m_ctx, m_case.nationalCode, m_staff, std::move(qa), m_now());
                        });
    if (result() != QDialog::Accepted && !message().isEmpty()) {
        // The failure stays on screen; the rows show their (now empty) state again.
        const QString failure = message();
        updateState();
        showMessage(failure);
        m_ui->answer1->setFocus();
    }
}

} // namespace branch::ui
