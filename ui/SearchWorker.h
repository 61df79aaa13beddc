// The applicant search off the UI thread: a worker object living on its own QThread with
// its own database connection (a Database is used only on the thread that opened it).
// Each query carries a generation number; a query that a newer one has superseded before
// it started is skipped, and the page drops any result that is not the newest.
#pragma once

#include "db/Records.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace branch::db
{
class Database;
}

namespace branch::ui
{

class SearchWorker : public QObject
{
    Q_OBJECT

public:
    // `latest` is the newest generation the page has asked for (shared with the page).
    SearchWorker(QString databasePath, QString branchCode, std::shared_ptr<std::atomic<quint64>> latest);
    ~SearchWorker() override;

public slots:
    // Runs on the worker thread. Emits finished() unless a newer query superseded this one.
    void search(quint64 generation, const QString &text, const QString &status, int limit);

signals:
    void finished(quint64 generation, const QList<branch::db::ApplicantRow> &rows, const QString &error);

private:
    bool ensureOpen(QString *error);

    QString m_path;
    QString m_branchCode;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<db::Database> m_db; // opened lazily, on the worker thread
};

} // namespace branch::ui
