// The baseline for bench_startup: the least a Qt Widgets application can do, a QMainWindow
// holding a focused QLineEdit, judged usable by the same WindowUsableWatcher as branchdesk's
// windows (shown, exposed, painted, field focused, event loop idle). Prints
//   startup-probe usable window=bare main_ms=M exec_ms=E active=0|1
// and quits. Same Qt, same platform plugin, no database, no translations, no application code.
#include "ui/StartupProbe.h"

#include <QApplication>
#include <QLineEdit>
#include <QMainWindow>

int main(int argc, char **argv)
{
    branch::ui::startup::markStart();
    QApplication app(argc, argv);
    QMainWindow window;
    auto *field = new QLineEdit(&window);
    window.setCentralWidget(field);
    window.resize(1100, 650); // as forms/MainWindow.ui
    field->setFocus();
    branch::ui::WindowUsableWatcher watcher(
        &window, [&] { return window.focusWidget() == field; },
        [&] {
            branch::ui::startup::emitLine(
                branch::ui::startup::usableFields(QStringLiteral("bare"), window.isActiveWindow()));
            QCoreApplication::exit(0);
        });
    window.show();
    return app.exec();
}
