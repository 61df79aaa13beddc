// A registration request's life (DESIGN.md, "A registration request's life"): its statuses,
// their stored names, the moves between them and the order in which the central sync merges
// two sides' statuses. The one home of these rules; storage and services use them from here.
#pragma once

#include <QList>
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

// Every status, in the order people see them listed (counts, filters).
const QList<RequestStatus> &allStatuses();

QString statusName(RequestStatus s);                              // "branch_activation_required", as stored and in JSON
std::optional<RequestStatus> statusFromName(const QString &name); // nothing for an unknown name
QString statusLabel(RequestStatus s);                             // translated, for people

// Whether a request may move from one status to the other (the only moves there are).
bool canMove(RequestStatus from, RequestStatus to);
bool isFinal(RequestStatus s); // no move leaves it

// Where a status stands in the request's life, for the sync's merge: when the branch and the
// central database disagree, the later stage wins; a supersession wins over everything
// pending. Two statuses of the same stage have no order (a conflict).
int mergeStage(RequestStatus s);

// A request older than this with no decision expires (the seed: "no SMS within 48 hours,
// register again").
constexpr qint64 kDecisionWindowSeconds = 48 * 3600;

} // namespace branch
