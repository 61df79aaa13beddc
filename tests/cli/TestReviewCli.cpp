// branchctl's supervisor review queue, end to end with the real binary: review list (JSON,
// oldest first, request beside the registry's reference), review propose (password first on
// stdin, corrected fields as JSON after), review approve by another supervisor; the refusals
// (own proposal, clerk, correction still mismatching, reject without reason, double
// approval) exit 1 with a JSON error on stdout and change nothing.
#include "CliTestUtil.h"

#include <QTest>

using namespace clitest;
using namespace Qt::StringLiterals;

namespace
{

const QString kSup1Pw = u"Super#2024aRudZayandeh"_s;
const QString kSup2Pw = u"Super#2024bDashtMoghan"_s;
const QString kClerkPw = u"Clerk#2024xKuhSabalan"_s;
const QDateTime kT0 = QDateTime(QDate(2025, 6, 1), QTime(7, 30), Qt::UTC);

const QString kKazem = u"0067749828"_s; // typed another first name (کامران, registry: کاظم)
const QString kAli = u"0012345679"_s;   // typed another last name later (رضوی, registry: رضایی)

QString at(qint64 seconds)
{
    return iso(kT0.addSecs(seconds));
}

QJsonObject person(const QString &code, const QString &first, const QString &last, const QString &mobile)
{
    QJsonObject r = validRequest(code, mobile);
    r.insert(u"first_name"_s, first);
    r.insert(u"last_name"_s, last);
    r.insert(u"gender"_s, u"M"_s);
    return r;
}

QJsonObject object(const CliResult &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestReviewCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(ws.isValid()); }

    void listOldestFirst()
    {
        const QString db = reviewDb();
        QVERIFY(!db.isEmpty());
        const CliResult r = ctlAs(db, u"supervisor"_s, {u"review"_s, u"list"_s});
        QVERIFY2(r.exitCode == 0 && isOneJson(r), qPrintable(describe(r)));
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 2);
        const QJsonObject first = list.at(0).toObject();
        QCOMPARE(first.value(u"national_code"_s).toString(), kKazem);
        QCOMPARE(first.value(u"type"_s).toString(), u"identity_mismatch"_s);
        QCOMPARE(first.value(u"request"_s).toObject().value(u"first_name"_s).toString(), u"کامران"_s);
        QCOMPARE(first.value(u"reference"_s).toObject().value(u"first_name"_s).toString(), u"کاظم"_s);
        QCOMPARE(first.value(u"request"_s).toObject().value(u"birth_date"_s).toString(), u"1365/04/12"_s);
        QCOMPARE(first.value(u"differences"_s).toArray(), QJsonArray{u"first_name"_s});
        QVERIFY(first.value(u"proposal"_s).isNull());
        QCOMPARE(list.at(1).toObject().value(u"national_code"_s).toString(), kAli);
        QVERIFY(list.at(0).toObject().value(u"since"_s).toString() <
                list.at(1).toObject().value(u"since"_s).toString());
    }

    void correctThenApproveByAnother()
    {
        const QString db = reviewDb();
        QVERIFY(!db.isEmpty());
        // Persian digits and the Arabic kaf in the corrected name: the same under the rule.
        const QByteArray corrections = json(QJsonObject{{u"first_name"_s, u"كاظم"_s}});
        const CliResult p = ctl(db,
                                {u"--now"_s, at(0), u"review"_s, u"propose"_s, toPersianDigits(kKazem), u"--kind"_s,
                                 u"correct"_s, u"--staff"_s, u"sup1"_s},
                                kSup1Pw.toUtf8() + '\n' + corrections);
        QVERIFY2(p.exitCode == 0 && isOneJson(p), qPrintable(describe(p)));
        const QString id = object(p).value(u"proposal_id"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(object(p).value(u"kind"_s).toString(), u"correct_and_activate"_s);

        // The list shows it waiting.
        const QJsonArray list =
            QJsonDocument::fromJson(ctlAs(db, u"supervisor"_s, {u"review"_s, u"list"_s}).out).array();
        QCOMPARE(list.at(0).toObject().value(u"proposal"_s).toObject().value(u"proposal_id"_s).toString(), id);
        QCOMPARE(list.at(0).toObject().value(u"proposal"_s).toObject().value(u"proposed_by"_s).toString(), u"sup1"_s);

        // The proposer cannot approve it: exit 1, JSON error, nothing changed.
        const QByteArray before = dump(db);
        const CliResult own = ctl(db, {u"--now"_s, at(60), u"review"_s, u"approve"_s, id, u"--staff"_s, u"sup1"_s},
                                  kSup1Pw.toUtf8() + '\n');
        QCOMPARE(own.exitCode, 1);
        QVERIFY(isOneJson(own));
        QCOMPARE(codesOf(object(own)), QStringList{u"review.own_proposal"_s});
        QVERIFY(!own.err.isEmpty());
        // Only the failed-login bookkeeping may differ; a correct password leaves none.
        QCOMPARE(dump(db), before);

        // A clerk cannot either.
        const CliResult clerk = ctl(db, {u"--now"_s, at(60), u"review"_s, u"approve"_s, id, u"--staff"_s, u"clerk1"_s},
                                    kClerkPw.toUtf8() + '\n');
        QCOMPARE(clerk.exitCode, 1);
        QCOMPARE(codesOf(object(clerk)), QStringList{u"staff.not_allowed"_s});

        const CliResult ok = ctl(db, {u"--now"_s, at(120), u"review"_s, u"approve"_s, id, u"--staff"_s, u"sup2"_s},
                                 kSup2Pw.toUtf8() + '\n');
        QVERIFY2(ok.exitCode == 0, qPrintable(describe(ok)));
        QCOMPARE(object(ok).value(u"status"_s).toString(), u"activated"_s);
        QCOMPARE(show(db, kKazem).value(u"status"_s).toString(), u"activated"_s);
        const QStringList actions = historyActions(show(db, kKazem));
        QVERIFY2(actions.contains(u"review.propose"_s) && actions.contains(u"review.approve"_s),
                 qPrintable(actions.join(u", "_s)));
        const QJsonArray sms = smsList(db);
        QVERIFY(sms.last().toObject().value(u"text"_s).toString().contains(u"حساب کاربری شما فعال گردید"_s));
        QCOMPARE(sms.last().toObject().value(u"national_code"_s).toString(), kKazem);

        // Approved once.
        const CliResult again = ctl(db, {u"--now"_s, at(180), u"review"_s, u"approve"_s, id, u"--staff"_s, u"sup2"_s},
                                    kSup2Pw.toUtf8() + '\n');
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(codesOf(object(again)), QStringList{u"review.already_decided"_s});
        QCOMPARE(QJsonDocument::fromJson(ctlAs(db, u"supervisor"_s, {u"review"_s, u"list"_s}).out).array().size(), 1);
    }

    void sendBackAndReject()
    {
        const QString db = reviewDb();
        QVERIFY(!db.isEmpty());
        const CliResult p1 = ctl(db,
                                 {u"--now"_s, at(0), u"review"_s, u"propose"_s, kKazem, u"--kind"_s, u"send_back"_s,
                                  u"--staff"_s, u"sup1"_s},
                                 kSup1Pw.toUtf8() + '\n');
        QVERIFY2(p1.exitCode == 0, qPrintable(describe(p1)));
        const CliResult p2 = ctl(db,
                                 {u"--now"_s, at(0), u"review"_s, u"propose"_s, kAli, u"--kind"_s, u"reject"_s,
                                  u"--reason"_s, u"Forged birth certificate"_s, u"--staff"_s, u"sup2"_s},
                                 kSup2Pw.toUtf8() + '\n');
        QVERIFY2(p2.exitCode == 0, qPrintable(describe(p2)));
        const int smsBefore = smsList(db).size();
        QCOMPARE(ctl(db,
                     {u"--now"_s, at(60), u"review"_s, u"approve"_s, object(p1).value(u"proposal_id"_s).toString(),
                      u"--staff"_s, u"sup2"_s},
                     kSup2Pw.toUtf8() + '\n')
                     .exitCode,
                 0);
        QCOMPARE(ctl(db,
                     {u"--now"_s, at(60), u"review"_s, u"approve"_s, object(p2).value(u"proposal_id"_s).toString(),
                      u"--staff"_s, u"sup1"_s},
                     kSup1Pw.toUtf8() + '\n')
                     .exitCode,
                 0);
        QCOMPARE(show(db, kKazem).value(u"status"_s).toString(), u"rejected"_s);
        QCOMPARE(show(db, kAli).value(u"status"_s).toString(), u"rejected"_s);
        // Only the send-back tells the person (the seed's "register again" text).
        const QJsonArray sms = smsList(db);
        QCOMPARE(sms.size(), smsBefore + 1);
        QVERIFY(sms.last().toObject().value(u"text"_s).toString().contains(u"میتوانید مجدداً ثبت نام نمائید"_s));
        QCOMPARE(sms.last().toObject().value(u"national_code"_s).toString(), kKazem);
        QVERIFY(QJsonDocument::fromJson(ctlAs(db, u"supervisor"_s, {u"review"_s, u"list"_s}).out).array().isEmpty());
    }

    void proposeRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("stdinText");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("codes");
        const QByteArray sup1 = kSup1Pw.toUtf8() + '\n';
        QTest::newRow("still mismatching") << QStringList{kKazem, u"--kind"_s, u"correct"_s, u"--staff"_s, u"sup1"_s}
                                           << (sup1 + json(QJsonObject{{u"first_name"_s, u"کامبیز"_s}})) << 1
                                           << QStringList{u"review.still_mismatch"_s};
        QTest::newRow("reject without reason") << QStringList{kKazem, u"--kind"_s, u"reject"_s, u"--staff"_s, u"sup1"_s}
                                               << sup1 << 1 << QStringList{u"reason.required"_s};
        QTest::newRow("clerk") << QStringList{kKazem, u"--kind"_s, u"send_back"_s, u"--staff"_s, u"clerk1"_s}
                               << (kClerkPw.toUtf8() + '\n') << 1 << QStringList{u"staff.not_allowed"_s};
        QTest::newRow("wrong password") << QStringList{kKazem, u"--kind"_s, u"send_back"_s, u"--staff"_s, u"sup1"_s}
                                        << QByteArray("Nope#1234x\n") << 1 << QStringList{u"staff.wrong_password"_s};
        QTest::newRow("corrections not JSON") << QStringList{kKazem, u"--kind"_s, u"correct"_s, u"--staff"_s, u"sup1"_s}
                                              << (sup1 + "{oops") << 1 << QStringList{u"input.malformed_json"_s};
        QTest::newRow("unknown field") << QStringList{kKazem, u"--kind"_s, u"correct"_s, u"--staff"_s, u"sup1"_s}
                                       << (sup1 + json(QJsonObject{{u"mobile"_s, u"09120000000"_s}})) << 1
                                       << QStringList{u"corrections.unknown_field"_s};
        QTest::newRow("bad kind") << QStringList{kKazem, u"--kind"_s, u"approve"_s, u"--staff"_s, u"sup1"_s} << sup1
                                  << 2 << QStringList{};
    }

    void proposeRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, stdinText);
        QFETCH(int, exitCode);
        QFETCH(QStringList, codes);
        if (m_refusalDb.isEmpty())
            m_refusalDb = reviewDb();
        QVERIFY(!m_refusalDb.isEmpty());
        // The staff rows aside: a sign-in that succeeds clears an earlier row's wrong-password
        // count (the sign-in comes before the input is read).
        const auto withoutStaff = [](QByteArray d) {
            QByteArray out;
            for (const QByteArray &line : d.split('\n'))
                if (!line.startsWith("INSERT INTO staff "))
                    out += line + '\n';
            return out;
        };
        const QByteArray before = withoutStaff(dump(m_refusalDb));
        const CliResult r =
            ctl(m_refusalDb, QStringList{u"--now"_s, at(0), u"review"_s, u"propose"_s} + args, stdinText);
        QVERIFY2(r.exitCode == exitCode, qPrintable(describe(r)));
        QVERIFY(!r.err.isEmpty());
        if (exitCode == 1) {
            QVERIFY(isOneJson(r));
            QVERIFY2(codesOf(object(r)) == codes, qPrintable(describe(r)));
        }
        // A sign-in refusal is audited (and a wrong password counted for the lockout).
        if (!codes.contains(u"staff.wrong_password"_s) && !codes.contains(u"staff.not_allowed"_s))
            QCOMPARE(withoutStaff(dump(m_refusalDb)), before);
    }

private:
    // Two supervisors, a clerk, and two identity-mismatch requests (Kazem's older).
    QString reviewDb()
    {
        const QString db = ws.newDb();
        if (db.isEmpty())
            return {};
        QByteArray reg = kRegistryHeader;
        reg += (kAli + u",علی,رضایی,حسن,12345,1365/04/12,M\n"_s).toUtf8();
        reg += (kKazem + u",کاظم,کریمی,,12345,1365/04/12,M\n"_s).toUtf8();
        const QList<CliResult> steps = {
            ctlAs(db, u"admin"_s,
                  {u"--now"_s, at(-5 * 3600), u"user"_s, u"add"_s, u"sup1"_s, u"--role"_s, u"supervisor"_s},
                  kSup1Pw.toUtf8() + '\n'),
            ctlAs(db, u"admin"_s,
                  {u"--now"_s, at(-5 * 3600), u"user"_s, u"add"_s, u"sup2"_s, u"--role"_s, u"supervisor"_s},
                  kSup2Pw.toUtf8() + '\n'),
            ctlAs(db, u"admin"_s,
                  {u"--now"_s, at(-5 * 3600), u"user"_s, u"add"_s, u"clerk1"_s, u"--role"_s, u"clerk"_s},
                  kClerkPw.toUtf8() + '\n'),
            ctlAs(db, u"admin"_s, {u"--now"_s, at(-5 * 3600), u"import-registry"_s, ws.file(u"reg.csv"_s, reg)}),
            ctlAs(db, u"clerk"_s, {u"--now"_s, at(-4 * 3600), u"register"_s, u"-"_s},
                  json(QJsonArray{person(kKazem, u"کامران"_s, u"کریمی"_s, u"09191112233"_s)})),
            ctlAs(db, u"service"_s, {u"--now"_s, at(-4 * 3600 + 60), u"verify"_s}),
            ctlAs(db, u"clerk"_s, {u"--now"_s, at(-3 * 3600), u"register"_s, u"-"_s},
                  json(QJsonArray{person(kAli, u"علی"_s, u"رضوی"_s, u"09121234567"_s)})),
            ctlAs(db, u"service"_s, {u"--now"_s, at(-3 * 3600 + 60), u"verify"_s}),
        };
        for (const auto &s : steps)
            if (s.exitCode != 0) {
                qWarning("setup failed: %s", qPrintable(describe(s)));
                return {};
            }
        return db;
    }

    Workspace ws;
    QString m_refusalDb;
};

QTEST_GUILESS_MAIN(TestReviewCli)
#include "TestReviewCli.moc"
