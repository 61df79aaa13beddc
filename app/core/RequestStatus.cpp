// A registration request's life: names, labels, moves and merge order (see RequestStatus.h).
#include "RequestStatus.h"

#include <QCoreApplication>

namespace branch
{

namespace
{
struct StatusInfo {
    RequestStatus status;
    const char *name;
    const char *label;
    int stage; // mergeStage
};
// The labels keep their context "branch::Status" (where they were first written), so that
// the translations did not move with them.
constexpr StatusInfo kStatuses[] = {
    {RequestStatus::Submitted, "submitted", QT_TRANSLATE_NOOP("branch::Status", "Pending verification"), 0},
    {RequestStatus::Activated, "activated", QT_TRANSLATE_NOOP("branch::Status", "Active"), 2},
    {RequestStatus::BranchActivationRequired, "branch_activation_required",
     QT_TRANSLATE_NOOP("branch::Status", "Activation at a branch required"), 1},
    {RequestStatus::IdentityMismatch, "identity_mismatch", QT_TRANSLATE_NOOP("branch::Status", "Identity mismatch"), 1},
    {RequestStatus::Expired, "expired", QT_TRANSLATE_NOOP("branch::Status", "Expired"), 2},
    {RequestStatus::Superseded, "superseded", QT_TRANSLATE_NOOP("branch::Status", "Superseded by a newer request"), 3},
    {RequestStatus::Rejected, "rejected", QT_TRANSLATE_NOOP("branch::Status", "Rejected"), 2},
};

const StatusInfo *infoOf(RequestStatus s)
{
    for (const auto &i : kStatuses)
        if (i.status == s)
            return &i;
    return nullptr;
}

// from → to. Anything not listed is refused.
struct Move {
    RequestStatus from, to;
};
constexpr Move kMoves[] = {
    {RequestStatus::Submitted, RequestStatus::Activated},                // verification: all matches
    {RequestStatus::Submitted, RequestStatus::BranchActivationRequired}, // the mobile is not the person's
    {RequestStatus::Submitted, RequestStatus::IdentityMismatch},         // the registry disagrees
    {RequestStatus::Submitted, RequestStatus::Expired},                  // no decision in the window
    {RequestStatus::Submitted, RequestStatus::Superseded},               // registered again
    {RequestStatus::BranchActivationRequired, RequestStatus::Activated}, // documents seen at the counter
    {RequestStatus::BranchActivationRequired, RequestStatus::Rejected},  // refusal with a reason
    {RequestStatus::IdentityMismatch, RequestStatus::Activated},         // supervisor, four-eyes
    {RequestStatus::IdentityMismatch, RequestStatus::Rejected},          // refused or sent back
};
} // namespace

const QList<RequestStatus> &allStatuses()
{
    static const QList<RequestStatus> all = {RequestStatus::Submitted,        RequestStatus::BranchActivationRequired,
                                             RequestStatus::IdentityMismatch, RequestStatus::Activated,
                                             RequestStatus::Expired,          RequestStatus::Superseded,
                                             RequestStatus::Rejected};
    return all;
}

QString statusName(RequestStatus s)
{
    const auto *i = infoOf(s);
    return i ? QString::fromLatin1(i->name) : QString();
}

std::optional<RequestStatus> statusFromName(const QString &name)
{
    for (const auto &i : kStatuses)
        if (name == QLatin1String(i.name))
            return i.status;
    return std::nullopt;
}

QString statusLabel(RequestStatus s)
{
    const auto *i = infoOf(s);
    return i ? QCoreApplication::translate("branch::Status", i->label) : QString();
}

bool canMove(RequestStatus from, RequestStatus to)
{
    for (const auto &m : kMoves)
        if (m.from == from && m.to == to)
            return true;
    return false;
}

bool isFinal(RequestStatus s)
{
    for (const auto &m : kMoves)
        if (m.from == s)
            return false;
    return true;
}

int mergeStage(RequestStatus s)
{
    const auto *i = infoOf(s);
    return i ? i->stage : -1;
}

} // namespace branch
