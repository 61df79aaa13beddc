// The lookup screen (see SearchPage.h).
#include "SearchPage.h"
#include "ui_SearchPage.h"

#include "ApplicantSearchModel.h"

#include "app/core/RequestStatus.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>

namespace branch::ui
{

SearchPage::SearchPage(const QString &databasePath, const QString &branchCode, QWidget *parent)
    : QWidget(parent), m_ui(new Ui::SearchPage), m_model(new ApplicantSearchModel(this)),
      m_worker(databasePath, branchCode, QStringLiteral("applicant-search"), Worker::Connection::Kept)
{
    m_ui->setupUi(this);
    m_model->setLimit(kDefaultLimit);

    m_ui->statusFilter->addItem(tr("All statuses"), QString());
    for (RequestStatus s : {RequestStatus::Submitted, RequestStatus::BranchActivationRequired,
                            RequestStatus::IdentityMismatch, RequestStatus::Activated})
        m_ui->statusFilter->addItem(statusLabel(s), statusName(s));

    m_ui->results->setModel(m_model);
    m_ui->results->verticalHeader()->hide();
    m_ui->results->horizontalHeader()->setStretchLastSection(true);
    m_ui->results->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->results->horizontalHeader()->setDefaultSectionSize(150);
    m_ui->results->setTabKeyNavigation(false);

    auto *find = new QAction(tr("Find applicant"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, &SearchPage::focusSearch);
    addAction(find);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchPage::searchNow);
    connect(m_ui->searchField, &QLineEdit::textChanged, this, [this] {
        // The text changed: whatever is queued or running answers an older question.
        ++m_generation;
        m_worker.supersede();
        m_debounce.start();
    });
    connect(m_ui->statusFilter, &QComboBox::currentIndexChanged, this, &SearchPage::searchNow);
    connect(m_ui->searchField, &QLineEdit::returnPressed, this, &SearchPage::activateFromField);
    connect(m_ui->results, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
    m_ui->searchField->installEventFilter(this);

    m_ui->countLabel->setText(tr("Type a national code, a mobile number, a tracking code or a name."));
    setFocusProxy(m_ui->searchField);
}

// The worker skips the queued queries and waits for the running one.
SearchPage::~SearchPage() = default;

QLineEdit *SearchPage::searchField() const
{
    return m_ui->searchField;
}

QComboBox *SearchPage::statusFilter() const
{
    return m_ui->statusFilter;
}

QTableView *SearchPage::resultsView() const
{
    return m_ui->results;
}

QLabel *SearchPage::countLabel() const
{
    return m_ui->countLabel;
}

void SearchPage::focusSearch()
{
    m_ui->searchField->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchField->selectAll();
}

void SearchPage::clear()
{
    m_ui->searchField->clear();
    m_ui->statusFilter->setCurrentIndex(0);
    searchNow();
}

void SearchPage::searchNow()
{
    m_debounce.stop();
    const quint64 generation = ++m_generation;
    m_worker.supersede();
    const QString text = m_ui->searchField->text();
    const QString status = m_ui->statusFilter->currentData().toString();
    // One more than shown, to tell the clerk that there are more.
    const int limit = m_model->limit() + 1;
    m_worker.run([text, status, limit](Context &ctx) { return searchApplicants(ctx, text, status, limit); },
                 [this, generation](const Outcome<QList<ApplicantRow>> &rows) {
                     onResults(generation, rows.ok() ? *rows.value : QList<ApplicantRow>(),
                               rows.ok() ? QString() : rows.failure.message());
                 });
}

void SearchPage::onResults(quint64 generation, const QList<ApplicantRow> &rows, const QString &error)
{
    if (generation != m_generation)
        return; // superseded by a newer keystroke
    m_shown = generation;
    m_model->setRows(rows);
    const QLocale locale;
    if (!error.isEmpty())
        m_ui->countLabel->setText(error);
    else if (m_ui->searchField->text().trimmed().isEmpty())
        m_ui->countLabel->setText(tr("Type a national code, a mobile number, a tracking code or a name."));
    else if (rows.size() > m_model->limit())
        m_ui->countLabel->setText(tr("The first %1 results are shown; type more to narrow the search.")
                                      .arg(locale.toString(m_model->limit())));
    else if (rows.isEmpty())
        m_ui->countLabel->setText(tr("No applicant found."));
    else
        m_ui->countLabel->setText(tr("%Ln result(s)", nullptr, int(rows.size())));
    if (m_model->rowCount() > 0)
        m_ui->results->selectRow(0);
    emit resultsShown(m_model->rowCount());
    if (m_activateOnResult == generation) {
        m_activateOnResult = 0;
        activateRow(0);
    }
}

// Enter in the field opens the selected (or only/first) row; if the newest text's results
// are not in yet, it opens the first of them when they arrive.
void SearchPage::activateFromField()
{
    if (m_debounce.isActive())
        searchNow();
    if (m_shown != m_generation) {
        m_activateOnResult = m_generation;
        return;
    }
    const QModelIndex current = m_ui->results->currentIndex();
    activateRow(current.isValid() ? current.row() : 0);
}

void SearchPage::activateRow(int row)
{
    const QString code = m_model->nationalCodeAt(row);
    if (!code.isEmpty())
        emit applicantActivated(code);
}

// Down/Up in the field move into the results, so the keyboard never has to leave the keys.
bool SearchPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->searchField && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_PageDown) && m_model->rowCount() > 0) {
            m_ui->results->setFocus(Qt::TabFocusReason);
            if (!m_ui->results->currentIndex().isValid())
                m_ui->results->selectRow(0);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace branch::ui
