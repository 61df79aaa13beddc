// The desk's one font (issue 16 item 3): after applyDeskFont() the application's font
// resolves to Noto Sans Arabic; Persian text is laid out in it and Latin text in one of the
// desk's own fallbacks (Noto Sans, DejaVu Sans), never in whatever fontconfig picks; and a
// receipt's PDF embeds the same fonts, as pdffonts (poppler-utils) lists them.
#include "ui/DeskFont.h"
#include "ui/Receipt.h"

#include "app/core/Language.h"

#include <QApplication>
#include <QFontInfo>
#include <QGlyphRun>
#include <QProcess>
#include <QRawFont>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextLayout>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{

// The families Qt lays `text` out in with `font`.
QStringList familiesUsed(const QString &text, const QFont &font)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    QStringList out;
    for (const QGlyphRun &run : layout.glyphRuns())
        if (!out.contains(run.rawFont().familyName()))
            out << run.rawFont().familyName();
    return out;
}

} // namespace

class TestDeskFont : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        setLanguage(u"fa"_s);
        ui::applyDeskFont();
    }

    void applicationFontResolves()
    {
        QCOMPARE(QFontInfo(QApplication::font()).family(), QString::fromLatin1(ui::kDeskFontFamily));
        QCOMPARE(QApplication::font().families(), ui::deskFontFamilies());
    }

    void textIsLaidOutInTheDeskFonts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("allowed");
        const QString arabic = QString::fromLatin1(ui::kDeskFontFamily);
        QTest::newRow("Persian") << u"سازمان تأمین اجتماعی"_s << QStringList{arabic};
        QTest::newRow("Persian with ZWNJ and Persian digits")
            << u"می‌شود ۱۴۰۵ ۰۹ ۱۲"_s << QStringList{arabic};
        QTest::newRow("Latin") << u"BranchDesk sara.k"_s << ui::deskFontFamilies();
        QTest::newRow("mixed") << u"شعبه 1203 BranchDesk"_s << ui::deskFontFamilies();
    }
    void textIsLaidOutInTheDeskFonts()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, allowed);
        const QStringList used = familiesUsed(text, QApplication::font());
        QVERIFY(!used.isEmpty());
        for (const QString &f : used)
            QVERIFY2(allowed.contains(f), qPrintable(u"%1 in %2"_s.arg(f, used.join(u", "))));
    }

    // pdffonts lists the receipt's fonts: Noto Sans Arabic among them, each embedded, none
    // from outside the desk's families.
    void receiptPdfEmbedsTheDeskFont()
    {
        const QString pdffonts = QStandardPaths::findExecutable(u"pdffonts"_s);
        QVERIFY2(!pdffonts.isEmpty(), "pdffonts (poppler-utils) is needed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ui::Receipt r;
        r.action = u"account.activate"_s;
        r.branchCode = u"1203"_s;
        r.staffLogin = u"sara.k"_s;
        r.nationalCode = u"0045123674"_s;
        r.applicantName = u"مریم نیک‌پور"_s;
        r.at = QDateTime(QDate(2026, 11, 25), QTime(10, 30), Qt::UTC);
        r.trackingCode = u"7K3M-9QXD"_s;
        const QString path = dir.filePath(u"receipt.pdf"_s);
        QString error;
        QVERIFY2(ui::exportReceiptPdf(r, path, &error), qPrintable(error));
        QProcess p;
        p.start(pdffonts, {path});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() > 2, "no font in the PDF"); // two header lines, then one per font
        bool arabic = false;
        for (const QString &line : lines.mid(2)) {
            // name type encoding emb sub uni object ID: the name is ABCDEF+Family-Style
            const QStringList cols = line.simplified().split(u' ');
            const QString name = cols.value(0).section(u'+', -1);
            arabic = arabic || name.startsWith(u"NotoSansArabic"_s);
            QVERIFY2(name.startsWith(u"NotoSans"_s) || name.startsWith(u"DejaVuSans"_s), qPrintable(line));
            QVERIFY2(line.contains(u" yes "_s), qPrintable(u"not embedded: "_s + line));
        }
        QVERIFY2(arabic, qPrintable(lines.join(u'\n')));
    }
};

QTEST_MAIN(TestDeskFont)
#include "TestDeskFont.moc"
