// The live password checklist and strength meter (see PasswordRulesChecklist.h).
#include "PasswordRulesChecklist.h"

#include "TextColors.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QProgressBar>
#include <QVBoxLayout>

namespace branch::ui
{

namespace
{
const QString kMet = QStringLiteral("✔");
const QString kUnmet = QStringLiteral("✖");
} // namespace

PasswordRulesChecklist::PasswordRulesChecklist(QWidget *parent)
    : QWidget(parent), m_box(new QGroupBox(tr("Password rules"), this)),
      m_caption(new QLabel(tr("Password strength:"), this)), m_bar(new QProgressBar(this)), m_value(new QLabel(this))
{
    m_box->setObjectName(QStringLiteral("rulesBox"));
    m_caption->setObjectName(QStringLiteral("strengthCaption"));
    m_bar->setObjectName(QStringLiteral("strengthBar"));
    m_value->setObjectName(QStringLiteral("strengthValue"));

    m_grid = new QGridLayout(m_box);
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(2);
    buildRows();

    m_bar->setRange(0, 100);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);
    m_value->setTextFormat(Qt::PlainText);
    m_value->setMinimumWidth(110);
    auto *strengthRow = new QHBoxLayout;
    strengthRow->addWidget(m_caption);
    strengthRow->addWidget(m_bar, 1);
    strengthRow->addWidget(m_value);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_box);
    layout->addLayout(strengthRow);

    update(QStringView(), QStringView());
}

QList<PasswordRuleState> PasswordRulesChecklist::states(QStringView password, QStringView confirmation) const
{
    return m_staff ? staffPasswordChecklist(password, confirmation, m_login)
                   : passwordChecklist(password, confirmation, m_personal);
}

// One line per rule, in the core's order; the texts are the rule's own.
void PasswordRulesChecklist::buildRows()
{
    for (RuleRow &row : m_rules) {
        delete row.mark;
        delete row.text;
    }
    m_rules.clear();
    for (const PasswordRuleState &r : states(QStringView(), QStringView())) {
        RuleRow row{r.code, new QLabel(m_box), new QLabel(r.label, m_box), false};
        row.mark->setObjectName(QStringLiteral("mark_") + r.code);
        row.text->setObjectName(QStringLiteral("rule_") + r.code);
        row.text->setTextFormat(Qt::PlainText);
        row.text->setWordWrap(true);
        const int line = m_grid->rowCount();
        m_grid->addWidget(row.mark, line, 0, Qt::AlignTop);
        m_grid->addWidget(row.text, line, 1);
        m_rules.append(row);
    }
    m_grid->setColumnStretch(1, 1);
}

void PasswordRulesChecklist::setStaffRules(const QString &login)
{
    const bool rebuild = !m_staff;
    m_staff = true;
    m_login = login;
    if (rebuild) {
        buildRows();
        update(QStringView(), QStringView());
    }
}

void PasswordRulesChecklist::setPersonal(const PasswordContext &personal)
{
    m_personal = personal;
}

void PasswordRulesChecklist::setStrengthCaption(const QString &caption)
{
    m_caption->setText(caption);
}

bool PasswordRulesChecklist::update(QStringView password, QStringView confirmation)
{
    const auto now = states(password, confirmation);
    const PasswordStrength strength = passwordStrength(password, m_personal);
    bool all = !now.isEmpty();
    for (qsizetype i = 0; i < now.size() && i < m_rules.size(); ++i) {
        RuleRow &row = m_rules[i];
        row.ok = now.at(i).ok;
        all = all && row.ok;
        row.mark->setText(row.ok ? kMet : kUnmet);
        setTextColor(row.mark, row.ok ? kGoodColor : kProblemColor);
        row.mark->setAccessibleName(row.ok ? tr("Met") : tr("Not met"));
    }
    m_bar->setValue(strength.percent);
    m_value->setText(password.isEmpty() ? QString() : formatStrength(strength));
    QPalette bar = m_bar->palette();
    bar.setColor(QPalette::Highlight, strength.percent < 40   ? kProblemColor
                                      : strength.percent < 60 ? QColor(0xb2, 0x6a, 0x00)
                                                              : kGoodColor);
    m_bar->setPalette(bar);
    return all;
}

QStringList PasswordRulesChecklist::unmetRules() const
{
    QStringList out;
    for (const RuleRow &r : m_rules)
        if (!r.ok)
            out << r.code;
    return out;
}

QString PasswordRulesChecklist::strengthText() const
{
    return m_value->text();
}

int PasswordRulesChecklist::strengthPercent() const
{
    return m_bar->value();
}

} // namespace branch::ui
