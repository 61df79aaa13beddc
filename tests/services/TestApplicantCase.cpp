// The applicant view's case, read from a real SQLite file: request, registry, which
// identity fields differ (the comparison itself is tested in tests/unit/TestIdentity),
// status, history and SMS.
#include "app/core/PersianText.h"
#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Lifecycle.h"
#include "app/lifecycle/Review.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace branch;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);

RegistrationInput person(const QString &code)
{
    RegistrationInput in;
    in.nationalCode = code;
    in.mobile = QStringLiteral("09121234567");
    in.firstName = QStringLiteral("علی");
    in.lastName = QStringLiteral("رضایی");
    in.birthCertNo = QStringLiteral("123");
    in.birthDate = QStringLiteral("1365/04/12"); // 1986-07-03
    in.gender = QStringLiteral("M");
    in.password = in.passwordConfirm = QStringLiteral("Abcdefg1x");
    in.questions = {{QStringLiteral("favorite_color"), QStringLiteral("آبی")},
                    {QStringLiteral("birth_city"), QStringLiteral("تهران")},
                    {QStringLiteral("first_workplace"), QStringLiteral("کارخانه")}};
    return in;
}
} // namespace

class TestApplicantCase : public QObject
{
    Q_OBJECT

private slots:
    void caseFromDatabase()
    {
        QTemporaryDir dir;
        db::DbError err;
        auto database =
            db::Database::open(dir.filePath(QStringLiteral("c.db")), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(database);
        db::setMetaValue(*database, QStringLiteral("branch_code"), QStringLiteral("1001"));
        Context ctx{*database, QStringLiteral("1001")};
        const QString code = QStringLiteral("0499370899");

        auto missing = applicantCase(ctx, code);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.failure.kind, Failure::Kind::NotFound);
        QCOMPARE(applicantCase(ctx, QStringLiteral("123")).failure.kind, Failure::Kind::Rule);

        // The registry has another birth date: an identity mismatch, the date highlighted.
        db::RegistryPerson p{code,
                             QStringLiteral("علی"),
                             QStringLiteral("رضایی"),
                             QStringLiteral("حسن"),
                             normalizeName(QStringLiteral("علی")),
                             normalizeName(QStringLiteral("رضایی")),
                             normalizeName(QStringLiteral("حسن")),
                             QStringLiteral("123"),
                             QDate(1986, 7, 4),
                             QStringLiteral("M")};
        db::upsertRegistryPerson(*database, p, kT0);
        QVERIFY(submitRegistration(ctx, person(code), kT0).ok());
        QVERIFY(verifyPending(ctx, kT0.addSecs(60)).ok());

        auto c = applicantCase(ctx, QStringLiteral("۰۴۹۹۳۷۰۸۹۹"));
        QVERIFY2(c.ok(), qPrintable(c.failure.message()));
        QCOMPARE(c.value->nationalCode, code);
        QCOMPARE(c.value->status, RequestStatus::IdentityMismatch);
        QVERIFY(c.value->registry);
        QCOMPARE(c.value->fatherName, QStringLiteral("حسن"));
        QCOMPARE(c.value->differing, QStringList{QStringLiteral("birth_date")});
        QCOMPARE(c.value->request.birthDate, QDate(1986, 7, 3));
        QVERIFY(!c.value->hasAccount);
        QCOMPARE(c.value->mobile, QStringLiteral("09121234567"));
        QStringList actions;
        for (const auto &h : c.value->history)
            actions << h.action;
        QVERIFY2(actions.startsWith(QStringLiteral("request.submit")), qPrintable(actions.join(u' ')));
        QVERIFY(actions.contains(QStringLiteral("request.identity_mismatch")));
        QVERIFY(actions.contains(QStringLiteral("sms.queue")));
        QCOMPARE(c.value->sms.size(), 1);
        QCOMPARE(c.value->sms.first().kind, QStringLiteral("identity_mismatch"));
        QVERIFY(!c.value->sms.first().text.isEmpty());
    }

    // The verification, the review queue and the applicant view decide with one comparison,
    // also on registry rows stored in forms other than the desk's own (a registry feed's
    // digits, a matching form missing or computed by another version): before, the
    // verification compared the stored name forms and the raw certificate number, the view
    // normalised the values; they disagreed on the three middle rows. (The gender is
    // stored as M or F only: the tables check it.)
    void threeCallersAgree_data()
    {
        QTest::addColumn<QString>("firstName");
        QTest::addColumn<QString>("firstNameNorm");
        QTest::addColumn<QString>("birthCertNo");
        QTest::addColumn<QString>("gender");
        QTest::addColumn<QStringList>("differing");
        const QString ali = QStringLiteral("علی");
        QTest::newRow("as the desk stores it")
            << ali << normalizeName(ali) << QStringLiteral("123") << QStringLiteral("M") << QStringList();
        QTest::newRow("persian digits and zeros in the certificate")
            << ali << normalizeName(ali) << QStringLiteral("۰۱۲۳") << QStringLiteral("M") << QStringList();
        QTest::newRow("arabic yeh, no stored matching form")
            << QStringLiteral("علي") << QString() << QStringLiteral("123") << QStringLiteral("M") << QStringList();
        QTest::newRow("stale matching form hides another name")
            << QStringLiteral("رضا") << normalizeName(ali) << QStringLiteral("123") << QStringLiteral("M")
            << QStringList{QStringLiteral("first_name")};
        QTest::newRow("other certificate in persian digits")
            << ali << normalizeName(ali) << QStringLiteral("۱۲۴") << QStringLiteral("F")
            << QStringList{QStringLiteral("birth_cert_no"), QStringLiteral("gender")};
    }

    void threeCallersAgree()
    {
        QFETCH(QString, firstName);
        QFETCH(QString, firstNameNorm);
        QFETCH(QString, birthCertNo);
        QFETCH(QString, gender);
        QFETCH(QStringList, differing);

        QTemporaryDir dir;
        db::DbError err;
        auto database =
            db::Database::open(dir.filePath(QStringLiteral("a.db")), db::Database::OpenMode::CreateIfMissing, &err);
        QVERIFY(database);
        db::setMetaValue(*database, QStringLiteral("branch_code"), QStringLiteral("1001"));
        Context ctx{*database, QStringLiteral("1001")};
        const QString code = QStringLiteral("0499370899");
        const QString last = QStringLiteral("رضایی");
        db::upsertRegistryPerson(*database,
                                 db::RegistryPerson{code,
                                                    firstName,
                                                    last,
                                                    {},
                                                    firstNameNorm,
                                                    normalizeName(last),
                                                    {},
                                                    birthCertNo,
                                                    QDate(1986, 7, 3),
                                                    gender},
                                 kT0);
        QVERIFY(submitRegistration(ctx, person(code), kT0).ok());
        QVERIFY(verifyPending(ctx, kT0.addSecs(60)).ok());

        auto c = applicantCase(ctx, code);
        QVERIFY2(c.ok(), qPrintable(c.failure.message()));
        QCOMPARE(c.value->differing, differing);
        QCOMPARE(c.value->status,
                 differing.isEmpty() ? RequestStatus::BranchActivationRequired : RequestStatus::IdentityMismatch);
        auto queue = reviewQueue(ctx);
        QVERIFY(queue.ok());
        QCOMPARE(queue.value->size(), differing.isEmpty() ? 0 : 1);
        if (!differing.isEmpty())
            QCOMPARE(queue.value->first().differences, differing);
    }
};

QTEST_GUILESS_MAIN(TestApplicantCase)
#include "TestApplicantCase.moc"
