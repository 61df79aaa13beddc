// The JSON that branchctl prints of the branch's upkeep and supervision: the daily report,
// the audit check, backups and restores, the status, the review queue and the sync conflicts
// (see Json.h; the people's shapes are in Json.cpp).
#include "Json.h"

#include "app/core/JalaliDate.h"
#include "app/lifecycle/SmsTexts.h"

#include <QJsonDocument>

namespace branch::cli
{

QJsonObject dashboardJson(const DashboardSnapshot &s)
{
    QJsonObject counts;
    for (auto it = s.countsByStatus.begin(); it != s.countsByStatus.end(); ++it)
        counts.insert(statusName(it.key()), it.value());
    QJsonArray staff;
    for (const auto &a : s.activationsByStaff)
        staff.append(QJsonObject{{QStringLiteral("login"), a.login}, {QStringLiteral("activations"), a.count}});
    QJsonObject oldest;
    if (s.oldestWaiting)
        oldest = {{QStringLiteral("status"), statusName(s.oldestWaiting->status)},
                  {QStringLiteral("submitted_at"), isoOut(s.oldestWaiting->submittedAt)},
                  {QStringLiteral("age_seconds"), s.oldestWaiting->ageSeconds}};
    QJsonObject sync{{QStringLiteral("queued"), s.sync.queued},
                     {QStringLiteral("oldest_queued_at"), isoOrNull(s.sync.oldestQueuedAt)}};
    if (s.sync.known) {
        sync.insert(QStringLiteral("configured"), s.sync.configured);
        sync.insert(QStringLiteral("online"), s.sync.online);
        sync.insert(QStringLiteral("last_success"), isoOrNull(s.sync.lastSuccess));
        sync.insert(QStringLiteral("last_error"), s.sync.lastError);
    }
    QJsonArray waiting;
    for (RequestStatus st : waitingStatuses())
        waiting.append(statusName(st));
    return {{QStringLiteral("branch_code"), s.branchCode},
            {QStringLiteral("day"), s.day.toString(Qt::ISODate)},
            {QStringLiteral("day_start"), isoOut(s.dayStart)},
            {QStringLiteral("day_end"), isoOut(s.dayEnd)},
            {QStringLiteral("computed_at"), isoOut(s.computedAt)},
            {QStringLiteral("requests_by_status"), counts},
            {QStringLiteral("requests_total"), s.totalRequests},
            {QStringLiteral("activations_by_staff"), staff},
            {QStringLiteral("staff_activations"), s.staffActivations},
            {QStringLiteral("automatic_activations"), s.automaticActivations},
            {QStringLiteral("waiting_statuses"), waiting},
            {QStringLiteral("waiting"), s.waiting},
            {QStringLiteral("oldest_waiting"), s.oldestWaiting ? QJsonValue(oldest) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("sync"), sync}};
}

QJsonObject auditCheckJson(const AuditCheck &c)
{
    if (c.ok)
        return {{QStringLiteral("ok"), true}, {QStringLiteral("entries"), c.entries}};
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("entries"), c.entries},
            {QStringLiteral("first_bad_seq"), c.firstBadSeq},
            {QStringLiteral("code"), c.code},
            {QStringLiteral("message"), c.reason}};
}

QJsonObject backupFileJson(const BackupFile &f)
{
    return {{QStringLiteral("file"), f.path},
            {QStringLiteral("branch_code"), f.branchCode},
            {QStringLiteral("taken_at"), isoOut(f.takenAt)},
            {QStringLiteral("bytes"), f.bytes}};
}

QJsonObject restoreJson(const RestoreDone &d)
{
    QJsonArray after;
    for (const db::AuditLine &a : d.afterBackup)
        after.append(QJsonObject{{QStringLiteral("seq"), a.seq},
                                 {QStringLiteral("at"), a.at},
                                 {QStringLiteral("actor"), a.actor},
                                 {QStringLiteral("action"), a.action},
                                 {QStringLiteral("national_code"), a.nationalCode}});
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("database"), d.database},
            {QStringLiteral("backup"), d.backup},
            {QStringLiteral("branch_code"), d.facts.branchCode},
            {QStringLiteral("kept_aside"), d.keptAside.isEmpty() ? QJsonValue() : QJsonValue(d.keptAside)},
            {QStringLiteral("backup_last_action_at"), d.facts.lastAuditAt},
            {QStringLiteral("waiting_in_backup"), d.facts.waitingChanges},
            {QStringLiteral("after_backup"), after},
            {QStringLiteral("unsent_in_kept_aside"), d.unsentInKeptAside}};
}

QJsonObject keepingStatusJson(const KeepingStatus &s, const QString &backupFolder, bool waitingTooLong)
{
    return {
        {QStringLiteral("waiting"), s.waiting},
        {QStringLiteral("oldest_waiting_at"), isoOrNull(s.oldestWaiting)},
        {QStringLiteral("last_sync"), isoOrNull(s.lastSync)},
        {QStringLiteral("last_backup"), isoOrNull(s.lastBackup)},
        {QStringLiteral("last_backup_file"), s.lastBackupPath.isEmpty() ? QJsonValue() : QJsonValue(s.lastBackupPath)},
        {QStringLiteral("backup_folder"), backupFolder},
        {QStringLiteral("waiting_too_long"), waitingTooLong}};
}

namespace
{

// The hashes stay out of a listing (they mean nothing to a supervisor).
QJsonObject withoutHashes(QJsonObject o)
{
    o.remove(QStringLiteral("password_hash"));
    o.remove(QStringLiteral("questions_json"));
    return o;
}

QJsonObject reviewIdentityJson(const QString &firstName, const QString &lastName, const QString &birthCertNo,
                               const QDate &birthDate, const QString &gender)
{
    return {{QStringLiteral("first_name"), firstName},
            {QStringLiteral("last_name"), lastName},
            {QStringLiteral("birth_cert_no"), birthCertNo},
            {QStringLiteral("birth_date"), toJalaliString(birthDate)},
            {QStringLiteral("gender"), gender}};
}

} // namespace

QJsonObject conflictJson(const db::ConflictRecord &c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("table"), c.table},
            {QStringLiteral("row_id"), c.rowId},
            {QStringLiteral("base_version"), c.baseVersion},
            {QStringLiteral("local"), withoutHashes(c.localPayload)},
            {QStringLiteral("central"), withoutHashes(c.centralPayload)},
            {QStringLiteral("created_at"), c.createdAt}};
}

QJsonObject conflictReviewJson(const db::ConflictRecord &c)
{
    return {{QStringLiteral("type"), QStringLiteral("sync_conflict")},
            {QStringLiteral("conflict_id"), c.id},
            {QStringLiteral("table"), c.table},
            {QStringLiteral("row_id"), c.rowId},
            {QStringLiteral("since"), c.createdAt},
            {QStringLiteral("local"), withoutHashes(c.localPayload)},
            {QStringLiteral("central"), withoutHashes(c.centralPayload)}};
}

QJsonObject reviewCaseJson(const ReviewCase &c)
{
    const auto &r = c.request;
    const auto &ref = c.reference;
    return {
        {QStringLiteral("type"), QStringLiteral("identity_mismatch")},
        {QStringLiteral("request_id"), r.id},
        {QStringLiteral("national_code"), r.nationalCode},
        {QStringLiteral("mobile"), r.mobile},
        {QStringLiteral("submitted_at"), isoOut(r.submittedAt)},
        {QStringLiteral("since"), isoOut(c.since)},
        {QStringLiteral("request"), reviewIdentityJson(r.firstName, r.lastName, r.birthCertNo, r.birthDate, r.gender)},
        {QStringLiteral("reference"),
         ref ? QJsonValue(
                   reviewIdentityJson(ref->firstName, ref->lastName, ref->birthCertNo, ref->birthDate, ref->gender))
             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("differences"), QJsonArray::fromStringList(c.differences)},
        {QStringLiteral("proposal"),
         c.proposal ? QJsonValue(proposalJson(*c.proposal)) : QJsonValue(QJsonValue::Null)}};
}

QJsonObject proposalJson(const db::ReviewProposalRecord &p)
{
    QJsonObject changes = p.changes;
    if (changes.contains(QStringLiteral("birth_date"))) // Jalali, as it was typed
        changes.insert(
            QStringLiteral("birth_date"),
            toJalaliString(QDate::fromString(changes.value(QStringLiteral("birth_date")).toString(), Qt::ISODate)));
    return {{QStringLiteral("proposal_id"), p.id},
            {QStringLiteral("request_id"), p.requestId},
            {QStringLiteral("national_code"), p.nationalCode},
            {QStringLiteral("kind"), p.kind},
            {QStringLiteral("changes"), changes},
            {QStringLiteral("reason"), p.reason},
            {QStringLiteral("proposed_by"), p.proposedBy},
            {QStringLiteral("proposed_at"), isoOut(p.proposedAt)},
            {QStringLiteral("status"), p.status}};
}

} // namespace branch::cli
