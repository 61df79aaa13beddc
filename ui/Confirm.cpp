// The confirmation box of the counter actions (see Confirm.h).
#include "Confirm.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

#include <optional>

namespace branch::ui
{

namespace
{
std::optional<bool> g_nextAnswer;
std::optional<std::pair<QString, bool>> g_nextPassword;
int g_asked = 0;
} // namespace

void setNextConfirmAnswer(bool answer)
{
    g_nextAnswer = answer;
}

int confirmationsAsked()
{
    return g_asked;
}

bool confirmAction(QWidget *parent, const QString &title, const QString &question, const QString &confirmLabel)
{
    ++g_asked;
    if (g_nextAnswer) {
        const bool answer = *g_nextAnswer;
        g_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    QPushButton *yes = box.addButton(confirmLabel, QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(yes);
    box.exec();
    return box.clickedButton() == yes;
}

void setNextPasswordAnswer(const QString &password, bool accepted)
{
    g_nextPassword = std::make_pair(password, accepted);
}

bool askStaffPassword(QWidget *parent, const QString &title, const QString &label, QString *password)
{
    password->clear();
    if (g_nextPassword) {
        const auto [typed, accepted] = *g_nextPassword;
        g_nextPassword.reset();
        if (accepted)
            *password = typed;
        return accepted;
    }
    QInputDialog box(parent);
    box.setWindowTitle(title);
    box.setLabelText(label);
    box.setTextEchoMode(QLineEdit::Password);
    box.setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    const bool accepted = box.exec() == QDialog::Accepted;
    if (accepted)
        *password = box.textValue();
    box.setTextValue(QString()); // the dialog's own copy
    return accepted;
}

} // namespace branch::ui
