// The tracking code (app/core/TrackingCode.h): its key is the low 35 bits of the request
// id's last nine hex digits (computed here independently from the text), eight Crockford
// base32 characters with the check character, the printed "XXXX-XXXX" form, what people type
// (lower case, Persian and Arabic-Indic digits, hyphens, spaces, O/I/L), and that every single
// substitution and every adjacent transposition of a code is refused, checked exhaustively
// over codes spread through the key space.
#include "app/core/TrackingCode.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
const QString kAlphabet = u"0123456789ABCDEFGHJKMNPQRSTVWXYZ"_s;

// The code without its hyphen.
QString bare(const QString &code)
{
    return QString(code).remove(u'-');
}

// The codes of a sample of keys: the ends of the range, each single bit, and random keys.
QList<quint64> sampleKeys()
{
    QList<quint64> keys{0, 1, 31, 32, (quint64(1) << 35) - 1, (quint64(1) << 35) - 2};
    for (int b = 0; b < 35; ++b)
        keys << (quint64(1) << b);
    QRandomGenerator rng(16); // fixed seed: the same keys every run
    for (int i = 0; i < 3000; ++i)
        keys << (rng.generate64() & ((quint64(1) << 35) - 1));
    return keys;
}
} // namespace

class TestTrackingCode : public QObject
{
    Q_OBJECT

private slots:
    void keyOfRequestId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<qint64>("key"); // -1: none
        // The last nine hex digits "d4e5e6f01" → 0xd4e5e6f01 & (2^35 - 1).
        QTest::newRow("v4") << u"3f2a9c4e-7b1d-4e8a-9c2f-1a2d4e5e6f01"_s << qint64(0xd4e5e6f01LL & 0x7ffffffffLL);
        QTest::newRow("upper case") << u"3F2A9C4E-7B1D-4E8A-9C2F-1A2D4E5E6F01"_s
                                    << qint64(0xd4e5e6f01LL & 0x7ffffffffLL);
        QTest::newRow("v7") << u"019a7c3e-5b10-7c2d-8e9f-0123456789ab"_s << qint64(0x3456789abLL);
        QTest::newRow("all f") << u"ffffffff-ffff-ffff-ffff-ffffffffffff"_s << qint64(0x7ffffffffLL);
        QTest::newRow("zero") << u"00000000-0000-0000-0000-000000000000"_s << qint64(0);
        QTest::newRow("braces") << u"{3f2a9c4e-7b1d-4e8a-9c2f-1a2d4e5e6f01}"_s << qint64(-1);
        QTest::newRow("no dashes") << u"3f2a9c4e7b1d4e8a9c2f1a2d4e5e6f01"_s << qint64(-1);
        QTest::newRow("not hex") << u"3f2a9c4e-7b1d-4e8a-9c2f-1a2d4e5e6g01"_s << qint64(-1);
        QTest::newRow("dash misplaced") << u"3f2a9c4e7-b1d-4e8a-9c2f-1a2d4e5e6f01"_s << qint64(-1);
        QTest::newRow("not an id") << u"req-1"_s << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
    }

    void keyOfRequestId()
    {
        QFETCH(QString, id);
        QFETCH(qint64, key);
        const auto got = trackingKeyOfRequestId(id);
        QCOMPARE(got ? qint64(*got) : qint64(-1), key);
        QCOMPARE(trackingCode(id).isEmpty(), key < 0);
        if (key >= 0)
            QCOMPARE(trackingCode(id), trackingCodeOfKey(quint64(key)));
    }

    void printedForm()
    {
        const QRegularExpression form(u"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"_s);
        QCOMPARE(bare(trackingCodeOfKey(0)), u"00000000"_s);
        // The seven data characters are the key in base 32, most significant first.
        QCOMPARE(bare(trackingCodeOfKey(1)).left(7), u"0000001"_s);
        QCOMPARE(bare(trackingCodeOfKey((quint64(1) << 35) - 1)).left(7), u"ZZZZZZZ"_s);
        QCOMPARE(bare(trackingCodeOfKey(quint64(10) << 30 | 31)).left(7), u"A00000Z"_s);
        for (quint64 key : sampleKeys()) {
            const QString code = trackingCodeOfKey(key);
            QVERIFY2(form.match(code).hasMatch(), qPrintable(code));
            QCOMPARE(parseTrackingCode(code), std::optional<quint64>(key));
        }
    }

    void typedForms_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("accepted");
        const QString code = trackingCodeOfKey(0x3456789abULL); // the v7 id's code above
        const QString b = bare(code);
        QVERIFY(b.contains(QRegularExpression(u"[A-Z]"_s)) && b.contains(QRegularExpression(u"[1-9]"_s)));
        QString persian = code, arabic = code;
        for (QChar &c : persian)
            if (c.isDigit())
                c = QChar(0x06F0 + c.digitValue());
        for (QChar &c : arabic)
            if (c.isDigit())
                c = QChar(0x0660 + c.digitValue());
        QTest::newRow("printed") << code << true;
        QTest::newRow("no hyphen") << b << true;
        QTest::newRow("lower case") << code.toLower() << true;
        QTest::newRow("Persian digits") << persian << true;
        QTest::newRow("Arabic-Indic digits") << arabic << true;
        QTest::newRow("spaces") << u"  "_s + b.left(2) + u" "_s + b.mid(2, 3) + u" "_s + b.mid(5) + u" "_s << true;
        QTest::newRow("several hyphens") << b.left(3) + u"-"_s + b.mid(3, 3) + u"-"_s + b.mid(6) << true;
        QTest::newRow("RLM from a Persian text") << u"\u200F"_s + code + u"\u200F"_s << true;
        QTest::newRow("too short") << b.left(7) << false;
        QTest::newRow("too long") << b + u"0"_s << false;
        QTest::newRow("U is not a symbol") << b.left(7) + u"U"_s << false;
        QTest::newRow("punctuation") << b.left(4) + u"."_s + b.mid(4) << false;
        QTest::newRow("Persian letter") << b.left(7) + u"ک"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void typedForms()
    {
        QFETCH(QString, typed);
        QFETCH(bool, accepted);
        const auto key = parseTrackingCode(typed);
        QCOMPARE(key.has_value(), accepted);
        if (accepted)
            QCOMPARE(*key, quint64(0x3456789abULL));
    }

    // Crockford's look-alikes read as the digits they look like.
    void lookAlikes()
    {
        // A key whose code has both a 0 and a 1 among its data characters.
        for (quint64 key : sampleKeys()) {
            const QString b = bare(trackingCodeOfKey(key));
            const qsizetype zero = b.left(7).indexOf(u'0'), one = b.left(7).indexOf(u'1');
            if (zero < 0 || one < 0)
                continue;
            QString typed = b;
            typed[zero] = u'o';
            typed[one] = u'L';
            QCOMPARE(parseTrackingCode(typed), std::optional<quint64>(key));
            typed[one] = u'i';
            QCOMPARE(parseTrackingCode(typed), std::optional<quint64>(key));
            return;
        }
        QFAIL("no sample key has both a 0 and a 1");
    }

    // Every wrong character in every position, and every swap of two different neighbours
    // (the check character included), fails the check.
    void checkCharacterCatchesEveryTypo()
    {
        qint64 tried = 0;
        for (quint64 key : sampleKeys()) {
            const QString code = bare(trackingCodeOfKey(key));
            QVERIFY(parseTrackingCode(code));
            for (int p = 0; p < kTrackingCodeLength; ++p) {
                for (const QChar other : kAlphabet) {
                    if (other == code.at(p))
                        continue;
                    QString typo = code;
                    typo[p] = other;
                    QVERIFY2(!parseTrackingCode(typo), qPrintable(code + u" → "_s + typo));
                    ++tried;
                }
                if (p + 1 < kTrackingCodeLength && code.at(p) != code.at(p + 1)) {
                    QString swapped = code;
                    std::swap(swapped[p], swapped[p + 1]);
                    QVERIFY2(!parseTrackingCode(swapped), qPrintable(code + u" → "_s + swapped));
                    ++tried;
                }
            }
        }
        QVERIFY(tried > 700000);
    }

    // The check character is spread over the alphabet (not stuck on a few symbols).
    void checkCharacterUsesTheAlphabet()
    {
        QSet<QChar> seen;
        for (quint64 key : sampleKeys())
            seen.insert(bare(trackingCodeOfKey(key)).back());
        QCOMPARE(seen.size(), 32);
    }
};

QTEST_GUILESS_MAIN(TestTrackingCode)
#include "TestTrackingCode.moc"
