// Tests of app/security/AuditChain: the documented byte format, and that edits, deletions,
// insertions, swaps and cut tails are found at the right entry.
#include "app/security/AuditChain.h"

#include <QCryptographicHash>
#include <QTest>
#include <QtEndian>

using namespace branch::security;
using namespace Qt::StringLiterals;

namespace
{

AuditEntryData entry(qint64 seq)
{
    AuditEntryData e;
    e.seq = seq;
    e.id = u"0190f2c4-0000-7000-8000-%1"_s.arg(seq, 12, 10, QChar(u'0'));
    e.branchCode = u"1001"_s;
    e.at = u"2024-05-01T08:%1:00.123Z"_s.arg(seq % 60, 2, 10, QChar(u'0'));
    e.actor = seq % 3 ? u"clerk1"_s : u"system"_s;
    e.action = seq % 2 ? u"request.submitted"_s : u"request.activated"_s;
    e.nationalCode = u"00123456%1"_s.arg(seq % 100, 2, 10, QChar(u'0'));
    e.detailsJson = u"{\"note\":\"درخواست %1\"}"_s.arg(seq);
    return e;
}

// A valid chain of n entries built with the API under test.
StoredAuditEntries buildChain(int n)
{
    StoredAuditEntries chain;
    QString prev = genesisHash();
    for (int seq = 1; seq <= n; ++seq) {
        const AuditEntryData e = entry(seq);
        const QString h = chainHash(prev, e);
        chain.append({e, h});
        prev = h;
    }
    return chain;
}

// Recomputes the hashes from index `from` on, as an attacker with write access would.
void rehashFrom(StoredAuditEntries &chain, qsizetype from)
{
    QString prev = from == 0 ? genesisHash() : chain[from - 1].second;
    for (qsizetype i = from; i < chain.size(); ++i) {
        chain[i].second = chainHash(prev, chain[i].first);
        prev = chain[i].second;
    }
}

void renumber(StoredAuditEntries &chain)
{
    for (qsizetype i = 0; i < chain.size(); ++i)
        chain[i].first.seq = i + 1;
}

QByteArray field(const QByteArray &utf8)
{
    char len[4];
    qToBigEndian(quint32(utf8.size()), len);
    return QByteArray(len, 4) + utf8;
}

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    void canonicalFormat();
    void canonicalUnambiguous();
    void chainHashIndependent();
    void chainHashBadPrev_data();
    void chainHashBadPrev();
    void validChain_data();
    void validChain();
    void editedField_data();
    void editedField();
    void deleted_data();
    void deleted();
    void inserted_data();
    void inserted();
    void swapped_data();
    void swapped();
    void malformedStoredHash();
    void anchor_data();
    void anchor();
};

void TestAuditChain::canonicalFormat()
{
    // Built by hand from the format documented in AuditChain.h, so the format cannot drift.
    AuditEntryData e;
    e.seq = 42;
    e.id = u"id-1"_s;
    e.branchCode = u"1001"_s;
    e.at = u"2024-05-01T08:30:00.123Z"_s;
    e.actor = u"clerk1"_s;
    e.action = u"request.activated"_s;
    e.nationalCode = u"۰۰۱۲۳۴۵۶۷۹"_s; // stored as given; 2 bytes per Persian digit
    e.detailsJson = QString();
    const QByteArray expected = QByteArray("BDA1") + field("42") + field("id-1") + field("1001") +
                                field("2024-05-01T08:30:00.123Z") + field("clerk1") + field("request.activated") +
                                field(e.nationalCode.toUtf8()) + field(QByteArray());
    QCOMPARE(canonicalAuditBytes(e), expected);
    QCOMPARE(e.nationalCode.toUtf8().size(), 20);
}

void TestAuditChain::canonicalUnambiguous()
{
    // Moving characters from one field to the next must change the bytes.
    AuditEntryData a = entry(1);
    AuditEntryData b = a;
    a.actor = u"ab"_s;
    a.action = u"c"_s;
    b.actor = u"a"_s;
    b.action = u"bc"_s;
    QVERIFY(canonicalAuditBytes(a) != canonicalAuditBytes(b));
    AuditEntryData c = entry(1);
    AuditEntryData d = c;
    c.nationalCode = QString();
    c.detailsJson = u"x"_s;
    d.nationalCode = u"x"_s;
    d.detailsJson = QString();
    QVERIFY(canonicalAuditBytes(c) != canonicalAuditBytes(d));
    AuditEntryData s1 = entry(1);
    AuditEntryData s2 = s1;
    s2.seq = 11;
    s1.id = u"1"_s + s1.id;
    QVERIFY(canonicalAuditBytes(s1) != canonicalAuditBytes(s2));
}

void TestAuditChain::chainHashIndependent()
{
    // SHA-256 over the previous hash's 32 raw bytes and the canonical bytes, checked with Qt's
    // own SHA-256 rather than ours.
    QCOMPARE(genesisHash(), QString(64, u'0'));
    const AuditEntryData e1 = entry(1);
    const QByteArray h1 =
        QCryptographicHash::hash(QByteArray(32, '\0') + canonicalAuditBytes(e1), QCryptographicHash::Sha256);
    QCOMPARE(chainHash(genesisHash(), e1), QString::fromLatin1(h1.toHex()));
    const AuditEntryData e2 = entry(2);
    const QByteArray h2 = QCryptographicHash::hash(h1 + canonicalAuditBytes(e2), QCryptographicHash::Sha256);
    QCOMPARE(chainHash(QString::fromLatin1(h1.toHex()), e2), QString::fromLatin1(h2.toHex()));
    // Upper-case input is the same hash.
    QCOMPARE(chainHash(QString::fromLatin1(h1.toHex()).toUpper(), e2), QString::fromLatin1(h2.toHex()));
}

void TestAuditChain::chainHashBadPrev_data()
{
    QTest::addColumn<QString>("prev");
    QTest::newRow("empty") << QString();
    QTest::newRow("63 chars") << QString(63, u'0');
    QTest::newRow("65 chars") << QString(65, u'0');
    QTest::newRow("not hex") << QString(64, u'g');
    QTest::newRow("persian digits") << QString(64, QChar(0x06F0));
}

void TestAuditChain::chainHashBadPrev()
{
    QFETCH(QString, prev);
    QVERIFY(chainHash(prev, entry(1)).isEmpty());
}

void TestAuditChain::validChain_data()
{
    QTest::addColumn<int>("n");
    QTest::newRow("empty") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("twenty") << 20;
}

void TestAuditChain::validChain()
{
    QFETCH(int, n);
    const ChainCheck c = verifyChain(buildChain(n));
    QVERIFY2(c.ok, qPrintable(c.reason));
    QCOMPARE(c.firstBadSeq, 0);
    QVERIFY(c.reason.isEmpty());
    QVERIFY(c.code.isEmpty());
}

void TestAuditChain::editedField_data()
{
    QTest::addColumn<int>("seq");
    QTest::addColumn<QString>("fieldName");
    for (int seq : {1, 7, 20}) {
        for (const char *f : {"id", "branchCode", "at", "actor", "action", "nationalCode", "detailsJson"})
            QTest::addRow("%s at %d", f, seq) << seq << QString::fromLatin1(f);
    }
}

void TestAuditChain::editedField()
{
    QFETCH(int, seq);
    QFETCH(QString, fieldName);
    StoredAuditEntries chain = buildChain(20);
    AuditEntryData &e = chain[seq - 1].first;
    QString *target = fieldName == u"id"             ? &e.id
                      : fieldName == u"branchCode"   ? &e.branchCode
                      : fieldName == u"at"           ? &e.at
                      : fieldName == u"actor"        ? &e.actor
                      : fieldName == u"action"       ? &e.action
                      : fieldName == u"nationalCode" ? &e.nationalCode
                                                     : &e.detailsJson;
    target->append(u' '); // the smallest possible edit
    const ChainCheck c = verifyChain(chain);
    QVERIFY(!c.ok);
    QCOMPARE(c.firstBadSeq, seq);
    QCOMPARE(c.code, u"audit.hash_mismatch"_s);
    QVERIFY(!c.reason.isEmpty());
}

void TestAuditChain::deleted_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("renumberRest");
    QTest::addColumn<bool>("rehashRest");
    QTest::addColumn<qint64>("expectedBad");
    QTest::addColumn<QString>("expectedCode");
    // Plain deletion leaves a gap in seq.
    QTest::newRow("first") << 0 << false << false << qint64(1) << u"audit.seq_gap"_s;
    QTest::newRow("middle") << 9 << false << false << qint64(10) << u"audit.seq_gap"_s;
    // Deletion with the later seqs renumbered: the next row's link breaks.
    QTest::newRow("middle, renumbered") << 9 << true << false << qint64(10) << u"audit.hash_mismatch"_s;
    QTest::newRow("first, renumbered") << 0 << true << false << qint64(1) << u"audit.hash_mismatch"_s;
}

void TestAuditChain::deleted()
{
    QFETCH(int, index);
    QFETCH(bool, renumberRest);
    QFETCH(bool, rehashRest);
    QFETCH(qint64, expectedBad);
    QFETCH(QString, expectedCode);
    StoredAuditEntries chain = buildChain(20);
    chain.removeAt(index);
    if (renumberRest)
        renumber(chain);
    if (rehashRest)
        rehashFrom(chain, index);
    const ChainCheck c = verifyChain(chain);
    QVERIFY(!c.ok);
    QCOMPARE(c.firstBadSeq, expectedBad);
    QCOMPARE(c.code, expectedCode);
}

void TestAuditChain::inserted_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("linkInserted");
    QTest::addColumn<bool>("renumberRest");
    QTest::addColumn<qint64>("expectedBad");
    QTest::addColumn<QString>("expectedCode");
    // The forged row reuses the seq of the row it is put before (no renumbering): duplicate seq.
    QTest::newRow("duplicate seq") << 5 << true << false << qint64(7) << u"audit.seq_gap"_s;
    // Renumbered, forged row with a random-looking hash: mismatch at the forged row.
    QTest::newRow("renumbered, bad hash") << 5 << false << true << qint64(6) << u"audit.hash_mismatch"_s;
    // Renumbered, forged row correctly linked to its predecessor: the next row's link breaks.
    QTest::newRow("renumbered, linked") << 5 << true << true << qint64(7) << u"audit.hash_mismatch"_s;
    QTest::newRow("at the start, linked") << 0 << true << true << qint64(2) << u"audit.hash_mismatch"_s;
}

void TestAuditChain::inserted()
{
    QFETCH(int, index);
    QFETCH(bool, linkInserted);
    QFETCH(bool, renumberRest);
    QFETCH(qint64, expectedBad);
    QFETCH(QString, expectedCode);
    StoredAuditEntries chain = buildChain(20);
    AuditEntryData forged = entry(index + 1);
    forged.action = u"request.rejected"_s;
    const QString prev = index == 0 ? genesisHash() : chain[index - 1].second;
    const QString hash = linkInserted ? chainHash(prev, forged) : QString(64, u'a');
    chain.insert(index, {forged, hash});
    if (renumberRest)
        renumber(chain);
    if (!renumberRest)
        expectedBad = index + 2; // the original row now sits where index + 2 is expected
    const ChainCheck c = verifyChain(chain);
    QVERIFY(!c.ok);
    QCOMPARE(c.firstBadSeq, expectedBad);
    QCOMPARE(c.code, expectedCode);
}

void TestAuditChain::swapped_data()
{
    QTest::addColumn<int>("a");
    QTest::addColumn<int>("b");
    QTest::addColumn<bool>("keepSeqs");
    // Rows exchanged with their seq numbers: out of order.
    QTest::newRow("neighbours, rows moved") << 3 << 4 << false;
    // Contents exchanged, seq numbers and hashes left in place (what an UPDATE would do).
    QTest::newRow("neighbours, contents") << 3 << 4 << true;
    QTest::newRow("far apart, contents") << 2 << 15 << true;
    QTest::newRow("first and last, contents") << 0 << 19 << true;
}

void TestAuditChain::swapped()
{
    QFETCH(int, a);
    QFETCH(int, b);
    QFETCH(bool, keepSeqs);
    StoredAuditEntries chain = buildChain(20);
    if (keepSeqs) {
        std::swap(chain[a].first, chain[b].first);
        std::swap(chain[a].first.seq, chain[b].first.seq);
    } else {
        chain.swapItemsAt(a, b);
    }
    const ChainCheck c = verifyChain(chain);
    QVERIFY(!c.ok);
    QCOMPARE(c.firstBadSeq, a + 1);
}

void TestAuditChain::malformedStoredHash()
{
    StoredAuditEntries chain = buildChain(5);
    chain[2].second = chain[2].second.toUpper(); // our writer only produces lowercase
    ChainCheck c = verifyChain(chain);
    QVERIFY(!c.ok);
    QCOMPARE(c.firstBadSeq, 3);
    QCOMPARE(c.code, u"audit.hash_malformed"_s);

    chain = buildChain(5);
    chain[4].second.clear();
    c = verifyChain(chain);
    QCOMPARE(c.firstBadSeq, 5);
    QCOMPARE(c.code, u"audit.hash_malformed"_s);
}

void TestAuditChain::anchor_data()
{
    QTest::addColumn<int>("kept");      // entries left of the 20 built
    QTest::addColumn<int>("anchorSeq"); // the anchor recorded elsewhere
    QTest::addColumn<bool>("rewrite");  // an attacker edits entry 3 and rehashes everything after
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expectedBad");
    QTest::addColumn<QString>("expectedCode");
    QTest::newRow("complete") << 20 << 20 << false << true << qint64(0) << QString();
    QTest::newRow("appended since the anchor") << 20 << 15 << false << true << qint64(0) << QString();
    QTest::newRow("nothing anchored") << 0 << 0 << false << true << qint64(0) << QString();
    QTest::newRow("last entry cut") << 19 << 20 << false << false << qint64(20) << u"audit.truncated"_s;
    QTest::newRow("tail cut") << 12 << 20 << false << false << qint64(13) << u"audit.truncated"_s;
    QTest::newRow("all cut") << 0 << 20 << false << false << qint64(1) << u"audit.truncated"_s;
    QTest::newRow("rewritten and rehashed") << 20 << 20 << true << false << qint64(20) << u"audit.anchor_mismatch"_s;
}

void TestAuditChain::anchor()
{
    QFETCH(int, kept);
    QFETCH(int, anchorSeq);
    QFETCH(bool, rewrite);
    QFETCH(bool, ok);
    QFETCH(qint64, expectedBad);
    QFETCH(QString, expectedCode);
    StoredAuditEntries chain = buildChain(20);
    const QString anchorHash = anchorSeq == 0 ? genesisHash() : chain[anchorSeq - 1].second;
    if (rewrite) {
        chain[2].first.actor = u"someone-else"_s;
        rehashFrom(chain, 2);
        // The chain alone cannot see this; that is what the anchor is for.
        QVERIFY(verifyChain(chain).ok);
    }
    chain.resize(kept);
    // Without the anchor a cut tail looks like a shorter valid chain.
    QVERIFY(verifyChain(chain).ok);
    const ChainCheck c = verifyChain(chain, anchorHash, anchorSeq);
    QCOMPARE(c.ok, ok);
    QCOMPARE(c.firstBadSeq, expectedBad);
    QCOMPARE(c.code, expectedCode);
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "TestAuditChain.moc"
