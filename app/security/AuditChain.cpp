// The audit hash chain: canonical serialisation, link hashes and whole-chain verification.
#include "AuditChain.h"

#include "Digest.h"

#include <QCoreApplication>
#include <QtEndian>

namespace branch::security
{

namespace
{

void appendField(QByteArray &out, const QByteArray &utf8)
{
    char len[4];
    qToBigEndian(quint32(utf8.size()), len);
    out.append(len, 4);
    out.append(utf8);
}

bool isLowerHex64(const QString &s)
{
    if (s.size() != 64)
        return false;
    for (QChar c : s)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    return true;
}

ChainCheck bad(qint64 seq, const char *code, const QString &reason)
{
    return ChainCheck{false, seq, reason, QString::fromLatin1(code)};
}

} // namespace

QByteArray canonicalAuditBytes(const AuditEntryData &e)
{
    QByteArray out("BDA1");
    appendField(out, QByteArray::number(e.seq));
    appendField(out, e.id.toUtf8());
    appendField(out, e.branchCode.toUtf8());
    appendField(out, e.at.toUtf8());
    appendField(out, e.actor.toUtf8());
    appendField(out, e.action.toUtf8());
    appendField(out, e.nationalCode.toUtf8());
    appendField(out, e.detailsJson.toUtf8());
    return out;
}

QString genesisHash()
{
    return QString(64, u'0');
}

QString chainHash(const QString &prevHashHex, const AuditEntryData &e)
{
    const QString prev = prevHashHex.toLower();
    if (!isLowerHex64(prev))
        return {};
    QByteArray input = QByteArray::fromHex(prev.toLatin1());
    input.append(canonicalAuditBytes(e));
    return sha256Hex(input);
}

ChainCheck verifyChain(const StoredAuditEntries &entriesInSeqOrder)
{
    QString prev = genesisHash();
    qint64 expected = 1;
    for (const auto &[entry, stored] : entriesInSeqOrder) {
        if (entry.seq != expected) {
            // A smaller seq is a duplicate or reordering; a larger one means rows are missing.
            return bad(expected, "audit.seq_gap",
                       QCoreApplication::translate(
                           "AuditChain",
                           "Audit entry %1 expected, entry %2 found: entries were removed, inserted or reordered.")
                           .arg(expected)
                           .arg(entry.seq));
        }
        if (!isLowerHex64(stored))
            return bad(
                expected, "audit.hash_malformed",
                QCoreApplication::translate("AuditChain", "Audit entry %1 has a malformed stored hash.").arg(expected));
        if (chainHash(prev, entry) != stored)
            return bad(
                expected, "audit.hash_mismatch",
                QCoreApplication::translate(
                    "AuditChain", "Audit entry %1 does not match its hash: it, or the entry before it, was altered.")
                    .arg(expected));
        prev = stored;
        ++expected;
    }
    return {};
}

ChainCheck verifyChain(const StoredAuditEntries &entriesInSeqOrder, const QString &expectedLastHash,
                       qint64 expectedLastSeq)
{
    ChainCheck check = verifyChain(entriesInSeqOrder);
    if (!check.ok)
        return check;
    const qint64 lastSeq = entriesInSeqOrder.isEmpty() ? 0 : entriesInSeqOrder.constLast().first.seq;
    if (lastSeq < expectedLastSeq)
        return bad(lastSeq + 1, "audit.truncated",
                   QCoreApplication::translate(
                       "AuditChain",
                       "The audit log ends at entry %1, but entry %2 was recorded: entries were removed from the end.")
                       .arg(lastSeq)
                       .arg(expectedLastSeq));
    // verifyChain() guaranteed seq == index + 1, so the anchor's row is at expectedLastSeq - 1.
    const QString actual =
        expectedLastSeq <= 0 ? genesisHash() : entriesInSeqOrder.at(qsizetype(expectedLastSeq - 1)).second;
    if (actual != expectedLastHash.toLower())
        return bad(qMax<qint64>(expectedLastSeq, 1), "audit.anchor_mismatch",
                   QCoreApplication::translate("AuditChain",
                                               "Audit entry %1 differs from the recorded copy: the log was rewritten.")
                       .arg(expectedLastSeq));
    return check;
}

} // namespace branch::security
