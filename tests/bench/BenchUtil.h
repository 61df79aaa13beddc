// What the benchmarks share: figures from a set of timings, a line printed at once, a
// positive integer from the environment.
#pragma once

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace branch::bench
{

struct Figures {
    double median = 0, p95 = 0; // in the unit of the timings
};

inline Figures figures(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) { return samples[std::min(samples.size() - 1, size_t(q * double(samples.size())))]; };
    return {at(0.5), at(0.95)};
}

inline void say(const QString &s)
{
    std::fputs(s.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

inline int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

// A fixed piece of CPU work (SHA-256 of 64 MiB), timed in ms: printed beside a benchmark's
// figures, it tells a slow machine (or a busy host) from a slow program.
inline double machineReferenceMs()
{
    const QByteArray block(1 << 20, 'x');
    QElapsedTimer t;
    t.start();
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (int i = 0; i < 64; ++i)
        h.addData(block);
    volatile char sink = h.result().at(0);
    (void)sink;
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace branch::bench
