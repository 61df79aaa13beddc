// Security questions reset at the counter (see QuestionsResetDialog.h).
#include "QuestionsResetDialog.h"
#include "ui_QuestionsResetDialog.h"

#include "Confirm.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/lifecycle/Counter.h"
#include "app/security/SecretHash.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>

namespace branch::ui
{

namespace
{
const QColor kProblemColor(0xb3, 0x26, 0x1e);

QString displayDigits(const QString &s)
{
    return language() == QLatin1String("fa") ? toPersianDigits(s) : s;
}

void setTextColor(QWidget *w, const QColor &c)
{
    QPalette p = w->palette();
    p.setColor(QPalette::WindowText, c);
    w->setPalette(p);
}
} // namespace

QuestionsResetDialog::QuestionsResetDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant,
                                           QWidget *parent)
    : QDialog(parent), m_ui(new Ui::QuestionsResetDialog), m_ctx(ctx), m_staff(staff), m_case(applicant),
      m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    static_assert(kSecurityQuestionCount == 3, "the form has three rows");
    m_ui->setupUi(this);
    m_ui->heading->setText(
        tr("%1 %2 — national code %3")
            .arg(applicant.request.firstName, applicant.request.lastName, displayDigits(applicant.nationalCode)));
    QFont bold = m_ui->heading->font();
    bold.setBold(true);
    m_ui->heading->setFont(bold);
    setTextColor(m_ui->violations, kProblemColor);
    setTextColor(m_ui->message, kProblemColor);
    m_ui->message->hide();

    m_boxes = {m_ui->question1, m_ui->question2, m_ui->question3};
    m_answers = {m_ui->answer1, m_ui->answer2, m_ui->answer3};
    const QList<Question> catalogue = questionCatalogue();
    for (int row = 0; row < m_boxes.size(); ++row) {
        QComboBox *box = m_boxes.at(row);
        for (const Question &q : catalogue)
            box->addItem(q.text, q.id);
        // Three different questions to start with; the person changes them at will.
        box->setCurrentIndex(catalogue.isEmpty() ? -1 : row % catalogue.size());
        connect(box, &QComboBox::currentIndexChanged, this, &QuestionsResetDialog::updateState);
        QLineEdit *answer = m_answers.at(row);
        connect(answer, &QLineEdit::textChanged, this, &QuestionsResetDialog::updateState);
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

    updateState();
    m_ui->question1->setFocus();
}

QuestionsResetDialog::~QuestionsResetDialog()
{
    clearAnswers();
}

void QuestionsResetDialog::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
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

QStringList QuestionsResetDialog::violationMessages() const
{
    QStringList out;
    for (const Violation &v : m_violations)
        out << v.message;
    return out;
}

QString QuestionsResetDialog::message() const
{
    return m_ui->message->isVisibleTo(this) ? m_ui->message->text() : QString();
}

void QuestionsResetDialog::showMessage(const QString &text)
{
    m_ui->message->setText(text);
    m_ui->message->setVisible(!text.isEmpty());
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
    m_ui->violations->setText(violationMessages().join(QLatin1Char('\n')));
    m_ui->violations->setVisible(!m_violations.isEmpty());
    m_ui->submitButton->setEnabled(m_violations.isEmpty());
    showMessage(QString());
}

void QuestionsResetDialog::submit()
{
    updateState();
    if (!m_violations.isEmpty())
        return; // the rule's messages are on screen; only reachable by calling the slot
    if (!confirmAction(this, windowTitle(),
                       tr("Replace the security questions of %1 %2 (national code %3)? The old answers stop "
                          "working at once.")
                           .arg(m_case.request.firstName, m_case.request.lastName, displayDigits(m_case.nationalCode)),
                       tr("Reset security questions")))
        return;

    // Take the answers out of the fields first, so that the service's wipe() overwrites
    // the only copies.
    QList<QuestionAnswer> qa = currentAnswers();
    m_ui->submitButton->setEnabled(false);
    {
        const QSignalBlocker b1(m_ui->answer1), b2(m_ui->answer2), b3(m_ui->answer3);
        clearAnswers();
    }
    // The service wipes the answers it was given (the list is moved: no other copy remains).
    const auto out = resetQuestionsAtCounter(m_ctx, m_case.nationalCode, m_staff, std::move(qa), m_now());
    if (!out.ok()) {
        updateState();
        showMessage(out.failure.message());
        m_ui->answer1->setFocus();
        return;
    }
    accept();
}

} // namespace branch::ui
