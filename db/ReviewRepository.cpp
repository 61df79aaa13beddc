// The review queue's storage (prepared statements, bound values only).
#include "ReviewRepository.h"

#include "RowReading.h"

#include <QJsonDocument>
#include <QVariant>

namespace branch::db
{

namespace
{

const TableColumns<ReviewProposalRecord> &proposalColumns()
{
    using P = ReviewProposalRecord;
    static const TableColumns<P> columns = {{"id", &P::id},
                                            {"request_id", &P::requestId},
                                            {"national_code", &P::nationalCode},
                                            {"request_version", &P::requestVersion},
                                            {"kind", &P::kind},
                                            {"changes_json", &P::changes},
                                            {"reason", &P::reason},
                                            {"proposed_by", &P::proposedBy},
                                            {"proposed_at", &P::proposedAt},
                                            {"status", &P::status},
                                            {"decided_by", &P::decidedBy},
                                            {"decided_at", &P::decidedAt},
                                            {"branch_code", &P::branchCode},
                                            {"version", &P::version}};
    return columns;
}

QSqlQuery &run(Database &db, const QString &sql, const QVariantList &values)
{
    return runStatement(db, sql, values);
}

} // namespace

void insertProposal(Database &db, const ReviewProposalRecord &p)
{
    run(db,
        QStringLiteral("INSERT INTO review_proposals (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            .arg(proposalColumns().list()),
        {p.id, p.requestId, p.nationalCode, p.requestVersion, p.kind,
         QString::fromUtf8(QJsonDocument(p.changes).toJson(QJsonDocument::Compact)), p.reason, p.proposedBy,
         isoUtc(p.proposedAt), p.status, textOrNull(p.decidedBy), textOrNull(isoUtc(p.decidedAt)), p.branchCode,
         p.version});
}

void updateProposal(Database &db, const ReviewProposalRecord &p)
{
    run(db,
        QStringLiteral(
            "UPDATE review_proposals SET status = ?, decided_by = ?, decided_at = ?, version = ? WHERE id = ?"),
        {p.status, textOrNull(p.decidedBy), textOrNull(isoUtc(p.decidedAt)), p.version, p.id});
}

QJsonObject proposalPayload(const ReviewProposalRecord &p)
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("branch_code"), p.branchCode},
        {QStringLiteral("version"), p.version},
        {QStringLiteral("national_code"), p.nationalCode},
        {QStringLiteral("request_id"), p.requestId},
        {QStringLiteral("request_version"), p.requestVersion},
        {QStringLiteral("kind"), p.kind},
        {QStringLiteral("changes_json"), QString::fromUtf8(QJsonDocument(p.changes).toJson(QJsonDocument::Compact))},
        {QStringLiteral("reason"), p.reason},
        {QStringLiteral("proposed_by"), p.proposedBy},
        {QStringLiteral("proposed_at"), isoUtc(p.proposedAt)},
        {QStringLiteral("status"), p.status},
        {QStringLiteral("decided_by"), orNull(p.decidedBy)},
        {QStringLiteral("decided_at"), orNull(isoUtc(p.decidedAt))}};
}

std::optional<ReviewProposalRecord> findProposal(Database &db, const QString &id)
{
    return readFirst(
        run(db, QStringLiteral("SELECT %1 FROM review_proposals WHERE id = ?").arg(proposalColumns().list()), {id}),
        proposalColumns());
}

std::optional<ReviewProposalRecord> pendingProposalFor(Database &db, const QString &requestId)
{
    return readFirst(run(db,
                         QStringLiteral("SELECT %1 FROM review_proposals WHERE request_id = ? AND status = 'pending' "
                                        "ORDER BY proposed_at DESC LIMIT 1")
                             .arg(proposalColumns().list()),
                         {requestId}),
                     proposalColumns());
}

} // namespace branch::db
