// What a clerk does for a person at the counter: find them, see their case, change the
// mobile number, reset the password or the security questions. Every change is
// authenticated with the clerk's login, in one transaction, audited.
#pragma once

#include "Service.h"
#include "Staff.h"

#include "app/core/Registration.h"
#include "app/core/SecurityQuestions.h"
#include "db/Records.h"

#include <QJsonObject>

namespace branch
{

// One row of an applicant search (the storage's record: the fields a result list shows).
using ApplicantRow = db::ApplicantRow;

enum class SearchKind {
    NationalCode, // a whole, valid national code
    Mobile,       // a whole mobile number, any form
    DigitsPrefix, // the first digits of a national code or a mobile, as a clerk types them
    TrackingCode, // a request's tracking code from a receipt (app/core/TrackingCode.h)
    Name,
    Empty
};

// Shorter digit prefixes than this are not searched (they would match a large part of the branch).
constexpr int kMinSearchPrefixDigits = 4;

// What the typed text is taken for: a valid national code, a mobile number (any form), a
// tracking code (checked, in any case, with or without its hyphen; *normalized gets its
// printed form "XXXX-XXXX"), the start of a code or mobile, or a name. Digits in any script;
// letters in Arabic or Persian forms.
SearchKind classifySearch(const QString &text, QString *normalized = nullptr);

// How many changes wait in the outbox for the central database (the desk's sync state).
Outcome<qint64> changesWaitingToSync(Context &ctx);

// How many requests are in each status (for the desk's overview).
Outcome<QMap<RequestStatus, qint64>> requestCountsByStatus(Context &ctx);

// The applicants the typed text finds (see classifySearch), at most `limit`. A tracking code
// finds every person with a request of that code (two, when two requests share it), then
// what the same text finds read as digits or a name (1 in 32 of 8-digit prefixes, and of
// 8-letter Latin words, also check as a code). With a
// `status` (a status name, e.g. "identity_mismatch"), only those whose current request has
// that status; the filter is applied by the query, so the limit counts matching rows.
Outcome<QList<ApplicantRow>> searchApplicants(Context &ctx, const QString &text, const QString &status = {},
                                              int limit = 50);
// Without a filter (the benchmark's call).
inline Outcome<QList<ApplicantRow>> searchApplicants(Context &ctx, const QString &text, int limit)
{
    return searchApplicants(ctx, text, QString(), limit);
}

// The account changes at the counter, in two forms: the desk's signed-in session, and
// the staff password carried by a branchctl command (authenticated first). Both check
// that the staff member's role allows counter actions.
Outcome<bool> changeMobile(Context &ctx, const QString &nationalCode, const QString &newMobile,
                           const StaffSession &staff, const QDateTime &now);
Outcome<bool> resetPasswordAtCounter(Context &ctx, const QString &nationalCode, const StaffSession &staff,
                                     QString password, QString passwordConfirm, const QDateTime &now);
Outcome<bool> resetQuestionsAtCounter(Context &ctx, const QString &nationalCode, const StaffSession &staff,
                                      QList<QuestionAnswer> questions, const QDateTime &now);
Outcome<bool> changeMobile(Context &ctx, const QString &nationalCode, const QString &newMobile,
                           const QString &staffLogin, QString staffPassword, const QDateTime &now);
Outcome<bool> resetPasswordAtCounter(Context &ctx, const QString &nationalCode, const QString &staffLogin,
                                     QString staffPassword, QString password, QString passwordConfirm,
                                     const QDateTime &now);
Outcome<bool> resetQuestionsAtCounter(Context &ctx, const QString &nationalCode, const QString &staffLogin,
                                      QString staffPassword, QList<QuestionAnswer> questions, const QDateTime &now);

// Password recovery at the branch when neither the SMS code nor the questions work: the
// clerk checked the identity documents (requiredActivationDocuments) in person, and the
// person types a new password, and/or chooses new security questions. One transaction:
// the account, the person's open online recoveries superseded, one audit entry
// "account.recovered_at_branch" (the documents and what was renewed, never the secrets),
// and the password notice SMS when the password changed. Every rule is checked first;
// a refusal changes nothing. The secrets are wiped.
struct BranchRecoveryInput {
    QStringList documents;
    bool newPassword = false;
    QString password, passwordConfirm;
    bool newQuestions = false;
    QList<QuestionAnswer> questions;
};
Outcome<bool> recoverAtCounter(Context &ctx, const QString &nationalCode, BranchRecoveryInput input,
                               const StaffSession &staff, const QDateTime &now);

// Registration for a person at the counter (the desk's registration wizard): the same
// submission as `branchctl register` (submitRegistration: every rule, a pending request of
// the same code superseded, nothing stored on refusal), by a signed-in staff member whose
// role still allows counter actions, who is the audit's actor. Returns the request id.
Outcome<QString> registerAtCounter(Context &ctx, RegistrationInput input, const StaffSession &staff,
                                   const QDateTime &now);

} // namespace branch
