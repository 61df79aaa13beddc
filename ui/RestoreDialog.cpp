// The restore offered at start (see RestoreDialog.h).
#include "RestoreDialog.h"
#include "Bidi.h"
#include "ui_RestoreDialog.h"

#include "DeskKeys.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/security/SecretHash.h"

#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace branch::ui
{

RestoreDialog::RestoreDialog(const QString &databasePath, Why why, const QList<BackupFile> &backups, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::RestoreDialog), m_databasePath(databasePath), m_backups(backups)
{
    m_ui->setupUi(this);
    useDeskKeys(this);
    const bool persian = language() == QLatin1String("fa");
    const QLocale locale;
    m_ui->intro->setText(
        why == Why::Missing
            ? tr("There is no branch database at %1, but backups of this desk's database were found. Restore the "
                 "newest one unless you know another is right; an administrator signs in to do it.")
                  .arg(shownPath(databasePath))
            : tr("The branch database at %1 is damaged and cannot be opened. Restore a backup: the damaged file "
                 "is kept aside, not deleted. An administrator signs in to do it.")
                  .arg(shownPath(databasePath)));
    for (const BackupFile &b : backups) {
        const QDateTime t = b.takenAt.toLocalTime();
        const QString when = toJalaliString(t.date(), persian) + QLatin1Char(' ') + locale.toString(t.time(), u"HH:mm");
        const QString size = locale.formattedDataSize(b.bytes);
        auto *item = new QListWidgetItem(
            tr("%1 — branch %2 — %3").arg(when, persian ? toPersianDigits(b.branchCode) : b.branchCode, size),
            m_ui->backups);
        item->setToolTip(QDir::toNativeSeparators(b.path));
    }
    if (!backups.isEmpty())
        m_ui->backups->setCurrentRow(0);
    m_ui->otherButton->setVisible(why == Why::Missing);
    m_ui->progress->hide();
    m_ui->message->hide();
    for (QLineEdit *e : {m_ui->login, m_ui->password})
        e->setLayoutDirection(Qt::LeftToRight);
    m_ui->restoreButton->setAutoDefault(false);
    m_ui->otherButton->setAutoDefault(false);
    m_ui->quitButton->setAutoDefault(false);
    connect(m_ui->login, &QLineEdit::returnPressed, m_ui->password, qOverload<>(&QWidget::setFocus));
    connect(m_ui->password, &QLineEdit::returnPressed, this, &RestoreDialog::restore);
    connect(m_ui->restoreButton, &QPushButton::clicked, this, &RestoreDialog::restore);
    connect(m_ui->otherButton, &QPushButton::clicked, this, [this] {
        m_setUpInstead = true;
        reject();
    });
    connect(m_ui->quitButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<std::optional<Outcome<RestoreDone>>>::finished, this, &RestoreDialog::onDone);
    m_ui->login->setFocus();
}

RestoreDialog::~RestoreDialog()
{
    m_watcher.waitForFinished();
}

QString RestoreDialog::message() const
{
    return m_ui->message->isVisible() || !m_ui->message->text().isEmpty() ? m_ui->message->text() : QString();
}

QListWidget *RestoreDialog::backupList() const
{
    return m_ui->backups;
}
QLineEdit *RestoreDialog::loginField() const
{
    return m_ui->login;
}
QLineEdit *RestoreDialog::passwordField() const
{
    return m_ui->password;
}
QPushButton *RestoreDialog::restoreButton() const
{
    return m_ui->restoreButton;
}

void RestoreDialog::showMessage(const QString &text)
{
    m_ui->message->setText(text);
    m_ui->message->setVisible(!text.isEmpty());
}

void RestoreDialog::restore()
{
    if (m_watcher.isRunning())
        return;
    const int row = m_ui->backups->currentRow();
    if (row < 0 || row >= m_backups.size()) {
        showMessage(tr("Choose a backup first."));
        m_ui->backups->setFocus();
        return;
    }
    if (m_ui->login->text().trimmed().isEmpty() || m_ui->password->text().isEmpty()) {
        showMessage(tr("An administrator's login and password are needed."));
        (m_ui->login->text().trimmed().isEmpty() ? m_ui->login : m_ui->password)->setFocus();
        return;
    }
    showMessage({});
    const QString path = m_databasePath, file = m_backups.at(row).path, login = m_ui->login->text().trimmed();
    QString password = m_ui->password->text();
    m_ui->password->clear();
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->backups, m_ui->login, m_ui->password, m_ui->restoreButton,
                                                       m_ui->otherButton, m_ui->quitButton})
        w->setEnabled(false);
    m_ui->progress->show();
    m_busy = true;
    m_watcher.setFuture(QtConcurrent::run([path, file, login, password]() mutable {
        std::optional<Outcome<RestoreDone>> out;
        out.emplace(restoreBackup(path, file, login, password, QDateTime::currentDateTimeUtc()));
        security::wipe(password);
        return out;
    }));
    security::wipe(password);
}

void RestoreDialog::onDone()
{
    const auto result = m_watcher.result();
    m_busy = false;
    m_ui->progress->hide();
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->backups, m_ui->login, m_ui->password, m_ui->restoreButton,
                                                       m_ui->otherButton, m_ui->quitButton})
        w->setEnabled(true);
    if (!result || !result->ok()) {
        showMessage(result ? result->failure.message() : QString());
        m_ui->password->setFocus();
        return;
    }
    const RestoreDone &done = *result->value;
    const QLocale locale;
    m_summary = done.afterBackup.isEmpty()
                    ? tr("The backup is in place.")
                    : tr("The backup is in place. %1 actions done after it are not in it; what had reached the "
                         "central database comes back with the next sync, the rest is only in the file kept aside "
                         "(%2).")
                          .arg(locale.toString(done.afterBackup.size()), shownPath(done.keptAside));
    accept();
}

} // namespace branch::ui
