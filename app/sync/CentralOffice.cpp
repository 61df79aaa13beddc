// Head office's view of its branches (see CentralOffice.h).
#include "CentralOffice.h"

#include "CentralAdmin.h"
#include "app/lifecycle/Admin.h"
#include "app/security/AuditChain.h"

namespace branch
{

namespace
{

std::unique_ptr<db::CentralDatabase> openOwner(const db::CentralUrl &url, Failure *failure)
{
    db::DbError error;
    auto central = db::CentralDatabase::open(url, db::CentralDatabase::OpenMode::Existing, &error);
    if (!central)
        *failure = centralFailure(error);
    return central;
}

} // namespace

Outcome<CentralAuditReport> verifyCentralAudit(const db::CentralUrl &url, const QString &code)
{
    Failure failure;
    auto central = openOwner(url, &failure);
    if (!central)
        return failure;
    try {
        if (!central->branches().contains(code))
            return Failure::notFound(QStringLiteral("branch"), QStringLiteral("branch.unknown"),
                                     Services::tr("The central database knows no branch %1.").arg(code));
        CentralAuditReport report;
        report.branch = code;
        for (const db::CentralChain &chain : db::centralAuditChains(*central, code)) {
            qint64 otherBranch = 0;
            for (const db::AuditRecord &a : chain.entries)
                if (!otherBranch && a.branchCode != code && !a.branchCode.isEmpty()) // (see central/pg/007)
                    otherBranch = a.seq;
            const security::ChainCheck check = security::verifyChain(chainEntriesOf(chain.entries));
            CentralChainCheck c{chain.chainId,
                                qint64(chain.entries.size()),
                                chain.entries.isEmpty() ? 0 : chain.entries.last().seq,
                                check.ok,
                                check.firstBadSeq,
                                check.code,
                                check.reason};
            if (c.ok && otherBranch) {
                c.ok = false;
                c.firstBadSeq = otherBranch;
                c.code = QStringLiteral("audit.other_branch");
                c.reason = Services::tr("Entry %1 is another branch's.").arg(otherBranch);
            }
            report.ok = report.ok && c.ok;
            report.chains << c;
        }
        return report;
    } catch (const db::DbException &e) {
        return centralFailure(e.error());
    }
}

Outcome<QList<db::BranchStatusRow>> centralStatus(const db::CentralUrl &url, const QDateTime &now)
{
    Failure failure;
    auto central = openOwner(url, &failure);
    if (!central)
        return failure;
    try {
        return db::centralBranchStatus(*central, now);
    } catch (const db::DbException &e) {
        return centralFailure(e.error());
    }
}

QString auditState(const db::BranchStatusRow &r)
{
    if (r.lastAlertCode == QLatin1String("audit.anchor_mismatch") &&
        (!r.lastAuditOk.isValid() || r.lastAlertAt >= r.lastAuditOk))
        return QStringLiteral("broken");
    if (r.auditEntries == 0)
        return QStringLiteral("none");
    return QStringLiteral("ok");
}

} // namespace branch
