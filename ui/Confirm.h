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

// Asks the signed-in staff member's password to confirm a decision that is authenticated
// again (e.g. a sync conflict's resolution). False when cancelled; *password is then empty.
// The caller wipes the password.
bool askStaffPassword(QWidget *parent, const QString &title, const QString &label, QString *password);

// Test seam: what the next askStaffPassword() returns without showing a box (once):
// the password, or a cancellation.
void setNextPasswordAnswer(const QString &password, bool accepted = true);

// Test seam: the answer the next confirmAction() returns without showing a box (once).
void setNextConfirmAnswer(bool answer);
// How many confirmations were asked since the start (seam answers included).
int confirmationsAsked();

} // namespace branch::ui
