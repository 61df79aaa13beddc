// The counter's registration wizard on real widgets, a real SQLite file and the real
// services: a keyboard-only walk through the seed's four steps (Persian digits, +98, Arabic
// letters) stores the request exactly as `branchctl register` stores the same input, under
// the clerk's name; each step's rules show their own messages under the fields and keep
// Next disabled (national code, mobile forms, names, dates, password rules and meter,
// question choosers that leave out the questions chosen elsewhere, answers); Esc asks
// before discarding and stores nothing; the desk's action is the counter roles' only, and
// the new applicant opens in the desk.
#include "ui/ApplicantView.h"
#include "ui/Confirm.h"
#include "ui/MainWindow.h"
#include "ui/PasswordRulesChecklist.h"
#include "ui/ReceiptDialog.h"
#include "ui/RegistrationWizard.h"

#include "app/core/Digits.h"
#include "app/core/Language.h"
#include "app/core/Mobile.h"
#include "app/core/NationalCode.h"
#include "app/core/PersianText.h"
#include "app/core/SecurityQuestions.h"
#include "app/core/TrackingCode.h"
#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Staff.h"
#include "app/security/Crypto.h"
#include "app/security/SecretHash.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/RequestRepository.h"

#include "tests/support/CounterFixture.h"
#include "tests/support/GuiTestUtil.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>

using namespace branch;
using branch::test::nationalCode;
using branch::test::showActive;
using branch::test::typeText;
using namespace Qt::StringLiterals;
using Wizard = branch::ui::RegistrationWizard;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
const QString kCode = u"0499370899"_s;

QString rulesTr(const char *source)
{
    return QCoreApplication::translate("branch::Rules", source);
}

// The typed values of one person (what the keyboard walk types).
struct Person {
    QString code, mobile, lastName, firstName, certNo, birthDate, email, password;
    QStringList answers;
};

QWidget *focused()
{
    return QApplication::focusWidget();
}

void pressEnter()
{
    QTest::keyClick(focused(), Qt::Key_Return);
}

void pressTab()
{
    QTest::keyClick(focused(), Qt::Key_Tab);
}
} // namespace

class TestRegistrationWizard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTranslator m_fa;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<Context> m_ctx;
    int m_n = 0;
    const StaffSession m_clerk{u"sara"_s, u"clerk"_s};
    const StaffSession m_admin{u"root1"_s, u"admin"_s};

    void useLanguage(const QString &lang) { test::useLanguage(lang, m_fa); }

    std::unique_ptr<Wizard> wizard(const StaffSession &staff)
    {
        auto w = std::make_unique<Wizard>(*m_ctx, staff);
        w->setClock([] { return kT0; });
        return w;
    }

    static QLineEdit *edit(Wizard &w, const char *name) { return w.findChild<QLineEdit *>(QString::fromLatin1(name)); }
    static QComboBox *box(Wizard &w, const char *name) { return w.findChild<QComboBox *>(QString::fromLatin1(name)); }
    static bool nextEnabled(Wizard &w) { return w.button(QWizard::NextButton)->isEnabled(); }

    qsizetype requestCount() { return db::requestsOf(*m_db, kCode).size(); }

    // Chooses by keyboard: focus, Home, then Down until the id is current.
    static void chooseQuestion(QComboBox *b, const QString &id)
    {
        b->setFocus();
        QTest::keyClick(b, Qt::Key_Home);
        for (int i = 0; i < b->count() && b->currentData().toString() != id; ++i)
            QTest::keyClick(b, Qt::Key_Down);
    }

    // Steps 1 and 2 filled (by setText: these tests are about the later steps), then Next twice.
    static void goToAccountStep(Wizard &w)
    {
        edit(w, "nationalCode")->setText(kCode);
        edit(w, "mobile")->setText(u"09121234567"_s);
        w.next();
        QCOMPARE(w.currentId(), int(Wizard::IdentityStep));
        edit(w, "lastName")->setText(u"رضایی"_s);
        edit(w, "firstName")->setText(u"علی"_s);
        edit(w, "birthCertNo")->setText(u"123"_s);
        edit(w, "birthDate")->setText(u"1365/04/12"_s);
        box(w, "gender")->setCurrentIndex(0);
        w.next();
        QCOMPARE(w.currentId(), int(Wizard::AccountStep));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(security::init(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fa.load(u":/i18n/branchdesk_fa.qm"_s));
        QVERIFY(questionCatalogue().size() >= 4);
    }

    void init()
    {
        db::DbError err;
        m_ctx.reset();
        m_db = db::Database::open(m_dir.filePath(u"wizard%1.db"_s.arg(++m_n)), db::Database::OpenMode::CreateIfMissing,
                                  &err);
        QVERIFY2(m_db, qPrintable(err.detail));
        db::setMetaValue(*m_db, u"branch_code"_s, u"1001"_s);
        m_ctx = std::make_unique<Context>(Context{*m_db, u"1001"_s});
        QVERIFY(addStaff(*m_ctx, u"root1"_s, u"admin"_s, u"Admin1234xBaghEram"_s, kT0)
                    .ok()); // the first account: an administrator
        QVERIFY(addStaff(*m_ctx, u"sara"_s, u"clerk"_s, u"Clerk1234xKavirSepid"_s, kT0).ok());
    }

    void cleanup() { useLanguage(u"en"_s); }

    // The whole walk by keyboard, in Persian: Tab between fields, Down in the choosers,
    // Enter for Next; the review shows the seed's table, the commit stores the request.
    void keyboardWalkStoresTheRequest()
    {
        useLanguage(u"fa"_s);
        const Person p{toPersianDigits(kCode),
                       u"+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷"_s,
                       u"كريمي"_s, // Arabic kaf and yeh, as typed on an Arabic layout
                       u"علي‌رضا"_s,
                       u"۱۲۳"_s,
                       u"۱۳۶۵/۰۴/۱۲"_s,
                       u"Ali.Karimi@Example.COM"_s,
                       u"Golestan#1402"_s,
                       {u"آبی"_s, u"تهران"_s, u"کارخانه"_s}};
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        QCOMPARE(w->currentId(), int(Wizard::CodesStep));
        QCOMPARE(w->currentPage()->title(), u"مرحله اول ثبت نام: کد ملی و شماره تلفن همراه"_s);
        QCOMPARE(w->button(QWizard::NextButton)->text().remove(u'&'), u"مرحله بعد"_s);

        // Step 1.
        QCOMPARE(focused(), edit(*w, "nationalCode"));
        QVERIFY(!nextEnabled(*w));
        typeText(focused(), p.code);
        pressTab();
        QCOMPARE(focused(), edit(*w, "mobile"));
        typeText(focused(), p.mobile);
        QVERIFY2(nextEnabled(*w), qPrintable(w->violationCodes(Wizard::CodesStep).join(u',')));
        pressEnter();
        QCOMPARE(w->currentId(), int(Wizard::IdentityStep));

        // Step 2: last name, first name, certificate, Jalali date, gender.
        QCOMPARE(focused(), edit(*w, "lastName"));
        for (const auto &[name, text] : {std::pair{"lastName", p.lastName}, std::pair{"firstName", p.firstName},
                                         std::pair{"birthCertNo", p.certNo}, std::pair{"birthDate", p.birthDate}}) {
            QCOMPARE(focused(), edit(*w, name));
            typeText(focused(), text);
            pressTab();
        }
        QCOMPARE(focused(), box(*w, "gender"));
        QVERIFY(!nextEnabled(*w));
        QTest::keyClick(focused(), Qt::Key_Down);
        QCOMPARE(box(*w, "gender")->currentData().toString(), u"M"_s);
        QVERIFY2(nextEnabled(*w), qPrintable(w->violationCodes(Wizard::IdentityStep).join(u',')));
        pressEnter();
        QCOMPARE(w->currentId(), int(Wizard::AccountStep));
        QCOMPARE(w->currentPage()->title(), u"مرحله سوم ثبت نام: اطلاعات ایمیل و گذرواژه و سوالات امنیتی"_s);
        QCOMPARE(w->findChild<QLabel *>(u"publicWarning"_s)->text(),
                 u"توجه: در صورتیکه در مکان های عمومی (مانند کافی نت) در حال ثبت نام می باشید و مشاهده نمودید که "
                 "مقادیر ایمیل و گذرواژه با مقادیر از پیش تعریف شده ای پر شده است. از ثبت نام خودداری نمایید."_s);

        // Step 3: email, password twice (the rules tick), then three questions and answers.
        QCOMPARE(focused(), edit(*w, "email"));
        typeText(focused(), p.email);
        pressTab();
        QCOMPARE(focused(), edit(*w, "password"));
        typeText(focused(), p.password);
        QCOMPARE(w->passwordRules()->unmetRules(), QStringList{u"password.mismatch"_s});
        QVERIFY(w->passwordRules()->strengthPercent() > 0);
        pressTab();
        QCOMPARE(focused(), edit(*w, "confirm"));
        typeText(focused(), p.password);
        QVERIFY(w->passwordRules()->unmetRules().isEmpty());
        pressTab();
        QCOMPARE(focused(), w->findChild<QCheckBox *>(u"showPassword"_s));
        const QStringList seedQuestions{u"favorite_color"_s, u"birth_city"_s, u"first_workplace"_s};
        for (int row = 0; row < 3; ++row) {
            pressTab();
            QCOMPARE(focused(), box(*w, qPrintable(u"question%1"_s.arg(row + 1))));
            QTest::keyClick(focused(), Qt::Key_Down); // the first question not chosen elsewhere
            QCOMPARE(box(*w, qPrintable(u"question%1"_s.arg(row + 1)))->currentData().toString(),
                     seedQuestions.at(row));
            pressTab();
            QCOMPARE(focused(), edit(*w, qPrintable(u"answer%1"_s.arg(row + 1))));
            typeText(focused(), p.answers.at(row));
        }
        QVERIFY2(nextEnabled(*w), qPrintable(w->violationCodes(Wizard::AccountStep).join(u',')));
        pressEnter();
        QCOMPARE(w->currentId(), int(Wizard::ReviewStep));

        // Step 4: the seed's table, normalised values in Persian digits; nothing stored yet.
        QCOMPARE(w->currentPage()->title(), u"مرحله چهارم ثبت نام: بازبینی و ثبت درخواست"_s);
        const QList<QPair<QString, QString>> expected = {
            {u"کد ملی"_s, toPersianDigits(kCode)},
            {u"موبایل"_s, u"۰۹۱۲۱۲۳۴۵۶۷"_s},
            // The names as every screen and receipt shows them: Persian letters (stored as typed).
            {u"نام خانوادگی"_s, u"کریمی"_s},
            {u"نام"_s, u"علی‌رضا"_s},
            {u"شماره شناسنامه"_s, u"۱۲۳"_s},
            {u"تاریخ تولد"_s, u"۱۳۶۵/۰۴/۱۲"_s},
            {u"جنسیت"_s, u"مرد"_s},
            {u"ایمیل"_s, u"Ali.Karimi@example.com"_s},
            {u"سوال امنیتی اول (رنگ مورد علاقه شما چیست؟)"_s, p.answers.at(0)},
            {u"سوال امنیتی دوم (شما در چه شهری متولد شده اید؟)"_s, p.answers.at(1)},
            {u"سوال امنیتی سوم (نام اولین کارگاهی که در آن مشغول به کار شدید چیست؟)"_s, p.answers.at(2)},
        };
        QCOMPARE(w->reviewRows(), expected);
        QCOMPARE(requestCount(), 0);
        QCOMPARE(w->button(QWizard::CommitButton)->text().remove(u'&'), u"تایید و ارسال درخواست"_s);
        pressEnter();

        // The seed's message; the request is stored, under the clerk's name.
        QCOMPARE(w->currentId(), int(Wizard::DoneStep));
        QCOMPARE(Wizard::submittedMessage(),
                 u"درخواست شما با موفقیت ثبت گردید و نتیجه مراحل انجام شده از طریق پیامک ارسال خواهد شد."_s);
        QCOMPARE(w->findChild<QLabel *>(u"doneMessage"_s)->text(), Wizard::submittedMessage());
        QCOMPARE(w->nationalCode(), kCode);
        // The tracking code people read out, not the request's UUID.
        const QString details = w->findChild<QLabel *>(u"doneDetails"_s)->text();
        QCOMPARE(w->trackingCode(), trackingCode(w->requestId()));
        QVERIFY2(details.contains(u"کد رهگیری"_s) && details.contains(w->trackingCode()), qPrintable(details));
        QVERIFY2(!details.contains(w->requestId()), qPrintable(details));
        QVERIFY(edit(*w, "password")->text().isEmpty() && edit(*w, "answer1")->text().isEmpty());
        QSignalSpy finished(w.get(), &QDialog::finished);
        pressEnter();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(w->result(), int(QDialog::Accepted));

        const auto stored = db::findRequest(*m_db, w->requestId());
        QVERIFY(stored);
        QCOMPARE(stored->lastName, p.lastName); // as typed: كريمي
        QCOMPARE(stored->status, RequestStatus::Submitted);
        QCOMPARE(stored->updatedBy, u"sara"_s);
        QVERIFY(security::verifySecret(p.password, stored->passwordHash));
        const auto audit = db::auditLog(*m_db);
        QCOMPARE(audit.last().action, u"request.submit"_s);
        QCOMPARE(audit.last().actor, u"sara"_s);

        // branchctl register, given what was typed, stores the same request.
        QTemporaryDir cliDir;
        const QString cliDb = cliDir.filePath(u"cli.db"_s);
        auto run = [&](const QStringList &args, const QByteArray &input) {
            QProcess proc;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(u"BRANCHDESK_DB"_s);
            env.insert(u"BRANCHDESK_KDF_PROFILE"_s, u"test"_s);
            proc.setProcessEnvironment(env);
            proc.start(QString::fromUtf8(BRANCHCTL_PATH), QStringList{u"--db"_s, cliDb} + args);
            proc.write(input);
            proc.closeWriteChannel();
            return proc.waitForFinished(60000) && proc.exitCode() == 0;
        };
        QVERIFY(run({u"init"_s, u"--branch"_s, u"1001"_s}, {}));
        // A clerk registers at the counter (branchctl signs the staff member in).
        QVERIFY(run({u"user"_s, u"add"_s, u"root1"_s, u"--role"_s, u"admin"_s}, "Admin1234xBaghEram\n"));
        QVERIFY(run({u"user"_s, u"add"_s, u"sara"_s, u"--role"_s, u"clerk"_s, u"--staff"_s, u"root1"_s},
                    "Admin1234xBaghEram\nClerk1234xKavirSepid\n"));
        QJsonArray questions;
        for (int row = 0; row < 3; ++row)
            questions.append(QJsonObject{{u"question_id"_s, seedQuestions.at(row)}, {u"answer"_s, p.answers.at(row)}});
        const QJsonObject json{{u"national_code"_s, p.code},
                               {u"mobile"_s, p.mobile},
                               {u"first_name"_s, p.firstName},
                               {u"last_name"_s, p.lastName},
                               {u"birth_cert_no"_s, p.certNo},
                               {u"birth_date"_s, p.birthDate},
                               {u"gender"_s, u"M"_s},
                               {u"email"_s, p.email},
                               {u"password"_s, p.password},
                               {u"password_confirm"_s, p.password},
                               {u"security_questions"_s, questions}};
        QVERIFY(run({u"register"_s, u"-"_s, u"--staff"_s, u"sara"_s},
                    "Clerk1234xKavirSepid\n" + QJsonDocument(json).toJson()));
        db::DbError err;
        auto other = db::Database::open(cliDb, db::Database::OpenMode::MustExist, &err);
        QVERIFY2(other, qPrintable(err.detail));
        const auto cli = db::findCurrentRequest(*other, kCode);
        QVERIFY(cli);
        QCOMPARE(stored->nationalCode, cli->nationalCode);
        QCOMPARE(stored->mobile, cli->mobile);
        QCOMPARE(stored->firstName, cli->firstName);
        QCOMPARE(stored->lastName, cli->lastName);
        QCOMPARE(stored->firstNameNorm, cli->firstNameNorm);
        QCOMPARE(stored->lastNameNorm, cli->lastNameNorm);
        QCOMPARE(stored->birthCertNo, cli->birthCertNo);
        QCOMPARE(stored->birthDate, cli->birthDate);
        QCOMPARE(stored->gender, cli->gender);
        QCOMPARE(stored->email, cli->email);
        QCOMPARE(stored->status, cli->status);
        QCOMPARE(stored->branchCode, cli->branchCode);
        QCOMPARE(stored->version, cli->version);
        QCOMPARE(cli->updatedBy, u"sara"_s); // the clerk signed in to branchctl, as at the desk
        QVERIFY(security::verifySecret(p.password, cli->passwordHash));
        // The answers' hashes are salted: compare the question ids and check each answer.
        const QJsonArray mine = QJsonDocument::fromJson(stored->questionsJson.toUtf8()).array();
        const QJsonArray theirs = QJsonDocument::fromJson(cli->questionsJson.toUtf8()).array();
        QCOMPARE(mine.size(), 3);
        QCOMPARE(theirs.size(), 3);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(mine.at(row)[u"question_id"_s], theirs.at(row)[u"question_id"_s]);
            QVERIFY(
                security::verifySecret(normalizeAnswer(p.answers.at(row)), mine.at(row)[u"answer_hash"_s].toString()));
        }
    }

    void codesStep_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mobile");
        QTest::addColumn<QStringList>("codes");

        const QString good = u"09121234567"_s;
        QTest::newRow("valid") << kCode << good << QStringList{};
        QTest::newRow("Persian digits") << toPersianDigits(kCode) << u"۰۹۱۲۱۲۳۴۵۶۷"_s << QStringList{};
        QTest::newRow("dashes") << u"049-937089-9"_s << u"0912-123-4567"_s << QStringList{};
        QTest::newRow("bad checksum") << u"0499370898"_s << good << QStringList{u"national_code.checksum"_s};
        QTest::newRow("one digit ten times") << u"1111111111"_s << good << QStringList{u"national_code.repeated"_s};
        QTest::newRow("nine digits") << u"049937089"_s << good << QStringList{u"national_code.format"_s};
        QTest::newRow("+98") << kCode << u"+98 912 123 4567"_s << QStringList{};
        QTest::newRow("+98 Persian digits") << kCode << u"+۹۸۹۱۲۱۲۳۴۵۶۷"_s << QStringList{};
        QTest::newRow("0098") << kCode << u"00989121234567"_s << QStringList{};
        QTest::newRow("without the 0") << kCode << u"9121234567"_s << QStringList{};
        QTest::newRow("landline") << kCode << u"02188776655"_s << QStringList{u"mobile.landline"_s};
        QTest::newRow("short mobile") << kCode << u"0912123456"_s << QStringList{u"mobile.length"_s};
        QTest::newRow("letters") << kCode << u"0912abc4567"_s << QStringList{u"mobile.format"_s};
        QTest::newRow("both wrong") << u"0499370898"_s << u"0211"_s
                                    << QStringList{u"national_code.checksum"_s, u"mobile.landline"_s};
    }

    // Typed into the fields; the codes are the core's, the messages under the fields its own.
    void codesStep()
    {
        QFETCH(QString, code);
        QFETCH(QString, mobile);
        QFETCH(QStringList, codes);
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        typeText(edit(*w, "nationalCode"), code);
        typeText(edit(*w, "mobile"), mobile);
        QCOMPARE(w->violationCodes(Wizard::CodesStep), codes);
        QCOMPARE(nextEnabled(*w), codes.isEmpty());
        const Violations nc = checkNationalCode(code), mob = checkMobile(mobile);
        QCOMPARE(w->shownMessage(u"national_code"_s), nc.isEmpty() ? QString() : nc.first().message);
        QCOMPARE(w->shownMessage(u"mobile"_s), mob.isEmpty() ? QString() : mob.first().message);
        if (codes.contains(u"national_code.checksum"_s))
            QCOMPARE(w->shownMessage(u"national_code"_s),
                     rulesTr("The national code is not valid: its check digit does not match."));
    }

    void nothingShownBeforeTyping()
    {
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        QVERIFY(!nextEnabled(*w));
        QCOMPARE(w->violationCodes(Wizard::CodesStep),
                 (QStringList{u"national_code.required"_s, u"mobile.required"_s}));
        QCOMPARE(w->shownMessage(u"national_code"_s), QString());
        // Typed then erased: now it says so.
        typeText(edit(*w, "nationalCode"), u"1"_s);
        QTest::keyClick(edit(*w, "nationalCode"), Qt::Key_Backspace);
        QCOMPARE(w->shownMessage(u"national_code"_s), rulesTr("The national code is required."));
    }

    void identityStep_data()
    {
        QTest::addColumn<QString>("lastName");
        QTest::addColumn<QString>("firstName");
        QTest::addColumn<QString>("certNo");
        QTest::addColumn<QString>("birthDate");
        QTest::addColumn<int>("gender"); // index, -1 for none
        QTest::addColumn<QStringList>("codes");

        QTest::newRow("valid") << u"رضایی"_s << u"علی"_s << u"123"_s << u"1365/04/12"_s << 0 << QStringList{};
        QTest::newRow("Arabic yeh and kaf")
            << u"كريمي"_s << u"علي"_s << u"123"_s << u"1365/04/12"_s << 1 << QStringList{};
        QTest::newRow("ZWNJ and Persian digits")
            << u"نیک‌پور"_s << u"محمدرضا"_s << u"۴۵۶"_s << u"۱۳۶۵/۰۴/۱۲"_s << 0 << QStringList{};
        QTest::newRow("same as the national code")
            << u"رضایی"_s << u"علی"_s << kCode << u"1365-4-12"_s << 0 << QStringList{};
        QTest::newRow("digits in a name")
            << u"رضایی2"_s << u"علی"_s << u"123"_s << u"1365/04/12"_s << 0 << QStringList{u"last_name.invalid_chars"_s};
        QTest::newRow("no first name") << u"رضایی"_s << QString() << u"123"_s << u"1365/04/12"_s << 0
                                       << QStringList{u"first_name.required"_s};
        QTest::newRow("certificate 0") << u"رضایی"_s << u"علی"_s << u"0"_s << u"1365/04/12"_s << 0
                                       << QStringList{u"birth_cert_no.zero"_s};
        QTest::newRow("no such day") << u"رضایی"_s << u"علی"_s << u"123"_s << u"1402/12/30"_s << 0
                                     << QStringList{u"birth_date.invalid"_s};
        QTest::newRow("month 13") << u"رضایی"_s << u"علی"_s << u"123"_s << u"1400/13/01"_s << 0
                                  << QStringList{u"birth_date.invalid"_s};
        QTest::newRow("Gregorian-looking shape")
            << u"رضایی"_s << u"علی"_s << u"123"_s << u"12/04/1365"_s << 0 << QStringList{u"birth_date.format"_s};
        QTest::newRow("future") << u"رضایی"_s << u"علی"_s << u"123"_s << u"1406/01/01"_s << 0
                                << QStringList{u"birth_date.future"_s};
        QTest::newRow("too old") << u"رضایی"_s << u"علی"_s << u"123"_s << u"1279/12/29"_s << 0
                                 << QStringList{u"birth_date.too_old"_s};
        QTest::newRow("no gender") << u"رضایی"_s << u"علی"_s << u"123"_s << u"1365/04/12"_s << -1
                                   << QStringList{u"gender.required"_s};
    }

    void identityStep()
    {
        QFETCH(QString, lastName);
        QFETCH(QString, firstName);
        QFETCH(QString, certNo);
        QFETCH(QString, birthDate);
        QFETCH(int, gender);
        QFETCH(QStringList, codes);
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        edit(*w, "nationalCode")->setText(kCode);
        edit(*w, "mobile")->setText(u"09121234567"_s);
        w->next();
        QCOMPARE(w->currentId(), int(Wizard::IdentityStep));
        QVERIFY(!nextEnabled(*w));
        typeText(edit(*w, "lastName"), lastName);
        typeText(edit(*w, "firstName"), firstName);
        typeText(edit(*w, "birthCertNo"), certNo);
        typeText(edit(*w, "birthDate"), birthDate);
        if (gender >= 0) {
            box(*w, "gender")->setFocus();
            for (int i = 0; i <= gender; ++i)
                QTest::keyClick(box(*w, "gender"), Qt::Key_Down);
            QCOMPARE(box(*w, "gender")->currentIndex(), gender);
        }
        QCOMPARE(w->violationCodes(Wizard::IdentityStep), codes);
        QCOMPARE(nextEnabled(*w), codes.isEmpty());
        for (const QString &code : codes) {
            const QString field = code.section(u'.', 0, 0);
            if (field == "gender"_L1 || field == "first_name"_L1)
                continue; // never typed in: not shown yet
            QVERIFY2(!w->shownMessage(field).isEmpty(), qPrintable(code));
        }
        if (codes == QStringList{u"birth_date.invalid"_s})
            QCOMPARE(w->shownMessage(u"birth_date"_s), rulesTr("This date does not exist in the calendar."));
    }

    void passwordRules_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("confirm");
        QTest::addColumn<QStringList>("unmet");

        QTest::newRow("good") << u"Golestan#1402"_s << u"Golestan#1402"_s << QStringList{};
        QTest::newRow("short") << u"Ab1"_s << u"Ab1"_s << QStringList{u"password.too_short"_s};
        QTest::newRow("no upper") << u"golestan1402"_s << u"golestan1402"_s << QStringList{u"password.no_upper"_s};
        QTest::newRow("no lower") << u"GOLESTAN1402"_s << u"GOLESTAN1402"_s << QStringList{u"password.no_lower"_s};
        QTest::newRow("no digit") << u"Golestanabc"_s << u"Golestanabc"_s << QStringList{u"password.no_digit"_s};
        QTest::newRow("starts with a digit")
            << u"1Golestan2"_s << u"1Golestan2"_s << QStringList{u"password.first_not_letter"_s};
        QTest::newRow("a space") << u"Golestan 1402"_s << u"Golestan 1402"_s
                                 << QStringList{u"password.invalid_chars"_s};
        QTest::newRow("Persian digits") << u"Golestan۱۴۰۲"_s << u"Golestan۱۴۰۲"_s
                                        << QStringList{u"password.invalid_chars"_s, u"password.no_digit"_s};
        QTest::newRow("the national code")
            << u"Ab0499370899"_s << u"Ab0499370899"_s << QStringList{u"password.contains_national_code"_s};
        QTest::newRow("the first name in Latin is fine") << u"AliGolestan1"_s << u"AliGolestan1"_s << QStringList{};
        QTest::newRow("repetition differs")
            << u"Golestan#1402"_s << u"Golestan#140"_s << QStringList{u"password.mismatch"_s};
    }

    // The checklist ticks per keystroke; Next waits for every rule.
    void passwordRules()
    {
        QFETCH(QString, password);
        QFETCH(QString, confirm);
        QFETCH(QStringList, unmet);
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        goToAccountStep(*w);
        QCOMPARE(w->passwordRules()->strengthText(), QString());
        typeText(edit(*w, "password"), password);
        QVERIFY(!w->passwordRules()->strengthText().isEmpty());
        typeText(edit(*w, "confirm"), confirm);
        const QStringList questions{u"favorite_color"_s, u"birth_city"_s, u"first_workplace"_s};
        const QStringList answers{u"آبی"_s, u"تهران"_s, u"کارخانه"_s};
        for (int row = 0; row < 3; ++row) {
            chooseQuestion(box(*w, qPrintable(u"question%1"_s.arg(row + 1))), questions.at(row));
            typeText(edit(*w, qPrintable(u"answer%1"_s.arg(row + 1))), answers.at(row));
        }
        QStringList shownUnmet = w->passwordRules()->unmetRules();
        shownUnmet.sort();
        QStringList expected = unmet;
        expected.sort();
        QCOMPARE(shownUnmet, expected);
        QCOMPARE(nextEnabled(*w), unmet.isEmpty());
        for (const QString &code : unmet) {
            auto *mark = w->findChild<QLabel *>(u"mark_"_s + code);
            QVERIFY(mark);
            QCOMPARE(mark->text(), u"✖"_s);
        }
    }

    void strengthFollowsThePassword()
    {
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        goToAccountStep(*w);
        QCOMPARE(w->passwordRules()->strengthPercent(), 0);
        typeText(edit(*w, "password"), u"Ab1"_s);
        const int weak = w->passwordRules()->strengthPercent();
        typeText(edit(*w, "password"), u"x#Golestan9q"_s);
        QVERIFY2(w->passwordRules()->strengthPercent() > weak, qPrintable(w->passwordRules()->strengthText()));
    }

    // A question chosen in one chooser is offered by neither of the other two; choosing
    // another gives it back.
    void choosersExcludeChosenQuestions()
    {
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        goToAccountStep(*w);
        const qsizetype all = questionCatalogue().size();
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(w->offeredQuestions(row).size(), all);
            QCOMPARE(box(*w, qPrintable(u"question%1"_s.arg(row + 1)))->currentIndex(), -1);
        }
        chooseQuestion(box(*w, "question1"), u"birth_city"_s);
        QVERIFY(w->offeredQuestions(0).contains(u"birth_city"_s));
        QVERIFY(!w->offeredQuestions(1).contains(u"birth_city"_s));
        QVERIFY(!w->offeredQuestions(2).contains(u"birth_city"_s));
        QCOMPARE(w->offeredQuestions(1).size(), all - 1);
        chooseQuestion(box(*w, "question2"), u"primary_teacher"_s);
        QCOMPARE(box(*w, "question1")->currentData().toString(), u"birth_city"_s);
        QCOMPARE(w->offeredQuestions(2).size(), all - 2);
        QVERIFY(!w->offeredQuestions(0).contains(u"primary_teacher"_s));
        // Changing the first choice frees birth_city for the others.
        chooseQuestion(box(*w, "question1"), u"favorite_color"_s);
        QVERIFY(w->offeredQuestions(1).contains(u"birth_city"_s));
        QVERIFY(w->offeredQuestions(2).contains(u"birth_city"_s));
        QVERIFY(!w->offeredQuestions(2).contains(u"favorite_color"_s));
        QCOMPARE(box(*w, "question2")->currentData().toString(), u"primary_teacher"_s);
    }

    void answers_data()
    {
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<int>("chosen"); // how many choosers get a question
        QTest::addColumn<QStringList>("codes");

        const QString tooShort = u"security_questions.answer_too_short"_s;
        const QString sameAnswer = u"security_questions.duplicate_answer"_s;
        const QString unknown = u"security_questions.unknown"_s;
        QTest::newRow("good") << QStringList{u"آبی"_s, u"تهران"_s, u"کارخانه"_s} << 3 << QStringList{};
        QTest::newRow("Arabic vs Persian letters")
            << QStringList{u"کريمي"_s, u"تهران"_s, u"کریمی"_s} << 3 << QStringList{sameAnswer};
        QTest::newRow("madda") << QStringList{u"آبی"_s, u"ابی"_s, u"Red"_s} << 3 << QStringList{sameAnswer};
        QTest::newRow("one letter") << QStringList{u"آبی"_s, u"ت"_s, u"کارخانه"_s} << 3 << QStringList{tooShort};
        QTest::newRow("empty") << QStringList{u"آبی"_s, QString(), u"کارخانه"_s} << 3 << QStringList{tooShort};
        QTest::newRow("a question not chosen")
            << QStringList{u"آبی"_s, u"تهران"_s, u"کارخانه"_s} << 2 << QStringList{unknown};
    }

    void answers()
    {
        QFETCH(QStringList, answers);
        QFETCH(int, chosen);
        QFETCH(QStringList, codes);
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        goToAccountStep(*w);
        typeText(edit(*w, "password"), u"Golestan#1402"_s);
        typeText(edit(*w, "confirm"), u"Golestan#1402"_s);
        for (int row = 0; row < 3; ++row) {
            if (row < chosen) {
                QComboBox *b = box(*w, qPrintable(u"question%1"_s.arg(row + 1)));
                b->setFocus();
                QTest::keyClick(b, Qt::Key_Down);
                QVERIFY(b->currentIndex() >= 0);
            }
            typeText(edit(*w, qPrintable(u"answer%1"_s.arg(row + 1))), answers.at(row));
        }
        QCOMPARE(w->violationCodes(Wizard::AccountStep), codes);
        QCOMPARE(nextEnabled(*w), codes.isEmpty());
        if (!codes.isEmpty())
            QVERIFY(!w->shownMessage(u"security_questions"_s).isEmpty());
        if (codes == QStringList{u"security_questions.duplicate_answer"_s})
            QCOMPARE(w->shownMessage(u"security_questions"_s), rulesTr("Give a different answer to each question."));
        if (codes.isEmpty())
            QCOMPARE(w->shownMessage(u"security_questions"_s), QString());
    }

    void badEmailIsShown()
    {
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        goToAccountStep(*w);
        typeText(edit(*w, "email"), u"ali@"_s);
        QVERIFY(w->violationCodes(Wizard::AccountStep).contains(u"email.invalid"_s));
        QCOMPARE(w->shownMessage(u"email"_s), rulesTr("The email address is not valid, e.g. name@example.com."));
    }

    // Esc with something typed asks first; no answers keeps the wizard; nothing is stored.
    void cancelStoresNothing()
    {
        const qsizetype auditBefore = db::auditLog(*m_db).size();
        {
            auto w = wizard(m_clerk);
            QVERIFY(showActive(*w));
            const int asked = ui::confirmationsAsked();
            QTest::keyClick(w.get(), Qt::Key_Escape); // nothing typed: closes without asking
            QCOMPARE(ui::confirmationsAsked(), asked);
            QVERIFY(!w->isVisible());
            QCOMPARE(w->result(), int(QDialog::Rejected));
        }
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        goToAccountStep(*w);
        typeText(edit(*w, "password"), u"Golestan#1402"_s);
        const int asked = ui::confirmationsAsked();
        ui::setNextConfirmAnswer(false);
        QTest::keyClick(focused(), Qt::Key_Escape);
        QCOMPARE(ui::confirmationsAsked(), asked + 1);
        QVERIFY(w->isVisible());
        QCOMPARE(edit(*w, "password")->text(), u"Golestan#1402"_s);
        ui::setNextConfirmAnswer(true);
        QTest::keyClick(focused(), Qt::Key_Escape);
        QCOMPARE(ui::confirmationsAsked(), asked + 2);
        QVERIFY(!w->isVisible());
        QCOMPARE(w->result(), int(QDialog::Rejected));
        QCOMPARE(edit(*w, "password")->text(), QString());
        QCOMPARE(requestCount(), 0);
        QCOMPARE(db::auditLog(*m_db).size(), auditBefore);
        QVERIFY(w->requestId().isEmpty());

        // The Cancel button asks the same way.
        auto w2 = wizard(m_clerk);
        QVERIFY(showActive(*w2));
        typeText(edit(*w2, "nationalCode"), kCode);
        ui::setNextConfirmAnswer(false);
        QTest::mouseClick(w2->button(QWizard::CancelButton), Qt::LeftButton);
        QCOMPARE(ui::confirmationsAsked(), asked + 3);
        QVERIFY(w2->isVisible());
        ui::setNextConfirmAnswer(true);
        QTest::mouseClick(w2->button(QWizard::CancelButton), Qt::LeftButton);
        QCOMPARE(ui::confirmationsAsked(), asked + 4);
        QVERIFY(!w2->isVisible());
        QCOMPARE(requestCount(), 0);
    }

    // The session lock rejects open dialogs: the wizard closes without asking (a box would
    // stand in front of the lock screen), and the secrets typed are wiped.
    void sessionLockClosesWithoutAsking()
    {
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        goToAccountStep(*w);
        typeText(edit(*w, "password"), u"Golestan#1402"_s);
        typeText(edit(*w, "answer1"), u"آبی"_s);
        const int asked = ui::confirmationsAsked();
        w->reject();
        QCOMPARE(ui::confirmationsAsked(), asked);
        QVERIFY(!w->isVisible());
        QCOMPARE(edit(*w, "password")->text(), QString());
        QCOMPARE(edit(*w, "answer1")->text(), QString());
        QCOMPARE(requestCount(), 0);
    }

    // A person with an active account is stopped on the first step.
    void existingAccountStopsOnStepOne()
    {
        const QString activated =
            test::activatedAccount(*m_ctx, test::sampleRegistration(kCode, u"09121234567"_s), kT0);
        QVERIFY2(activated.isEmpty(), qPrintable(activated));
        auto w = wizard(m_clerk);
        QVERIFY(showActive(*w));
        typeText(edit(*w, "nationalCode"), kCode);
        typeText(edit(*w, "mobile"), u"09121234567"_s);
        QVERIFY(nextEnabled(*w));
        pressEnter();
        QCOMPARE(w->currentId(), int(Wizard::CodesStep));
        QVERIFY(w->shownMessage(u"national_code"_s).contains(u"account"_s));
    }

    // The service checks the role again: an administrator's session (which never sees the
    // action) is refused at the submission, and nothing is stored.
    void serviceRefusesAnAdministrator()
    {
        auto w = wizard(m_admin);
        QVERIFY(showActive(*w));
        goToAccountStep(*w);
        edit(*w, "password")->setText(u"Golestan#1402"_s);
        edit(*w, "confirm")->setText(u"Golestan#1402"_s);
        const QStringList answers{u"آبی"_s, u"تهران"_s, u"کارخانه"_s};
        for (int row = 0; row < 3; ++row) {
            box(*w, qPrintable(u"question%1"_s.arg(row + 1)))->setCurrentIndex(0);
            edit(*w, qPrintable(u"answer%1"_s.arg(row + 1)))->setText(answers.at(row));
        }
        w->next();
        QCOMPARE(w->currentId(), int(Wizard::ReviewStep));
        w->next();
        QCOMPARE(w->currentId(), int(Wizard::ReviewStep));
        QVERIFY(!w->shownMessage(u"submit"_s).isEmpty());
        QVERIFY(w->requestId().isEmpty());
        QCOMPARE(requestCount(), 0);
    }

    void roles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("sees");
        QTest::newRow("clerk") << u"clerk"_s << true;
        QTest::newRow("supervisor") << u"supervisor"_s << true;
        QTest::newRow("admin") << u"admin"_s << false;
    }

    // Ctrl+N opens the wizard for the counter roles only; after the submission the new
    // applicant opens in the desk, with the registration's receipt and its tracking code.
    void roles()
    {
        QFETCH(QString, role);
        QFETCH(bool, sees);
        QVERIFY(addStaff(*m_ctx, u"boss"_s, u"supervisor"_s, u"Boss12345xRudKarun"_s, kT0).ok());
        const StaffSession session{role == "clerk"_L1 ? u"sara"_s : role == "admin"_L1 ? u"root1"_s : u"boss"_s, role};
        ui::MainWindow window(*m_ctx);
        window.setSession(session);
        QVERIFY(showActive(window));
        QCOMPARE(window.registerAction()->isVisible(), sees);
        QCOMPARE(window.registerAction()->shortcut(), QKeySequence(QKeySequence::New));
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(window.registrationWizard() != nullptr, sees);
        if (!sees)
            return;
        Wizard *w = window.registrationWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->setClock([] { return kT0; });
        goToAccountStep(*w);
        edit(*w, "password")->setText(u"Golestan#1402"_s);
        edit(*w, "confirm")->setText(u"Golestan#1402"_s);
        for (int row = 0; row < 3; ++row) {
            QComboBox *b = box(*w, qPrintable(u"question%1"_s.arg(row + 1)));
            b->setFocus();
            QTest::keyClick(b, Qt::Key_Down);
            edit(*w, qPrintable(u"answer%1"_s.arg(row + 1)))
                ->setText(QStringList{u"آبی"_s, u"تهران"_s, u"کارخانه"_s}.at(row));
        }
        QVERIFY2(nextEnabled(*w), qPrintable(w->violationCodes(Wizard::AccountStep).join(u',')));
        w->next();
        w->next(); // the commit: submits
        QCOMPARE(w->currentId(), int(Wizard::DoneStep));
        QPointer<Wizard> gone(w);
        w->accept();
        QTRY_VERIFY(!gone);
        QCOMPARE(window.centralWidget(), static_cast<QWidget *>(window.applicantView()));
        QCOMPARE(window.applicantView()->currentCase().nationalCode, kCode);
        QCOMPARE(window.statusBar()->currentMessage(), Wizard::submittedMessage());
        QCOMPARE(db::auditLog(*m_db).last().actor, session.login);

        const auto request = db::findCurrentRequest(*m_db, kCode);
        QVERIFY(request);
        ui::ReceiptDialog *receipt = window.receiptDialog();
        QVERIFY(receipt);
        QCOMPARE(receipt->receipt().action, u"request.submit"_s);
        QCOMPARE(receipt->receipt().nationalCode, kCode);
        QCOMPARE(receipt->receipt().staffLogin, session.login);
        QCOMPARE(receipt->receipt().trackingCode, trackingCode(request->id));
        const QString text = receipt->browser()->toPlainText();
        QVERIFY2(text.contains(trackingCode(request->id)) && !text.contains(request->id), qPrintable(text));
        QVERIFY2(text.contains(u"0912***4567"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Registration request submitted at the branch"_s), qPrintable(text));
        receipt->reject();
        QTRY_VERIFY(!window.receiptDialog());
    }
};

QTEST_MAIN(TestRegistrationWizard)
#include "TestRegistrationWizard.moc"
