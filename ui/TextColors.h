// The desk's two signal colours for text (a problem, a rule met) and the one way to set them,
// so that every form shows a problem in the same red.
#pragma once

#include <QColor>
#include <QPalette>
#include <QWidget>

namespace branch::ui
{

inline const QColor kProblemColor(0xb3, 0x26, 0x1e);
inline const QColor kGoodColor(0x1b, 0x7f, 0x3b);

inline void setTextColor(QWidget *w, const QColor &c)
{
    QPalette p = w->palette();
    p.setColor(QPalette::WindowText, c);
    w->setPalette(p);
}

} // namespace branch::ui
