// The desk's "save as" dialog (see SaveFileDialog.h).
#include "SaveFileDialog.h"

#include "app/lifecycle/Paths.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeDatabase>

namespace branch::ui
{

QIcon NameOnlyIconProvider::icon(const QFileInfo &info) const
{
    // QFileIconProvider::icon(QFileInfo) asks the platform theme and the MIME database,
    // which may read the file.
    if (info.isRoot())
        return icon(Drive);
    if (info.isDir())
        return icon(Folder);
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension);
    return QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName(), icon(File)));
}

QString NameOnlyIconProvider::type(const QFileInfo &info) const
{
    // QAbstractFileIconProvider::type() opens every file to sniff its content type; folders,
    // drives and links it names without reading.
    if (!info.isFile())
        return QFileIconProvider::type(info);
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension);
    return mime.comment().isEmpty() ? mime.name() : mime.comment();
}

QString SaveFileDialog::askPath(QWidget *parent, const QString &title, const QString &fileName, const QString &filter,
                                const QString &suffix)
{
    NameOnlyIconProvider icons; // outlives the dialog, which does not own it
    QFileDialog dialog(parent, title, saveStartFolder(), filter);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setIconProvider(&icons);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    // Added before the dialog asks about overwriting, so that question is about the real file.
    dialog.setDefaultSuffix(suffix);
    dialog.selectFile(fileName);
    for (;;) {
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return {}; // cancelled
        const QString path = dialog.selectedFiles().constFirst();
        if (!isOpenDatabaseFile(path))
            return path;
        QMessageBox::warning(&dialog, title,
                             tr("%1 is the branch database (or one of its files) and cannot be replaced. Choose "
                                "another name or folder.")
                                 .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    }
}

} // namespace branch::ui
