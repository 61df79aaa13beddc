// The supervisor review queue (Desk → Review queue, supervisors only): identity-mismatch
// cases oldest first with their age; the selected case's request beside the civil-registry
// reference (differing fields highlighted and marked; letter-variant-equal fields count as
// equal, as the verification counts them); buttons to propose each decision and to approve
// another supervisor's pending proposal (disabled, with the reason as tooltip, for one's
// own). A second tab lists this branch's sync conflicts from the central database when one
// is configured (loaded on request: it asks the network), resolved keeping either version
// after the supervisor's password. Both talk to the central database on a worker thread
// with its own connections, never on the UI thread.
#pragma once

#include "ReviewProposalDialog.h"
#include "Worker.h"

#include "app/lifecycle/Review.h"
#include "app/lifecycle/Staff.h"
#include "app/sync/SyncEngine.h"

#include <QPointer>
#include <QScopedPointer>
#include <QWidget>
#include <functional>

namespace Ui
{
class ReviewQueuePage;
}

class QPushButton;
class QTableWidget;
class QLabel;

namespace branch::ui
{

class ReviewQueuePage : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewQueuePage(Context &ctx, QWidget *parent = nullptr);
    ~ReviewQueuePage() override;

    void setSession(const StaffSession &session);
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // The central database of the conflicts tab (empty: no sync configured).
    void setCentralUrl(const QString &url);

    QTableWidget *casesTable() const;
    QTableWidget *comparisonTable() const;
    QLabel *proposalLabel() const;
    QLabel *messageLabel() const;
    QPushButton *proposeButton(ReviewKind kind) const;
    QPushButton *approveButton() const;
    QTableWidget *conflictsTable() const;
    QTableWidget *conflictDetailTable() const;
    QLabel *conflictsMessageLabel() const;
    QPushButton *loadConflictsButton() const;
    QPushButton *keepLocalButton() const;
    QPushButton *keepCentralButton() const;
    // A load or a resolution is on its way to the central database.
    bool conflictsBusy() const { return m_conflictsBusy; }
    const QList<ReviewCase> &cases() const { return m_cases; }
    // The proposal dialog while it is open (window-modal, not blocking).
    ReviewProposalDialog *proposalDialog() const { return m_dialog; }

public slots:
    // Re-reads the queue, keeping the selected case when it is still there.
    void reload();
    // Opens the proposal dialog of `kind` for the selected case.
    void propose(ReviewKind kind);
    // Approves the selected case's pending proposal (after a confirmation).
    void approve();
    // Asks the central database for this branch's open conflicts (in the background;
    // conflictsLoaded() when the list is shown).
    void loadConflicts();
    // Resolves the selected conflict keeping this branch's version or the central one,
    // after the staff password (in the background; conflictResolved() when done).
    void resolveConflictKeeping(bool keepLocal);

signals:
    void conflictsLoaded();
    void conflictResolved(bool ok);
    // Esc: back to the search.
    void closed();
    // A decision was applied (the counts changed).
    void decided(const QString &nationalCode);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showCase(int row);
    void showConflict(int row);
    void showConflicts(const Outcome<QList<ConflictRecord>> &list);
    void setConflictsBusy(bool busy);
    QString digits(const QString &s) const;
    QString ageText(const QDateTime &since) const;
    const ReviewCase *selectedCase() const;

    const QScopedPointer<Ui::ReviewQueuePage> m_ui;
    Context &m_ctx;
    StaffSession m_session;
    std::function<QDateTime()> m_now;
    QList<ReviewCase> m_cases;
    QList<ConflictRecord> m_conflicts;
    QString m_centralUrl;
    bool m_conflictsBusy = false;
    QPointer<ReviewProposalDialog> m_dialog;
    const bool m_persian;
    Worker m_worker; // the central's conflicts, a connection per request
};

} // namespace branch::ui
