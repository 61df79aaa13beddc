// The desk's languages: BranchDesk's own catalogue (built into the program) and, for
// Persian, Qt's own (qtbase_fa from Debian's qt6-translations-l10n, a dependency of the
// .deb), so that the standard buttons and dialogs (Yes, No, Cancel, the file and print
// dialogs) read in Persian too. English is the sources' language: its catalogue gives only
// the plural forms of the %n messages.
#pragma once

#include <QString>
#include <QTranslator>

namespace branch::ui
{

class DeskTranslations
{
public:
    // Installs the catalogues of `lang` ("fa" or "en") into the application; false when a
    // Persian catalogue could not be loaded (the desk then shows those texts in English).
    bool install(const QString &lang);
    // Where Qt's catalogues are looked for (Qt's TranslationsPath).
    static QString qtCataloguePath();
    bool hasQtCatalogue() const { return m_qtLoaded; }

private:
    QTranslator m_own;
    QTranslator m_qt;
    bool m_qtLoaded = false;
};

} // namespace branch::ui
