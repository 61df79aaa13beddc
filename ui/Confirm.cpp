// The confirmation box of the counter actions (see Confirm.h).
#include "Confirm.h"

#include <QMessageBox>
#include <QPushButton>

#include <optional>

namespace branch::ui
{

namespace
{
std::optional<bool> g_nextAnswer;
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

} // namespace branch::ui
