// Tests of the demo data generator (db/DemoData): counts and status mix, valid and unique
// national codes, consistency between requests, accounts and reference rows, determinism,
// and that the generated people are found by the applicant searches.
#include "app/core/NationalCode.h"
#include "app/core/PersianText.h"
#include "app/security/AuditChain.h"
#include "db/AuditRepository.h"
#include "db/DemoData.h"
#include "db/MetaRepository.h"
#include "db/SearchRepository.h"
#include "db/SyncRepository.h"

#include <QCalendar>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace branch;

namespace
{

const QDateTime kNow(QDate(2025, 11, 25), QTime(10, 0), Qt::UTC);
const QStringList kStatuses = {
    QStringLiteral("submitted"),         QStringLiteral("activated"), QStringLiteral("branch_activation_required"),
    QStringLiteral("identity_mismatch"), QStringLiteral("expired"),   QStringLiteral("superseded"),
    QStringLiteral("rejected")};

std::unique_ptr<db::Database> openDb(const QString &path)
{
    db::DbError err;
    auto d = db::Database::open(path, db::Database::OpenMode::CreateIfMissing, &err);
    if (d)
        db::setMetaValue(*d, QStringLiteral("branch_code"), QStringLiteral("1001"));
    else
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(err.detail));
    return d;
}

db::DemoStats generate(db::Database &d, qint64 persons, quint64 seed)
{
    db::DemoOptions opt;
    opt.persons = persons;
    opt.seed = seed;
    opt.branchCode = QStringLiteral("1001");
    opt.now = kNow;
    return db::generateDemoData(d, opt);
}

qint64 count(db::Database &d, const QString &sql)
{
    QSqlQuery q(d.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QStringList column(db::Database &d, const QString &sql)
{
    QSqlQuery q(d.connection());
    QStringList out;
    if (!q.exec(sql))
        return {QStringLiteral("<error>")};
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << q.value(i).toString();
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

bool found(const QList<db::ApplicantRow> &rows, const QString &code)
{
    return std::any_of(rows.begin(), rows.end(), [&](const db::ApplicantRow &r) { return r.nationalCode == code; });
}

// A SHA-256 over every row of every table (the name index's shadow tables aside: the index
// is read through request_names), tables by name, rows by primary key (rowid where there is
// none), NULL told apart from ''. Left out, as they differ from run to run: the scrypt
// hashes (random salts: the demo password and answers) and the "demo.generate" audit entry's
// random id with the hashes that follow from it (its row's hash and prev_hash, and meta
// audit_last_hash).
QByteArray fingerprint(db::Database &d, QStringList *tables)
{
    QCryptographicHash sha(QCryptographicHash::Sha256);
    QSqlQuery t(d.connection());
    if (!t.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND "
                               "name NOT LIKE 'request\\_names\\_%' ESCAPE '\\' ORDER BY name")))
        return {};
    const QRegularExpression answerHash(QStringLiteral("\"answer_hash\":\"scrypt\\$[^\"]*\""));
    while (t.next()) {
        const QString table = t.value(0).toString();
        *tables << table;
        QStringList key;
        QSqlQuery info(d.connection());
        if (!info.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') WHERE pk > 0 ORDER BY pk").arg(table)))
            return {};
        while (info.next())
            key << info.value(0).toString();
        const QString select = key.isEmpty()
                                   ? QStringLiteral("SELECT rowid, * FROM %1 ORDER BY rowid").arg(table)
                                   : QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, key.join(u','));
        QSqlQuery q(d.connection());
        if (!q.exec(select))
            return {};
        sha.addData(QStringLiteral("table %1\n").arg(table).toUtf8());
        while (q.next()) {
            QSqlRecord rec = q.record();
            if (table == QLatin1String("audit_log") &&
                rec.value(QStringLiteral("action")).toString() == QLatin1String("demo.generate")) {
                rec.setValue(QStringLiteral("id"), QStringLiteral("<random>"));
                rec.setValue(QStringLiteral("hash"), QStringLiteral("<random>"));
                rec.setValue(QStringLiteral("prev_hash"), QStringLiteral("<random>"));
            }
            if (table == QLatin1String("meta") && rec.value(0).toString() == QLatin1String("audit_last_hash"))
                continue;
            // SQLite computes it from the id (009_tracking_key.sql): not a value the generator writes.
            if (table == QLatin1String("requests"))
                rec.remove(rec.indexOf(QStringLiteral("tracking_key")));
            QStringList cells;
            for (int i = 0; i < rec.count(); ++i) {
                const QVariant v = rec.value(i);
                QString cell = v.isNull() ? QStringLiteral("\\N") : v.toString();
                if (rec.fieldName(i) == QLatin1String("password_hash") && cell.startsWith(QLatin1String("scrypt$")))
                    cell = QStringLiteral("<scrypt>");
                else if (rec.fieldName(i) == QLatin1String("questions_json"))
                    cell.replace(answerHash, QStringLiteral("\"answer_hash\":\"<scrypt>\""));
                cells << rec.fieldName(i) + u'=' + cell;
            }
            sha.addData(cells.join(QChar(0x1F)).append(u'\n').toUtf8());
        }
    }
    return sha.result().toHex();
}

QString arabicKeyboard(QString s)
{
    s.replace(QChar(0x06CC), QChar(0x064A));
    s.replace(QChar(0x06A9), QChar(0x0643));
    return s;
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private slots:
    void countsAndStatusMix();
    void rowsAreConsistent();
    void deterministicForASeed();
    void generatedPeopleAreFound();
    void runningAgainAddsPersons();
    void progressIsReported();
    void sameRowsAsBefore();

private:
    QTemporaryDir m_dir;
};

void TestDemoData::countsAndStatusMix()
{
    auto d = openDb(m_dir.filePath(QStringLiteral("counts.db")));
    QVERIFY(d);
    const db::DemoStats s = generate(*d, 2000, 7);
    QCOMPARE(s.persons, 2000);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM registry_persons")), 2000);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(DISTINCT national_code) FROM requests")), 2000);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM requests")), s.requests);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM request_names")), s.requests);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM accounts")), s.accounts);
    QCOMPARE(s.accounts, s.byStatus.value(QStringLiteral("activated")));
    // one request per person, plus the newer one of each superseded request
    QCOMPARE(s.requests, 2000 + s.byStatus.value(QStringLiteral("superseded")));
    const qint64 owners = count(*d, QStringLiteral("SELECT count(*) FROM mobile_owners"));
    QVERIFY2(owners > 1600 && owners <= 2000, qPrintable(QString::number(owners)));

    // Every status, in roughly the intended proportions (percent of persons).
    const QMap<QString, std::pair<int, int>> expected = {{QStringLiteral("submitted"), {8, 12}},
                                                         {QStringLiteral("activated"), {50, 64}},
                                                         {QStringLiteral("branch_activation_required"), {11, 19}},
                                                         {QStringLiteral("identity_mismatch"), {7, 13}},
                                                         {QStringLiteral("expired"), {3, 7}},
                                                         {QStringLiteral("superseded"), {1, 5}},
                                                         {QStringLiteral("rejected"), {1, 4}}};
    for (const QString &status : kStatuses) {
        const qint64 n = s.byStatus.value(status);
        const qint64 inDb = count(*d, QStringLiteral("SELECT count(*) FROM requests WHERE status = '%1'").arg(status));
        QCOMPARE(inDb, n);
        const auto [lo, hi] = expected.value(status);
        QVERIFY2(n * 100 >= lo * 2000 && n * 100 <= hi * 2000, qPrintable(QStringLiteral("%1: %2").arg(status).arg(n)));
    }
    QCOMPARE(s.byStatus.size(), kStatuses.size());

    // Already-synced reference data: nothing queued, one audit entry.
    QCOMPARE(db::outboxCount(*d), 0);
    const auto audit = db::auditLog(*d);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().action, QStringLiteral("demo.generate"));
    QCOMPARE(db::metaValue(*d, QStringLiteral("demo_seed")), QStringLiteral("7"));
    QCOMPARE(db::metaValue(*d, QStringLiteral("demo")), QStringLiteral("1")); // the desk says "demo database"
}

void TestDemoData::rowsAreConsistent()
{
    auto d = openDb(m_dir.filePath(QStringLiteral("consistent.db")));
    QVERIFY(d);
    generate(*d, 2000, 11);

    // Valid, unique, not one digit repeated; mobiles 09[0-3]xxxxxxxx.
    const QStringList codes = column(*d, QStringLiteral("SELECT national_code FROM registry_persons"));
    QCOMPARE(codes.size(), 2000);
    for (const QString &c : codes)
        QVERIFY2(isValidNationalCode(c) && c.count(c.front()) != 10, qPrintable(c));
    QCOMPARE(QSet<QString>(codes.begin(), codes.end()).size(), 2000);
    const QRegularExpression mobile(QStringLiteral("^09[0-3][0-9]{8}$"));
    for (const QString &m : column(*d, QStringLiteral("SELECT mobile FROM requests UNION SELECT mobile FROM "
                                                      "mobile_owners")))
        QVERIFY2(mobile.match(m).hasMatch(), qPrintable(m));

    // Birth dates 1300..1385 Jalali, stored as ISO Gregorian; both genders; some birth
    // certificate numbers equal to the national code, some not.
    const QCalendar jalali(QCalendar::System::Jalali);
    const QString first = QDate(1300, 1, 1, jalali).toString(Qt::ISODate);
    const QString last = QDate(1385, 12, 29, jalali).toString(Qt::ISODate);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM registry_persons WHERE birth_date < '%1' OR birth_date > "
                                      "'%2' OR birth_date NOT GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'")
                           .arg(first, last)),
             0);
    QVERIFY(count(*d, QStringLiteral("SELECT count(*) FROM registry_persons WHERE gender = 'F'")) > 800);
    QVERIFY(count(*d, QStringLiteral("SELECT count(*) FROM registry_persons WHERE gender = 'M'")) > 800);
    QVERIFY(count(*d, QStringLiteral("SELECT count(*) FROM registry_persons WHERE birth_cert_no = national_code")) >
            100);
    QVERIFY(count(*d, QStringLiteral("SELECT count(*) FROM registry_persons WHERE birth_cert_no <> national_code")) >
            100);

    // Stored normalised forms are normalizeName() of what is stored as typed.
    QSqlQuery q(d->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT first_name, first_name_norm, last_name, last_name_norm, father_name, "
                                  "father_name_norm FROM registry_persons UNION ALL SELECT first_name, "
                                  "first_name_norm, last_name, last_name_norm, '', '' FROM requests")));
    int checked = 0;
    while (q.next()) {
        for (int i = 0; i < 6; i += 2)
            QCOMPARE(q.value(i + 1).toString(), normalizeName(q.value(i).toString()));
        ++checked;
    }
    QVERIFY(checked > 4000);
    // Realistic names: compound ones with ZWNJ or a space, and some typed on an Arabic keyboard.
    QVERIFY(count(*d, QStringLiteral("SELECT count(*) FROM requests WHERE instr(last_name, char(8204)) > 0")) > 0);
    QVERIFY(count(*d, QStringLiteral("SELECT count(*) FROM requests WHERE instr(first_name, ' ') > 0")) > 0);
    QVERIFY(count(*d, QStringLiteral("SELECT count(*) FROM requests WHERE instr(first_name || last_name, char(1610)) "
                                     "> 0 OR instr(first_name || last_name, char(1603)) > 0")) > 0);

    // Accounts belong to activated requests of the same person, with the request's secrets.
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM accounts a LEFT JOIN requests r ON r.id = a.request_id "
                                      "WHERE r.status IS NOT 'activated' OR r.national_code <> a.national_code OR "
                                      "r.password_hash <> a.password_hash OR r.questions_json <> a.questions_json")),
             0);
    // Activated means the mobile is the person's; a superseded request has a newer one.
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM requests r WHERE status = 'activated' AND NOT EXISTS "
                                      "(SELECT 1 FROM mobile_owners o WHERE o.national_code = r.national_code AND "
                                      "o.mobile = r.mobile)")),
             0);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM requests r WHERE status = 'superseded' AND NOT EXISTS "
                                      "(SELECT 1 FROM requests n WHERE n.national_code = r.national_code AND "
                                      "n.submitted_at > r.submitted_at AND n.status <> 'superseded')")),
             0);
    // Pending requests are inside the decision window; decided ones have a decision time.
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM requests WHERE status = 'submitted' AND (decided_at IS "
                                      "NOT NULL OR submitted_at < '%1')")
                           .arg(db::isoUtc(kNow.addSecs(-48 * 3600)))),
             0);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM requests WHERE status NOT IN ('submitted', "
                                      "'superseded') AND (decided_at IS NULL OR decided_at > '%1')")
                           .arg(db::isoUtc(kNow))),
             0);
    // Three distinct questions per request, in the registration service's JSON form.
    const QStringList questionSets = column(*d, QStringLiteral("SELECT DISTINCT questions_json FROM requests"));
    QVERIFY(!questionSets.isEmpty());
    for (const QString &json : questionSets) {
        const QJsonArray arr = QJsonDocument::fromJson(json.toUtf8()).array();
        QCOMPARE(arr.size(), 3);
        QSet<QString> ids;
        for (const auto &v : arr) {
            ids << v.toObject().value(QStringLiteral("question_id")).toString();
            QVERIFY(v.toObject().value(QStringLiteral("answer_hash")).toString().startsWith(QStringLiteral("scrypt$")));
        }
        QCOMPARE(ids.size(), 3);
    }
}

void TestDemoData::deterministicForASeed()
{
    auto a = openDb(m_dir.filePath(QStringLiteral("det-a.db")));
    auto b = openDb(m_dir.filePath(QStringLiteral("det-b.db")));
    auto c = openDb(m_dir.filePath(QStringLiteral("det-c.db")));
    QVERIFY(a && b && c);
    generate(*a, 2000, 42);
    generate(*b, 2000, 42);
    generate(*c, 2000, 43);
    const QString requests = QStringLiteral(
        "SELECT rid, id, national_code, mobile, first_name, last_name, birth_cert_no, birth_date, gender, email, "
        "status, submitted_at, decided_at FROM requests ORDER BY rid");
    const QString registry = QStringLiteral("SELECT * FROM registry_persons ORDER BY national_code");
    const QString accounts =
        QStringLiteral("SELECT id, national_code, request_id, created_at FROM accounts ORDER BY id");
    const QStringList ra = column(*a, requests);
    QVERIFY(ra.size() >= 2000);
    QCOMPARE(column(*b, requests), ra);
    QCOMPARE(column(*b, registry), column(*a, registry));
    QCOMPARE(column(*b, accounts), column(*a, accounts));
    QCOMPARE(column(*b, QStringLiteral("SELECT rowid, tokens FROM request_names ORDER BY rowid")),
             column(*a, QStringLiteral("SELECT rowid, tokens FROM request_names ORDER BY rowid")));
    // Another seed: other people.
    const QStringList codesA = column(*a, QStringLiteral("SELECT national_code FROM registry_persons"));
    const QStringList codesC = column(*c, QStringLiteral("SELECT national_code FROM registry_persons"));
    QVERIFY(codesA != codesC);
    QVERIFY(column(*a, requests) != column(*c, requests));
}

void TestDemoData::generatedPeopleAreFound()
{
    auto d = openDb(m_dir.filePath(QStringLiteral("search.db")));
    QVERIFY(d);
    generate(*d, 2000, 5);

    // People whose current request is shown by the searches (not superseded).
    QSqlQuery q(d->connection());
    QVERIFY(
        q.exec(QStringLiteral("SELECT p.national_code, p.first_name, p.last_name FROM registry_persons p JOIN "
                              "requests r ON r.national_code = p.national_code AND r.status = 'activated' AND "
                              "r.first_name = p.first_name AND r.last_name = p.last_name ORDER BY p.national_code")));
    int joined = 0, arabic = 0, registryArabic = 0, compound = 0;
    while (q.next()) {
        const QString code = q.value(0).toString(), first = q.value(1).toString(), last = q.value(2).toString();
        // by national code
        if (joined == 0) {
            const auto row = db::applicantByNationalCode(*d, code);
            QVERIFY(row);
            QCOMPARE(row->firstName, first);
            QCOMPARE(row->lastName, last);
            QCOMPARE(row->status, RequestStatus::Activated);
        }
        // first and last name typed without spaces or ZWNJ
        if (joined < 20 || first.contains(QLatin1Char(' ')) || last.contains(QChar(0x200C))) {
            QString typed = first + last;
            typed.remove(QLatin1Char(' '));
            typed.remove(QChar(0x200C));
            QVERIFY2(found(db::applicantsByName(*d, typed, 5000), code), qPrintable(typed));
            ++joined;
            compound += first.contains(QLatin1Char(' ')) || last.contains(QChar(0x200C)) ? 1 : 0;
        }
        // typed on an Arabic keyboard
        const QString typedArabic = arabicKeyboard(first + QLatin1Char(' ') + last);
        if (typedArabic != first + QLatin1Char(' ') + last && arabic < 20) {
            QVERIFY2(found(db::applicantsByName(*d, typedArabic, 5000), code), qPrintable(typedArabic));
            ++arabic;
        }
        // stored with Arabic letters, searched with Persian ones
        const QString persian = first + QLatin1Char(' ') + last;
        QString folded = persian;
        folded.replace(QChar(0x064A), QChar(0x06CC)).replace(QChar(0x0643), QChar(0x06A9));
        if (folded != persian && registryArabic < 20) {
            QVERIFY2(found(db::applicantsByName(*d, folded, 5000), code), qPrintable(folded));
            ++registryArabic;
        }
    }
    QVERIFY(joined >= 20);
    QVERIFY(compound > 0);
    QVERIFY(arabic > 0);
    QVERIFY(registryArabic > 0);

    // The audit chain is intact, anchored at the meta values appendAudit keeps.
    security::StoredAuditEntries entries;
    for (const auto &a : db::auditLog(*d))
        entries.append(
            {{a.seq, a.id, a.branchCode, db::isoUtc(a.at), a.actor, a.action, a.nationalCode, a.details}, a.hash});
    const auto check = security::verifyChain(entries, db::metaValue(*d, QStringLiteral("audit_last_hash")),
                                             db::metaValue(*d, QStringLiteral("audit_last_seq")).toLongLong());
    QVERIFY2(check.ok, qPrintable(check.reason));
}

void TestDemoData::runningAgainAddsPersons()
{
    auto d = openDb(m_dir.filePath(QStringLiteral("again.db")));
    QVERIFY(d);
    const auto first = generate(*d, 1000, 3);
    const auto second = generate(*d, 1000, 3); // the same seed: its codes are taken, others are used
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM registry_persons")), 2000);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(DISTINCT national_code) FROM requests")), 2000);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM requests")), first.requests + second.requests);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM request_names")), first.requests + second.requests);
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM accounts")), first.accounts + second.accounts);
    QCOMPARE(db::auditLog(*d).size(), 2);
    // The indexes the load rebuilds are all there again.
    QCOMPARE(count(*d, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                                      "('requests_by_code', 'requests_by_mobile', 'requests_by_status', "
                                      "'mobile_owners_by_mobile')")),
             4);
    // and the connection is back to its normal settings
    QSqlQuery q(d->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
}

void TestDemoData::progressIsReported()
{
    auto d = openDb(m_dir.filePath(QStringLiteral("progress.db")));
    QVERIFY(d);
    db::DemoOptions opt;
    opt.persons = 10000;
    opt.now = kNow;
    QList<qint64> seen;
    opt.progress = [&](qint64 done, qint64 total) {
        QCOMPARE(total, 10000);
        seen << done;
    };
    db::generateDemoData(*d, opt);
    QVERIFY(seen.size() >= 2);
    QCOMPARE(seen.last(), 10000);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
}

// The rows a fixed seed and size make are the rows they made before the generator was split
// into files: a second run on the same database included (the indexes are then kept). The
// value was computed on the generator as it was then; a change to what the demo data holds
// must update it knowingly.
void TestDemoData::sameRowsAsBefore()
{
    auto d = openDb(m_dir.filePath(QStringLiteral("fingerprint.db")));
    QVERIFY(d);
    generate(*d, 5000, 42); // two batches of the generating thread
    generate(*d, 300, 42);
    QStringList tables;
    const QByteArray value = fingerprint(*d, &tables);
    QVERIFY(tables.contains(QStringLiteral("requests")) && tables.contains(QStringLiteral("request_names")));
    QCOMPARE(value, QByteArray("c87d889316781374ec24a5c77d1466ccb8241f8119783f05c137976db0bbfbd6"));
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "TestDemoData.moc"
