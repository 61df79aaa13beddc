// The applicant view (see ApplicantView.h).
#include "ApplicantView.h"
#include "ui_ApplicantView.h"

#include "DeskKeys.h"

#include "ActivationDialog.h"
#include "MobileChangeDialog.h"
#include "PasswordResetDialog.h"
#include "QuestionsResetDialog.h"
#include "RecoveryDialog.h"
#include "RefusalDialog.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/core/PersianText.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTimeZone>
#include <QToolButton>

namespace branch::ui
{

namespace
{

// Dynamic property that the style sheet below keys the highlight on: no colours in code,
// and nothing that depends on the layout direction.
const char *const kDiffers = "differs";

// Warning colours readable on both light and dark palettes' windows (dark text on amber).
const char *const kStyleSheet = "QLabel[differs=\"true\"] { background-color: #ffe08a; color: #3d2e00; "
                                "border-radius: 3px; padding: 1px 4px; font-weight: bold; }";

struct ActionName {
    const char *action;
    const char *label;
};

// The audit actions a person's history can hold (services' AuditInfo::action), with
// their readable names. An action missing here is shown as stored, so it stays visible.
const ActionName kActionNames[] = {
    {"request.submit", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Request submitted")},
    {"request.activated", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Request approved")},
    {"request.branch_activation_required",
     QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Referred to the branch for activation")},
    {"request.identity_mismatch",
     QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Identity does not match the civil registry")},
    {"request.expired", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Request expired")},
    {"request.superseded", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Replaced by a newer request")},
    {"request.rejected", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Refused at the branch")},
    {"account.create", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Account created")},
    {"account.mobile_change", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Mobile number changed")},
    {"account.password_reset", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Password reset at the branch")},
    {"account.questions_reset",
     QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Security questions reset at the branch")},
    {"account.password_recovered", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Password recovered")},
    {"account.recovered_at_branch",
     QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Recovered at the branch after a document check")},
    {"recovery.start", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Password recovery started")},
    {"recovery.verified", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Recovery verified")},
    {"recovery.wrong_try", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Wrong recovery code or answer")},
    {"recovery.locked", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Recovery locked after wrong tries")},
    {"recovery.superseded", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Recovery replaced by a newer one")},
    {"recovery.used", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Recovery completed")},
    {"recovery.refused",
     QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Online recovery refused: too many wrong tries")},
    {"recovery.sms_unavailable",
     QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Recovery code not sent: the SMS gateway did not answer")},
    {"review.propose", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Decision proposed for a second supervisor")},
    {"review.approve", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Proposed decision approved")},
    {"applicant.fetch", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Fetched from the central database")},
    {"conflict.resolve", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Sync conflict resolved")},
    {"sms.queue", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "SMS queued")},
    {"sms.sent", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "SMS delivered to the gateway")},
    {"sms.retry", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "SMS to be sent again")},
    {"sms.failed", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "SMS could not be sent")},
    {"staff.sign_in", QT_TRANSLATE_NOOP("branch::ui::ApplicantView", "Staff signed in")},
};

void setDiffers(QLabel *label, bool differs, const QString &tip)
{
    label->setProperty(kDiffers, differs);
    label->setToolTip(differs ? tip : QString());
    // A dynamic property change is not seen by the style sheet until the widget is re-polished.
    label->style()->unpolish(label);
    label->style()->polish(label);
}

QLabel *valueLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    return l;
}

} // namespace

ApplicantView::ApplicantView(Context &ctx, QWidget *parent)
    : QWidget(parent), m_ui(new Ui::ApplicantView), m_ctx(ctx), m_persianDigits(language() == QLatin1String("fa"))
{
    m_ui->setupUi(this);
    useDeskKeys(this);
    setStyleSheet(QLatin1String(kStyleSheet));
    QFont titleFont = m_ui->title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_ui->title->setFont(titleFont);
    buildGrid();
    alignValues();

    m_ui->history->setColumnCount(3);
    m_ui->history->setHorizontalHeaderLabels({tr("Time"), tr("By"), tr("Action")});
    m_ui->sms->setColumnCount(3);
    m_ui->sms->setHorizontalHeaderLabels({tr("Time"), tr("Status"), tr("Text")});
    for (QTableWidget *t : {m_ui->history, m_ui->sms}) {
        t->verticalHeader()->hide();
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        t->horizontalHeader()->setStretchLastSection(true);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setSelectionMode(QAbstractItemView::SingleSelection);
        t->setTabKeyNavigation(false);
        t->setWordWrap(true);
    }

    m_ui->backButton->setToolTip(tr("Return to the search (Esc, Alt+Left)"));
    auto *back = new QAction(tr("Back to search"), this);
    back->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(QKeySequence::Back)});
    back->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QAction::triggered, this, &ApplicantView::closed);
    addAction(back);
    connect(m_ui->backButton, &QPushButton::clicked, this, &ApplicantView::closed);
    setFocusProxy(m_ui->history);
    buildActions();
}

ApplicantView::~ApplicantView() = default;

const QList<CounterAction> &allCounterActions()
{
    static const QList<CounterAction> all = {CounterAction::Activate,      CounterAction::ChangeMobile,
                                             CounterAction::ResetPassword, CounterAction::ResetQuestions,
                                             CounterAction::Recover,       CounterAction::Refuse};
    return all;
}

QString counterActionCode(CounterAction a)
{
    switch (a) {
    case CounterAction::Activate:
        return QStringLiteral("account.activate");
    case CounterAction::ChangeMobile:
        return QStringLiteral("account.mobile_change");
    case CounterAction::ResetPassword:
        return QStringLiteral("account.password_reset");
    case CounterAction::ResetQuestions:
        return QStringLiteral("account.questions_reset");
    case CounterAction::Recover:
        return QStringLiteral("account.password_recovered");
    case CounterAction::Refuse:
        return QStringLiteral("request.reject");
    }
    return {};
}

void ApplicantView::buildActions()
{
    struct Def {
        CounterAction action;
        QString text;
        Qt::Key key;
    };
    const Def defs[] = {
        {CounterAction::Activate, tr("A&ctivate account…"), Qt::Key_F2},
        {CounterAction::ChangeMobile, tr("Change &mobile…"), Qt::Key_F3},
        {CounterAction::ResetPassword, tr("Reset &password…"), Qt::Key_F4},
        {CounterAction::ResetQuestions, tr("Reset security &questions…"), Qt::Key_F6},
        {CounterAction::Recover, tr("Reco&ver password…"), Qt::Key_F7},
        {CounterAction::Refuse, tr("&Refuse request…"), Qt::Key_F8},
    };
    for (const Def &d : defs) {
        auto *action = new QAction(d.text, this);
        action->setShortcut(QKeySequence(d.key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(QString(d.text).remove(QLatin1Char('&')),
                                                         action->shortcut().toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, [this, a = d.action] { startAction(a); });
        addAction(action);
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setObjectName(counterActionCode(d.action));
        m_ui->actionsRow->addWidget(button);
        m_actions.insert(d.action, action);
        m_buttons.insert(d.action, button);
    }
    m_ui->actionsRow->addStretch(1);
    // The history (the view's focus proxy) first, then the actions, then Back.
    QList<QWidget *> stops{m_ui->history, m_ui->sms};
    for (CounterAction a : allCounterActions())
        stops << m_buttons.value(a);
    stops << m_ui->backButton;
    setTabStops(stops);
    updateActions();
}

void ApplicantView::setSession(const StaffSession &session)
{
    m_session = session;
    updateActions();
}

QAction *ApplicantView::counterAction(CounterAction a) const
{
    return m_actions.value(a);
}

QToolButton *ApplicantView::actionButton(CounterAction a) const
{
    return m_buttons.value(a);
}

void ApplicantView::updateActions()
{
    // The role decides what shows; the case decides what is enabled (the service checks
    // both again: this only spares the clerk a refusal).
    const bool allowed = roleMay(m_session.role, StaffPermission::CounterActions);
    const bool loaded = !m_case.nationalCode.isEmpty();
    const bool awaiting = loaded && m_case.status == RequestStatus::BranchActivationRequired;
    for (CounterAction a : allCounterActions()) {
        bool enabled = false;
        switch (a) {
        case CounterAction::Activate:
            enabled = awaiting && !m_case.hasAccount;
            break;
        case CounterAction::Refuse:
            enabled = awaiting;
            break;
        case CounterAction::ChangeMobile:
        case CounterAction::ResetPassword:
        case CounterAction::ResetQuestions:
        case CounterAction::Recover:
            enabled = loaded && m_case.hasAccount;
            break;
        }
        m_actions[a]->setVisible(allowed);
        m_actions[a]->setEnabled(allowed && enabled && !m_dialog);
        m_buttons[a]->setVisible(allowed); // a tool button follows its action's state, not its visibility
    }
}

QDialog *ApplicantView::createDialog(CounterAction a)
{
    switch (a) {
    case CounterAction::Activate:
        return new ActivationDialog(m_ctx, m_session, m_case, this);
    case CounterAction::ChangeMobile:
        return new MobileChangeDialog(m_ctx, m_session, m_case, this);
    case CounterAction::Refuse:
        return new RefusalDialog(m_ctx, m_session, m_case, this);
    case CounterAction::ResetPassword:
        return new PasswordResetDialog(m_ctx, m_session, m_case, this);
    case CounterAction::ResetQuestions:
        return new QuestionsResetDialog(m_ctx, m_session, m_case, this);
    case CounterAction::Recover:
        return new RecoveryDialog(m_ctx, m_session, m_case, this);
    }
    return nullptr;
}

bool ApplicantView::startAction(CounterAction a)
{
    QAction *action = m_actions.value(a);
    if (!action || !action->isVisible() || !action->isEnabled() || m_dialog)
        return false;
    QDialog *dialog = createDialog(a);
    if (!dialog)
        return false;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    updateActions();
    const QString code = m_case.nationalCode;
    connect(dialog, &QDialog::finished, this, [this, dialog, a, code](int result) {
        // Resets print no detail: nothing about a password or an answer goes on paper.
        const auto *counter = qobject_cast<CounterDialog *>(dialog);
        const auto details = counter ? counter->receiptDetails() : QList<QPair<QString, QString>>{};
        const QString receiptAction = counter ? counter->receiptAction() : QString();
        m_dialog = nullptr;
        if (result == QDialog::Accepted)
            reload(code); // the new status, history and SMS (the action is audited, not a new read)
        updateActions();
        // Back to the view, so that the next shortcut works without reaching for the mouse
        // (before the signal: what follows, e.g. the receipt, may take the focus on).
        window()->activateWindow();
        setFocus(Qt::OtherFocusReason);
        if (result == QDialog::Accepted)
            emit counterActionDone(a, code, details, receiptAction.isEmpty() ? counterActionCode(a) : receiptAction);
    });
    dialog->open();
    return true;
}

void ApplicantView::buildGrid()
{
    QGridLayout *grid = m_ui->compareGrid;
    auto header = [this, grid](int column, const QString &text) {
        auto *l = new QLabel(text, m_ui->compareGroup);
        QFont f = l->font();
        f.setBold(true);
        l->setFont(f);
        grid->addWidget(l, 0, column);
    };
    header(0, tr("Field"));
    header(1, tr("Request"));
    header(2, tr("Civil registry"));
    const QList<std::pair<QString, QString>> fields = {
        {QLatin1String(kFieldFirstName), tr("First name")},
        {QLatin1String(kFieldLastName), tr("Last name")},
        {QStringLiteral("father_name"), tr("Father's name")},
        {QLatin1String(kFieldBirthCertNo), tr("Birth certificate no.")},
        {QLatin1String(kFieldBirthDate), tr("Birth date")},
        {QLatin1String(kFieldGender), tr("Gender")},
    };
    for (const auto &[field, name] : fields) {
        Row r{field, new QLabel(name, m_ui->compareGroup), valueLabel(m_ui->compareGroup),
              valueLabel(m_ui->compareGroup)};
        r.name->setObjectName(field + QLatin1String("_name"));
        r.request->setObjectName(field + QLatin1String("_request"));
        r.registry->setObjectName(field + QLatin1String("_registry"));
        const int row = grid->rowCount();
        grid->addWidget(r.name, row, 0);
        grid->addWidget(r.request, row, 1);
        grid->addWidget(r.registry, row, 2);
        m_rows << r;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
}

void ApplicantView::alignValues()
{
    // QLabel aligns plain text by the text's own direction, so a value of digits only (a
    // date, a certificate number) or a dash would stick to the far edge of a right-to-left
    // screen. Values start at the leading edge of the interface instead.
    const Qt::Alignment leading =
        (layoutDirection() == Qt::RightToLeft ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignAbsolute | Qt::AlignVCenter;
    for (const Row &r : std::as_const(m_rows)) {
        r.request->setAlignment(leading);
        r.registry->setAlignment(leading);
    }
    for (QLabel *l :
         {m_ui->nationalCodeValue, m_ui->mobileValue, m_ui->emailValue, m_ui->submittedValue, m_ui->accountValue})
        l->setAlignment(leading);
}

void ApplicantView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LayoutDirectionChange)
        alignValues();
    QWidget::changeEvent(event);
}

QString ApplicantView::showApplicant(const QString &nationalCode)
{
    // Opening a person's case is a read of their data: audited in the service.
    auto c = openApplicantCase(m_ctx, nationalCode, m_session, QDateTime::currentDateTimeUtc());
    if (!c.ok())
        return c.failure.message();
    showCase(*c.value);
    return {};
}

void ApplicantView::reload(const QString &nationalCode)
{
    auto c = applicantCase(m_ctx, nationalCode);
    if (c.ok())
        showCase(*c.value);
}

void ApplicantView::showCase(const ApplicantCase &c)
{
    m_case = c;
    updateActions();
    const QString dash = QStringLiteral("—");
    // Names and date-times are data, in the same order in both languages: not translated.
    m_ui->title->setText(personName(c.request.firstName, c.request.lastName));
    m_ui->statusValue->setText(tr("Status: %1").arg(statusLabel(c.status)));
    m_ui->nationalCodeValue->setText(digits(c.nationalCode));
    m_ui->mobileValue->setText(c.mobile.isEmpty() ? dash : digits(c.mobile));
    m_ui->emailValue->setText(c.email.isEmpty() ? dash : c.email);
    m_ui->submittedValue->setText(c.submittedAt.isValid() ? dateTimeText(c.submittedAt) : dash);
    m_ui->accountValue->setText(c.hasAccount ? tr("Active") : tr("None yet"));

    const QString tip = tr("The request differs from the civil registry in this field.");
    for (const Row &r : std::as_const(m_rows)) {
        QString request, registry;
        const IdentityFields *ref = c.registry ? &*c.registry : nullptr;
        if (r.field == QLatin1String(kFieldFirstName)) {
            request = persianLetterForms(c.request.firstName);
            registry = ref ? persianLetterForms(ref->firstName) : QString();
        } else if (r.field == QLatin1String(kFieldLastName)) {
            request = persianLetterForms(c.request.lastName);
            registry = ref ? persianLetterForms(ref->lastName) : QString();
        } else if (r.field == QLatin1String("father_name")) {
            registry = ref ? persianLetterForms(c.fatherName) : QString();
        } else if (r.field == QLatin1String(kFieldBirthCertNo)) {
            request = digits(c.request.birthCertNo);
            registry = ref ? digits(ref->birthCertNo) : QString();
        } else if (r.field == QLatin1String(kFieldBirthDate)) {
            request = dateText(c.request.birthDate);
            registry = ref ? dateText(ref->birthDate) : QString();
        } else if (r.field == QLatin1String(kFieldGender)) {
            request = genderText(c.request.gender);
            registry = ref ? genderText(ref->gender) : QString();
        }
        r.request->setText(request.isEmpty() ? dash : request);
        r.registry->setText(registry.isEmpty() ? dash : registry);
        const bool differs = c.differing.contains(r.field);
        for (QLabel *l : {r.name, r.request, r.registry})
            setDiffers(l, differs, tip);
    }
    if (!c.registry)
        m_ui->compareNote->setText(tr("The civil registry has no person with this national code."));
    else if (!c.differing.isEmpty())
        m_ui->compareNote->setText(tr("Highlighted fields differ from the civil registry."));
    else
        m_ui->compareNote->setText(tr("The request matches the civil registry."));

    m_ui->history->setRowCount(0);
    for (const auto &h : c.history) {
        const int row = m_ui->history->rowCount();
        m_ui->history->insertRow(row);
        m_ui->history->setItem(row, 0, new QTableWidgetItem(dateTimeText(h.at)));
        m_ui->history->setItem(row, 1, new QTableWidgetItem(actorText(h.actor)));
        auto *action = new QTableWidgetItem(actionLabel(h.action));
        action->setData(Qt::UserRole, h.action);
        m_ui->history->setItem(row, 2, action);
    }
    m_ui->sms->setRowCount(0);
    for (const auto &s : c.sms) {
        const int row = m_ui->sms->rowCount();
        m_ui->sms->insertRow(row);
        m_ui->sms->setItem(row, 0, new QTableWidgetItem(dateTimeText(s.at)));
        m_ui->sms->setItem(row, 1, new QTableWidgetItem(smsStatusText(s.status)));
        auto *text = new QTableWidgetItem(s.text); // a recovery code's is hidden by the service
        text->setToolTip(tr("Sent to %1").arg(digits(s.mobile)));
        m_ui->sms->setItem(row, 2, text);
    }
    m_ui->history->resizeRowsToContents();
    m_ui->sms->resizeRowsToContents();
    // The newest entry is what the clerk usually needs.
    if (m_ui->history->rowCount() > 0)
        m_ui->history->setCurrentCell(m_ui->history->rowCount() - 1, 0);
    m_ui->history->scrollToBottom();
}

QStringList ApplicantView::highlightedFields() const
{
    QStringList out;
    for (const Row &r : m_rows)
        if (r.request->property(kDiffers).toBool() && r.registry->property(kDiffers).toBool())
            out << r.field;
    return out;
}

QLabel *ApplicantView::requestValue(const QString &field) const
{
    for (const Row &r : m_rows)
        if (r.field == field)
            return r.request;
    return nullptr;
}

QLabel *ApplicantView::registryValue(const QString &field) const
{
    for (const Row &r : m_rows)
        if (r.field == field)
            return r.registry;
    return nullptr;
}

QTableWidget *ApplicantView::historyTable() const
{
    return m_ui->history;
}

QTableWidget *ApplicantView::smsTable() const
{
    return m_ui->sms;
}

QPushButton *ApplicantView::backButton() const
{
    return m_ui->backButton;
}

QString ApplicantView::actionLabel(const QString &action)
{
    for (const ActionName &a : kActionNames)
        if (action == QLatin1String(a.action))
            return tr(a.label);
    return action;
}

QString ApplicantView::digits(const QString &s) const
{
    return m_persianDigits ? toPersianDigits(s) : s;
}

QString ApplicantView::dateText(const QDate &d) const
{
    return d.isValid() ? toJalaliString(d, m_persianDigits) : QString();
}

QString ApplicantView::dateTimeText(const QDateTime &t) const
{
    if (!t.isValid())
        return {};
    const QDateTime local = t.toLocalTime();
    return QStringLiteral("%1 %2").arg(dateText(local.date()), digits(local.time().toString(QStringLiteral("HH:mm"))));
}

QString ApplicantView::genderText(const QString &g) const
{
    if (g.compare(QLatin1String("M"), Qt::CaseInsensitive) == 0)
        return tr("Male");
    if (g.compare(QLatin1String("F"), Qt::CaseInsensitive) == 0)
        return tr("Female");
    return g;
}

QString ApplicantView::actorText(const QString &actor) const
{
    if (actor == QLatin1String("portal"))
        return tr("Portal");
    if (actor == QLatin1String("verifier"))
        return tr("Central verification");
    if (actor == QLatin1String("system"))
        return tr("System");
    return actor; // a staff login
}

QString ApplicantView::smsStatusText(const QString &status) const
{
    if (status == QLatin1String("queued"))
        return tr("Queued");
    if (status == QLatin1String("sending"))
        return tr("Sending");
    if (status == QLatin1String("sent"))
        return tr("Sent");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    return status;
}

} // namespace branch::ui
