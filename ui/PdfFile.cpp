// Writing a PDF into place (see PdfFile.h).
#include "PdfFile.h"
#include "Bidi.h"

#include "DeskFont.h"

#include "app/core/Language.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPrinter>
#include <QTemporaryFile>
#include <QTextDocument>

#include <filesystem>
#include <system_error>

namespace branch::ui
{

namespace
{
// The resolution a PDF is laid out at (writePdfFile), and the one a preview's page image has.
constexpr int kPdfDpi = 1200;
constexpr int kPreviewDpi = 300;

// A print preview (QPrintPreviewDialog) records each page as a QPicture, which replays every
// text item on its own, left to right: in Persian the colon of «امضای متقاضی:» crossed to the
// wrong side and the spaces between runs went, while the PDF of the same document was right.
// There each page is laid out as for the PDF (its resolution: cell paddings are in device
// pixels) and drawn as an image, so the preview shows what the PDF holds; a real printer and
// the PDF get the text itself.
bool paintPreview(QTextDocument &doc, QPrinter *printer, QPainter &painter)
{
    const QPageLayout page = printer->pageLayout();
    auto withDpi = [](QImage image, int dpi) {
        image.setDotsPerMeterX(qRound(dpi / 0.0254));
        image.setDotsPerMeterY(qRound(dpi / 0.0254));
        return image;
    };
    QImage layoutDevice = withDpi(QImage(1, 1, QImage::Format_RGB32), kPdfDpi);
    doc.documentLayout()->setPaintDevice(&layoutDevice);
    const QSizeF laidOut = page.paintRectPixels(kPdfDpi).size();
    doc.setPageSize(laidOut);
    QImage image = withDpi(QImage(page.paintRectPixels(kPreviewDpi).size(), QImage::Format_RGB32), kPreviewDpi);
    const QRectF target(QPointF(0, 0), page.paintRectPixels(printer->resolution()).size());
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const int pages = doc.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !printer->newPage())
            return false;
        image.fill(Qt::white);
        QPainter onImage(&image);
        onImage.setRenderHint(QPainter::TextAntialiasing);
        onImage.scale(double(kPreviewDpi) / kPdfDpi, double(kPreviewDpi) / kPdfDpi);
        const QRectF clip(0, i * laidOut.height(), laidOut.width(), laidOut.height());
        onImage.translate(0, -clip.top());
        doc.drawContents(&onImage, clip);
        onImage.end();
        painter.drawImage(target, image);
    }
    doc.documentLayout()->setPaintDevice(nullptr);
    return painter.end();
}
} // namespace

bool paintDocument(QTextDocument &doc, QPrinter *printer)
{
    QPainter painter;
    if (!printer || !painter.begin(printer))
        return false;
    if (painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Picture)
        return paintPreview(doc, printer, painter);
    doc.documentLayout()->setPaintDevice(printer);
    const QRectF page = printer->pageLayout().paintRectPixels(printer->resolution());
    doc.setPageSize(page.size());
    const int pages = doc.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !printer->newPage())
            return false;
        const QRectF clip(0, i * page.height(), page.width(), page.height());
        painter.save();
        painter.translate(0, -clip.top());
        doc.drawContents(&painter, clip);
        painter.restore();
    }
    return painter.end();
}

PdfWriteError writePdfFile(const QString &path, const QPageLayout &layout, const QString &title,
                           const std::function<bool(QPrinter *)> &paint)
{
    if (path.isEmpty())
        return PdfWriteError::NoPath;
    const QFileInfo target(QFileInfo(path).absoluteFilePath());
    if (target.isDir())
        return PdfWriteError::IsFolder;

    // Written beside the target (same file system, so the rename is one step).
    QTemporaryFile part(target.absolutePath() + QStringLiteral("/.%1-XXXXXX.pdf.part").arg(target.completeBaseName()));
    if (!part.open())
        return PdfWriteError::FolderNotWritable;
    part.close();

    {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setResolution(kPdfDpi);
        printer.setOutputFileName(part.fileName());
        printer.setPageLayout(layout);
        printer.setCreator(QStringLiteral("BranchDesk"));
        printer.setDocName(title);
        if (!paint(&printer))
            return PdfWriteError::NotWritten;
    }

    QFile written(part.fileName());
    if (!written.open(QIODevice::ReadOnly) || written.size() == 0 || !written.read(4).startsWith("%PDF"))
        return PdfWriteError::NotWritten;
    written.close();
    // A receipt or a report holds a person's or the branch's data: readable by the staff
    // member who saved it only (0600), as QTemporaryFile created it; said again in case the
    // file system gave it more.
    written.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                           QFileDevice::WriteUser);

    // std::filesystem::rename replaces an existing file in one step (the save dialog has
    // already asked whether to overwrite it); QFile::rename would refuse.
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(part.fileName().toStdU16String()),
                            std::filesystem::path(target.filePath().toStdU16String()), ec);
    if (ec)
        return PdfWriteError::NotReplaced;
    part.setAutoRemove(false);
    return PdfWriteError::None;
}

bool exportDocumentPdf(const QString &path, const QPageLayout &layout, const QString &title,
                       const std::function<std::unique_ptr<QTextDocument>()> &makeDocument,
                       const PdfExportMessages &messages, QString *error)
{
    const PdfWriteError e = writePdfFile(path, layout, title, [&](QPrinter *printer) {
        const auto doc = makeDocument();
        return paintDocument(*doc, printer);
    });
    if (e == PdfWriteError::None)
        return true;
    const QFileInfo target(QFileInfo(path).absoluteFilePath());
    const QString shown = shownPath(target.filePath());
    QString message;
    switch (e) {
    case PdfWriteError::None:
        break;
    case PdfWriteError::NoPath:
        message = messages.noPath;
        break;
    case PdfWriteError::IsFolder:
        message = messages.isFolder.arg(shown);
        break;
    case PdfWriteError::FolderNotWritable:
        message = messages.folderNotWritable.arg(shown, shownPath(target.absolutePath()));
        break;
    case PdfWriteError::NotWritten:
        message = messages.notWritten.arg(shown);
        break;
    case PdfWriteError::NotReplaced:
        message = messages.notReplaced.arg(shown);
        break;
    }
    if (error)
        *error = message;
    return false;
}

std::unique_ptr<QTextDocument> printableDocument(const QString &html, const QString &title)
{
    auto doc = std::make_unique<QTextDocument>();
    QTextOption option = doc->defaultTextOption();
    option.setTextDirection(language() == QLatin1String("fa") ? Qt::RightToLeft : Qt::LeftToRight);
    doc->setDefaultTextOption(option);
    doc->setDefaultFont(deskFont());
    doc->setHtml(html);
    doc->setMetaInformation(QTextDocument::DocumentTitle, title);
    return doc;
}

} // namespace branch::ui
