// The supervisor review queue (four eyes): review list, review propose, review approve.
#include "Commands.h"
#include "Json.h"
#include "JsonInput.h"
#include "Output.h"

#include "app/lifecycle/Review.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/SyncEngine.h"

#include <algorithm>

namespace branch::cli
{

namespace
{

// Identity-mismatch cases, and with --central this branch's sync conflicts, oldest first.
class ReviewList : public BranchCommand
{
public:
    ReviewList()
    {
        path = {QStringLiteral("review"), QStringLiteral("list")};
        summary = QT_TRANSLATE_NOOP("branch::Cli", "The supervisor review queue, oldest first: identity-mismatch "
                                                   "requests beside the registry's reference, with any proposal "
                                                   "waiting; with --central also this branch's sync conflicts.");
        options = {{"central", true, help::centralUrl}};
        access = Access::Supervisor;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        const auto cases = reviewQueue(*ctx);
        if (!cases.ok())
            return fail(cases.failure);
        QList<std::pair<QString, QJsonObject>> items; // (since, item)
        for (const auto &c : *cases.value)
            items.append({isoOut(c.since), reviewCaseJson(c)});
        if (inv.has("central")) {
            const auto url = parseCentralUrl(inv.opt("central"));
            if (!url.ok())
                return fail(url.failure);
            const auto conflicts = listConflicts(*ctx, *url.value);
            if (!conflicts.ok())
                return fail(conflicts.failure);
            for (const auto &c : *conflicts.value)
                items.append({c.createdAt, conflictReviewJson(c)});
        }
        // ISO UTC times of one format sort as text.
        std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QJsonArray out;
        for (const auto &i : items)
            out.append(i.second);
        printJson(out);
        return Done;
    }
};

// The supervisor's password is stdin's first line; a correction's fields (JSON) follow.
class ReviewPropose : public BranchCommand
{
public:
    ReviewPropose()
    {
        path = {QStringLiteral("review"), QStringLiteral("propose")};
        args = "NATIONAL_CODE";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Propose a decision on an identity-mismatch request (another "
                                                   "supervisor approves it): supervisor password on the first line "
                                                   "of standard input, then for a correction the corrected fields "
                                                   "as JSON.");
        options = {{"kind", true, QT_TRANSLATE_NOOP("branch::Cli", "correct, send_back or reject."), true},
                   {"reason", true, QT_TRANSLATE_NOOP("branch::Cli", "Why (required for reject).")}};
        minPositional = maxPositional = 1;
        access = Access::Supervisor;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        const auto kind = reviewKindFromName(inv.opt("kind"));
        if (!kind)
            return usageError(Cli::tr("--kind must be correct, send_back or reject."));
        const QString rest = readStdin();
        ReviewProposalInput in;
        in.kind = *kind;
        in.reason = inv.opt("reason");
        // Nothing after the password: no field to correct (the registry may have been fixed instead).
        if (*kind == ReviewKind::CorrectAndActivate && !rest.trimmed().isEmpty()) {
            Failure parseFailure;
            const auto doc = parseJsonInput(rest, &parseFailure);
            if (!doc || !doc->isObject())
                return fail(doc ? Failure::rule(QStringLiteral("corrections"),
                                                QStringLiteral("corrections.invalid_type"),
                                                Cli::tr("Give the corrected fields as one JSON object after the "
                                                        "password line."))
                                : parseFailure);
            in.corrections = doc->object();
        }
        auto r = proposeReview(*ctx, inv.positional.value(0), in, inv.staff, inv.now);
        if (!r.ok())
            return fail(r.failure);
        QJsonObject o = proposalJson(*r.value);
        o.insert(QStringLiteral("ok"), true);
        printJson(o);
        return Done;
    }
};

// The approving supervisor's password is stdin's first line.
class ReviewApprove : public BranchCommand
{
public:
    ReviewApprove()
    {
        path = {QStringLiteral("review"), QStringLiteral("approve")};
        args = "PROPOSAL_ID";
        summary = QT_TRANSLATE_NOOP("branch::Cli", "Approve another supervisor's proposal and apply it; supervisor "
                                                   "password on standard input.");
        minPositional = maxPositional = 1;
        access = Access::Supervisor;
    }
    int run(Invocation &inv, Context *ctx) const override
    {
        auto r = approveReview(*ctx, inv.positional.value(0), inv.staff, inv.now);
        if (!r.ok())
            return fail(r.failure);
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("proposal_id"), r.value->proposalId},
                              {QStringLiteral("request_id"), r.value->requestId},
                              {QStringLiteral("national_code"), r.value->nationalCode},
                              {QStringLiteral("status"), statusName(r.value->status)}});
        return Done;
    }
};

} // namespace

std::unique_ptr<Command> makeReviewList()
{
    return std::make_unique<ReviewList>();
}

std::unique_ptr<Command> makeReviewPropose()
{
    return std::make_unique<ReviewPropose>();
}

std::unique_ptr<Command> makeReviewApprove()
{
    return std::make_unique<ReviewApprove>();
}

} // namespace branch::cli
