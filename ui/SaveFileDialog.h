// The desk's "save as" dialog (the receipt's and the daily report's PDF). Qt's own dialog,
// never the platform's: the desk must control what the dialog reads. Qt's default icon
// provider names each file's type from its content (QMimeDatabase magic), opening and
// closing every file of the folder shown; closing a descriptor of the branch database drops
// all of SQLite's POSIX locks of the process (issue 15). This dialog's provider names icons
// and types from the file name alone, it starts in Documents (Paths' saveStartFolder), and
// it refuses to save over a database the desk has open.
#pragma once

#include <QCoreApplication>
#include <QFileIconProvider>
#include <QString>

class QWidget;

namespace branch::ui
{

// Icons by kind (folder, file, by the name's extension) and types from the file name: it
// never opens a file.
class NameOnlyIconProvider : public QFileIconProvider
{
public:
    using QFileIconProvider::icon;
    QIcon icon(const QFileInfo &info) const override;
    QString type(const QFileInfo &info) const override;
};

class SaveFileDialog
{
    Q_DECLARE_TR_FUNCTIONS(branch::ui::SaveFileDialog)

public:
    // Asks where to save: `fileName` suggested in saveStartFolder(), `filter` (e.g. "PDF files
    // (*.pdf)") and `suffix` added to a name without one. The chosen path, or empty when
    // cancelled.
    static QString askPath(QWidget *parent, const QString &title, const QString &fileName, const QString &filter,
                           const QString &suffix);
};

} // namespace branch::ui
