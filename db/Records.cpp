// Travelling forms of the rows and the one time format of the database.
#include "Records.h"

#include "Database.h"

#include <QTimeZone>

namespace branch::db
{

namespace
{

// The digits of `s` from `at`, `n` of them, as a number; -1 if one is not an ASCII digit.
int digitsAt(const QString &s, int at, int n)
{
    int v = 0;
    for (int i = at; i < at + n; ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

void appendDigits(char16_t *&out, int v, int n)
{
    for (int i = n - 1; i >= 0; --i, v /= 10)
        out[i] = char16_t(u'0' + v % 10);
    out += n;
}

} // namespace

// Written and read by hand in the one shape the database keeps (a sync or an audit check
// converts hundreds of thousands of them; Qt's general ISO code costs microseconds each).
// Anything else goes through Qt: the same results, slower.
QString isoUtc(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    const QDateTime u = t.toUTC();
    const QDate d = u.date();
    const QTime tm = u.time();
    if (d.year() < 1000 || d.year() > 9999)
        return u.toString(Qt::ISODateWithMs);
    QString out(24, Qt::Uninitialized);
    char16_t *p = reinterpret_cast<char16_t *>(out.data());
    appendDigits(p, d.year(), 4);
    *p++ = u'-';
    appendDigits(p, d.month(), 2);
    *p++ = u'-';
    appendDigits(p, d.day(), 2);
    *p++ = u'T';
    appendDigits(p, tm.hour(), 2);
    *p++ = u':';
    appendDigits(p, tm.minute(), 2);
    *p++ = u':';
    appendDigits(p, tm.second(), 2);
    *p++ = u'.';
    appendDigits(p, tm.msec(), 3);
    *p = u'Z';
    return out;
}

QDateTime fromIsoUtc(const QString &s)
{
    if (s.isEmpty())
        return {};
    if (s.size() == 24 && s.at(4) == u'-' && s.at(7) == u'-' && s.at(10) == u'T' && s.at(13) == u':' &&
        s.at(16) == u':' && s.at(19) == u'.' && s.at(23) == u'Z') {
        const QDate d(digitsAt(s, 0, 4), digitsAt(s, 5, 2), digitsAt(s, 8, 2));
        const QTime tm(digitsAt(s, 11, 2), digitsAt(s, 14, 2), digitsAt(s, 17, 2), digitsAt(s, 20, 3));
        if (d.isValid() && tm.isValid() && d.year() >= 1000)
            return QDateTime(d, tm, Qt::UTC);
    }
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    return t.toUTC();
}

RequestStatus requestStatusFromColumn(const QString &name)
{
    if (const auto s = statusFromName(name))
        return *s;
    throw DbException(DbError{DbError::Kind::Corrupt, QStringLiteral("unknown request status '%1'").arg(name)});
}

QJsonObject RequestRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("branch_code"), branchCode},
            {QStringLiteral("version"), version},
            {QStringLiteral("national_code"), nationalCode},
            {QStringLiteral("mobile"), mobile},
            {QStringLiteral("first_name"), firstName},
            {QStringLiteral("last_name"), lastName},
            {QStringLiteral("first_name_norm"), firstNameNorm},
            {QStringLiteral("last_name_norm"), lastNameNorm},
            {QStringLiteral("birth_cert_no"), birthCertNo},
            {QStringLiteral("birth_date"), birthDate.toString(Qt::ISODate)},
            {QStringLiteral("gender"), gender},
            {QStringLiteral("email"), email},
            {QStringLiteral("password_hash"), passwordHash},
            {QStringLiteral("questions_json"), questionsJson},
            {QStringLiteral("status"), statusName(status)},
            {QStringLiteral("submitted_at"), isoUtc(submittedAt)},
            {QStringLiteral("decided_at"), isoUtc(decidedAt)},
            {QStringLiteral("updated_at"), isoUtc(updatedAt)},
            {QStringLiteral("updated_by"), updatedBy}};
}

QJsonObject AccountRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("branch_code"), branchCode},
            {QStringLiteral("version"), version},
            {QStringLiteral("national_code"), nationalCode},
            {QStringLiteral("request_id"), requestId},
            {QStringLiteral("mobile"), mobile},
            {QStringLiteral("first_name"), firstName},
            {QStringLiteral("last_name"), lastName},
            {QStringLiteral("gender"), gender},
            {QStringLiteral("password_hash"), passwordHash},
            {QStringLiteral("questions_json"), questionsJson},
            {QStringLiteral("created_at"), isoUtc(createdAt)},
            {QStringLiteral("updated_at"), isoUtc(updatedAt)},
            {QStringLiteral("updated_by"), updatedBy}};
}

QJsonObject SmsRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("branch_code"), branchCode},
            {QStringLiteral("version"), version},
            {QStringLiteral("national_code"), nationalCode},
            {QStringLiteral("mobile"), mobile},
            {QStringLiteral("kind"), kind},
            // A recovery code travels only inside the SMS text; the sync issue decides
            // whether such texts leave the branch at all.
            {QStringLiteral("text"), text},
            {QStringLiteral("created_at"), isoUtc(createdAt)},
            {QStringLiteral("status"), status},
            {QStringLiteral("sent_at"), isoUtc(sentAt)}};
}

QJsonObject RecoveryRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("branch_code"), branchCode},
            {QStringLiteral("version"), version},
            {QStringLiteral("national_code"), nationalCode},
            {QStringLiteral("method"), method},
            {QStringLiteral("code_hash"), codeHash},
            {QStringLiteral("created_at"), isoUtc(createdAt)},
            {QStringLiteral("expires_at"), isoUtc(expiresAt)},
            {QStringLiteral("attempts"), attempts},
            {QStringLiteral("state"), state},
            {QStringLiteral("updated_at"), isoUtc(updatedAt)}};
}

} // namespace branch::db
