// BranchDesk's main window: the lookup screen in the middle, how many requests are in each
// status beside it, the database in the status bar. It asks the services, never SQL.
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

class SearchPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Context &ctx, QWidget *parent = nullptr);
    ~MainWindow() override;

    SearchPage *searchPage() const { return m_search; }

public slots:
    void refresh();

signals:
    // The clerk opened this applicant (Enter in the search field or on a result row).
    void applicantActivated(const QString &nationalCode);

private:
    const QScopedPointer<Ui::MainWindow> m_ui;
    Context &m_ctx;
    SearchPage *m_search;
};

} // namespace branch::ui
