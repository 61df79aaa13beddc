// The desk's Enter and the page shortcuts that win over a field's editing keys (see DeskKeys.h).
#include "DeskKeys.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCommandLinkButton>
#include <QFocusFrame>
#include <QGroupBox>
#include <QKeyEvent>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>

namespace branch::ui
{

namespace
{

bool isEnter(const QKeyEvent *e)
{
    const Qt::KeyboardModifiers mods = e->modifiers() & ~Qt::KeypadModifier;
    return (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) && mods == Qt::NoModifier;
}

// The default button of the dialog or page `root`: the one drawn as default (a dialog's, or
// one a page marked with setDefault).
QPushButton *defaultButton(const QWidget *root)
{
    for (QPushButton *b : root->findChildren<QPushButton *>())
        if (b->isDefault() && b->isVisible() && b->window() == root->window())
            return b;
    return nullptr;
}

// On to the next field, as Tab goes.
void moveOn(QWidget *from)
{
    QKeyEvent tab(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
    QCoreApplication::sendEvent(from, &tab);
}

const char *const kRootProperty = "branchDeskKeys";

// The dialog or page that asked for the desk's keys and holds `w` in its window, if any.
QWidget *deskRoot(QWidget *w)
{
    for (QWidget *p = w; p; p = p->parentWidget()) {
        if (p->property(kRootProperty).toBool())
            return p;
        if (p->isWindow())
            break;
    }
    return nullptr;
}

// One filter for the application: it sees an Enter at the focused widget itself, before the
// widget does (later, on its way up the parents, the focus may have moved: a line edit's
// returnPressed moves it on), so that each Enter has one meaning.
class EnterKeyFilter : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress || !isEnter(static_cast<QKeyEvent *>(event)))
            return false;
        auto *focus = qobject_cast<QWidget *>(watched);
        if (!focus || focus != QApplication::focusWidget() || !focus->isEnabled())
            return false;
        QWidget *root = deskRoot(focus);
        if (!root)
            return false;
        const bool toggle =
            qobject_cast<QCheckBox *>(focus) || qobject_cast<QRadioButton *>(focus) || qobject_cast<QGroupBox *>(focus);
        if (toggle) {
            // Ticking a box is a step of filling the form: Enter finishes it when the form is
            // ready, else goes on to what is left.
            if (QPushButton *def = defaultButton(root); def && def->isEnabled())
                def->click();
            else
                moveOn(focus);
            return true;
        }
        if (auto *button = qobject_cast<QAbstractButton *>(focus)) {
            // An auto-default push button presses itself on Enter already.
            if (auto *push = qobject_cast<QPushButton *>(button); push && push->autoDefault())
                return false;
            button->click();
            return true;
        }
        return false;
    }
};

// The focus is drawn from the moment the window shows, not only after a first Tab: a desk is
// worked from the keyboard.
class FocusShownFilter : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show)
            static_cast<QWidget *>(watched)->window()->setAttribute(Qt::WA_KeyboardFocusChange);
        return false;
    }
};

class ShortcutKeeper : public QObject
{
public:
    ShortcutKeeper(QWidget *owner, QWidget *field) : QObject(field), m_owner(owner) {}

    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() != QEvent::ShortcutOverride || !m_owner)
            return false;
        const QKeySequence pressed(static_cast<QKeyEvent *>(event)->keyCombination());
        for (const QAction *a : m_owner->actions())
            if (a->isEnabled() && a->shortcuts().contains(pressed))
                return true; // left ignored: the shortcut map gives the key to the action
        return false;
    }

private:
    QPointer<QWidget> m_owner;
};

} // namespace

void useDeskKeys(QWidget *root)
{
    static EnterKeyFilter *const enter = [] {
        auto *f = new EnterKeyFilter(qApp);
        qApp->installEventFilter(f);
        return f;
    }();
    Q_UNUSED(enter);
    root->setProperty(kRootProperty, true);
    root->installEventFilter(new FocusShownFilter(root));
    // The style draws a command link button's focus as nothing (it is flat): a focus frame
    // (a ring in the highlight colour around it) shows where Tab went.
    auto *frame = new QFocusFrame(root);
    QPalette ring = frame->palette();
    ring.setColor(QPalette::WindowText, ring.color(QPalette::Highlight));
    frame->setPalette(ring);
    QObject::connect(qApp, &QApplication::focusChanged, frame, [root, frame](QWidget *, QWidget *now) {
        auto *link = qobject_cast<QCommandLinkButton *>(now);
        frame->setWidget(link && root->isAncestorOf(link) ? link : nullptr);
    });
}

void keepShortcutsOf(QWidget *owner, QWidget *field)
{
    // A spin box's or a combo box's inner line edit may hold the focus in its place.
    field->installEventFilter(new ShortcutKeeper(owner, field));
    for (QWidget *inner : field->findChildren<QWidget *>())
        inner->installEventFilter(new ShortcutKeeper(owner, inner));
}

} // namespace branch::ui
