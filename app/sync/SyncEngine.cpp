// The sync engine: push, then pull (see SyncEngine.h). SQL lives in db/SyncRepository
// (the branch) and db/CentralSync (the central database).
#include "SyncEngine.h"

#include "CentralAdmin.h"
#include "app/lifecycle/Admin.h"
#include "app/lifecycle/Staff.h"
#include "app/security/AuditChain.h"
#include "app/security/Random.h"
#include "db/AuditRepository.h"
#include "db/CentralAudit.h"
#include "db/CentralSync.h"
#include "db/MetaRepository.h"
#include "db/SyncRepository.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>
#include <variant>

namespace branch
{

namespace
{

constexpr int kPushBatch = 2000;
constexpr int kPullPage = 5000;
const QString kCursorKey = QStringLiteral("sync_cursor");

// What a branch pulls (of the persons it holds): the requests and accounts and the
// reference data; of the SMS only its own (the branch sends them: those its applicants'
// central decisions queued), and its own review proposals (made at its other desks).
// Recoveries stay with the counter that started them.
db::PullFilter pullFilter(const QString &branchCode, const QString &echoTag)
{
    return {{QStringLiteral("requests"), QStringLiteral("accounts"), QStringLiteral("registry_persons"),
             QStringLiteral("mobile_owners")},
            {QStringLiteral("sms_messages"), QStringLiteral("review_proposals")},
            branchCode,
            echoTag};
}

void crashPointForTests([[maybe_unused]] const char *stage)
{
#ifdef BRANCHDESK_TEST_HOOKS // a test build only: the .deb's programs have no crash points
    static const QByteArray wanted = qgetenv("BRANCHDESK_SYNC_CRASH_AFTER");
    if (!wanted.isEmpty() && wanted == stage)
        _exit(9);
#endif
}

// Reads the central change log page by page in a thread of its own, with its own
// connection, one page ahead of the branch that applies them (the central database renders
// and sends page N+1 while the branch writes page N).
class PageFetcher
{
public:
    PageFetcher(const db::CentralUrl &url, const QString &branch, const db::PullFilter &filter, qint64 after)
        : m_thread([this, url, branch, filter, after] { run(url, branch, filter, after); })
    {
    }
    ~PageFetcher()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    // The next page (empty at the end of the log); throws what the central database answered.
    QList<db::CentralChange> next()
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_page.has_value() || m_error.has_value(); });
        if (m_error)
            throw db::DbException(*m_error);
        QList<db::CentralChange> page = std::move(*m_page);
        m_page.reset();
        m_wake.notify_all();
        return page;
    }

private:
    void run(const db::CentralUrl &url, const QString &branch, const db::PullFilter &filter, qint64 cursor)
    {
        try {
            db::DbError openError;
            auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &openError);
            if (!central)
                throw db::DbException(openError);
            central->actAsBranch(branch);
            for (;;) {
                QList<db::CentralChange> page = db::centralChangesAfter(*central, cursor, filter, kPullPage);
                const bool last = page.size() < kPullPage;
                if (!page.isEmpty())
                    cursor = page.last().seq;
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stop || !m_page.has_value(); });
                if (m_stop)
                    return;
                m_page = std::move(page);
                m_wake.notify_all();
                if (last)
                    return;
            }
        } catch (const db::DbException &e) {
            std::lock_guard lock(m_mutex);
            m_error = e.error();
        }
        m_wake.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<QList<db::CentralChange>> m_page;
    std::optional<db::DbError> m_error;
    bool m_stop = false;
    std::thread m_thread; // last: started once the members above exist
};

// Pull: each page and the cursor in one local transaction; applying is idempotent.
// *atCentral tells the caller which side a storage error came from.
void pull(Context &ctx, const db::CentralUrl &url, SyncResult *result, bool *atCentral, const QString &echoTag = {})
{
    const qint64 cursor = db::metaValue(ctx.db, kCursorKey).toLongLong();
    const auto indexNames = [&ctx] {
        db::Transaction tx(ctx.db);
        if (db::indexPendingNames(ctx.db))
            tx.commit();
    };
    *atCentral = false;
    indexNames(); // what a crashed pull left
    PageFetcher fetcher(url, ctx.branchCode, pullFilter(ctx.branchCode, echoTag), cursor);
    for (;;) {
        *atCentral = true;
        const auto page = fetcher.next();
        *atCentral = false;
        if (page.isEmpty())
            break;
        db::Transaction tx(ctx.db);
        result->pulled += db::applyCentralChanges(ctx.db, page);
        db::setMetaValue(ctx.db, kCursorKey, QString::number(page.last().seq));
        tx.commit();
        crashPointForTests("pull_page");
        if (page.size() < kPullPage)
            break;
    }
    if (db::metaValue(ctx.db, kCursorKey).isEmpty()) { // synced once, even from an empty log (verifyPending reads it)
        db::Transaction tx(ctx.db);
        db::setMetaValue(ctx.db, kCursorKey, QString::number(cursor));
        tx.commit();
    }
    indexNames();
}

// Applies push batches at the central database in a thread of its own, with its own
// connection (a Qt SQL connection belongs to one thread), so that the branch stamps and
// reads the next batch while the central database applies the current one. One batch at a
// time, in order.
class PushWorker
{
public:
    PushWorker(const db::CentralUrl &url, const QString &branch, const QDateTime &now, const QString &echoTag)
        : m_thread([this, url, branch, now, echoTag] { run(url, branch, now, echoTag); })
    {
    }
    ~PushWorker()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    void send(const QString &batchId, db::PreparedPush changes)
    {
        {
            std::lock_guard lock(m_mutex);
            m_job = Job{batchId, std::move(changes)};
        }
        m_wake.notify_all();
    }
    // The outcome of the batch sent last; throws what the central database answered.
    db::BatchOutcome receive()
    {
        db::PreparedPush spent; // freed here, off the worker's path
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_outcome.has_value() || m_error.has_value(); });
        std::swap(spent, m_spent);
        if (m_error)
            throw db::DbException(*m_error);
        const db::BatchOutcome out = *m_outcome;
        m_outcome.reset();
        lock.unlock();
        return out;
    }

private:
    struct Job {
        QString batchId;
        db::PreparedPush changes;
    };

    void run(const db::CentralUrl &url, const QString &branch, const QDateTime &now, const QString &echoTag)
    {
        // Connected while the first batch is still being read (an error waits for it).
        std::unique_ptr<db::CentralDatabase> central;
        std::optional<db::DbError> openError;
        try {
            db::DbError error;
            central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &error);
            if (!central)
                throw db::DbException(error);
            central->actAsBranch(branch);
        } catch (const db::DbException &e) {
            central.reset();
            openError = e.error();
        }
        for (;;) {
            Job job;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stop || m_job.has_value(); });
                if (m_stop)
                    return;
                job = std::move(*m_job);
                m_job.reset();
            }
            std::optional<db::BatchOutcome> outcome;
            std::optional<db::DbError> error;
            try {
                if (openError)
                    throw db::DbException(*openError);
                outcome = db::applyPushBatch(*central, job.batchId, branch, job.changes, now, echoTag);
            } catch (const db::DbException &e) {
                error = e.error();
            }
            {
                std::lock_guard lock(m_mutex);
                m_outcome = outcome;
                m_error = error;
                m_spent = std::move(job.changes);
            }
            m_wake.notify_all();
            if (error)
                return;
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Job> m_job;
    std::optional<db::BatchOutcome> m_outcome;
    std::optional<db::DbError> m_error;
    db::PreparedPush m_spent; // the batch applied last, for the caller's thread to free
    bool m_stop = false;
    std::thread m_thread; // last: started once the members above exist
};

// The next batch to push (stamped before anything is sent), laid out for the central
// database (db::preparePush, here rather than on the worker, which waits for the central
// database in between); empty when the outbox has nothing more (beside `inFlight`).
QString claimBatch(Context &ctx, const QString &inFlight, bool postgres, db::PreparedPush *batch)
{
    QList<db::OutboxRow> rows;
    QString batchId;
    {
        db::Transaction tx(ctx.db);
        batchId = db::claimOutboxBatch(ctx.db, kPushBatch, security::newUuidV4(), &rows, inFlight);
        tx.commit();
    }
    QList<db::PushedChange> changes;
    changes.reserve(rows.size());
    for (auto &r : rows)
        changes << db::PushedChange{r.table, r.rowId, r.baseVersion, r.newVersion, std::move(r.payload)};
    *batch = db::preparePush(std::move(changes), postgres);
    return rows.isEmpty() ? QString() : batchId;
}

// This database's audit chain at the central (central schema 7): the central's last entry
// of the chain must be in the local log, and the log intact up to its end (whoever edits,
// cuts or re-anchors it is refused here, before anything is pushed, and the central keeps
// an alert); then the entries after it go up (AuditUpload), which the central takes only as
// the chain's continuation. A refusal: audit.anchor_mismatch.
struct AuditUpload {
    QString chainId;
    db::AuditHead head;
    qint64 localLast = 0;
    QList<db::AuditRecord> entries; // after the head
};

Failure auditMismatch(const QString &why)
{
    return Failure::rule(QStringLiteral("audit"), QStringLiteral("audit.anchor_mismatch"),
                         Services::tr("The audit log of this desk does not continue the copy the central "
                                      "database holds: %1 It was edited, cut short or replaced; nothing was "
                                      "sent, and head office has been told.")
                             .arg(why));
}

std::variant<Failure, AuditUpload> checkAuditAnchor(Context &ctx, db::CentralDatabase &central, const QDateTime &now)
{
    AuditUpload up;
    up.chainId = auditChainId(ctx);
    up.head = db::centralAuditHead(central, up.chainId, now);
    const QList<db::AuditRecord> log = db::auditLog(ctx.db);
    up.localLast = log.isEmpty() ? 0 : log.last().seq;
    const security::ChainCheck check = security::verifyChain(chainEntriesOf(log), up.head.hash, up.head.seq);
    if (!check.ok) {
        const qint64 atSeq = up.head.seq > 0 ? up.head.seq : check.firstBadSeq;
        const QString localHash = atSeq > 0 && atSeq <= log.size() ? log.at(atSeq - 1).hash : QString();
        db::recordAuditAlert(central, up.chainId, up.head, up.localLast, localHash,
                             check.code + QStringLiteral(" at entry ") + QString::number(check.firstBadSeq), now);
        return auditMismatch(check.reason);
    }
    for (const db::AuditRecord &a : log)
        if (a.seq > up.head.seq)
            up.entries << a;
    return up;
}

// Sends `up`'s entries (2000 a call; also none, which records the good check). The
// central's refusal (a chain that moved since the head was read): the alert and the failure.
std::optional<Failure> uploadAudit(db::CentralDatabase &central, const AuditUpload &up, const QDateTime &now)
{
    try {
        constexpr qsizetype kPerCall = 2000;
        qsizetype from = 0;
        do {
            db::pushAuditEntries(central, up.chainId, up.entries.mid(from, kPerCall), now);
            from += kPerCall;
        } while (from < up.entries.size());
    } catch (const db::DbException &e) {
        if (e.error().kind == db::DbError::Kind::Forbidden &&
            e.error().detail.contains(QLatin1String("audit.anchor_mismatch"))) {
            db::recordAuditAlert(central, up.chainId, up.head, up.localLast, QString(), e.error().detail.left(200),
                                 now);
            return auditMismatch(
                e.error().detail.section(QLatin1String("audit.anchor_mismatch: "), 1).section(QLatin1Char('\n'), 0, 0));
        }
        throw;
    }
    return std::nullopt;
}

// On PostgreSQL the upload runs beside the row push, on a connection of its own (the two
// are independent once the local log is checked); SQLite's one writer takes it first.
class AuditUploader
{
public:
    AuditUploader(const db::CentralUrl &url, const QString &branch, AuditUpload up, const QDateTime &now)
        : m_thread([this, url, branch, up = std::move(up), now] {
              try {
                  db::DbError error;
                  auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &error);
                  if (!central)
                      throw db::DbException(error);
                  central->actAsBranch(branch);
                  m_refused = uploadAudit(*central, up, now);
              } catch (const db::DbException &e) {
                  m_error = e.error();
              }
          })
    {
    }
    ~AuditUploader()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    // Waits for the upload: its refusal, or throws its storage error.
    std::optional<Failure> finish()
    {
        m_thread.join();
        if (m_error)
            throw db::DbException(*m_error);
        return m_refused;
    }

private:
    std::optional<Failure> m_refused;
    std::optional<db::DbError> m_error;
    std::thread m_thread; // last: started once the members above exist
};

} // namespace

QString auditChainId(Context &ctx)
{
    QString id = db::metaValue(ctx.db, QStringLiteral("audit_chain_id"));
    if (id.isEmpty()) {
        id = security::newUuidV4();
        db::Transaction tx(ctx.db);
        db::setMetaValue(ctx.db, QStringLiteral("audit_chain_id"), id);
        tx.commit();
    }
    return id;
}

std::unique_ptr<db::CentralDatabase> openAsBranch(Context &ctx, const db::CentralUrl &url, Failure *failure)
{
    db::DbError error;
    auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &error);
    if (!central) {
        *failure = centralFailure(error);
        return nullptr;
    }
    try {
        central->actAsBranch(ctx.branchCode);
    } catch (const db::DbException &e) {
        *failure = centralFailure(e.error());
        return nullptr;
    }
    return central;
}

Outcome<SyncResult> syncWithCentral(Context &ctx, const db::CentralUrl &url, const QDateTime &now)
{
    Failure failure;
    auto central = openAsBranch(ctx, url, &failure);
    if (!central)
        return failure;
    SyncResult result;
    bool atCentral = true; // which side a storage error came from
    // This run's tag on what its push writes, so that its pull skips its own echo (a
    // run, not the branch: another database of the same branch pulls everything).
    const QString echoTag = security::newUuidV4();
    try {
        // On PostgreSQL the push worker (and its connection) starts while the log is
        // checked; it sends nothing until it is given a batch. SQLite's one writer first
        // takes the audit entries, then the worker connects.
        const bool postgres = url.dialect == db::CentralUrl::Dialect::PostgreSQL;
        std::optional<PushWorker> pushing;
        const auto startPushing = [&] {
            if (!pushing && db::outboxCount(ctx.db) > 0)
                pushing.emplace(url, ctx.branchCode, now, echoTag);
        };
        if (postgres)
            startPushing();
        // The audit chain first: a desk whose log does not continue the central's copy
        // pushes nothing. Its new entries go up beside the rows (PostgreSQL) or first.
        auto anchored = checkAuditAnchor(ctx, *central, now);
        if (auto *refused = std::get_if<Failure>(&anchored))
            return *refused;
        std::optional<AuditUploader> uploading;
        if (postgres)
            uploading.emplace(url, ctx.branchCode, std::get<AuditUpload>(std::move(anchored)), now);
        else if (auto refused = uploadAudit(*central, std::get<AuditUpload>(anchored), now))
            return *refused;

        // Push: the batch id is stored with the rows before anything is sent; the next
        // batch is stamped and read while the central database applies the current one,
        // and goes to the worker as soon as that one is committed; a batch leaves the
        // outbox only once the central database committed it.
        atCentral = false;
        db::PreparedPush changes;
        startPushing(); // the worker connects while the first batch is read
        QString batchId = claimBatch(ctx, {}, postgres, &changes);
        if (!batchId.isEmpty()) {
            if (!pushing)
                pushing.emplace(url, ctx.branchCode, now, echoTag);
            PushWorker &worker = *pushing;
            crashPointForTests("batch_stamped");
            worker.send(batchId, std::move(changes));
            while (!batchId.isEmpty()) {
                db::PreparedPush next;
                const QString nextId = claimBatch(ctx, batchId, postgres, &next);
                atCentral = true;
                const db::BatchOutcome applied = worker.receive();
                crashPointForTests("central_commit");
                atCentral = false;
                if (!nextId.isEmpty())
                    worker.send(nextId, std::move(next)); // applied while this one leaves the outbox
                {
                    db::Transaction tx(ctx.db);
                    db::deleteOutboxBatch(ctx.db, batchId);
                    tx.commit();
                }
                result.pushed += applied.applied;
                result.conflicts += applied.conflicts;
                batchId = nextId;
            }
        }
        pushing.reset();
        if (uploading) {
            atCentral = true;
            if (auto refused = uploading->finish())
                return *refused;
        }

        pull(ctx, url, &result, &atCentral, echoTag);
    } catch (const db::DbException &e) {
        return atCentral ? centralFailure(e.error()) : Failure::environment(e.error());
    }
    return result;
}

Outcome<QList<db::ConflictRecord>> listConflicts(Context &ctx, const db::CentralUrl &url)
{
    Failure failure;
    auto central = openAsBranch(ctx, url, &failure);
    if (!central)
        return failure;
    try {
        return db::openConflicts(*central, ctx.branchCode);
    } catch (const db::DbException &e) {
        return centralFailure(e.error());
    }
}

Outcome<SyncResult> resolveConflict(Context &ctx, const db::CentralUrl &url, const QString &conflictId, bool keepLocal,
                                    const QString &staffLogin, QString &staffPassword, const QDateTime &now)
{
    const auto session = authenticateFor(ctx, staffLogin, staffPassword, StaffPermission::ReviewMismatch, now);
    if (!session.ok())
        return session.failure;
    return resolveConflict(ctx, url, conflictId, keepLocal, *session.value, now);
}

Outcome<SyncResult> resolveConflict(Context &ctx, const db::CentralUrl &url, const QString &conflictId, bool keepLocal,
                                    const StaffSession &session, const QDateTime &now)
{
    const auto staff = sessionStaff(ctx, session, StaffPermission::ReviewMismatch);
    if (!staff.ok())
        return staff.failure;
    Failure failure;
    auto central = openAsBranch(ctx, url, &failure);
    if (!central)
        return failure;
    SyncResult result;
    bool atCentral = true;
    try {
        db::ConflictRecord c;
        if (!db::resolveConflict(*central, conflictId, ctx.branchCode, keepLocal, staff.value->login, now, &c))
            return Failure::notFound(QStringLiteral("conflict_id"), QStringLiteral("conflict.not_found"),
                                     Services::tr("There is no open conflict of this branch with this id."));
        atCentral = false;
        {
            db::Transaction tx(ctx.db);
            recordAudit(ctx,
                        {staff.value->login,
                         QStringLiteral("conflict.resolve"),
                         c.localPayload.value(QStringLiteral("national_code")).toString(),
                         {{QStringLiteral("conflict_id"), c.id},
                          {QStringLiteral("table"), c.table},
                          {QStringLiteral("row_id"), c.rowId},
                          {QStringLiteral("keep"), keepLocal ? QStringLiteral("local") : QStringLiteral("central")}}},
                        now);
            tx.commit();
        }
        // The decision reached the central row with a new version: bring it here now.
        pull(ctx, url, &result, &atCentral);
    } catch (const db::DbException &e) {
        return atCentral ? centralFailure(e.error()) : Failure::environment(e.error());
    }
    return result;
}

} // namespace branch
