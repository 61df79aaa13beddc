// Startup measurement for `branchdesk --startup-probe` (used by tests/bench/BenchStartup):
// prints machine-readable lines on stdout when a window becomes usable, i.e. shown,
// exposed, painted, its own readiness condition met, and the event loop idle after that
// (a 0 ms QTimer, which fires once the window system's queue has been drained).
//
// Lines (times in milliseconds; main_ms from the first statement of main(), exec_ms from the
// kernel's process start time, 10 ms resolution, -1 when unknown):
//   startup-probe usable window=login main_ms=M exec_ms=E active=0|1
//   startup-probe signed-in auth_ms=A
//   startup-probe usable window=main main_ms=M exec_ms=E active=0|1 after_signin_ms=S
//   startup-probe failed reason=WORD
//
// WindowUsableWatcher and the clocks are header-only on purpose: the bare-window baseline
// (tests/bench/BareWindow.cpp) uses the very same criterion without linking the application.
#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <unistd.h>

namespace branch::ui
{

class LoginDialog;
class MainWindow;

namespace startup
{

// Started by markStart(), the first statement of main().
inline QElapsedTimer &clock()
{
    static QElapsedTimer timer;
    return timer;
}

inline void markStart()
{
    clock().start();
}

inline double msSinceMain()
{
    return double(clock().nsecsElapsed()) / 1e6;
}

// Milliseconds since the kernel started this process (so the dynamic loader and static
// initialisation count too): /proc/self/stat's starttime, in clock ticks since boot, against
// CLOCK_BOOTTIME. -1 where that is not available.
inline double msSinceExec()
{
#ifdef __linux__
    std::FILE *f = std::fopen("/proc/self/stat", "r");
    if (!f)
        return -1;
    char buf[1024];
    const size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    buf[n] = '\0';
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const std::string s(buf);
    const size_t close = s.rfind(')');
    if (close == std::string::npos)
        return -1;
    size_t pos = close + 2; // field 3
    for (int field = 3; field < 22; ++field) {
        pos = s.find(' ', pos);
        if (pos == std::string::npos)
            return -1;
        ++pos;
    }
    const double ticks = std::strtod(s.c_str() + pos, nullptr);
    const long hz = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (hz <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - ticks / double(hz)) * 1000.0;
#else
    return -1;
#endif
}

inline void emitLine(const QString &line)
{
    std::fputs("startup-probe ", stdout);
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// "window=NAME main_ms=M exec_ms=E active=0|1", the common part of a usable line.
inline QString usableFields(const QString &window, bool active)
{
    return QStringLiteral("usable window=%1 main_ms=%2 exec_ms=%3 active=%4")
        .arg(window)
        .arg(msSinceMain(), 0, 'f', 1)
        .arg(msSinceExec(), 0, 'f', 0)
        .arg(active ? 1 : 0);
}

} // namespace startup

// Calls `onUsable` once, when `window` is shown, its platform window exposed, a paint of it
// has happened, `ready()` holds, and a 0 ms timer started after all that has fired (the event
// loop went through everything queued). ready() is re-checked on focus, activation and paint
// events, and when the timer fires, so a condition that turns true later is still seen.
class WindowUsableWatcher : public QObject
{
public:
    WindowUsableWatcher(QWidget *window, std::function<bool()> ready, std::function<void()> onUsable,
                        QObject *parent = nullptr)
        : QObject(parent), m_window(window), m_ready(std::move(ready)), m_onUsable(std::move(onUsable))
    {
        m_idle.setSingleShot(true);
        m_idle.setInterval(0);
        connect(&m_idle, &QTimer::timeout, this, [this] {
            if (m_done || !conditionsHold())
                return;
            m_done = true;
            qApp->removeEventFilter(this);
            m_onUsable();
        });
        // An application filter sees the paints of every child widget and the QWindow's expose.
        qApp->installEventFilter(this);
    }
    ~WindowUsableWatcher() override
    {
        if (qApp)
            qApp->removeEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::Paint:
            if (auto *w = qobject_cast<QWidget *>(watched); w && w->window() == m_window)
                m_painted = true;
            break;
        case QEvent::Expose:
        case QEvent::FocusIn:
        case QEvent::WindowActivate:
        case QEvent::UpdateRequest:
            break;
        default:
            return false;
        }
        // Start the idle timer after this event has been handled (and any paint it causes):
        // the check runs from the timer, which is queued behind it.
        if (!m_done && !m_idle.isActive())
            m_idle.start();
        return false;
    }

private:
    bool conditionsHold() const
    {
        const QWindow *handle = m_window->windowHandle();
        return m_window->isVisible() && handle && handle->isExposed() && m_painted && m_ready();
    }

    QWidget *m_window;
    std::function<bool()> m_ready;
    std::function<void()> m_onUsable;
    QTimer m_idle;
    bool m_painted = false;
    bool m_done = false;
};

// The probe inside branchdesk: reports the sign-in dialog usable, signs in with a login and
// password read from stdin (two lines; never the command line or the environment) through the
// dialog's own signIn(), then reports the main window usable and quits the application.
class StartupProbe : public QObject
{
public:
    // What branchdesk returns when the probe could not sign in (the dialog was not accepted).
    static constexpr int kFailedExitCode = 4;

    StartupProbe();
    ~StartupProbe() override;

    void watchSignIn(LoginDialog *dialog);
    void watchMainWindow(MainWindow *window);

private:
    void signIn(LoginDialog *dialog);

    std::unique_ptr<WindowUsableWatcher> m_loginWatcher;
    std::unique_ptr<WindowUsableWatcher> m_mainWatcher;
    QElapsedTimer m_sinceSignIn;
};

} // namespace branch::ui
