// Demo data generator (see DemoData.h for what it makes and the demo-only secrets).
//
// Speed: a million persons are about five million rows (1.8 GB); measured at about 45 s on
// two cores. What keeps that under a minute:
// - persons are generated in national-code order and in submission-time order, and ids are
//   UUIDv7 made from the row's own time, so nearly every b-tree insert appends at the end;
// - everything that only depends on the name tables (normalised forms, the name-index text)
//   is computed once per name, not once per person;
// - a worker thread generates the next batch while this thread stores the current one;
// - rows go in through cached multi-row INSERT statements with as few bound values as
//   possible (values shared by all rows bound once, requests that repeat the registry copied
//   from it in SQL, accounts copied from their requests at the end);
// - one transaction; for its duration a larger page cache, no fsync and a rollback journal
//   (LoadSettings); secondary indexes rebuilt once at the end instead of row by row.
#include "DemoData.h"

#include "AuditRepository.h"
#include "MetaRepository.h"
#include "NameIndex.h"

#include "app/core/NationalCode.h"
#include "app/core/PersianText.h"
#include "app/security/Random.h"
#include "app/security/SecretHash.h"

#include <QCalendar>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <cmath>
#include <future>
#include <unordered_set>
#include <vector>

namespace branch::db
{

namespace
{

// ---- name tables ---------------------------------------------------------------------
// Most common first in each table: picks are skewed towards the start. A few entries are
// typed with the Arabic keyboard's ي (U+064A), ى (U+0649) or ك (U+0643), as the civil
// registry and people sometimes do; ZWNJ (U+200C) joins the parts of compound names.

const char *const kMaleFirst[] = {
    "محمد", "علی", "حسین", "رضا", "مهدی", "امیر", "حسن", "سعید", "مجید", "حمید", "احمد", "محمود", "مصطفی", "مرتضی",
    "جواد", "عباس", "ابراهیم", "اسماعیل", "یوسف", "داوود", "هادی", "حامد", "وحید", "سجاد", "مسعود", "مهران", "فرهاد",
    "بهرام", "بهروز", "بهزاد", "کامران", "کیوان", "پرویز", "فریدون", "جمشید", "داریوش", "کوروش", "آرش", "بابک", "سیاوش",
    "سهراب", "نادر", "ناصر", "منصور", "مهرداد", "فرشید", "شهرام", "شاهین", "پیمان", "پویا", "پارسا", "امید", "نوید",
    "میلاد", "مازیار", "هومن", "رامین", "رحیم", "کریم", "قاسم", "جعفر", "صادق", "باقر", "کاظم", "تقی", "هاشم", "اکبر",
    "اصغر", "غلامرضا", "غلامحسین", "ابوالفضل", "یزدان", "ایمان", "آرمان", "عرفان", "محسن", "محمدرضا", "محمدعلی",
    "محمدمهدی", "امیرحسین", "امیرعلی", "علیرضا", "حمیدرضا", "سینا", "بنیامین", "ماهان", "یاسین", "طاها", "ابوالقاسم",
    "فرزاد", "فرامرز", "سیروس", "منوچهر", "اردشیر", "خسرو", "نیما", "کیان", "آرین", "دانیال", "شهاب", "روزبه", "بردیا",
    "اشکان", "سامان", "مهیار", "حسام", "عماد", "مجتبی", "یعقوب", "سلیمان", "موسی", "عیسی",
    // compound first names: two words, ZWNJ, or «-الله» joined with ZWNJ
    "محمد حسین", "محمد جواد", "علی اکبر", "امیر محمد", "سید علی", "سید محمد", "محمد\u200cامین", "محمد\u200cصادق",
    "روح\u200cالله", "نعمت\u200cالله", "حبیب\u200cالله", "فتح\u200cالله", "اسدالله",
    // typed with Arabic letters
    "عل\u064a", "\u0643اظم", "\u0643ر\u064aم", "\u064aوسف", "مرتض\u0649", "عل\u064aرضا"};

const char *const kFemaleFirst[] = {
    "فاطمه", "زهرا", "مریم", "معصومه", "زینب", "سکینه", "رقیه", "طاهره", "طیبه", "اعظم", "اشرف", "عفت", "عصمت", "شهین",
    "شهلا", "پروین", "پروانه", "ژیلا", "لیلا", "مینا", "مهناز", "مهین", "ناهید", "نسرین", "نرگس", "نازنین", "نیلوفر",
    "سمیرا", "سمانه", "سپیده", "ساره", "سارا", "سیما", "سیمین", "شیرین", "شیما", "شبنم", "الهام", "الهه", "اکرم",
    "آزاده", "آزیتا", "آتنا", "آیدا", "آناهیتا", "بهاره", "بهناز", "پریسا", "پریا", "ترانه", "تینا", "حدیثه", "حمیده",
    "حکیمه", "خدیجه", "راضیه", "رویا", "ریحانه", "زیبا", "ژاله", "سحر", "سوسن", "سهیلا", "صدیقه", "صغری", "کبری",
    "فرشته", "فریبا", "فرزانه", "فرناز", "فروغ", "فهیمه", "گلاره", "گلناز", "گیتی", "لادن", "لاله", "ماندانا", "مهسا",
    "مهتاب", "مهرنوش", "منیژه", "منیره", "نگار", "نسیم", "ندا", "نوشین", "هانیه", "هدی", "هستی", "یاسمن", "یگانه",
    "یاسمین", "ملیکه", "محدثه", "مائده", "کوثر", "عاطفه", "فائزه", "نجمه", "مرضیه", "منصوره", "ثریا", "شکوه", "توران",
    "ملیحه",
    // compound first names
    "فاطمه زهرا", "زهرا سادات", "فاطمه سادات", "مریم\u200cسادات", "ام\u200cالبنین", "نرگس\u200cخاتون",
    // typed with Arabic letters
    "ر\u0642\u064aه", "ز\u0643\u064aه", "\u0643بر\u0649", "مرض\u064aه", "فاطمة"};

const char *const kLast[] = {
    "محمدی", "حسینی", "احمدی", "رضایی", "موسوی", "کریمی", "رحیمی", "جعفری", "هاشمی", "صادقی", "حیدری", "کاظمی", "نوری",
    "اکبری", "قاسمی", "محمودی", "ابراهیمی", "عباسی", "مرادی", "سلیمانی", "نجفی", "یوسفی", "شریفی", "زارعی", "امیری",
    "باقری", "قربانی", "رستمی", "طاهری", "عزیزی", "کرمی", "سعیدی", "جلالی", "منصوری", "خسروی", "فرهادی", "ملکی",
    "صالحی", "بهرامی", "نظری", "تهرانی", "شیرازی", "اصفهانی", "تبریزی", "کرمانی", "یزدی", "قزوینی", "کاشانی", "رشتی",
    "مشهدی", "افشار", "پارسا", "نیکزاد", "فراهانی", "میرزایی", "اسدی", "غلامی", "شجاعی", "اسماعیلی", "فلاحی", "رنجبر",
    "کشاورز", "دهقان", "آهنگر", "نجار", "زرگر", "بنایی", "صباغ", "عطار", "خیاط", "آقایی", "آقاجانی", "بابایی", "خالقی",
    "خلیلی", "سبحانی", "فاضلی", "عسگری", "عسکری", "توکلی", "طالبی", "فتحی", "رحمانی", "سلطانی", "شاکری", "شهبازی",
    "صفایی", "ضیایی", "طباطبایی", "علوی", "فاطمی", "قریشی", "کیانی", "گودرزی", "لطفی", "مختاری", "مهدوی", "میری",
    "نادری", "نصیری", "نیکنام", "وحیدی", "یگانه", "پاکزاد", "جهانگیری", "چراغی", "خوشنویس", "دانشور", "ذوالفقاری",
    "رفیعی", "زمانی", "ساعدی", "شفیعی", "صدری", "طاهرخانی", "ظهیری", "عابدی", "غفاری", "فرجی", "قنبری", "کاویانی",
    "گلستانی", "لاریجانی", "مظاهری", "نوروزی", "وکیلی", "همتی", "یاری", "حسن\u200cزاده", "حسین\u200cزاده",
    "علی\u200cزاده", "تقی\u200cزاده", "قلی\u200cزاده", "رضازاده", "ولی\u200cزاده", "نیک\u200cپور", "علی\u200cپور",
    "حسن\u200cپور", "رحمان\u200cپور", "قاسم\u200cپور", "هاشم\u200cپور", "پورمحمدی", "یزدان\u200cپناه", "خداپرست",
    "خدابنده", "دوست\u200cمحمدی", "امیری\u200cفر", "صادقی\u200cنژاد", "محمدی\u200cنژاد", "رضایی\u200cنیا",
    "کریمی\u200cنیا", "احمدی\u200cنیا", "آل\u200cاحمد", "بنی\u200cهاشمی", "میر محمدی", "سید جوادی", "حاج\u200cآقایی",
    "شاه\u200cحسینی",
    // typed with Arabic letters
    "\u0643ر\u064aم\u064a", "\u064aوسف\u064a", "\u0643اظم\u064a", "مل\u0643\u064a", "ترا\u0643مه"};

struct NameEntry {
    QString text, norm;
};

std::vector<NameEntry> loadNames(const char *const *names, size_t n)
{
    std::vector<NameEntry> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const QString t = QString::fromUtf8(names[i]);
        out.push_back({t, normalizeName(t)});
    }
    return out;
}

// The same name typed on an Arabic keyboard (ی → ي, ک → ك): what some people enter.
QString arabicKeyboard(QString s)
{
    s.replace(QChar(0x06CC), QChar(0x064A));
    s.replace(QChar(0x06A9), QChar(0x0643));
    return s;
}

// ---- seeded randomness -----------------------------------------------------------------

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
Rng personRng(quint64 seed, quint64 run, qint64 index, quint64 stream)
{
    Rng r{seed ^ 0x6A09E667F3BCC908ULL};
    r.s ^= Rng{run * 0x9E6C63D0676A9A99ULL + stream}.next();
    r.s ^= Rng{quint64(index) * 0xD1B54A32D192ED03ULL + 1}.next();
    return r;
}

// A UUIDv7 (RFC 9562) whose time field is the row's own time and whose random bits come
// from the seeded stream: the same form as security::newUuid(), but reproducible.
QString demoUuid(Rng &rng, const QDateTime &t)
{
    const quint64 ms = quint64(t.toMSecsSinceEpoch());
    const quint64 a = rng.next(), b = rng.next();
    std::array<quint8, 16> u{};
    for (int i = 0; i < 6; ++i)
        u[i] = quint8(ms >> (40 - 8 * i));
    u[6] = quint8(0x70 | (a & 0x0F));
    u[7] = quint8(a >> 8);
    u[8] = quint8(0x80 | ((a >> 16) & 0x3F));
    for (int i = 9; i < 16; ++i)
        u[i] = quint8(b >> (8 * (i - 9)));
    static const char hex[] = "0123456789abcdef";
    char text[36];
    int p = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text[p++] = '-';
        text[p++] = hex[u[i] >> 4];
        text[p++] = hex[u[i] & 0x0F];
    }
    return QString::fromLatin1(text, 36);
}

QString digits(Rng &rng, int n)
{
    QString s(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        s[i] = QChar(u'0' + int(rng.below(10)));
    return s;
}

QString mobileNumber(Rng &rng)
{
    return QStringLiteral("09") + QChar(u'0' + int(rng.below(4))) + digits(rng, 8);
}

// ---- bulk insertion ---------------------------------------------------------------------

// Inserts rows kRows at a time through one cached multi-row statement, the rest through a
// one-row statement at flush(). Each statement is
//   INSERT ... SELECT <select> FROM (VALUES (?,..)) s CROSS JOIN (VALUES (?,...),...) v <join>
// where <select> names the row values v.column1.. and the shared values s.column1..: those
// are the same for every row (branch code, the demo password hash), so they are bound once
// per statement instead of once per row; binding is the costly part of QSqlQuery. (Plain
// "?" only: Qt rewrites placeholders, and numbered ones like "?1" come out wrong.)
class BulkInsert
{
public:
    static constexpr int kRows = 32;

    BulkInsert(Database &db, const QString &insert, const QString &select, const QString &join, QVariantList shared,
               int columns)
        : m_db(db), m_shared(std::move(shared)), m_columns(columns)
    {
        auto placeholders = [](qsizetype count) {
            QString row = QStringLiteral("(?");
            for (qsizetype i = 1; i < count; ++i)
                row += QStringLiteral(",?");
            return row + QLatin1Char(')');
        };
        const QString row = placeholders(columns);
        QString head = insert + QStringLiteral(" SELECT ") + select + QStringLiteral(" FROM ");
        if (!m_shared.isEmpty())
            head += QStringLiteral("(VALUES ") + placeholders(m_shared.size()) + QStringLiteral(") s CROSS JOIN ");
        head += QStringLiteral("(VALUES ");
        const QString tail = QStringLiteral(") v ") + join;
        m_single = head + row + tail;
        QStringList rows;
        for (int i = 0; i < kRows; ++i)
            rows << row;
        m_multi = head + rows.join(QLatin1Char(',')) + tail;
    }

    void add(const QVariantList &values)
    {
        Q_ASSERT(values.size() % m_columns == 0);
        m_values.append(values);
        const int chunk = kRows * m_columns;
        qsizetype done = 0;
        for (; m_values.size() - done >= chunk; done += chunk)
            run(m_multi, done, kRows);
        m_values.remove(0, done);
    }

    void flush()
    {
        for (qsizetype at = 0; at < m_values.size(); at += m_columns)
            run(m_single, at, 1);
        m_values.clear();
    }

private:
    void run(const QString &sql, qsizetype offset, int rows)
    {
        QSqlQuery &q = m_db.prepared(sql);
        int p = 0;
        for (const QVariant &v : std::as_const(m_shared))
            q.bindValue(p++, v);
        for (qsizetype i = 0; i < qsizetype(rows) * m_columns; ++i)
            q.bindValue(p++, m_values.at(offset + i));
        m_db.exec(q);
    }

    Database &m_db;
    QVariantList m_shared;
    int m_columns;
    QString m_single, m_multi;
    QVariantList m_values;
};

// Persons per batch handed from the generating thread to the storing one.
constexpr qint64 kBatch = 4096;

// ---- the plan ------------------------------------------------------------------------------

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

// The rows of a run of persons, as bound values in the column order of the statements.
struct Batch {
    qint64 persons = 0;
    QVariantList registry, owners, requests, requestsAsRegistry, names, accounts;
};

// Makes the persons, in order, on a worker thread. Everything here depends only on the
// options, the person's index and the codes already taken, so the rows are reproducible.
class Generator
{
public:
    Generator(const DemoOptions &opt, const QDateTime &now, std::unordered_set<quint32> taken, qint64 lastRid)
        : m_seed(opt.seed), m_n(opt.persons), m_now(now), m_taken(std::move(taken)), m_run(quint64(lastRid)),
          m_rid(lastRid)
    {
        m_males = loadNames(kMaleFirst, std::size(kMaleFirst));
        m_females = loadNames(kFemaleFirst, std::size(kFemaleFirst));
        m_lasts = loadNames(kLast, std::size(kLast));
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

    void setQuestionSets(const std::array<QString, 4> &sets)
    {
        for (size_t i = 0; i < sets.size(); ++i)
            m_questionSets[i] = sets[i];
    }

    qint64 requests() const { return m_requests; }
    qint64 accounts() const { return m_accounts; }
    const QMap<QString, qint64> &byStatus() const { return m_byStatus; }

    Batch make(qint64 from, qint64 to)
    {
        Batch b;
        b.persons = to - from;
        for (qint64 i = from; i < to; ++i)
            person(i, b);
        return b;
    }

private:
    static constexpr int kFirstYear = 1300, kLastYear = 1385;

    struct Req {
        RequestStatus status;
        QDateTime submitted, decided;
        int version;
        QString mobile, updatedBy;
    };

    QString nationalCode(qint64 i, Rng &rng)
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

    QDateTime decisionAfter(Rng &rng, const QDateTime &t, qint64 minMs, qint64 maxMs) const
    {
        return std::min(t.addMSecs(minMs + qint64(rng.below(quint64(maxMs - minMs)))), m_now.addSecs(-60));
    }

    void person(qint64 i, Batch &b)
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
            submitted = QDateTime::fromMSecsSinceEpoch(m_pendingFrom + (i - m_decided) * m_pendingWidth +
                                                           qint64(rng.below(quint64(m_pendingWidth) + 1)),
                                                       Qt::UTC);
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
            const RequestStatus newer = x < 7   ? S::Activated
                                        : x < 9 ? S::BranchActivationRequired
                                                : S::IdentityMismatch;
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
                           << lastNorm << certTyped << birthTyped << gender << email << questions
                           << storedName(r.status) << isoUtc(r.submitted) << decided << r.updatedBy;
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

    const quint64 m_seed;
    const qint64 m_n;
    const QDateTime m_now;
    std::unordered_set<quint32> m_taken;
    const quint64 m_run;
    qint64 m_rid;
    std::vector<NameEntry> m_males, m_females, m_lasts;
    std::vector<qint64> m_monthStart;
    std::array<QString, 4> m_questionSets;
    QHash<quint64, QString> m_indexText;
    qint64 m_decided = 0, m_decidedFrom = 0, m_decidedWidth = 0, m_pendingFrom = 0, m_pendingWidth = 0;
    quint64 m_slot = 1;
    const QVariant m_nullText{QMetaType::fromType<QString>()};
    qint64 m_requests = 0, m_accounts = 0;
    QMap<QString, qint64> m_byStatus;
};

// First nine digits of every national code the database knows already, so that new
// persons never collide with imported or earlier demo persons.
std::unordered_set<quint32> existingCodes(Database &db)
{
    std::unordered_set<quint32> out;
    const char *const tables[] = {"registry_persons", "requests", "accounts", "mobile_owners"};
    for (const char *t : tables) {
        QSqlQuery q(db.connection());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT DISTINCT national_code FROM %1").arg(QLatin1String(t))))
            throw DbException(Database::classify(q.lastError()));
        while (q.next()) {
            const QString c = q.value(0).toString();
            bool ok = false;
            const quint32 base = c.left(9).toUInt(&ok);
            if (ok && c.size() == 10)
                out.insert(base);
        }
    }
    return out;
}

qint64 scalarValue(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql))
        throw DbException(Database::classify(q.lastError()));
    return q.next() ? q.value(0).toLongLong() : 0;
}

QString pragma(Database &db, const QString &name)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA %1").arg(name)))
        throw DbException(Database::classify(q.lastError()));
    return q.next() ? q.value(0).toString() : QString();
}

// For the duration of the load: a large page cache, no fsync, and (when no other
// connection has the file open) a rollback journal instead of WAL, so that the data is
// written once rather than to the WAL and again at the checkpoint. A new database holds
// no old pages, so the journal stays tiny and the load is still all-or-nothing. Restored
// when the load ends, also on failure; Database::open() sets WAL again in any case.
class LoadSettings
{
public:
    explicit LoadSettings(Database &db)
        : m_db(db), m_cache(pragma(db, QStringLiteral("cache_size"))),
          m_sync(pragma(db, QStringLiteral("synchronous"))), m_journal(pragma(db, QStringLiteral("journal_mode")))
    {
        m_db.execDirect(QStringLiteral("PRAGMA cache_size = -262144")); // 256 MiB
        m_db.execDirect(QStringLiteral("PRAGMA synchronous = OFF"));
        QSqlQuery q(m_db.connection());
        if (q.exec(QStringLiteral("PRAGMA journal_mode = TRUNCATE")))
            q.finish(); // refused while another connection is open: then the load runs in WAL
    }
    ~LoadSettings()
    {
        QSqlQuery q(m_db.connection());
        q.exec(QStringLiteral("PRAGMA journal_mode = %1").arg(m_journal));
        q.exec(QStringLiteral("PRAGMA synchronous = %1").arg(m_sync));
        q.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_cache));
    }

private:
    Database &m_db;
    QString m_cache, m_sync, m_journal;
};

} // namespace

DemoStats generateDemoData(Database &db, const DemoOptions &opt)
{
    DemoStats stats;
    const qint64 n = opt.persons;
    if (n <= 0)
        return stats;
    if (n > 100'000'000)
        throw DbException({DbError::Kind::Other, QStringLiteral("demo data: at most 100000000 persons")});
    const QDateTime now = (opt.now.isValid() ? opt.now : QDateTime::currentDateTimeUtc()).toUTC();
    const QString branchCode = opt.branchCode.isEmpty() ? metaValue(db, QStringLiteral("branch_code")) : opt.branchCode;

    // DEMO ONLY: one password hash and one hash per answer, shared by every demo account
    // (see DemoData.h). Same normalisation and JSON as the registration service (hashAnswers).
    const QString passwordHash = security::hashSecret(QString::fromLatin1(kDemoPassword));
    const std::array<std::pair<QString, QString>, 4> answers = {{
        {QStringLiteral("favorite_color"), QStringLiteral("آبی")},
        {QStringLiteral("birth_city"), QStringLiteral("تهران")},
        {QStringLiteral("first_workplace"), QStringLiteral("کارخانه")},
        {QStringLiteral("primary_teacher"), QStringLiteral("خانم احمدی")},
    }};
    std::array<QString, 4> answerHashes;
    for (size_t i = 0; i < answers.size(); ++i)
        answerHashes[i] = security::hashSecret(normalizeAnswer(answers[i].second));
    if (passwordHash.isEmpty() ||
        std::any_of(answerHashes.begin(), answerHashes.end(), [](const QString &h) { return h.isEmpty(); }))
        throw DbException({DbError::Kind::Other, QStringLiteral("demo data: hashing failed")});
    // Four question sets: three of the four questions.
    std::array<QString, 4> questionSets;
    for (size_t skip = 0; skip < 4; ++skip) {
        QJsonArray arr;
        for (size_t i = 0; i < 4; ++i)
            if (i != skip)
                arr.append(QJsonObject{{QStringLiteral("question_id"), answers[i].first},
                                       {QStringLiteral("answer_hash"), answerHashes[i]}});
        questionSets[skip] = QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
    }

    LoadSettings settings(db);
    Transaction tx(db);

    Generator gen(opt, now, existingCodes(db),
                  scalarValue(db, QStringLiteral("SELECT coalesce(max(rid), 0) FROM requests")));
    gen.setQuestionSets(questionSets);

    BulkInsert registry(db,
                        QStringLiteral("INSERT INTO registry_persons (national_code, first_name, last_name, "
                                       "father_name, first_name_norm, last_name_norm, father_name_norm, "
                                       "birth_cert_no, birth_date, gender, updated_at)"),
                        QStringLiteral("v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, "
                                       "v.column8, v.column9, v.column10, s.column1"),
                        {}, {isoUtc(now)}, 10);
    BulkInsert owners(db, QStringLiteral("INSERT OR IGNORE INTO mobile_owners (national_code, mobile)"),
                      QStringLiteral("v.column1, v.column2"), {}, {}, 2);
    const QString requestColumns = QStringLiteral(
        "INSERT INTO requests (rid, id, branch_code, version, national_code, mobile, first_name, last_name, "
        "first_name_norm, last_name_norm, birth_cert_no, birth_date, gender, email, password_hash, questions_json, "
        "status, submitted_at, decided_at, updated_at, updated_by)");
    BulkInsert requests(db, requestColumns,
                        QStringLiteral("v.column1, v.column2, s.column1, v.column3, v.column4, v.column5, v.column6, "
                                       "v.column7, v.column8, v.column9, v.column10, v.column11, v.column12, "
                                       "v.column13, s.column2, v.column14, v.column15, v.column16, v.column17, "
                                       "coalesce(v.column17, v.column16), v.column18"),
                        {}, {branchCode, passwordHash}, 18);
    // Most requests carry exactly the registry's names and identity: taken from there.
    BulkInsert requestsAsRegistry(
        db, requestColumns,
        QStringLiteral(
            "v.column1, v.column2, s.column1, v.column3, p.national_code, v.column5, p.first_name, p.last_name, "
            "p.first_name_norm, p.last_name_norm, p.birth_cert_no, p.birth_date, p.gender, v.column6, s.column2, "
            "v.column7, v.column8, v.column9, v.column10, coalesce(v.column10, v.column9), v.column11"),
        QStringLiteral("CROSS JOIN registry_persons p ON p.national_code = v.column4"), {branchCode, passwordHash}, 11);
    BulkInsert names(db, QStringLiteral("INSERT INTO request_names (rowid, tokens)"),
                     QStringLiteral("v.column1, v.column2"), {}, {}, 2);
    // Accounts are copied from their activated request at the end; only the id is new.
    db.execDirect(QStringLiteral("CREATE TEMP TABLE demo_accounts (rid INTEGER PRIMARY KEY, id TEXT NOT NULL)"));
    BulkInsert accounts(db, QStringLiteral("INSERT INTO temp.demo_accounts (rid, id)"),
                        QStringLiteral("v.column1, v.column2"), {}, {}, 2);

    // Secondary indexes are rebuilt once at the end (a sort) instead of being updated
    // row by row, when the load at least doubles the tables: exactly the statements the
    // migrations made, read back from the schema.
    QStringList indexSql;
    if (scalarValue(db, QStringLiteral("SELECT count(*) FROM requests")) <= n) {
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                                   "AND tbl_name IN ('requests', 'mobile_owners', 'registry_persons', 'accounts')")))
            throw DbException(Database::classify(q.lastError()));
        QStringList indexes;
        while (q.next()) {
            indexes << q.value(0).toString();
            indexSql << q.value(1).toString();
        }
        for (const QString &name : std::as_const(indexes))
            db.execDirect(QStringLiteral("DROP INDEX \"%1\"").arg(name));
    }

    // Generating the next batch on a worker thread while this one is stored keeps both
    // cores busy; batches are made strictly one after the other, in order.
    auto makeBatch = [&gen, n](qint64 from) {
        return std::async(std::launch::async, [&gen, from, n] { return gen.make(from, std::min(n, from + kBatch)); });
    };
    std::future<Batch> pending = makeBatch(0);
    for (qint64 done = 0; done < n;) {
        Batch b = pending.get();
        const qint64 next = done + b.persons;
        if (next < n)
            pending = makeBatch(next);
        registry.add(b.registry);
        registry.flush(); // the requests copied from the registry need their rows there
        owners.add(b.owners);
        requests.add(b.requests);
        requestsAsRegistry.add(b.requestsAsRegistry);
        names.add(b.names);
        accounts.add(b.accounts);
        done = next;
        if (opt.progress && done < n)
            opt.progress(done, n);
    }
    owners.flush();
    requests.flush();
    requestsAsRegistry.flush();
    names.flush();
    accounts.flush();
    db.execDirect(QStringLiteral(
        "INSERT INTO accounts (id, branch_code, version, national_code, request_id, mobile, first_name, last_name, "
        "gender, password_hash, questions_json, created_at, updated_at, updated_by) "
        "SELECT a.id, r.branch_code, 1, r.national_code, r.id, r.mobile, r.first_name, r.last_name, r.gender, "
        "r.password_hash, r.questions_json, r.decided_at, r.decided_at, r.updated_by "
        "FROM temp.demo_accounts a JOIN requests r ON r.rid = a.rid ORDER BY a.rid"));
    db.execDirect(QStringLiteral("DROP TABLE temp.demo_accounts"));
    for (const QString &sql : std::as_const(indexSql))
        db.execDirect(sql);

    stats.persons = n;
    stats.requests = gen.requests();
    stats.accounts = gen.accounts();
    stats.byStatus = gen.byStatus();

    setMetaValue(db, QStringLiteral("demo_seed"), QString::number(opt.seed));
    AuditRecord a;
    a.id = security::newUuid(); // a real id: the audit chain is written as the services write it
    a.branchCode = branchCode;
    a.at = now;
    a.actor = QStringLiteral("admin");
    a.action = QStringLiteral("demo.generate");
    const QJsonObject details{{QStringLiteral("persons"), stats.persons},
                              {QStringLiteral("requests"), stats.requests},
                              {QStringLiteral("accounts"), stats.accounts},
                              {QStringLiteral("seed"), QString::number(opt.seed)}};
    a.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    appendAudit(db, a);
    setMetaValue(db, QStringLiteral("demo"), QStringLiteral("1"));
    if (opt.beforeCommit && !opt.beforeCommit(db)) {
        stats.committed = false;
        return stats; // the transaction rolls back
    }
    tx.commit();
    if (opt.progress)
        opt.progress(n, n);
    return stats;
}

} // namespace branch::db
