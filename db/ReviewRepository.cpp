// The review queue's storage (prepared statements, bound values only).
#include "ReviewRepository.h"

#include <QJsonDocument>
#include <QVariant>

namespace branch::db
{

namespace
{

const QString kColumns =
    QStringLiteral("id, request_id, national_code, request_version, kind, changes_json, reason, proposed_by, "
                   "proposed_at, status, decided_by, decided_at");

QSqlQuery &run(Database &db, const QString &sql, const QVariantList &values)
{
    return runStatement(db, sql, values);
}

QList<ReviewProposalRecord> readAll(QSqlQuery &q)
{
    QList<ReviewProposalRecord> out;
    while (q.next()) {
        ReviewProposalRecord p;
        p.id = q.value(0).toString();
        p.requestId = q.value(1).toString();
        p.nationalCode = q.value(2).toString();
        p.requestVersion = q.value(3).toInt();
        p.kind = q.value(4).toString();
        p.changes = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        p.reason = q.value(6).toString();
        p.proposedBy = q.value(7).toString();
        p.proposedAt = fromIsoUtc(q.value(8).toString());
        p.status = q.value(9).toString();
        p.decidedBy = q.value(10).toString();
        p.decidedAt = fromIsoUtc(q.value(11).toString());
        out << p;
    }
    q.finish();
    return out;
}

} // namespace

void insertProposal(Database &db, const ReviewProposalRecord &p)
{
    run(db, QStringLiteral("INSERT INTO review_proposals (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)").arg(kColumns),
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
    QSqlQuery &q = run(db, QStringLiteral("SELECT %1 FROM review_proposals WHERE id = ?").arg(kColumns), {id});
    auto all = readAll(q);
    return all.isEmpty() ? std::nullopt : std::optional(all.first());
}

std::optional<ReviewProposalRecord> pendingProposalFor(Database &db, const QString &requestId)
{
    QSqlQuery &q = run(db,
                       QStringLiteral("SELECT %1 FROM review_proposals WHERE request_id = ? AND status = 'pending' "
                                      "ORDER BY proposed_at DESC LIMIT 1")
                           .arg(kColumns),
                       {requestId});
    auto all = readAll(q);
    return all.isEmpty() ? std::nullopt : std::optional(all.first());
}

} // namespace branch::db
