// The states of a registration request and the transitions between them: the one place
// that says which change of status is allowed (DESIGN.md, "A registration request's life").
#pragma once

#include <QString>
#include <optional>

namespace branch
{

enum class RequestStatus {
    Submitted,
    Activated,
    BranchActivationRequired,
    IdentityMismatch,
    Expired,
    Superseded,
    Rejected,
};

QString statusName(RequestStatus s); // "branch_activation_required"
std::optional<RequestStatus> statusFromName(const QString &name);
QString statusLabel(RequestStatus s); // translated, for people
bool canTransition(RequestStatus from, RequestStatus to);
bool isFinal(RequestStatus s);

// A request older than this with no decision expires (the seed: "no SMS within 48 hours,
// register again").
constexpr qint64 kDecisionWindowSeconds = 48 * 3600;

} // namespace branch
