// Random bytes, digits and UUIDs from OpenSSL's RAND_bytes (a CSPRNG seeded by the OS).
#include "Random.h"

#include <QDateTime>
#include <QUuid>
#include <QtGlobal>

#include <mutex>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace branch::security
{

namespace
{

void fillRandom(unsigned char *buf, int n)
{
    if (n <= 0)
        return;
    // No fallback to a weaker source: a predictable SMS code or salt is worse than a crash.
    if (RAND_bytes(buf, n) != 1)
        qFatal("branch::security: RAND_bytes failed; refusing to continue without a secure random source");
}

QString uuidText(const unsigned char (&b)[16])
{
    const QByteArray raw(reinterpret_cast<const char *>(b), 16);
    return QUuid::fromRfc4122(raw).toString(QUuid::WithoutBraces); // lowercase hex
}

} // namespace

QByteArray randomBytes(int n)
{
    if (n < 0)
        qFatal("branch::security::randomBytes: negative length %d", n);
    QByteArray out(n, Qt::Uninitialized);
    fillRandom(reinterpret_cast<unsigned char *>(out.data()), n);
    return out;
}

QString randomDigits(int n)
{
    QString out;
    if (n <= 0)
        return out;
    out.reserve(n);
    unsigned char buf[64];
    while (out.size() < n) {
        fillRandom(buf, sizeof buf);
        for (unsigned char c : buf) {
            // 250 = 25 * 10: bytes 250..255 would make 0..5 slightly likelier, so drop them.
            if (c >= 250)
                continue;
            out.append(QChar(u'0' + c % 10));
            if (out.size() == n)
                break;
        }
    }
    OPENSSL_cleanse(buf, sizeof buf); // the unused bytes could complete a code's prefix
    return out;
}

QString randomPassword(int length)
{
    static const char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    constexpr int kSize = int(sizeof kAlphabet) - 1; // 56
    constexpr int kLetters = 48;                     // the first 48 are letters
    constexpr int kLimit = 256 - 256 % kSize;        // bytes from here on would favour the first symbols
    length = qMax(length, 8);
    QString out;
    out.reserve(length);
    unsigned char buf[64];
    // Drawn again until the three kinds are present (about one draw in six fails at 12).
    for (;;) {
        out.clear();
        while (out.size() < length) {
            fillRandom(buf, sizeof buf);
            for (unsigned char c : buf) {
                if (c >= kLimit)
                    continue;
                const int i = c % kSize;
                if (out.isEmpty() && i >= kLetters)
                    continue; // the rules want a letter first
                out.append(QLatin1Char(kAlphabet[i]));
                if (out.size() == length)
                    break;
            }
        }
        bool upper = false, lower = false, digit = false;
        for (const QChar ch : std::as_const(out)) {
            upper = upper || ch.isUpper();
            lower = lower || ch.isLower();
            digit = digit || ch.isDigit();
        }
        if (upper && lower && digit)
            break;
    }
    OPENSSL_cleanse(buf, sizeof buf);
    return out;
}

QString newUuid()
{
    // RFC 9562 section 6.2, method 1: rand_a (12 bits) is a counter, started at a random value
    // below 2^11 in each new millisecond so that it has room to count; when it overflows,
    // the timestamp is advanced by one. Also keeps the order when the wall clock steps back.
    static std::mutex mutex;
    static qint64 lastMs = -1;
    static quint32 counter = 0;

    unsigned char b[16];
    fillRandom(b, sizeof b);
    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    {
        const std::lock_guard lock(mutex);
        if (ms > lastMs) {
            lastMs = ms;
            counter = (quint32(b[6]) << 8 | b[7]) & 0x07ff;
        } else {
            ms = lastMs;
            if (++counter > 0x0fff) {
                ms = ++lastMs;
                counter = (quint32(b[6]) << 8 | b[7]) & 0x07ff;
            }
        }
    }
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>((quint64(ms) >> (8 * (5 - i))) & 0xff);
    b[6] = static_cast<unsigned char>(0x70 | (counter >> 8));
    b[7] = static_cast<unsigned char>(counter & 0xff);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80); // variant 10
    return uuidText(b);
}

QString newUuidV4()
{
    unsigned char b[16];
    fillRandom(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    return uuidText(b);
}

} // namespace branch::security
