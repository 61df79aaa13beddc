// Left-to-right pieces and leading sides in a desk of either direction (see Bidi.h).
#include "Bidi.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QTextOption>

namespace branch::ui
{

namespace
{
// Set on a widget whose alignment this file chose, so that a later change of direction moves it
// again (its alignment is absolute by then and would otherwise look chosen by its own code).
constexpr char kOwnedProperty[] = "branchdesk_leadingSide";

template <class W>
void alignToWindowLeadingSide(W *w)
{
    const Qt::Alignment a = w->alignment();
    const Qt::Alignment horizontal = a & (Qt::AlignHorizontal_Mask | Qt::AlignAbsolute);
    const bool owned = w->property(kOwnedProperty).toBool();
    const bool leading = horizontal == Qt::AlignLeading; // Qt's default (AlignLeading is AlignLeft)
    const bool ownedSide = owned && (horizontal == (Qt::AlignLeft | Qt::AlignAbsolute) ||
                                     horizontal == (Qt::AlignRight | Qt::AlignAbsolute));
    if (!leading && !ownedSide)
        return;
    // The window's direction, not the widget's own: a field made left to right for its content
    // (a mobile, a password) still starts where the window's lines start.
    const QWidget *window = w->window();
    const bool rtl = (window ? window : w)->layoutDirection() == Qt::RightToLeft;
    const Qt::Alignment side = (rtl ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignAbsolute;
    const Qt::Alignment wanted = (a & ~(Qt::AlignHorizontal_Mask | Qt::AlignAbsolute)) | side;
    w->setProperty(kOwnedProperty, true);
    if (wanted != a)
        w->setAlignment(wanted);
}

// A QPlainTextEdit lays its text out left to right and on the left unless its layout direction
// *changes* after it was made, which a widget made inside a right-to-left window never sees: a
// refusal reason typed in Persian sat on the left. Each paragraph takes the direction its text
// starts with and sits on the window's leading side.
void alignToWindowLeadingSide(QPlainTextEdit *edit)
{
    QTextOption option = edit->document()->defaultTextOption();
    const Qt::Alignment a = option.alignment();
    const Qt::Alignment horizontal = a & (Qt::AlignHorizontal_Mask | Qt::AlignAbsolute);
    const bool owned = edit->property(kOwnedProperty).toBool();
    if (horizontal != Qt::AlignLeading && !owned)
        return;
    const QWidget *window = edit->window();
    const bool rtl = (window ? window : edit)->layoutDirection() == Qt::RightToLeft;
    option.setAlignment((a & ~(Qt::AlignHorizontal_Mask | Qt::AlignAbsolute)) | (rtl ? Qt::AlignRight : Qt::AlignLeft) |
                        Qt::AlignAbsolute);
    option.setTextDirection(Qt::LayoutDirectionAuto);
    edit->setProperty(kOwnedProperty, true);
    edit->document()->setDefaultTextOption(option);
}

class LeadingSideFilter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *o, QEvent *e) override
    {
        const QEvent::Type t = e->type();
        if (t != QEvent::Polish && t != QEvent::LayoutDirectionChange)
            return false;
        if (auto *label = qobject_cast<QLabel *>(o))
            alignToWindowLeadingSide(label);
        else if (auto *edit = qobject_cast<QLineEdit *>(o))
            alignToWindowLeadingSide(edit);
        else if (auto *text = qobject_cast<QPlainTextEdit *>(o))
            alignToWindowLeadingSide(text);
        return false;
    }
};
} // namespace

QString isolatedLtr(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QChar(0x2066) + text + QChar(0x2069);
}

IsolatedName isolatedName(const QString &first, const QString &last)
{
    return {QChar(0x2068) + first, last + QChar(0x2069)};
}

QString shownPath(const QString &path)
{
    return isolatedLtr(QDir::toNativeSeparators(path));
}

void installLeadingSideAlignment(QApplication &app)
{
    static const char kInstalled[] = "branchdesk_leadingSideFilter";
    if (app.property(kInstalled).toBool())
        return;
    app.setProperty(kInstalled, true);
    app.installEventFilter(new LeadingSideFilter(&app));
}

} // namespace branch::ui
