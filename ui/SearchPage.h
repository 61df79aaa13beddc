// The lookup screen: one field that takes a national code, a mobile or a name as the clerk
// types, a status filter, and the results. The query runs on a worker thread with its own
// database connection; a newer keystroke supersedes the older query (debounced), and only
// the newest query's results are shown. Enter opens the applicant (applicantActivated).
#pragma once

#include "Worker.h"

#include "app/lifecycle/Counter.h"

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

public slots:
    void focusSearch();
    // Runs the search for the current text and filter now (no debounce).
    void searchNow();
    // Empties the field and the results (a sign-out: the next staff sees nobody's data).
    void clear();

signals:
    void applicantActivated(const QString &nationalCode);
    // The newest query's results are shown (`rows` of them).
    void resultsShown(int rows);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onResults(quint64 generation, const QList<ApplicantRow> &rows, const QString &error);
    void activateFromField();
    void activateRow(int row);

    const QScopedPointer<Ui::SearchPage> m_ui;
    ApplicantSearchModel *m_model;
    QTimer m_debounce;
    Worker m_worker; // its connection kept: a query per keystroke
    quint64 m_generation = 0;
    quint64 m_shown = 0;            // generation whose results are in the model
    quint64 m_activateOnResult = 0; // Enter pressed before this generation's results came
};

} // namespace branch::ui
