// One meaning for each key across the desk (issue 16 item 4), in one place rather than a copy
// per dialog. Enter: a focused button is pressed (as Space presses it); on a focused check box
// or radio button Enter is the default button of the dialog or page when it has an enabled
// one, else it moves on to the next field; in a line edit, a combo box or a text field Enter
// keeps the meaning the dialog gave it (its returnPressed, the dialog's default button). The
// focus is always drawn.
// Esc stays the dialog's cancel or the page's way back. A page's own shortcuts (Ctrl+E on the
// dashboard) win over a field's editing keys that happen to share them (the date field's
// Ctrl+E, "end of line" in the X11 key scheme).
#pragma once

#include <QList>

class QWidget;

namespace branch::ui
{

// Gives `root` (a dialog, a wizard or a page) and every widget inside it the desk's Enter, and
// a visible focus on the buttons the style draws none for (a command link button, flat: the
// F7 method page showed no focus at all; a default push button): a focus ring follows the
// focus onto them. A dialog that closes gives the keyboard back to the window under it.
void useDeskKeys(QWidget *root);

// While `field` has the focus, the enabled actions of `owner` (added with addAction) keep their
// shortcuts: the field does not take those key combinations as its own editing keys.
void keepShortcutsOf(QWidget *owner, QWidget *field);

// Tab goes through `stops` in this order. A page whose focus proxy (where it puts the focus)
// is not its first stop loses that first stop to Tab (Qt enters the page at the proxy and goes
// on from there; Shift+Tab reaches it): a page lists its proxy first.
void setTabStops(const QList<QWidget *> &stops);

} // namespace branch::ui
