// The supervisor review queue (see ReviewQueuePage.h).
#include "ReviewQueuePage.h"
#include "Bidi.h"
#include "TableColumns.h"
#include "ui_ReviewQueuePage.h"

#include "DeskKeys.h"

#include "Confirm.h"
#include "ReviewProposalDialog.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/core/PersianText.h"
#include "app/lifecycle/Verification.h"
#include "app/security/SecretHash.h"
#include "app/sync/CentralAdmin.h"
#include "app/sync/SyncEngine.h"

#include <QJsonValue>
#include <QKeyEvent>
#include <QLocale>
#include <QPushButton>
#include <QTabBar>

namespace branch::ui
{

namespace
{
// A soft warm tone that reads as "look here" in light and dark palettes alike; the third
// column says it in words too, so the colour is never the only sign.
const QColor kDiffers(255, 214, 165);
} // namespace

ReviewQueuePage::ReviewQueuePage(Context &ctx, QWidget *parent)
    : QWidget(parent), m_ui(new Ui::ReviewQueuePage), m_ctx(ctx), m_now([] { return QDateTime::currentDateTimeUtc(); }),
      m_persian(language() == QLatin1String("fa")),
      m_worker(ctx.databasePath(), ctx.branchCode, QStringLiteral("review-queue"), Worker::Connection::PerJob)
{
    m_ui->setupUi(this);
    useDeskKeys(this);
    QFont titleFont = m_ui->title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_ui->title->setFont(titleFont);

    auto setUpTable = [](QTableWidget *t, const QStringList &headers) {
        t->setColumnCount(int(headers.size()));
        t->setHorizontalHeaderLabels(headers);
        t->verticalHeader()->hide();
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setTabKeyNavigation(false); // Tab leaves the table: keyboard users move between parts
        t->horizontalHeader()->setStretchLastSection(true);
    };
    setUpTable(m_ui->cases, {tr("National code"), tr("Name"), tr("In queue since"), tr("Proposal")});
    m_ui->cases->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ui->cases->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ui->cases->setWordWrap(false); // one line per case: the list stays dense and even
    m_ui->cases->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->cases->horizontalHeader()->setStretchLastSection(true);
    setUpTable(m_ui->comparison, {tr("Field"), tr("Request"), tr("Civil registry"), tr("Same?")});
    m_ui->comparison->setSelectionMode(QAbstractItemView::NoSelection);
    m_ui->comparison->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->comparison->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_ui->comparison->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_ui->comparison->horizontalHeader()->setStretchLastSection(false);
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);
    setUpTable(m_ui->conflicts, {tr("Table"), tr("National code"), tr("Since")});
    m_ui->conflicts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ui->conflicts->setSelectionMode(QAbstractItemView::SingleSelection);
    setUpTable(m_ui->conflictDetail, {tr("Field"), tr("This branch"), tr("Central")});
    m_ui->conflictDetail->setSelectionMode(QAbstractItemView::NoSelection);

    connect(m_ui->cases, &QTableWidget::currentCellChanged, this, [this](int row) { showCase(row); });
    connect(m_ui->correctButton, &QPushButton::clicked, this, [this] { propose(ReviewKind::CorrectAndActivate); });
    connect(m_ui->sendBackButton, &QPushButton::clicked, this, [this] { propose(ReviewKind::SendBack); });
    connect(m_ui->rejectButton, &QPushButton::clicked, this, [this] { propose(ReviewKind::Reject); });
    connect(m_ui->approveButton, &QPushButton::clicked, this, &ReviewQueuePage::approve);
    connect(m_ui->conflicts, &QTableWidget::currentCellChanged, this, [this](int row) { showConflict(row); });
    connect(m_ui->loadConflictsButton, &QPushButton::clicked, this, &ReviewQueuePage::loadConflicts);
    connect(m_ui->keepLocalButton, &QPushButton::clicked, this, [this] { resolveConflictKeeping(true); });
    connect(m_ui->keepCentralButton, &QPushButton::clicked, this, [this] { resolveConflictKeeping(false); });
    setCentralUrl({});
    setFocusProxy(m_ui->cases);
    // The cases (the focus proxy) first, the tab bar last.
    setTabStops({m_ui->cases, m_ui->comparison, m_ui->correctButton, m_ui->sendBackButton, m_ui->rejectButton,
                 m_ui->approveButton, m_ui->conflicts, m_ui->conflictDetail, m_ui->loadConflictsButton,
                 m_ui->keepLocalButton, m_ui->keepCentralButton, m_ui->tabs->tabBar()});
}

ReviewQueuePage::~ReviewQueuePage() = default;

QTableWidget *ReviewQueuePage::casesTable() const
{
    return m_ui->cases;
}
QTableWidget *ReviewQueuePage::comparisonTable() const
{
    return m_ui->comparison;
}
QLabel *ReviewQueuePage::proposalLabel() const
{
    return m_ui->proposal;
}
QLabel *ReviewQueuePage::messageLabel() const
{
    return m_ui->message;
}
QPushButton *ReviewQueuePage::approveButton() const
{
    return m_ui->approveButton;
}
QTableWidget *ReviewQueuePage::conflictsTable() const
{
    return m_ui->conflicts;
}

QTableWidget *ReviewQueuePage::conflictDetailTable() const
{
    return m_ui->conflictDetail;
}

QLabel *ReviewQueuePage::conflictsMessageLabel() const
{
    return m_ui->conflictsMessage;
}

QPushButton *ReviewQueuePage::loadConflictsButton() const
{
    return m_ui->loadConflictsButton;
}

QPushButton *ReviewQueuePage::keepLocalButton() const
{
    return m_ui->keepLocalButton;
}

QPushButton *ReviewQueuePage::keepCentralButton() const
{
    return m_ui->keepCentralButton;
}
QPushButton *ReviewQueuePage::proposeButton(ReviewKind kind) const
{
    switch (kind) {
    case ReviewKind::CorrectAndActivate:
        return m_ui->correctButton;
    case ReviewKind::SendBack:
        return m_ui->sendBackButton;
    case ReviewKind::Reject:
        break;
    }
    return m_ui->rejectButton;
}

void ReviewQueuePage::setSession(const StaffSession &session)
{
    m_session = session;
    if (!m_cases.isEmpty())
        showCase(m_ui->cases->currentRow());
}

void ReviewQueuePage::setCentralUrl(const QString &url)
{
    m_centralUrl = url;
    m_ui->loadConflictsButton->setEnabled(!url.isEmpty());
    m_ui->conflictsIntro->setText(
        url.isEmpty() ? tr("No central database is set up for this desk, so there are no sync conflicts to show.")
                      : tr("Changes of this branch that the central database could not merge by its rules. Load "
                           "them (this asks the central database), compare both versions, keep one."));
    m_ui->keepLocalButton->setEnabled(false);
    m_ui->keepCentralButton->setEnabled(false);
}

QString ReviewQueuePage::digits(const QString &s) const
{
    return m_persian ? toPersianDigits(s) : s;
}

QString ReviewQueuePage::ageText(const QDateTime &since) const
{
    const qint64 hours = qMax<qint64>(0, since.secsTo(m_now()) / 3600);
    const QString date = toJalaliString(since.toLocalTime().date(), m_persian);
    const QString age = hours < 48 ? tr("%1 hours").arg(digits(QString::number(hours)))
                                   : tr("%1 days").arg(digits(QString::number(hours / 24)));
    return QStringLiteral("%1 (%2)").arg(date, age); // the same in both languages
}

const ReviewCase *ReviewQueuePage::selectedCase() const
{
    const int row = m_ui->cases->currentRow();
    return row >= 0 && row < m_cases.size() ? &m_cases.at(row) : nullptr;
}

void ReviewQueuePage::reload()
{
    const QString keep = selectedCase() ? selectedCase()->request.id : QString();
    auto queue = reviewQueue(m_ctx);
    m_ui->cases->setRowCount(0);
    m_cases.clear();
    if (!queue.ok()) {
        m_ui->message->setText(queue.failure.message());
        showCase(-1);
        return;
    }
    m_cases = *queue.value;
    int select = m_cases.isEmpty() ? -1 : 0;
    {
        const QSignalBlocker blocker(m_ui->cases);
        for (int i = 0; i < m_cases.size(); ++i) {
            const auto &c = m_cases.at(i);
            m_ui->cases->insertRow(i);
            m_ui->cases->setItem(i, 0, new QTableWidgetItem(digits(c.request.nationalCode)));
            m_ui->cases->setItem(i, 1, new QTableWidgetItem(personName(c.request.firstName, c.request.lastName)));
            m_ui->cases->setItem(i, 2, new QTableWidgetItem(ageText(c.since)));
            // A short word in the list (the full decision shows beside it and as the tooltip).
            auto *proposal = new QTableWidgetItem(tr("none yet"));
            if (c.proposal) {
                const ReviewKind kind = *reviewKindFromName(c.proposal->kind);
                const QString shortKind = kind == ReviewKind::CorrectAndActivate ? tr("Correction")
                                          : kind == ReviewKind::SendBack         ? tr("Send back")
                                                                                 : tr("Rejection");
                proposal->setText(tr("%1 (by %2)").arg(shortKind, c.proposal->proposedBy));
                proposal->setToolTip(reviewKindLabel(kind));
            }
            m_ui->cases->setItem(i, 3, proposal);
            if (c.request.id == keep)
                select = i;
        }
        if (select >= 0)
            m_ui->cases->setCurrentCell(select, 0);
    }
    // The list is as wide as its columns (the splitter's share cut the last ones off at 1366x768).
    widenToColumns(m_ui->cases);
    m_ui->title->setText(tr("Supervisor review queue — %1 cases").arg(QLocale().toString(m_cases.size())));
    showCase(select);
}

void ReviewQueuePage::showCase(int row)
{
    const ReviewCase *c = row >= 0 && row < m_cases.size() ? &m_cases.at(row) : nullptr;
    m_ui->comparison->setRowCount(0);
    m_ui->message->clear();
    const bool mayReview = roleMay(m_session.role, StaffPermission::ReviewMismatch);
    for (auto *b : {m_ui->correctButton, m_ui->sendBackButton, m_ui->rejectButton})
        b->setEnabled(c && mayReview);
    m_ui->approveButton->setEnabled(false);
    if (!c) {
        m_ui->heading->setText(m_cases.isEmpty() ? tr("No case is waiting for a review.") : QString());
        m_ui->proposal->clear();
        m_ui->approveButton->setToolTip({});
        return;
    }
    const auto &r = c->request;
    const IsolatedName name = isolatedName(persianLetterForms(r.firstName), persianLetterForms(r.lastName));
    m_ui->heading->setText(tr("%1 %2 — national code %3 — mobile %4")
                               .arg(name.first, name.last, digits(r.nationalCode), digits(r.mobile)));
    auto gender = [](const QString &g) { return g == QLatin1String("F") ? tr("Female") : tr("Male"); };
    struct Row {
        QString field, label, request, reference;
        bool storedDiffers; // as typed: letter forms count (the shown values do not show them)
    };
    const auto &p = c->reference;
    const QList<Row> rows = {
        {QStringLiteral("first_name"), tr("First name"), persianLetterForms(r.firstName),
         p ? persianLetterForms(p->firstName) : QString(), p && r.firstName != p->firstName},
        {QStringLiteral("last_name"), tr("Last name"), persianLetterForms(r.lastName),
         p ? persianLetterForms(p->lastName) : QString(), p && r.lastName != p->lastName},
        {QStringLiteral("birth_cert_no"), tr("Birth certificate number"), digits(r.birthCertNo),
         p ? digits(p->birthCertNo) : QString(), p && r.birthCertNo != p->birthCertNo},
        {QStringLiteral("birth_date"), tr("Birth date"), toJalaliString(r.birthDate, m_persian),
         p ? toJalaliString(p->birthDate, m_persian) : QString(), p && r.birthDate != p->birthDate},
        {QStringLiteral("gender"), tr("Gender"), gender(r.gender), p ? gender(p->gender) : QString(),
         p && r.gender != p->gender},
    };
    for (int i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        const bool differs = c->differences.contains(row.field);
        m_ui->comparison->insertRow(i);
        auto *label = new QTableWidgetItem(row.label);
        auto *req = new QTableWidgetItem(row.request);
        auto *ref = new QTableWidgetItem(p ? row.reference : tr("(no entry)"));
        auto *same = new QTableWidgetItem(differs ? tr("✗ differs") : tr("✓ same"));
        same->setData(Qt::UserRole, differs);
        if (differs) {
            for (auto *item : {label, req, ref, same}) {
                item->setBackground(kDiffers);
                item->setForeground(QColor(Qt::black));
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
        } else if (row.storedDiffers) {
            // Equal under the rule (Arabic and Persian letter forms, spaces, leading zeros).
            same->setToolTip(tr("The same for the verification: only letter forms or spacing differ."));
            same->setText(tr("✓ same (letter forms)"));
        }
        m_ui->comparison->setItem(i, 0, label);
        m_ui->comparison->setItem(i, 1, req);
        m_ui->comparison->setItem(i, 2, ref);
        m_ui->comparison->setItem(i, 3, same);
    }
    if (!p)
        m_ui->message->setText(tr("The civil registry has no entry for this national code: the request cannot be "
                                  "activated by a correction."));
    m_ui->correctButton->setEnabled(mayReview && p.has_value());

    if (!c->proposal) {
        m_ui->proposal->setText(tr("No proposal yet. Propose a decision; another supervisor approves it."));
        m_ui->approveButton->setToolTip(tr("There is no proposal to approve."));
        return;
    }
    const auto &prop = *c->proposal;
    QString text = tr("Proposed by %1 on %2: %3.")
                       .arg(prop.proposedBy, toJalaliString(prop.proposedAt.toLocalTime().date(), m_persian),
                            reviewKindLabel(*reviewKindFromName(prop.kind)));
    if (!prop.changes.isEmpty()) {
        QStringList changes;
        for (auto it = prop.changes.begin(); it != prop.changes.end(); ++it) {
            QString v = it.value().toString();
            if (it.key() == QLatin1String("birth_date"))
                v = toJalaliString(QDate::fromString(v, Qt::ISODate), m_persian);
            else if (it.key() == QLatin1String("gender"))
                v = gender(v);
            else if (it.key() == QLatin1String("birth_cert_no"))
                v = digits(v);
            for (const Row &row : rows)
                if (row.field == it.key())
                    changes << tr("%1 becomes %2").arg(row.label, v);
        }
        text += QLatin1Char(' ') + tr("Corrections: %1.").arg(changes.join(tr(", ")));
    }
    if (!prop.reason.isEmpty())
        text += QLatin1Char(' ') + tr("Reason: %1").arg(prop.reason);
    m_ui->proposal->setText(text);
    const bool own = normalizeLogin(prop.proposedBy) == normalizeLogin(m_session.login);
    m_ui->approveButton->setEnabled(mayReview && !own);
    m_ui->approveButton->setToolTip(own ? tr("You made this proposal: another supervisor must approve it (four eyes).")
                                        : tr("Apply this proposal (it is audited in your name)."));
}

void ReviewQueuePage::propose(ReviewKind kind)
{
    const ReviewCase *c = selectedCase();
    if (!c || !roleMay(m_session.role, StaffPermission::ReviewMismatch) || m_dialog)
        return;
    m_dialog = new ReviewProposalDialog(m_ctx, m_session, *c, kind, this);
    m_dialog->setClock(m_now);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::finished, this, [this](int result) {
        if (result == QDialog::Accepted) {
            reload();
            m_ui->message->setText(tr("Proposal stored; it waits for another supervisor's approval."));
        }
        m_ui->cases->setFocus();
    });
    m_dialog->open();
}

void ReviewQueuePage::approve()
{
    const ReviewCase *c = selectedCase();
    if (!c || !c->proposal || !m_ui->approveButton->isEnabled())
        return;
    const ReviewCase chosen = *c;
    if (!confirmAction(this, tr("Approve proposal"),
                       tr("Approve \"%1\" for %2 %3, proposed by %4? It is applied at once.")
                           .arg(reviewKindLabel(*reviewKindFromName(chosen.proposal->kind)),
                                persianLetterForms(chosen.request.firstName),
                                persianLetterForms(chosen.request.lastName), chosen.proposal->proposedBy),
                       tr("Approve")))
        return;
    const auto out = approveReview(m_ctx, chosen.proposal->id, m_session, m_now());
    if (!out.ok()) {
        m_ui->message->setText(out.failure.message());
        return;
    }
    reload();
    m_ui->message->setText(tr("Approved: the request of %1 is now \"%2\".")
                               .arg(digits(chosen.request.nationalCode), statusLabel(out.value->status)));
    emit decided(chosen.request.nationalCode);
}

void ReviewQueuePage::setConflictsBusy(bool busy)
{
    m_conflictsBusy = busy;
    m_ui->loadConflictsButton->setEnabled(!busy && !m_centralUrl.isEmpty());
    const bool mayReview = roleMay(m_session.role, StaffPermission::ReviewMismatch);
    const int row = m_ui->conflicts->currentRow();
    const bool valid = row >= 0 && row < m_conflicts.size();
    m_ui->keepLocalButton->setEnabled(!busy && valid && mayReview);
    m_ui->keepCentralButton->setEnabled(!busy && valid && mayReview);
    if (busy)
        m_ui->conflictsMessage->setText(tr("Asking the central database…"));
}

void ReviewQueuePage::loadConflicts()
{
    if (m_centralUrl.isEmpty() || m_conflictsBusy)
        return;
    const auto url = parseCentralUrl(m_centralUrl);
    if (!url.ok()) {
        m_ui->conflictsMessage->setText(url.failure.message());
        return;
    }
    setConflictsBusy(true);
    m_worker.run([central = *url.value](Context &ctx) { return listConflicts(ctx, central); },
                 [this](const Outcome<QList<ConflictRecord>> &list) {
                     m_conflictsBusy = false;
                     showConflicts(list);
                     emit conflictsLoaded();
                 });
}

void ReviewQueuePage::showConflicts(const Outcome<QList<ConflictRecord>> &list)
{
    m_ui->conflicts->setRowCount(0);
    m_ui->conflictDetail->setRowCount(0);
    m_conflicts.clear();
    setConflictsBusy(false);
    if (!list.ok()) {
        m_ui->conflictsMessage->setText(list.failure.message());
        return;
    }
    m_conflicts = *list.value;
    for (int i = 0; i < m_conflicts.size(); ++i) {
        const auto &c = m_conflicts.at(i);
        m_ui->conflicts->insertRow(i);
        m_ui->conflicts->setItem(i, 0, new QTableWidgetItem(c.table));
        m_ui->conflicts->setItem(
            i, 1, new QTableWidgetItem(digits(c.localPayload.value(QStringLiteral("national_code")).toString())));
        const QDateTime at = QDateTime::fromString(c.createdAt, Qt::ISODate);
        m_ui->conflicts->setItem(i, 2, new QTableWidgetItem(at.isValid() ? ageText(at) : c.createdAt));
    }
    m_ui->conflictsMessage->setText(
        m_conflicts.isEmpty() ? tr("No open sync conflicts.")
                              : tr("%1 open conflicts, oldest first.").arg(QLocale().toString(m_conflicts.size())));
    if (!m_conflicts.isEmpty())
        m_ui->conflicts->setCurrentCell(0, 0);
}

void ReviewQueuePage::showConflict(int row)
{
    m_ui->conflictDetail->setRowCount(0);
    const bool valid = row >= 0 && row < m_conflicts.size();
    const bool mayReview = roleMay(m_session.role, StaffPermission::ReviewMismatch);
    m_ui->keepLocalButton->setEnabled(valid && mayReview && !m_conflictsBusy);
    m_ui->keepCentralButton->setEnabled(valid && mayReview && !m_conflictsBusy);
    if (!valid)
        return;
    const auto &c = m_conflicts.at(row);
    QStringList keys = c.localPayload.keys();
    for (const QString &k : c.centralPayload.keys())
        if (!keys.contains(k))
            keys << k;
    for (const QString &k : keys) {
        if (k == QLatin1String("password_hash") || k == QLatin1String("questions_json"))
            continue; // hashes mean nothing to a supervisor
        const QString local = c.localPayload.value(k).toVariant().toString();
        const QString central = c.centralPayload.value(k).toVariant().toString();
        const int i = m_ui->conflictDetail->rowCount();
        m_ui->conflictDetail->insertRow(i);
        QList<QTableWidgetItem *> items = {new QTableWidgetItem(k), new QTableWidgetItem(local),
                                           new QTableWidgetItem(central)};
        for (int col = 0; col < items.size(); ++col) {
            if (local != central) {
                items[col]->setBackground(kDiffers);
                items[col]->setForeground(QColor(Qt::black));
            }
            m_ui->conflictDetail->setItem(i, col, items[col]);
        }
    }
}

void ReviewQueuePage::resolveConflictKeeping(bool keepLocal)
{
    const int row = m_ui->conflicts->currentRow();
    if (m_conflictsBusy || row < 0 || row >= m_conflicts.size() ||
        !roleMay(m_session.role, StaffPermission::ReviewMismatch))
        return;
    const auto url = parseCentralUrl(m_centralUrl);
    if (!url.ok())
        return;
    // The central resolution is authenticated with the password (as branchctl conflicts
    // resolve): it changes the central row that every branch pulls.
    QString password;
    if (!askStaffPassword(this, tr("Resolve conflict"),
                          keepLocal ? tr("Keep this branch's version? Your password to confirm:")
                                    : tr("Keep the central version? Your password to confirm:"),
                          &password))
        return;
    const QString nationalCode = m_conflicts.at(row).localPayload.value(QStringLiteral("national_code")).toString();
    setConflictsBusy(true);
    m_worker.run(
        [central = *url.value, id = m_conflicts.at(row).id, keepLocal, login = m_session.login, password,
         now = m_now()](Context &ctx) mutable {
            auto out = resolveConflict(ctx, central, id, keepLocal, login, password, now);
            security::wipe(password);
            return out;
        },
        [this, nationalCode](const Outcome<SyncResult> &out) {
            m_conflictsBusy = false;
            if (!out.ok()) {
                setConflictsBusy(false);
                m_ui->conflictsMessage->setText(out.failure.message());
                emit conflictResolved(false);
                return;
            }
            emit decided(nationalCode);
            // The list again, then the outcome on top of it.
            connect(
                this, &ReviewQueuePage::conflictsLoaded, this,
                [this] {
                    m_ui->conflictsMessage->setText(tr("Conflict resolved; the decision was pulled to this branch."));
                    emit conflictResolved(true);
                },
                Qt::SingleShotConnection);
            loadConflicts();
        });
    security::wipe(password);
}

void ReviewQueuePage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        emit closed();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace branch::ui
