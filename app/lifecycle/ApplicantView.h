// One applicant's case as the applicant view shows it: the current request beside the
// civil-registry reference, which fields differ (app/core/Identity.h), the status, the
// history from the audit log and the SMS sent to them. Typed, so widgets need no JSON, and
// without secrets (no password or answer hashes leave this layer).
#pragma once

#include "Service.h"
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
};

struct ApplicantSms {
    QDateTime at;
    QString mobile, kind, text, status; // status: queued / sent / failed
};

struct ApplicantCase {
    QString nationalCode;
    QString requestId;
    IdentityFields request;                 // the current request (the newest if all are superseded)
    std::optional<IdentityFields> registry; // absent when the registry does not know the code
    QString fatherName;                     // the registry's; requests do not carry it
    QString mobile;                         // the number held now: the account's over the request's
    QString email;
    QDateTime submittedAt, decidedAt;
    RequestStatus status = RequestStatus::Submitted;
    bool hasAccount = false;
    QStringList differing;                // identityDifferences(request, *registry); empty without registry
    QList<ApplicantHistoryEntry> history; // oldest first
    QList<ApplicantSms> sms;              // oldest first
};

// Rule failure for an invalid national code, NotFound when there is no request.
Outcome<ApplicantCase> applicantCase(Context &ctx, const QString &nationalCode);

} // namespace branch
