// Active language for catalogue texts.
#include "app/core/Language.h"

#include <QCoreApplication>
#include <QMutex>

namespace branch
{

namespace
{
QMutex g_mutex;
QString g_language;
} // namespace

void setLanguage(const QString &lang)
{
    QMutexLocker lock(&g_mutex);
    g_language = lang;
}

QString language()
{
    {
        QMutexLocker lock(&g_mutex);
        if (!g_language.isEmpty())
            return g_language;
    }
    //: The ISO 639-1 code of the language of this translation (fa for Persian).
    return QCoreApplication::translate("branch::Language", "en");
}

} // namespace branch
