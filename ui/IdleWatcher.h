// Tells when nobody has touched the desk for a while: an application-wide event filter
// restarts a single-shot timer on every key, mouse, wheel or touch input; idle() fires
// when it runs out. The session lock listens to it.
#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>

namespace branch::ui
{

class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    // Watches qApp's input from construction on; the timer runs once start() is called.
    explicit IdleWatcher(std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~IdleWatcher() override;

    std::chrono::milliseconds timeout() const;
    void setTimeout(std::chrono::milliseconds timeout);
    bool isRunning() const;
    // Time left before idle() (zero when stopped).
    std::chrono::milliseconds remaining() const;

public slots:
    void start(); // (re)starts the countdown
    void stop();  // e.g. while the lock screen is up
    void fire();  // idle now: stops the countdown and emits idle() (tests, "lock now")

signals:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
};

} // namespace branch::ui
