// SHA-256 through OpenSSL's one-shot EVP_Digest.
#include "Digest.h"

#include <QtGlobal>

#include <openssl/evp.h>

namespace branch::security
{

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    // EVP_sha256() is a built-in method that cannot be missing; failure here means libcrypto
    // is broken, and a wrong digest would corrupt the audit chain, so stop.
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()), &len, EVP_sha256(),
                   nullptr) != 1 ||
        len != 32)
        qFatal("branch::security::sha256: EVP_Digest failed");
    return out;
}

QString sha256Hex(QByteArrayView data)
{
    return QString::fromLatin1(sha256(data).toHex());
}

} // namespace branch::security
