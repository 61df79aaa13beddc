// branchdesk: the branch clerk's desktop application (Persian, right to left by default).
#include "app/core/Language.h"
#include "app/core/Settings.h"
#include "app/core/Version.h"
#include "app/lifecycle/Paths.h"
#include "app/security/Crypto.h"
#include "db/MetaRepository.h"
#include "ui/DeskLook.h"
#include "ui/DeskStart.h"
#include "ui/DeskTranslations.h"
#include "ui/IdleWatcher.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/StartupProbe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QProcess>
#include <QScreen>

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    branch::ui::startup::markStart();
    // --version answers before QApplication, which needs a display: an installed package
    // can be asked for its version over ssh or in a script.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("BranchDesk %s\n", qPrintable(branch::version()));
            return 0;
        }
    QApplication app(argc, argv);
    branch::ui::applyDeskLook(app);
    QApplication::setApplicationName(QStringLiteral("BranchDesk"));
    QApplication::setApplicationVersion(branch::version());

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The branch database."), QStringLiteral("PATH"),
                                branch::defaultDatabasePath());
    QCommandLineOption langOption(QStringLiteral("lang"),
                                  QStringLiteral("fa or en (default: the setting chosen in the Desk menu, else fa)."),
                                  QStringLiteral("LANG"));
    QCommandLineOption probeOption(QStringLiteral("startup-probe"),
                                   QStringLiteral("For benchmarks: print when the windows are usable; signs in with a "
                                                  "login and password read from stdin (two lines), then quits."));
    parser.addOptions({dbOption, langOption, probeOption});
    parser.process(app);

    const QString chosen = parser.isSet(langOption) ? parser.value(langOption) : branch::Settings::language();
    const QString lang = chosen == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("fa");
    branch::setLanguage(lang);
    branch::ui::DeskTranslations translations;
    translations.install(lang);
    if (lang == QLatin1String("fa")) {
        QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
        QApplication::setLayoutDirection(Qt::RightToLeft);
    }

    QString error;
    if (!branch::security::init(&error)) {
        QMessageBox::critical(nullptr, QApplication::translate("branch::Desk", "BranchDesk"), error);
        return 3;
    }
    // A fresh install (no database yet) or a branch without staff starts with the first-run
    // dialog; Quit there is not an error.
    branch::ui::DeskStart start = branch::ui::startDesk(parser.value(dbOption));
    if (!start.db)
        return start.exitCode;
    auto &db = start.db;
    branch::Context ctx{*db, branch::db::metaValue(*db, QStringLiteral("branch_code"))};

    std::unique_ptr<branch::ui::StartupProbe> probe;
    if (parser.isSet(probeOption))
        probe = std::make_unique<branch::ui::StartupProbe>();
    // Nobody sees the branch's data before signing in; cancelling the sign-in is not an error.
    branch::ui::LoginDialog login(ctx);
    if (!start.newAdministrator.isEmpty())
        login.setLogin(start.newAdministrator);
    if (probe)
        probe->watchSignIn(&login);
    if (login.exec() != QDialog::Accepted)
        return probe ? branch::ui::StartupProbe::kFailedExitCode : 0;
    const branch::ui::Session session = login.session();

    branch::ui::MainWindow window(ctx);
    window.setSession(session);
    if (probe)
        probe->watchMainWindow(&window);
    // The whole screen: a desk used all day on a 1366x768 counter PC (the forms' size, 1100x650,
    // is what it comes back to when a clerk restores it). Without a window manager nothing
    // maximises it, so it takes the screen's free area itself.
    window.setGeometry(window.screen()->availableGeometry());
    window.showMaximized();
    // Without a window manager (a kiosk session) nothing raises or focuses a new window.
    window.raise();
    window.activateWindow();

    branch::ui::IdleWatcher idle(branch::Settings::sessionIdleTimeout());
    branch::ui::SessionLock lock(ctx, session, &idle);
    // Quit from the lock screen closes the (hidden) window first: its close makes the backup
    // of unsent changes and says what has waited too long, as a close from the window does.
    QObject::connect(
        &lock, &branch::ui::SessionLock::quitRequested, &app,
        [&window, &app] {
            window.close();
            app.quit();
        },
        Qt::QueuedConnection);
    QObject::connect(&window, &branch::ui::MainWindow::lockRequested, &lock, &branch::ui::SessionLock::lock);
    QObject::connect(&window, &branch::ui::MainWindow::signOutRequested, &lock, &branch::ui::SessionLock::signOut);
    QObject::connect(&lock, &branch::ui::SessionLock::signedOut, &window, &branch::ui::MainWindow::clearForNextStaff);
    QObject::connect(&lock, &branch::ui::SessionLock::signedIn, &window, &branch::ui::MainWindow::setSession);
    // A restart for the new language: the window closes as usual (its backup of unsent
    // changes), then the same program starts again with the same options but --lang.
    bool restart = false;
    QObject::connect(&window, &branch::ui::MainWindow::restartRequested, &app, [&] {
        if (window.close()) {
            restart = true;
            app.quit();
        }
    });
    idle.start();
    const int rc = app.exec();
    if (restart) {
        QStringList args = QCoreApplication::arguments().mid(1);
        for (qsizetype i = args.indexOf(QStringLiteral("--lang")); i >= 0; i = args.indexOf(QStringLiteral("--lang")))
            args.remove(i, std::min<qsizetype>(2, args.size() - i));
        args.removeIf([](const QString &a) { return a.startsWith(QLatin1String("--lang=")); });
        QProcess::startDetached(QCoreApplication::applicationFilePath(), args);
    }
    return rc;
}
