// The restore the desk offers at start when its database is missing or damaged and backups
// of it exist: the backups newest first, an administrator's login and password, Restore.
// The checks and the swap are restoreBackup's (app/lifecycle/Backup); the copy runs off the
// UI thread. With a missing database the person may set up a new one instead
// (setUpInstead()).
#pragma once

#include "app/lifecycle/Backup.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QScopedPointer>

namespace Ui
{
class RestoreDialog;
}

class QLineEdit;
class QListWidget;
class QPushButton;

namespace branch::ui
{

class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Why { Missing, Damaged };
    RestoreDialog(const QString &databasePath, Why why, const QList<BackupFile> &backups, QWidget *parent = nullptr);
    ~RestoreDialog() override;

    // The person chose to set up a new database (only offered when it is missing).
    bool setUpInstead() const { return m_setUpInstead; }
    // What the restore left out (valid once accepted), said to the person after it.
    QString summary() const { return m_summary; }
    QString message() const;

    QListWidget *backupList() const;
    QLineEdit *loginField() const;
    QLineEdit *passwordField() const;
    QPushButton *restoreButton() const;
    // From Restore until its result is shown.
    bool isBusy() const { return m_busy; }

public slots:
    void restore();

private:
    void onDone();
    void showMessage(const QString &text);

    const QScopedPointer<Ui::RestoreDialog> m_ui;
    QString m_databasePath;
    QList<BackupFile> m_backups;
    bool m_setUpInstead = false;
    bool m_busy = false;
    QString m_summary;
    QFutureWatcher<std::optional<Outcome<RestoreDone>>> m_watcher;
};

} // namespace branch::ui
