// BranchDesk's main window (see MainWindow.h).
#include "MainWindow.h"
#include "Bidi.h"
#include "TableColumns.h"
#include "ui_MainWindow.h"

#include "AboutDialog.h"
#include "ApplicantView.h"
#include "BackupController.h"
#include "DashboardPage.h"
#include "LoginDialog.h"
#include "ReceiptDialog.h"
#include "RegistrationWizard.h"
#include "ReviewQueuePage.h"
#include "SearchPage.h"
#include "SmsController.h"
#include "SyncController.h"
#include "app/core/Settings.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/core/PersianText.h"
#include "app/core/RequestStatus.h"
#include "app/core/TrackingCode.h"
#include "app/lifecycle/Backup.h"
#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Staff.h"
#include "app/sync/SyncStatus.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>

namespace branch::ui
{

namespace
{
// A moment as the status bar and notices say it: the Jalali date and the local time.
QString deskDateTime(const QDateTime &at)
{
    const QDateTime t = at.toLocalTime();
    return toJalaliString(t.date(), language() == QLatin1String("fa")) + QLatin1Char(' ') +
           QLocale().toString(t.time(), u"HH:mm");
}
// The same, the time alone when it is today.
QString deskTimeOrDateTime(const QDateTime &at)
{
    const QDateTime t = at.toLocalTime();
    return t.date() == QDate::currentDate() ? QLocale().toString(t.time(), u"HH:mm") : deskDateTime(at);
}
} // namespace

MainWindow::MainWindow(Context &ctx, QWidget *parent)
    : QMainWindow(parent), m_ui(new Ui::MainWindow), m_ctx(ctx),
      m_search(new SearchPage(ctx.databasePath(), ctx.branchCode, this)), m_view(new ApplicantView(ctx, this)),
      m_dbLabel(new QLabel(this)), m_syncLabel(new QLabel(this)), m_staffLabel(new QLabel(this)),
      m_sync(new SyncController(ctx.databasePath(), this)), m_sms(new SmsController(ctx.databasePath(), this)),
      m_backup(new BackupController(ctx.databasePath(), this)), m_backupLabel(new QLabel(this))
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
    connect(m_view, &ApplicantView::counterActionDone, this, &MainWindow::onCounterActionDone);

    m_ui->counts->setColumnCount(2);
    m_ui->counts->setHorizontalHeaderLabels({tr("Status"), tr("Requests")});
    m_ui->counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ui->counts->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_ui->counts->verticalHeader()->hide();
    m_ui->counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->counts->setSelectionMode(QAbstractItemView::NoSelection);

    auto *find = new QAction(tr("Find applicant"), this);
    find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_L)});
    connect(find, &QAction::triggered, this, &MainWindow::showSearch);
    addAction(find);
    // A person at the counter who has not registered on the portal: the same four steps here.
    m_register = new QAction(tr("&Register a person…"), this);
    m_register->setShortcut(QKeySequence::New);
    m_register->setVisible(false); // until a session with counter rights (setSession)
    connect(m_register, &QAction::triggered, this, &MainWindow::startRegistration);
    addAction(m_register);
    m_dashboardAction = new QAction(tr("&Dashboard"), this);
    m_dashboardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_dashboardAction->setVisible(false); // supervisors only (setSession)
    connect(m_dashboardAction, &QAction::triggered, this, &MainWindow::showDashboard);
    addAction(m_dashboardAction);
    m_reviewAction = new QAction(tr("Review &queue"), this);
    m_reviewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reviewAction->setVisible(false); // roles that review identity mismatches (setSession)
    connect(m_reviewAction, &QAction::triggered, this, &MainWindow::showReviewQueue);
    addAction(m_reviewAction);
    auto *refresh = new QAction(tr("Refresh"), this);
    // F5 only: QKeySequence::Refresh also means Ctrl+R on GNOME, the review queue's key.
    refresh->setShortcut(QKeySequence(Qt::Key_F5));
    connect(refresh, &QAction::triggered, this, &MainWindow::refresh);
    addAction(refresh);
    auto *syncNow = new QAction(tr("Sync now"), this);
    syncNow->setShortcut(QKeySequence(Qt::Key_F9));
    connect(syncNow, &QAction::triggered, m_sync, &SyncController::syncNow);
    connect(syncNow, &QAction::triggered, m_sms, &SmsController::sendNow);
    addAction(syncNow);
    connect(m_sync, &SyncController::stateChanged, this, &MainWindow::updateSyncState);
    // The last sync of an earlier session (or of branchctl sync) until this session syncs.
    if (const auto last = lastSyncSuccess(m_ctx); last.ok() && last.value->isValid())
        m_sync->setLastSuccess(*last.value);
    // What other branches and the central verification did shows as soon as it arrives.
    connect(m_sync, &SyncController::finished, this, [this](bool ok, int pulled) {
        if (ok && pulled > 0) {
            this->refresh();
            m_sms->sendNow(); // the central decisions' SMS arrive with the pull
        }
    });
    connect(m_sms, &SmsController::stateChanged, this, &MainWindow::updateSyncState);
    connect(m_sms, &SmsController::finished, this, [this](bool ok) {
        if (!ok)
            statusBar()->showMessage(tr("SMS could not be sent now: %1").arg(m_sms->lastError()), 15000);
    });
    // Backups by themselves while changes wait; this one on demand.
    m_backUpAction = new QAction(tr("&Back up now"), this);
    m_backUpAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    connect(m_backUpAction, &QAction::triggered, m_backup, &BackupController::backUpNow);
    addAction(m_backUpAction);
    if (const auto kept = keepingStatus(m_ctx); kept.ok())
        m_backup->setLastBackup(kept.value->lastBackup);
    connect(m_backup, &BackupController::stateChanged, this, &MainWindow::updateBackupState);
    connect(m_backup, &BackupController::finished, this, [this](bool ok, const QString &message) {
        if (!ok)
            statusBar()->showMessage(tr("The backup failed: %1").arg(message), 30000);
    });
    // A counter in a public hall: the staff locks the desk or signs out when leaving it.
    auto *lockNow = new QAction(tr("&Lock now"), this);
    lockNow->setObjectName(QStringLiteral("lockNow"));
    lockNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(lockNow, &QAction::triggered, this, &MainWindow::lockRequested);
    addAction(lockNow);
    auto *signOut = new QAction(tr("Sign &out"), this);
    signOut->setObjectName(QStringLiteral("signOut"));
    signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    addAction(signOut);
    auto *quit = new QAction(tr("Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    addAction(quit);

    // The menu lists every action with its shortcut, so nothing needs the mouse and
    // nothing has to be remembered.
    QMenu *desk = menuBar()->addMenu(tr("&Desk"));
    desk->addAction(find);
    desk->addAction(m_register);
    desk->addAction(m_dashboardAction);
    desk->addAction(m_reviewAction);
    desk->addAction(refresh);
    desk->addAction(syncNow);
    desk->addAction(m_backUpAction);
    desk->addSeparator();
    // The language applies from the next start: every screen is built in one language.
    QMenu *languageMenu = desk->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    for (const auto &[code, name] : {std::pair{QStringLiteral("fa"), QStringLiteral("فارسی")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction *a = languageMenu->addAction(name);
        a->setCheckable(true);
        a->setChecked(Settings::language() == code);
        a->setData(code);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            Settings::setValue(SettingKey::Language, code);
            offerRestart();
        });
    }
    desk->addSeparator();
    desk->addAction(lockNow);
    desk->addAction(signOut);
    desk->addAction(quit);
    QMenu *applicant = menuBar()->addMenu(tr("&Applicant"));
    for (CounterAction a : allCounterActions())
        applicant->addAction(m_view->counterAction(a));
    m_applicantMenu = applicant->menuAction();
    m_applicantMenu->setEnabled(false); // the applicant's actions act on an open applicant
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_aboutAction = help->addAction(tr("&About BranchDesk…"));
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        if (!m_about) {
            m_about = new AboutDialog(m_ctx, this);
            m_about->setAttribute(Qt::WA_DeleteOnClose);
        }
        m_about->open();
    });

    m_dbLabel->setText(tr("Database: %1").arg(QFileInfo(ctx.databasePath()).fileName()));
    m_dbLabel->setToolTip(ctx.databasePath());
    statusBar()->addPermanentWidget(m_staffLabel);
    statusBar()->addPermanentWidget(m_syncLabel);
    statusBar()->addPermanentWidget(m_backupLabel);
    statusBar()->addPermanentWidget(m_dbLabel);
    refresh->trigger();
    updateBackupState();
    m_search->focusSearch();
}

MainWindow::~MainWindow() = default;

AboutDialog *MainWindow::aboutDialog() const
{
    return m_about;
}

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
    m_applicantMenu->setEnabled(w == m_view);
}

void MainWindow::setSession(const StaffSession &session)
{
    m_session = session;
    m_view->setSession(session);
    m_search->setSession(session); // a look-up at the central database is made in their name
    m_search->setCentralUrl(Settings::value(SettingKey::SyncCentralUrl).toString());
    m_register->setVisible(roleMay(session.role, StaffPermission::CounterActions));
    m_dashboardAction->setVisible(roleMay(session.role, StaffPermission::ReviewMismatch));
    if (m_dashboard)
        m_dashboard->setSession(session);
    m_reviewAction->setVisible(roleMay(session.role, StaffPermission::ReviewMismatch));
    if (m_review)
        m_review->setSession(session);
    m_staffLabel->setText(tr("Signed in: %1 (%2)").arg(session.login, roleLabel(session.role)));
    m_backup->setActor(session.login);
    // Said at sign-in, window-modal: the person reads it before serving anyone.
    const QString tooLong = waitingTooLongText();
    if (!tooLong.isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Warning, QApplication::translate("branch::Desk", "BranchDesk"),
                                    tooLong, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(QStringLiteral("waitingTooLong"));
        box->open();
    }
}

QString MainWindow::waitingTooLongText() const
{
    const auto kept = keepingStatus(m_ctx);
    if (!kept.ok() || kept.value->waiting == 0 || !kept.value->oldestWaiting.isValid())
        return {};
    const int hours = Settings::unsentWarnHours();
    const QDateTime oldest = kept.value->oldestWaiting;
    if (oldest.secsTo(QDateTime::currentDateTimeUtc()) <= qint64(hours) * 3600)
        return {};
    const QLocale locale;
    const QString since = deskDateTime(oldest);
    return tr("%1 changes made at this desk have not reached the central database; the oldest is from %2, more "
              "than %3 hours ago. They are safe in this desk's database and its backups, but no other branch "
              "sees them yet. Tell the branch's IT support that this desk cannot sync.")
        .arg(locale.toString(kept.value->waiting), since, locale.toString(hours));
}

void MainWindow::updateBackupState()
{
    const QLocale locale;
    QString text;
    if (m_backup->isRunning()) {
        text = tr("Backing up… %1").arg(locale.toString(m_backup->progressPercent()) + locale.percent());
    } else if (m_backup->lastBackup().isValid()) {
        text = tr("Last backup: %1").arg(deskTimeOrDateTime(m_backup->lastBackup()));
    } else {
        text = tr("No backup yet");
    }
    if (!m_backup->lastError().isEmpty())
        text = tr("Backup failed");
    QString tip = tr("Backups go to %1.").arg(shownPath(m_backup->folder()));
    if (m_backup->sharesTheDatabaseDisk()) {
        text += QStringLiteral(" ⚠");
        tip += QLatin1Char('\n') + tr("The backups are on the same disk as the database: they protect against a "
                                      "deleted or damaged file, not against a dead disk. Ask IT support to set a "
                                      "backup folder on a USB stick or a network share.");
    }
    if (!m_backup->lastError().isEmpty())
        tip += QLatin1Char('\n') + m_backup->lastError();
    m_backupLabel->setText(text);
    m_backupLabel->setToolTip(tip);
    m_backupLabel->setAccessibleDescription(tip);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_backup->waitForIdle();
    const auto kept = keepingStatus(m_ctx);
    if (kept.ok() && kept.value->waiting > 0 && !m_backup->isRecent()) {
        statusBar()->showMessage(tr("Backing up the changes not sent yet before closing…"));
        m_backup->backUpNow();
        m_backup->waitForIdle();
    }
    const QString tooLong = waitingTooLongText();
    if (!tooLong.isEmpty())
        QMessageBox::warning(this, QApplication::translate("branch::Desk", "BranchDesk"), tooLong);
    event->accept();
}

void MainWindow::updateSyncState()
{
    // Offline is the normal state of a branch: said plainly, not as an error.
    auto waiting = changesWaitingToSync(m_ctx);
    const QLocale locale;
    QString queued = waiting.ok() ? locale.toString(*waiting.value) : tr("unknown");
    if (waiting.ok())
        m_backup->setChangesWaiting(*waiting.value > 0);
    // How long they have waited, in the same words at every screen.
    if (waiting.ok() && *waiting.value > 0)
        if (const auto kept = keepingStatus(m_ctx); kept.ok() && kept.value->oldestWaiting.isValid())
            queued = tr("%1 (since %2)").arg(queued, deskTimeOrDateTime(kept.value->oldestWaiting));
    const QString last = m_sync->lastSuccess().isValid() ? deskDateTime(m_sync->lastSuccess()) : tr("never");
    QString text;
    if (!m_sync->isConfigured())
        text = tr("Offline — changes waiting to sync: %1").arg(queued);
    else if (m_sync->isRunning())
        text = tr("Syncing… — changes waiting: %1").arg(queued);
    else if (m_sync->lastErrorCode() == QLatin1String("audit.anchor_mismatch"))
        // Not an outage: the desk cannot sync until its log is looked into.
        text = tr("Sync refused: this desk's audit log does not continue the central database's copy — head office "
                  "has been told — changes waiting: %1")
                   .arg(queued);
    else if (m_sync->isOnline())
        text = tr("Online — last sync %1 — changes waiting: %2").arg(last, queued);
    else
        text = tr("Offline — changes waiting to sync: %1 — last sync: %2").arg(queued, last);
    m_syncLabel->setText(text);
    QString tip = m_sync->isConfigured() ? tr("Syncs with the central database every few minutes; F9 syncs now.")
                                         : tr("This desk works on its own database; changes are sent to the central "
                                              "database when sync runs.");
    if (!m_sync->lastError().isEmpty())
        tip += QLatin1Char('\n') + m_sync->lastError();
    tip += QLatin1Char('\n') + (m_sms->isConfigured() ? tr("SMS are sent from this desk as soon as they are queued.")
                                                      : tr("SMS are sent by the branch's scheduled delivery "
                                                           "(branchctl sms send)."));
    if (!m_sms->lastError().isEmpty())
        tip += QLatin1Char('\n') + m_sms->lastError();
    if (!waiting.ok())
        tip += QLatin1Char('\n') + waiting.failure.message();
    m_syncLabel->setToolTip(tip);
}

void MainWindow::onCounterActionDone(CounterAction action, const QString &nationalCode,
                                     const QList<QPair<QString, QString>> &details, const QString &receiptAction)
{
    m_sms->sendNow(); // the action's notice SMS, if it queued one

    const bool persian = language() == QLatin1String("fa");
    statusBar()->showMessage(
        tr("Done for %1: %2")
            .arg(persian ? toPersianDigits(nationalCode) : nationalCode,
                 m_view->counterAction(action)->text().remove(QLatin1Char('&')).remove(QChar(0x2026))),
        10000);
    refresh();

    showReceipt(receiptAction, nationalCode, details);
}

void MainWindow::showReceipt(const QString &action, const QString &nationalCode,
                             const QList<QPair<QString, QString>> &details)
{
    // The receipt: printed or saved as PDF for the person, or closed with Esc. The applicant
    // view holds the person as stored after the action.
    const ApplicantCase &c = m_view->currentCase();
    Receipt receipt;
    receipt.action = action;
    receipt.branchCode = m_ctx.branchCode;
    receipt.staffLogin = m_session.login;
    receipt.nationalCode = nationalCode;
    receipt.applicantName = personName(c.request.firstName, c.request.lastName);
    receipt.at = QDateTime::currentDateTimeUtc();
    receipt.trackingCode = trackingCode(c.requestId);
    receipt.details = details;
    if (m_receipt)
        m_receipt->close();
    m_receipt = new ReceiptDialog(receipt, this);
    m_receipt->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_receipt, &QDialog::finished, this, [this] {
        activateWindow();
        if (centralWidget() == m_view)
            m_view->setFocus(Qt::OtherFocusReason);
    });
    m_receipt->open();
}

void MainWindow::startRegistration()
{
    if (!roleMay(m_session.role, StaffPermission::CounterActions))
        return;
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard = new RegistrationWizard(m_ctx, m_session, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QDialog::finished, this, [this](int result) {
        const QString code = m_wizard ? m_wizard->nationalCode() : QString();
        activateWindow();
        if (result != QDialog::Accepted || code.isEmpty())
            return;
        const QList<QPair<QString, QString>> details =
            m_wizard ? m_wizard->receiptDetails() : QList<QPair<QString, QString>>{};
        refresh();
        statusBar()->showMessage(RegistrationWizard::submittedMessage(), 15000);
        // The person leaves with a receipt of the request and its tracking code.
        if (openApplicant(code))
            showReceipt(QStringLiteral("request.submit"), code, details);
    });
    m_wizard->open();
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

void MainWindow::offerRestart()
{
    const QString question = tr("The language changes when BranchDesk starts again. Restart now? Open forms are "
                                "closed first; nothing that was saved is lost.");
    auto *box = new QMessageBox(QMessageBox::Question, QApplication::translate("branch::Desk", "BranchDesk"), question,
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("restartNow"));
    box->setDefaultButton(QMessageBox::Yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes)
            emit restartRequested();
        else
            statusBar()->showMessage(tr("The language changes the next time BranchDesk starts."), 10000);
    });
    box->open();
}

void MainWindow::clearForNextStaff()
{
    showCentral(m_search);
    m_search->clear();
}

void MainWindow::showSearch()
{
    showCentral(m_search);
    m_search->focusSearch();
}

void MainWindow::showDashboard()
{
    if (!roleMay(m_session.role, StaffPermission::ReviewMismatch))
        return;
    if (!m_dashboard) {
        m_dashboard = new DashboardPage(m_ctx.databasePath(), m_ctx.branchCode, this);
        m_dashboard->hide();
        m_dashboard->setSyncController(m_sync);
        connect(m_dashboard, &DashboardPage::closed, this, &MainWindow::showSearch);
    }
    m_dashboard->setSession(m_session);
    showCentral(m_dashboard);
    m_dashboard->setFocus(Qt::OtherFocusReason);
    refresh(); // the dashboard's figures, and the counts and sync state beside them, read now
}

void MainWindow::showReviewQueue()
{
    if (!roleMay(m_session.role, StaffPermission::ReviewMismatch))
        return;
    if (!m_review) {
        m_review = new ReviewQueuePage(m_ctx, this);
        m_review->hide();
        m_review->setCentralUrl(Settings::value(SettingKey::SyncCentralUrl).toString().trimmed());
        connect(m_review, &ReviewQueuePage::closed, this, &MainWindow::showSearch);
        // A decision changes the counts, the results and the queued changes beside the queue.
        connect(m_review, &ReviewQueuePage::decided, this, &MainWindow::refresh);
        connect(m_review, &ReviewQueuePage::decided, m_sms, &SmsController::sendNow);
    }
    m_review->setSession(m_session);
    m_review->reload();
    showCentral(m_review);
    m_review->setFocus(Qt::OtherFocusReason);
}

void MainWindow::refresh()
{
    updateSyncState();
    if (m_dashboard && centralWidget() == m_dashboard)
        m_dashboard->refresh(); // F5 on the dashboard
    auto counts = requestCountsByStatus(m_ctx);
    m_ui->counts->setRowCount(0);
    if (!counts.ok()) {
        statusBar()->showMessage(counts.failure.message());
        return;
    }
    const QLocale locale;
    for (RequestStatus s : allStatuses()) {
        const int row = m_ui->counts->rowCount();
        m_ui->counts->insertRow(row);
        m_ui->counts->setItem(row, 0, new QTableWidgetItem(statusLabel(s)));
        auto *n = new QTableWidgetItem(locale.toString(counts.value->value(s)));
        n->setTextAlignment(kNumberAlignment);
        m_ui->counts->setItem(row, 1, n);
    }
    // The panel as wide as its columns: in English a status's name pushed the figures out of view.
    widenToColumns(m_ui->counts);
    // Re-run the lookup so that its statuses match the counts.
    m_search->searchNow();
}

} // namespace branch::ui
