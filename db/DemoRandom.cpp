// The demo data's seeded randomness (see DemoRandom.h).
#include "DemoRandom.h"

#include <array>

namespace branch::db::demo
{

Rng personRng(quint64 seed, quint64 run, qint64 index, quint64 stream)
{
    Rng r{seed ^ 0x6A09E667F3BCC908ULL};
    r.s ^= Rng{run * 0x9E6C63D0676A9A99ULL + stream}.next();
    r.s ^= Rng{quint64(index) * 0xD1B54A32D192ED03ULL + 1}.next();
    return r;
}

QString demoUuid(Rng &rng, const QDateTime &t)
{
    const quint64 ms = quint64(t.toMSecsSinceEpoch());
    const quint64 a = rng.next(), b = rng.next();
    std::array<quint8, 16> u{};
    for (int i = 0; i < 6; ++i)
        u[i] = quint8(ms >> (40 - 8 * i));
    u[6] = quint8(0x70 | (a & 0x0F));
    u[7] = quint8(a >> 8);
    u[8] = quint8(0x80 | ((a >> 16) & 0x3F));
    for (int i = 9; i < 16; ++i)
        u[i] = quint8(b >> (8 * (i - 9)));
    static const char hex[] = "0123456789abcdef";
    char text[36];
    int p = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text[p++] = '-';
        text[p++] = hex[u[i] >> 4];
        text[p++] = hex[u[i] & 0x0F];
    }
    return QString::fromLatin1(text, 36);
}

QString digits(Rng &rng, int n)
{
    QString s(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        s[i] = QChar(u'0' + int(rng.below(10)));
    return s;
}

QString mobileNumber(Rng &rng)
{
    return QStringLiteral("09") + QChar(u'0' + int(rng.below(4))) + digits(rng, 8);
}

} // namespace branch::db::demo
