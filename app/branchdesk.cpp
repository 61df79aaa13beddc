// branchdesk: the branch clerk's desktop application (Persian, right to left by default).
#include "app/core/Language.h"
#include "app/lifecycle/Paths.h"
#include "app/security/Crypto.h"
#include "db/Repository.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTranslator>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("BranchDesk"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The branch database."), QStringLiteral("PATH"),
                                branch::defaultDatabasePath());
    QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("fa (default) or en."), QStringLiteral("LANG"),
                                  QStringLiteral("fa"));
    parser.addOptions({dbOption, langOption});
    parser.process(app);

    const QString lang = parser.value(langOption) == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("fa");
    branch::setLanguage(lang);
    QTranslator translator;
    if (lang == QLatin1String("fa")) {
        QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
        if (translator.load(QStringLiteral(":/i18n/branchdesk_fa.qm")))
            QApplication::installTranslator(&translator);
        QApplication::setLayoutDirection(Qt::RightToLeft);
    }

    QString error;
    if (!branch::security::init(&error)) {
        QMessageBox::critical(nullptr, QApplication::translate("branch::Desk", "BranchDesk"), error);
        return 3;
    }
    branch::db::DbError dbError;
    auto db = branch::db::Database::open(parser.value(dbOption), branch::db::Database::OpenMode::MustExist, &dbError);
    if (!db) {
        QMessageBox::critical(nullptr, QApplication::translate("branch::Desk", "BranchDesk"),
                              branch::describeDbError(dbError) + QStringLiteral("\n") + parser.value(dbOption));
        return 3;
    }
    branch::Context ctx{*db, branch::db::metaValue(*db, QStringLiteral("branch_code"))};
    branch::ui::MainWindow window(ctx);
    window.show();
    return app.exec();
}
