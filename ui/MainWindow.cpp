// BranchDesk's main window (see MainWindow.h).
#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "ApplicantView.h"
#include "SearchPage.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Status.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>

namespace branch::ui
{

MainWindow::MainWindow(Context &ctx, QWidget *parent)
    : QMainWindow(parent), m_ui(new Ui::MainWindow), m_ctx(ctx),
      m_search(new SearchPage(ctx.db.path(), ctx.branchCode, this)), m_view(new ApplicantView(ctx, this))
{
    m_ui->setupUi(this);
    const bool persian = language() == QLatin1String("fa");
    setWindowTitle(tr("BranchDesk — branch %1").arg(persian ? toPersianDigits(ctx.branchCode) : ctx.branchCode));

    delete m_ui->central;
    m_ui->central = nullptr;
    // The search and the applicant view take turns as the central widget (taken, not
    // deleted), so that centralWidget() is the search page whenever the search shows.
    m_view->hide();
    setCentralWidget(m_search);
    connect(m_search, &SearchPage::applicantActivated, this, &MainWindow::applicantActivated);
    connect(m_search, &SearchPage::applicantActivated, this, [this, persian](const QString &code) {
        statusBar()->showMessage(tr("Applicant %1").arg(persian ? toPersianDigits(code) : code));
        openApplicant(code);
    });
    connect(m_view, &ApplicantView::closed, this, &MainWindow::showSearch);

    m_ui->counts->setColumnCount(2);
    m_ui->counts->setHorizontalHeaderLabels({tr("Status"), tr("Requests")});
    m_ui->counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ui->counts->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_ui->counts->verticalHeader()->hide();
    m_ui->counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->counts->setSelectionMode(QAbstractItemView::NoSelection);

    auto *refresh = new QAction(tr("Refresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, &MainWindow::refresh);
    addAction(refresh);
    auto *quit = new QAction(tr("Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    addAction(quit);

    statusBar()->addPermanentWidget(new QLabel(tr("Database: %1").arg(ctx.db.path())));
    refresh->trigger();
    m_search->focusSearch();
}

MainWindow::~MainWindow() = default;

void MainWindow::showCentral(QWidget *w)
{
    if (centralWidget() == w)
        return;
    // takeCentralWidget() orphans the widget; keep it a hidden child so that it lives and
    // dies with the window.
    QWidget *old = takeCentralWidget();
    old->setParent(this);
    old->hide();
    setCentralWidget(w);
    w->show();
}

bool MainWindow::openApplicant(const QString &nationalCode)
{
    const QString error = m_view->showApplicant(nationalCode);
    if (!error.isEmpty()) {
        statusBar()->showMessage(error);
        return false;
    }
    showCentral(m_view);
    m_view->setFocus(Qt::OtherFocusReason);
    return true;
}

void MainWindow::showSearch()
{
    showCentral(m_search);
    m_search->focusSearch();
}

void MainWindow::refresh()
{
    auto counts = requestCountsByStatus(m_ctx);
    m_ui->counts->setRowCount(0);
    if (!counts.ok()) {
        statusBar()->showMessage(counts.failure.message());
        return;
    }
    const QList<RequestStatus> order = {RequestStatus::Submitted,        RequestStatus::BranchActivationRequired,
                                        RequestStatus::IdentityMismatch, RequestStatus::Activated,
                                        RequestStatus::Expired,          RequestStatus::Superseded,
                                        RequestStatus::Rejected};
    const QLocale locale;
    for (RequestStatus s : order) {
        const int row = m_ui->counts->rowCount();
        m_ui->counts->insertRow(row);
        m_ui->counts->setItem(row, 0, new QTableWidgetItem(statusLabel(s)));
        auto *n = new QTableWidgetItem(locale.toString(counts.value->value(statusName(s))));
        n->setTextAlignment(Qt::AlignTrailing | Qt::AlignVCenter);
        m_ui->counts->setItem(row, 1, n);
    }
    // Re-run the lookup so that its statuses match the counts.
    m_search->searchNow();
}

} // namespace branch::ui
