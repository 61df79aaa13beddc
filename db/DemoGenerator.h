// The generated persons of the demo data (DEMO DATA ONLY, see DemoData.h): each person's
// registry row, mobile ownership, request(s) and account, as the rows of a batch.
#pragma once

#include "DemoData.h"
#include "DemoNames.h"
#include "DemoRandom.h"
#include "db/Records.h"

#include <QHash>
#include <QMap>
#include <QVariantList>

#include <array>
#include <unordered_set>
#include <vector>

namespace branch::db::demo
{

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
    Generator(const DemoOptions &opt, const QDateTime &now, std::unordered_set<quint32> taken, qint64 lastRid);

    void setQuestionSets(const std::array<QString, 4> &sets);

    qint64 requests() const { return m_requests; }
    qint64 accounts() const { return m_accounts; }
    const QMap<QString, qint64> &byStatus() const { return m_byStatus; }

    // The persons [from, to), in order.
    Batch make(qint64 from, qint64 to);

private:
    static constexpr int kFirstYear = 1300, kLastYear = 1385;

    struct Req {
        RequestStatus status;
        QDateTime submitted, decided;
        int version;
        QString mobile, updatedBy;
    };

    QString nationalCode(qint64 i, Rng &rng);
    QDateTime decisionAfter(Rng &rng, const QDateTime &t, qint64 minMs, qint64 maxMs) const;
    void person(qint64 i, Batch &b);

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

} // namespace branch::db::demo
