// The demo data's seeded randomness (DEMO DATA ONLY, see DemoData.h): reproducible draws,
// ids, digits and mobile numbers.
#pragma once

#include <QDateTime>
#include <QString>

#include <algorithm>
#include <cmath>

namespace branch::db::demo
{

// splitmix64: tiny, fast, good enough for demo data, and the same on every platform
// (std::uniform_*_distribution are not).
struct Rng {
    quint64 s;
    quint64 next()
    {
        quint64 z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    quint64 below(quint64 n) { return next() % n; } // bias irrelevant here
    double unit() { return double(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    // Index in [0, n), skewed towards 0 (common names first).
    size_t skewed(size_t n) { return std::min(n - 1, size_t(std::pow(unit(), 1.8) * double(n))); }
};

// Each person draws from its own streams (one for the national code, which may need
// retries, one for the rest), so that no person's data depends on another's draws. `run`
// tells apart the runs on one database (it is the last request row number before the run):
// a second run with the same seed makes other people, not the same ones again.
Rng personRng(quint64 seed, quint64 run, qint64 index, quint64 stream);

// A UUIDv7 (RFC 9562) whose time field is the row's own time and whose random bits come
// from the seeded stream: the same form as security::newUuid(), but reproducible.
QString demoUuid(Rng &rng, const QDateTime &t);

// `n` random decimal digits.
QString digits(Rng &rng, int n);

// An Iranian mobile number, 09[0-3] and eight digits.
QString mobileNumber(Rng &rng);

} // namespace branch::db::demo
