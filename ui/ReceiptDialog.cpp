// The receipt dialog: a read-only view of the receipt, print preview and PDF export.
#include "ReceiptDialog.h"
#include "Bidi.h"
#include "ui_ReceiptDialog.h"

#include "DeskKeys.h"

#include "SaveFileDialog.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTextDocument>

namespace branch::ui
{

ReceiptDialog::ReceiptDialog(const Receipt &receipt, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::ReceiptDialog), m_receipt(receipt)
{
    m_ui->setupUi(this);
    useDeskKeys(this);
    m_ui->message->hide();

    QTextDocument *doc = receiptDocument(m_receipt).release();
    doc->setParent(m_ui->browser); // the browser does not own a document it is merely given
    m_ui->browser->setDocument(doc);

    m_ui->previewButton->setDefault(true);
    setTabOrder(m_ui->browser, m_ui->previewButton);
    setTabOrder(m_ui->previewButton, m_ui->pdfButton);
    setTabOrder(m_ui->pdfButton, m_ui->closeButton);

    connect(m_ui->previewButton, &QPushButton::clicked, this, &ReceiptDialog::showPreview);
    connect(m_ui->pdfButton, &QPushButton::clicked, this, &ReceiptDialog::saveAsPdf);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &ReceiptDialog::reject);
    // Esc closes through QDialog::reject; Ctrl+P and Ctrl+S work wherever the focus is.
    connect(new QShortcut(QKeySequence::Print, this), &QShortcut::activated, this, &ReceiptDialog::showPreview);
    connect(new QShortcut(QKeySequence::Save, this), &QShortcut::activated, this, &ReceiptDialog::saveAsPdf);

    m_ui->previewButton->setFocus();
}

ReceiptDialog::~ReceiptDialog() = default;

const Receipt &ReceiptDialog::receipt() const
{
    return m_receipt;
}

QTextBrowser *ReceiptDialog::browser() const
{
    return m_ui->browser;
}

QString ReceiptDialog::message() const
{
    return m_ui->message->isHidden() ? QString() : m_ui->message->text();
}

QString ReceiptDialog::defaultPdfPath() const
{
    const QDateTime at = (m_receipt.at.isValid() ? m_receipt.at : QDateTime::currentDateTimeUtc()).toLocalTime();
    // No national code in the name: a folder listing must not tell whose receipts it holds.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    const QString name = QStringLiteral("receipt-%1.pdf").arg(at.toString(QStringLiteral("yyyyMMdd-HHmmss")));
    return QDir(dir).filePath(name);
}

void ReceiptDialog::setNextPdfPath(const QString &path)
{
    m_nextPdfPath = path;
}

QPrintPreviewDialog *ReceiptDialog::previewDialog() const
{
    return m_preview;
}

void ReceiptDialog::showPreview()
{
    if (m_preview) {
        m_preview->raise();
        m_preview->activateWindow();
        return;
    }
    m_preview = new QPrintPreviewDialog(this);
    m_preview->setAttribute(Qt::WA_DeleteOnClose);
    m_preview->setWindowTitle(tr("Print preview — receipt"));
    m_preview->printer()->setPageLayout(QPageLayout(QPageSize(QPageSize::A5), QPageLayout::Portrait,
                                                    QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    connect(m_preview, &QPrintPreviewDialog::paintRequested, this,
            [this](QPrinter *printer) { printReceipt(m_receipt, printer); });
    // Qt's preview writes its page count ("/ 1") in Latin digits; in Persian it reads in Persian.
    if (language() == QLatin1String("fa"))
        if (auto *pages = m_preview->findChild<QPrintPreviewWidget *>())
            connect(pages, &QPrintPreviewWidget::previewChanged, m_preview, [preview = m_preview] {
                for (QLabel *l : preview->findChildren<QLabel *>())
                    if (l->text().startsWith(QLatin1String("/ ")))
                        l->setText(toPersianDigits(l->text()));
            });
    // Window-modal without a nested event loop: the counter stays responsive to the idle
    // lock, and tests can look at the preview without blocking.
    m_preview->open();
}

bool ReceiptDialog::saveAsPdf()
{
    QString path;
    if (!m_nextPdfPath.isNull()) {
        path = m_nextPdfPath;
        m_nextPdfPath.clear();
    } else {
        path = SaveFileDialog::askPath(this, tr("Save the receipt as PDF"), QFileInfo(defaultPdfPath()).fileName(),
                                       tr("PDF files (*.pdf)"), QStringLiteral("pdf"));
        if (path.isEmpty())
            return false; // cancelled
    }

    QString error;
    if (!exportReceiptPdf(m_receipt, path, &error)) {
        showMessage(error, true);
        return false;
    }
    showMessage(tr("The receipt was saved as %1.").arg(shownPath(QFileInfo(path).absoluteFilePath())), false);
    emit pdfSaved(path);
    return true;
}

void ReceiptDialog::showMessage(const QString &text, bool error)
{
    m_ui->message->setText(text);
    m_ui->message->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
    m_ui->message->show();
}

} // namespace branch::ui
