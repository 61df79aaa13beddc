// Staff sign-in and the session lock screen.
#include "LoginDialog.h"
#include "Bidi.h"
#include "ui_LoginDialog.h"

#include "DeskKeys.h"

#include "IdleWatcher.h"
#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/lifecycle/Admin.h"
#include "app/lifecycle/Staff.h"
#include "app/security/SecretHash.h"

#include <QApplication>
#include <QPushButton>

namespace branch::ui
{

QString roleLabel(const QString &role)
{
    if (role == QLatin1String("clerk"))
        return LoginDialog::tr("Clerk");
    if (role == QLatin1String("supervisor"))
        return LoginDialog::tr("Supervisor");
    if (role == QLatin1String("admin"))
        return LoginDialog::tr("Administrator");
    return role;
}

LoginDialog::LoginDialog(Context &ctx, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::LoginDialog), m_ctx(ctx), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_ui->setupUi(this);
    useDeskKeys(this);
    QPushButton *signInButton = m_ui->buttons->button(QDialogButtonBox::Ok);
    signInButton->setText(tr("&Sign in"));
    signInButton->setDefault(true);
    m_ui->buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_ui->message->hide();
    showWhere();
    // The button box orders its buttons by platform convention; sign-in follows the password.
    setTabOrder(m_ui->login, m_ui->password);
    setTabOrder(m_ui->password, signInButton);
    setTabOrder(signInButton, m_ui->buttons->button(QDialogButtonBox::Cancel));

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, [this] {
        // In lock mode the button is Quit: leave the application rather than the lock.
        done(QDialog::Rejected);
    });
    m_ui->login->setFocus();
}

LoginDialog::~LoginDialog()
{
    m_ui->password->setText(QString());
}

void LoginDialog::setLockedTo(const QString &login)
{
    m_lockedTo = login;
    setWindowTitle(tr("Session locked — BranchDesk"));
    m_ui->heading->setText(tr("Session locked"));
    m_ui->intro->setText(tr("The session is locked (the desk was idle, or Lock now was chosen). Only %1 can "
                            "unlock it: enter the password to continue.")
                             .arg(isolatedLtr(login)));
    m_ui->login->setText(login);
    m_ui->login->setReadOnly(true);
    m_ui->login->setFocusPolicy(Qt::NoFocus);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Unlock"));
    m_ui->buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit BranchDesk"));
    m_ui->password->setFocus();
}

void LoginDialog::setLogin(const QString &login)
{
    m_ui->login->setText(login);
    m_ui->password->setFocus();
}

QString LoginDialog::whereText() const
{
    return m_ui->branchValue->text() + QLatin1Char('\n') + m_ui->databaseValue->text();
}

void LoginDialog::showWhere()
{
    // Which branch and which file this sign-in opens: a desk may hold a demo database
    // beside the real one, and they look alike until the first applicant.
    const auto info = databaseInfo(m_ctx);
    const QString code = info.ok() ? info.value->branchCode : m_ctx.branchCode;
    m_ui->branchValue->setText(language() == QLatin1String("fa") ? toPersianDigits(code) : code);
    const QString path = shownPath(m_ctx.databasePath());
    m_ui->databaseValue->setText(info.ok() && info.value->demo ? tr("%1 (demo database)").arg(path) : path);
    m_ui->databaseValue->setToolTip(m_ctx.databasePath());
}

bool LoginDialog::isLockMode() const
{
    return !m_lockedTo.isEmpty();
}

Session LoginDialog::session() const
{
    return m_session;
}

QString LoginDialog::message() const
{
    return m_ui->message->text();
}

void LoginDialog::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

void LoginDialog::reject()
{
    // Esc and the window's close button must not open a locked session.
    if (isLockMode())
        return;
    QDialog::reject();
}

void LoginDialog::showMessage(const QString &text)
{
    m_ui->message->setText(text);
    m_ui->message->setVisible(!text.isEmpty());
}

void LoginDialog::signIn()
{
    const QString login = m_ui->login->text().trimmed().toLower();
    // Take the password out of the field first: once the field has let go of it, the
    // service's wipe() overwrites the only copy. setText (not clear) also drops the undo history.
    QString password = m_ui->password->text();
    m_ui->password->setText(QString());
    m_ui->password->setFocus();

    if (login.isEmpty() || password.isEmpty()) {
        security::wipe(password);
        showMessage(tr("Enter your login and password."));
        if (login.isEmpty())
            m_ui->login->setFocus();
        return;
    }
    if (isLockMode() && login != m_lockedTo) {
        // Checked before the service so another login's attempts are not counted here.
        security::wipe(password);
        showMessage(tr("Only %1 can unlock this session.").arg(m_lockedTo));
        return;
    }
    auto out = signInStaff(m_ctx, login, std::move(password), m_now());
    if (!out.ok()) {
        showMessage(out.failure.message());
        return;
    }
    showMessage(QString());
    m_session = *out.value;
    accept();
}

SessionLock::SessionLock(Context &ctx, const Session &session, IdleWatcher *watcher, QObject *parent)
    : QObject(parent), m_ctx(ctx), m_session(session), m_watcher(watcher)
{
    if (watcher)
        connect(watcher, &IdleWatcher::idle, this, &SessionLock::lock);
}

SessionLock::~SessionLock()
{
    delete m_dialog;
}

bool SessionLock::isLocked() const
{
    return !m_dialog.isNull();
}

LoginDialog *SessionLock::dialog() const
{
    return m_dialog;
}

void SessionLock::lock()
{
    if (isLocked())
        return;
    putUp(false);
}

void SessionLock::signOut()
{
    if (isLocked())
        return;
    // The sign-out is audited even if the next sign-in never comes (the desk is closed).
    signOutStaff(m_ctx, m_session, QDateTime::currentDateTimeUtc());
    emit signedOut();
    putUp(true);
}

void SessionLock::putUp(bool anyStaff)
{
    if (m_watcher)
        m_watcher->stop();
    // Nothing of the last applicant may stay on screen: open dialogs are cancelled (their
    // actions were not confirmed, so nothing is half done) and the windows hidden.
    m_hidden.clear();
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows) {
        if (!w->isVisible())
            continue;
        if (auto *d = qobject_cast<QDialog *>(w))
            d->reject();
        else
            m_hidden << w;
    }
    for (const auto &w : std::as_const(m_hidden))
        w->hide();

    m_dialog = new LoginDialog(m_ctx);
    if (!anyStaff)
        m_dialog->setLockedTo(m_session.login);
    m_dialog->setWindowModality(Qt::ApplicationModal);
    // Closing the lock screen, the only visible window for a moment, must not quit the app.
    m_dialog->setAttribute(Qt::WA_QuitOnClose, false);
    connect(m_dialog, &QDialog::accepted, this, &SessionLock::unlock);
    connect(m_dialog, &QDialog::rejected, this, &SessionLock::quitRequested);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    emit locked();
}

void SessionLock::unlock()
{
    const bool anyStaff = m_dialog && !m_dialog->isLockMode();
    if (anyStaff) {
        m_session = m_dialog->session();
        emit signedIn(m_session); // the windows take the new staff before they show again
    }
    for (const auto &w : std::as_const(m_hidden))
        if (w)
            w->show();
    // Without a window manager (a kiosk session) nothing gives the keyboard back to the window.
    if (!m_hidden.isEmpty() && m_hidden.first()) {
        m_hidden.first()->raise();
        m_hidden.first()->activateWindow();
    }
    m_hidden.clear();
    if (m_dialog)
        m_dialog->deleteLater();
    m_dialog = nullptr;
    if (m_watcher)
        m_watcher->start();
    emit unlocked();
}

} // namespace branch::ui
