// Work off the UI thread, for every page and controller that has some (search, dashboard,
// review queue, sync, SMS): one worker thread with its own connection to the branch
// database (openBranchDatabase; a connection is used only on the thread that opened it),
// jobs run there one at a time in the order given, and each job's result comes back on the
// owner's thread through its callback. supersede() drops what was asked before: queued jobs
// are skipped and the running one's result is not delivered. Destroying the Worker waits
// for the running job and skips the queued ones; no callback comes after it.
#pragma once

#include "app/lifecycle/Service.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>

namespace branch::ui
{

class WorkerThreadSide;
// One job as the worker thread runs it: `ctx` null when the connection did not open.
using WorkerTask = std::function<void(Context *ctx, const Failure &notOpened)>;

class Worker : public QObject
{
    Q_OBJECT

public:
    enum class Connection {
        Kept,   // opened at the first job and kept for the next ones (frequent, small jobs)
        PerJob, // opened for each job and closed after it
    };

    // `branchCode` empty: the one stored in the database. `name` names the thread.
    Worker(const QString &databasePath, const QString &branchCode, const QString &name, Connection connection,
           QObject *parent = nullptr);
    ~Worker() override;

    // Runs `job(Context &)` on the worker thread, returning an Outcome; then `done(outcome)`
    // on this object's thread, unless superseded meanwhile. The connection's opening failure
    // and storage exceptions come to `done` as an Environment failure.
    template <class Job, class Done>
    void run(Job job, Done done)
    {
        using Result = std::invoke_result_t<Job &, Context &>;
        const quint64 epoch = m_epoch->load();
        post(epoch, [this, epoch, job = std::move(job), done = std::move(done)](Context *ctx,
                                                                                const Failure &notOpened) mutable {
            Result out = ctx ? catchingStorageErrors([&] { return job(*ctx); }) : Result(notOpened);
            deliver(epoch, [done, out] { done(out); });
        });
    }

    // What was asked so far answers an older question: queued jobs are skipped, the running
    // one's result is dropped.
    void supersede();

private:
    void post(quint64 epoch, WorkerTask task);
    // From the worker thread: `callback` on this object's thread if `epoch` is still current.
    void deliver(quint64 epoch, std::function<void()> callback);

    QThread m_thread;
    WorkerThreadSide *m_side; // lives on m_thread
    std::shared_ptr<std::atomic<quint64>> m_epoch;
};

} // namespace branch::ui
