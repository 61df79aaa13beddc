// Tests of app/security/Digest (FIPS 180-2 SHA-256 vectors) and of the Crypto::init self-test.
#include "app/security/Crypto.h"
#include "app/security/Digest.h"

#include <QCryptographicHash>
#include <QTest>

using namespace branch::security;

class TestSecurityDigest : public QObject
{
    Q_OBJECT

private slots:
    void selfTest();
    void sha256Vectors_data();
    void sha256Vectors();
};

void TestSecurityDigest::selfTest()
{
    QString error = QStringLiteral("unchanged");
    QVERIFY2(init(&error), qPrintable(error));
    QCOMPARE(error, QStringLiteral("unchanged")); // only written on failure
    QVERIFY(init());                              // no error pointer needed
}

void TestSecurityDigest::sha256Vectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedHex");
    QTest::newRow("empty") << QByteArray()
                           << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("million a") << QByteArray(1000000, 'a')
                               << QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    QTest::newRow("embedded nul")
        << QByteArray("a\0b", 3)
        << QString::fromLatin1(QCryptographicHash::hash(QByteArray("a\0b", 3), QCryptographicHash::Sha256).toHex());
}

void TestSecurityDigest::sha256Vectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedHex);
    QCOMPARE(sha256Hex(input), expectedHex);
    QCOMPARE(sha256(input).toHex(), expectedHex.toLatin1());
    QCOMPARE(sha256(input).size(), 32);
}

QTEST_GUILESS_MAIN(TestSecurityDigest)
#include "TestSecurityDigest.moc"
