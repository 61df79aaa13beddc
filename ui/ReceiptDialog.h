// Shows a counter receipt after the action succeeded, with print preview and PDF export.
// Opened by the counter dialogs; keyboard: Ctrl+P preview, Ctrl+S save as PDF, Esc close.
#pragma once

#include "Receipt.h"

#include <QDialog>
#include <QPointer>
#include <QScopedPointer>

class QPrintPreviewDialog;
class QTextBrowser;

namespace Ui
{
class ReceiptDialog;
}

namespace branch::ui
{

class ReceiptDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ReceiptDialog(const Receipt &receipt, QWidget *parent = nullptr);
    ~ReceiptDialog() override;

    const Receipt &receipt() const;
    QTextBrowser *browser() const;
    // The message shown under the receipt (the last save's outcome); empty when none.
    QString message() const;
    // receipt-<yyyyMMdd-HHmmss>.pdf (local time) in the Documents folder: no national code in
    // the name (a folder listing must not tell whose receipts it holds).
    QString defaultPdfPath() const;

    // Test seam: the next saveAsPdf() writes to `path` instead of asking with a file dialog.
    void setNextPdfPath(const QString &path);
    // The print preview while it is open (it is opened window-modal, never exec()'d).
    QPrintPreviewDialog *previewDialog() const;

public slots:
    void showPreview();
    // Asks for a path (or takes the one set by setNextPdfPath) and writes the PDF there.
    // False when cancelled or when writing failed; the failure is shown in the dialog.
    bool saveAsPdf();

signals:
    void pdfSaved(const QString &path);

private:
    void showMessage(const QString &text, bool error);

    const QScopedPointer<Ui::ReceiptDialog> m_ui;
    const Receipt m_receipt;
    QString m_nextPdfPath;
    QPointer<QPrintPreviewDialog> m_preview;
};

} // namespace branch::ui
