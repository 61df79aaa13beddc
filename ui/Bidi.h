// Right to left without slips (issue 16 item 5): the one home for how text that reads left to
// right (national codes, mobiles, e-mails, paths, logins, tracking codes) and numbers sit in the
// desk, whichever direction the interface runs.
//
// Two slips are Qt's defaults. A QLabel or QLineEdit whose alignment is leading aligns by the
// direction of its *text*, not of the window: digits and Latin letters start no right-to-left
// paragraph, so under Persian a field jumps to the left once digits are typed and a label holding
// a number, a mobile or a path sits on the left. And a neutral character at the edge of left-to-
// right text (the slash of a path, a trailing full stop) takes the Persian sentence's side.
#pragma once

#include <QString>
#include <Qt>

class QApplication;

namespace branch::ui
{

// `text` as one left-to-right piece inside a sentence of either direction: wrapped in the Unicode
// isolates LRI … PDI (U+2066, U+2069), which Qt 6.4 honours in plain, rich and wrapped labels and
// in documents (checked by pixels in TestRightToLeft). Empty text stays empty.
QString isolatedLtr(const QString &text);

// A person's first and last names for the "%1 %2" of a sentence, as one piece in the direction
// of their own letters: the first opens a first-strong isolate (U+2068), the last closes it
// (U+2069). A Persian name opening an English sentence otherwise turned the whole line right
// to left, its words in reverse order. Both translations keep "%1 %2" side by side.
struct IsolatedName {
    QString first, last;
};
IsolatedName isolatedName(const QString &first, const QString &last);

// A file or folder path as people read it: native separators, isolated left to right.
QString shownPath(const QString &path);

// Counts and amounts in table cells: on the right in both directions, units under units (the
// digits of a Persian number read left to right too). Trailing would put them on the left in
// Persian.
inline constexpr Qt::Alignment kNumberAlignment = Qt::AlignRight | Qt::AlignAbsolute | Qt::AlignVCenter;

// Installs, once for the application, what keeps every QLabel, QLineEdit and QPlainTextEdit
// (each paragraph in the direction its text starts with) whose alignment is
// leading (Qt's default) on the leading side of its *window*: right in a right-to-left window
// whatever its text starts with, left in a left-to-right one. It is applied when a widget is first
// polished and again when its layout direction changes; a widget given a centred, trailing or
// absolute alignment by its own code is left as it is.
void installLeadingSideAlignment(QApplication &app);

} // namespace branch::ui
