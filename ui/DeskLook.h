// The desk's look, set once for the whole application (branchdesk's main, the screenshot
// tour, the GUI tests that check what a clerk sees): the desk's font (DeskFont), labels and
// fields on their window's leading side (Bidi), and the desk's style.
#pragma once

class QApplication;

namespace branch::ui
{

// The style: Qt's own (Fusion on a clerk's PC), except that the standard dialog buttons
// (OK, Cancel, Sign in) carry no icon, as no other button of the desk does: on X11 Qt gave
// them one, and in a right-to-left window it drew the icon where the text belongs and
// pushed the text against the button's edge.
void applyDeskStyle(QApplication &app);
// All of the above.
void applyDeskLook(QApplication &app);

} // namespace branch::ui
