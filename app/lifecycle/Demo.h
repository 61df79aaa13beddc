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

// Fills the database with demo data and marks it a demo (meta demo = 1), only while it
// has no staff account (staff.exists otherwise, checked before the generation and again
// in its transaction): nobody signs in to make a demo, so it never goes into a branch's
// real work. With `withStaff`,
// also the staff to try the desk with: a clerk, two supervisors (four-eyes review needs
// two) and an administrator, each with its own password from the secure random source
// (security::randomPassword, 16 characters: the staff password rule), so every demo
// database has its own; the accounts are written in the demo data's transaction and
// audited ("staff.demo"). The passwords in the result are the caller's to wipe.
Outcome<DemoRun> fillDemoData(Context &ctx, db::DemoOptions options, bool withStaff, const QDateTime &now);

} // namespace branch
