// The first-run dialog (see FirstRunDialog.h).
#include "FirstRunDialog.h"
#include "ui_FirstRunDialog.h"

#include "Bidi.h"
#include "DeskKeys.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/lifecycle/Admin.h"
#include "app/lifecycle/Staff.h"
#include "app/security/SecretHash.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>

#include <optional>

namespace branch::ui
{

FirstRunDialog::FirstRunDialog(Context &ctx, QWidget *parent) : FirstRunDialog(&ctx, ctx.databasePath(), parent) {}

FirstRunDialog::FirstRunDialog(const QString &databasePath, QWidget *parent)
    : FirstRunDialog(nullptr, databasePath, parent)
{
}

FirstRunDialog::FirstRunDialog(Context *ctx, const QString &databasePath, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::FirstRunDialog), m_ctx(ctx), m_databasePath(databasePath),
      m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_ui->setupUi(this);
    useDeskKeys(this);
    const bool persian = language() == QLatin1String("fa");
    m_ui->databaseValue->setText(shownPath(databasePath));
    m_ui->databaseValue->setToolTip(databasePath);
    if (m_ctx) {
        m_ui->intro->setText(tr("This branch database has no staff account yet, so nobody can sign in. Create the "
                                "branch's first administrator; the administrator then adds the clerks and "
                                "supervisors."));
        m_ui->branchLabel->setText(tr("Branch:"));
        m_ui->branchLabel->setBuddy(nullptr);
        m_ui->branchCode->hide();
        m_ui->branchValue->setText(persian ? toPersianDigits(m_ctx->branchCode) : m_ctx->branchCode);
    } else {
        m_ui->intro->setText(tr("There is no branch database on this computer yet. Enter this branch's code and "
                                "create its first administrator: the database is created at the path below, "
                                "then you sign in."));
        m_ui->branchValue->hide();
        m_ui->createButton->setText(tr("&Set up the branch"));
    }
    // Logins and passwords are Latin only: they read and are typed left to right.
    for (QLineEdit *e : {m_ui->branchCode, m_ui->login, m_ui->password, m_ui->confirm})
        e->setLayoutDirection(Qt::LeftToRight);
    m_ui->message->hide();

    // Enter moves to the next field and, in the repetition, creates; no default button that
    // Enter would press from anywhere.
    m_ui->createButton->setAutoDefault(false);
    m_ui->quitButton->setAutoDefault(false);
    connect(m_ui->branchCode, &QLineEdit::returnPressed, m_ui->login, qOverload<>(&QWidget::setFocus));
    connect(m_ui->login, &QLineEdit::returnPressed, m_ui->password, qOverload<>(&QWidget::setFocus));
    connect(m_ui->password, &QLineEdit::returnPressed, m_ui->confirm, qOverload<>(&QWidget::setFocus));
    connect(m_ui->confirm, &QLineEdit::returnPressed, this, &FirstRunDialog::create);
    connect(m_ui->password, &QLineEdit::textChanged, this, &FirstRunDialog::updateRules);
    connect(m_ui->confirm, &QLineEdit::textChanged, this, &FirstRunDialog::updateRules);
    connect(m_ui->login, &QLineEdit::textChanged, this, &FirstRunDialog::updateRules);
    connect(m_ui->showPassword, &QCheckBox::toggled, this, [this](bool shown) {
        const auto mode = shown ? QLineEdit::Normal : QLineEdit::Password;
        m_ui->password->setEchoMode(mode);
        m_ui->confirm->setEchoMode(mode);
    });
    connect(m_ui->createButton, &QPushButton::clicked, this, &FirstRunDialog::create);
    connect(m_ui->quitButton, &QPushButton::clicked, this, &QDialog::reject);
    updateRules();
    (m_ctx ? m_ui->login : m_ui->branchCode)->setFocus();
}

FirstRunDialog::~FirstRunDialog()
{
    clearPasswords();
}

QString FirstRunDialog::message() const
{
    return m_ui->message->isHidden() ? QString() : m_ui->message->text();
}

QStringList FirstRunDialog::unmetRules() const
{
    return m_ui->rules->unmetRules();
}

QLineEdit *FirstRunDialog::branchCodeField() const
{
    return m_ui->branchCode;
}

QLineEdit *FirstRunDialog::loginField() const
{
    return m_ui->login;
}

QLineEdit *FirstRunDialog::passwordField() const
{
    return m_ui->password;
}

QLineEdit *FirstRunDialog::confirmField() const
{
    return m_ui->confirm;
}

QPushButton *FirstRunDialog::createButton() const
{
    return m_ui->createButton;
}

void FirstRunDialog::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

void FirstRunDialog::showMessage(const QString &text)
{
    m_ui->message->setText(text);
    m_ui->message->setVisible(!text.isEmpty());
}

void FirstRunDialog::clearPasswords()
{
    // setText (not clear()) also drops the undo history.
    m_ui->password->setText(QString());
    m_ui->confirm->setText(QString());
}

void FirstRunDialog::updateRules()
{
    // Copies of the secrets live only for this call.
    QString pw = m_ui->password->text();
    QString confirm = m_ui->confirm->text();
    m_ui->rules->setStaffRules(m_ui->login->text()); // the staff rule, not the portal's
    m_ui->rules->update(pw, confirm);
    security::wipe(pw);
    security::wipe(confirm);
}

void FirstRunDialog::create()
{
    // The secrets are taken out of the fields first, so that the service's wipe()
    // overwrites the only copies. A refusal asks for them again.
    QString pw = m_ui->password->text();
    QString confirm = m_ui->confirm->text();
    clearPasswords();
    const QString login = m_ui->login->text();
    std::optional<Failure> failure;
    QString created;
    if (m_ctx) {
        auto out = bootstrapAdministrator(*m_ctx, login, std::move(pw), std::move(confirm), m_now());
        if (out.ok())
            created = out.value->login;
        else
            failure = out.failure;
    } else {
        auto out =
            setUpBranch(m_databasePath, m_ui->branchCode->text(), login, std::move(pw), std::move(confirm), m_now());
        if (out.ok())
            created = out.value->administrator;
        else
            failure = out.failure;
    }
    security::wipe(pw);
    security::wipe(confirm);
    if (failure) {
        showMessage(failure->message());
        // Back to the first field the services refused.
        const QString field = failure->violations.isEmpty() ? QString() : failure->violations.first().field;
        if (field == QLatin1String("branch") && !m_ctx)
            m_ui->branchCode->setFocus();
        else if (field == QLatin1String("login"))
            m_ui->login->setFocus();
        else
            m_ui->password->setFocus();
        return;
    }
    showMessage(QString());
    m_administrator = created;
    accept();
}

} // namespace branch::ui
