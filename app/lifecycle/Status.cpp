// The states of a registration request and the transitions between them.
#include "Status.h"

#include <QCoreApplication>

namespace branch
{

namespace
{
struct StatusInfo {
    RequestStatus status;
    const char *name;
    const char *label;
};
constexpr StatusInfo kStatuses[] = {
    {RequestStatus::Submitted, "submitted", QT_TRANSLATE_NOOP("branch::Status", "Pending verification")},
    {RequestStatus::Activated, "activated", QT_TRANSLATE_NOOP("branch::Status", "Active")},
    {RequestStatus::BranchActivationRequired, "branch_activation_required",
     QT_TRANSLATE_NOOP("branch::Status", "Activation at a branch required")},
    {RequestStatus::IdentityMismatch, "identity_mismatch", QT_TRANSLATE_NOOP("branch::Status", "Identity mismatch")},
    {RequestStatus::Expired, "expired", QT_TRANSLATE_NOOP("branch::Status", "Expired")},
    {RequestStatus::Superseded, "superseded", QT_TRANSLATE_NOOP("branch::Status", "Superseded by a newer request")},
    {RequestStatus::Rejected, "rejected", QT_TRANSLATE_NOOP("branch::Status", "Rejected")},
};

// from → allowed targets. Anything not listed is refused.
struct Edge {
    RequestStatus from, to;
};
constexpr Edge kEdges[] = {
    {RequestStatus::Submitted, RequestStatus::Activated},
    {RequestStatus::Submitted, RequestStatus::BranchActivationRequired},
    {RequestStatus::Submitted, RequestStatus::IdentityMismatch},
    {RequestStatus::Submitted, RequestStatus::Expired},
    {RequestStatus::Submitted, RequestStatus::Superseded},
    {RequestStatus::BranchActivationRequired, RequestStatus::Activated}, // documents seen at the counter
    {RequestStatus::BranchActivationRequired, RequestStatus::Rejected},  // refusal with a reason
    {RequestStatus::IdentityMismatch, RequestStatus::Activated},         // supervisor, four-eyes
    {RequestStatus::IdentityMismatch, RequestStatus::Rejected},
};
} // namespace

QString statusName(RequestStatus s)
{
    for (const auto &i : kStatuses)
        if (i.status == s)
            return QString::fromLatin1(i.name);
    return {};
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
    for (const auto &i : kStatuses)
        if (i.status == s)
            return QCoreApplication::translate("branch::Status", i.label);
    return {};
}

bool canTransition(RequestStatus from, RequestStatus to)
{
    for (const auto &e : kEdges)
        if (e.from == from && e.to == to)
            return true;
    return false;
}

bool isFinal(RequestStatus s)
{
    for (const auto &e : kEdges)
        if (e.from == s)
            return false;
    return true;
}

} // namespace branch
