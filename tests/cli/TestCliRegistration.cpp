// branchctl register, end to end: the real binary on a real SQLite file. Accepted shapes
// (digit scripts, mobile forms), every rule's error code provoked on its own and several at
// once, wrong JSON types, malformed JSON, supersession of a pending request, account.exists;
// a refused request stores nothing (the database dump is the same before and after); the
// request's tracking code, typed as people type it, finds the person in `applicants search`.
#include "CliTestUtil.h"

#include <QTest>

using namespace clitest;
using namespace Qt::StringLiterals;

class TestCliRegistration : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void acceptsOneObject();
    void acceptsAnArrayInOrder();
    void acceptsFromFile();
    void acceptedShapes_data();
    void acceptedShapes();
    void refused_data();
    void refused();
    void severalViolationsAllListed();
    void wrongTypes_data();
    void wrongTypes();
    void malformedJson_data();
    void malformedJson();
    void mixedArrayExitsOne();
    void newRequestSupersedesPending();
    void accountExistsAfterActivation();
    void missingInputFileIsEnvironmentError();
    void searchByTrackingCode();

private:
    Workspace ws;
};

namespace
{

// Checks one refusal result object: accepted false, no request id, every error well formed.
void checkRefusedResult(const QJsonObject &res)
{
    QCOMPARE(res.value(u"accepted").toBool(true), false);
    QVERIFY(!res.contains(u"request_id"));
    const QJsonArray errors = res.value(u"errors").toArray();
    QVERIFY(!errors.isEmpty());
    for (const auto &e : errors) {
        const QJsonObject eo = e.toObject();
        const QString field = eo.value(u"field").toString();
        const QString code = eo.value(u"code").toString();
        QVERIFY2(code.startsWith(field + u'.'), qPrintable(code + u" / "_s + field));
        QVERIFY2(!eo.value(u"message").toString().trimmed().isEmpty(), qPrintable(code));
    }
}

// The tracking code of a request id, computed here from its definition (app/core/TrackingCode.h),
// not with the code under test: the low 35 bits of the id's last 9 hex digits as 7 Crockford
// base32 characters, then c = sum of d_p * alpha^(7-p) in GF(32) = GF(2)[x]/(x^5 + x^2 + 1).
QString expectedTrackingCode(const QString &requestId)
{
    const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const quint64 key = requestId.right(9).toULongLong(nullptr, 16) & ((quint64(1) << 35) - 1);
    auto times = [](unsigned a, unsigned b) { // carry-less product reduced by x^5 + x^2 + 1
        unsigned r = 0;
        for (int i = 0; i < 5; ++i)
            if (b & (1u << i))
                r ^= a << i;
        for (int i = 9; i >= 5; --i)
            if (r & (1u << i))
                r ^= 0x25u << (i - 5);
        return r;
    };
    QString out;
    unsigned check = 0;
    for (int p = 0; p < 7; ++p) {
        const unsigned d = unsigned(key >> (5 * (6 - p))) & 31;
        unsigned weight = 1;
        for (int k = 0; k < 7 - p; ++k)
            weight = times(weight, 2);
        check ^= times(d, weight);
        if (p == 4)
            out += u'-';
        out += QLatin1Char(alphabet[d]);
    }
    return out + QLatin1Char(alphabet[check]);
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

} // namespace

void TestCliRegistration::initTestCase()
{
    QVERIFY(ws.isValid());
    QVERIFY2(QFile::exists(branchctl()), BRANCHCTL_PATH);
}

void TestCliRegistration::acceptsOneObject()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(validRequest()));
    CLI_EXPECT(r, 0);
    QVERIFY(isOneJson(r));
    const QJsonArray out = r.json().array();
    QCOMPARE(out.size(), 1);
    const QJsonObject res = out.at(0).toObject();
    QCOMPARE(res.value(u"national_code").toString(), u"0012345679"_s);
    QCOMPARE(res.value(u"accepted").toBool(), true);
    QVERIFY(!res.value(u"request_id").toString().isEmpty());
    QVERIFY(!res.contains(u"errors"));

    const QJsonArray found = search(db, u"0012345679"_s);
    QCOMPARE(found.size(), 1);
    const QJsonObject row = found.at(0).toObject();
    QCOMPARE(row.value(u"status").toString(), u"submitted"_s);
    QCOMPARE(row.value(u"mobile").toString(), u"09121234567"_s);
    QCOMPARE(row.value(u"first_name").toString(), u"علی"_s);
    QCOMPARE(row.value(u"last_name").toString(), u"رضایی"_s);
    // Submitting is not activating: no account, no SMS yet.
    QCOMPARE(show(db, u"0012345679"_s).value(u"account").isNull(), true);
    QCOMPARE(smsList(db).size(), 0);
}

void TestCliRegistration::acceptsAnArrayInOrder()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const QStringList codes = {nationalCode(u"001234567"_s), nationalCode(u"123456789"_s),
                               nationalCode(u"987654321"_s)};
    QJsonArray reqs;
    for (const QString &c : codes)
        reqs.append(validRequest(c));
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s}, json(reqs)); // no FILE argument: standard input
    CLI_EXPECT(r, 0);
    QVERIFY(isOneJson(r));
    const QJsonArray out = r.json().array();
    QCOMPARE(out.size(), 3);
    QSet<QString> ids;
    for (int i = 0; i < 3; ++i) {
        const QJsonObject res = out.at(i).toObject();
        QCOMPARE(res.value(u"national_code").toString(), codes.at(i));
        QCOMPARE(res.value(u"accepted").toBool(), true);
        ids.insert(res.value(u"request_id").toString());
        QCOMPARE(search(db, codes.at(i)).size(), 1);
    }
    QCOMPARE(ids.size(), 3);
}

void TestCliRegistration::acceptsFromFile()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const QString file = ws.file(u"one.json"_s, json(validRequest()));
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s, file});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json().array().at(0).toObject().value(u"accepted").toBool(), true);
}

void TestCliRegistration::acceptedShapes_data()
{
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QStringList>("remove");
    QTest::addColumn<QString>("mobile"); // the stored (normalised) mobile
    const QString m = u"09121234567"_s;
    QTest::newRow("mobile 09") << QJsonObject{{u"mobile"_s, m}} << QStringList{} << m;
    QTest::newRow("mobile +989") << QJsonObject{{u"mobile"_s, u"+989121234567"_s}} << QStringList{} << m;
    QTest::newRow("mobile 00989") << QJsonObject{{u"mobile"_s, u"00989121234567"_s}} << QStringList{} << m;
    QTest::newRow("mobile 9") << QJsonObject{{u"mobile"_s, u"9121234567"_s}} << QStringList{} << m;
    QTest::newRow("mobile spaces") << QJsonObject{{u"mobile"_s, u"0912 123 4567"_s}} << QStringList{} << m;
    QTest::newRow("mobile dashes") << QJsonObject{{u"mobile"_s, u"0912-123-4567"_s}} << QStringList{} << m;
    QTest::newRow("mobile +98 spaced") << QJsonObject{{u"mobile"_s, u"+98 912 123 45 67"_s}} << QStringList{} << m;
    QTest::newRow("mobile Persian digits")
        << QJsonObject{{u"mobile"_s, toPersianDigits(u"0912 123 4567"_s)}} << QStringList{} << m;
    QTest::newRow("mobile Arabic-Indic digits")
        << QJsonObject{{u"mobile"_s, toArabicIndicDigits(u"+989121234567"_s)}} << QStringList{} << m;
    QTest::newRow("all digits Persian") << QJsonObject{{u"national_code"_s, toPersianDigits(u"0012345679"_s)},
                                                       {u"mobile"_s, toPersianDigits(m)},
                                                       {u"birth_cert_no"_s, toPersianDigits(u"12345"_s)},
                                                       {u"birth_date"_s, toPersianDigits(u"1365/04/12"_s)}}
                                        << QStringList{} << m;
    QTest::newRow("all digits Arabic-Indic") << QJsonObject{{u"national_code"_s, toArabicIndicDigits(u"0012345679"_s)},
                                                            {u"mobile"_s, toArabicIndicDigits(m)},
                                                            {u"birth_cert_no"_s, toArabicIndicDigits(u"12345"_s)},
                                                            {u"birth_date"_s, toArabicIndicDigits(u"1365/04/12"_s)}}
                                             << QStringList{} << m;
    QTest::newRow("email absent") << QJsonObject{} << QStringList{u"email"_s} << m;
    QTest::newRow("email empty") << QJsonObject{{u"email"_s, u""_s}} << QStringList{} << m;
    QTest::newRow("email null") << QJsonObject{{u"email"_s, QJsonValue::Null}} << QStringList{} << m;
    QTest::newRow("gender F") << QJsonObject{{u"gender"_s, u"F"_s}} << QStringList{} << m;
    QTest::newRow("birth cert equals national code")
        << QJsonObject{{u"birth_cert_no"_s, u"0012345679"_s}} << QStringList{} << m;
    QTest::newRow("leap day 1403/12/30") << QJsonObject{{u"birth_date"_s, u"1403/12/30"_s}} << QStringList{} << m;
    QTest::newRow("password with every allowed sign")
        << QJsonObject{{u"password"_s, u"Ab1&%$#!"_s}, {u"password_confirm"_s, u"Ab1&%$#!"_s}} << QStringList{} << m;
    QTest::newRow("Latin answers") << QJsonObject{{u"security_questions"_s,
                                                   questions(u"Blue"_s, u"Tabriz"_s, u"Bank"_s)}}
                                   << QStringList{} << m;
}

void TestCliRegistration::acceptedShapes()
{
    QFETCH(QJsonObject, patch);
    QFETCH(QStringList, remove);
    QFETCH(QString, mobile);
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    QJsonObject req = validRequest();
    for (auto it = patch.begin(); it != patch.end(); ++it)
        req.insert(it.key(), it.value());
    for (const QString &k : remove)
        req.remove(k);
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(req));
    CLI_EXPECT(r, 0);
    const QJsonObject res = r.json().array().at(0).toObject();
    QCOMPARE(res.value(u"accepted").toBool(), true);
    QCOMPARE(res.value(u"national_code").toString(), u"0012345679"_s); // normalised to ASCII
    const QJsonArray found = search(db, mobile);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).toObject().value(u"national_code").toString(), u"0012345679"_s);
    QCOMPARE(found.at(0).toObject().value(u"mobile").toString(), mobile);
}

void TestCliRegistration::refused_data()
{
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QStringList>("remove");
    QTest::addColumn<QStringList>("codes"); // exactly these, in any order

    auto pw = [](const QString &p) { return QJsonObject{{u"password"_s, p}, {u"password_confirm"_s, p}}; };
    auto row = [](const char *name, const QJsonObject &patch, const QStringList &codes,
                  const QStringList &remove = {}) { QTest::newRow(name) << patch << remove << codes; };

    // Password rules, one at a time.
    row("password.no_upper", pw(u"parvaz#2024"_s), {u"password.no_upper"_s});
    row("password.no_lower", pw(u"PARVAZ#2024"_s), {u"password.no_lower"_s});
    row("password.no_digit", pw(u"Parvaz#Abc"_s), {u"password.no_digit"_s});
    row("password.too_short", pw(u"Pa#1x"_s), {u"password.too_short"_s});
    row("password.too_short (7)", pw(u"Parva#1"_s), {u"password.too_short"_s});
    row("password.invalid_chars Persian letter", pw(u"Parvaz#2024ب"_s), {u"password.invalid_chars"_s});
    row("password.invalid_chars space", pw(u"Parvaz 2024"_s), {u"password.invalid_chars"_s});
    row("password.invalid_chars other sign", pw(u"Parvaz@2024"_s), {u"password.invalid_chars"_s});
    row("password.first_not_letter digit", pw(u"1Parvaz#2024"_s), {u"password.first_not_letter"_s});
    row("password.first_not_letter sign", pw(u"#Parvaz2024"_s), {u"password.first_not_letter"_s});
    {
        QJsonObject p = pw(u"Xali#2024"_s);
        p.insert(u"first_name"_s, u"Ali"_s);
        row("password.contains_first_name (Latin)", p, {u"password.contains_first_name"_s});
    }
    {
        QJsonObject p = pw(u"QKarimi#2024"_s);
        p.insert(u"last_name"_s, u"Karimi"_s);
        row("password.contains_last_name (Latin)", p, {u"password.contains_last_name"_s});
    }
    row("password.contains_national_code", pw(u"Pa0012345679"_s), {u"password.contains_national_code"_s});
    row("password.mismatch", QJsonObject{{u"password"_s, kPassword}, {u"password_confirm"_s, u"Parvaz#2025"_s}},
        {u"password.mismatch"_s});
    row("password.mismatch (absent confirmation)", {}, {u"password.mismatch"_s}, {u"password_confirm"_s});
    row("password.required", pw(u""_s), {u"password.required"_s});

    // Security questions.
    auto qs = [](const QJsonArray &a) { return QJsonObject{{u"security_questions"_s, a}}; };
    auto q = [](const QString &id, const QString &answer) {
        return QJsonObject{{u"question_id"_s, id}, {u"answer"_s, answer}};
    };
    row("security_questions.count (two)", qs({q(u"favorite_color"_s, u"آبی"_s), q(u"birth_city"_s, u"تهران"_s)}),
        {u"security_questions.count"_s});
    row("security_questions.count (four)",
        qs({q(u"favorite_color"_s, u"آبی"_s), q(u"birth_city"_s, u"تهران"_s), q(u"first_workplace"_s, u"بانک"_s),
            q(u"primary_teacher"_s, u"احمدی"_s)}),
        {u"security_questions.count"_s});
    row("security_questions.count (absent)", {}, {u"security_questions.count"_s}, {u"security_questions"_s});
    row("security_questions.unknown",
        qs({q(u"favorite_color"_s, u"آبی"_s), q(u"birth_city"_s, u"تهران"_s), q(u"pet_name"_s, u"پیشی"_s)}),
        {u"security_questions.unknown"_s});
    row("security_questions.duplicate_question",
        qs({q(u"favorite_color"_s, u"آبی"_s), q(u"favorite_color"_s, u"سبز"_s), q(u"first_workplace"_s, u"بانک"_s)}),
        {u"security_questions.duplicate_question"_s});
    row("security_questions.answer_too_short",
        qs({q(u"favorite_color"_s, u"آ"_s), q(u"birth_city"_s, u"تهران"_s), q(u"first_workplace"_s, u"بانک"_s)}),
        {u"security_questions.answer_too_short"_s});
    row("security_questions.duplicate_answer",
        qs({q(u"favorite_color"_s, u"تهران"_s), q(u"birth_city"_s, u"تهران"_s), q(u"first_workplace"_s, u"بانک"_s)}),
        {u"security_questions.duplicate_answer"_s});
    row("security_questions.duplicate_answer (case and spaces)",
        qs({q(u"favorite_color"_s, u"Bank Melli"_s), q(u"birth_city"_s, u"bankmelli"_s),
            q(u"first_workplace"_s, u"کرج"_s)}),
        {u"security_questions.duplicate_answer"_s});

    // National code.
    row("national_code.checksum", {{u"national_code"_s, badChecksumCode(u"001234567"_s)}},
        {u"national_code.checksum"_s});
    row("national_code.format (short)", {{u"national_code"_s, u"12345"_s}}, {u"national_code.format"_s});
    row("national_code.format (letter)", {{u"national_code"_s, u"00123456a9"_s}}, {u"national_code.format"_s});
    row("national_code.repeated", {{u"national_code"_s, u"1111111111"_s}}, {u"national_code.repeated"_s});
    row("national_code.required", {{u"national_code"_s, u""_s}}, {u"national_code.required"_s});

    // Mobile.
    row("mobile.landline", {{u"mobile"_s, u"02188776655"_s}}, {u"mobile.landline"_s});
    row("mobile.length", {{u"mobile"_s, u"0912123456"_s}}, {u"mobile.length"_s});
    row("mobile.format", {{u"mobile"_s, u"0912abc4567"_s}}, {u"mobile.format"_s});
    row("mobile.required", {}, {u"mobile.required"_s}, {u"mobile"_s});

    // Identity.
    row("first_name.required", {{u"first_name"_s, u"  "_s}}, {u"first_name.required"_s});
    row("first_name.invalid_chars", {{u"first_name"_s, u"علی2"_s}}, {u"first_name.invalid_chars"_s});
    row("last_name.invalid_chars", {{u"last_name"_s, u"رضایی!"_s}}, {u"last_name.invalid_chars"_s});
    row("birth_cert_no.zero", {{u"birth_cert_no"_s, u"0"_s}}, {u"birth_cert_no.zero"_s});
    row("birth_cert_no.zero (000)", {{u"birth_cert_no"_s, u"000"_s}}, {u"birth_cert_no.zero"_s});
    row("birth_cert_no.zero (Persian)", {{u"birth_cert_no"_s, u"۰"_s}}, {u"birth_cert_no.zero"_s});
    row("birth_cert_no.format", {{u"birth_cert_no"_s, u"12a"_s}}, {u"birth_cert_no.format"_s});
    row("birth_cert_no.required", {}, {u"birth_cert_no.required"_s}, {u"birth_cert_no"_s});
    row("birth_date.future", {{u"birth_date"_s, u"1450/01/01"_s}}, {u"birth_date.future"_s});
    row("birth_date.invalid 1402/12/30", {{u"birth_date"_s, u"1402/12/30"_s}}, {u"birth_date.invalid"_s});
    row("birth_date.invalid 1365/07/31", {{u"birth_date"_s, u"1365/07/31"_s}}, {u"birth_date.invalid"_s});
    row("birth_date.invalid month 13", {{u"birth_date"_s, u"1365/13/01"_s}}, {u"birth_date.invalid"_s});
    row("birth_date.format (two-digit year)", {{u"birth_date"_s, u"65/04/12"_s}}, {u"birth_date.format"_s});
    row("birth_date.format (day first)", {{u"birth_date"_s, u"12/04/1365"_s}}, {u"birth_date.format"_s});
    row("birth_date.format (text)", {{u"birth_date"_s, u"yesterday"_s}}, {u"birth_date.format"_s});
    row("birth_date.required", {{u"birth_date"_s, u""_s}}, {u"birth_date.required"_s});
    row("gender.invalid (X)", {{u"gender"_s, u"X"_s}}, {u"gender.invalid"_s});
    row("gender.invalid (2)", {{u"gender"_s, u"2"_s}}, {u"gender.invalid"_s});
    row("gender.required", {}, {u"gender.required"_s}, {u"gender"_s});
    row("email.invalid (no domain)", {{u"email"_s, u"ali@"_s}}, {u"email.invalid"_s});
    row("email.invalid (no @)", {{u"email"_s, u"ali.example.org"_s}}, {u"email.invalid"_s});
    row("email.invalid (no dot)", {{u"email"_s, u"ali@example"_s}}, {u"email.invalid"_s});
    row("email.invalid (two @)", {{u"email"_s, u"a@b@example.org"_s}}, {u"email.invalid"_s});
}

void TestCliRegistration::refused()
{
    QFETCH(QJsonObject, patch);
    QFETCH(QStringList, remove);
    QFETCH(QStringList, codes);
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    QJsonObject req = validRequest();
    for (auto it = patch.begin(); it != patch.end(); ++it)
        req.insert(it.key(), it.value());
    for (const QString &k : remove)
        req.remove(k);

    const QByteArray before = dump(db);
    const int entriesBefore = auditEntries(db);
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(req));
    CLI_REFUSED(r, 1);
    QVERIFY2(isOneJson(r), r.out.constData());
    const QJsonArray out = r.json().array();
    QCOMPARE(out.size(), 1);
    const QJsonObject res = out.at(0).toObject();
    checkRefusedResult(res);
    QCOMPARE(sorted(codesOf(res)), sorted(codes));

    // Nothing stored.
    QCOMPARE(dump(db), before);
    QCOMPARE(auditEntries(db), entriesBefore);
    QCOMPARE(search(db, u"0012345679"_s).size(), 0);
}

void TestCliRegistration::severalViolationsAllListed()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    QJsonObject req = validRequest();
    req.insert(u"national_code"_s, badChecksumCode(u"001234567"_s));
    req.insert(u"mobile"_s, u"02188776655"_s);
    req.insert(u"birth_cert_no"_s, u"0"_s);
    req.insert(u"birth_date"_s, u"1402/12/30"_s);
    req.insert(u"gender"_s, u"X"_s);
    req.insert(u"email"_s, u"nope"_s);
    req.insert(u"password"_s, u"1 ب"_s);
    req.insert(u"password_confirm"_s, u"1 ب"_s);
    req.insert(u"security_questions"_s, QJsonArray{});
    const QByteArray before = dump(db);
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(req));
    CLI_REFUSED(r, 1);
    const QJsonObject res = r.json().array().at(0).toObject();
    checkRefusedResult(res);
    const QStringList expected = {u"national_code.checksum"_s, u"mobile.landline"_s,
                                  u"birth_cert_no.zero"_s,     u"birth_date.invalid"_s,
                                  u"gender.invalid"_s,         u"email.invalid"_s,
                                  u"password.invalid_chars"_s, u"password.first_not_letter"_s,
                                  u"password.no_upper"_s,      u"password.no_lower"_s,
                                  u"password.too_short"_s,     u"security_questions.count"_s};
    QCOMPARE(sorted(codesOf(res)), sorted(expected));
    QCOMPARE(dump(db), before);

    // Two password rules with a good rest: exactly those two.
    req = validRequest();
    req.insert(u"password"_s, u"abc"_s);
    req.insert(u"password_confirm"_s, u"abd"_s);
    const auto r2 = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(req));
    CLI_REFUSED(r2, 1);
    QCOMPARE(sorted(codesOf(r2.json().array().at(0).toObject())),
             sorted({u"password.no_upper"_s, u"password.no_digit"_s, u"password.too_short"_s, u"password.mismatch"_s}));
    QCOMPARE(dump(db), before);
}

void TestCliRegistration::wrongTypes_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");
    QTest::newRow("national_code number")
        << u"national_code"_s << QJsonValue(12345679) << u"national_code.invalid_type"_s;
    QTest::newRow("mobile number") << u"mobile"_s << QJsonValue(9121234567.0) << u"mobile.invalid_type"_s;
    QTest::newRow("first_name array") << u"first_name"_s << QJsonValue(QJsonArray{u"علی"_s})
                                      << u"first_name.invalid_type"_s;
    QTest::newRow("birth_date number") << u"birth_date"_s << QJsonValue(13650412) << u"birth_date.invalid_type"_s;
    QTest::newRow("gender bool") << u"gender"_s << QJsonValue(true) << u"gender.invalid_type"_s;
    QTest::newRow("email number") << u"email"_s << QJsonValue(1) << u"email.invalid_type"_s;
    QTest::newRow("password object") << u"password"_s << QJsonValue(QJsonObject{{u"a"_s, 1}})
                                     << u"password.invalid_type"_s;
    QTest::newRow("password_confirm number") << u"password_confirm"_s << QJsonValue(1) << u"password.invalid_type"_s;
    QTest::newRow("security_questions string")
        << u"security_questions"_s << QJsonValue(u"abc"_s) << u"security_questions.invalid_type"_s;
    QTest::newRow("security_questions object")
        << u"security_questions"_s << QJsonValue(QJsonObject{{u"favorite_color"_s, u"آبی"_s}})
        << u"security_questions.invalid_type"_s;
    QTest::newRow("security_questions of numbers")
        << u"security_questions"_s << QJsonValue(QJsonArray{1, 2, 3}) << u"security_questions.invalid_type"_s;
    QTest::newRow("answer number")
        << u"security_questions"_s
        << QJsonValue(QJsonArray{QJsonObject{{u"question_id"_s, u"favorite_color"_s}, {u"answer"_s, 12}},
                                 QJsonObject{{u"question_id"_s, u"birth_city"_s}, {u"answer"_s, u"تهران"_s}},
                                 QJsonObject{{u"question_id"_s, u"first_workplace"_s}, {u"answer"_s, u"بانک"_s}}})
        << u"security_questions.invalid_type"_s;
}

void TestCliRegistration::wrongTypes()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    QJsonObject req = validRequest();
    req.insert(key, value);
    const QByteArray before = dump(db);
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(req));
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    const QJsonObject res = r.json().array().at(0).toObject();
    checkRefusedResult(res);
    QCOMPARE(codesOf(res), QStringList{code}); // the type error only: the rest of the request is good
    if (key == u"national_code")
        QVERIFY(res.value(u"national_code").isNull());
    else
        QCOMPARE(res.value(u"national_code").toString(), u"0012345679"_s);
    QCOMPARE(dump(db), before);
}

void TestCliRegistration::malformedJson_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::newRow("unclosed object") << QByteArray("{\"national_code\": \"0012345679\"") << u"input.malformed_json"_s;
    QTest::newRow("not json") << QByteArray("national_code=0012345679") << u"input.malformed_json"_s;
    QTest::newRow("unclosed array") << QByteArray("[{},") << u"input.malformed_json"_s;
    QTest::newRow("trailing garbage") << (json(validRequest()) + "}") << u"input.malformed_json"_s;
    QTest::newRow("empty input") << QByteArray() << u"input.malformed_json"_s;
    QTest::newRow("a number") << QByteArray("42") << u"input.malformed_json"_s;
    QTest::newRow("a string") << QByteArray("\"0012345679\"") << u"input.malformed_json"_s;
}

void TestCliRegistration::malformedJson()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, input);
    CLI_REFUSED(r, 1);
    QVERIFY2(isOneJson(r), r.out.constData());
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(u"ok").toBool(true), false);
    QCOMPARE(codesOf(o), QStringList{code});
    QCOMPARE(dump(db), before);
}

void TestCliRegistration::mixedArrayExitsOne()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const QString good1 = nationalCode(u"001234567"_s), good2 = nationalCode(u"123456789"_s);
    QJsonObject bad = validRequest(nationalCode(u"555555554"_s));
    bad.insert(u"gender"_s, u"X"_s);
    const QJsonArray reqs{validRequest(good1), bad, validRequest(good2), u"not an object"_s};
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(reqs));
    CLI_REFUSED(r, 1);
    QVERIFY(isOneJson(r));
    const QJsonArray out = r.json().array();
    QCOMPARE(out.size(), 4);
    QCOMPARE(out.at(0).toObject().value(u"accepted").toBool(), true);
    QCOMPARE(out.at(1).toObject().value(u"accepted").toBool(), false);
    QCOMPARE(codesOf(out.at(1).toObject()), QStringList{u"gender.invalid"_s});
    QCOMPARE(out.at(2).toObject().value(u"accepted").toBool(), true);
    QCOMPARE(out.at(3).toObject().value(u"accepted").toBool(), false);
    QCOMPARE(search(db, good1).size(), 1);
    QCOMPARE(search(db, good2).size(), 1);
    QCOMPARE(search(db, nationalCode(u"555555554"_s)).size(), 0);
}

void TestCliRegistration::newRequestSupersedesPending()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const auto r1 = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(validRequest()));
    CLI_EXPECT(r1, 0);
    const QString first = r1.json().array().at(0).toObject().value(u"request_id").toString();
    // The same person again, national code in Persian digits, another mobile.
    const auto r2 = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s},
                          json(validRequest(toPersianDigits(u"0012345679"_s), u"09351112233"_s)));
    CLI_EXPECT(r2, 0);
    const QString second = r2.json().array().at(0).toObject().value(u"request_id").toString();
    QVERIFY(first != second);

    const QJsonObject shown = show(db, u"0012345679"_s);
    QCOMPARE(shown.value(u"status").toString(), u"submitted"_s);
    QCOMPARE(shown.value(u"mobile").toString(), u"09351112233"_s);
    QHash<QString, QString> statusById;
    for (const auto &v : shown.value(u"requests").toArray())
        statusById.insert(v.toObject().value(u"id").toString(), v.toObject().value(u"status").toString());
    QCOMPARE(statusById.size(), 2);
    QCOMPARE(statusById.value(first), u"superseded"_s);
    QCOMPARE(statusById.value(second), u"submitted"_s);
    QVERIFY(historyActions(shown).contains(u"request.superseded"_s));

    // The search shows the live request only; the old mobile finds nothing.
    const QJsonArray found = search(db, u"0012345679"_s);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).toObject().value(u"mobile").toString(), u"09351112233"_s);
    QCOMPARE(search(db, u"09121234567"_s).size(), 0);

    // Verification decides only the live request.
    const auto v = ctlAs(db, u"service"_s, {u"verify"_s});
    CLI_EXPECT(v, 0);
    const QJsonArray decisions = v.json().array();
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions.at(0).toObject().value(u"request_id").toString(), second);
}

void TestCliRegistration::accountExistsAfterActivation()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const QString reg = ws.file(u"registry.csv"_s, kRegistryHeader + "0012345679,علی,رضایی,حسن,12345,1365/04/12,M\n");
    const QString own = ws.file(u"owners.csv"_s, "national_code,mobile\n0012345679,09121234567\n");
    CLI_EXPECT(ctlAs(db, u"admin"_s, {u"import-registry"_s, reg}), 0);
    CLI_EXPECT(ctlAs(db, u"admin"_s, {u"import-mobile-owners"_s, own}), 0);
    CLI_EXPECT(ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(validRequest())), 0);
    const auto v = ctlAs(db, u"service"_s, {u"verify"_s});
    CLI_EXPECT(v, 0);
    QCOMPARE(v.json().array().at(0).toObject().value(u"outcome").toString(), u"activated"_s);

    const QByteArray before = dump(db);
    const auto r =
        ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(validRequest(toArabicIndicDigits(u"0012345679"_s))));
    CLI_REFUSED(r, 1);
    const QJsonObject res = r.json().array().at(0).toObject();
    checkRefusedResult(res);
    QCOMPARE(codesOf(res), QStringList{u"account.exists"_s});
    QCOMPARE(res.value(u"errors").toArray().at(0).toObject().value(u"field").toString(), u"account"_s);
    QCOMPARE(dump(db), before);
}

void TestCliRegistration::missingInputFileIsEnvironmentError()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const QByteArray before = dump(db);
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s, ws.path(u"no-such-file.json"_s)});
    CLI_REFUSED(r, 3);
    QCOMPARE(dump(db), before);
}

void TestCliRegistration::searchByTrackingCode()
{
    const QString db = ws.newDb();
    QVERIFY(!db.isEmpty());
    const auto r = ctlAs(db, u"clerk"_s, {u"register"_s, u"-"_s}, json(validRequest()));
    CLI_EXPECT(r, 0);
    const QString requestId = r.json().array().at(0).toObject().value(u"request_id").toString();
    QCOMPARE(requestId.size(), 36);
    const QString code = expectedTrackingCode(requestId);
    QString persian = code.toLower();
    for (QChar &c : persian)
        if (c >= u'0' && c <= u'9')
            c = QChar(0x06F0 + (c.unicode() - u'0'));
    for (const QString &typed : {code, code.toLower(), QString(code).remove(u'-'), persian}) {
        const QJsonArray found = search(db, typed);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).toObject().value(u"national_code").toString(), u"0012345679"_s);
    }
    // One character changed: the check character refuses it, nobody is found.
    QString typo = code;
    typo[0] = typo[0] == u'Z' ? u'Y' : u'Z';
    QCOMPARE(search(db, typo).size(), 0);
}

QTEST_GUILESS_MAIN(TestCliRegistration)
#include "TestCliRegistration.moc"
