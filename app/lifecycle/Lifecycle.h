// A registration request's life: submission, the central verification's decisions,
// activation at the counter. Each transition is one transaction with its audit entry,
// its outbox row and the seed's SMS where the seed has one.
#pragma once

#include "Service.h"
#include "Staff.h"
#include "app/core/RequestStatus.h"

#include "app/core/Registration.h"

#include <QStringList>

namespace branch
{

// Submits one request (all violations at once; a refused request stores nothing). A
// pending request of the same national code is superseded. Returns the request id.
Outcome<QString> submitRegistration(Context &ctx, RegistrationInput input, const QDateTime &now,
                                    const QString &actor = QStringLiteral("portal"));

struct Decision {
    QString requestId, nationalCode;
    RequestStatus outcome;
};

// Decides every submitted request against the civil-registry reference and the
// mobile-ownership data; requests pending longer than 48 hours expire.
// A request that would be activated while the person already holds an account (one that
// arrived by sync from another branch's registration) is left submitted and counted in
// *skipped, as the central verification does. So is a request without a civil-registry row
// at a branch that syncs (it holds its own persons' rows only, issue 13): the central
// verification, which has every row, decides it.
Outcome<QList<Decision>> verifyPending(Context &ctx, const QDateTime &now,
                                       const QString &actor = QStringLiteral("verifier"), int *skipped = nullptr);

// The documents a clerk must have seen before an in-person activation.
QStringList requiredActivationDocuments();
// Refuses a document list that lacks one of them (`missingMessage`, with %1 for the list
// of the missing ones) or names an unknown one. Also the check of a recovery at the branch.
Violations checkDocumentsSeen(const QStringList &documents, const QString &missingMessage);

// In-person activation of a request waiting for it (branch_activation_required), after
// the clerk checked the documents, by a signed-in staff member (the desk's session, or
// branchctl's sign-in); the role is checked.
Outcome<QString> activateAtCounter(Context &ctx, const QString &nationalCode, const StaffSession &staff,
                                   const QStringList &documents, const QDateTime &now);

// Refusal at the counter, with a reason (branch_activation_required → rejected).
Outcome<QString> refuseAtCounter(Context &ctx, const QString &nationalCode, const StaffSession &staff,
                                 const QString &reason, const QDateTime &now);

// The transitions themselves, for the other lifecycle services (the supervisor review,
// app/lifecycle/Review): in the caller's transaction, checked against the state table, with
// the audit entry and the outbox row (the whole request row, so corrected identity fields
// travel with the new status). activateRequest also creates the account and queues the
// seed's activation SMS.
void moveRequestTo(Context &ctx, db::RequestRecord &r, RequestStatus to, const QDateTime &now, const QString &actor,
                   const QJsonObject &details = {});
void activateRequest(Context &ctx, db::RequestRecord &r, const QDateTime &now, const QString &actor,
                     const QJsonObject &details = {});

// Security-question answers as stored: [{"question_id", "answer_hash"}] (normalised answers).
QString hashAnswers(const QList<QuestionAnswer> &answers);

} // namespace branch
