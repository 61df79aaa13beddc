// Qt's own texts in Persian (issue 16 item 2): with the desk's translations installed for
// fa (ui/DeskTranslations: BranchDesk's catalogue and Qt's qtbase_fa), every standard
// button of a shown button box, a shown message box's buttons and a shown file dialog's
// buttons read in Persian: no Latin letter in them. Fails when qtbase_fa is not loaded
// (qt6-translations-l10n missing) or a standard button has no Persian.
#include "ui/DeskTranslations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace
{

bool hasLatinLetter(const QString &text)
{
    for (QChar c : text)
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
            return true;
    return false;
}

// The visible buttons of `w` whose text has a Latin letter.
QStringList latinButtons(const QWidget *w)
{
    QStringList out;
    for (const QAbstractButton *b : w->findChildren<QAbstractButton *>())
        if (b->isVisible() && hasLatinLetter(b->text()))
            out << b->text();
    return out;
}

} // namespace

class TestQtTranslations : public QObject
{
    Q_OBJECT

    branch::ui::DeskTranslations m_translations;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_translations.install(u"fa"_s),
                 qPrintable(u"qtbase_fa not found in "_s + branch::ui::DeskTranslations::qtCataloguePath()));
        QVERIFY(m_translations.hasQtCatalogue());
        QApplication::setLayoutDirection(Qt::RightToLeft);
    }

    void standardButton_data()
    {
        QTest::addColumn<int>("button");
        using B = QDialogButtonBox;
        const QList<std::pair<const char *, B::StandardButton>> all = {
            {"Ok", B::Ok},         {"Save", B::Save},       {"SaveAll", B::SaveAll},
            {"Open", B::Open},     {"Yes", B::Yes},         {"YesToAll", B::YesToAll},
            {"No", B::No},         {"NoToAll", B::NoToAll}, {"Abort", B::Abort},
            {"Retry", B::Retry},   {"Ignore", B::Ignore},   {"Close", B::Close},
            {"Cancel", B::Cancel}, {"Discard", B::Discard}, {"Help", B::Help},
            {"Apply", B::Apply},   {"Reset", B::Reset},     {"RestoreDefaults", B::RestoreDefaults}};
        for (const auto &[name, b] : all)
            QTest::newRow(name) << int(b);
    }
    void standardButton()
    {
        QFETCH(int, button);
        QDialogButtonBox box{QDialogButtonBox::StandardButtons(QDialogButtonBox::StandardButton(button))};
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        const QString text = box.button(QDialogButtonBox::StandardButton(button))->text();
        QVERIFY2(!text.isEmpty() && !hasLatinLetter(text), qPrintable(text));
    }

    // A shown message box and a shown (Qt's own) file dialog: every visible button Persian.
    void shownDialogs()
    {
        QStringList messageLatin, fileLatin;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box) {
                messageLatin = latinButtons(box);
                box->reject();
            }
        });
        QMessageBox::question(nullptr, u"؟"_s, u"؟"_s, QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel);

        QFileDialog dialog;
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fileLatin = latinButtons(&dialog);
        dialog.reject();
        QVERIFY2(messageLatin.isEmpty(), qPrintable(messageLatin.join(u", ")));
        QVERIFY2(fileLatin.isEmpty(), qPrintable(fileLatin.join(u", ")));
    }
};

QTEST_MAIN(TestQtTranslations)
#include "TestQtTranslations.moc"
