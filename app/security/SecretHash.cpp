// scrypt hashing of secrets (passwords, security answers) through OpenSSL 3's EVP_KDF.
#include "SecretHash.h"

#include "Random.h"

#include <QList>
#include <QtGlobal>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

namespace branch::security
{

namespace
{

struct Params {
    int ln = 0;
    int r = 0;
    int p = 0;
};

constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;
constexpr Params Production{17, 8, 1}; // 128 MiB: OWASP's minimum for scrypt; bench_sign_in measures it
constexpr Params Testing{10, 8, 1};

// Bounds for parameters read back from storage. A hash is only ever written by us, so
// anything outside these is corruption or an attack (a stored ln=40 must not make verify
// allocate terabytes or run for hours).
constexpr int MaxLn = 22;
constexpr int MaxR = 32;
constexpr int MaxP = 16;
constexpr quint64 MaxMemory = quint64(1) << 30; // 1 GiB for 128 * r * N

Params currentProfile()
{
#ifdef BRANCHDESK_TEST_HOOKS
    // Read on every call (cheap) so that a test may switch the profile with qputenv. Only in a
    // test build: the .deb's programs always hash with the production profile.
    return qEnvironmentVariable("BRANCHDESK_KDF_PROFILE") == QLatin1String("test") ? Testing : Production;
#else
    return Production;
#endif
}

bool paramsAcceptable(const Params &pr)
{
    if (pr.ln < 1 || pr.ln > MaxLn || pr.r < 1 || pr.r > MaxR || pr.p < 1 || pr.p > MaxP)
        return false;
    return quint64(128) * quint64(pr.r) * (quint64(1) << pr.ln) <= MaxMemory;
}

// A small non-negative decimal: ASCII digits only (QString::toInt would accept '+' and
// other forms, which would make two spellings of one hash).
bool parseSmallInt(QStringView s, int *out)
{
    if (s.isEmpty() || s.size() > 3)
        return false;
    int v = 0;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c.unicode() - u'0');
    }
    *out = v;
    return true;
}

bool parseBase64(QStringView s, QByteArray *out)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c.unicode() > 0x7f)
            return false;
    auto result = QByteArray::fromBase64Encoding(s.toLatin1(),
                                                 QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = std::move(result.decoded);
    // Reject non-canonical spellings (e.g. missing padding) so that one hash has one text.
    return out->toBase64() == s.toLatin1();
}

struct Decoded {
    Params params;
    QByteArray salt;
    QByteArray hash;
};

bool decode(const QString &encoded, Decoded *d)
{
    if (encoded.size() > 512) // far above any valid encoding (~80 characters)
        return false;
    const QList<QStringView> parts = QStringView(encoded).split(u'$');
    if (parts.size() != 6 || parts[0] != QStringView(u"scrypt"))
        return false;
    if (!parseSmallInt(parts[1], &d->params.ln) || !parseSmallInt(parts[2], &d->params.r) ||
        !parseSmallInt(parts[3], &d->params.p) || !paramsAcceptable(d->params))
        return false;
    if (!parseBase64(parts[4], &d->salt) || !parseBase64(parts[5], &d->hash))
        return false;
    return d->salt.size() >= 8 && d->salt.size() <= 64 && d->hash.size() >= 16 && d->hash.size() <= 64;
}

QByteArray secretBytes(QStringView secret)
{
    return secret.toUtf8();
}

} // namespace

namespace detail
{

QByteArray scryptRaw(QByteArrayView pw, QByteArrayView salt, int ln, int r, int p, int len)
{
    if (ln < 1 || ln > 62 || r < 1 || p < 1 || len < 1)
        return {};
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_SCRYPT, nullptr);
    if (!kdf)
        return {};
    EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    if (!ctx)
        return {};

    // A valid pointer even for an empty password or salt (RFC 7914 vector 1 has both), rather
    // than relying on how each OpenSSL version treats a null octet string.
    unsigned char empty = 0;
    uint64_t n = uint64_t(1) << ln;
    uint32_t r32 = uint32_t(r);
    uint32_t p32 = uint32_t(p);
    // OpenSSL's default limit (32 MiB) is below what N=2^17, r=8 needs (V is 128*r*(N+2)
    // bytes), so state the real need; the bounds are checked by the callers.
    uint64_t maxmem = 128 * uint64_t(r) * (n + 2) + 128 * uint64_t(r) * uint64_t(p) + (uint64_t(1) << 20);
    auto *pwData = pw.isEmpty() ? &empty : reinterpret_cast<unsigned char *>(const_cast<char *>(pw.data()));
    auto *saltData = salt.isEmpty() ? &empty : reinterpret_cast<unsigned char *>(const_cast<char *>(salt.data()));
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, pwData, size_t(pw.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, saltData, size_t(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r32),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p32),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(len, Qt::Uninitialized);
    const bool ok = EVP_KDF_derive(ctx, reinterpret_cast<unsigned char *>(out.data()), size_t(len), params) == 1;
    EVP_KDF_CTX_free(ctx); // also cleanses OpenSSL's copy of the password
    if (!ok) {
        wipe(out);
        return {};
    }
    return out;
}

} // namespace detail

QString hashSecret(QStringView secret)
{
    const Params pr = currentProfile();
    const QByteArray salt = randomBytes(SaltBytes);
    QByteArray pw = secretBytes(secret);
    QByteArray hash = detail::scryptRaw(pw, salt, pr.ln, pr.r, pr.p, HashBytes);
    wipe(pw);
    if (hash.isEmpty())
        return {};
    const QString encoded = QStringLiteral("scrypt$%1$%2$%3$%4$%5")
                                .arg(pr.ln)
                                .arg(pr.r)
                                .arg(pr.p)
                                .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash.toBase64()));
    wipe(hash);
    return encoded;
}

bool verifySecret(QStringView secret, const QString &encoded)
{
    Decoded d;
    if (!decode(encoded, &d))
        return false;
    QByteArray pw = secretBytes(secret);
    QByteArray computed = detail::scryptRaw(pw, d.salt, d.params.ln, d.params.r, d.params.p, int(d.hash.size()));
    wipe(pw);
    const bool match = computed.size() == d.hash.size() &&
                       CRYPTO_memcmp(computed.constData(), d.hash.constData(), size_t(computed.size())) == 0;
    wipe(computed);
    return match;
}

void spendVerifyTime(QStringView secret)
{
    const Params pr = currentProfile();
    static const QByteArray salt(SaltBytes, '\x5a'); // any salt: the result is discarded
    QByteArray pw = secretBytes(secret);
    QByteArray computed = detail::scryptRaw(pw, salt, pr.ln, pr.r, pr.p, HashBytes);
    wipe(pw);
    wipe(computed);
}

bool needsRehash(const QString &encoded)
{
    Decoded d;
    if (!decode(encoded, &d))
        return true;
    const Params cur = currentProfile();
    return d.params.ln < cur.ln || d.params.r < cur.r || d.params.p < cur.p || d.salt.size() < SaltBytes ||
           d.hash.size() < HashBytes;
}

void wipe(QString &s)
{
    // Only a buffer nobody else references is overwritten: writing through data() on a
    // shared one would first detach, i.e. wipe a fresh copy and leave the original intact.
    if (!s.isEmpty() && s.isDetached())
        OPENSSL_cleanse(s.data(), size_t(s.size()) * sizeof(QChar));
    s.clear();
}

void wipe(QByteArray &b)
{
    if (!b.isEmpty() && b.isDetached())
        OPENSSL_cleanse(b.data(), size_t(b.size()));
    b.clear();
}

} // namespace branch::security
