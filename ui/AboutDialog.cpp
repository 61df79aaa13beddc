// Help → About (see AboutDialog.h).
#include "AboutDialog.h"
#include "ui_AboutDialog.h"

#include "Bidi.h"
#include "DeskKeys.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/core/Version.h"
#include "app/lifecycle/Admin.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace branch::ui
{

AboutDialog::AboutDialog(Context &ctx, QWidget *parent) : QDialog(parent), m_ui(new Ui::AboutDialog)
{
    m_ui->setupUi(this);
    useDeskKeys(this);
    m_ui->buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLabel *l : {m_ui->versionValue, m_ui->branchValue, m_ui->databaseValue, m_ui->schemaValue, m_ui->qtValue,
                      m_ui->sqliteValue}) {
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_ui->versionValue->setText(isolatedLtr(version()));
    // The Qt library actually loaded, which may be newer than the one built against.
    m_ui->qtValue->setText(isolatedLtr(QString::fromLatin1(qVersion())));
    const auto info = databaseInfo(ctx);
    if (info.ok()) {
        const bool persian = language() == QLatin1String("fa");
        m_ui->branchValue->setText(persian ? toPersianDigits(info.value->branchCode) : info.value->branchCode);
        const QString path = isolatedLtr(info.value->path);
        m_ui->databaseValue->setText(info.value->demo ? tr("%1 (demo database)").arg(path) : path);
        m_ui->schemaValue->setText(QLocale().toString(info.value->schemaVersion));
        m_ui->sqliteValue->setText(isolatedLtr(info.value->sqliteVersion));
    } else {
        m_ui->databaseValue->setText(info.failure.message());
    }
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::value(const QString &name) const
{
    const QLabel *l = findChild<QLabel *>(name + QStringLiteral("Value"));
    return l ? l->text() : QString();
}

} // namespace branch::ui
