// Tracking codes: Crockford base32 with a check character over GF(32) (see TrackingCode.h).
#include "app/core/TrackingCode.h"

#include "app/core/Digits.h"

namespace branch
{

namespace
{

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kDataLength = kTrackingCodeLength - 1;
static_assert(kDataLength * 5 == kTrackingKeyBits);

// Multiplication by α in GF(2^5) = GF(2)[x] / (x^5 + x^2 + 1), α = x (a primitive element).
constexpr unsigned timesAlpha(unsigned v)
{
    v <<= 1;
    return (v & 0x20) ? v ^ 0x25 : v;
}

// The check symbol c of data symbols d0..d6 makes Σ α^(7-p)·s_p = 0 over the eight symbols
// (c at p = 7 with weight 1); in characteristic 2 that is c = Σ α^(7-p)·d_p. Each position has
// its own non-zero weight, so a substitution (changes the sum by weight·e, e ≠ 0) is seen;
// two adjacent positions have weights w and α·w, so swapping different symbols a, b changes
// it by w·(1 + α)·(a + b) ≠ 0 and is seen too.
unsigned checkSymbol(const int (&data)[kDataLength])
{
    unsigned s = 0;
    for (int d : data)
        s = timesAlpha(s ^ unsigned(d)); // Horner: d0·α^7 + … + d6·α
    return s;
}

int symbolOf(QChar c)
{
    char16_t u = c.unicode();
    if (u >= u'a' && u <= u'z')
        u = u - u'a' + u'A';
    if (u == u'O')
        return 0;
    if (u == u'I' || u == u'L')
        return 1;
    for (int i = 0; i < 32; ++i)
        if (u == char16_t(kAlphabet[i]))
            return i;
    return -1;
}

bool isSkipped(QChar c)
{
    const char16_t u = c.unicode();
    return c.isSpace() || u == u'-' || (u >= 0x2010 && u <= 0x2015) || u == 0x2212 || u == 0x00AD || u == 0x200C ||
           u == 0x200E || u == 0x200F || u == 0x061C || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace

std::optional<quint64> trackingKeyOfRequestId(QStringView id)
{
    if (id.size() != 36)
        return std::nullopt;
    quint64 last = 0; // the last 9 hex digits
    for (qsizetype i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash) {
            if (id[i] != u'-')
                return std::nullopt;
            continue;
        }
        const int v = hexValue(id[i]);
        if (v < 0)
            return std::nullopt;
        if (i >= 27)
            last = last << 4 | quint64(v);
    }
    return last & ((quint64(1) << kTrackingKeyBits) - 1);
}

QString trackingCodeOfKey(quint64 key)
{
    int data[kDataLength];
    for (int p = kDataLength - 1; p >= 0; --p) {
        data[p] = int(key & 31);
        key >>= 5;
    }
    QString out;
    out.reserve(kTrackingCodeLength + 1);
    for (int p = 0; p < kDataLength; ++p) {
        if (p == 4)
            out.append(u'-');
        out.append(QLatin1Char(kAlphabet[data[p]]));
    }
    out.append(QLatin1Char(kAlphabet[checkSymbol(data)]));
    return out;
}

QString trackingCode(QStringView requestId)
{
    const auto key = trackingKeyOfRequestId(requestId);
    return key ? trackingCodeOfKey(*key) : QString();
}

std::optional<quint64> parseTrackingCode(QStringView typed)
{
    const QString digits = normalizeDigits(typed);
    int symbols[kTrackingCodeLength];
    int n = 0;
    for (QChar c : digits) {
        if (isSkipped(c))
            continue;
        const int s = symbolOf(c);
        if (s < 0 || n == kTrackingCodeLength)
            return std::nullopt;
        symbols[n++] = s;
    }
    if (n != kTrackingCodeLength)
        return std::nullopt;
    int data[kDataLength];
    quint64 key = 0;
    for (int p = 0; p < kDataLength; ++p) {
        data[p] = symbols[p];
        key = key << 5 | quint64(symbols[p]);
    }
    if (checkSymbol(data) != unsigned(symbols[kDataLength]))
        return std::nullopt;
    return key;
}

} // namespace branch
