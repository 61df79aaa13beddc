// The generated persons of the demo data (see DemoGenerator.h).
#include "DemoGenerator.h"

#include "db/NameIndex.h"

#include "app/core/NationalCode.h"

#include <QCalendar>

#include <algorithm>
#include <cmath>

namespace branch::db::demo
{

namespace
{

using S = RequestStatus;

// The stored name of each status (app/core/RequestStatus), made once: the generator writes
// millions of rows.
const QString &storedName(RequestStatus s)
{
    static const auto names = [] {
        std::array<QString, 7> out;
        for (RequestStatus each : allStatuses())
            out.at(size_t(each)) = statusName(each);
        return out;
    }();
    return names.at(size_t(s));
}

// Status of a decided person's (first) request; the weights are percent of all persons,
// the remaining 10% being the undecided ones at the end of the time line.
RequestStatus drawDecidedStatus(Rng &rng)
{
    const quint64 x = rng.below(90);
    if (x < 55)
        return S::Activated;
    if (x < 70)
        return S::BranchActivationRequired;
    if (x < 80)
        return S::IdentityMismatch;
    if (x < 85)
        return S::Expired;
    if (x < 88)
        return S::Superseded;
    return S::Rejected;
}

} // namespace

Generator::Generator(const DemoOptions &opt, const QDateTime &now, std::unordered_set<quint32> taken, qint64 lastRid)
    : m_seed(opt.seed), m_n(opt.persons), m_now(now), m_taken(std::move(taken)), m_run(quint64(lastRid)), m_rid(lastRid)
{
    m_males = maleFirstNames();
    m_females = femaleFirstNames();
    m_lasts = lastNames();
    const QCalendar jalali(QCalendar::System::Jalali);
    for (int y = kFirstYear; y <= kLastYear; ++y)
        for (int m = 1; m <= 12; ++m)
            m_monthStart.push_back(QDate(y, m, 1, jalali).toJulianDay());
    // The time line: the first 90% of persons were decided over the last two years (up
    // to four days ago), the last 10% submitted within the decision window, still pending.
    m_decided = m_n - m_n / 10;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    m_decidedFrom = nowMs - 730LL * 86400'000;
    m_decidedWidth = (nowMs - 4LL * 86400'000 - m_decidedFrom) / std::max<qint64>(1, m_decided);
    m_pendingFrom = nowMs - 47LL * 3600'000;
    m_pendingWidth = (nowMs - 60'000 - m_pendingFrom) / std::max<qint64>(1, m_n - m_decided);
    m_slot = 1'000'000'000ULL / quint64(m_n);
}

void Generator::setQuestionSets(const std::array<QString, 4> &sets)
{
    for (size_t i = 0; i < sets.size(); ++i)
        m_questionSets[i] = sets[i];
}

Batch Generator::make(qint64 from, qint64 to)
{
    Batch b;
    b.persons = to - from;
    for (qint64 i = from; i < to; ++i)
        person(i, b);
    return b;
}

QString Generator::nationalCode(qint64 i, Rng &rng)
{
    // A free nine-digit base in this person's slot, not one digit repeated and not with
    // its last six digits all zero (never issued: checkNationalCode refuses both).
    for (int attempt = 0; attempt < 256; ++attempt) {
        const quint32 base = quint32(quint64(i) * m_slot + rng.below(m_slot));
        const QString nine = QStringLiteral("%1").arg(base, 9, 10, QLatin1Char('0'));
        if (nine.count(nine.front()) != 9 && base % 1000000 != 0 && m_taken.insert(base).second)
            return nationalCodeWithCheckDigit(nine);
    }
    throw DbException({DbError::Kind::Constraint, QStringLiteral("demo data: no free national codes left")});
}

QDateTime Generator::decisionAfter(Rng &rng, const QDateTime &t, qint64 minMs, qint64 maxMs) const
{
    return std::min(t.addMSecs(minMs + qint64(rng.below(quint64(maxMs - minMs)))), m_now.addSecs(-60));
}

void Generator::person(qint64 i, Batch &b)
{
    Rng codeRng = personRng(m_seed, m_run, i, 1);
    const QString code = nationalCode(i, codeRng);
    Rng rng = personRng(m_seed, m_run, i, 2);
    const bool female = rng.chance(0.5);
    const auto &firstTable = female ? m_females : m_males;
    const size_t fi = rng.skewed(firstTable.size()), li = rng.skewed(m_lasts.size());
    const NameEntry &first = firstTable[fi], &last = m_lasts[li], &father = m_males[rng.skewed(m_males.size())];
    const QString gender = female ? QStringLiteral("F") : QStringLiteral("M");

    // Younger people are more common among applicants.
    const int year = kLastYear - std::min(kLastYear - kFirstYear, int(86 * std::pow(rng.unit(), 1.4)));
    const int month = 1 + int(rng.below(12));
    const int day = 1 + int(rng.below(month <= 6 ? 31 : month <= 11 ? 30 : 29));
    const QDate birth = QDate::fromJulianDay(m_monthStart[size_t((year - kFirstYear) * 12 + month - 1)] + day - 1);
    const QString birthIso = birth.toString(Qt::ISODate);
    // Since 1368 the birth certificate number is the national code (the seed's case).
    const QString cert = year >= 1368 || rng.chance(0.08) ? code : QString::number(1 + rng.below(999'999));
    b.registry << code << first.text << last.text << father.text << first.norm << last.norm << father.norm << cert
               << birthIso << gender;

    // The request(s), oldest first.
    QDateTime submitted;
    RequestStatus status;
    if (i >= m_decided) {
        submitted = QDateTime::fromMSecsSinceEpoch(
            m_pendingFrom + (i - m_decided) * m_pendingWidth + qint64(rng.below(quint64(m_pendingWidth) + 1)), Qt::UTC);
        status = S::Submitted;
    } else {
        submitted = QDateTime::fromMSecsSinceEpoch(
            m_decidedFrom + i * m_decidedWidth + qint64(rng.below(quint64(m_decidedWidth) + 1)), Qt::UTC);
        status = drawDecidedStatus(rng);
    }
    const QString mobile = mobileNumber(rng);
    const QString verifier = QStringLiteral("verifier");
    Req reqs[2];
    int count = 1;
    if (status == S::Superseded) {
        // Registered again while the first request was pending, perhaps with another mobile.
        const QString oldMobile = rng.chance(0.5) ? mobileNumber(rng) : mobile;
        const QDateTime again = submitted.addMSecs(600'000 + qint64(rng.below(23 * 3600'000ULL)));
        reqs[0] = {S::Superseded, submitted, {}, 2, oldMobile, QStringLiteral("portal")};
        const quint64 x = rng.below(10);
        const RequestStatus newer = x < 7 ? S::Activated : x < 9 ? S::BranchActivationRequired : S::IdentityMismatch;
        reqs[1] = {newer, again, decisionAfter(rng, again, 300'000, 36 * 3600'000LL), 2, mobile, verifier};
        count = 2;
    } else if (status == S::Submitted) {
        reqs[0] = {status, submitted, {}, 1, mobile, QStringLiteral("portal")};
    } else if (status == S::Expired) {
        reqs[0] = {status, submitted, decisionAfter(rng, submitted, 48 * 3600'000LL + 60'000, 84 * 3600'000LL),
                   2,      mobile,    verifier};
    } else if (status == S::Rejected) {
        // Told to come to the branch, and refused there after the documents were checked.
        reqs[0] = {status, submitted, decisionAfter(rng, submitted, 86400'000LL, 20 * 86400'000LL),
                   3,      mobile,    QStringLiteral("demo.supervisor")};
    } else {
        reqs[0] = {status, submitted, decisionAfter(rng, submitted, 300'000, 36 * 3600'000LL), 2, mobile, verifier};
    }

    // Mobile ownership agrees with the outcome the verifier would reach.
    const RequestStatus finalStatus = reqs[count - 1].status;
    bool owns = true, other = false;
    if (finalStatus == S::BranchActivationRequired || finalStatus == S::Rejected) {
        owns = false;
        other = rng.chance(0.5);
    } else if (finalStatus != S::Activated && !rng.chance(0.85)) {
        owns = false;
        other = rng.chance(0.33);
    }
    if (owns)
        b.owners << code << mobile;
    else if (other)
        b.owners << code << mobileNumber(rng);

    const QString email = rng.chance(0.25) ? QStringLiteral("demo.%1@example.org").arg(code) : QStringLiteral("");
    const QString &questions = m_questionSets[rng.below(4)];
    for (int k = 0; k < count; ++k) {
        const Req &r = reqs[k];
        const qint64 rid = ++m_rid;
        const QString id = demoUuid(rng, r.submitted);
        const QVariant decided = r.decided.isValid() ? QVariant(isoUtc(r.decided)) : m_nullText;
        // What the person typed: usually what the registry holds; sometimes on an Arabic
        // keyboard; for an identity mismatch, something that differs from the registry.
        const bool arabic = rng.chance(0.04);
        QString firstTyped = arabic ? arabicKeyboard(first.text) : first.text;
        QString lastTyped = last.text, lastNorm = last.norm, certTyped = cert, birthTyped = birthIso;
        size_t lastKey = li;
        if (r.status == S::IdentityMismatch) {
            switch (rng.below(3)) {
            case 0:
                certTyped = QString::number(1 + rng.below(999'999));
                break;
            case 1:
                birthTyped = birth.addYears(rng.chance(0.5) ? 1 : -1).toString(Qt::ISODate);
                break;
            default:
                lastKey = (li + 1 + rng.below(m_lasts.size() - 1)) % m_lasts.size();
                lastTyped = m_lasts[lastKey].text;
                lastNorm = m_lasts[lastKey].norm;
            }
        }
        if (arabic || r.status == S::IdentityMismatch)
            b.requests << rid << id << r.version << code << r.mobile << firstTyped << lastTyped << first.norm
                       << lastNorm << certTyped << birthTyped << gender << email << questions << storedName(r.status)
                       << isoUtc(r.submitted) << decided << r.updatedBy;
        else
            b.requestsAsRegistry << rid << id << r.version << code << r.mobile << email << questions
                                 << storedName(r.status) << isoUtc(r.submitted) << decided << r.updatedBy;
        // The name-index text depends only on the two names: made once per pair.
        const quint64 key = (quint64(female) << 62) | (quint64(arabic) << 61) | (quint64(fi) << 24) | lastKey;
        auto it = m_indexText.find(key);
        if (it == m_indexText.end())
            it = m_indexText.insert(key, nameIndexText(firstTyped, lastTyped));
        b.names << rid << *it;
        m_byStatus[storedName(r.status)] += 1;
        ++m_requests;
        if (r.status == S::Activated) {
            b.accounts << rid << demoUuid(rng, r.decided);
            ++m_accounts;
        }
    }
}

} // namespace branch::db::demo
