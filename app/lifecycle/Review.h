// The supervisor review queue (issue 5): identity-mismatch requests, oldest first, each with
// the civil-registry reference beside it, and four-eyes decisions on them. One supervisor
// proposes (correct the identity fields from the documents seen and activate, send the
// person back to register again, or reject with a reason); another supervisor approves;
// nobody approves their own proposal. Both steps are audited (review.propose,
// review.approve); the approval changes the request in one transaction with its outbox row.
#pragma once

#include "Service.h"
#include "Staff.h"
#include "app/core/RequestStatus.h"

#include "db/ReviewRepository.h"

#include <QStringList>

namespace branch
{

enum class ReviewKind {
    CorrectAndActivate, // corrected identity fields must then match the registry; activates
    SendBack,           // → rejected: the person registers again (the seed's mismatch SMS says so)
    Reject,             // → rejected, with a reason (no SMS: the seed has none)
};
QString reviewKindName(ReviewKind k); // correct_and_activate | send_back | reject
// Also accepts the short "correct" of `branchctl review propose --kind`.
std::optional<ReviewKind> reviewKindFromName(const QString &name);
QString reviewKindLabel(ReviewKind k); // translated, for people

// The identity fields a correction may change, as the JSON keys of a proposal.
QStringList correctableFields(); // first_name, last_name, birth_cert_no, birth_date, gender

// One case of the queue.
struct ReviewCase {
    db::RequestRecord request;
    std::optional<db::RegistryPerson> reference;      // none when the registry has no row
    QStringList differences;                          // identityDifferences; every field when no reference
    std::optional<db::ReviewProposalRecord> proposal; // the one waiting for approval
    QDateTime since;                                  // when it entered the queue (the decision's time)
};

// The identity-mismatch requests still to decide (the person's current request, no
// account), oldest first.
Outcome<QList<ReviewCase>> reviewQueue(Context &ctx);

struct ReviewProposalInput {
    ReviewKind kind = ReviewKind::Reject;
    // correct_and_activate: {"first_name", "last_name", "birth_cert_no", "birth_date"
    // (Jalali, any digits), "gender"}; a missing key keeps the request's value.
    QJsonObject corrections;
    QString reason; // required for reject (at least 3 characters); optional otherwise
};

// A supervisor proposes a decision on the current identity-mismatch request of this
// national code. A correction is checked at once (each field's rule, then the corrected
// request must match the registry). A proposal still waiting on the same request is
// replaced. Returns the stored proposal (changes normalised: ISO birth date).
Outcome<db::ReviewProposalRecord> proposeReview(Context &ctx, const QString &nationalCode,
                                                const ReviewProposalInput &input, const StaffSession &staff,
                                                const QDateTime &now);
Outcome<db::ReviewProposalRecord> proposeReview(Context &ctx, const QString &nationalCode,
                                                const ReviewProposalInput &input, const QString &staffLogin,
                                                QString staffPassword, const QDateTime &now);

struct ReviewApproval {
    QString proposalId, requestId, nationalCode;
    RequestStatus status; // the request's new status
};

// Another supervisor approves a pending proposal: refused for its proposer
// (review.own_proposal), once decided (review.already_decided), when the request changed
// since (review.stale), or when corrected data no longer matches the registry
// (review.still_mismatch).
Outcome<ReviewApproval> approveReview(Context &ctx, const QString &proposalId, const StaffSession &staff,
                                      const QDateTime &now);
Outcome<ReviewApproval> approveReview(Context &ctx, const QString &proposalId, const QString &staffLogin,
                                      QString staffPassword, const QDateTime &now);

} // namespace branch
