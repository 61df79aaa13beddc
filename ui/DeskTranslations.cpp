// The desk's translations, its own and Qt's (see DeskTranslations.h).
#include "DeskTranslations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace branch::ui
{

QString DeskTranslations::qtCataloguePath()
{
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
}

bool DeskTranslations::install(const QString &lang)
{
    // English is the sources' language: its catalogue holds only the plural forms ("1
    // result", "2 results") of the %n messages.
    if (lang != QLatin1String("fa")) {
        const bool own = m_own.load(QStringLiteral(":/i18n/branchdesk_en.qm"));
        if (own)
            QCoreApplication::installTranslator(&m_own);
        return own;
    }
    const bool own = m_own.load(QStringLiteral(":/i18n/branchdesk_fa.qm"));
    if (own)
        QCoreApplication::installTranslator(&m_own);
    m_qtLoaded = m_qt.load(QStringLiteral("qtbase_fa"), qtCataloguePath());
    if (m_qtLoaded)
        QCoreApplication::installTranslator(&m_qt);
    return own && m_qtLoaded;
}

} // namespace branch::ui
