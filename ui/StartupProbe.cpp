// branchdesk --startup-probe (see StartupProbe.h).
#include "StartupProbe.h"

#include "LoginDialog.h"
#include "MainWindow.h"
#include "SearchPage.h"

#include "app/security/SecretHash.h"

#include <QFile>
#include <QLineEdit>
#include <QTableWidget>

namespace branch::ui
{

namespace
{

// One line of stdin without its line end; false at the end of input.
bool readLine(QFile &in, QByteArray *line)
{
    *line = in.readLine();
    if (line->isEmpty())
        return false;
    while (line->endsWith('\n') || line->endsWith('\r'))
        line->chop(1);
    return true;
}

void fail(const char *reason)
{
    startup::emitLine(QStringLiteral("failed reason=%1").arg(QLatin1String(reason)));
}

} // namespace

StartupProbe::StartupProbe() = default;
StartupProbe::~StartupProbe() = default;

void StartupProbe::watchSignIn(LoginDialog *dialog)
{
    auto *login = dialog->findChild<QLineEdit *>(QStringLiteral("login"));
    m_loginWatcher = std::make_unique<WindowUsableWatcher>(
        dialog, [login] { return login && login->window()->focusWidget() == login; },
        [this, dialog] {
            startup::emitLine(startup::usableFields(QStringLiteral("login"), dialog->isActiveWindow()));
            // Queued, so that the watcher has returned before the dialog's event loop ends.
            QMetaObject::invokeMethod(
                this, [this, dialog] { signIn(dialog); }, Qt::QueuedConnection);
        });
}

void StartupProbe::signIn(LoginDialog *dialog)
{
    auto *loginField = dialog->findChild<QLineEdit *>(QStringLiteral("login"));
    auto *passwordField = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
    if (!loginField || !passwordField) {
        fail("no_fields");
        dialog->reject();
        return;
    }
    QFile in;
    QByteArray login, password;
    if (!in.open(stdin, QIODevice::ReadOnly) || !readLine(in, &login) || !readLine(in, &password)) {
        security::wipe(password);
        fail("stdin");
        dialog->reject();
        return;
    }
    loginField->setText(QString::fromUtf8(login));
    QString text = QString::fromUtf8(password);
    security::wipe(password);
    passwordField->setText(text);
    security::wipe(text);

    QElapsedTimer auth;
    auth.start();
    dialog->signIn(); // the real authentication: scrypt, lockout counter, audit
    if (dialog->result() != QDialog::Accepted) {
        fail("sign_in_refused");
        dialog->reject();
        return;
    }
    m_sinceSignIn.start();
    startup::emitLine(QStringLiteral("signed-in auth_ms=%1").arg(double(auth.nsecsElapsed()) / 1e6, 0, 'f', 1));
}

void StartupProbe::watchMainWindow(MainWindow *window)
{
    m_mainWatcher = std::make_unique<WindowUsableWatcher>(
        window,
        [window] {
            const auto *counts = window->findChild<QTableWidget *>(QStringLiteral("counts"));
            const QLineEdit *field = window->searchPage()->searchField();
            return counts && counts->rowCount() > 0 && window->focusWidget() == field;
        },
        [this, window] {
            startup::emitLine(
                startup::usableFields(QStringLiteral("main"), window->isActiveWindow()) +
                QStringLiteral(" after_signin_ms=%1").arg(double(m_sinceSignIn.nsecsElapsed()) / 1e6, 0, 'f', 1));
            QCoreApplication::exit(0);
        });
}

} // namespace branch::ui
