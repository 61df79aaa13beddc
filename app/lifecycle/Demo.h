// Demo databases (branchctl demo-data, ./dev run): the generated persons and requests
// (db::generateDemoData) and, on request, the staff a newcomer signs in with.
#pragma once

#include "Service.h"

#include "db/DemoData.h"

#include <QList>

namespace branch
{

// A demo staff account and its password, shown once (branchctl prints it) and stored only
// as its hash.
struct DemoStaffAccount {
    QString login;
    QString role;
    QString password;
};

struct DemoRun {
    db::DemoStats stats;
    QList<DemoStaffAccount> staff; // empty without withStaff
};

// Fills the database with demo data and marks it a demo (meta demo = 1). Without an
// `administrator` (signed in by the caller: branchctl's demo-data is an administrator's
// command) only while the database has no staff account (staff.exists otherwise, checked
// before the generation and again in its transaction). With `withStaff`, only into a
// database without staff (staff.exists),
// also the staff to try the desk with: a clerk, two supervisors (four-eyes review needs
// two) and an administrator, each with its own password from the secure random source
// (security::randomPassword, 16 characters: the staff password rule), so every demo
// database has its own; the accounts are written in the demo data's transaction and
// audited ("staff.demo"). The passwords in the result are the caller's to wipe.
Outcome<DemoRun> fillDemoData(Context &ctx, db::DemoOptions options, bool withStaff, const QDateTime &now,
                              const QString &administrator = {});

} // namespace branch
