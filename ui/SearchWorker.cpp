// The applicant search off the UI thread (see SearchWorker.h).
#include "SearchWorker.h"

#include "app/lifecycle/Counter.h"
#include "db/Database.h"

namespace branch::ui
{

SearchWorker::SearchWorker(QString databasePath, QString branchCode, std::shared_ptr<std::atomic<quint64>> latest)
    : m_path(std::move(databasePath)), m_branchCode(std::move(branchCode)), m_latest(std::move(latest))
{
}

// Runs on the worker thread (deleteLater after the thread's event loop ended), so the
// connection is closed on the thread that opened it.
SearchWorker::~SearchWorker() = default;

bool SearchWorker::ensureOpen(QString *error)
{
    if (m_db)
        return true;
    db::DbError e;
    m_db = db::Database::open(m_path, db::Database::OpenMode::MustExist, &e);
    if (!m_db)
        *error = describeDbError(e);
    return bool(m_db);
}

void SearchWorker::search(quint64 generation, const QString &text, const QString &status, int limit)
{
    // Keystrokes queue faster than queries finish: only the newest one is worth running.
    if (generation != m_latest->load())
        return;
    QString error;
    if (!ensureOpen(&error)) {
        emit finished(generation, {}, error);
        return;
    }
    Context ctx{*m_db, m_branchCode};
    auto r = searchApplicants(ctx, text, status, limit);
    if (!r.ok()) {
        emit finished(generation, {}, r.failure.message());
        return;
    }
    emit finished(generation, *r.value, {});
}

} // namespace branch::ui
