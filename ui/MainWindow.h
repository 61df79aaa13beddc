// BranchDesk's main window. Until the clerk's desk lands it shows the branch, its
// database and how many requests are in each status; it asks the services, never SQL.
#pragma once

#include "app/lifecycle/Service.h"

#include <QMainWindow>
#include <QScopedPointer>

namespace Ui
{
class MainWindow;
}

namespace branch::ui
{

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Context &ctx, QWidget *parent = nullptr);
    ~MainWindow() override;

    void refresh();

private:
    const QScopedPointer<Ui::MainWindow> m_ui;
    Context &m_ctx;
};

} // namespace branch::ui
