// One meaning for each key across the desk (issue 16 item 4), walked with keys alone on the
// real main window, its pages and dialogs, on a real SQLite file: Tab moves through each
// dialog's fields in order and round each page both ways, with the focus shown on every stop
// (the focused widget is drawn otherwise than when the focus is elsewhere); Space ticks and
// presses; Enter is the default action (the mobile change from its ticked ownership box, the
// F7 method chosen on its focused button, a focused button of the review queue, a focused
// Cancel) and its effect is in the database; Esc cancels with nothing changed; Ctrl+E exports
// from the dashboard's date field (under Xvfb: X11's key scheme gives a field Ctrl+E); Alt+letter
// opens every menu of the window in Persian and in English, on every page, without pressing a
// button there too, and no two visible mnemonics of a page or dialog share a key.
#include "ui/AboutDialog.h"
#include "ui/ActivationDialog.h"
#include "ui/ApplicantView.h"
#include "ui/Confirm.h"
#include "ui/DashboardPage.h"
#include "ui/DeskLook.h"
#include "ui/FirstRunDialog.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/MobileChangeDialog.h"
#include "ui/ReceiptDialog.h"
#include "ui/RecoveryDialog.h"
#include "ui/RefusalDialog.h"
#include "ui/RegistrationWizard.h"
#include "ui/RestoreDialog.h"
#include "ui/ReviewProposalDialog.h"
#include "ui/ReviewQueuePage.h"
#include "ui/SearchPage.h"

#include "app/core/PersianText.h"
#include "app/core/RequestStatus.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Review.h"
#include "app/lifecycle/Staff.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"
#include "db/RequestRepository.h"
#include "db/ReviewRepository.h"

#include "tests/support/CounterFixture.h"
#include "tests/support/GuiTestUtil.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QCommandLinkButton>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QWizard>

#include <functional>

using namespace branch;
using branch::test::nationalCode;
using branch::test::typeText;
using namespace Qt::StringLiterals;
using Route = ui::RecoveryDialog::Route;

namespace
{
constexpr int kTimeout = 10000;
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const StaffSession kClerk{u"sara"_s, u"clerk"_s};
const StaffSession kSup1{u"sup1"_s, u"supervisor"_s};

QWidget *focused()
{
    return QApplication::focusWidget();
}

void press(int key, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QWidget *w = focused();
    QVERIFY2(w, "nothing has the keyboard focus");
    QTest::keyClick(w, Qt::Key(key), mods);
}

// The focus is where a person sees it: on a visible, enabled widget of `window` that has the
// focus, drawn otherwise than when the focus is elsewhere (Tab away, look, Shift+Tab back).
QString focusShownProblem(QWidget *window)
{
    QWidget *w = focused();
    if (!w)
        return u"no focus"_s;
    const QString name = QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
    if (w->window() != window)
        return name + u" is in another window"_s;
    if (!w->isVisible() || !w->isEnabled() || !w->hasFocus())
        return name + u" is hidden, disabled or not focused"_s;
    if (qobject_cast<QAbstractButton *>(w)) {
        // The window around the widget: a focus frame is drawn beside it, not in it.
        const QRect around(w->mapTo(window, QPoint(-4, -4)), w->size() + QSize(8, 8));
        const QImage with = window->grab(around).toImage();
        QTest::keyClick(w, Qt::Key_Tab);
        QImage without;
        if (focused() == w) {
            // The dialog's only stop (About's Close): compared with itself unfocused.
            w->clearFocus();
            without = window->grab(around).toImage();
            w->setFocus(Qt::TabFocusReason);
        } else {
            without = window->grab(around).toImage();
            QTest::keyClick(focused(), Qt::Key_Backtab);
        }
        if (focused() != w)
            return name + u": Shift+Tab does not come back (it goes to "_s +
                   (focused() ? focused()->objectName() : u"nothing"_s) + u')';
        if (with == without)
            return name + u" looks the same with and without the focus"_s;
    }
    return {};
}

// Tab from the current focus until it comes back (at most 40 stops): the widgets in the
// order Tab reached them, each one checked as focusShownProblem does.
QList<QWidget *> tabChain(QWidget *window, QStringList *problems)
{
    QList<QWidget *> chain;
    QWidget *start = focused();
    int stayed = 0;
    for (int i = 0; i < 40; ++i) {
        if (chain.isEmpty() || chain.last() != focused()) {
            chain << focused();
            stayed = 0;
            if (const QString p = focusShownProblem(window); !p.isEmpty())
                *problems << p;
        }
        // A date field's Tab goes through its sections first (typing continues there); a
        // dialog's only stop keeps the focus.
        QTest::keyClick(focused(), Qt::Key_Tab);
        if (focused() == start && (chain.last() != start || (chain.size() == 1 && ++stayed > 4)))
            return chain;
    }
    *problems << u"Tab never comes back to where it started"_s;
    return chain;
}

// The mnemonics a person can press with Alt in `window` now, by key: each visible button,
// label with a buddy, group box, tab and menu of the menu bar that underlines a letter.
// The mnemonics of `root`'s widgets that `shown` counts as on screen.
QMap<QKeySequence, QStringList> mnemonicsOf(QWidget *root, const std::function<bool(const QWidget *)> &shown)
{
    QMap<QKeySequence, QStringList> out;
    auto add = [&](const QString &text, const QWidget *w) {
        const QKeySequence k = QKeySequence::mnemonic(text);
        if (!k.isEmpty() && shown(w) && w->isEnabled())
            out[k] << text;
    };
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(b->text(), b);
        else if (auto *l = qobject_cast<QLabel *>(w); l && l->buddy())
            add(l->text(), l);
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            add(g->title(), g);
        else if (auto *t = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < t->count(); ++i)
                add(t->tabText(i), t);
        else if (auto *m = qobject_cast<QMenuBar *>(w))
            for (QAction *a : m->actions())
                if (a->isEnabled())
                    add(a->text(), m);
    }
    return out;
}

QMap<QKeySequence, QStringList> visibleMnemonics(QWidget *window)
{
    return mnemonicsOf(window, [window](const QWidget *w) { return w->window() == window && w->isVisible(); });
}

QStringList clashesIn(const QMap<QKeySequence, QStringList> &all)
{
    QStringList out;
    for (auto it = all.begin(); it != all.end(); ++it)
        if (it.value().size() > 1)
            out << it.key().toString() + u": "_s + it.value().join(u" | "_s);
    return out;
}

QStringList clashes(QWidget *window)
{
    return clashesIn(visibleMnemonics(window));
}

// Each page of a wizard as it shows when it is the current one: its own widgets and the
// wizard's buttons for it (without walking there, which needs every field filled).
QStringList wizardClashes(QWizard *wizard)
{
    QStringList out;
    for (const int id : wizard->pageIds()) {
        QWizardPage *page = wizard->page(id);
        auto all = mnemonicsOf(page, [page](const QWidget *w) { return w->isVisibleTo(page); });
        const QWizard::WizardButton forward = page->isCommitPage()                          ? QWizard::CommitButton
                                              : page->isFinalPage() || page->nextId() == -1 ? QWizard::FinishButton
                                                                                            : QWizard::NextButton;
        for (const QWizard::WizardButton b : {QWizard::BackButton, QWizard::CancelButton, forward}) {
            const QKeySequence k = QKeySequence::mnemonic(wizard->buttonText(b));
            if (!k.isEmpty())
                all[k] << wizard->buttonText(b);
        }
        for (const QString &c : clashesIn(all))
            out << u"page %1: "_s.arg(id) + c;
    }
    return out;
}

// A data row per language of the desk.
void bothLanguages()
{
    QTest::addColumn<QString>("lang");
    QTest::newRow("fa") << u"fa"_s;
    QTest::newRow("en") << u"en"_s;
}

int audits(db::Database &db, const QString &action)
{
    int n = 0;
    for (const auto &a : db::auditLog(db))
        n += a.action == action;
    return n;
}
} // namespace

class TestKeyboardWalk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    QTranslator m_fa;
    int m_next = 0;

    // A person of the registry with an activated account (mobileOwned) or a request waiting
    // for the counter's activation.
    QString person(bool mobileOwned, const QString &last = u"کاظمی"_s)
    {
        const QString code = nationalCode(u"0081234%1"_s.arg(10 + m_next, 2, 10, QLatin1Char('0')));
        const QString mobile = u"0912666%1"_s.arg(1000 + m_next);
        ++m_next;
        const QString first = u"مریم"_s;
        db::upsertRegistryPerson(*m_db,
                                 {code, first, u"کاظمی"_s, u"حسن"_s, normalizeName(first), normalizeName(u"کاظمی"_s),
                                  normalizeName(u"حسن"_s), u"4521"_s, QDate(1986, 7, 3), u"F"_s},
                                 kT0);
        if (mobileOwned)
            db::upsertMobileOwner(*m_db, code, mobile);
        RegistrationInput in = test::sampleRegistration(code, mobile, first, last);
        in.birthCertNo = u"4521"_s;
        in.gender = u"F"_s;
        if (!submitRegistration(*m_ctx, in, kT0).ok() || !verifyPending(*m_ctx, kT0.addSecs(60)).ok())
            qFatal("fixture: registration failed");
        return code;
    }

    std::unique_ptr<ui::MainWindow> window(const StaffSession &session)
    {
        auto w = std::make_unique<ui::MainWindow>(*m_ctx);
        w->setSession(session);
        w->resize(1200, 760);
        w->show();
        w->activateWindow(); // as main does after the sign-in: an X server without a window manager
        if (!test::showActive(*w))
            return nullptr;
        return w;
    }

    // F-key `key` on `code`'s applicant view: the dialog it opens, active.
    QDialog *openCounterDialog(ui::MainWindow &w, const QString &code, int key)
    {
        if (!w.openApplicant(code))
            return nullptr;
        // After a dialog closed, the window has the keyboard back (ui/DeskKeys gives it back).
        if (!QTest::qWaitForWindowActive(&w) || !QTest::qWaitFor([] { return focused() != nullptr; }))
            return nullptr;
        QTest::keyClick(focused(), Qt::Key(key));
        QDialog *d = w.applicantView()->openDialog();
        if (!d || !QTest::qWaitForWindowActive(d) || !QTest::qWaitFor([d] { return d->isAncestorOf(focused()); }))
            return nullptr;
        return d;
    }

    void closeReceipt(ui::MainWindow &w)
    {
        QTRY_VERIFY(w.receiptDialog());
        QVERIFY(QTest::qWaitForWindowActive(w.receiptDialog()));
        QTest::keyClick(w.receiptDialog(), Qt::Key_Escape);
        QTRY_VERIFY(!w.receiptDialog());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        db::DbError err;
        m_db = db::Database::open(m_dir.filePath(u"desk.db"_s), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0).ok());
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        QVERIFY(addStaff(*m_ctx, u"sup1"_s, u"supervisor"_s, u"Super1234xJangalAbr"_s, kT0).ok());
        test::useLanguage(u"fa"_s, m_fa);
        ui::applyDeskLook(*qApp); // as branchdesk's main: the desk's style, font and sides
    }

    // The standard dialog buttons carry no icon (no other button of the desk has one): on X11
    // Qt gave them one, and in a right-to-left window drew it where the text belongs, the
    // text pushed against the button's edge. Fails on the xcb run without the desk's style.
    void standardButtonsCarryNoIcon()
    {
        ui::LoginDialog login(*m_ctx);
        QMessageBox box(QMessageBox::Question, u"?"_s, u"?"_s, QMessageBox::Yes | QMessageBox::No);
        int buttons = 0;
        for (QDialog *d : std::initializer_list<QDialog *>{&login, &box}) {
            d->show();
            QVERIFY(QTest::qWaitForWindowExposed(d));
            for (const QDialogButtonBox *row : d->findChildren<QDialogButtonBox *>())
                for (const QAbstractButton *b : row->buttons()) {
                    ++buttons;
                    QVERIFY2(b->icon().isNull(), qPrintable(d->metaObject()->className() + u": "_s + b->text()));
                }
            d->hide();
        }
        QCOMPARE(buttons, 4);
    }

    void cleanupTestCase() { test::useLanguage(u"en"_s, m_fa); }

    // F3: the number, Enter (on to the ownership box), Space ticks it, Enter changes the mobile.
    void mobileChangeEnterFromTheTickedBox()
    {
        const QString code = person(true);
        auto w = window(kClerk);
        QVERIFY(w);
        auto *d = qobject_cast<ui::MobileChangeDialog *>(openCounterDialog(*w, code, Qt::Key_F3));
        QVERIFY(d);
        QCOMPARE(focused(), static_cast<QWidget *>(d->mobileField()));
        typeText(focused(), u"09127770001"_s);
        press(Qt::Key_Return);
        QCOMPARE(focused(), static_cast<QWidget *>(d->ownershipBox()));
        QVERIFY(d->isVisible()); // not ready yet: nothing submitted
        press(Qt::Key_Space);
        QVERIFY(d->ownershipBox()->isChecked());
        QString problem = focusShownProblem(d);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        ui::setNextConfirmAnswer(true);
        const int asked = ui::confirmationsAsked();
        press(Qt::Key_Return);
        QCOMPARE(ui::confirmationsAsked(), asked + 1);
        QTRY_VERIFY_WITH_TIMEOUT(!w->applicantView()->openDialog(), kTimeout);
        QCOMPARE(db::findAccount(*m_db, code)->mobile, u"09127770001"_s);
        closeReceipt(*w);
    }

    // Each counter dialog: Tab walks its fields with the focus shown and comes back; Esc
    // cancels it and nothing is stored.
    void counterDialogTabThenEsc_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<bool>("account");
        QTest::addColumn<QStringList>("order"); // object names of the first stops, in order
        QTest::newRow("F2 activation") << int(Qt::Key_F2) << false
                                       << QStringList{u"national_card"_s, u"birth_certificate"_s, u"cancelButton"_s};
        QTest::newRow("F3 mobile") << int(Qt::Key_F3) << true << QStringList{u"mobile"_s, u"ownershipConfirmed"_s};
        QTest::newRow("F4 password") << int(Qt::Key_F4) << true << QStringList{};
        QTest::newRow("F6 questions") << int(Qt::Key_F6) << true << QStringList{};
        QTest::newRow("F7 recovery") << int(Qt::Key_F7) << true
                                     << QStringList{u"questionsButton"_s, u"documentsButton"_s, u"cancelButton"_s};
        QTest::newRow("F8 refusal") << int(Qt::Key_F8) << false << QStringList{u"reason"_s};
    }
    void counterDialogTabThenEsc()
    {
        QFETCH(int, key);
        QFETCH(bool, account);
        QFETCH(QStringList, order);
        const QString code = person(account);
        auto w = window(kClerk);
        QVERIFY(w);
        QDialog *d = openCounterDialog(*w, code, key);
        QVERIFY(d);
        const qsizetype before = db::auditLog(*m_db).size();
        QStringList problems;
        const QList<QWidget *> chain = tabChain(d, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(chain.size() >= 2);
        QStringList names;
        for (QWidget *x : chain)
            names << x->objectName();
        QVERIFY2(names.mid(0, order.size()) == order, qPrintable(names.join(u", ")));
        press(Qt::Key_Escape);
        QTRY_VERIFY(!w->applicantView()->openDialog());
        QVERIFY(!w->receiptDialog());
        QCOMPARE(db::auditLog(*m_db).size(), before);
        QTRY_VERIFY(w->applicantView()->isAncestorOf(focused()));
    }

    // Enter on a focused button presses it, as Space does: Tab to Cancel, Enter, nothing stored.
    void counterDialogEnterOnCancel_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<bool>("account");
        QTest::newRow("F2 activation") << int(Qt::Key_F2) << false;
        QTest::newRow("F3 mobile") << int(Qt::Key_F3) << true;
        QTest::newRow("F4 password") << int(Qt::Key_F4) << true;
        QTest::newRow("F6 questions") << int(Qt::Key_F6) << true;
        QTest::newRow("F7 recovery") << int(Qt::Key_F7) << true;
        QTest::newRow("F8 refusal") << int(Qt::Key_F8) << false;
    }
    void counterDialogEnterOnCancel()
    {
        QFETCH(int, key);
        QFETCH(bool, account);
        const QString code = person(account);
        auto w = window(kClerk);
        QVERIFY(w);
        QDialog *d = openCounterDialog(*w, code, key);
        QVERIFY(d);
        const qsizetype before = db::auditLog(*m_db).size();
        for (int i = 0; i < 30 && focused()->objectName() != u"cancelButton"_s; ++i)
            press(Qt::Key_Tab);
        QCOMPARE(focused()->objectName(), u"cancelButton"_s);
        press(Qt::Key_Return);
        QTRY_VERIFY(!w->applicantView()->openDialog());
        QCOMPARE(db::auditLog(*m_db).size(), before);
    }

    // F7: Enter on the focused method (here the documents) takes it, as Space does.
    void recoveryMethodByEnter()
    {
        const QString code = person(true);
        auto w = window(kClerk);
        QVERIFY(w);
        auto *d = qobject_cast<ui::RecoveryDialog *>(openCounterDialog(*w, code, Qt::Key_F7));
        QVERIFY(d);
        QCOMPARE(d->page(), ui::RecoveryDialog::Page::Method);
        // No SMS gateway at this desk: the first stop is the questions.
        QTRY_COMPARE(focused(), static_cast<QWidget *>(d->methodButton(Route::Questions)));
        press(Qt::Key_Tab);
        QCOMPARE(focused(), static_cast<QWidget *>(d->methodButton(Route::Documents)));
        const QString problem = focusShownProblem(d);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        press(Qt::Key_Return);
        QCOMPARE(d->page(), ui::RecoveryDialog::Page::Renew);
        QVERIFY(d->documentBox(u"national_card"_s)->isVisible());
        press(Qt::Key_Escape);
        QTRY_VERIFY(!w->applicantView()->openDialog());
    }

    // The review queue: Tab to a focused button, Enter presses it; in the proposal Enter
    // proposes (stored), and Esc in the next one stores nothing.
    void reviewQueueButtonsTakeEnter()
    {
        const QString code = person(false, u"کاظمی‌پور"_s); // differs from the registry
        QCOMPARE(statusName(db::findCurrentRequest(*m_db, code)->status), u"identity_mismatch"_s);
        auto w = window(kSup1);
        QVERIFY(w);
        QTest::keyClick(w.get(), Qt::Key_R, Qt::ControlModifier);
        ui::ReviewQueuePage *page = w->reviewQueuePage();
        QVERIFY(page && w->centralWidget() == page);
        QTRY_VERIFY(page->casesTable()->rowCount() > 0);
        QTRY_VERIFY(page->isAncestorOf(focused()));
        QWidget *correct = page->proposeButton(ReviewKind::CorrectAndActivate);
        for (int i = 0; i < 20 && focused() != correct; ++i) {
            press(Qt::Key_Tab);
        }
        QCOMPARE(focused(), correct);
        const QString problem = focusShownProblem(w.get());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        press(Qt::Key_Return);
        QTRY_VERIFY(page->proposalDialog());
        ui::ReviewProposalDialog *dialog = page->proposalDialog();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_VERIFY(dialog->isAncestorOf(focused()));
        QCOMPARE(focused(), static_cast<QWidget *>(dialog->firstNameField()));
        press(Qt::Key_Tab);
        QCOMPARE(focused(), static_cast<QWidget *>(dialog->lastNameField()));
        // Esc first: nothing proposed.
        press(Qt::Key_Escape);
        QTRY_VERIFY(!page->proposalDialog());
        QVERIFY(!db::pendingProposalFor(*m_db, db::findCurrentRequest(*m_db, code)->id));
        // Again, with Enter on the focused button: the keyboard is back in the window (an X
        // server without a window manager gave it to nobody).
        QTRY_VERIFY(QApplication::focusWidget());
        correct->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Return);
        QTRY_VERIFY((dialog = page->proposalDialog()));
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_VERIFY(dialog->isAncestorOf(focused()));
        press(Qt::Key_Tab);
        QCOMPARE(focused(), static_cast<QWidget *>(dialog->lastNameField()));
        dialog->lastNameField()->selectAll();
        typeText(focused(), u"کاظمی"_s);
        ui::setNextConfirmAnswer(true);
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!page->proposalDialog(), kTimeout);
        QVERIFY(db::pendingProposalFor(*m_db, db::findCurrentRequest(*m_db, code)->id));
    }

    // The dialogs outside the counter actions, each opened as a person opens it: Tab walks
    // their fields with the focus shown and comes back; Esc closes them.
    void otherDialogsTabThenEsc_data()
    {
        QTest::addColumn<QString>("which");
        for (const char *which : {"sign-in", "first run", "restore", "about", "receipt", "registration"})
            QTest::newRow(which) << QString::fromLatin1(which);
    }
    void otherDialogsTabThenEsc()
    {
        QFETCH(QString, which);
        std::unique_ptr<ui::MainWindow> w;
        std::unique_ptr<QDialog> own;
        QPointer<QDialog> d;
        if (which == u"sign-in"_s) {
            own = std::make_unique<ui::LoginDialog>(*m_ctx);
        } else if (which == u"first run"_s) {
            own = std::make_unique<ui::FirstRunDialog>(m_dir.filePath(u"new-branch.db"_s));
        } else if (which == u"restore"_s) {
            own = std::make_unique<ui::RestoreDialog>(m_dir.filePath(u"gone.db"_s), ui::RestoreDialog::Why::Missing,
                                                      QList<BackupFile>{});
        } else {
            w = window(kClerk);
            QVERIFY(w);
            if (which == u"about"_s) {
                // The Help menu by its mnemonic, Enter on its item.
                const QKeyCombination k = QKeySequence::mnemonic(w->menuBar()->actions().last()->text())[0];
                QTest::sendKeyEvent(QTest::Click, focused(), k.key(), QString(QChar(char16_t(k.key()))).toLower(),
                                    k.keyboardModifiers());
                QTRY_VERIFY(QApplication::activePopupWidget());
                // The menu holds the keyboard while it is open; About is its only item.
                QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Down);
                QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Return);
                QTRY_VERIFY((d = w->aboutDialog()));
            } else if (which == u"receipt"_s) {
                // F2, Space, Tab, Space, Enter: the activation's receipt.
                const QString code = person(false);
                QDialog *activation = openCounterDialog(*w, code, Qt::Key_F2);
                QVERIFY(activation);
                press(Qt::Key_Space);
                press(Qt::Key_Tab);
                press(Qt::Key_Space);
                ui::setNextConfirmAnswer(true);
                press(Qt::Key_Return);
                QTRY_VERIFY((d = w->receiptDialog()));
                QCOMPARE(statusName(db::findCurrentRequest(*m_db, code)->status), u"activated"_s);
            } else {
                QTest::keyClick(w.get(), Qt::Key_N, Qt::ControlModifier);
                QTRY_VERIFY((d = w->registrationWizard()));
            }
        }
        if (own) {
            d = own.get();
            QVERIFY(test::showActive(*own));
        }
        QVERIFY(QTest::qWaitForWindowActive(d));
        QTRY_VERIFY(d->isAncestorOf(focused()));
        const qsizetype before = db::auditLog(*m_db).size();
        QStringList problems;
        const QList<QWidget *> chain = tabChain(d, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(chain.size() >= (which == u"about"_s ? 1 : 2));
        press(Qt::Key_Escape); // nothing typed: the wizard closes without asking
        QTRY_VERIFY(!d || !d->isVisible());
        QCOMPARE(db::auditLog(*m_db).size(), before);
    }

    // One meaning for Alt+letter: in each window and page, no two visible mnemonics share a
    // key (Qt would take turns between them, one press each).
    void mnemonicsAreUnique_data() { bothLanguages(); }
    void mnemonicsAreUnique()
    {
        QFETCH(QString, lang);
        test::useLanguage(lang, m_fa);
        QStringList bad;
        auto look = [&](const QString &where, QWidget *window) {
            for (const QString &c : clashes(window))
                bad << where + u": "_s + c;
        };
        {
            const QString code = person(true);
            const QString waiting = person(false);
            person(false, u"کاظمی‌پور"_s); // a case of the review queue: differs from the registry
            auto w = window(kSup1);
            QVERIFY(w);
            look(u"search"_s, w.get());
            QVERIFY(w->openApplicant(code));
            look(u"applicant"_s, w.get());
            QTest::keyClick(w.get(), Qt::Key_D, Qt::ControlModifier);
            QTRY_VERIFY(w->dashboardPage() && w->centralWidget() == w->dashboardPage());
            look(u"dashboard"_s, w.get());
            QTest::keyClick(w.get(), Qt::Key_R, Qt::ControlModifier);
            QTRY_VERIFY(w->reviewQueuePage() && w->centralWidget() == w->reviewQueuePage());
            look(u"review queue"_s, w.get());
            QVERIFY(w->openApplicant(waiting));
            const QList<std::pair<const char *, int>> keys = {{"F2", Qt::Key_F2}, {"F8", Qt::Key_F8}};
            for (const auto &[name, key] : keys) {
                QDialog *d = openCounterDialog(*w, waiting, key);
                QVERIFY(d);
                look(QString::fromLatin1(name), d);
                press(Qt::Key_Escape);
                QTRY_VERIFY(!w->applicantView()->openDialog());
            }
            const QList<std::pair<const char *, int>> accountKeys = {
                {"F3", Qt::Key_F3}, {"F4", Qt::Key_F4}, {"F6", Qt::Key_F6}, {"F7", Qt::Key_F7}};
            for (const auto &[name, key] : accountKeys) {
                QDialog *d = openCounterDialog(*w, code, key);
                QVERIFY(d);
                look(QString::fromLatin1(name), d);
                press(Qt::Key_Escape);
                QTRY_VERIFY(!w->applicantView()->openDialog());
            }
            // The review queue's conflicts tab, and each proposal dialog (for a case without one).
            QVERIFY(QTest::qWaitForWindowActive(w.get()));
            QTRY_VERIFY(focused()); // the last dialog gave the keyboard back
            press(Qt::Key_Escape);  // back to the search
            QTRY_VERIFY(w->centralWidget() != w->applicantView());
            QTest::keyClick(w.get(), Qt::Key_R, Qt::ControlModifier);
            QTRY_VERIFY(w->reviewQueuePage() && w->centralWidget() == w->reviewQueuePage());
            auto *tabs = w->reviewQueuePage()->findChild<QTabWidget *>();
            QVERIFY(tabs && tabs->count() == 2);
            tabs->setCurrentIndex(1);
            look(u"review queue, conflicts"_s, w.get());
            tabs->setCurrentIndex(0);
            QTableWidget *cases = w->reviewQueuePage()->casesTable();
            QTRY_VERIFY(cases->rowCount() > 0);
            for (const ReviewKind kind : {ReviewKind::CorrectAndActivate, ReviewKind::SendBack, ReviewKind::Reject}) {
                QPushButton *propose = w->reviewQueuePage()->proposeButton(kind);
                for (int row = 0; row < cases->rowCount() && !propose->isEnabled(); ++row)
                    cases->selectRow(row);
                QVERIFY(propose->isEnabled());
                propose->click();
                QTRY_VERIFY(w->reviewQueuePage()->proposalDialog());
                ui::ReviewProposalDialog *dialog = w->reviewQueuePage()->proposalDialog();
                QVERIFY(QTest::qWaitForWindowActive(dialog));
                look(u"proposal "_s + reviewKindName(kind), dialog);
                QTRY_VERIFY(dialog->isAncestorOf(focused()));
                press(Qt::Key_Escape);
                QTRY_VERIFY(!w->reviewQueuePage()->proposalDialog());
            }
        }
        {
            auto w = window(kClerk);
            QVERIFY(w);
            QTest::keyClick(w.get(), Qt::Key_N, Qt::ControlModifier);
            QTRY_VERIFY(w->registrationWizard() && w->registrationWizard()->isVisible());
            look(u"registration"_s, w->registrationWizard());
            for (const QString &c : wizardClashes(w->registrationWizard()))
                bad << u"registration "_s + c;
        }
        ui::LoginDialog login(*m_ctx);
        QVERIFY(test::showActive(login));
        look(u"sign-in"_s, &login);
        ui::FirstRunDialog first(m_dir.filePath(u"new-branch.db"_s));
        QVERIFY(test::showActive(first));
        look(u"first run"_s, &first);
        ui::RestoreDialog restore(m_dir.filePath(u"gone.db"_s), ui::RestoreDialog::Why::Missing, {});
        QVERIFY(test::showActive(restore));
        look(u"restore"_s, &restore);
        test::useLanguage(u"fa"_s, m_fa);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    // The window's pages: Tab goes round each with the focus shown on every stop.
    void pagesTabWalk_data()
    {
        QTest::addColumn<QString>("page");
        for (const char *page : {"search", "applicant", "dashboard", "review queue"})
            QTest::newRow(page) << QString::fromLatin1(page);
    }
    void pagesTabWalk()
    {
        QFETCH(QString, page);
        const QString code = person(true);
        auto w = window(kSup1);
        QVERIFY(w);
        QWidget *shown = w->searchPage();
        if (page == u"applicant"_s) {
            QVERIFY(w->openApplicant(code));
            shown = w->applicantView();
        } else if (page == u"dashboard"_s) {
            QTest::keyClick(w.get(), Qt::Key_D, Qt::ControlModifier);
            shown = w->dashboardPage();
        } else if (page == u"review queue"_s) {
            QTest::keyClick(w.get(), Qt::Key_R, Qt::ControlModifier);
            shown = w->reviewQueuePage();
        }
        QVERIFY(shown);
        QTRY_COMPARE(w->centralWidget(), shown);
        QTRY_VERIFY(shown->isAncestorOf(focused()));
        QStringList problems;
        const QList<QWidget *> chain = tabChain(w.get(), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(chain.size() >= 2);
        for (QWidget *stop : chain)
            QVERIFY2(shown->isAncestorOf(stop), qPrintable(stop->objectName() + u" is outside the page"_s));
    }

    // The dashboard's Ctrl+E while its date field has the keyboard.
    void dashboardExportFromTheDateField()
    {
        auto w = window(kSup1);
        QVERIFY(w);
        QTest::keyClick(w.get(), Qt::Key_D, Qt::ControlModifier);
        ui::DashboardPage *page = w->dashboardPage();
        QVERIFY(page && w->centralWidget() == page);
        QSignalSpy refreshed(page, &ui::DashboardPage::refreshed);
        QVERIFY(refreshed.wait(kTimeout));
        QTRY_COMPARE(focused(), static_cast<QWidget *>(page->dayEdit()));
        const QString path = m_dir.filePath(u"daily.pdf"_s);
        page->setNextPdfPath(path);
        QSignalSpy saved(page, &ui::DashboardPage::pdfSaved);
        press(Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(QFile::exists(path));
        press(Qt::Key_Escape);
        QCOMPARE(w->centralWidget(), static_cast<QWidget *>(w->searchPage()));
    }

    // Every menu of the window has its own mnemonic in both languages, which opens it from
    // every page where it is enabled; no button of the page takes the key too.
    void menusOpenWithAlt_data() { bothLanguages(); }
    void menusOpenWithAlt()
    {
        QFETCH(QString, lang);
        test::useLanguage(lang, m_fa);
        const QString code = person(true);
        auto w = window(kSup1);
        QVERIFY(w);
        const QList<QAction *> menus = w->menuBar()->actions();
        QCOMPARE(menus.size(), 3);
        QList<QKeySequence> keys;
        for (QAction *m : menus) {
            const QKeySequence k = QKeySequence::mnemonic(m->text());
            QVERIFY2(!k.isEmpty(), qPrintable(m->text() + u" has no mnemonic"_s));
            QVERIFY2(!keys.contains(k), qPrintable(m->text() + u" shares its mnemonic"_s));
            keys << k;
        }
        auto onPage = [&](const QString &where) {
            const qsizetype before = db::auditLog(*m_db).size();
            for (int i = 0; i < menus.size(); ++i) {
                QAction *m = menus.at(i);
                if (!m->isEnabled())
                    continue;
                const QKeyCombination k = keys.at(i)[0];
                QWidget *from = focused();
                QVERIFY2(from, qPrintable(where));
                // A Persian letter is no ASCII key: QTest's click with the letter as its text.
                QTest::sendKeyEvent(QTest::Click, from, k.key(), QString(QChar(char16_t(k.key()))).toLower(),
                                    k.keyboardModifiers());
                QTRY_VERIFY2(QApplication::activePopupWidget() == m->menu(),
                             qPrintable(where + u": "_s + m->text() + u" did not open"_s));
                QTest::keyClick(m->menu(), Qt::Key_Escape);
                QTRY_VERIFY(!QApplication::activePopupWidget());
                QVERIFY2(!QApplication::activeModalWidget() && !w->applicantView()->openDialog(),
                         qPrintable(where + u": "_s + m->text() + u" also opened a dialog"_s));
                QVERIFY(QTest::qWaitForWindowActive(w.get()));
                if (QApplication::focusWidget() == nullptr)
                    w->activateWindow();
            }
            QCOMPARE(db::auditLog(*m_db).size(), before);
        };
        onPage(u"search"_s);
        if (QTest::currentTestFailed())
            return test::useLanguage(u"fa"_s, m_fa);
        QVERIFY(w->openApplicant(code));
        QVERIFY(menus.at(1)->isEnabled()); // the applicant's menu, with an applicant open
        onPage(u"applicant"_s);
        if (QTest::currentTestFailed())
            return test::useLanguage(u"fa"_s, m_fa);
        QTest::keyClick(w.get(), Qt::Key_D, Qt::ControlModifier);
        QTRY_VERIFY(w->dashboardPage() && w->centralWidget() == w->dashboardPage());
        onPage(u"dashboard"_s);
        if (QTest::currentTestFailed())
            return test::useLanguage(u"fa"_s, m_fa);
        QTest::keyClick(w.get(), Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY(w->reviewQueuePage() && w->centralWidget() == w->reviewQueuePage());
        onPage(u"review queue"_s);
        if (QTest::currentTestFailed())
            return test::useLanguage(u"fa"_s, m_fa);
        test::useLanguage(u"fa"_s, m_fa);
    }
};

QTEST_MAIN(TestKeyboardWalk)
#include "TestKeyboardWalk.moc"
