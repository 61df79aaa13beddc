// One applicant's case as the desk's applicant view and `branchctl applicants show` show it:
// the current request beside the civil-registry reference, which fields differ
// (app/core/Identity.h), the status, every request, the account, the history from the audit
// log and the SMS sent to them. Typed, so that widgets need no JSON and the CLI shapes its
// own (app/cli/Json.cpp); without secrets (no password or answer hashes leave this layer).
#pragma once

#include "Service.h"
#include "Staff.h"
#include "app/core/RequestStatus.h"

#include "app/core/Identity.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace branch
{

struct ApplicantHistoryEntry {
    QDateTime at;
    QString actor, action; // action as stored, e.g. "request.submit"
    QString details;       // the audit entry's details as stored: a JSON object, without secrets
};

// One of the person's requests: what was submitted and what became of it, without the
// password hash, the security answers and the names' stored matching forms.
struct ApplicantRequest {
    QString id, branchCode;
    int version = 1;
    QString nationalCode, mobile;
    IdentityFields identity;
    QString email;
    QStringList questionIds; // the security questions chosen, in order (their answers stay out)
    RequestStatus status = RequestStatus::Submitted;
    QDateTime submittedAt, decidedAt, updatedAt;
    QString updatedBy;
};

struct ApplicantAccount {
    QString id, mobile;
    QDateTime createdAt, updatedAt;
};

struct ApplicantSms {
    QDateTime at;
    QString mobile, kind, text, status; // status: queued / sent / failed; text as shown (sms::shownText)
};

struct ApplicantCase {
    QString nationalCode;
    QString requestId;                      // the current request's, one of `requests`
    IdentityFields request;                 // the current request (the newest if all are superseded)
    std::optional<IdentityFields> registry; // absent when the registry does not know the code
    QString fatherName;                     // the registry's; requests do not carry it
    QString mobile;                         // the number held now: the account's over the request's
    QString email;
    QDateTime submittedAt, decidedAt;
    RequestStatus status = RequestStatus::Submitted;
    bool hasAccount = false; // account.has_value()
    std::optional<ApplicantAccount> account;
    QList<ApplicantRequest> requests;     // all of the person's requests, newest first
    QStringList differing;                // identityDifferences(request, *registry); empty without registry
    QList<ApplicantHistoryEntry> history; // oldest first
    QList<ApplicantSms> sms;              // oldest first
};

// Rule failure for an invalid national code, NotFound when there is no request. The
// history leaves out the reads of the case (applicant.read): it says what happened to the
// person's case, the audit log says who looked at it.
Outcome<ApplicantCase> applicantCase(Context &ctx, const QString &nationalCode);

// A staff member opens the case (`branchctl applicants show`, the desk's applicant view):
// the session is re-read like every session action (counter rights: a clerk or a
// supervisor), the case read, and the read audited in its own transaction as
// "applicant.read": who (the staff login), whom (the national code), when (now). Search
// results are not audited person by person; opening one is.
Outcome<ApplicantCase> openApplicantCase(Context &ctx, const QString &nationalCode, const StaffSession &staff,
                                         const QDateTime &now);

} // namespace branch
