// The portal's password rules as a live checklist (one ticked or crossed line per rule of
// branch::passwordChecklist, in the seed's order) and the strength meter under it
// (branch::passwordStrength, "87% خیلی قوی"). Shared by the counter's password reset and
// the registration wizard; the first-run dialog shows the staff rules instead
// (branch::staffPasswordChecklist). It holds no rule of its own and keeps no copy of the
// password.
#pragma once

#include "app/core/PasswordPolicy.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QGridLayout;
class QGroupBox;
class QLabel;
class QProgressBar;

namespace branch::ui
{

class PasswordRulesChecklist : public QWidget
{
    Q_OBJECT

public:
    explicit PasswordRulesChecklist(QWidget *parent = nullptr);

    // The names and national code the password must not contain (the rules' context).
    void setPersonal(const PasswordContext &personal);
    const PasswordContext &personal() const { return m_personal; }
    // The staff password rules instead of the portal's; `login` counts as a dictionary word.
    void setStaffRules(const QString &login);
    // The caption before the meter (default "Password strength:").
    void setStrengthCaption(const QString &caption);

    // Ticks the lines for this password and repetition and moves the meter. True when
    // every rule is met. The caller owns (and wipes) the secrets.
    bool update(QStringView password, QStringView confirmation);

    // The codes ("password.no_upper", ...) of the lines shown unticked.
    QStringList unmetRules() const;
    bool allMet() const { return unmetRules().isEmpty(); }
    // What the meter's label shows, e.g. "87% خیلی قوی" (empty for an empty password).
    QString strengthText() const;
    int strengthPercent() const;

private:
    struct RuleRow {
        QString code;
        QLabel *mark = nullptr;
        QLabel *text = nullptr;
        bool ok = false;
    };

    QList<PasswordRuleState> states(QStringView password, QStringView confirmation) const;
    void buildRows();

    PasswordContext m_personal;
    bool m_staff = false;
    QString m_login;
    QGroupBox *m_box;
    QLabel *m_caption;
    QProgressBar *m_bar;
    QLabel *m_value;
    QGridLayout *m_grid = nullptr;
    QList<RuleRow> m_rules;
};

} // namespace branch::ui
