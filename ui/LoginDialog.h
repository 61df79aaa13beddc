// Staff sign-in, and the same dialog as the session lock screen. The password is checked
// by branch::signInStaff (lockout after five wrong passwords, audited); the dialog
// only shows the service's translated failure. SessionLock puts the lock screen up when
// the IdleWatcher reports the desk idle and takes it down for the same staff only.
#pragma once

#include "app/lifecycle/Service.h"
#include "app/lifecycle/Staff.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QScopedPointer>
#include <functional>

namespace Ui
{
class LoginDialog;
}

namespace branch::ui
{

class IdleWatcher;

// Who is at the desk; screens show or hide actions by role (branch::roleMay).
using Session = branch::StaffSession;

// The translated name of a staff role, for people ("clerk" → "Clerk").
QString roleLabel(const QString &role);

class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(Context &ctx, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // Lock-screen mode: the login is fixed to `login`, only its password unlocks, and
    // Esc or closing the window does nothing (the Quit button leaves the application).
    void setLockedTo(const QString &login);
    bool isLockMode() const;

    // Fills the login (the administrator just created by the first run); the password next.
    void setLogin(const QString &login);
    // What the dialog says it opens: the branch code, then the database path (and "demo
    // database" when demo data filled it), one per line.
    QString whereText() const;

    // Who signed in (valid once the dialog accepted).
    Session session() const;
    // The message currently shown (empty when none).
    QString message() const;

    // Test seam: the clock the lockout is judged by (default: now, UTC).
    void setClock(std::function<QDateTime()> now);

public slots:
    void signIn();
    void reject() override;

private:
    void showMessage(const QString &text);
    void showWhere();

    const QScopedPointer<Ui::LoginDialog> m_ui;
    Context &m_ctx;
    QString m_lockedTo;
    Session m_session;
    std::function<QDateTime()> m_now;
};

// Locks the session: cancels open dialogs, hides the windows and shows a LoginDialog in
// lock mode; restores the windows and restarts the watcher when the same staff signs in.
class SessionLock : public QObject
{
    Q_OBJECT

public:
    SessionLock(Context &ctx, const Session &session, IdleWatcher *watcher, QObject *parent = nullptr);
    ~SessionLock() override;

    bool isLocked() const;
    LoginDialog *dialog() const; // the lock screen while locked, else null

public slots:
    void lock();
    // Signs the staff out (audited) and puts up the sign-in for anyone: the windows come
    // back for whoever signs in next (signedIn), as that staff member.
    void signOut();

signals:
    void locked();
    void unlocked();
    void signedOut();                      // before the sign-in screen shows
    void signedIn(const Session &session); // someone signed in after a sign-out
    void quitRequested();                  // the staff chose Quit on the lock screen

private:
    void unlock();
    void putUp(bool anyStaff);

    Context &m_ctx;
    Session m_session;
    QPointer<IdleWatcher> m_watcher;
    QPointer<LoginDialog> m_dialog;
    QList<QPointer<QWidget>> m_hidden;
};

} // namespace branch::ui
