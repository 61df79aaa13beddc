// The desk's font (see DeskFont.h).
#include "DeskFont.h"

#include <QApplication>

namespace branch::ui
{

QStringList deskFontFamilies()
{
    return {QString::fromLatin1(kDeskFontFamily), QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")};
}

QFont deskFont(qreal pointSize)
{
    QFont f = QApplication::font();
    f.setFamilies(deskFontFamilies());
    if (pointSize > 0)
        f.setPointSizeF(pointSize);
    return f;
}

void applyDeskFont()
{
    QApplication::setFont(deskFont());
}

} // namespace branch::ui
