// Writing a PDF the way the desk always does it: painted into a file beside the target
// and moved into place only when complete, so that a failure leaves an existing file
// untouched and no half-written one; and a QTextDocument painted page by page on the
// printer's printable area. Shared by the counter receipt and the daily report; each
// caller words its own messages.
#pragma once

#include <QPageLayout>
#include <QString>

#include <functional>
#include <memory>

class QPrinter;
class QTextDocument;

namespace branch::ui
{

enum class PdfWriteError {
    None,
    NoPath,            // no file name given
    IsFolder,          // the path names a folder
    FolderNotWritable, // the folder cannot be written to
    NotWritten,        // painting failed or the result is not a PDF
    NotReplaced,       // the finished file could not be moved into place
};

// Paints with `paint` on a PDF printer set up with `layout` and `title`, into a temporary
// file beside `path`, checks that a PDF came out and renames it to `path` (replacing an
// existing file in one step). `paint` returns false when painting could not be done.
[[nodiscard]] PdfWriteError writePdfFile(const QString &path, const QPageLayout &layout, const QString &title,
                                         const std::function<bool(QPrinter *)> &paint);

// The caller's words for each failure of a document export (whole translated sentences:
// "%1" is the file as shown to people, "%2" in folderNotWritable its folder).
struct PdfExportMessages {
    QString noPath, isFolder, folderNotWritable, notWritten, notReplaced;
};

// Writes the document `makeDocument` builds as a PDF at `path` (writePdfFile, paintDocument).
// On failure *error (if given) receives the matching message, its file and folder filled in.
[[nodiscard]] bool exportDocumentPdf(const QString &path, const QPageLayout &layout, const QString &title,
                                     const std::function<std::unique_ptr<QTextDocument>()> &makeDocument,
                                     const PdfExportMessages &messages, QString *error);

// A document for printing and PDFs from `html`: the direction of the current language
// and the desk's font (ui/DeskFont), so that screen, print and PDF use the same letters.
std::unique_ptr<QTextDocument> printableDocument(const QString &html, const QString &title);

// Lays `doc` out on the printer's printable area and paints every page. Not through
// QTextDocument::print(), which adds 2 cm margins inside the printer's own and an ASCII page
// number in the corner. False when painting could not start or a page could not be added.
bool paintDocument(QTextDocument &doc, QPrinter *printer);

} // namespace branch::ui
