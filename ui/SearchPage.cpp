// The lookup screen (see SearchPage.h).
#include "SearchPage.h"
#include "ui_SearchPage.h"

#include "DeskKeys.h"

#include "ApplicantSearchModel.h"
#include "TextColors.h"

#include "app/core/RequestStatus.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/Fetch.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include <utility>

namespace branch::ui
{

namespace
{

// A search's rows, and whether its text may be looked up at the central database.
struct LocalAnswer {
    QList<ApplicantRow> rows;
    bool fetchable = false;
};

} // namespace

SearchPage::SearchPage(const QString &databasePath, const QString &branchCode, QWidget *parent)
    : QWidget(parent), m_ui(new Ui::SearchPage), m_model(new ApplicantSearchModel(this)),
      m_worker(databasePath, branchCode, QStringLiteral("applicant-search"), Worker::Connection::Kept),
      m_fetchWorker(databasePath, branchCode, QStringLiteral("applicant-fetch"), Worker::Connection::PerJob)
{
    m_ui->setupUi(this);
    useDeskKeys(this);
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
        m_fetchWorker.supersede(); // a look-up that runs still ends, but answers nothing shown
        setFetching(0);
        showFetchButton(false);
        m_debounce.start();
    });
    connect(m_ui->fetchButton, &QPushButton::clicked, this, [this] {
        m_openAfterFetch = false;
        fetchFromCentral();
    });
    m_ui->fetchProgress->hide();
    m_ui->fetchButton->hide();
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

QPushButton *SearchPage::fetchButton() const
{
    return m_ui->fetchButton;
}

QProgressBar *SearchPage::fetchProgress() const
{
    return m_ui->fetchProgress;
}

void SearchPage::setSession(const StaffSession &session)
{
    m_session = session;
}

void SearchPage::setCentralUrl(const QString &url)
{
    m_centralUrl = url.trimmed();
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
    const bool central = !m_centralUrl.isEmpty() && m_session.isValid();
    m_worker.run(
        [text, status, limit, central](Context &ctx) -> Outcome<LocalAnswer> {
            auto rows = searchApplicants(ctx, text, status, limit);
            if (!rows.ok())
                return rows.failure;
            return LocalAnswer{*rows.value, central && rows.value->isEmpty() && searchShouldFetch(ctx, text)};
        },
        [this, generation](const Outcome<LocalAnswer> &answer) {
            onResults(generation, answer.ok() ? answer.value->rows : QList<ApplicantRow>(),
                      answer.ok() ? QString() : answer.failure.message(), answer.ok() && answer.value->fetchable);
        });
}

void SearchPage::fetchFromCentral()
{
    if (!m_fetchable || m_fetching != 0 || m_shown != m_generation)
        return;
    const auto url = parseCentralUrl(m_centralUrl);
    if (!url.ok()) {
        m_ui->countLabel->setText(url.failure.message());
        return;
    }
    const quint64 generation = m_generation;
    const QString text = m_ui->searchField->text();
    const QString status = m_ui->statusFilter->currentData().toString();
    const int limit = m_model->limit() + 1;
    setFetching(generation);
    m_fetchWorker.run(
        [central = *url.value, text, status, limit, staff = m_session](Context &ctx) -> Outcome<QList<ApplicantRow>> {
            const auto fetched = fetchForSearch(ctx, central, text, staff, QDateTime::currentDateTimeUtc());
            if (!fetched.ok())
                return fetched.failure;
            return searchApplicants(ctx, text, status, limit);
        },
        [this, generation](const Outcome<QList<ApplicantRow>> &rows) {
            setFetching(0);
            if (generation != m_generation)
                return; // the text changed meanwhile
            if (!rows.ok()) {
                // Offline the clerk may try again; a person the central knows neither is not there.
                const bool retry = rows.failure.kind == Failure::Kind::Environment;
                m_fetchable = retry;
                showFetchButton(retry);
                m_ui->countLabel->setText(rows.failure.message());
                setTextColor(m_ui->countLabel, kProblemColor); // said in the page's own words, in red
                emit fetchFinished(false);
                return;
            }
            const bool open = std::exchange(m_openAfterFetch, false);
            onResults(generation, *rows.value, {}, false);
            emit fetchFinished(true);
            if (open)
                activateRow(0);
        });
}

void SearchPage::setFetching(quint64 generation)
{
    m_fetching = generation;
    m_ui->countLabel->setPalette(QPalette()); // the window's text colour again
    m_ui->fetchProgress->setVisible(generation != 0);
    m_ui->fetchButton->setEnabled(generation == 0);
    if (generation != 0)
        m_ui->countLabel->setText(tr("Looking for this person at the central database…"));
}

void SearchPage::showFetchButton(bool visible)
{
    m_ui->fetchButton->setVisible(visible);
    m_ui->fetchButton->setEnabled(visible && m_fetching == 0);
}

void SearchPage::onResults(quint64 generation, const QList<ApplicantRow> &rows, const QString &error, bool fetchable)
{
    if (generation != m_generation)
        return; // superseded by a newer keystroke
    m_shown = generation;
    m_model->setRows(rows);
    m_ui->countLabel->setPalette(QPalette());
    m_fetchable = fetchable && error.isEmpty();
    showFetchButton(m_fetchable);
    const QLocale locale;
    if (!error.isEmpty())
        m_ui->countLabel->setText(error);
    else if (m_fetchable)
        m_ui->countLabel->setText(tr("Nobody held at this branch has this national code or mobile number. Press "
                                     "Enter to look for them at the central database."));
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
        activateFromField();
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
    if (m_model->rowCount() == 0 && m_fetchable) {
        m_openAfterFetch = true;
        fetchFromCentral();
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
