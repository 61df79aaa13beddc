// Password recovery at the branch (see RecoveryDialog.h).
#include "RecoveryDialog.h"
#include "ui_RecoveryDialog.h"

#include "Bidi.h"

#include "ActivationDialog.h"
#include "MobileChangeDialog.h"
#include "QuestionChoosers.h"
#include "Worker.h"

#include "app/lifecycle/Counter.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Recovery.h"
#include "app/security/SecretHash.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QScreen>

namespace branch::ui
{

namespace
{
// The masked number ("0912***4567") read left to right inside a right-to-left sentence.
QString isolatedMobile(const QString &mobile)
{
    return isolatedLtr(CounterDialog::digits(MobileChangeDialog::maskedMobile(mobile)));
}

const QColor kProblemColor(0xb3, 0x26, 0x1e);

void wipeField(QLineEdit *field)
{
    // setText (not clear()) also drops the undo history.
    const QSignalBlocker blocker(field);
    field->setText(QString());
}
} // namespace

RecoveryDialog::RecoveryDialog(Context &ctx, const StaffSession &staff, const ApplicantCase &applicant, QWidget *parent)
    : CounterDialog(ctx, staff, applicant, parent), m_ui(new Ui::RecoveryDialog)
{
    static_assert(kSecurityQuestionCount == 3, "the form has three question rows");
    m_ui->setupUi(this);
    setMinimumWidth(560); // the notes wrap into readable lines, not a narrow column
    bind(m_ui->heading, m_ui->message);
    QPalette p = m_ui->questionViolations->palette();
    p.setColor(QPalette::WindowText, kProblemColor);
    m_ui->questionViolations->setPalette(p);

    m_questionLabels = {m_ui->questionText1, m_ui->questionText2, m_ui->questionText3};
    m_answers = {m_ui->answer1, m_ui->answer2, m_ui->answer3};
    m_newQuestions = {m_ui->newQuestion1, m_ui->newQuestion2, m_ui->newQuestion3};
    m_newAnswers = {m_ui->newAnswer1, m_ui->newAnswer2, m_ui->newAnswer3};

    // Codes and passwords are Latin digits and letters: they read left to right in both languages.
    for (QLineEdit *e : {m_ui->codeField, m_ui->password, m_ui->confirm})
        e->setLayoutDirection(Qt::LeftToRight);
    // Wide enough that no rule of the checklist wraps (a wrapped line is cut in a tight column).
    m_ui->rules->setMinimumWidth(460);
    m_ui->rules->setPersonal(PasswordContext{m_case.request.firstName, m_case.request.lastName, m_case.nationalCode});

    // The documents are the activation's, with the same labels.
    for (const QString &doc : requiredActivationDocuments()) {
        auto *box = new QCheckBox(ActivationDialog::documentLabel(doc), m_ui->documentsGroup);
        box->setObjectName(doc);
        m_ui->documentsLayout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &RecoveryDialog::updateRenewState);
        m_documents << qMakePair(doc, box);
    }
    offerDistinctQuestions(m_newQuestions);
    for (QLineEdit *a : std::as_const(m_newAnswers))
        a->setMinimumWidth(180); // the long questions would leave the answers a sliver
    for (QComboBox *box : std::as_const(m_newQuestions))
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            offerDistinctQuestions(m_newQuestions);
            updateRenewState();
        });

    // No default button: Enter in a field moves on or runs that page's step, never a
    // button behind the clerk's back; a focused button is pressed with Space.
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setAutoDefault(false);

    connect(m_ui->smsButton, &QAbstractButton::clicked, this, &RecoveryDialog::startSms);
    connect(m_ui->questionsButton, &QAbstractButton::clicked, this, &RecoveryDialog::startQuestions);
    connect(m_ui->documentsButton, &QAbstractButton::clicked, this, &RecoveryDialog::startDocuments);
    connect(m_ui->verifyCodeButton, &QPushButton::clicked, this, &RecoveryDialog::verifyCode);
    connect(m_ui->newCodeButton, &QPushButton::clicked, this, &RecoveryDialog::startSms);
    connect(m_ui->codeField, &QLineEdit::returnPressed, this, &RecoveryDialog::verifyCode);
    connect(m_ui->codeField, &QLineEdit::textEdited, this, [this] { showMessage(QString()); });
    connect(m_ui->verifyAnswersButton, &QPushButton::clicked, this, &RecoveryDialog::verifyAnswers);
    for (int row = 0; row < m_answers.size(); ++row) {
        QLineEdit *answer = m_answers.at(row);
        if (row + 1 < m_answers.size())
            connect(answer, &QLineEdit::returnPressed, m_answers.at(row + 1), qOverload<>(&QWidget::setFocus));
        else
            connect(answer, &QLineEdit::returnPressed, this, &RecoveryDialog::verifyAnswers);
    }
    connect(m_ui->showAnswers, &QCheckBox::toggled, this, [this](bool shown) {
        for (QLineEdit *a : std::as_const(m_answers))
            a->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_ui->showPassword, &QCheckBox::toggled, this, [this](bool shown) {
        const auto mode = shown ? QLineEdit::Normal : QLineEdit::Password;
        m_ui->password->setEchoMode(mode);
        m_ui->confirm->setEchoMode(mode);
    });
    connect(m_ui->password, &QLineEdit::textChanged, this, &RecoveryDialog::updateRenewState);
    connect(m_ui->confirm, &QLineEdit::textChanged, this, &RecoveryDialog::updateRenewState);
    connect(m_ui->password, &QLineEdit::returnPressed, m_ui->confirm, qOverload<>(&QWidget::setFocus));
    connect(m_ui->confirm, &QLineEdit::returnPressed, this, [this] {
        if (m_ui->renewButton->isEnabled())
            renew();
    });
    for (QLineEdit *a : std::as_const(m_newAnswers))
        connect(a, &QLineEdit::textChanged, this, &RecoveryDialog::updateRenewState);
    connect(m_ui->passwordGroup, &QGroupBox::toggled, this, &RecoveryDialog::updateRenewState);
    connect(m_ui->questionsGroup, &QGroupBox::toggled, this, &RecoveryDialog::updateRenewState);
    connect(m_ui->renewButton, &QPushButton::clicked, this, &RecoveryDialog::renew);
    connect(m_ui->backButton, &QPushButton::clicked, this, &RecoveryDialog::backToMethods);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    // The documents first on the renewal page, then the password, then the questions.
    QWidget *previous = nullptr;
    for (const auto &[doc, box] : std::as_const(m_documents)) {
        if (previous)
            setTabOrder(previous, box);
        previous = box;
    }
    setTabOrder(previous, m_ui->passwordGroup);
    setTabOrder(m_ui->passwordGroup, m_ui->password);
    // The questions' box itself is a stop (Space opens it), before its closed fields.
    setTabOrder(m_ui->showPassword, m_ui->questionsGroup);
    setTabOrder(m_ui->questionsGroup, m_ui->newQuestion1);

    m_gateway = smsGatewayFromSettings();
    updateSmsButton();
    showPage(Page::Method);
}

RecoveryDialog::~RecoveryDialog()
{
    clearSecrets();
    m_worker.reset(); // waits for a send under way; its answer is dropped
    security::wipe(m_gateway.token);
}

void RecoveryDialog::setSmsGateway(const SmsGatewayConfig &config)
{
    security::wipe(m_gateway.token);
    m_gateway = config;
    updateSmsButton();
}

void RecoveryDialog::updateSmsButton()
{
    // No gateway at this desk: the button says so at once rather than wait for a failure.
    const bool configured = !m_gateway.url.isEmpty() && !m_gateway.token.isEmpty();
    m_ui->smsButton->setEnabled(configured && !m_sending);
    m_ui->newCodeButton->setEnabled(configured && !m_sending);
    m_ui->smsButton->setToolTip(configured ? QString()
                                           : tr("No SMS gateway is set up at this desk, so no code can be sent. "
                                                "Use the security questions or the identity documents."));
}

QString RecoveryDialog::receiptAction() const
{
    return m_route == Route::Documents ? QStringLiteral("account.recovered_at_branch")
                                       : QStringLiteral("account.password_recovered");
}

void RecoveryDialog::showPage(Page page)
{
    // Only the page shown is in the layout (a hidden widget takes no room), so the dialog
    // takes the size of that page, not of the largest one.
    m_page = page;
    const QList<QWidget *> pages = {m_ui->methodPage, m_ui->codePage, m_ui->questionsPage, m_ui->renewPage};
    for (int i = 0; i < pages.size(); ++i)
        pages.at(i)->setVisible(i == static_cast<int>(page));
    m_ui->backButton->setVisible(page != Page::Method);
    switch (page) {
    case Page::Method:
        setTabOrder(m_ui->documentsButton, m_ui->cancelButton);
        m_ui->smsButton->setFocus();
        break;
    case Page::Code:
        m_ui->codeField->setFocus();
        break;
    case Page::Questions:
        m_ui->answer1->setFocus();
        break;
    case Page::Renew:
        break;
    }
    fitHeight(true);
    if (isVisible()) {
        // A resize keeps the top-left corner: centre the dialog on its window again and
        // keep it on the screen.
        QRect frame = geometry();
        if (const QWidget *over = parentWidget() ? parentWidget()->window() : nullptr)
            frame.moveCenter(over->geometry().center());
        if (const QScreen *s = screen()) {
            const QRect avail = s->availableGeometry();
            frame.moveLeft(qBound(avail.left(), frame.left(), qMax(avail.left(), avail.right() - frame.width())));
            frame.moveTop(qBound(avail.top(), frame.top(), qMax(avail.top(), avail.bottom() - frame.height())));
        }
        move(frame.topLeft());
    }
}

bool RecoveryDialog::event(QEvent *e)
{
    const bool handled = CounterDialog::event(e);
    // A note or a message appeared or grew: make room rather than squeeze the page.
    if (e->type() == QEvent::LayoutRequest)
        fitHeight(false);
    return handled;
}

void RecoveryDialog::fitHeight(bool mayShrink)
{
    // Not adjustSize(): with wrapped notes its width hint is a narrow column, so tall that
    // the screen caps it. The width first, then the height the notes need at that width.
    layout()->activate();
    const int w = mayShrink ? qMax(minimumWidth(), sizeHint().width()) : width();
    const int h = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(w) : sizeHint().height();
    if (mayShrink || h > height())
        resize(w, qMax(h, minimumSizeHint().height()));
}

void RecoveryDialog::showFailure(const Failure &failure)
{
    QString text = failure.message();
    if (failure.extra.contains(QStringLiteral("attempts_left")))
        text += QLatin1Char('\n') +
                tr("Tries left: %1.")
                    .arg(digits(QString::number(failure.extra.value(QStringLiteral("attempts_left")).toInt())));
    showMessage(text);
}

void RecoveryDialog::startSms()
{
    start(Route::Sms);
}

void RecoveryDialog::startQuestions()
{
    start(Route::Questions);
}

void RecoveryDialog::start(Route route)
{
    if (m_sending)
        return;
    clearSecrets();
    m_verified = false;
    if (route == Route::Sms) {
        sendCode();
        return;
    }
    started(route, startRecoveryAtCounter(m_ctx, m_case.nationalCode, QStringLiteral("questions"), m_staff, m_now()));
}

void RecoveryDialog::sendCode()
{
    if (!m_worker)
        m_worker = std::make_unique<Worker>(m_ctx.databasePath(), m_ctx.branchCode, QStringLiteral("recovery-sms"),
                                            Worker::Connection::PerJob);
    m_sending = true;
    updateSmsButton();
    for (QWidget *w : {static_cast<QWidget *>(m_ui->questionsButton), static_cast<QWidget *>(m_ui->documentsButton),
                       static_cast<QWidget *>(m_ui->backButton)})
        w->setEnabled(false);
    showMessage(tr("Sending the code to %1…").arg(isolatedMobile(m_case.mobile)));
    setCursor(Qt::BusyCursor);
    // The gateway may take its whole timeout: the send (and the recovery it starts) runs on
    // the worker's own connection, and the desk stays responsive.
    m_worker->run(
        [nationalCode = m_case.nationalCode, staff = m_staff, now = m_now(), config = m_gateway](Context &c) {
            GatewaySmsSender sender(config);
            return startRecoveryAtCounter(c, nationalCode, QStringLiteral("sms"), staff, now, &sender);
        },
        [this](const Outcome<RecoveryStart> &out) {
            m_sending = false;
            unsetCursor();
            updateSmsButton();
            for (QWidget *w : {static_cast<QWidget *>(m_ui->questionsButton),
                               static_cast<QWidget *>(m_ui->documentsButton), static_cast<QWidget *>(m_ui->backButton)})
                w->setEnabled(true);
            started(Route::Sms, out);
        });
}

void RecoveryDialog::started(Route route, const Outcome<RecoveryStart> &out)
{
    if (!out.ok()) {
        const bool unavailable = !out.failure.violations.isEmpty() &&
                                 out.failure.violations.first().code == QLatin1String("recovery.sms_unavailable");
        if (unavailable) {
            // No code is coming: back to the methods, on the next one that can work.
            m_route = Route::None;
            m_recoveryId.clear();
            showPage(Page::Method);
            bool hasQuestions = false;
            for (const auto &r : std::as_const(m_case.requests))
                hasQuestions = hasQuestions || !r.questionIds.isEmpty();
            (hasQuestions ? m_ui->questionsButton : m_ui->documentsButton)->setFocus();
        }
        // Otherwise stay where the clerk was (a refused new code keeps the code page); the
        // message says why.
        showFailure(out.failure);
        return;
    }
    showMessage(QString());
    m_route = route;
    m_recoveryId = out.value->recoveryId;
    if (route == Route::Sms) {
        const QString until = QLocale().toString(out.value->expiresAt.toLocalTime().time(), QStringLiteral("HH:mm"));
        m_ui->codeInfo->setText(tr("An SMS with a 6-digit code was sent to %1. Ask the person to read the code "
                                   "from their phone; it is valid until %2 (20 minutes).")
                                    .arg(isolatedMobile(m_case.mobile), digits(until)));
        m_ui->codeField->setEnabled(true);
        m_ui->verifyCodeButton->setEnabled(true);
        showPage(Page::Code);
    } else {
        m_askedQuestions = out.value->questions;
        for (int row = 0; row < m_questionLabels.size(); ++row) {
            const bool shown = row < m_askedQuestions.size();
            m_questionLabels.at(row)->setText(shown ? m_askedQuestions.at(row).text : QString());
            m_questionLabels.at(row)->setVisible(shown);
            m_answers.at(row)->setVisible(shown);
        }
        m_ui->verifyAnswersButton->setEnabled(true);
        showPage(Page::Questions);
    }
}

void RecoveryDialog::startDocuments()
{
    clearSecrets();
    showMessage(QString());
    m_route = Route::Documents;
    m_recoveryId.clear();
    m_verified = false;
    showRenewPage();
}

void RecoveryDialog::verifyCode()
{
    if (m_route != Route::Sms || m_recoveryId.isEmpty() || !m_ui->verifyCodeButton->isEnabled())
        return;
    QString code = m_ui->codeField->text();
    wipeField(m_ui->codeField);
    const auto out = verifyRecoveryCodeAtCounter(m_ctx, m_recoveryId, std::move(code), m_staff, m_now());
    if (!out.ok()) {
        showFailure(out.failure);
        const QString why = out.failure.violations.isEmpty() ? QString() : out.failure.violations.first().code;
        // Past these a new code is needed: the next step is the button that sends one.
        const bool dead = why == QLatin1String("recovery.locked") || why == QLatin1String("recovery.code_expired") ||
                          out.failure.extra.value(QStringLiteral("attempts_left")).toInt(1) == 0;
        m_ui->codeField->setEnabled(!dead);
        m_ui->verifyCodeButton->setEnabled(!dead);
        (dead ? static_cast<QWidget *>(m_ui->newCodeButton) : m_ui->codeField)->setFocus();
        return;
    }
    m_verified = true;
    showMessage(QString());
    showRenewPage();
}

void RecoveryDialog::verifyAnswers()
{
    if (m_route != Route::Questions || m_recoveryId.isEmpty() || !m_ui->verifyAnswersButton->isEnabled())
        return;
    QList<QuestionAnswer> answers;
    for (int row = 0; row < m_askedQuestions.size() && row < m_answers.size(); ++row)
        answers.append(QuestionAnswer{m_askedQuestions.at(row).id, m_answers.at(row)->text()});
    for (QLineEdit *a : std::as_const(m_answers))
        wipeField(a);
    const auto out = verifyRecoveryAnswersAtCounter(m_ctx, m_recoveryId, std::move(answers), m_staff, m_now());
    if (!out.ok()) {
        showFailure(out.failure);
        const bool dead = out.failure.extra.value(QStringLiteral("attempts_left")).toInt(1) == 0 ||
                          (!out.failure.violations.isEmpty() &&
                           out.failure.violations.first().code == QLatin1String("recovery.locked"));
        m_ui->verifyAnswersButton->setEnabled(!dead);
        (dead ? static_cast<QWidget *>(m_ui->backButton) : m_ui->answer1)->setFocus();
        return;
    }
    m_verified = true;
    showMessage(QString());
    showRenewPage();
}

void RecoveryDialog::showRenewPage()
{
    const bool documents = m_route == Route::Documents;
    m_ui->documentsGroup->setVisible(documents);
    m_ui->questionsGroup->setVisible(documents);
    m_ui->passwordGroup->setCheckable(documents);
    if (documents) {
        m_ui->passwordGroup->setChecked(true);
        m_ui->questionsGroup->setChecked(false);
        for (const auto &[doc, box] : std::as_const(m_documents))
            box->setChecked(false);
        m_ui->renewIntro->setText(tr("Neither the SMS code nor the questions: check the originals of the documents "
                                     "below and tick them. Then the person types a new password, chooses new "
                                     "security questions, or both."));
        m_ui->renewButton->setText(tr("&Recover at the branch"));
    } else {
        m_ui->renewIntro->setText(route() == Route::Sms
                                      ? tr("The code is right. Ask the person to type the new password themselves.")
                                      : tr("The answers are right. Ask the person to type the new password "
                                           "themselves."));
        m_ui->renewButton->setText(tr("Set the new &password"));
    }
    showPage(Page::Renew);
    updateRenewState();
    if (documents && !m_documents.isEmpty())
        m_documents.first().second->setFocus();
    else
        m_ui->password->setFocus();
}

QStringList RecoveryDialog::tickedDocuments() const
{
    QStringList out;
    for (const auto &[doc, box] : m_documents)
        if (box->isChecked())
            out << doc;
    return out;
}

QList<QuestionAnswer> RecoveryDialog::newQuestions() const
{
    QList<QuestionAnswer> out;
    for (int row = 0; row < m_newQuestions.size(); ++row)
        out.append(QuestionAnswer{m_newQuestions.at(row)->currentData().toString(), m_newAnswers.at(row)->text()});
    return out;
}

void RecoveryDialog::updateRenewState()
{
    const bool documents = m_route == Route::Documents;
    const bool wantPassword = !documents || m_ui->passwordGroup->isChecked();
    const bool wantQuestions = documents && m_ui->questionsGroup->isChecked();
    {
        QString password = m_ui->password->text();
        QString confirmation = m_ui->confirm->text();
        m_rulesMet = m_ui->rules->update(password, confirmation);
        security::wipe(password);
        security::wipe(confirmation);
    }
    QStringList problems;
    if (wantQuestions) {
        QList<QuestionAnswer> qa = newQuestions();
        for (const Violation &v : checkSecurityQuestions(qa))
            problems << v.message;
        for (QuestionAnswer &q : qa)
            security::wipe(q.answer);
    }
    m_ui->questionViolations->setText(problems.join(QLatin1Char('\n')));
    m_ui->questionViolations->setVisible(!problems.isEmpty());
    bool ready = (!wantPassword || m_rulesMet) && (!wantQuestions || problems.isEmpty());
    if (documents)
        ready = ready && (wantPassword || wantQuestions) && tickedDocuments().size() == m_documents.size();
    m_ui->renewButton->setEnabled(ready && (documents || m_verified));
    QString tip;
    if (documents && tickedDocuments().size() != m_documents.size())
        tip = tr("Tick every document first.");
    else if (documents && !wantPassword && !wantQuestions)
        tip = tr("Choose a new password, new security questions, or both.");
    m_ui->renewButton->setToolTip(tip);
}

void RecoveryDialog::renew()
{
    updateRenewState();
    if (!m_ui->renewButton->isEnabled())
        return;
    if (m_route == Route::Documents) {
        BranchRecoveryInput in;
        in.documents = tickedDocuments();
        in.newPassword = m_ui->passwordGroup->isChecked();
        in.newQuestions = m_ui->questionsGroup->isChecked();
        QStringList docNames;
        for (const QString &d : std::as_const(in.documents))
            docNames << ActivationDialog::documentLabel(d);
        const QString renewed = in.newPassword && in.newQuestions ? tr("password and security questions")
                                : in.newPassword                  ? tr("password")
                                                                  : tr("security questions");
        m_receiptDetails = {{tr("Documents checked"), docNames.join(tr(", "))}, {tr("Renewed"), renewed}};
        confirmAndRun<bool>(
            tr("Recover the account of %1 after the document check? What is renewed takes effect at once.")
                .arg(applicantHeading(m_case)),
            tr("Recover"), [&] {
                if (in.newPassword) {
                    in.password = m_ui->password->text();
                    in.passwordConfirm = m_ui->confirm->text();
                }
                if (in.newQuestions)
                    in.questions = newQuestions();
                clearSecrets();
                return recoverAtCounter(m_ctx, m_case.nationalCode, std::move(in), m_staff, m_now());
            });
    } else {
        m_receiptDetails = {{tr("Identity proved by"),
                             m_route == Route::Sms ? tr("the SMS code sent to %1").arg(isolatedMobile(m_case.mobile))
                                                   : tr("the answers to the security questions")}};
        confirmAndRun<bool>(tr("Set the new password of %1?").arg(applicantHeading(m_case)), tr("Set password"), [&] {
            QString password = m_ui->password->text();
            QString confirmation = m_ui->confirm->text();
            clearSecrets();
            return resetRecoveredPasswordAtCounter(m_ctx, m_recoveryId, std::move(password), std::move(confirmation),
                                                   m_staff, m_now());
        });
    }
    if (result() != QDialog::Accepted) {
        // Refused or not confirmed: what was typed is gone (or kept when declined); the
        // rules show the fields' state again and the message stays.
        const QString failure = message();
        updateRenewState();
        showMessage(failure);
    }
}

void RecoveryDialog::backToMethods()
{
    clearSecrets();
    showMessage(QString());
    m_route = Route::None;
    m_recoveryId.clear();
    m_verified = false;
    showPage(Page::Method);
}

void RecoveryDialog::clearSecrets()
{
    wipeField(m_ui->codeField);
    for (QLineEdit *a : std::as_const(m_answers))
        wipeField(a);
    for (QLineEdit *a : std::as_const(m_newAnswers))
        wipeField(a);
    wipeField(m_ui->password);
    wipeField(m_ui->confirm);
}

} // namespace branch::ui
