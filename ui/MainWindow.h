// BranchDesk's main window: the lookup screen in the middle, how many requests are in each
// status beside it, the database in the status bar. Opening an applicant shows the
// applicant view in the search's place; Esc or Alt+Left returns to the search; Desk →
// Register a person… opens the registration wizard. It asks the services, never SQL.
#pragma once

#include "app/lifecycle/Service.h"
#include "app/lifecycle/Staff.h"
#include "ui/ReceiptDialog.h"
#include "ui/RegistrationWizard.h"

#include <QMainWindow>
#include <QPointer>
#include <QScopedPointer>

namespace Ui
{
class MainWindow;
}

class QAction;
class QLabel;

namespace branch::ui
{

class AboutDialog;
class SearchPage;
class ApplicantView;
class DashboardPage;
class ReviewQueuePage;
class BackupController;
class SmsController;
class SyncController;
enum class CounterAction;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Context &ctx, QWidget *parent = nullptr);
    ~MainWindow() override;

    SearchPage *searchPage() const { return m_search; }
    ApplicantView *applicantView() const { return m_view; }

    // Shows this applicant's view (what Enter on a search result does). False, with the
    // reason in the status bar, when the case cannot be read.
    bool openApplicant(const QString &nationalCode);
    // Back to the search, its field focused (Ctrl+F from anywhere in the window).
    void showSearch();

    // Who is signed in: shown in the status bar; decides which actions show.
    void setSession(const StaffSession &session);
    // The status bar's permanent parts.
    QLabel *databaseLabel() const { return m_dbLabel; }
    QLabel *syncLabel() const { return m_syncLabel; }
    SyncController *syncController() const { return m_sync; }
    SmsController *smsController() const { return m_sms; }
    // The desk's own backups; Desk → Back up now (Ctrl+Shift+B).
    BackupController *backupController() const { return m_backup; }
    QLabel *backupLabel() const { return m_backupLabel; }
    QAction *backUpAction() const { return m_backUpAction; }
    // Changes waiting longer than sync/unsentWarnHours: the text the desk shows at sign-in
    // and at close (empty when nothing waits that long).
    QString waitingTooLongText() const;
    // The receipt of the last counter action, while it is open (window-modal, not blocking).
    ReceiptDialog *receiptDialog() const { return m_receipt; }
    // Desk → Register a person… (Ctrl+N): shown to the roles that serve people at the counter.
    QAction *registerAction() const { return m_register; }
    // The registration wizard, while it is open (window-modal, not blocking).
    RegistrationWizard *registrationWizard() const { return m_wizard; }
    // Desk → Dashboard (Ctrl+D): shown to supervisors; the page is made on first use.
    QAction *dashboardAction() const { return m_dashboardAction; }
    DashboardPage *dashboardPage() const { return m_dashboard; }
    // Desk → Review queue (Ctrl+R): roles that review identity mismatches; made on first use.
    QAction *reviewAction() const { return m_reviewAction; }
    ReviewQueuePage *reviewQueuePage() const { return m_review; }

    // Help → About BranchDesk…: the version, the branch and database, Qt and SQLite.
    QAction *aboutAction() const { return m_aboutAction; }
    AboutDialog *aboutDialog() const;

public slots:
    // Re-reads the counts, the sync state and the search results.
    void refresh();
    // Opens the registration wizard for a person at the counter; once the request is
    // stored, the new applicant opens in the desk.
    void startRegistration();
    // The supervisor's dashboard in the search's place, its figures refreshed.
    void showDashboard();
    // The supervisor review queue in the search's place, re-read.
    void showReviewQueue();

    // After a sign-out: back to an empty search, so the next staff sees nobody's data.
    void clearForNextStaff();

signals:
    // The clerk opened this applicant (Enter in the search field or on a result row).
    void applicantActivated(const QString &nationalCode);
    // Desk menu: Lock now (Ctrl+Shift+L) and Sign out (Ctrl+Shift+O); the session lock acts.
    void lockRequested();
    void signOutRequested();
    // The language was changed and the staff chose to restart now (main restarts the desk).
    void restartRequested();

protected:
    // Unsent changes and no recent backup: a backup first (the window waits for it).
    // Changes waiting too long: said before the desk closes.
    void closeEvent(QCloseEvent *event) override;

private:
    void showCentral(QWidget *w);
    void offerRestart();
    void updateBackupState();
    void updateSyncState();
    void onCounterActionDone(CounterAction action, const QString &nationalCode,
                             const QList<QPair<QString, QString>> &details, const QString &receiptAction);
    // Opens the receipt of `action` for the applicant shown (window-modal; Esc closes it).
    void showReceipt(const QString &action, const QString &nationalCode, const QList<QPair<QString, QString>> &details);

    const QScopedPointer<Ui::MainWindow> m_ui;
    Context &m_ctx;
    SearchPage *m_search;
    ApplicantView *m_view;
    StaffSession m_session;
    QLabel *m_dbLabel;
    QLabel *m_syncLabel;
    QLabel *m_staffLabel;
    QAction *m_applicantMenu = nullptr;
    SyncController *m_sync;
    SmsController *m_sms;
    BackupController *m_backup;
    QLabel *m_backupLabel;
    QAction *m_backUpAction = nullptr;
    QPointer<ReceiptDialog> m_receipt;
    QAction *m_register = nullptr;
    QPointer<RegistrationWizard> m_wizard;
    QAction *m_dashboardAction = nullptr;
    DashboardPage *m_dashboard = nullptr;
    QAction *m_reviewAction = nullptr;
    ReviewQueuePage *m_review = nullptr;
    QAction *m_aboutAction = nullptr;
    QPointer<AboutDialog> m_about;
};

} // namespace branch::ui
