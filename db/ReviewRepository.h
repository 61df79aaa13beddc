// The supervisor review queue's storage (SQL only): proposed decisions on identity-mismatch
// requests (db/local/005_reviews.sql). The caller (app/lifecycle/Review) owns the transactions.
#pragma once

#include "Database.h"
#include "Records.h"

#include <QList>
#include <optional>

namespace branch::db
{

struct ReviewProposalRecord {
    QString id, requestId, nationalCode;
    int requestVersion = 0;
    QString kind;        // correct_and_activate | send_back | reject
    QJsonObject changes; // corrected identity fields (correct_and_activate only)
    QString reason;
    QString proposedBy;
    QDateTime proposedAt;
    QString status = QStringLiteral("pending"); // pending | approved | replaced
    QString decidedBy;
    QDateTime decidedAt;
    // A proposal travels (local schema 10): the branch whose desk made it, and a version
    // that every change raises.
    QString branchCode;
    int version = 1;
};

void insertProposal(Database &db, const ReviewProposalRecord &p);
// Status, decision fields and version, by id.
void updateProposal(Database &db, const ReviewProposalRecord &p);
// The proposal as a travelling row's payload (its outbox row, the central's columns).
QJsonObject proposalPayload(const ReviewProposalRecord &p);
std::optional<ReviewProposalRecord> findProposal(Database &db, const QString &id);
// The proposal of this request still waiting for approval, if any.
std::optional<ReviewProposalRecord> pendingProposalFor(Database &db, const QString &requestId);

} // namespace branch::db
