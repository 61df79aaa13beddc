// The audit log as a per-branch hash chain: every entry's hash covers the previous entry's
// hash and the entry's own fields, so an edited, deleted, inserted or reordered row breaks
// the chain at that row.
//
// Canonical bytes of an entry (canonicalAuditBytes), version 1:
//   the 4 ASCII bytes "BDA1", then 8 fields, each as a 4-byte big-endian length followed by
//   that many bytes of UTF-8, in this order:
//   seq (decimal ASCII, no sign, no leading zeros), id, branchCode, at, actor, action,
//   nationalCode, detailsJson.
//   Text is taken exactly as stored (no trimming, no JSON re-formatting), so the database
//   must give back the same text it was given.
// Chain hash: hex(SHA-256(prevHash32 || canonical bytes)), where prevHash32 is the previous
//   entry's hash as 32 raw bytes; the first entry (seq 1) uses genesisHash() (64 zeros).
//
// Limits: the hash is unkeyed. Whoever can write the database can also recompute every hash
// after a change, and can cut entries off the end without leaving a trace in the chain itself.
// Both are only detectable against an anchor kept elsewhere (the last seq and hash recorded
// in another place: a meta table, the central database's copy of the chain) — see the
// anchored verifyChain overload.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace branch::security
{

struct AuditEntryData {
    qint64 seq = 0;       // 1, 2, 3, ... per branch, no gaps
    QString id;           // UUID of the entry
    QString branchCode;   // the branch whose chain this is
    QString at;           // ISO 8601 UTC with milliseconds, e.g. 2024-05-01T08:30:00.123Z
    QString actor;        // staff login, "system", "cli", ...
    QString action;       // stable action name, e.g. "request.activated"
    QString nationalCode; // the person concerned, empty when none
    QString detailsJson;  // compact JSON object, exactly as stored
};

// The unambiguous serialisation described above.
QByteArray canonicalAuditBytes(const AuditEntryData &e);

// The previous hash of the first entry: 64 '0' characters.
QString genesisHash();

// Lowercase hex SHA-256 over prevHash || canonical bytes; empty when prevHashHex is not
// 64 hex characters.
QString chainHash(const QString &prevHashHex, const AuditEntryData &e);

struct ChainCheck {
    bool ok = true;
    qint64 firstBadSeq = 0; // the first seq that cannot be trusted (0 when ok); for a gap,
                            // the first missing seq; for a cut tail, last seq + 1
    QString reason;         // translated explanation for people (empty when ok)
    QString code;           // stable: audit.seq_gap, audit.hash_malformed, audit.hash_mismatch,
                            // audit.truncated, audit.anchor_mismatch (empty when ok)
};

using StoredAuditEntries = QList<std::pair<AuditEntryData, QString /*stored hash*/>>;

// Checks a whole chain, entries in seq order: seq starts at 1 and is contiguous, every stored
// hash is well formed and equals chainHash(previous stored hash, entry). Detects edited rows
// (hash mismatch at that row), deleted rows (gap, or mismatch at the next row), inserted or
// swapped rows (gap or mismatch). An empty list is a valid (empty) chain. Cutting entries off
// the end is NOT detectable here: use the anchored overload.
ChainCheck verifyChain(const StoredAuditEntries &entriesInSeqOrder);

// As above, and the chain must contain the anchor: the entry with seq expectedLastSeq must
// exist and carry expectedLastHash (entries appended after the anchor are fine). Use
// expectedLastSeq 0 with genesisHash() for "nothing anchored yet".
ChainCheck verifyChain(const StoredAuditEntries &entriesInSeqOrder, const QString &expectedLastHash,
                       qint64 expectedLastSeq);

} // namespace branch::security
