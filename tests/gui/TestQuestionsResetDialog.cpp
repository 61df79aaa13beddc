// The counter's security-questions reset on real widgets, a real SQLite file and the real
// services: the three rows start on three different questions and a question chosen in one
// row is never offered by another; nothing is said before a field was touched, then the
// rule's own messages show under the rows as the person types (answers equal once
// normalised: Arabic/Persian letters, spaces, case; empty or one-letter answers) and keep
// the button disabled, a refused submit() changes nothing, three good answers are stored
// after the confirmation and audited under the staff login, the keyboard alone drives the
// dialog, and the Persian dialog reads Persian.
#include "ui/Confirm.h"
#include "ui/QuestionsResetDialog.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/core/PersianText.h"
#include "app/core/SecurityQuestions.h"
#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Recovery.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "db/AccountRepository.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"

#include "tests/support/CounterFixture.h"
#include "tests/support/GuiTestUtil.h"

#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace branch;
using branch::test::nationalCode;
using branch::test::typeText;
using namespace Qt::StringLiterals;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QString kCode = u"0499370899"_s;

// Chooses the question by keyboard: focus the box, Home, then Down until its id is current.
void chooseQuestion(QComboBox *box, const QString &id)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i < box->count() && box->currentData().toString() != id; ++i)
        QTest::keyClick(box, Qt::Key_Down);
}
} // namespace

class TestQuestionsResetDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTranslator m_fa;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    ApplicantCase m_case;
    int m_n = 0;

    const StaffSession m_clerk{u"sara"_s, u"clerk"_s};

    QString storedQuestions() { return db::findAccount(*m_db, kCode)->questionsJson; }
    qsizetype auditCount() { return db::auditLog(*m_db).size(); }

    // The questions `ids` chosen by keyboard, then the answers typed. A question another row
    // holds is not offered: that row is first moved to a question nobody wants.
    static void fill(ui::QuestionsResetDialog &d, const QStringList &ids, const QStringList &answers)
    {
        for (int row = 0; row < 3; ++row) {
            for (int other = row + 1; other < 3; ++other) {
                if (d.questionBox(other)->currentData().toString() != ids.at(row))
                    continue;
                QString spare;
                for (const QString &id : d.offeredQuestions(other))
                    if (!ids.contains(id))
                        spare = id;
                chooseQuestion(d.questionBox(other), spare);
            }
            chooseQuestion(d.questionBox(row), ids.at(row));
            QCOMPARE(d.questionBox(row)->currentData().toString(), ids.at(row));
        }
        for (int row = 0; row < 3; ++row)
            typeText(d.answerField(row), answers.at(row));
    }

    static QStringList chosen(const ui::QuestionsResetDialog &d)
    {
        QStringList out;
        for (int row = 0; row < 3; ++row)
            out << d.questionBox(row)->currentData().toString();
        return out;
    }

    // Each row offers the catalogue minus the other rows' questions, its own included.
    static void checkOffers(const ui::QuestionsResetDialog &d)
    {
        const QStringList now = chosen(d);
        for (int row = 0; row < 3; ++row) {
            QStringList expected;
            for (const Question &q : questionCatalogue())
                if (q.id == now.at(row) || !now.contains(q.id))
                    expected << q.id;
            QCOMPARE(d.offeredQuestions(row), expected);
        }
    }

    static QString rulesTr(const char *source) { return QCoreApplication::translate("branch::Rules", source); }

    void useLanguage(const QString &lang) { test::useLanguage(lang, m_fa); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(security::init(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        QVERIFY(questionCatalogue().size() >= 4);
    }

    // A fresh database per test: an activated account and a clerk.
    void init()
    {
        db::DbError err;
        m_ctx.reset();
        m_db = db::Database::open(m_dir.filePath(u"questions%1.db"_s.arg(++m_n)),
                                  db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});

        const QString activated =
            test::activatedAccount(*m_ctx, test::sampleRegistration(kCode, u"09121234567"_s), kT0);
        QVERIFY2(activated.isEmpty(), qPrintable(activated));
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
        auto c = applicantCase(*m_ctx, kCode);
        QVERIFY2(c.ok(), qPrintable(c.failure.message()));
        m_case = *c.value;
    }

    void cleanup() { useLanguage(u"en"_s); }

    void startsOnThreeDifferentQuestions()
    {
        ui::QuestionsResetDialog d(*m_ctx, m_clerk, m_case);
        QSet<QString> ids;
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(d.questionBox(row)->count(), questionCatalogue().size() - 2);
            ids.insert(d.questionBox(row)->currentData().toString());
            QCOMPARE(d.answerField(row)->text(), QString());
            QCOMPARE(d.answerField(row)->echoMode(), QLineEdit::Normal);
        }
        QCOMPARE(ids.size(), 3);
        checkOffers(d);
        QVERIFY(!d.questionBox(3) && !d.answerField(-1));
        // Only the empty answers are wrong so far, and nothing is said about them: the person
        // has not done anything yet.
        QCOMPARE(d.violationCodes(), QStringList{u"security_questions.answer_too_short"_s});
        QCOMPARE(d.shownMessages(), QStringList());
        QVERIFY(!d.findChild<QLabel *>(u"violations"_s)->isVisibleTo(&d));
        QVERIFY(!d.submitButton()->isEnabled());
    }

    // Whatever is chosen where, by keyboard, no chooser offers a question another one holds.
    void chosenQuestionIsNeverOfferedElsewhere()
    {
        ui::QuestionsResetDialog d(*m_ctx, m_clerk, m_case);
        QVERIFY(test::showActive(d));
        for (int row = 0; row < 3; ++row) {
            QComboBox *box = d.questionBox(row);
            box->setFocus();
            QTest::keyClick(box, Qt::Key_Home);
            checkOffers(d);
            for (int i = 0; i < box->count(); ++i) {
                QTest::keyClick(box, Qt::Key_Down);
                checkOffers(d);
                const QStringList now = chosen(d);
                QCOMPARE(QSet<QString>(now.cbegin(), now.cend()).size(), 3);
            }
        }
        // A question given up in one row is offered again in the others.
        const QString before = d.questionBox(0)->currentData().toString();
        QVERIFY(!d.offeredQuestions(1).contains(before));
        chooseQuestion(d.questionBox(0), d.offeredQuestions(0).constLast() == before ? d.offeredQuestions(0).first()
                                                                                     : d.offeredQuestions(0).last());
        QVERIFY(d.questionBox(0)->currentData().toString() != before);
        QVERIFY(d.offeredQuestions(1).contains(before) && d.offeredQuestions(2).contains(before));
        // The rule never sees the same question twice from these rows.
        QVERIFY(!d.violationCodes().contains(u"security_questions.duplicate_question"_s));
    }

    // The rule speaks once a field was touched: a typed answer, a question picked, or the
    // submit slot called.
    void messagesOnceTouched_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("answer typed") << u"answer"_s;
        QTest::newRow("question picked") << u"question"_s;
        QTest::newRow("submit") << u"submit"_s;
    }

    void messagesOnceTouched()
    {
        QFETCH(QString, how);
        const QString tooShort = rulesTr("Each answer must be at least two characters.");
        ui::QuestionsResetDialog d(*m_ctx, m_clerk, m_case);
        QVERIFY(test::showActive(d));
        QCOMPARE(d.shownMessages(), QStringList());
        if (how == u"answer"_s) {
            typeText(d.answerField(0), u"آبی"_s);
        } else if (how == u"question"_s) {
            d.questionBox(1)->setFocus();
            QTest::keyClick(d.questionBox(1), Qt::Key_Down);
        } else {
            d.submit();
        }
        QCOMPARE(d.violationCodes(), QStringList{u"security_questions.answer_too_short"_s});
        QCOMPARE(d.shownMessages(), QStringList{tooShort});
        QVERIFY(d.findChild<QLabel *>(u"violations"_s)->isVisibleTo(&d));
    }

    void liveRule_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<QStringList>("codes");

        const QString color = u"favorite_color"_s, city = u"birth_city"_s, work = u"first_workplace"_s,
                      teacher = u"primary_teacher"_s;
        const QString tooShort = u"security_questions.answer_too_short"_s;
        const QString sameAnswer = u"security_questions.duplicate_answer"_s;

        QTest::newRow("good") << QStringList{color, city, work} << QStringList{u"آبی"_s, u"تهران"_s, u"کارخانه"_s}
                              << QStringList{};
        QTest::newRow("same answer twice")
            << QStringList{color, city, work} << QStringList{u"تهران"_s, u"تهران"_s, u"کارخانه"_s}
            << QStringList{sameAnswer};
        // Arabic yeh and kaf (ي ك) are the Persian ی ک typed on an Arabic keyboard layout.
        QTest::newRow("Arabic vs Persian letters")
            << QStringList{color, city, teacher} << QStringList{u"کريمي"_s, u"تهران"_s, u"کریمی"_s}
            << QStringList{sameAnswer};
        QTest::newRow("Arabic kaf") << QStringList{color, city, teacher} << QStringList{u"كرج"_s, u"کرج"_s, u"احمدی"_s}
                                    << QStringList{sameAnswer};
        QTest::newRow("only spaces differ")
            << QStringList{color, work, teacher} << QStringList{u"آقای رضایی"_s, u"آقایرضایی"_s, u"سبز"_s}
            << QStringList{sameAnswer};
        QTest::newRow("half-space vs space")
            << QStringList{color, work, teacher} << QStringList{u"نیک‌پور"_s, u"نیک پور"_s, u"سبز"_s}
            << QStringList{sameAnswer};
        QTest::newRow("madda and case") << QStringList{color, city, work} << QStringList{u"آبی"_s, u"ابی"_s, u"Red"_s}
                                        << QStringList{sameAnswer};
        QTest::newRow("latin case") << QStringList{color, city, work} << QStringList{u"Red"_s, u"red "_s, u"تهران"_s}
                                    << QStringList{sameAnswer};
        QTest::newRow("an empty answer") << QStringList{color, city, work}
                                         << QStringList{u"آبی"_s, QString(), u"کارخانه"_s} << QStringList{tooShort};
        QTest::newRow("a one-letter answer")
            << QStringList{color, city, work} << QStringList{u"آبی"_s, u"ت "_s, u"کارخانه"_s} << QStringList{tooShort};
        QTest::newRow("two problems") << QStringList{city, color, work} << QStringList{u"آبی"_s, u"ابي"_s, u"x"_s}
                                      << QStringList{tooShort, sameAnswer};
        QTest::newRow("different letters are different")
            << QStringList{color, city, work} << QStringList{u"کرج"_s, u"کرد"_s, u"کرم"_s} << QStringList{};
    }

    // Typed by keyboard; the codes are checkSecurityQuestions' and so are the messages shown.
    void liveRule()
    {
        QFETCH(QStringList, ids);
        QFETCH(QStringList, answers);
        QFETCH(QStringList, codes);
        ui::QuestionsResetDialog d(*m_ctx, m_clerk, m_case);
        fill(d, ids, answers);
        QCOMPARE(d.violationCodes(), codes);
        QCOMPARE(d.submitButton()->isEnabled(), codes.isEmpty());
        auto *shown = d.findChild<QLabel *>(u"violations"_s);
        QCOMPARE(shown->isVisibleTo(&d), !codes.isEmpty());
        QList<QuestionAnswer> qa;
        for (int row = 0; row < 3; ++row)
            qa.append({ids.at(row), answers.at(row)});
        const Violations expected = checkSecurityQuestions(qa);
        QStringList messages;
        for (const Violation &v : expected)
            messages << v.message;
        QCOMPARE(d.violationMessages(), messages);
        QCOMPARE(d.shownMessages(), messages);
        if (!codes.isEmpty())
            QCOMPARE(shown->text(), messages.join(u'\n'));
        checkOffers(d);
    }

    void refusedSubmitChangesNothing()
    {
        const QString before = storedQuestions();
        const qsizetype audits = auditCount();
        const int asked = ui::confirmationsAsked();
        ui::QuestionsResetDialog d(*m_ctx, m_clerk, m_case);
        QSignalSpy accepted(&d, &QDialog::accepted);
        fill(d, {u"favorite_color"_s, u"birth_city"_s, u"first_workplace"_s}, {u"تهران"_s, u"تهران"_s, u"کار"_s});
        QVERIFY(!d.submitButton()->isEnabled());
        ui::setNextConfirmAnswer(true);
        d.submit();
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(ui::confirmationsAsked(), asked);
        QCOMPARE(d.violationMessages(), QStringList{rulesTr("Give a different answer to each question.")});
        QCOMPARE(storedQuestions(), before);
        QCOMPARE(auditCount(), audits);
        // The seam's answer is still pending (nothing asked): use it up here.
        QVERIFY(ui::confirmAction(nullptr, u"t"_s, u"q"_s, u"c"_s));
    }

    void goodAnswersAreSavedAfterConfirmation()
    {
        const QString before = storedQuestions();
        const int asked = ui::confirmationsAsked();
        ui::QuestionsResetDialog d(*m_ctx, m_clerk, m_case);
        d.setClock([] { return kT0.addDays(2); });
        QSignalSpy accepted(&d, &QDialog::accepted);
        QVERIFY(test::showActive(d));
        QCOMPARE(QApplication::focusWidget(), d.questionBox(0));
        const QStringList ids{u"primary_teacher"_s, u"first_school"_s, u"childhood_friend"_s};
        const QStringList answers{u"خانم احمدی"_s, u"دبستان فردوسی"_s, u"Reza"_s};
        // Keyboard only: choose, Tab to the answer, type, Enter moves on to the next question.
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(QApplication::focusWidget(), d.questionBox(row));
            chooseQuestion(d.questionBox(row), ids.at(row));
            QTest::keyClick(d.questionBox(row), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), d.answerField(row));
            typeText(d.answerField(row), answers.at(row));
            if (row < 2) {
                QTest::keyClick(d.answerField(row), Qt::Key_Return);
                QCOMPARE(accepted.count(), 0);
            }
        }
        QVERIFY(d.submitButton()->isEnabled());
        ui::setNextConfirmAnswer(true);
        QTest::keyClick(d.answerField(2), Qt::Key_Return); // Enter in the last answer submits
        QCOMPARE(ui::confirmationsAsked(), asked + 1);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(d.message(), QString());

        const QString after = storedQuestions();
        QVERIFY(after != before);
        for (const QString &id : ids)
            QVERIFY2(after.contains(id), qPrintable(after));
        for (const QString &a : answers)
            QVERIFY(!after.contains(a)); // hashed, never stored as typed
        const auto log = db::auditLog(*m_db);
        QCOMPARE(log.last().action, u"account.questions_reset"_s);
        QCOMPARE(log.last().actor, u"sara"_s);
        QCOMPARE(log.last().at, kT0.addDays(2));
        for (const QString &a : answers)
            QVERIFY(!log.last().details.contains(a));
        for (int row = 0; row < 3; ++row)
            QVERIFY(d.answerField(row)->text().isEmpty());
    }

    void declinedConfirmationChangesNothing()
    {
        const QString before = storedQuestions();
        const qsizetype audits = auditCount();
        ui::QuestionsResetDialog d(*m_ctx, m_clerk, m_case);
        QSignalSpy accepted(&d, &QDialog::accepted);
        fill(d, {u"favorite_color"_s, u"birth_city"_s, u"first_workplace"_s}, {u"سبز"_s, u"شیراز"_s, u"بانک"_s});
        ui::setNextConfirmAnswer(false);
        d.submitButton()->click();
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(storedQuestions(), before);
        QCOMPARE(auditCount(), audits);
        QCOMPARE(d.answerField(1)->text(), u"شیراز"_s);
    }

    void administratorIsRefused()
    {
        const QString before = storedQuestions();
        const qsizetype audits = auditCount();
        ui::QuestionsResetDialog d(*m_ctx, StaffSession{u"root1"_s, u"admin"_s}, m_case);
        QSignalSpy accepted(&d, &QDialog::accepted);
        fill(d, {u"favorite_color"_s, u"birth_city"_s, u"first_workplace"_s}, {u"سبز"_s, u"شیراز"_s, u"بانک"_s});
        ui::setNextConfirmAnswer(true);
        d.submit();
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(d.message(), QCoreApplication::translate("branch::Services", "Your role does not allow this action."));
        QCOMPARE(storedQuestions(), before);
        QCOMPARE(auditCount(), audits);
    }

    void escCancels()
    {
        ui::QuestionsResetDialog d(*m_ctx, m_clerk, m_case);
        QSignalSpy rejected(&d, &QDialog::rejected);
        QVERIFY(test::showActive(d));
        fill(d, {u"favorite_color"_s, u"birth_city"_s, u"first_workplace"_s}, {u"سبز"_s, u"شیراز"_s, u"بانک"_s});
        // The tab chain ends on the two buttons.
        d.answerField(2)->setFocus();
        QTest::keyClick(d.answerField(2), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d.submitButton());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d.findChild<QPushButton *>(u"cancelButton"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(!d.isVisible());
    }

    void persianLabels()
    {
        useLanguage(u"fa"_s);
        ui::QuestionsResetDialog d(*m_ctx, m_clerk, m_case);
        QCOMPARE(d.layoutDirection(), Qt::RightToLeft);
        QCOMPARE(d.windowTitle(), u"بازنشانی پرسش‌های امنیتی"_s);
        QCOMPARE(d.questionBox(0)->currentText(), u"رنگ مورد علاقه شما چیست؟"_s);
        QCOMPARE(d.findChild<QLabel *>(u"answer1Label"_s)->text(), u"پاسخ:"_s);
        const QString heading = d.findChild<QLabel *>(u"heading"_s)->text();
        QVERIFY2(heading.contains(u"رضایی"_s) && heading.contains(toPersianDigits(kCode)), qPrintable(heading));
        QCOMPARE(d.violationMessages(), QStringList{u"هر پاسخ باید حداقل دو حرف باشد."_s});

        // With BRANCHDESK_SCREENSHOT_DIR set (run under Xvfb), the dialog as people see it:
        // two rules broken at once (the same answer twice, a one-letter answer).
        const QString shots = qEnvironmentVariable("BRANCHDESK_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            fill(d, {u"first_school"_s, u"birth_city"_s, u"childhood_friend"_s}, {u"تهران"_s, u"تهران "_s, u"ع"_s});
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            QVERIFY(d.grab().save(shots + u"/questions-reset-fa.png"_s));
        }
    }
};

QTEST_MAIN(TestQuestionsResetDialog)
#include "TestQuestionsResetDialog.moc"
