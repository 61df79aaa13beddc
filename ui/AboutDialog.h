// Help → About: the program's version, the branch and database it works on (path and
// schema version) and the Qt and SQLite versions in use, for a support call.
#pragma once

#include "app/lifecycle/Service.h"

#include <QDialog>
#include <QScopedPointer>

namespace Ui
{
class AboutDialog;
}

namespace branch::ui
{

class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(Context &ctx, QWidget *parent = nullptr);
    ~AboutDialog() override;

    // The values shown, by name: "version", "branch", "database", "schema", "qt", "sqlite".
    QString value(const QString &name) const;

private:
    const QScopedPointer<Ui::AboutDialog> m_ui;
};

} // namespace branch::ui
