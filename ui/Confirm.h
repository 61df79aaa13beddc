// The confirmation every counter action asks before it changes anything: a question box
// whose default button confirms (Enter) and Esc cancels. Tests answer it through a seam
// instead of a modal box (KeePassXC's MessageBox::setNextAnswer idea).
#pragma once

#include <QString>

class QWidget;

namespace branch::ui
{

// Asks `question` (already translated) with a "confirm" button labelled `confirmLabel`.
// True when the staff confirmed.
bool confirmAction(QWidget *parent, const QString &title, const QString &question, const QString &confirmLabel);

// Test seam: the answer the next confirmAction() returns without showing a box (once).
void setNextConfirmAnswer(bool answer);
// How many confirmations were asked since the start (seam answers included).
int confirmationsAsked();

} // namespace branch::ui
