// First run of a branch: "set up this branch: create the first administrator". Shown by
// the desk before the sign-in when its database holds no staff account (the administrator
// only), or when the database file does not exist yet (a fresh install: the branch code
// too, and the database is created). The rules and the "no staff yet" condition live in
// the services (bootstrapAdministrator, setUpBranch); the dialog shows their messages.
#pragma once

#include "app/lifecycle/Service.h"

#include <QDateTime>
#include <QDialog>
#include <QScopedPointer>
#include <functional>

namespace Ui
{
class FirstRunDialog;
}

class QLineEdit;
class QPushButton;

namespace branch::ui
{

class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    // An existing branch database without staff: the first administrator only.
    explicit FirstRunDialog(Context &ctx, QWidget *parent = nullptr);
    // No database file at `databasePath` yet: the branch code as well; accepting creates it.
    explicit FirstRunDialog(const QString &databasePath, QWidget *parent = nullptr);
    ~FirstRunDialog() override;

    bool createsDatabase() const { return m_ctx == nullptr; }
    // The administrator created (valid once the dialog accepted).
    QString administrator() const { return m_administrator; }
    // The message shown (empty when none).
    QString message() const;
    QStringList unmetRules() const;

    QLineEdit *branchCodeField() const;
    QLineEdit *loginField() const;
    QLineEdit *passwordField() const;
    QLineEdit *confirmField() const;
    QPushButton *createButton() const;

    // Test seam: the clock of the audit entry (default: now, UTC).
    void setClock(std::function<QDateTime()> now);

public slots:
    void create();

private:
    FirstRunDialog(Context *ctx, const QString &databasePath, QWidget *parent);
    void updateRules();
    void showMessage(const QString &text);
    void clearPasswords();

    const QScopedPointer<Ui::FirstRunDialog> m_ui;
    Context *m_ctx;
    QString m_databasePath;
    QString m_administrator;
    std::function<QDateTime()> m_now;
};

} // namespace branch::ui
