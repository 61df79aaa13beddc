// Work off the UI thread (see Worker.h).
#include "Worker.h"

#include <optional>

namespace branch::ui
{

// The part that lives on the worker thread: the connection, opened and closed there.
class WorkerThreadSide : public QObject
{
public:
    WorkerThreadSide(const QString &path, const QString &branchCode, Worker::Connection connection,
                     std::shared_ptr<std::atomic<quint64>> epoch)
        : m_path(path), m_branchCode(branchCode), m_keep(connection == Worker::Connection::Kept),
          m_epoch(std::move(epoch))
    {
    }

    void execute(quint64 epoch, const WorkerTask &task)
    {
        // Jobs queue faster than they finish (keystrokes): one that was superseded is not run.
        if (epoch != m_epoch->load())
            return;
        if (!m_connection) {
            Outcome<BranchConnection> opened = openBranchDatabase(m_path, m_branchCode);
            if (!opened.ok()) {
                task(nullptr, opened.failure); // and again at the next job
                return;
            }
            m_connection = std::move(*opened.value);
        }
        Context ctx = m_connection->context();
        task(&ctx, Failure{});
        if (!m_keep)
            m_connection.reset();
    }

private:
    const QString m_path, m_branchCode;
    const bool m_keep;
    std::shared_ptr<std::atomic<quint64>> m_epoch;
    std::optional<BranchConnection> m_connection;
};

Worker::Worker(const QString &databasePath, const QString &branchCode, const QString &name, Connection connection,
               QObject *parent)
    : QObject(parent), m_epoch(std::make_shared<std::atomic<quint64>>(0))
{
    m_side = new WorkerThreadSide(databasePath, branchCode, connection, m_epoch);
    m_side->moveToThread(&m_thread);
    // Deleted on its own thread when it ends, so the connection closes where it was opened.
    connect(&m_thread, &QThread::finished, m_side, &QObject::deleteLater);
    m_thread.setObjectName(name);
    m_thread.start();
}

Worker::~Worker()
{
    // Nothing more is delivered: queued jobs are skipped, the running one ends.
    m_epoch->store(~quint64(0));
    m_thread.quit();
    m_thread.wait();
}

void Worker::supersede()
{
    ++*m_epoch;
}

void Worker::post(quint64 epoch, WorkerTask task)
{
    QMetaObject::invokeMethod(
        m_side, [side = m_side, epoch, task = std::move(task)] { side->execute(epoch, task); }, Qt::QueuedConnection);
}

void Worker::deliver(quint64 epoch, std::function<void()> callback)
{
    QMetaObject::invokeMethod(
        this,
        [this, epoch, callback = std::move(callback)] {
            if (epoch == m_epoch->load())
                callback();
        },
        Qt::QueuedConnection);
}

} // namespace branch::ui
