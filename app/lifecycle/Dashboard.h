// The supervisor's dashboard and daily report, without widgets: for one day of the branch
// (local time), how many requests are in each status, how many activations each staff
// member made, how long the oldest waiting case has waited, and what waits to be synced.
// The desk computes it on a worker thread with its own connection; `branchctl report
// daily` prints it as JSON (app/cli/Json.cpp). It carries no applicant's personal data: counts, staff logins
// and times only.
#pragma once

#include "Service.h"
#include "Staff.h"
#include "app/core/RequestStatus.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QTimeZone>

#include <optional>

namespace branch
{

// "Waiting" means a request on which somebody still has to act, and whose person has no
// answer yet: submitted (waits for the verification), branch_activation_required (waits for
// the person to bring the documents to the counter) and identity_mismatch (waits for a
// supervisor's review). Decided requests (activated, rejected, expired) and superseded ones
// do not wait. A case's age counts from its submission: that is how long the person has
// been waiting, whichever step the request is at.
QList<RequestStatus> waitingStatuses();

struct StaffActivations {
    QString login;
    qint64 count = 0;
};

struct WaitingCase {
    RequestStatus status = RequestStatus::Submitted;
    QDateTime submittedAt; // UTC
    qint64 ageSeconds = 0; // now - submittedAt, never negative
};

// What the branch's own database knows about sync. Whether the central database answered
// and the last run's time and error live in the desk's SyncController (this process), so
// the desk adds them; a report from branchctl leaves them unknown.
struct SyncHealth {
    qint64 queued = 0;        // changes waiting in the outbox
    QDateTime oldestQueuedAt; // when the oldest of them was made (UTC); invalid when none
    bool known = false;       // the fields below were filled in by the desk
    bool configured = false;  // a central database is set up
    bool online = false;      // the last run reached it
    QDateTime lastSuccess;    // UTC; invalid: this database never synced
    QString lastError;        // translated, empty after a success
};

struct DashboardSnapshot {
    QString branchCode;
    QDate day;                                  // the branch's local day reported (Gregorian; shown in Jalali)
    QDateTime dayStart, dayEnd;                 // [dayStart, dayEnd) as UTC instants
    QDateTime computedAt;                       // the `now` it was computed for (UTC)
    QMap<RequestStatus, qint64> countsByStatus; // every status, zeros included
    qint64 totalRequests = 0;
    // Activations of the day by staff members (the counter's activations, a supervisor's
    // approved reviews), most first, then by login. From the audit log (see Dashboard.cpp).
    QList<StaffActivations> activationsByStaff;
    qint64 staffActivations = 0;     // their sum
    qint64 automaticActivations = 0; // of the day by the verification (actor "verifier", …)
    qint64 waiting = 0;              // requests in the waiting statuses
    std::optional<WaitingCase> oldestWaiting;
    SyncHealth sync;
};

// The snapshot of `day` in the time zone `zone` (the desk passes the system's; at the
// branches that is Asia/Tehran), computed at `now`. Storage failures → Environment.
Outcome<DashboardSnapshot> dashboardSnapshot(Context &ctx, const QDate &day, const QTimeZone &zone,
                                             const QDateTime &now);
// The desk's form: only for a signed-in supervisor (StaffPermission::ReviewMismatch),
// re-read from the database like every session action.
Outcome<DashboardSnapshot> dashboardSnapshot(Context &ctx, const StaffSession &session, const QDate &day,
                                             const QTimeZone &zone, const QDateTime &now);

} // namespace branch
