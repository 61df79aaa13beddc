// Idle detection for the session lock.
#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace branch::ui
{

IdleWatcher::IdleWatcher(std::chrono::milliseconds timeout, QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    // One timer: precision costs nothing here and keeps remaining() exact.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(timeout);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::fire);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

std::chrono::milliseconds IdleWatcher::timeout() const
{
    return m_timer.intervalAsDuration();
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    const bool running = m_timer.isActive();
    m_timer.setInterval(timeout);
    if (running)
        m_timer.start();
}

bool IdleWatcher::isRunning() const
{
    return m_timer.isActive();
}

std::chrono::milliseconds IdleWatcher::remaining() const
{
    return m_timer.isActive() ? m_timer.remainingTimeAsDuration() : std::chrono::milliseconds(0);
}

void IdleWatcher::start()
{
    m_timer.start();
}

void IdleWatcher::stop()
{
    m_timer.stop();
}

void IdleWatcher::fire()
{
    m_timer.stop();
    emit idle();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    // Only input a person makes counts; timers, paints and network replies do not keep
    // the session open. A stopped watcher (lock screen up) ignores everything.
    if (m_timer.isActive()) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
        case QEvent::TouchUpdate:
        case QEvent::TabletPress:
        case QEvent::InputMethod:
            m_timer.start();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace branch::ui
