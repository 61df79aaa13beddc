// The supervisor review queue and its four-eyes decisions (see Review.h).
#include "Review.h"

#include "Lifecycle.h"
#include "SmsTexts.h"
#include "Verification.h"

#include "app/core/JalaliDate.h"
#include "app/core/Names.h"
#include "app/core/NationalCode.h"
#include "app/core/PersianText.h"
#include "app/security/Random.h"
#include "db/AccountRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"
#include "db/SyncRepository.h"

#include <QJsonArray>
#include <algorithm>

namespace branch
{

namespace
{

struct KindInfo {
    ReviewKind kind;
    const char *name;
    const char *label;
};
constexpr KindInfo kKinds[] = {
    {ReviewKind::CorrectAndActivate, "correct_and_activate",
     QT_TRANSLATE_NOOP("branch::Services", "Correct from the documents and activate")},
    {ReviewKind::SendBack, "send_back", QT_TRANSLATE_NOOP("branch::Services", "Send back to register again")},
    {ReviewKind::Reject, "reject", QT_TRANSLATE_NOOP("branch::Services", "Reject")},
};

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// The request as it would be with the proposal's (normalised) changes.
db::RequestRecord withChanges(db::RequestRecord r, const QJsonObject &changes)
{
    if (changes.contains(QLatin1String("first_name"))) {
        r.firstName = text(changes, "first_name");
        r.firstNameNorm = normalizeName(r.firstName);
    }
    if (changes.contains(QLatin1String("last_name"))) {
        r.lastName = text(changes, "last_name");
        r.lastNameNorm = normalizeName(r.lastName);
    }
    if (changes.contains(QLatin1String("birth_cert_no")))
        r.birthCertNo = text(changes, "birth_cert_no");
    if (changes.contains(QLatin1String("birth_date")))
        r.birthDate = QDate::fromString(text(changes, "birth_date"), Qt::ISODate);
    if (changes.contains(QLatin1String("gender")))
        r.gender = text(changes, "gender");
    return r;
}

// Each typed correction checked by its field's rule; *normalized gets the stored form.
Violations checkCorrections(const QJsonObject &in, const QDate &today, QJsonObject *normalized)
{
    Violations errors;
    for (auto it = in.begin(); it != in.end(); ++it) {
        const QString key = it.key();
        if (!correctableFields().contains(key)) {
            errors << Violation{QStringLiteral("corrections"), QStringLiteral("corrections.unknown_field"),
                                Services::tr("\"%1\" cannot be corrected here; the fields are first_name, last_name, "
                                             "birth_cert_no, birth_date and gender.")
                                    .arg(key)};
            continue;
        }
        if (!it.value().isString()) {
            errors << Violation{key, key + QStringLiteral(".invalid_type"),
                                Services::tr("\"%1\" must be a text value (in quotes).").arg(key)};
            continue;
        }
        const QString v = it.value().toString();
        if (key == QLatin1String("first_name") || key == QLatin1String("last_name")) {
            const Violations e = checkName(v, key);
            errors << e;
            if (e.isEmpty())
                normalized->insert(key, cleanDisplay(v));
        } else if (key == QLatin1String("birth_cert_no")) {
            QString n;
            const Violations e = checkBirthCertNo(v, &n);
            errors << e;
            if (e.isEmpty())
                normalized->insert(key, n);
        } else if (key == QLatin1String("birth_date")) {
            QDate g;
            const Violations e = checkBirthDate(v, today, &g);
            errors << e;
            if (e.isEmpty())
                normalized->insert(key, g.toString(Qt::ISODate));
        } else {
            QString n;
            const Violations e = checkGender(v, &n);
            errors << e;
            if (e.isEmpty())
                normalized->insert(key, n);
        }
    }
    return errors;
}

Violations checkProposal(const QString &nationalCodeInput, const ReviewProposalInput &in, const QDate &today,
                         QString *nationalCode, QJsonObject *changes)
{
    Violations errors = checkNationalCode(nationalCodeInput, nationalCode);
    if (in.kind == ReviewKind::CorrectAndActivate)
        errors << checkCorrections(in.corrections, today, changes);
    if (in.kind == ReviewKind::Reject && in.reason.trimmed().size() < 3)
        errors << Violation{QStringLiteral("reason"), QStringLiteral("reason.required"),
                            Services::tr("Write the reason for the rejection.")};
    return errors;
}

QString fieldLabels(const QStringList &fields)
{
    QStringList labels;
    for (const QString &f : fields) {
        if (f == QLatin1String("first_name"))
            labels << Services::tr("first name");
        else if (f == QLatin1String("last_name"))
            labels << Services::tr("last name");
        else if (f == QLatin1String("birth_cert_no"))
            labels << Services::tr("birth certificate number");
        else if (f == QLatin1String("birth_date"))
            labels << Services::tr("birth date");
        else
            labels << Services::tr("gender");
    }
    return labels.join(Services::tr(", "));
}

// The corrected request must match the registry under the verification's own rule.
std::optional<Failure> checkCorrectedMatch(Context &ctx, const db::RequestRecord &corrected)
{
    const auto ref = db::findRegistryPerson(ctx.db, corrected.nationalCode);
    if (!ref)
        return Failure::rule(QStringLiteral("corrections"), QStringLiteral("review.no_reference"),
                             Services::tr("The civil registry has no entry for this national code, so the request "
                                          "cannot be activated by a correction. Send it back or reject it."));
    const QStringList diff = identityDifferences(identityOf(corrected), identityOf(*ref));
    if (!diff.isEmpty())
        return Failure::rule(QStringLiteral("corrections"), QStringLiteral("review.still_mismatch"),
                             Services::tr("The corrected data still does not match the civil registry (different: "
                                          "%1). Check the documents again; nothing was changed.")
                                 .arg(fieldLabels(diff)));
    return std::nullopt;
}

// A proposal's change travels like the other branch rows (an outbox row): the branch's
// other desks pull it, where another supervisor may approve it.
void queueProposal(Context &ctx, const db::ReviewProposalRecord &p, int baseVersion, const QDateTime &now)
{
    db::appendOutbox(ctx.db, QStringLiteral("review_proposals"), p.id, baseVersion, p.version, db::proposalPayload(p),
                     now);
}

// Why a request is not (or no longer) a case of the queue; nothing when it is one.
std::optional<QString> notInQueue(Context &ctx, const db::RequestRecord &r)
{
    if (r.status != RequestStatus::IdentityMismatch)
        return Services::tr("This request is not waiting for a supervisor's review (its status: %1).")
            .arg(statusLabel(r.status));
    const auto current = db::findCurrentRequest(ctx.db, r.nationalCode);
    if (current && current->id != r.id)
        return Services::tr("The person has registered again since; the newer request is the one to decide.");
    if (db::findAccount(ctx.db, r.nationalCode))
        return Services::tr("This person's account is already active.");
    return std::nullopt;
}

} // namespace

QString reviewKindName(ReviewKind k)
{
    for (const auto &i : kKinds)
        if (i.kind == k)
            return QString::fromLatin1(i.name);
    return {};
}

std::optional<ReviewKind> reviewKindFromName(const QString &name)
{
    if (name == QLatin1String("correct"))
        return ReviewKind::CorrectAndActivate;
    for (const auto &i : kKinds)
        if (name == QLatin1String(i.name))
            return i.kind;
    return std::nullopt;
}

QString reviewKindLabel(ReviewKind k)
{
    for (const auto &i : kKinds)
        if (i.kind == k)
            return QCoreApplication::translate("branch::Services", i.label);
    return {};
}

QStringList correctableFields()
{
    return {QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("birth_cert_no"),
            QStringLiteral("birth_date"), QStringLiteral("gender")};
}

Outcome<QList<ReviewCase>> reviewQueue(Context &ctx)
{
    try {
        QList<ReviewCase> out;
        for (const auto &r : db::requestsWithStatus(ctx.db, RequestStatus::IdentityMismatch)) {
            if (notInQueue(ctx, r))
                continue;
            ReviewCase c;
            c.request = r;
            c.reference = db::findRegistryPerson(ctx.db, r.nationalCode);
            c.differences =
                c.reference ? identityDifferences(identityOf(r), identityOf(*c.reference)) : correctableFields();
            c.proposal = db::pendingProposalFor(ctx.db, r.id);
            c.since = r.decidedAt.isValid() ? r.decidedAt : r.submittedAt;
            out << c;
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const ReviewCase &a, const ReviewCase &b) { return a.since < b.since; });
        return out;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

Outcome<db::ReviewProposalRecord> proposeReview(Context &ctx, const QString &nationalCodeInput,
                                                const ReviewProposalInput &input, const StaffSession &session,
                                                const QDateTime &now)
{
    QString nationalCode;
    QJsonObject changes;
    const Violations errors =
        checkProposal(nationalCodeInput, input, now.toLocalTime().date(), &nationalCode, &changes);
    if (!errors.isEmpty())
        return Failure{Failure::Kind::Rule, errors, {}};
    auto staff = sessionStaff(ctx, session, StaffPermission::ReviewMismatch);
    if (!staff.ok())
        return staff.failure;
    return inTransaction<db::ReviewProposalRecord>(ctx, [&]() -> Outcome<db::ReviewProposalRecord> {
        auto r = db::findCurrentRequest(ctx.db, nationalCode);
        if (!r)
            return Failure::noRequest();
        if (const auto why = notInQueue(ctx, *r))
            return Failure::rule(QStringLiteral("national_code"), QStringLiteral("review.not_in_queue"), *why);
        if (input.kind == ReviewKind::CorrectAndActivate)
            if (auto refused = checkCorrectedMatch(ctx, withChanges(*r, changes)))
                return *refused;
        db::ReviewProposalRecord p;
        p.id = security::newUuid();
        p.requestId = r->id;
        p.nationalCode = r->nationalCode;
        p.requestVersion = r->version;
        p.kind = reviewKindName(input.kind);
        p.changes = changes;
        p.reason = input.reason.trimmed();
        p.proposedBy = staff.value->login;
        p.proposedAt = now;
        p.branchCode = ctx.branchCode;
        QJsonObject details{{QStringLiteral("proposal_id"), p.id},
                            {QStringLiteral("request_id"), p.requestId},
                            {QStringLiteral("kind"), p.kind},
                            // Which fields, not their values: the audit keeps no personal data.
                            {QStringLiteral("fields"), QJsonArray::fromStringList(changes.keys())}};
        if (!p.reason.isEmpty())
            details.insert(QStringLiteral("reason"), p.reason);
        if (auto old = db::pendingProposalFor(ctx.db, r->id)) {
            old->status = QStringLiteral("replaced");
            old->decidedBy = p.proposedBy;
            old->decidedAt = now;
            ++old->version;
            db::updateProposal(ctx.db, *old);
            queueProposal(ctx, *old, old->version - 1, now);
            details.insert(QStringLiteral("replaces"), old->id);
        }
        db::insertProposal(ctx.db, p);
        queueProposal(ctx, p, 0, now);
        recordAudit(ctx, {p.proposedBy, QStringLiteral("review.propose"), p.nationalCode, details}, now);
        return p;
    });
}

Outcome<db::ReviewProposalRecord> proposeReview(Context &ctx, const QString &nationalCodeInput,
                                                const ReviewProposalInput &input, const QString &staffLogin,
                                                QString staffPassword, const QDateTime &now)
{
    QString nationalCode;
    QJsonObject changes;
    return withStaffPassword<db::ReviewProposalRecord>(
        ctx, checkProposal(nationalCodeInput, input, now.toLocalTime().date(), &nationalCode, &changes), staffLogin,
        staffPassword, StaffPermission::ReviewMismatch, now,
        [&](const StaffSession &session) { return proposeReview(ctx, nationalCode, input, session, now); });
}

Outcome<ReviewApproval> approveReview(Context &ctx, const QString &proposalId, const StaffSession &session,
                                      const QDateTime &now)
{
    auto staff = sessionStaff(ctx, session, StaffPermission::ReviewMismatch);
    if (!staff.ok())
        return staff.failure;
    const QString approver = staff.value->login;
    return inTransaction<ReviewApproval>(ctx, [&]() -> Outcome<ReviewApproval> {
        auto p = db::findProposal(ctx.db, proposalId.trimmed());
        if (!p)
            return Failure::notFound(QStringLiteral("proposal_id"), QStringLiteral("review.not_found"),
                                     Services::tr("There is no review proposal with this id."));
        if (p->status != QLatin1String("pending"))
            return Failure::rule(QStringLiteral("proposal_id"), QStringLiteral("review.already_decided"),
                                 p->status == QLatin1String("approved")
                                     ? Services::tr("This proposal was already approved by %1.").arg(p->decidedBy)
                                     : Services::tr("This proposal was replaced by a newer one."));
        if (normalizeLogin(p->proposedBy) == normalizeLogin(approver))
            return Failure::rule(QStringLiteral("staff"), QStringLiteral("review.own_proposal"),
                                 Services::tr("You made this proposal: another supervisor must approve it (four "
                                              "eyes)."));
        auto r = db::findRequest(ctx.db, p->requestId);
        if (!r)
            return Failure::noRequest();
        if (const auto why = notInQueue(ctx, *r))
            return Failure::rule(QStringLiteral("proposal_id"), QStringLiteral("review.stale"),
                                 Services::tr("The request was decided otherwise since this proposal was made; "
                                              "nothing was changed. %1")
                                     .arg(*why));
        if (r->version != p->requestVersion)
            return Failure::rule(QStringLiteral("proposal_id"), QStringLiteral("review.stale"),
                                 Services::tr("The request changed since this proposal was made; make a new "
                                              "proposal. Nothing was changed."));
        const auto kind = reviewKindFromName(p->kind);
        QJsonObject details{{QStringLiteral("proposal_id"), p->id},
                            {QStringLiteral("decision"), p->kind},
                            {QStringLiteral("proposed_by"), p->proposedBy}};
        RequestStatus to = RequestStatus::Rejected;
        if (kind == ReviewKind::CorrectAndActivate) {
            db::RequestRecord corrected = withChanges(*r, p->changes);
            // The registry may have changed since the proposal: the same rule again.
            if (auto refused = checkCorrectedMatch(ctx, corrected))
                return *refused;
            details.insert(QStringLiteral("corrected_fields"), QJsonArray::fromStringList(p->changes.keys()));
            *r = corrected;
            activateRequest(ctx, *r, now, approver, details);
            to = RequestStatus::Activated;
        } else {
            if (!p->reason.isEmpty())
                details.insert(QStringLiteral("reason"), p->reason);
            // Both decisions end the request as "rejected" (DESIGN.md: identity_mismatch →
            // activated | rejected; there is no separate status for "register again"). A
            // send-back tells the person so with the seed's mismatch SMS, whose text invites
            // them to register again; the seed has no SMS for a rejection.
            moveRequestTo(ctx, *r, RequestStatus::Rejected, now, approver, details);
            if (kind == ReviewKind::SendBack)
                queueSms(ctx, r->nationalCode, r->mobile, QStringLiteral("review_send_back"), sms::identityMismatch(),
                         now, approver);
        }
        p->status = QStringLiteral("approved");
        p->decidedBy = approver;
        p->decidedAt = now;
        ++p->version;
        db::updateProposal(ctx.db, *p);
        queueProposal(ctx, *p, p->version - 1, now);
        recordAudit(ctx,
                    {approver,
                     QStringLiteral("review.approve"),
                     r->nationalCode,
                     {{QStringLiteral("proposal_id"), p->id},
                      {QStringLiteral("request_id"), r->id},
                      {QStringLiteral("kind"), p->kind},
                      {QStringLiteral("proposed_by"), p->proposedBy},
                      {QStringLiteral("status"), statusName(to)}}},
                    now);
        return ReviewApproval{p->id, r->id, r->nationalCode, to};
    });
}

Outcome<ReviewApproval> approveReview(Context &ctx, const QString &proposalId, const QString &staffLogin,
                                      QString staffPassword, const QDateTime &now)
{
    return withStaffPassword<ReviewApproval>(
        ctx, {}, staffLogin, staffPassword, StaffPermission::ReviewMismatch, now,
        [&](const StaffSession &session) { return approveReview(ctx, proposalId, session, now); });
}

} // namespace branch
