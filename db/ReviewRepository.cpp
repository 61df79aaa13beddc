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
                                            {"decided_at", &P::decidedAt}};
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
        QStringLiteral("INSERT INTO review_proposals (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
            .arg(proposalColumns().list()),
        {p.id, p.requestId, p.nationalCode, p.requestVersion, p.kind,
         QString::fromUtf8(QJsonDocument(p.changes).toJson(QJsonDocument::Compact)), p.reason, p.proposedBy,
         isoUtc(p.proposedAt), p.status, textOrNull(p.decidedBy), textOrNull(isoUtc(p.decidedAt))});
}

void updateProposal(Database &db, const ReviewProposalRecord &p)
{
    run(db, QStringLiteral("UPDATE review_proposals SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?"),
        {p.status, textOrNull(p.decidedBy), textOrNull(isoUtc(p.decidedAt)), p.id});
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
