// Counter receipts: for the registration and each of the five counter actions, in Persian
// and in English, the document holds the Jalali date (Persian digits in fa), branch, clerk,
// applicant, national code, action title, details and the tracking code (never the
// request's UUID), and runs right to left in fa; a name stored with Arabic letters (كريمي) is
// printed in Persian letter forms, on screen, in the document and in the PDF's text; the data is
// HTML-escaped; the dialog writes a real PDF through its path seam (Ctrl+S), reports an
// unwritable path without leaving a file, opens the print preview without blocking
// (Ctrl+P) and closes with Esc. Expected dates are computed here with QCalendar, not with
// the code under test.
#include "ui/Receipt.h"
#include "ui/ReceiptDialog.h"

#include "app/core/Language.h"
#include "app/core/TrackingCode.h"

#include "tests/support/GuiTestUtil.h"

#include <QApplication>
#include <QCalendar>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTranslator>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
// 14:00 in Tehran (UTC+03:30): 4 Azar 1405.
const QDateTime kAt(QDate(2026, 11, 25), QTime(10, 30), Qt::UTC);
const QString kRequestId = u"3f2a9c4e-7b1d-4e8a-9c2f-1a2b3c4d5e6f"_s;
const QString kTrackingCode = branch::trackingCode(kRequestId);

QString persianDigits(QString s)
{
    for (QChar &c : s)
        if (c >= u'0' && c <= u'9')
            c = QChar(0x06F0 + (c.unicode() - u'0'));
    return s;
}

QString jalali(const QDate &d)
{
    const QCalendar::YearMonthDay p = QCalendar(QCalendar::System::Jalali).partsFromDate(d);
    return u"%1/%2/%3"_s.arg(p.year, 4, 10, QChar(u'0'))
        .arg(p.month, 2, 10, QChar(u'0'))
        .arg(p.day, 2, 10, QChar(u'0'));
}

ui::Receipt receipt(const QString &action, const QList<QPair<QString, QString>> &details = {})
{
    ui::Receipt r;
    r.action = action;
    r.branchCode = u"1203"_s;
    r.staffLogin = u"sara.k"_s;
    r.nationalCode = u"0045123674"_s;
    r.applicantName = u"مریم نیک‌پور"_s;
    r.at = kAt;
    r.trackingCode = kTrackingCode;
    r.details = details;
    return r;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestReceipt : public QObject
{
    Q_OBJECT

    QTranslator m_fa;
    QTemporaryDir m_dir;

    void useLanguage(const QString &lang) { test::useLanguage(lang, m_fa); }

    // Shows the dialog and makes it the active window, so its shortcuts work.
    static bool activate(QDialog &d)
    {
        d.show();
        QApplication::setActiveWindow(&d);
        return QTest::qWaitForWindowActive(&d);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        // The independent computation agrees with the example of the specification.
        QCOMPARE(persianDigits(jalali(QDate(2026, 11, 25))), u"۱۴۰۵/۰۹/۰۴"_s);
    }

    void cleanup()
    {
        useLanguage(u"en"_s);
        setLanguage(QString());
    }

    void content_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("detailLabel");
        QTest::addColumn<QString>("detailValue");
        QTest::addColumn<QString>("detailShown"); // the value as the receipt shows it

        struct Case {
            const char *action;
            QString fa, en, detailLabel, detailValue, detailShownFa;
        };
        const Case cases[] = {
            {"request.submit", u"ثبت درخواست ثبت‌نام در شعبه"_s,
             u"Registration request submitted at the branch"_s, u"Result of the check"_s,
             u"Sent by SMS to 0912***4567"_s, u"Sent by SMS to ۰۹۱۲***۴۵۶۷"_s},
            {"account.activate", u"فعال‌سازی حساب در شعبه"_s, u"Account activated at the branch"_s,
             u"Documents checked"_s, u"Birth certificate 4521"_s, u"Birth certificate ۴۵۲۱"_s},
            {"request.reject", u"رد درخواست ثبت‌نام در شعبه"_s,
             u"Registration request refused at the branch"_s, u"دلیل"_s, u"تصویر شناسنامه خوانا نیست"_s,
             u"تصویر شناسنامه خوانا نیست"_s},
            {"account.mobile_change", u"تغییر شمارهٔ همراه در شعبه"_s, u"Mobile number changed at the branch"_s,
             u"New mobile"_s, u"0912***4567"_s, u"۰۹۱۲***۴۵۶۷"_s},
            {"account.password_reset", u"بازنشانی گذرواژه در شعبه"_s, u"Password reset at the branch"_s, u"Notice"_s,
             u"Sent by SMS"_s, u"Sent by SMS"_s},
            {"account.questions_reset", u"بازنشانی پرسش‌های امنیتی در شعبه"_s,
             u"Security questions reset at the branch"_s, u"Questions"_s, u"3"_s, u"۳"_s},
        };
        for (const Case &c : cases) {
            QTest::addRow("fa %s", c.action) << u"fa"_s << QString::fromLatin1(c.action) << c.fa << c.detailLabel
                                             << c.detailValue << c.detailShownFa;
            QTest::addRow("en %s", c.action)
                << u"en"_s << QString::fromLatin1(c.action) << c.en << c.detailLabel << c.detailValue << c.detailValue;
        }
    }

    void content()
    {
        QFETCH(QString, lang);
        QFETCH(QString, action);
        QFETCH(QString, title);
        QFETCH(QString, detailLabel);
        QFETCH(QString, detailValue);
        QFETCH(QString, detailShown);
        useLanguage(lang);
        const bool fa = lang == "fa"_L1;

        const ui::Receipt r = receipt(action, {{detailLabel, detailValue}});
        QCOMPARE(ui::receiptActionLabel(action), title);

        const auto doc = ui::receiptDocument(r);
        const QString text = doc->toPlainText();
        const QDateTime local = kAt.toLocalTime();
        const QString date = fa ? persianDigits(jalali(local.date())) : jalali(local.date());
        const QString time = local.time().toString(u"HH:mm"_s);
        QVERIFY2(text.contains(date), qPrintable(text));
        QVERIFY2(text.contains(fa ? persianDigits(time) : time), qPrintable(text));
        QVERIFY(text.contains(fa ? u"۱۲۰۳"_s : u"1203"_s));
        QVERIFY(text.contains(u"sara.k"_s));
        QVERIFY(text.contains(u"مریم نیک‌پور"_s));
        QVERIFY(text.contains(fa ? u"۰۰۴۵۱۲۳۶۷۴"_s : u"0045123674"_s));
        QVERIFY(text.contains(title));
        QVERIFY(text.contains(detailLabel));
        QVERIFY2(text.contains(detailShown), qPrintable(text));
        // The tracking code people read out, as printed, Latin in both languages; the UUID stays
        // internal.
        QVERIFY(kTrackingCode.size() == 9 && !text.contains(kRequestId));
        QVERIFY2(text.contains((fa ? u"کد رهگیری"_s : u"Tracking code"_s)), qPrintable(text));
        QVERIFY2(text.contains(kTrackingCode), qPrintable(text));
        QVERIFY(text.contains(fa ? u"سازمان تأمین اجتماعی"_s : u"Social Security Organization"_s));
        QVERIFY(text.contains(fa ? u"امضای متقاضی"_s : u"Applicant's signature"_s));
        if (fa) {
            // Every digit people read is Persian; only the tracking code keeps its one script.
            QString rest = text;
            rest.remove(kTrackingCode);
            QVERIFY2(!rest.contains(QRegularExpression(u"[0-9]"_s)), qPrintable(rest));
        }

        // The direction: the document's default, the HTML, and the blocks as laid out.
        const Qt::LayoutDirection dir = fa ? Qt::RightToLeft : Qt::LeftToRight;
        QCOMPARE(doc->defaultTextOption().textDirection(), dir);
        QVERIFY(ui::receiptHtml(r).contains(fa ? uR"(dir="rtl")"_s : uR"(dir="ltr")"_s));
        QVERIFY(!ui::receiptHtml(r).contains(fa ? uR"(<body dir="ltr")"_s : uR"(dir="rtl")"_s));
        int checked = 0;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            const QString t = b.text();
            if (t == title || t.contains(fa ? u"شعبه"_s : u"Branch"_s) || t.contains(detailLabel)) {
                QVERIFY2(b.textDirection() == dir, qPrintable(t));
                ++checked;
            }
        }
        QVERIFY(checked >= 3);
    }

    void actionAliasesAndUnknownCodes()
    {
        QCOMPARE(ui::receiptActionLabel(u"request.activated"_s), ui::receiptActionLabel(u"account.activate"_s));
        QCOMPARE(ui::receiptActionLabel(u"request.rejected"_s), ui::receiptActionLabel(u"request.reject"_s));
        QCOMPARE(ui::receiptActionLabel(u"something.else"_s), u"something.else"_s);
    }

    void dataIsEscaped()
    {
        ui::Receipt r = receipt(u"request.reject"_s, {{u"<i>Reason</i>"_s, u"a & b <script>"_s}});
        r.applicantName = u"<b>Ali</b> & \"Reza\""_s;
        r.staffLogin = u"<u>x</u>"_s;
        const QString html = ui::receiptHtml(r);
        QVERIFY(!html.contains(u"<b>Ali"_s));
        QVERIFY(!html.contains(u"<i>Reason"_s));
        QVERIFY(!html.contains(u"<script>"_s));
        QVERIFY(!html.contains(u"<u>x"_s));
        QVERIFY(html.contains(u"&lt;b&gt;Ali&lt;/b&gt; &amp; &quot;Reza&quot;"_s));
        const QString text = ui::receiptDocument(r)->toPlainText();
        QVERIFY(text.contains(u"<b>Ali</b> & \"Reza\""_s));
        QVERIFY(text.contains(u"<i>Reason</i>"_s));
        QVERIFY(text.contains(u"a & b <script>"_s));
        QVERIFY(text.contains(u"<u>x</u>"_s));
    }

    // A name typed on an Arabic keyboard is stored so; people read it in Persian letters: on
    // the dialog, in the document printed, and in the PDF saved.
    void arabicLettersArePrintedPersian()
    {
        useLanguage(u"fa"_s);
        ui::Receipt r = receipt(u"account.activate"_s);
        r.applicantName = u"علي كريمي"_s;
        ui::ReceiptDialog d(r);
        QCOMPARE(d.receipt().applicantName, u"علي كريمي"_s); // handed over as stored
        for (const QString &text : {ui::receiptDocument(r)->toPlainText(), d.browser()->toPlainText()}) {
            QVERIFY2(text.contains(u"علی کریمی"_s), qPrintable(text));
            QVERIFY2(!text.contains(u"كريمي"_s) && !text.contains(QChar(0x064A)) && !text.contains(QChar(0x0643)),
                     qPrintable(text));
        }
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is needed");
        const QString path = m_dir.filePath(u"arabic-letters.pdf"_s);
        QString error;
        QVERIFY2(ui::exportReceiptPdf(r, path, &error), qPrintable(error));
        QProcess p;
        p.start(pdftotext, {path, u"-"_s});
        QVERIFY(p.waitForFinished(30000));
        // The PDF's text layer holds the letters as drawn (in visual order, maybe as
        // presentation forms): fold those back and look for the Arabic kaf and yeh.
        const QString pdfText = QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
        QVERIFY2(pdfText.contains(QChar(0x06A9)) && pdfText.contains(QChar(0x06CC)), qPrintable(pdfText));   // ک ی
        QVERIFY2(!pdfText.contains(QChar(0x0643)) && !pdfText.contains(QChar(0x064A)), qPrintable(pdfText)); // ك ي
    }

    void pdfThroughTheDialog_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("fa") << u"fa"_s;
        QTest::newRow("en") << u"en"_s;
    }

    void pdfThroughTheDialog()
    {
        QFETCH(QString, lang);
        useLanguage(lang);
        ui::ReceiptDialog d(receipt(u"account.mobile_change"_s, {{u"New mobile"_s, u"0912***4567"_s}}));
        QVERIFY(activate(d));
        // To look at the receipts: RECEIPT_PDF_DIR=/some/folder keeps the PDFs and a picture of the dialog.
        const QString keep = qEnvironmentVariable("RECEIPT_PDF_DIR");
        if (!keep.isEmpty())
            d.grab().save(QDir(keep).filePath(u"dialog-%1.png"_s.arg(lang)));
        const QString path = m_dir.filePath(u"receipt-%1.pdf"_s.arg(lang));
        QFile::remove(path);
        d.setNextPdfPath(path);
        QSignalSpy saved(&d, &ui::ReceiptDialog::pdfSaved);
        QTest::keyClick(&d, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.first().first().toString(), path);
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY2(pdf.size() > 1024, QByteArray::number(pdf.size()));
        // The staff member's own: a receipt holds a person's data (0600, whatever the umask).
        QCOMPARE(int(QFileInfo(path).permissions() & 0x0777), int(QFileDevice::ReadUser | QFileDevice::WriteUser));
        if (!keep.isEmpty()) {
            QFile::remove(QDir(keep).filePath(QFileInfo(path).fileName()));
            QFile::copy(path, QDir(keep).filePath(QFileInfo(path).fileName()));
        }
        QVERIFY(!d.message().isEmpty());
        if (lang == "fa"_L1)
            QVERIFY2(d.message().contains(u"رسید"_s), qPrintable(d.message()));
        // Nothing left beside it.
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(u".part"_s), QStringList());

        // Saving again over the file replaces it.
        d.setNextPdfPath(path);
        QVERIFY(d.saveAsPdf());
        QVERIFY(readAll(path).startsWith("%PDF"));
    }

    void unwritablePathFails_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("fa") << u"fa"_s;
        QTest::newRow("en") << u"en"_s;
    }

    void unwritablePathFails()
    {
        QFETCH(QString, lang);
        useLanguage(lang);
        ui::ReceiptDialog d(receipt(u"account.password_reset"_s));
        QVERIFY(activate(d));
        QSignalSpy saved(&d, &ui::ReceiptDialog::pdfSaved);

        // A folder that does not exist (the tests may run as root, so permissions prove nothing).
        const QString missing = m_dir.filePath(u"no-such-folder/receipt.pdf"_s);
        d.setNextPdfPath(missing);
        QVERIFY(!d.saveAsPdf());
        QVERIFY(!QFile::exists(missing));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"no-such-folder"_s)));
        QVERIFY(!d.message().isEmpty());
        QVERIFY(d.message().contains(u"no-such-folder"_s));
        QVERIFY2(d.message().contains(lang == "fa"_L1 ? u"رسید"_s : u"could not be saved"_s), qPrintable(d.message()));

        // A folder in the way: nothing is written and the folder stays as it was.
        const QString folder = m_dir.filePath(u"a-folder.pdf"_s);
        QVERIFY(QDir().mkpath(folder));
        d.setNextPdfPath(folder);
        QVERIFY(!d.saveAsPdf());
        QVERIFY(QFileInfo(folder).isDir());
        QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
        QVERIFY(!d.message().isEmpty());

        // Through the API: the error comes back.
        QString error;
        QVERIFY(!ui::exportReceiptPdf(receipt(u"account.activate"_s), missing, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(u".part"_s), QStringList());
    }

    void previewOpensWithoutBlocking()
    {
        useLanguage(u"fa"_s);
        ui::ReceiptDialog d(receipt(u"account.activate"_s));
        QVERIFY(activate(d));
        QVERIFY(!d.previewDialog());
        QTest::keyClick(&d, Qt::Key_P, Qt::ControlModifier);
        QPrintPreviewDialog *preview = d.previewDialog();
        QVERIFY(preview);
        QTRY_VERIFY(preview->isVisible());
        auto *widget = preview->findChild<QPrintPreviewWidget *>();
        QVERIFY(widget);
        QTRY_VERIFY(widget->pageCount() >= 1);
        preview->close();
        QTRY_VERIFY(!d.previewDialog()); // deleted on close
    }

    void keyboard()
    {
        useLanguage(u"en"_s);
        ui::ReceiptDialog d(receipt(u"request.reject"_s, {{u"Reason"_s, u"Unreadable scan"_s}}));
        QVERIFY(activate(d));
        auto *preview = d.findChild<QPushButton *>(u"previewButton"_s);
        auto *pdf = d.findChild<QPushButton *>(u"pdfButton"_s);
        auto *close = d.findChild<QPushButton *>(u"closeButton"_s);
        QVERIFY(preview && pdf && close);
        QVERIFY(d.browser()->isReadOnly());
        QTRY_COMPARE(QApplication::focusWidget(), preview);

        // Tab order: browser, preview, PDF, close, and around.
        d.browser()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), d.browser());
        const QList<QWidget *> order{preview, pdf, close, d.browser()};
        for (QWidget *next : order) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), next);
        }

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }

    void defaultFileName()
    {
        ui::ReceiptDialog d(receipt(u"account.activate"_s));
        const QFileInfo f(d.defaultPdfPath());
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (!documents.isEmpty())
            QCOMPARE(f.absolutePath(), QDir(documents).absolutePath());
        QCOMPARE(f.fileName(), u"receipt-%1.pdf"_s.arg(kAt.toLocalTime().toString(u"yyyyMMdd-HHmmss"_s)));
        // Whoever the receipt is for, in whatever digits: the name does not tell.
        for (const QString &code : {u"0045123674"_s, u"۰۰۴۵۱۲۳۶۷۴"_s}) {
            ui::Receipt r = receipt(u"account.activate"_s);
            r.nationalCode = code;
            const QString name = QFileInfo(ui::ReceiptDialog(r).defaultPdfPath()).fileName();
            QVERIFY2(!name.contains(u"0045123674"_s) && !name.contains(u"۰۰۴۵۱۲۳۶۷۴"_s), qPrintable(name));
        }
    }
};

QTEST_MAIN(TestReceipt)
#include "TestReceipt.moc"
