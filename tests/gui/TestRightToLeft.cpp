// Right to left without slips (issue 16 item 5), on the real screens at 1366x768 in Persian
// (right to left) and in English (left to right): sign-in, search with results, the applicant
// view, each counter dialog, the review queue, the dashboard, the receipt and its print preview.
// Each screen is grabbed (QWidget::grab, the PNGs saved under rtl-screens/ in the build folder) and
// checked on what people see:
// - a field's text starts at the field's leading edge (pixel columns of ink), also when it holds
//   digits or Latin letters;
// - a label or a number in a table starts on its leading side (numbers on the right), by pixels;
// - no table column is narrower than its content or outside its view, no value of a form wraps
//   and no single-line label is cut;
// - under Persian no Latin digit where a person reads a number (left-to-right isolates and Latin
//   words such as logins, e-mails or file names aside);
// - a path inside a Persian sentence keeps its slash at its left end (Qt's own text layout);
// - the receipt's print preview shows what its PDF holds (the preview's page beside the PDF
//   rasterised by pdftoppm).
#include "ui/ActivationDialog.h"
#include "ui/ApplicantView.h"
#include "ui/Bidi.h"
#include "ui/Confirm.h"
#include "ui/DashboardPage.h"
#include "ui/DeskLook.h"
#include "ui/FirstRunDialog.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/MobileChangeDialog.h"
#include "ui/PasswordResetDialog.h"
#include "ui/QuestionsResetDialog.h"
#include "ui/ReceiptDialog.h"
#include "ui/RecoveryDialog.h"
#include "ui/RefusalDialog.h"
#include "ui/RegistrationWizard.h"
#include "ui/ReviewQueuePage.h"
#include "ui/SearchPage.h"

#include "tests/support/GuiTestUtil.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Review.h"
#include "app/lifecycle/Staff.h"
#include "db/DemoData.h"
#include "db/MetaRepository.h"
#include "db/SearchRepository.h"

#include <QAbstractButton>
#include <QFormLayout>
#include <QGlyphRun>
#include <QGraphicsView>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextLayout>
#include <QTranslator>

#include <optional>

using namespace branch;
using namespace Qt::StringLiterals;

namespace
{
constexpr int kTimeout = 20000;
const QSize kScreen(1366, 768);
const QDateTime kNow(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC);

void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(20);
    }
}

// The colour most pixels of `r` have: what the widget paints behind its text.
QRgb background(const QImage &img, const QRect &r)
{
    QHash<QRgb, int> n;
    for (int y = r.top(); y <= r.bottom(); y += 2)
        for (int x = r.left(); x <= r.right(); x += 2)
            ++n[img.pixel(x, y)];
    QRgb best = 0;
    int most = -1;
    for (auto it = n.cbegin(); it != n.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    return best;
}

// The first and last pixel columns of `r` holding ink (a colour clearly unlike the background).
std::optional<std::pair<int, int>> inkColumns(const QImage &img, const QRect &r)
{
    const QRgb bg = background(img, r);
    const int bgGray = qGray(bg);
    int first = -1, last = -1;
    for (int x = r.left(); x <= r.right(); ++x)
        for (int y = r.top(); y <= r.bottom(); ++y)
            if (std::abs(qGray(img.pixel(x, y)) - bgGray) > 80) {
                if (first < 0)
                    first = x;
                last = x;
                break;
            }
    if (first < 0)
        return std::nullopt;
    return std::pair{first, last};
}

// Where a person reads a number: Latin digits left once left-to-right isolates (paths, tracking
// codes, mobiles kept as typed) and words with Latin letters (logins, e-mails, file names) are
// taken out.
QString latinDigitsRead(const QString &text)
{
    static const QRegularExpression isolate(u"\u2066[^\u2069]*\u2069"_s);
    static const QRegularExpression latinWord(u"\\S*[A-Za-z]\\S*"_s);
    QString s = text;
    s.remove(isolate).remove(latinWord);
    return s.contains(QRegularExpression(u"[0-9]"_s)) ? text : QString();
}

// Whether `text` holds strong letters of both directions outside isolates.
bool hasBothDirections(const QString &text)
{
    bool left = false, right = false;
    int isolates = 0;
    for (const QChar c : text) {
        switch (c.direction()) {
        case QChar::DirLRI:
        case QChar::DirRLI:
        case QChar::DirFSI:
            ++isolates;
            break;
        case QChar::DirPDI:
            isolates = qMax(0, isolates - 1);
            break;
        case QChar::DirL:
            left = left || isolates == 0;
            break;
        case QChar::DirR:
        case QChar::DirAL:
            right = right || isolates == 0;
            break;
        default:
            break;
        }
    }
    return left && right;
}

// In a line of `direction`, is the character at `slash` drawn at the left end of `piece`
// (the left-to-right path it starts)? Qt's own text layout, as the labels use it.
bool slashAtLeftEnd(const QString &line, const QString &piece, const QFont &font)
{
    // A label lays its text out in the direction of its first strong letter outside isolates.
    const Qt::LayoutDirection direction = line.isRightToLeft() ? Qt::RightToLeft : Qt::LeftToRight;
    const qsizetype at = line.indexOf(piece);
    if (at < 0)
        return false;
    QTextLayout layout(line, font);
    QTextOption option;
    option.setTextDirection(direction);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine l = layout.createLine();
    l.setLineWidth(100000);
    layout.endLayout();
    // The slash's glyph and the next character's: left to right, the slash is further left.
    auto left = [&](qsizetype i) {
        const QList<QGlyphRun> runs = layout.glyphRuns(int(i), 1);
        return runs.isEmpty() ? qreal(-1) : runs.first().boundingRect().left();
    };
    const qreal slash = left(at), next = left(at + 1);
    return slash >= 0 && next >= 0 && slash < next;
}

// The dialog's database path (its "databaseValue" label) reads left to right, its
// leading slash at the left end, inside a line of either direction.
void databasePathReadsLeftToRight(const QWidget &dialog, const QString &path)
{
    auto *database = dialog.findChild<QLabel *>(u"databaseValue"_s);
    QVERIFY(database);
    QVERIFY2(slashAtLeftEnd(database->text(), QDir::toNativeSeparators(path), database->font()),
             qPrintable(database->text()));
}
} // namespace

class TestRightToLeft : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTranslator m_fa;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    QString m_out;
    QString m_lang;
    QStringList m_failures;

    bool rtl() const { return m_lang == QLatin1String("fa"); }

    void fail(const QString &screen, const QString &what) { m_failures << screen + u": "_s + what; }

    // Someone whose current request has `status`.
    QString someone(const QString &status)
    {
        for (const QString &name : {u"محمد"_s, u"علی"_s, u"حسین"_s, u"رضا"_s, u"فاطمه"_s, u"زهرا"_s, u"مریم"_s}) {
            auto rows = searchApplicants(*m_ctx, name, status, 1);
            if (rows.ok() && !rows.value->isEmpty())
                return rows.value->first().nationalCode;
        }
        return {};
    }

    void checkFields(const QString &screen, QWidget *root)
    {
        for (QLineEdit *e : root->findChildren<QLineEdit *>()) {
            if (!e->isVisible() || e->text().isEmpty() || e->width() < 60)
                continue;
            // A field its own code aligned elsewhere (centred, trailing) is not on the leading side.
            const Qt::Alignment h = e->alignment() & Qt::AlignHorizontal_Mask;
            if (h != Qt::AlignLeft && !((e->alignment() & Qt::AlignAbsolute) && h == Qt::AlignRight && rtl()))
                continue;
            const QImage img = e->grab().toImage();
            const QRect inside = e->rect().adjusted(3, 3, -3, -3);
            const auto ink = inkColumns(img, inside);
            if (!ink)
                continue;
            const int margin = 16;
            const bool ok = rtl() ? ink->second >= e->width() - margin : ink->first <= margin;
            if (!ok)
                fail(screen, u"field %1 «%2»: text drawn from %3 to %4 of %5 px, not at its %6 edge"_s.arg(
                                 e->objectName(), e->text(), QString::number(ink->first), QString::number(ink->second),
                                 QString::number(e->width()), rtl() ? u"right"_s : u"left"_s));
        }
    }

    void checkTextEdits(const QString &screen, QWidget *root)
    {
        for (QPlainTextEdit *e : root->findChildren<QPlainTextEdit *>()) {
            if (!e->isVisible() || e->toPlainText().isEmpty())
                continue;
            const QImage img = e->viewport()->grab().toImage();
            const auto ink = inkColumns(img, e->viewport()->rect().adjusted(1, 1, -1, -1));
            if (!ink)
                continue;
            const int w = e->viewport()->width();
            const bool ok = rtl() ? ink->second >= w - 12 : ink->first <= 12;
            if (!ok)
                fail(screen, u"text %1 «%2» drawn from %3 to %4 of %5 px, not at its %6 edge"_s.arg(
                                 e->objectName(), e->toPlainText(), QString::number(ink->first),
                                 QString::number(ink->second), QString::number(w), rtl() ? u"right"_s : u"left"_s));
        }
    }

    void checkLabels(const QString &screen, QWidget *root)
    {
        for (QLabel *l : root->findChildren<QLabel *>()) {
            if (!l->isVisible() || l->text().isEmpty() || l->textFormat() == Qt::RichText ||
                Qt::mightBeRichText(l->text()))
                continue;
            const QString problem = latinDigitsRead(l->text());
            if (rtl() && !problem.isEmpty())
                fail(screen, u"label %1 reads Latin digits: «%2»"_s.arg(l->objectName(), problem));
            // A line mixing both directions runs in its window's (Qt lays a label's text out in the
            // direction of its first strong letter outside isolates): a Persian name opening an
            // English sentence turned it right to left, its words in reverse order.
            if (hasBothDirections(l->text()) && l->text().isRightToLeft() != rtl())
                fail(screen, u"label %1 «%2» runs %3"_s.arg(l->objectName(), l->text(),
                                                            rtl() ? u"left to right"_s : u"right to left"_s));
            // Cut: a single-line label narrower than its text.
            if (!l->wordWrap() && l->width() + 1 < l->minimumSizeHint().width())
                fail(screen,
                     u"label %1 «%2» cut: %3 px of %4"_s.arg(l->objectName(), l->text(), QString::number(l->width()),
                                                             QString::number(l->minimumSizeHint().width())));
            // Leading side: a label aligned to the leading side starts there, whatever its text is.
            const Qt::Alignment h = l->alignment() & Qt::AlignHorizontal_Mask;
            const bool leading = h == Qt::AlignLeft; // AlignLeading, or the absolute side chosen for it
            if (!leading && !((l->alignment() & Qt::AlignAbsolute) && h == (rtl() ? Qt::AlignRight : Qt::AlignLeft)))
                continue;
            const QImage img = l->grab().toImage();
            const QRect inside = l->contentsRect();
            const auto ink = inkColumns(img, inside);
            if (!ink || ink->second - ink->first + 24 > inside.width())
                continue; // the text fills the label: no side to check
            const bool ok = rtl() ? ink->second >= inside.right() - 6 : ink->first <= inside.left() + 6;
            if (!ok)
                fail(screen, u"label %1 «%2» drawn from %3 to %4 of %5 px, not on its %6 side"_s.arg(
                                 l->objectName(), l->text(), QString::number(ink->first), QString::number(ink->second),
                                 QString::number(inside.width()), rtl() ? u"right"_s : u"left"_s));
        }
        // A value of a form (the field beside its label) is one line.
        for (QFormLayout *form : root->findChildren<QFormLayout *>()) {
            for (int row = 0; row < form->rowCount(); ++row) {
                QLayoutItem *item = form->itemAt(row, QFormLayout::FieldRole);
                auto *value = item ? qobject_cast<QLabel *>(item->widget()) : nullptr;
                if (!value || !value->isVisible() || value->text().isEmpty())
                    continue;
                const int lineHeight = value->fontMetrics().lineSpacing();
                if (value->contentsRect().height() >= 2 * lineHeight)
                    fail(screen, u"value %1 «%2» wraps: %3 px high, a line is %4"_s.arg(
                                     value->objectName(), value->text(),
                                     QString::number(value->contentsRect().height()), QString::number(lineHeight)));
            }
        }
        for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
            if (rtl() && b->isVisible() && !latinDigitsRead(b->text()).isEmpty())
                fail(screen, u"button %1 reads Latin digits: «%2»"_s.arg(b->objectName(), b->text()));
        for (QGroupBox *g : root->findChildren<QGroupBox *>())
            if (rtl() && g->isVisible() && !latinDigitsRead(g->title()).isEmpty())
                fail(screen, u"group %1 reads Latin digits: «%2»"_s.arg(g->objectName(), g->title()));
        for (QTabBar *t : root->findChildren<QTabBar *>())
            for (int i = 0; rtl() && t->isVisible() && i < t->count(); ++i)
                if (!latinDigitsRead(t->tabText(i)).isEmpty())
                    fail(screen, u"tab reads Latin digits: «%1»"_s.arg(t->tabText(i)));
    }

    void checkTables(const QString &screen, QWidget *root)
    {
        static const QRegularExpression count(u"^[0-9۰-۹,٬،']{1,7}$"_s);
        for (QTableView *t : root->findChildren<QTableView *>()) {
            if (!t->isVisible() || !t->model() || t->model()->rowCount() == 0)
                continue;
            QHeaderView *header = t->horizontalHeader();
            const QAbstractItemView *view = t;
            const int viewportWidth = t->viewport()->width();
            for (int c = 0; c < t->model()->columnCount(); ++c) {
                if (t->isColumnHidden(c))
                    continue;
                const int size = header->sectionSize(c);
                const int need = qMax(view->sizeHintForColumn(c), header->sectionSizeHint(c));
                const QString name = t->model()->headerData(c, Qt::Horizontal).toString();
                if (size + 1 < need)
                    fail(screen, u"table %1, column «%2»: %3 px for %4 px of content"_s.arg(
                                     t->objectName(), name, QString::number(size), QString::number(need)));
                const int at = header->sectionViewportPosition(c);
                if (at < -1 || at + size > viewportWidth + 1)
                    fail(screen, u"table %1, column «%2» outside its view (%3..%4 of %5 px)"_s.arg(
                                     t->objectName(), name, QString::number(at), QString::number(at + size),
                                     QString::number(viewportWidth)));
                if (rtl() && !latinDigitsRead(name).isEmpty())
                    fail(screen, u"table %1 heading reads Latin digits: «%2»"_s.arg(t->objectName(), name));
            }
            // Columns of counts: every cell a number.
            QList<bool> numeric(t->model()->columnCount(), true);
            for (int r = 0; r < t->model()->rowCount(); ++r)
                for (int c = 0; c < t->model()->columnCount(); ++c)
                    numeric[c] = numeric[c] && count.match(t->model()->index(r, c).data().toString()).hasMatch();
            const QImage img = t->viewport()->grab().toImage();
            for (int r = 0; r < t->model()->rowCount(); ++r) {
                for (int c = 0; c < t->model()->columnCount(); ++c) {
                    const QModelIndex index = t->model()->index(r, c);
                    const QRect cell = t->visualRect(index);
                    if (!cell.isValid() || !t->viewport()->rect().contains(cell))
                        continue;
                    const QString text = index.data().toString();
                    if (rtl() && !latinDigitsRead(text).isEmpty())
                        fail(screen, u"table %1 cell reads Latin digits: «%2»"_s.arg(t->objectName(), text));
                    if (!numeric[c] || t->selectionModel()->isSelected(index))
                        continue;
                    // A count sits on the right of its cell, in both directions.
                    const auto ink = inkColumns(img, cell.adjusted(1, 2, -2, -2));
                    if (ink && ink->second < cell.right() - 10)
                        fail(screen,
                             u"table %1: the number %2 sits from %3 to %4 in a cell %5..%6, not on its right"_s.arg(
                                 t->objectName(), text, QString::number(ink->first), QString::number(ink->second),
                                 QString::number(cell.left()), QString::number(cell.right())));
                }
            }
        }
    }

    void shoot(const QString &screen, QWidget *w)
    {
        settle();
        const QString path = QDir(m_out).filePath(u"%1-%2.png"_s.arg(m_lang, screen));
        QVERIFY2(w->grab().save(path), qPrintable(path));
        if (rtl() && !latinDigitsRead(w->windowTitle()).isEmpty())
            fail(screen, u"window title reads Latin digits: «%1»"_s.arg(w->windowTitle()));
        checkFields(screen, w);
        checkTextEdits(screen, w);
        checkLabels(screen, w);
        checkTables(screen, w);
    }

    // The open counter dialog, shown over the window and photographed with it.
    void counterDialog(ui::MainWindow &window, const QString &status, ui::CounterAction action, const QString &screen,
                       const std::function<void(QDialog *)> &fill = {})
    {
        const QString code = someone(status);
        QVERIFY2(!code.isEmpty(), qPrintable(status));
        QVERIFY(window.openApplicant(code));
        ui::ApplicantView *view = window.applicantView();
        QVERIFY2(view->startAction(action), qPrintable(screen));
        QDialog *dialog = view->openDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        if (fill)
            fill(dialog);
        shoot(screen, dialog);
        dialog->reject();
        QTRY_VERIFY(!view->openDialog());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ui::applyDeskLook(*qApp);
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        m_out = QDir(QCoreApplication::applicationDirPath()).filePath(u"rtl-screens"_s);
        QVERIFY(QDir().mkpath(m_out));
        db::DbError error;
        // A path under a folder: the sign-in shows it, a leading slash and all.
        m_db = db::Database::open(m_dir.filePath(u"branch.db"_s), db::Database::OpenMode::CreateIfMissing, &error);
        QVERIFY(m_db);
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        db::DemoOptions demo;
        demo.persons = 400;
        demo.seed = 1;
        demo.branchCode = u"1001"_s;
        demo.now = kNow;
        db::generateDemoData(*m_db, demo);
        // The demo's bulk insert leaves the process without its locks on the file: opened again.
        m_db.reset();
        m_db = db::Database::open(m_dir.filePath(u"branch.db"_s), db::Database::OpenMode::MustExist, &error);
        QVERIFY(m_db);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        for (const auto &[login, role] :
             {std::pair{u"root"_s, u"admin"_s}, std::pair{u"sara"_s, u"clerk"_s}, std::pair{u"reza"_s, u"supervisor"_s},
              std::pair{u"maryam"_s, u"supervisor"_s}}) {
            const auto added = addStaff(*m_ctx, login, role, u"Staff#Pass1KavirSepid"_s, kNow);
            QVERIFY2(added.ok(), qPrintable(added.failure.message()));
        }
        // Today's activations, so that the dashboard has figures of several digits.
        for (const QString &code : {someone(u"branch_activation_required"_s)}) {
            const auto done = activateAtCounter(*m_ctx, code, StaffSession{u"sara"_s, u"clerk"_s},
                                                requiredActivationDocuments(), QDateTime::currentDateTimeUtc());
            QVERIFY2(done.ok(), qPrintable(done.failure.message()));
        }
    }

    void cleanup() { test::useLanguage(u"fa"_s, m_fa); }

    void screens_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("fa, right to left") << u"fa"_s;
        QTest::newRow("en, left to right") << u"en"_s;
    }

    void screens()
    {
        QFETCH(QString, lang);
        m_lang = lang;
        m_failures.clear();
        test::useLanguage(lang, m_fa);

        // Sign-in: the database path, the branch code; a login typed.
        {
            ui::LoginDialog login(*m_ctx);
            login.show();
            QVERIFY(QTest::qWaitForWindowExposed(&login));
            login.findChild<QLineEdit *>(u"login"_s)->setText(u"sara"_s);
            shoot(u"sign-in"_s, &login);
            databasePathReadsLeftToRight(login, m_ctx->databasePath());
        }

        // The lock screen: the login isolated inside the sentence.
        {
            ui::LoginDialog lock(*m_ctx);
            lock.setLockedTo(u"sara"_s);
            lock.show();
            QVERIFY(QTest::qWaitForWindowExposed(&lock));
            shoot(u"lock"_s, &lock);
        }
        // The first run on a new computer: the path the database is made at.
        {
            ui::FirstRunDialog first(m_dir.filePath(u"new/branch.db"_s));
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            first.findChild<QLineEdit *>(u"branchCode"_s)->setText(u"1001"_s);
            shoot(u"first-run"_s, &first);
            databasePathReadsLeftToRight(first, m_dir.filePath(u"new/branch.db"_s));
        }

        ui::MainWindow window(*m_ctx);
        window.setSession(StaffSession{u"sara"_s, u"clerk"_s});
        window.resize(kScreen);
        QVERIFY(test::showActive(window));

        // Search: digits typed (a national code's start), then a name with results.
        ui::SearchPage *search = window.searchPage();
        const QString start = someone(u"activated"_s).left(5);
        test::typeText(search->searchField(), rtl() ? toPersianDigits(start) : start);
        QTRY_VERIFY2_WITH_TIMEOUT(search->resultsView()->model()->rowCount() > 0,
                                  qPrintable(search->searchField()->text()), kTimeout);
        shoot(u"search-digits"_s, &window);
        search->searchField()->clear();
        test::typeText(search->searchField(), u"علی"_s);
        QTRY_VERIFY_WITH_TIMEOUT(search->resultsView()->model()->rowCount() > 0, kTimeout);
        shoot(u"search"_s, &window);

        // The applicant view, then each counter dialog over it.
        QVERIFY(window.openApplicant(someone(u"identity_mismatch"_s)));
        shoot(u"applicant"_s, &window);
        counterDialog(window, u"branch_activation_required"_s, ui::CounterAction::Activate, u"activation"_s);
        counterDialog(window, u"activated"_s, ui::CounterAction::ChangeMobile, u"mobile-change"_s, [](QDialog *d) {
            test::typeText(static_cast<ui::MobileChangeDialog *>(d)->mobileField(), u"09123456789"_s);
        });
        counterDialog(window, u"branch_activation_required"_s, ui::CounterAction::Refuse, u"refusal"_s, [](QDialog *d) {
            test::typeText(static_cast<ui::RefusalDialog *>(d)->reasonField(), u"کارت ملی همراه ندارد"_s);
        });
        counterDialog(window, u"activated"_s, ui::CounterAction::ResetPassword, u"password-reset"_s, [](QDialog *d) {
            test::typeText(static_cast<ui::PasswordResetDialog *>(d)->passwordField(), u"Golestan#1402"_s);
        });
        counterDialog(window, u"activated"_s, ui::CounterAction::ResetQuestions, u"questions-reset"_s);
        counterDialog(window, u"activated"_s, ui::CounterAction::Recover, u"recovery"_s);

        // The registration wizard: codes and mobile, identity, the account's e-mail.
        {
            QString fresh;
            for (int n = 123456780; n > 123456700 && fresh.isEmpty(); --n) {
                const QString code = test::nationalCode(QString::number(n));
                if (!applicantCase(*m_ctx, code).ok())
                    fresh = code;
            }
            window.startRegistration();
            ui::RegistrationWizard *wizard = window.registrationWizard();
            QVERIFY(wizard && QTest::qWaitForWindowExposed(wizard));
            auto field = [&](const char *name) { return wizard->findChild<QLineEdit *>(QString::fromLatin1(name)); };
            test::typeText(field("nationalCode"), rtl() ? toPersianDigits(fresh) : fresh);
            test::typeText(field("mobile"), u"۰۹۱۲ ۳۴۵ ۶۷۸۹"_s);
            shoot(u"wizard-codes"_s, wizard);
            wizard->next();
            test::typeText(field("lastName"), u"كريمي"_s);
            test::typeText(field("firstName"), u"زهرا"_s);
            test::typeText(field("birthCertNo"), u"۴۵۶۷"_s);
            test::typeText(field("birthDate"), u"۱۳۶۸/۱۲/۲۹"_s);
            shoot(u"wizard-identity"_s, wizard);
            wizard->next();
            test::typeText(field("email"), u"z.karimi@example.com"_s);
            shoot(u"wizard-account"_s, wizard);
            ui::setNextConfirmAnswer(true);
            wizard->reject();
            QTRY_VERIFY(!window.registrationWizard());
        }

        // The receipt and its print preview.
        {
            ui::Receipt receipt{
                u"account.activate"_s,
                u"1001"_s,
                u"sara"_s,
                u"0045123674"_s,
                u"علی رضایی"_s,
                kNow,
                u"7K3M-Q9XA"_s,
                {{QCoreApplication::translate("branch::ui::MobileChangeDialog", "New mobile"), u"0912***4567"_s}}};
            ui::ReceiptDialog dialog(receipt, &window);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            // Saved as PDF: the message names the file, its slash at its left end.
            const QString saved = m_dir.filePath(u"receipt-%1.pdf"_s.arg(m_lang));
            dialog.setNextPdfPath(saved);
            QVERIFY(dialog.saveAsPdf());
            QVERIFY2(slashAtLeftEnd(dialog.message(), QDir::toNativeSeparators(saved), dialog.font()),
                     qPrintable(dialog.message()));
            shoot(u"receipt"_s, &dialog);
            dialog.showPreview();
            QPrintPreviewDialog *preview = dialog.previewDialog();
            QVERIFY(preview);
            preview->resize(900, 740);
            QVERIFY(QTest::qWaitForWindowExposed(preview));
            shoot(u"receipt-preview"_s, preview);
            preview->close();
        }

        // The review queue and the dashboard, as a supervisor.
        window.setSession(StaffSession{u"maryam"_s, u"supervisor"_s});
        window.showReviewQueue();
        QVERIFY(window.reviewQueuePage());
        shoot(u"review-queue"_s, &window);
        window.showDashboard();
        ui::DashboardPage *dashboard = window.dashboardPage();
        QVERIFY(dashboard);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->hasSnapshot(), kTimeout);
        shoot(u"dashboard"_s, &window);

        for (const QString &f : std::as_const(m_failures))
            qWarning("%s", qPrintable(f));
        QVERIFY2(m_failures.isEmpty(), qPrintable(u"%1 slips (listed above)"_s.arg(m_failures.size())));
    }

    // A path inside a Persian sentence reads left to right, its slash at its left end: the
    // messages of a saved file, the sign-in. Without the isolates the slash crosses over.
    void pathsKeepTheirSlash()
    {
        test::useLanguage(u"fa"_s, m_fa);
        const QString path = u"/home/sara/Documents/receipt.pdf"_s;
        const QString sentence =
            QCoreApplication::translate("branch::ui::ReceiptDialog", "The receipt was saved as %1.");
        QVERIFY(sentence != u"The receipt was saved as %1."_s);
        const QFont font = QApplication::font();
        QVERIFY(slashAtLeftEnd(sentence.arg(ui::shownPath(path)), path, font));
        QVERIFY(!slashAtLeftEnd(sentence.arg(path), path, font)); // the slip, without them
    }

    // The receipt's print preview shows the page its PDF holds: the preview's page and the PDF
    // (pdftoppm) side by side, scaled alike; nearly every inked pixel of one has ink near it in the
    // other. The preview of Qt's own replay moved the colon of the signature line and dropped the
    // spaces between runs.
    void previewIsThePdf()
    {
        const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
        if (pdftoppm.isEmpty())
            QSKIP("pdftoppm (poppler-utils) is not installed");
        test::useLanguage(u"fa"_s, m_fa);
        ui::Receipt receipt{u"account.activate"_s, u"1001"_s, u"sara"_s,      u"0045123674"_s,
                            u"علی رضایی"_s,        kNow,      u"7K3M-Q9XA"_s, {}};
        const QString pdf = m_dir.filePath(u"receipt.pdf"_s);
        QString error;
        QVERIFY2(ui::exportReceiptPdf(receipt, pdf, &error), qPrintable(error));
        QProcess p;
        p.start(pdftoppm, {u"-r"_s, u"150"_s, u"-png"_s, u"-singlefile"_s, pdf, m_dir.filePath(u"receipt"_s)});
        QVERIFY(p.waitForFinished(30000) && p.exitCode() == 0);
        QImage fromPdf(m_dir.filePath(u"receipt.png"_s));
        QVERIFY(!fromPdf.isNull());

        ui::ReceiptDialog dialog(receipt);
        dialog.show();
        dialog.showPreview();
        QPrintPreviewDialog *preview = dialog.previewDialog();
        QVERIFY(preview);
        preview->resize(1200, 1700);
        QVERIFY(QTest::qWaitForWindowExposed(preview));
        auto *widget = preview->findChild<QPrintPreviewWidget *>();
        QVERIFY(widget);
        widget->fitInView();
        settle();
        auto *graphics = widget->findChild<QGraphicsView *>();
        QVERIFY(graphics);
        const QImage shown = graphics->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        // The page: the box of the white pixels (the preview's background is grey).
        QRect page;
        for (int y = 0; y < shown.height(); ++y)
            for (int x = 0; x < shown.width(); ++x)
                if (shown.pixel(x, y) == qRgb(255, 255, 255))
                    page = page.united(QRect(x, y, 1, 1));
        QVERIFY(page.width() > 200);
        const QSize size(800, int(800.0 * fromPdf.height() / fromPdf.width()));
        const QImage a = shown.copy(page).scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QImage b =
            fromPdf.convertToFormat(QImage::Format_RGB32).scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        a.save(QDir(m_out).filePath(u"fa-preview-page.png"_s));
        b.save(QDir(m_out).filePath(u"fa-pdf-page.png"_s));
        auto ink = [](const QImage &img, int x, int y) { return qGray(img.pixel(x, y)) < 140; };
        // The share of `from`'s ink with ink of `to` within a pixel.
        auto covered = [&](const QImage &from, const QImage &to) {
            int inked = 0, near = 0;
            for (int y = 2; y < size.height() - 2; ++y)
                for (int x = 2; x < size.width() - 2; ++x) {
                    if (!ink(from, x, y))
                        continue;
                    ++inked;
                    bool found = false;
                    for (int dy = -1; dy <= 1 && !found; ++dy)
                        for (int dx = -1; dx <= 1 && !found; ++dx)
                            found = ink(to, x + dx, y + dy);
                    near += found ? 1 : 0;
                }
            return inked ? double(near) / inked : 0.0;
        };
        const double previewInPdf = covered(a, b), pdfInPreview = covered(b, a);
        qInfo("preview ink near the PDF's: %.3f; PDF ink near the preview's: %.3f", previewInPdf, pdfInPreview);
        // Measured here: 0.999 and 0.815 (poppler draws strokes a little bolder); Qt's own replay
        // of the preview gave 0.50 and 0.52.
        QVERIFY2(previewInPdf > 0.7 && pdfInPreview > 0.7, "the preview differs from the PDF");
    }
};

QTEST_MAIN(TestRightToLeft)
#include "TestRightToLeft.moc"
