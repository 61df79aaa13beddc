// The desk's one font, chosen explicitly rather than left to fontconfig's fallback: Noto
// Sans Arabic (fonts-noto-core, a dependency of the .deb) for Persian, on screen and in
// the PDFs, with Noto Sans and DejaVu Sans after it for Latin letters and symbols it lacks.
#pragma once

#include <QFont>
#include <QStringList>

namespace branch::ui
{

inline constexpr char kDeskFontFamily[] = "Noto Sans Arabic";

// The families in the order Qt tries them for each character.
QStringList deskFontFamilies();
// The desk font at `pointSize` (the platform's default size when <= 0).
QFont deskFont(qreal pointSize = 0);
// Makes it the application's font (branchdesk's main, and the GUI tests that check it).
void applyDeskFont();

} // namespace branch::ui
