// The start-up self-test of the OpenSSL functions BranchDesk uses.
#include "Crypto.h"

#include "Digest.h"
#include "Random.h"
#include "SecretHash.h"

#include <QCoreApplication>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace branch::security
{

namespace
{

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool init(QString *error)
{
    if (OpenSSL_version_num() < 0x30000000L)
        return fail(error, QCoreApplication::translate("Crypto", "OpenSSL 3 is required, but %1 was loaded.")
                               .arg(QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION))));

    // FIPS 180-2, appendix B.1.
    if (sha256Hex("abc") != QLatin1String("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        return fail(error, QCoreApplication::translate("Crypto", "The SHA-256 self-test failed."));

    // RFC 7914 section 12, first vector: P = "", S = "", N = 16, r = 1, p = 1, dkLen = 64.
    const QByteArray expected = QByteArray::fromHex("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                                    "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    if (detail::scryptRaw({}, {}, 4, 1, 1, 64) != expected)
        return fail(error, QCoreApplication::translate(
                               "Crypto", "The scrypt self-test failed (is the OpenSSL default provider available?)."));

    // Not randomBytes(): that one stops the process, here the caller decides what to say.
    unsigned char probe[32];
    if (RAND_bytes(probe, sizeof probe) != 1)
        return fail(error,
                    QCoreApplication::translate("Crypto", "The secure random number generator is not available."));
    OPENSSL_cleanse(probe, sizeof probe);
    return true;
}

} // namespace branch::security
