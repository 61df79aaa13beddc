// Serving a person from another branch (issue 13, item 2): a person registered through one
// branch may go to any branch. When a clerk looks up a complete national code or mobile
// this branch does not hold, the branch fetches the person from the central database (the
// central records which branch, which staff login and when); from then on this branch
// holds the person, pulls their changes and its pushes for them are accepted.
// Partial text typed on the way never leaves the branch: only complete values are fetched.
#pragma once

#include "app/lifecycle/Service.h"
#include "app/lifecycle/Staff.h"
#include "db/CentralUrl.h"

#include <QStringList>

namespace branch
{

struct FetchResult {
    QStringList nationalCodes; // the persons now held (empty: the central knows none)
    int rows = 0;              // rows written to this branch's tables
};

// Fetches person `nationalCode` (any digits; must be a valid national code) for the signed-in
// clerk `staff`: at the central in one transaction, then here in one local transaction with
// an applicant.fetch audit entry. Failures: national_code.* (not a complete national code),
// national_code.not_found (the central knows no such person), central.unreachable (the person
// is not held here and the central database cannot be reached; Environment, nothing changed),
// central.* otherwise.
Outcome<FetchResult> fetchApplicant(Context &ctx, const db::CentralUrl &url, const QString &nationalCode,
                                    const StaffSession &staff, const QDateTime &now);

// The same for a complete mobile number (any digits): every person (at most five) whose
// account or live request at the central has it.
Outcome<FetchResult> fetchApplicantsByMobile(Context &ctx, const db::CentralUrl &url, const QString &mobile,
                                             const StaffSession &staff, const QDateTime &now);

// What a search of `text` may fetch: a complete national code or mobile number in its
// normalised form (kind "national_code" or "mobile"), or nothing for anything else (partial
// text, names).
struct FetchKey {
    QString kind, value;
};
std::optional<FetchKey> fetchKeyOf(const QString &text);

// Whether a search of `text` asks the central database: `text` is a complete national code
// or mobile (fetchKeyOf) and no person here matches it, whatever the search's status
// filter (a person held here in another status is not fetched again). The one rule the
// desk's lookup and `branchctl applicants search` share; false on a storage error (the
// search itself reports it).
bool searchShouldFetch(Context &ctx, const QString &text);

// Fetches what fetchKeyOf(text) names. NotFound when it names nothing fetchable.
Outcome<FetchResult> fetchForSearch(Context &ctx, const db::CentralUrl &url, const QString &text,
                                    const StaffSession &staff, const QDateTime &now);

} // namespace branch
