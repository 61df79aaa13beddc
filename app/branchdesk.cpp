// branchdesk: the branch clerk's desktop application.
#include <QApplication>
#include <QLabel>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QLabel l(QStringLiteral("BranchDesk"));
    l.show();
    return app.exec();
}
