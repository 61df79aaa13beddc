// Fuzz target: the audit chain's verification (app/security/AuditChain) over a sequence of
// entries parsed from the input: one entry a line, nine tab-separated fields
//   seq, id, branch, at, actor, action, national code, details JSON, stored hash
// A stored hash "*" is replaced by the right one for the entries before, so that long valid
// chains (and then single edits of them) are reached; a seq that is not a number is the
// line's number.
#include "tests/fuzz/FuzzSupport.h"

#include "app/security/AuditChain.h"

using namespace branch::security;

namespace
{

void checkVerdict(const ChainCheck &c, qsizetype entries)
{
    FUZZ_CHECK(c.ok == c.code.isEmpty());
    FUZZ_CHECK(c.ok == c.reason.isEmpty());
    if (c.ok)
        FUZZ_CHECK(c.firstBadSeq == 0);
    else
        FUZZ_CHECK(c.firstBadSeq >= 1 && c.firstBadSeq <= entries + 1 && c.code.startsWith(QLatin1String("audit.")));
}

QString *field(AuditEntryData &e, int i)
{
    QString *fields[] = {&e.id, &e.branchCode, &e.at, &e.actor, &e.action, &e.nationalCode, &e.detailsJson};
    return fields[i % 7];
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    StoredAuditEntries entries;
    QString prev = genesisHash();
    const QStringList lines = fuzz::text(data, size).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size() && i < 64; ++i) {
        QStringList f = lines[i].split(QLatin1Char('\t'));
        while (f.size() < 9)
            f << QString();
        AuditEntryData e;
        bool ok = false;
        e.seq = f[0].toLongLong(&ok);
        if (!ok)
            e.seq = i + 1;
        e.id = f[1];
        e.branchCode = f[2];
        e.at = f[3];
        e.actor = f[4];
        e.action = f[5];
        e.nationalCode = f[6];
        e.detailsJson = f[7];
        QString stored = f[8];
        if (stored == QLatin1String("*"))
            stored = chainHash(prev, e);
        prev = stored;
        entries.append({e, stored});
    }

    const ChainCheck plain = verifyChain(entries);
    checkVerdict(plain, entries.size());
    if (plain.ok) {
        for (qsizetype i = 0; i < entries.size(); ++i)
            FUZZ_CHECK(entries[i].first.seq == i + 1);
        const QString last = entries.isEmpty() ? genesisHash() : entries.constLast().second;
        FUZZ_CHECK(verifyChain(entries, last, entries.size()).ok);
        FUZZ_CHECK(verifyChain(entries, last.toUpper(), entries.size()).ok);
        const ChainCheck cut = verifyChain(entries, last, entries.size() + 1);
        checkVerdict(cut, entries.size());
        FUZZ_CHECK(cut.code == QLatin1String("audit.truncated") && cut.firstBadSeq == entries.size() + 1);
    }
    // The anchored check is never more lenient than the plain one.
    const qint64 anchorSeq = entries.isEmpty() ? 0 : (entries.size() + 1) / 2;
    const QString anchorHash = anchorSeq == 0 ? genesisHash() : entries[anchorSeq - 1].second;
    const ChainCheck anchored = verifyChain(entries, anchorHash, anchorSeq);
    checkVerdict(anchored, entries.size());
    FUZZ_CHECK(anchored.ok == plain.ok);

    // The same entries re-chained (seq 1..n, hashes recomputed) verify; then any change of one
    // field of one entry (two different fields swapped: the encoding is unambiguous) is caught
    // at that entry.
    StoredAuditEntries chained = entries;
    prev = genesisHash();
    for (qsizetype i = 0; i < chained.size(); ++i) {
        chained[i].first.seq = i + 1;
        chained[i].second = chainHash(prev, chained[i].first);
        FUZZ_CHECK(chained[i].second.size() == 64);
        prev = chained[i].second;
    }
    FUZZ_CHECK(verifyChain(chained).ok);
    if (!chained.isEmpty()) {
        const qsizetype k = qsizetype(size % size_t(chained.size()));
        AuditEntryData &e = chained[k].first;
        const int a = int(size % 7), b = int((size / 7) % 7);
        if (*field(e, a) != *field(e, b)) {
            std::swap(*field(e, a), *field(e, b));
            const ChainCheck edited = verifyChain(chained);
            FUZZ_CHECK(!edited.ok && edited.code == QLatin1String("audit.hash_mismatch") &&
                       edited.firstBadSeq == k + 1);
        }
    }
    FUZZ_CHECK(chainHash(QStringLiteral("not a hash"), AuditEntryData{}).isEmpty());
    return 0;
}
