// The desk's Enter and the page shortcuts that win over a field's editing keys (see DeskKeys.h).
#include "DeskKeys.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCommandLinkButton>
#include <QGroupBox>
#include <QKeyEvent>
#include <QPainter>
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
// worked from the keyboard. A dialog that closes gives the keyboard back to the window under
// it: without a window manager (a kiosk session) X gives it to nobody, and no key worked until
// a click (seen after the review queue's proposal under Xvfb).
class FocusShownFilter : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *w = static_cast<QWidget *>(watched);
        if (event->type() == QEvent::Show)
            w->window()->setAttribute(Qt::WA_KeyboardFocusChange);
        if (event->type() == QEvent::Hide && w->isWindow() && w->parentWidget()) {
            QWidget *under = w->parentWidget()->window();
            const QWidget *active = QApplication::activeWindow();
            if (under->isVisible() && (!active || active == w))
                under->activateWindow();
        }
        return false;
    }
};

// A ring in the highlight colour over the focused widget, drawn above everything in its
// window (a frame beside the widget would be cut by the page it stands in).
class FocusRing : public QWidget
{
public:
    explicit FocusRing(QWidget *window) : QWidget(window)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setFocusPolicy(Qt::NoFocus);
        hide();
    }

    void follow(QWidget *target)
    {
        if (m_target)
            m_target->removeEventFilter(this);
        m_target = target;
        if (target)
            target->installEventFilter(this);
        place();
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Move || event->type() == QEvent::Resize || event->type() == QEvent::Show ||
            event->type() == QEvent::Hide)
            place();
        return false;
    }

    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 3, 3);
    }

private:
    void place()
    {
        if (!m_target || !m_target->isVisible()) {
            hide();
            return;
        }
        setGeometry(QRect(m_target->mapTo(parentWidget(), QPoint(0, 0)), m_target->size()));
        raise();
        show();
    }

    QPointer<QWidget> m_target;
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
    // Fusion draws a command link button's focus as nothing (it is flat), and a default push
    // button's the same as its default look (a dialog's only button, or any auto-default one
    // once it has the focus): the ring shows where Tab went.
    auto *ring = new FocusRing(root->window());
    QObject::connect(qApp, &QApplication::focusChanged, ring,
                     [root = QPointer<QWidget>(root), ring](QWidget *, QWidget *now) {
                         auto *push = qobject_cast<QPushButton *>(now);
                         const bool unmarked = push && (qobject_cast<QCommandLinkButton *>(push) || push->isDefault());
                         ring->follow(unmarked && root && root->isAncestorOf(push) ? push : nullptr);
                     });
}

void keepShortcutsOf(QWidget *owner, QWidget *field)
{
    // A spin box's or a combo box's inner line edit may hold the focus in its place.
    field->installEventFilter(new ShortcutKeeper(owner, field));
    for (QWidget *inner : field->findChildren<QWidget *>())
        inner->installEventFilter(new ShortcutKeeper(owner, inner));
}

void setTabStops(const QList<QWidget *> &stops)
{
    for (qsizetype i = 1; i < stops.size(); ++i)
        QWidget::setTabOrder(stops.at(i - 1), stops.at(i));
}

} // namespace branch::ui
