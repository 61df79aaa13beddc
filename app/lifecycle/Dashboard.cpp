// The supervisor's dashboard (see Dashboard.h).
//
// Activations per staff member come from the audit log, not from the requests or accounts
// rows: the audit entry "request.activated" is written in the activation's own transaction
// with the staff login that did it and the desk's time, it is append-only and chained, and
// it stays at the branch. A request row keeps only its last writer and last decision time
// (updated_by, decided_at), which a later change or a pulled central version overwrites,
// and an account's updated_by changes with every mobile change or reset. Activations the
// central verification made elsewhere reach the branch as rows, not as audit entries: they
// are nobody's work at this desk.
#include "Dashboard.h"

#include "db/DashboardRepository.h"
#include "db/RequestRepository.h"
#include "db/SyncRepository.h"

#include <algorithm>

namespace branch
{

QList<RequestStatus> waitingStatuses()
{
    return {RequestStatus::Submitted, RequestStatus::BranchActivationRequired, RequestStatus::IdentityMismatch};
}

Outcome<DashboardSnapshot> dashboardSnapshot(Context &ctx, const QDate &day, const QTimeZone &zone,
                                             const QDateTime &now)
{
    DashboardSnapshot s;
    s.branchCode = ctx.branchCode;
    s.day = day;
    // Midnight to midnight in the branch's zone (a day may be 23 or 25 hours where clocks move).
    s.dayStart = QDateTime(day, QTime(0, 0), zone).toUTC();
    s.dayEnd = QDateTime(day.addDays(1), QTime(0, 0), zone).toUTC();
    s.computedAt = now.toUTC();
    try {
        // Read in one transaction so that the figures agree with each other.
        db::ReadTransaction tx(ctx.db);
        const QMap<RequestStatus, qint64> counts = db::countRequestsByStatus(ctx.db);
        for (RequestStatus st : allStatuses()) {
            const qint64 n = counts.value(st);
            s.countsByStatus.insert(st, n);
            s.totalRequests += n;
        }
        for (RequestStatus st : waitingStatuses()) {
            s.waiting += s.countsByStatus.value(st);
            const QDateTime t = db::oldestSubmittedWithStatus(ctx.db, st);
            if (t.isValid() && (!s.oldestWaiting || t < s.oldestWaiting->submittedAt))
                s.oldestWaiting = WaitingCase{st, t, std::max<qint64>(0, t.secsTo(s.computedAt))};
        }
        const auto actors = db::countAuditActionByActor(
            ctx.db, QStringLiteral("request.") + statusName(RequestStatus::Activated), s.dayStart, s.dayEnd);
        for (const auto &a : actors) {
            if (a.isStaff) {
                s.activationsByStaff << StaffActivations{a.actor, a.count};
                s.staffActivations += a.count;
            } else {
                s.automaticActivations += a.count;
            }
        }
        std::sort(s.activationsByStaff.begin(), s.activationsByStaff.end(),
                  [](const StaffActivations &a, const StaffActivations &b) {
                      return a.count != b.count ? a.count > b.count : a.login < b.login;
                  });
        s.sync.queued = db::outboxCount(ctx.db);
        s.sync.oldestQueuedAt = db::oldestOutboxTime(ctx.db);
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
    return s;
}

Outcome<DashboardSnapshot> dashboardSnapshot(Context &ctx, const StaffSession &session, const QDate &day,
                                             const QTimeZone &zone, const QDateTime &now)
{
    auto staff = sessionStaff(ctx, session, StaffPermission::ReviewMismatch);
    if (!staff.ok())
        return staff.failure;
    return dashboardSnapshot(ctx, day, zone, now);
}

} // namespace branch
