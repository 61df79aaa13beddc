// The applicant view's case: which identity fields differ from the civil registry after
// normalisation (letter variants, ZWNJ, digit scripts and leading zeros do not count), and
// the typed case read from a real SQLite file (request, registry, status, history, SMS).
#include "app/core/PersianText.h"
#include "app/lifecycle/ApplicantView.h"
#include "app/lifecycle/Lifecycle.h"
#include "db/Repository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace branch;

namespace
{
const QDateTime kT0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);

IdentityFields base()
{
    return {QStringLiteral("محمدحسین"), QStringLiteral("نیک‌پور"), QStringLiteral("123"), QDate(1986, 7, 3),
            QStringLiteral("M")};
}

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
    void differing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("expected");
        const QStringList none;
        // Same after normalisation.
        QTest::newRow("space instead of nothing")
            << QStringLiteral("first_name") << QStringLiteral("محمد حسین") << none;
        QTest::newRow("arabic letters") << QStringLiteral("first_name") << QStringLiteral("محمدحسين") << none;
        QTest::newRow("no zwnj") << QStringLiteral("last_name") << QStringLiteral("نیکپور") << none;
        QTest::newRow("arabic kaf and yeh") << QStringLiteral("last_name") << QStringLiteral("نيك‌پور") << none;
        QTest::newRow("persian digits") << QStringLiteral("birth_cert_no") << QStringLiteral("۱۲۳") << none;
        QTest::newRow("leading zeros") << QStringLiteral("birth_cert_no") << QStringLiteral("00123") << none;
        QTest::newRow("gender case") << QStringLiteral("gender") << QStringLiteral("m") << none;
        // Different.
        QTest::newRow("other first name")
            << QStringLiteral("first_name") << QStringLiteral("محمد") << QStringList{QStringLiteral("first_name")};
        QTest::newRow("other last name") << QStringLiteral("last_name") << QStringLiteral("نیک")
                                         << QStringList{QStringLiteral("last_name")};
        QTest::newRow("other cert") << QStringLiteral("birth_cert_no") << QStringLiteral("124")
                                    << QStringList{QStringLiteral("birth_cert_no")};
        QTest::newRow("other date") << QStringLiteral("birth_date") << QStringLiteral("1986-07-04")
                                    << QStringList{QStringLiteral("birth_date")};
        QTest::newRow("other gender") << QStringLiteral("gender") << QStringLiteral("F")
                                      << QStringList{QStringLiteral("gender")};
    }

    void differing()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QStringList, expected);
        IdentityFields request = base();
        if (field == QLatin1String("first_name"))
            request.firstName = value;
        else if (field == QLatin1String("last_name"))
            request.lastName = value;
        else if (field == QLatin1String("birth_cert_no"))
            request.birthCertNo = value;
        else if (field == QLatin1String("birth_date"))
            request.birthDate = QDate::fromString(value, Qt::ISODate);
        else
            request.gender = value;
        QCOMPARE(differingFields(request, base()), expected);
    }

    void severalFieldsInOrder()
    {
        IdentityFields request = base();
        request.gender = QStringLiteral("F");
        request.firstName = QStringLiteral("رضا");
        request.birthDate = request.birthDate.addDays(1);
        QCOMPARE(differingFields(request, base()),
                 (QStringList{QStringLiteral("first_name"), QStringLiteral("birth_date"), QStringLiteral("gender")}));
    }

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
};

QTEST_GUILESS_MAIN(TestApplicantCase)
#include "TestApplicantCase.moc"
