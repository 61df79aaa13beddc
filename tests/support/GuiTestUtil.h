// What the GUI tests share: typing into a widget as a person does, switching the interface
// language, and valid national codes.
#pragma once

#include "app/core/Language.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QString>
#include <QTest>
#include <QTranslator>
#include <QWidget>

namespace branch::test
{

// Types `text` into `w` as key presses: QTest::keyClicks for ASCII, a text-carrying key
// event for anything else (a Persian letter or digit typed on a Persian keyboard layout).
inline void typeText(QWidget *w, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClicks(w, QString(c));
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &press);
        QApplication::sendEvent(w, &release);
    }
}

// Shows `w` as the active window (so that keys reach it); false when it never became active.
inline bool showActive(QWidget &w)
{
    w.show();
    QApplication::setActiveWindow(&w);
    return QTest::qWaitForWindowActive(&w);
}

// Switches the interface to `lang` ("fa" or "en") for the widgets made next: the language
// the services translate for, the Persian catalogue `fa` (loaded by the caller) installed or
// removed, the default locale (digits, dates) and the layout direction.
inline void useLanguage(const QString &lang, QTranslator &fa)
{
    const bool persian = lang == QLatin1String("fa");
    setLanguage(lang);
    QApplication::removeTranslator(&fa);
    if (persian)
        QApplication::installTranslator(&fa);
    QLocale::setDefault(persian ? QLocale(QLocale::Persian, QLocale::Iran) : QLocale(QLocale::English));
    QApplication::setLayoutDirection(persian ? Qt::RightToLeft : Qt::LeftToRight);
}

// A valid national code from nine digits (the check digit appended).
inline QString nationalCode(const QString &nine)
{
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += nine.at(i).digitValue() * (10 - i);
    const int r = sum % 11;
    return nine + QString::number(r < 2 ? r : 11 - r);
}

} // namespace branch::test
