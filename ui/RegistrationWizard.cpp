// Assisted registration at the counter (see RegistrationWizard.h).
#include "RegistrationWizard.h"
#include "ui_RegistrationWizard.h"

#include "Bidi.h"
#include "DeskKeys.h"

#include "Confirm.h"
#include "MobileChangeDialog.h"
#include "PasswordRulesChecklist.h"
#include "QuestionChoosers.h"
#include "TextColors.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"
#include "app/core/Language.h"
#include "app/core/Mobile.h"
#include "app/core/Names.h"
#include "app/core/NationalCode.h"
#include "app/core/PasswordPolicy.h"
#include "app/core/PersianText.h"
#include "app/core/TrackingCode.h"
#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Counter.h"
#include "app/security/SecretHash.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QTableWidget>

namespace branch::ui
{

namespace
{
bool persian()
{
    return language() == QLatin1String("fa");
}

// Digits in the interface language's script.
QString shownDigits(const QString &s)
{
    return persian() ? toPersianDigits(s) : s;
}
} // namespace

RegistrationStep::RegistrationStep(QWidget *parent) : QWizardPage(parent) {}

bool RegistrationStep::isComplete() const
{
    return m_complete ? m_complete() : QWizardPage::isComplete();
}

bool RegistrationStep::validatePage()
{
    return m_validate ? m_validate() : true;
}

void RegistrationStep::initializePage()
{
    if (m_init)
        m_init();
}

RegistrationWizard::RegistrationWizard(Context &ctx, const StaffSession &staff, QWidget *parent)
    : QWizard(parent), m_ui(new Ui::RegistrationWizard), m_ctx(ctx), m_staff(staff),
      m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    static_assert(kSecurityQuestionCount == 3, "the form has three question rows");
    m_ui->setupUi(this);
    useDeskKeys(this);
    // The seed's buttons: «مرحله بعد», «مرحله قبل», «تایید و ارسال درخواست».
    setButtonText(QWizard::NextButton, tr("&Next step"));
    setButtonText(QWizard::BackButton, tr("&Previous step"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    setButtonText(QWizard::FinishButton, tr("&Open the applicant"));
    m_ui->stepReview->setCommitPage(true);
    m_ui->stepReview->setButtonText(QWizard::CommitButton, tr("&Confirm and send request"));

    m_questionBoxes = {m_ui->question1, m_ui->question2, m_ui->question3};
    m_answers = {m_ui->answer1, m_ui->answer2, m_ui->answer3};
    m_ui->gender->addItem(tr("Male"), QStringLiteral("M"));
    m_ui->gender->addItem(tr("Female"), QStringLiteral("F"));
    m_ui->gender->setCurrentIndex(-1);
    rebuildQuestionChoosers();
    m_ui->rules->setStrengthCaption(tr("Password conditions:")); // the seed's «وضعیت شرایط گذرواژه»

    const QList<QPair<QString, QLabel *>> errorLabels = {
        {QStringLiteral("national_code"), m_ui->nationalCodeError},
        {QStringLiteral("mobile"), m_ui->mobileError},
        {QStringLiteral("last_name"), m_ui->lastNameError},
        {QStringLiteral("first_name"), m_ui->firstNameError},
        {QStringLiteral("birth_cert_no"), m_ui->birthCertNoError},
        {QStringLiteral("birth_date"), m_ui->birthDateError},
        {QStringLiteral("gender"), m_ui->genderError},
        {QStringLiteral("email"), m_ui->emailError},
        {QStringLiteral("security_questions"), m_ui->questionsError},
        {QStringLiteral("submit"), m_ui->submitError},
    };
    for (const auto &[field, label] : errorLabels) {
        setTextColor(label, kProblemColor);
        label->hide();
        m_checks.insert(field, FieldCheck{field, label, false});
    }
    // The seed's warning stands out: it is what the person must read before typing a password.
    m_ui->publicWarning->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4e5; border: 1px solid #e0a040; padding: 6px; }"));
    QFont bold = m_ui->doneMessage->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_ui->doneMessage->setFont(bold);

    // Short values need no full-width fields: they stay beside their labels.
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_ui->nationalCode, m_ui->mobile, m_ui->lastName, m_ui->firstName,
                                          m_ui->birthCertNo, m_ui->birthDate, m_ui->gender})
        w->setMaximumWidth(420);

    m_ui->review->setColumnCount(2);
    m_ui->review->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ui->review->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);

    // Cancel asks first, like Esc (QWizard would reject at once).
    button(QWizard::CancelButton)->disconnect(this);
    connect(button(QWizard::CancelButton), &QAbstractButton::clicked, this, &RegistrationWizard::cancel);

    wire();
    updateCodes();
    updateIdentity();
    updateAccount();
}

RegistrationWizard::~RegistrationWizard()
{
    clearSecrets();
}

void RegistrationWizard::wire()
{
    auto touch = [this](const QString &field) { m_checks[field].touched = true; };
    const QList<QPair<QLineEdit *, QString>> codes = {{m_ui->nationalCode, QStringLiteral("national_code")},
                                                      {m_ui->mobile, QStringLiteral("mobile")}};
    for (const auto &[edit, field] : codes) {
        connect(edit, &QLineEdit::textEdited, this, [touch, field] { touch(field); });
        connect(edit, &QLineEdit::textChanged, this, &RegistrationWizard::updateCodes);
    }
    const QList<QPair<QLineEdit *, QString>> identity = {{m_ui->lastName, QStringLiteral("last_name")},
                                                         {m_ui->firstName, QStringLiteral("first_name")},
                                                         {m_ui->birthCertNo, QStringLiteral("birth_cert_no")},
                                                         {m_ui->birthDate, QStringLiteral("birth_date")}};
    for (const auto &[edit, field] : identity) {
        connect(edit, &QLineEdit::textEdited, this, [touch, field] { touch(field); });
        connect(edit, &QLineEdit::textChanged, this, &RegistrationWizard::updateIdentity);
    }
    connect(m_ui->gender, &QComboBox::currentIndexChanged, this, [this, touch] {
        touch(QStringLiteral("gender"));
        updateIdentity();
    });

    connect(m_ui->email, &QLineEdit::textEdited, this, [touch] { touch(QStringLiteral("email")); });
    for (QLineEdit *edit : {m_ui->email, m_ui->password, m_ui->confirm})
        connect(edit, &QLineEdit::textChanged, this, &RegistrationWizard::updateAccount);
    connect(m_ui->showPassword, &QCheckBox::toggled, this, [this](bool shown) {
        const auto mode = shown ? QLineEdit::Normal : QLineEdit::Password;
        m_ui->password->setEchoMode(mode);
        m_ui->confirm->setEchoMode(mode);
    });
    for (QComboBox *box : std::as_const(m_questionBoxes)) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, touch] {
            touch(QStringLiteral("security_questions"));
            rebuildQuestionChoosers();
            updateAccount();
        });
    }
    for (QLineEdit *answer : std::as_const(m_answers)) {
        connect(answer, &QLineEdit::textEdited, this, [touch] { touch(QStringLiteral("security_questions")); });
        connect(answer, &QLineEdit::textChanged, this, &RegistrationWizard::updateAccount);
    }

    const QList<QPair<RegistrationStep *, Step>> steps = {
        {m_ui->stepCodes, CodesStep}, {m_ui->stepIdentity, IdentityStep}, {m_ui->stepAccount, AccountStep}};
    for (const auto &[page, step] : steps)
        page->setCompleteCheck([this, step] { return violationsOf(step).isEmpty(); });
    // A person who already has an account recovers it; registering again would be refused
    // at the end, so say it on the first step.
    m_ui->stepCodes->setValidator([this] {
        QString code;
        if (!checkNationalCode(m_ui->nationalCode->text(), &code).isEmpty())
            return false;
        const auto existing = applicantCase(m_ctx, code);
        if (existing.ok() && existing.value->hasAccount) {
            FieldCheck &c = m_checks[QStringLiteral("national_code")];
            c.error->setText(tr("This person already has an active account: use password recovery or a reset at "
                                "the counter instead of registering again."));
            c.error->show();
            return false;
        }
        return true;
    });
    m_ui->stepAccount->setInitializer([this] {
        m_ui->rules->setPersonal(personal());
        updateAccount();
    });
    m_ui->stepReview->setInitializer([this] { fillReview(); });
    m_ui->stepReview->setValidator([this] { return submit(); });
    m_ui->stepDone->setInitializer([this] {
        QString mobile;
        checkMobile(m_ui->mobile->text(), &mobile);
        m_ui->doneMessage->setText(submittedMessage());
        // The code read left to right inside the sentence, whatever the direction around it.
        m_ui->doneDetails->setText(tr("Tracking code: %1\nThe result of the check is sent by SMS to %2.")
                                       .arg(isolatedLtr(trackingCode()), shownDigits(mobile)));
    });

    // Each step starts in its first field (the wizard would leave the focus on a button).
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        QWidget *first = nullptr;
        switch (id) {
        case CodesStep:
            first = m_ui->nationalCode;
            break;
        case IdentityStep:
            first = m_ui->lastName;
            break;
        case AccountStep:
            first = m_ui->email;
            break;
        case ReviewStep:
            first = button(QWizard::CommitButton);
            break;
        case DoneStep:
            first = button(QWizard::FinishButton);
            break;
        default:
            break;
        }
        if (first)
            first->setFocus(Qt::OtherFocusReason);
    });
}

void RegistrationWizard::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

QString RegistrationWizard::submittedMessage()
{
    return tr("Your request was registered successfully, and the result of the steps taken will be sent by SMS.");
}

PasswordContext RegistrationWizard::personal() const
{
    // As the core's validateRegistration passes them: the names and code as typed.
    return PasswordContext{m_ui->firstName->text(), m_ui->lastName->text(), m_ui->nationalCode->text()};
}

QList<QuestionAnswer> RegistrationWizard::currentQuestions() const
{
    QList<QuestionAnswer> out;
    for (int row = 0; row < m_questionBoxes.size(); ++row)
        out.append(QuestionAnswer{m_questionBoxes.at(row)->currentData().toString(), m_answers.at(row)->text()});
    return out;
}

Violations RegistrationWizard::violationsOf(Step step) const
{
    Violations vs;
    switch (step) {
    case CodesStep:
        vs += checkNationalCode(m_ui->nationalCode->text());
        vs += checkMobile(m_ui->mobile->text());
        break;
    case IdentityStep:
        vs += checkName(m_ui->lastName->text(), QStringLiteral("last_name"));
        vs += checkName(m_ui->firstName->text(), QStringLiteral("first_name"));
        vs += checkBirthCertNo(m_ui->birthCertNo->text());
        vs += checkBirthDate(m_ui->birthDate->text(), m_now().toLocalTime().date());
        vs += checkGender(m_ui->gender->currentData().toString());
        break;
    case AccountStep: {
        vs += checkEmail(m_ui->email->text());
        QString pw = m_ui->password->text();
        QString confirm = m_ui->confirm->text();
        vs += checkPassword(pw, confirm, personal());
        security::wipe(pw);
        security::wipe(confirm);
        QList<QuestionAnswer> qa = currentQuestions();
        vs += checkSecurityQuestions(qa);
        for (QuestionAnswer &q : qa)
            security::wipe(q.answer);
        break;
    }
    case ReviewStep:
    case DoneStep:
        break;
    }
    return vs;
}

QStringList RegistrationWizard::violationCodes(Step step) const
{
    QStringList out;
    for (const Violation &v : violationsOf(step))
        out << v.code;
    return out;
}

void RegistrationWizard::showMessages(const QString &field, const Violations &vs)
{
    FieldCheck &c = m_checks[field];
    QStringList messages;
    for (const Violation &v : vs)
        if (v.field == field)
            messages << v.message;
    // A field nobody has typed in yet is not wrong yet: its star says it is needed.
    const bool visible = c.touched && !messages.isEmpty();
    c.error->setText(visible ? messages.join(QLatin1Char('\n')) : QString());
    c.error->setVisible(visible);
}

QString RegistrationWizard::shownMessage(const QString &field) const
{
    const auto it = m_checks.constFind(field);
    return it != m_checks.constEnd() && it->error->isVisibleTo(this) ? it->error->text() : QString();
}

void RegistrationWizard::updateCodes()
{
    const Violations vs = violationsOf(CodesStep);
    showMessages(QStringLiteral("national_code"), vs);
    showMessages(QStringLiteral("mobile"), vs);
    m_ui->stepCodes->changed();
}

void RegistrationWizard::updateIdentity()
{
    const Violations vs = violationsOf(IdentityStep);
    for (const char *field : {"last_name", "first_name", "birth_cert_no", "birth_date", "gender"})
        showMessages(QString::fromLatin1(field), vs);
    m_ui->stepIdentity->changed();
}

void RegistrationWizard::updateAccount()
{
    QString pw = m_ui->password->text();
    QString confirm = m_ui->confirm->text();
    m_ui->rules->update(pw, confirm);
    security::wipe(pw);
    security::wipe(confirm);
    const Violations vs = violationsOf(AccountStep);
    showMessages(QStringLiteral("email"), vs);
    showMessages(QStringLiteral("security_questions"), vs);
    m_ui->stepAccount->changed();
}

void RegistrationWizard::rebuildQuestionChoosers()
{
    offerDistinctQuestions(m_questionBoxes);
}

QStringList RegistrationWizard::offeredQuestions(int row) const
{
    return offeredQuestionIds(m_questionBoxes.value(row, nullptr));
}

PasswordRulesChecklist *RegistrationWizard::passwordRules() const
{
    return m_ui->rules;
}

void RegistrationWizard::fillReview()
{
    // The seed's step-4 table, in its order; values in their normalised form, as stored, the
    // names as every screen and receipt shows them (Persian letter forms).
    QString code, mobile, certNo, email;
    QDate birth;
    checkNationalCode(m_ui->nationalCode->text(), &code);
    checkMobile(m_ui->mobile->text(), &mobile);
    checkBirthCertNo(m_ui->birthCertNo->text(), &certNo);
    checkBirthDate(m_ui->birthDate->text(), m_now().toLocalTime().date(), &birth);
    checkEmail(m_ui->email->text(), &email);
    QList<QPair<QString, QString>> rows = {
        {tr("National code"), shownDigits(code)},
        {tr("Mobile"), shownDigits(mobile)},
        {tr("Last name"), persianLetterForms(cleanDisplay(m_ui->lastName->text()))},
        {tr("First name"), persianLetterForms(cleanDisplay(m_ui->firstName->text()))},
        {tr("Birth certificate number"), shownDigits(certNo)},
        {tr("Birth date"), toJalaliString(birth, persian())},
        {tr("Gender"), m_ui->gender->currentText()},
        {tr("Email"), email.isEmpty() ? tr("(none)") : email},
    };
    const QStringList questionLabels = {tr("First security question (%1)"), tr("Second security question (%1)"),
                                        tr("Third security question (%1)")};
    for (int row = 0; row < m_questionBoxes.size(); ++row)
        rows.append({questionLabels.at(row).arg(m_questionBoxes.at(row)->currentText()),
                     cleanDisplay(m_answers.at(row)->text())});

    m_ui->review->clearContents();
    m_ui->review->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        auto *label = new QTableWidgetItem(rows.at(i).first);
        QFont f = label->font();
        f.setBold(true);
        label->setFont(f);
        m_ui->review->setItem(i, 0, label);
        m_ui->review->setItem(i, 1, new QTableWidgetItem(rows.at(i).second));
    }
    m_ui->review->resizeRowsToContents();
    m_checks[QStringLiteral("submit")].error->hide();
}

QString RegistrationWizard::trackingCode() const
{
    return branch::trackingCode(m_requestId);
}

QList<QPair<QString, QString>> RegistrationWizard::receiptDetails() const
{
    if (m_requestId.isEmpty())
        return {};
    QString mobile;
    checkMobile(m_ui->mobile->text(), &mobile);
    return {{tr("Result of the check"),
             tr("Sent by SMS to %1").arg(isolatedLtr(MobileChangeDialog::maskedMobile(mobile)))}};
}

QList<QPair<QString, QString>> RegistrationWizard::reviewRows() const
{
    QList<QPair<QString, QString>> out;
    for (int i = 0; i < m_ui->review->rowCount(); ++i)
        out.append({m_ui->review->item(i, 0)->text(), m_ui->review->item(i, 1)->text()});
    return out;
}

bool RegistrationWizard::submit()
{
    // What was typed, unchanged: the service normalises it exactly as for `branchctl register`.
    RegistrationInput in;
    in.nationalCode = m_ui->nationalCode->text();
    in.mobile = m_ui->mobile->text();
    in.firstName = m_ui->firstName->text();
    in.lastName = m_ui->lastName->text();
    in.birthCertNo = m_ui->birthCertNo->text();
    in.birthDate = m_ui->birthDate->text();
    in.gender = m_ui->gender->currentData().toString();
    in.email = m_ui->email->text();
    in.password = m_ui->password->text();
    in.passwordConfirm = m_ui->confirm->text();
    in.questions = currentQuestions();
    // The service wipes its (moved) copies of the secrets on every path.
    const Outcome<QString> out = registerAtCounter(m_ctx, std::move(in), m_staff, m_now());
    FieldCheck &c = m_checks[QStringLiteral("submit")];
    if (!out.ok()) {
        c.error->setText(out.failure.message());
        c.error->show();
        return false;
    }
    c.error->hide();
    m_requestId = *out.value;
    m_ui->review->clearContents(); // it shows the answers: not kept once stored
    checkNationalCode(m_ui->nationalCode->text(), &m_nationalCode);
    clearSecrets();
    return true;
}

bool RegistrationWizard::anythingTyped() const
{
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        if (!edit->text().isEmpty())
            return true;
    if (m_ui->gender->currentIndex() >= 0)
        return true;
    for (QComboBox *box : m_questionBoxes)
        if (box->currentIndex() >= 0)
            return true;
    return false;
}

void RegistrationWizard::clearSecrets()
{
    // setText (not clear()) also drops the undo history.
    const QSignalBlocker b1(m_ui->password), b2(m_ui->confirm);
    m_ui->password->setText(QString());
    m_ui->confirm->setText(QString());
    for (QLineEdit *answer : std::as_const(m_answers)) {
        const QSignalBlocker b(answer);
        answer->setText(QString());
    }
}

void RegistrationWizard::cancel()
{
    if (!m_requestId.isEmpty()) {
        accept(); // stored already: closing is finishing
        return;
    }
    if (anythingTyped() &&
        !confirmAction(this, windowTitle(), tr("Discard what was typed for this person? Nothing has been stored."),
                       tr("Discard")))
        return;
    reject();
}

void RegistrationWizard::reject()
{
    if (!m_requestId.isEmpty()) {
        accept();
        return;
    }
    clearSecrets();
    QWizard::reject();
}

void RegistrationWizard::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        event->accept();
        cancel();
        return;
    }
    QWizard::keyPressEvent(event);
}

void RegistrationWizard::closeEvent(QCloseEvent *event)
{
    // The window's close button asks like Esc; cancel() closes the wizard when confirmed.
    event->ignore();
    cancel();
}

} // namespace branch::ui
