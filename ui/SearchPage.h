// The lookup screen: one field that takes a national code, a mobile or a name as the clerk
// types, a status filter, and the results. The query runs on a worker thread with its own
// database connection; a newer keystroke supersedes the older query (debounced), and only
// the newest query's results are shown. Enter opens the applicant (applicantActivated).
// A complete national code or mobile that nobody here has may belong to a person held at
// another branch: Enter (or the button beside the count) looks them up at the central
// database for the signed-in clerk (app/sync/Fetch), on a worker of its own, with a busy
// bar while the network call runs; the person is then held here and shown. Offline, the
// page says so. Partial text typed on the way never leaves the branch: the look-up is the
// clerk's explicit act on the whole text (a 10-digit start of a mobile may well be a valid
// national code).
#pragma once

#include "Worker.h"

#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Staff.h"

#include <QScopedPointer>
#include <QTimer>
#include <QWidget>

namespace Ui
{
class SearchPage;
}

class QLineEdit;
class QComboBox;
class QTableView;
class QLabel;
class QProgressBar;
class QPushButton;

namespace branch::ui
{

class ApplicantSearchModel;

class SearchPage : public QWidget
{
    Q_OBJECT

public:
    // Opens its own connection to the database at `databasePath` on the worker thread.
    explicit SearchPage(const QString &databasePath, const QString &branchCode = {}, QWidget *parent = nullptr);
    ~SearchPage() override;

    static constexpr int kDebounceMs = 150;
    static constexpr int kDefaultLimit = 200;

    // The newest query's rows.
    ApplicantSearchModel *model() const { return m_model; }
    QLineEdit *searchField() const;
    QComboBox *statusFilter() const;
    QTableView *resultsView() const;
    QLabel *countLabel() const;
    QPushButton *fetchButton() const;
    QProgressBar *fetchProgress() const;
    bool isFetching() const { return m_fetching != 0; }

    // The signed-in staff member: a look-up at the central database is made (and recorded
    // there) in their name. Invalid: no look-up.
    void setSession(const StaffSession &session);
    // The central database (a central URL, as the sync's setting); empty: this branch only.
    void setCentralUrl(const QString &url);

public slots:
    void focusSearch();
    // Runs the search for the current text and filter now (no debounce).
    void searchNow();
    // Empties the field and the results (a sign-out: the next staff sees nobody's data).
    void clear();
    // Looks the current text up at the central database, when it is a complete national code
    // or mobile nobody here has (the count says so and the button shows).
    void fetchFromCentral();

signals:
    void applicantActivated(const QString &nationalCode);
    // The newest query's results are shown (`rows` of them).
    void resultsShown(int rows);
    // A look-up at the central database ended: `held` true when the person is held here now.
    void fetchFinished(bool held);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onResults(quint64 generation, const QList<ApplicantRow> &rows, const QString &error, bool fetchable);
    void setFetching(quint64 generation);
    void showFetchButton(bool visible);
    void activateFromField();
    void activateRow(int row);

    const QScopedPointer<Ui::SearchPage> m_ui;
    ApplicantSearchModel *m_model;
    QTimer m_debounce;
    Worker m_worker;      // its connection kept: a query per keystroke
    Worker m_fetchWorker; // the network call, so that typing stays answered meanwhile
    StaffSession m_session;
    QString m_centralUrl;
    bool m_fetchable = false; // the shown results: nobody here, and the text may be looked up centrally
    quint64 m_fetching = 0;   // generation whose look-up at the central database runs
    bool m_openAfterFetch = false;
    quint64 m_generation = 0;
    quint64 m_shown = 0;            // generation whose results are in the model
    quint64 m_activateOnResult = 0; // Enter pressed before this generation's results came
};

} // namespace branch::ui
