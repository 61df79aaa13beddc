// The JSON that branchctl prints: one shaper per thing it shows (the contract's shapes,
// shared/contract/branchctl.md), so that every command shows the same thing the same way.
#pragma once

#include "app/lifecycle/Admin.h"
#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Backup.h"
#include "app/lifecycle/Dashboard.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Recovery.h"
#include "app/lifecycle/Review.h"
#include "app/lifecycle/Service.h"
#include "app/sync/SyncEngine.h"
#include "db/DemoData.h"
#include "db/Records.h"

#include <QJsonArray>
#include <QJsonObject>

namespace branch::cli
{

QString isoOut(const QDateTime &t);
QJsonValue isoOrNull(const QDateTime &t);

QJsonArray violationsJson(const Violations &vs);
// {"ok": false, "errors": [...], ...extra}; the extra figures also inside each error.
QJsonObject failureJson(const Failure &f);

QJsonObject applicantJson(const db::ApplicantRow &r);
// `applicants show`: the case the desk shows (applicantCase), every request, the account,
// the registry's reference, the history with its details, the SMS.
QJsonObject applicantCaseJson(const ApplicantCase &c);
// `report daily`: the dashboard's snapshot, status names, ISO times in UTC.
QJsonObject dashboardJson(const DashboardSnapshot &s);
QJsonArray decisionsJson(const QList<Decision> &decisions);
QJsonObject smsJson(const db::SmsRecord &s);
QJsonObject demoStatsJson(const db::DemoStats &s);
QJsonObject recoveryStartJson(const RecoveryStart &r, const QString &method);
QJsonObject auditCheckJson(const AuditCheck &c);

QJsonObject backupFileJson(const BackupFile &f);
QJsonObject restoreJson(const RestoreDone &d);
QJsonObject keepingStatusJson(const KeepingStatus &s, const QString &backupFolder, bool waitingTooLong);

QJsonObject conflictJson(const db::ConflictRecord &c);
// A conflict as an item of the review queue.
QJsonObject conflictReviewJson(const db::ConflictRecord &c);
QJsonObject reviewCaseJson(const ReviewCase &c);
QJsonObject proposalJson(const db::ReviewProposalRecord &p);

} // namespace branch::cli
