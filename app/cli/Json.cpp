// The JSON that branchctl prints (see Json.h).
#include "Json.h"

#include "app/core/JalaliDate.h"
#include "app/lifecycle/SmsTexts.h"

#include <QJsonDocument>

namespace branch::cli
{

QString isoOut(const QDateTime &t)
{
    return db::isoUtc(t);
}

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isoOut(t)) : QJsonValue(QJsonValue::Null);
}

QJsonArray violationsJson(const Violations &vs)
{
    QJsonArray arr;
    for (const auto &v : vs)
        arr.append(QJsonObject{{QStringLiteral("field"), v.field},
                               {QStringLiteral("code"), v.code},
                               {QStringLiteral("message"), v.message}});
    return arr;
}

QJsonObject failureJson(const Failure &f)
{
    QJsonObject o{{QStringLiteral("ok"), false}};
    QJsonArray errors = violationsJson(f.violations);
    if (f.extra.contains(QStringLiteral("errors")))
        errors = f.extra.value(QStringLiteral("errors")).toArray();
    for (auto it = f.extra.begin(); it != f.extra.end(); ++it) {
        if (it.key() != QLatin1String("errors"))
            o.insert(it.key(), it.value());
    }
    // Extra figures (attempts_left) also travel inside each error, for scripts that look there.
    QJsonArray withExtra;
    for (const auto &e : errors) {
        QJsonObject eo = e.toObject();
        for (auto it = f.extra.begin(); it != f.extra.end(); ++it)
            if (it.key() != QLatin1String("errors"))
                eo.insert(it.key(), it.value());
        withExtra.append(eo);
    }
    o.insert(QStringLiteral("errors"), withExtra);
    return o;
}

QJsonObject applicantJson(const db::ApplicantRow &r)
{
    return {{QStringLiteral("national_code"), r.nationalCode},
            {QStringLiteral("first_name"), r.firstName},
            {QStringLiteral("last_name"), r.lastName},
            {QStringLiteral("mobile"), r.mobile},
            {QStringLiteral("status"), statusName(r.status)}};
}

namespace
{

QJsonObject applicantRequestJson(const ApplicantRequest &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("branch_code"), r.branchCode},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("national_code"), r.nationalCode},
            {QStringLiteral("mobile"), r.mobile},
            {QStringLiteral("first_name"), r.identity.firstName},
            {QStringLiteral("last_name"), r.identity.lastName},
            {QStringLiteral("birth_cert_no"), r.identity.birthCertNo},
            {QStringLiteral("birth_date"), r.identity.birthDate.toString(Qt::ISODate)},
            {QStringLiteral("gender"), r.identity.gender},
            {QStringLiteral("email"), r.email},
            {QStringLiteral("question_ids"), QJsonArray::fromStringList(r.questionIds)},
            {QStringLiteral("status"), statusName(r.status)},
            {QStringLiteral("submitted_at"), isoOut(r.submittedAt)},
            {QStringLiteral("decided_at"), isoOut(r.decidedAt)},
            {QStringLiteral("updated_at"), isoOut(r.updatedAt)},
            {QStringLiteral("updated_by"), r.updatedBy}};
}

} // namespace

QJsonObject applicantCaseJson(const ApplicantCase &c)
{
    QJsonObject o{
        {QStringLiteral("national_code"), c.nationalCode},       {QStringLiteral("status"), statusName(c.status)},
        {QStringLiteral("status_label"), statusLabel(c.status)}, {QStringLiteral("first_name"), c.request.firstName},
        {QStringLiteral("last_name"), c.request.lastName},       {QStringLiteral("mobile"), c.mobile}};
    QJsonArray requests;
    for (const auto &r : c.requests) {
        requests.append(applicantRequestJson(r));
        if (r.id == c.requestId)
            o.insert(QStringLiteral("request"), applicantRequestJson(r));
    }
    o.insert(QStringLiteral("requests"), requests);
    o.insert(QStringLiteral("account"),
             c.account ? QJsonValue(QJsonObject{{QStringLiteral("id"), c.account->id},
                                                {QStringLiteral("mobile"), c.account->mobile},
                                                {QStringLiteral("created_at"), isoOut(c.account->createdAt)},
                                                {QStringLiteral("updated_at"), isoOut(c.account->updatedAt)}})
                       : QJsonValue(QJsonValue::Null));
    if (c.registry)
        o.insert(QStringLiteral("registry"),
                 QJsonObject{{QStringLiteral("first_name"), c.registry->firstName},
                             {QStringLiteral("last_name"), c.registry->lastName},
                             {QStringLiteral("father_name"), c.fatherName},
                             {QStringLiteral("birth_cert_no"), c.registry->birthCertNo},
                             {QStringLiteral("birth_date"), c.registry->birthDate.toString(Qt::ISODate)},
                             {QStringLiteral("gender"), c.registry->gender}});
    QJsonArray history;
    for (const auto &h : c.history)
        history.append(QJsonObject{{QStringLiteral("at"), isoOut(h.at)},
                                   {QStringLiteral("actor"), h.actor},
                                   {QStringLiteral("action"), h.action},
                                   {QStringLiteral("details"), QJsonDocument::fromJson(h.details.toUtf8()).object()}});
    o.insert(QStringLiteral("history"), history);
    QJsonArray sms;
    for (const auto &s : c.sms)
        sms.append(QJsonObject{{QStringLiteral("kind"), s.kind},
                               {QStringLiteral("mobile"), s.mobile},
                               {QStringLiteral("text"), s.text},
                               {QStringLiteral("created_at"), isoOut(s.at)},
                               {QStringLiteral("status"), s.status}});
    o.insert(QStringLiteral("sms"), sms);
    return o;
}

QJsonArray decisionsJson(const QList<Decision> &decisions)
{
    QJsonArray out;
    for (const auto &d : decisions)
        out.append(QJsonObject{{QStringLiteral("request_id"), d.requestId},
                               {QStringLiteral("national_code"), d.nationalCode},
                               {QStringLiteral("outcome"), statusName(d.outcome)}});
    return out;
}

QJsonObject smsJson(const db::SmsRecord &s)
{
    return QJsonObject{{QStringLiteral("id"), s.id},
                       {QStringLiteral("national_code"), s.nationalCode},
                       {QStringLiteral("mobile"), s.mobile},
                       {QStringLiteral("kind"), s.kind},
                       {QStringLiteral("text"), sms::shownText(s.kind, s.text)},
                       {QStringLiteral("created_at"), isoOut(s.createdAt)},
                       {QStringLiteral("status"), s.status},
                       {QStringLiteral("attempts"), s.attempts},
                       {QStringLiteral("next_attempt_at"), isoOrNull(s.nextAttemptAt)},
                       {QStringLiteral("sent_at"), isoOrNull(s.sentAt)},
                       {QStringLiteral("last_error"), s.lastError}};
}

QJsonObject demoStatsJson(const db::DemoStats &s)
{
    QJsonObject byStatus;
    for (auto it = s.byStatus.begin(); it != s.byStatus.end(); ++it)
        byStatus.insert(it.key(), it.value());
    return {{QStringLiteral("persons"), s.persons},
            {QStringLiteral("requests"), s.requests},
            {QStringLiteral("accounts"), s.accounts},
            {QStringLiteral("by_status"), byStatus}};
}

QJsonObject recoveryStartJson(const RecoveryStart &r, const QString &method)
{
    QJsonObject o{{QStringLiteral("recovery_id"), r.recoveryId}, {QStringLiteral("method"), method}};
    if (method == QLatin1String("sms")) {
        o.insert(QStringLiteral("expires_at"), isoOut(r.expiresAt));
    } else {
        QJsonArray qs;
        for (const auto &q : r.questions)
            qs.append(QJsonObject{{QStringLiteral("question_id"), q.id}, {QStringLiteral("text"), q.text}});
        o.insert(QStringLiteral("questions"), qs);
    }
    return o;
}

} // namespace branch::cli
