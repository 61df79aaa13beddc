// The few reads behind the supervisor's dashboard (app/lifecycle/Dashboard): each one a
// single statement that an index answers, so that the figures stay quick at a million
// requests. Counts per status reuse countRequestsByStatus (Repository.h).
#pragma once

#include "Database.h"

#include "app/core/RequestStatus.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace branch::db
{

// A read transaction (BEGIN DEFERRED … COMMIT): the reads inside it see one state of the
// database, and in WAL mode writers are not held up (Transaction takes the write lock).
class ReadTransaction
{
public:
    explicit ReadTransaction(Database &db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

private:
    Database &m_db;
};

// How many audit entries of `action` each actor wrote in [from, to) (UTC instants), and
// whether the actor is one of this branch's staff logins (else "verifier", "portal", …).
struct ActorCount {
    QString actor;
    qint64 count = 0;
    bool isStaff = false;
};
QList<ActorCount> countAuditActionByActor(Database &db, const QString &action, const QDateTime &from,
                                          const QDateTime &to);

// The submission time of the oldest request with this status; invalid when there is none.
QDateTime oldestSubmittedWithStatus(Database &db, RequestStatus status);

// When the oldest change still waiting in the outbox was written; invalid when it is empty.
QDateTime oldestOutboxTime(Database &db);

} // namespace branch::db
