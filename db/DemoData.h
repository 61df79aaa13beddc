// Demo data: fills a branch database with realistic, deterministic persons, requests and
// accounts (`branchctl demo-data`, `./dev run`, the search benchmark).
//
// DEMO DATA ONLY. Every demo account shares ONE password hash and ONE hash per security
// answer, made once per run (scrypt is far too slow for a million individual hashes):
//   password kDemoPassword ("Demo1234x"); answers favorite_color «آبی», birth_city «تهران»,
//   first_workplace «کارخانه». Never load demo data into a production branch database.
//
// Deterministic: the same seed, person count, branch code and `now` on the same starting
// database give identical rows, ids included (UUIDs come from a seeded PRNG, not from the
// CSPRNG). The only exception is the one audit entry "demo.generate", whose id is a real
// UUID so that the audit chain stays as the services write it.
//
// The data is treated as already-synced reference data: no outbox rows. Running it again
// ADDS persons; national codes never collide with codes already in the database.
#pragma once

#include "Database.h"

#include <QDateTime>
#include <QMap>
#include <QString>

#include <functional>

namespace branch::db
{

inline constexpr const char *kDemoPassword = "Demo1234x";

struct DemoOptions {
    qint64 persons = 1000;
    quint64 seed = 1;
    QString branchCode;
    QDateTime now; // the "present" of the data; invalid = the current time (then not reproducible)
    // Called from the generating thread every few thousand persons and once at the end.
    std::function<void(qint64 done, qint64 total)> progress;
    // Called inside the run's transaction after every demo row is written, before the
    // commit, for what must be stored with the data or not at all (the demo staff).
    // Returning false rolls the whole run back (DemoStats::committed is then false).
    std::function<bool(Database &)> beforeCommit;
};

struct DemoStats {
    qint64 persons = 0;
    qint64 requests = 0;
    qint64 accounts = 0;
    QMap<QString, qint64> byStatus; // request status → number of requests
    bool committed = true;          // false: beforeCommit refused, nothing was written
};

// Adds opt.persons persons, each with a civil-registry row, for most a mobile-ownership row,
// and one registration request (two when the first was superseded); activated requests get
// their account. Status mix (of persons): submitted ~10%, activated ~55%,
// branch_activation_required ~15%, identity_mismatch ~10%, expired ~5%, superseded ~3%
// (plus the newer request), rejected ~2%. All in one transaction; sets meta "demo_seed" and
// "demo" = "1" (the desk says it opens a demo database) and appends one "demo.generate"
// audit entry. Throws DbException on a storage failure (then nothing was written).
DemoStats generateDemoData(Database &db, const DemoOptions &opt);

} // namespace branch::db
