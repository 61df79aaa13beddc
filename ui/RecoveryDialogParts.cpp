// The recovery dialog's parts, as the tests and the keyboard walk reach them (see
// RecoveryDialog.h); the dialog's behaviour is in RecoveryDialog.cpp.
#include "RecoveryDialog.h"
#include "ui_RecoveryDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace branch::ui
{

QCommandLinkButton *RecoveryDialog::methodButton(Route route) const
{
    switch (route) {
    case Route::Sms:
        return m_ui->smsButton;
    case Route::Questions:
        return m_ui->questionsButton;
    case Route::Documents:
        return m_ui->documentsButton;
    case Route::None:
        break;
    }
    return nullptr;
}

QLabel *RecoveryDialog::codeInfo() const
{
    return m_ui->codeInfo;
}
QLineEdit *RecoveryDialog::codeField() const
{
    return m_ui->codeField;
}
QPushButton *RecoveryDialog::verifyCodeButton() const
{
    return m_ui->verifyCodeButton;
}
QPushButton *RecoveryDialog::newCodeButton() const
{
    return m_ui->newCodeButton;
}
QLabel *RecoveryDialog::questionLabel(int row) const
{
    return m_questionLabels.value(row, nullptr);
}
QLineEdit *RecoveryDialog::answerField(int row) const
{
    return m_answers.value(row, nullptr);
}
QPushButton *RecoveryDialog::verifyAnswersButton() const
{
    return m_ui->verifyAnswersButton;
}
QCheckBox *RecoveryDialog::documentBox(const QString &document) const
{
    for (const auto &[doc, box] : m_documents)
        if (doc == document)
            return box;
    return nullptr;
}
QGroupBox *RecoveryDialog::passwordGroup() const
{
    return m_ui->passwordGroup;
}
QGroupBox *RecoveryDialog::questionsGroup() const
{
    return m_ui->questionsGroup;
}
QLineEdit *RecoveryDialog::passwordField() const
{
    return m_ui->password;
}
QLineEdit *RecoveryDialog::confirmField() const
{
    return m_ui->confirm;
}
QComboBox *RecoveryDialog::newQuestionBox(int row) const
{
    return m_newQuestions.value(row, nullptr);
}
QLineEdit *RecoveryDialog::newAnswerField(int row) const
{
    return m_newAnswers.value(row, nullptr);
}
QPushButton *RecoveryDialog::renewButton() const
{
    return m_ui->renewButton;
}
QPushButton *RecoveryDialog::backButton() const
{
    return m_ui->backButton;
}

QStringList RecoveryDialog::unmetRules() const
{
    return m_ui->rules->unmetRules();
}

QStringList RecoveryDialog::questionViolations() const
{
    const QString text = m_ui->questionViolations->text();
    return m_ui->questionViolations->isVisibleTo(this) && !text.isEmpty() ? text.split(QLatin1Char('\n'))
                                                                          : QStringList();
}

} // namespace branch::ui
