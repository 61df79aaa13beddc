// Tests of app/security/SecretHash: RFC 7914 vectors, round trips, and that every malformed or
// tampered encoding is refused without crashing.
#include "app/security/Crypto.h"
#include "app/security/SecretHash.h"

#include <QElapsedTimer>
#include <QTest>

using namespace branch::security;
using namespace Qt::StringLiterals;

class TestSecretHash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rfc7914Vectors_data();
    void rfc7914Vectors();
    void roundTrip_data();
    void roundTrip();
    void encodingShape();
    void saltsDiffer();
    void tampered_data();
    void tampered();
    void malformed_data();
    void malformed();
    void needsRehashByProfile();
    void productionProfileCost();
    void wipeClears();
};

void TestSecretHash::initTestCase()
{
    QString error;
    QVERIFY2(init(&error), qPrintable(error));
    // CTest sets the cheap profile; the expectations below (ln=10) depend on it.
    qputenv("BRANCHDESK_KDF_PROFILE", "test");
}

void TestSecretHash::rfc7914Vectors_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<int>("ln");
    QTest::addColumn<int>("r");
    QTest::addColumn<int>("p");
    QTest::addColumn<QByteArray>("expectedHex");

    // RFC 7914 section 12 (the fourth vector, N = 2^20, needs 1 GiB and is left out).
    QTest::newRow("empty N=16") << QByteArray() << QByteArray() << 4 << 1 << 1
                                << QByteArray("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                              "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    QTest::newRow("password/NaCl N=1024")
        << QByteArray("password") << QByteArray("NaCl") << 10 << 8 << 16
        << QByteArray("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                      "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    QTest::newRow("pleaseletmein N=16384")
        << QByteArray("pleaseletmein") << QByteArray("SodiumChloride") << 14 << 8 << 1
        << QByteArray("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                      "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
}

void TestSecretHash::rfc7914Vectors()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(int, ln);
    QFETCH(int, r);
    QFETCH(int, p);
    QFETCH(QByteArray, expectedHex);
    QCOMPARE(detail::scryptRaw(password, salt, ln, r, p, 64).toHex(), expectedHex);
}

void TestSecretHash::roundTrip_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("wrong");

    QTest::newRow("ascii") << QStringLiteral("Correct-Horse-9") << QStringLiteral("correct-Horse-9");
    QTest::newRow("one char off") << QStringLiteral("Aa123456!") << QStringLiteral("Aa123456?");
    QTest::newRow("prefix") << QStringLiteral("Aa123456!") << QStringLiteral("Aa123456");
    // Persian text and Persian digits; Persian yeh (U+06CC) vs Arabic yeh (U+064A) are different
    // secrets here: normalisation is the rules' business, not the hash's.
    QTest::newRow("persian") << QStringLiteral("رمز‌عبور۱۴۰۲ی")
                             << QStringLiteral("رمز‌عبور۱۴۰۲ي");
    QTest::newRow("persian answer") << QStringLiteral("آبی") << QStringLiteral("ابی");
    QTest::newRow("empty") << QString() << QStringLiteral(" ");
    QTest::newRow("long") << QString(1000, u'x') << QString(999, u'x');
}

void TestSecretHash::roundTrip()
{
    QFETCH(QString, secret);
    QFETCH(QString, wrong);
    const QString h = hashSecret(secret);
    QVERIFY(!h.isEmpty());
    QVERIFY(verifySecret(secret, h));
    QVERIFY(!verifySecret(wrong, h));
}

void TestSecretHash::encodingShape()
{
    const QString h = hashSecret(u"secret");
    const QStringList parts = h.split(u'$');
    QCOMPARE(parts.size(), 6);
    QCOMPARE(parts[0], QStringLiteral("scrypt"));
    QCOMPARE(parts[1], QStringLiteral("10")); // the test profile
    QCOMPARE(parts[2], QStringLiteral("8"));
    QCOMPARE(parts[3], QStringLiteral("1"));
    QCOMPARE(QByteArray::fromBase64(parts[4].toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts[5].toLatin1()).size(), 32);
    // The stored hash is scrypt of the UTF-8 bytes with the stored salt, nothing else.
    const QByteArray salt = QByteArray::fromBase64(parts[4].toLatin1());
    QCOMPARE(detail::scryptRaw("secret", salt, 10, 8, 1, 32), QByteArray::fromBase64(parts[5].toLatin1()));
}

void TestSecretHash::saltsDiffer()
{
    const QString a = hashSecret(u"same secret");
    const QString b = hashSecret(u"same secret");
    QVERIFY(a != b);
    QVERIFY(a.section(u'$', 4, 4) != b.section(u'$', 4, 4));
    QVERIFY(verifySecret(u"same secret", a));
    QVERIFY(verifySecret(u"same secret", b));
}

void TestSecretHash::tampered_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("replacement");
    // Plausible edits of a valid hash: each must make verification fail.
    QTest::newRow("ln lowered") << 1 << QStringLiteral("9");
    QTest::newRow("ln raised") << 1 << QStringLiteral("11");
    QTest::newRow("r changed") << 2 << QStringLiteral("4");
    QTest::newRow("p changed") << 3 << QStringLiteral("2");
    QTest::newRow("other salt") << 4 << QString::fromLatin1(QByteArray(16, 'A').toBase64());
    QTest::newRow("other hash") << 5 << QString::fromLatin1(QByteArray(32, 'B').toBase64());
    QTest::newRow("short hash") << 5 << QString::fromLatin1(QByteArray(16, 'B').toBase64());
    QTest::newRow("algorithm") << 0 << QStringLiteral("bcrypt");
}

void TestSecretHash::tampered()
{
    QFETCH(int, field);
    QFETCH(QString, replacement);
    const QString h = hashSecret(u"Secret#1");
    QStringList parts = h.split(u'$');
    parts[field] = replacement;
    QVERIFY(!verifySecret(u"Secret#1", parts.join(u'$')));

    // One flipped bit in the stored hash.
    QByteArray raw = QByteArray::fromBase64(h.section(u'$', 5, 5).toLatin1());
    raw[0] = char(raw[0] ^ 1);
    QStringList flipped = h.split(u'$');
    flipped[5] = QString::fromLatin1(raw.toBase64());
    QVERIFY(!verifySecret(u"Secret#1", flipped.join(u'$')));
}

void TestSecretHash::malformed_data()
{
    QTest::addColumn<QString>("encoded");
    const QString salt = QString::fromLatin1(QByteArray(16, 's').toBase64());
    const QString hash = QString::fromLatin1(QByteArray(32, 'h').toBase64());
    const auto enc = [&](const QString &ln, const QString &r, const QString &p, const QString &s, const QString &h) {
        return QStringList{u"scrypt"_s, ln, r, p, s, h}.join(u'$');
    };

    QTest::newRow("empty") << QString();
    QTest::newRow("just the name") << QStringLiteral("scrypt");
    QTest::newRow("dollars only") << QStringLiteral("$$$$$");
    QTest::newRow("five fields") << QStringList{u"scrypt"_s, u"10"_s, u"8"_s, u"1"_s, salt}.join(u'$');
    QTest::newRow("seven fields") << enc(u"10"_s, u"8"_s, u"1"_s, salt, hash) + u"$x"_s;
    QTest::newRow("trailing dollar") << enc(u"10"_s, u"8"_s, u"1"_s, salt, hash) + u"$"_s;
    QTest::newRow("bad base64 salt") << enc(u"10"_s, u"8"_s, u"1"_s, u"!!!!"_s, hash);
    QTest::newRow("bad base64 hash") << enc(u"10"_s, u"8"_s, u"1"_s, salt, u"a*b="_s);
    QTest::newRow("unpadded base64") << enc(u"10"_s, u"8"_s, u"1"_s, salt, hash.chopped(1));
    QTest::newRow("empty salt") << enc(u"10"_s, u"8"_s, u"1"_s, QString(), hash);
    QTest::newRow("tiny salt") << enc(u"10"_s, u"8"_s, u"1"_s, u"AAAA"_s, hash);
    QTest::newRow("tiny hash") << enc(u"10"_s, u"8"_s, u"1"_s, salt, u"AAAA"_s);
    QTest::newRow("persian digits") << enc(u"۱۰"_s, u"8"_s, u"1"_s, salt, hash);
    QTest::newRow("non-ascii base64") << enc(u"10"_s, u"8"_s, u"1"_s, u"ض"_s + salt, hash);
    QTest::newRow("plus sign") << enc(u"+10"_s, u"8"_s, u"1"_s, salt, hash);
    QTest::newRow("negative") << enc(u"-1"_s, u"8"_s, u"1"_s, salt, hash);
    QTest::newRow("space") << enc(u" 10"_s, u"8"_s, u"1"_s, salt, hash);
    QTest::newRow("ln zero") << enc(u"0"_s, u"8"_s, u"1"_s, salt, hash);
    QTest::newRow("ln 23") << enc(u"23"_s, u"1"_s, u"1"_s, salt, hash);
    QTest::newRow("ln 64") << enc(u"64"_s, u"8"_s, u"1"_s, salt, hash);
    QTest::newRow("ln huge") << enc(u"99999999999"_s, u"8"_s, u"1"_s, salt, hash);
    QTest::newRow("r zero") << enc(u"10"_s, u"0"_s, u"1"_s, salt, hash);
    QTest::newRow("r huge") << enc(u"10"_s, u"999"_s, u"1"_s, salt, hash);
    QTest::newRow("p zero") << enc(u"10"_s, u"8"_s, u"0"_s, salt, hash);
    QTest::newRow("p huge") << enc(u"10"_s, u"8"_s, u"999"_s, salt, hash);
    QTest::newRow("memory over 1 GiB") << enc(u"22"_s, u"8"_s, u"1"_s, salt, hash);
    QTest::newRow("very long") << enc(u"10"_s, u"8"_s, u"1"_s, salt, QString(100000, u'A'));
}

void TestSecretHash::malformed()
{
    QFETCH(QString, encoded);
    QElapsedTimer t;
    t.start();
    QVERIFY(!verifySecret(u"anything", encoded));
    QVERIFY(needsRehash(encoded));
    // Refused before any scrypt work: an absurd stored parameter must not cost time or memory.
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
}

void TestSecretHash::needsRehashByProfile()
{
    const QString weak = hashSecret(u"pw"); // test profile, ln=10
    QVERIFY(!needsRehash(weak));
    qunsetenv("BRANCHDESK_KDF_PROFILE"); // production profile, ln=17
    QVERIFY(needsRehash(weak));
    QVERIFY(verifySecret(u"pw", weak)); // old hashes keep verifying with their stored params
    // Stronger than the profile in one parameter, weaker in another: still needs a rehash.
    QVERIFY(needsRehash(QString(weak).replace(u"$10$8$"_s, u"$16$4$"_s)));
    qputenv("BRANCHDESK_KDF_PROFILE", "test");
}

void TestSecretHash::productionProfileCost()
{
    // Measures one hash in each profile (the figures quoted in the README) and checks that the
    // production parameters really work: with OpenSSL's default memory limit they would not.
    qunsetenv("BRANCHDESK_KDF_PROFILE");
    QElapsedTimer t;
    t.start();
    const QString prod = hashSecret(u"Production#1");
    const qint64 prodMs = t.elapsed();
    QVERIFY(prod.startsWith(u"scrypt$17$8$1$")); // OWASP's minimum for scrypt
    QVERIFY(!needsRehash(prod));
    QVERIFY(verifySecret(u"Production#1", prod));
    QVERIFY(!verifySecret(u"Production#2", prod));
    qputenv("BRANCHDESK_KDF_PROFILE", "test");
    QVERIFY(!needsRehash(prod));
    t.restart();
    const QString test = hashSecret(u"Production#1");
    const qint64 testMs = t.elapsed();
    QVERIFY(test.startsWith(u"scrypt$10$8$1$"));
    qInfo("hashSecret: production profile (ln=17,r=8,p=1) %lld ms, test profile (ln=10) %lld ms", prodMs, testMs);
}

void TestSecretHash::wipeClears()
{
    QString s = QStringLiteral("secret").repeated(2);
    wipe(s);
    QVERIFY(s.isEmpty());
    QByteArray b("secret-bytes", 12);
    b.detach();
    wipe(b);
    QVERIFY(b.isEmpty());

    // A shared buffer is released, not overwritten, so that the other holder still has it.
    QString original = QStringLiteral("abc").repeated(3);
    QString copy = original;
    wipe(copy);
    QVERIFY(copy.isEmpty());
    QCOMPARE(original, QStringLiteral("abcabcabc"));
}

QTEST_GUILESS_MAIN(TestSecretHash)
#include "TestSecretHash.moc"
