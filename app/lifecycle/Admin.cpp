// Administration: set-up, reference-data imports, audit checks.
#include "Admin.h"

#include "CsvReader.h"
#include "Staff.h"

#include "app/core/Digits.h"
#include "app/core/JalaliDate.h"
#include "app/core/Mobile.h"
#include "app/core/Names.h"
#include "app/core/NationalCode.h"
#include "app/core/PasswordPolicy.h"
#include "app/core/PersianText.h"
#include "app/security/AuditChain.h"
#include "app/security/SecretHash.h"
#include "db/AuditRepository.h"
#include "db/MetaRepository.h"
#include "db/RegistryRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStringDecoder>

namespace branch
{

namespace
{

struct LineError {
    int line;
    Violation v;
};

Failure importFailure(const QList<LineError> &errors)
{
    Failure f;
    f.kind = Failure::Kind::Rule;
    QJsonArray arr;
    for (const auto &e : errors) {
        Violation v = e.v;
        v.message = Services::tr("Line %1: %2").arg(e.line).arg(e.v.message);
        f.violations << v;
        arr.append(QJsonObject{{QStringLiteral("line"), e.line},
                               {QStringLiteral("field"), e.v.field},
                               {QStringLiteral("code"), e.v.code},
                               {QStringLiteral("message"), v.message}});
    }
    f.extra.insert(QStringLiteral("errors"), arr);
    return f;
}

// Reads the CSV and checks its header; the records after the header, or a failure.
Outcome<QList<CsvRecord>> readCsv(QIODevice &dev, const QStringList &header)
{
    QByteArray bytes = dev.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF")) // the BOM that spreadsheet programs write
        bytes.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return importFailure({{1,
                               {QStringLiteral("file"), QStringLiteral("csv.encoding"),
                                Services::tr("The file is not valid UTF-8 text.")}}});
    QString error;
    int errorLine = 0;
    auto records = parseCsv(text, &error, &errorLine);
    if (!error.isEmpty())
        return importFailure(
            {{errorLine,
              {QStringLiteral("file"), QStringLiteral("csv.quote"), Services::tr("A quoted field is not closed.")}}});
    if (records.isEmpty())
        return importFailure(
            {{1, {QStringLiteral("file"), QStringLiteral("csv.empty"), Services::tr("The file is empty.")}}});
    QStringList got;
    for (const QString &h : records.first().fields)
        got << h.trimmed();
    if (got != header)
        return importFailure({{records.first().line,
                               {QStringLiteral("file"), QStringLiteral("csv.header"),
                                Services::tr("The header must be exactly: %1").arg(header.join(QLatin1Char(',')))}}});
    records.removeFirst();
    return records;
}

} // namespace

bool isValidBranchCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]{3,8}$"));
    return re.match(code).hasMatch();
}

Outcome<QString> initBranch(Context &ctx, const QString &branchCodeInput, const QDateTime &now)
{
    // Typed on a Persian keyboard, the code arrives in Persian digits.
    const QString branchCode = normalizeDigits(branchCodeInput.trimmed());
    return inTransaction<QString>(ctx, [&]() -> Outcome<QString> {
        const QString existing = db::metaValue(ctx.db, QStringLiteral("branch_code"));
        if (!existing.isEmpty()) {
            if (!branchCode.isEmpty() && branchCode != existing)
                return Failure::rule(QStringLiteral("branch"), QStringLiteral("branch.mismatch"),
                                     Services::tr("This database belongs to branch %1; it cannot become branch %2.")
                                         .arg(existing, branchCode));
            return existing;
        }
        const QString code = branchCode.isEmpty() ? QStringLiteral("1000") : branchCode;
        if (!isValidBranchCode(code))
            return Failure::rule(QStringLiteral("branch"), QStringLiteral("branch.format"),
                                 Services::tr("A branch code is 3 to 8 digits."));
        db::setMetaValue(ctx.db, QStringLiteral("branch_code"), code);
        db::setMetaValue(ctx.db, QStringLiteral("created_at"), db::isoUtc(now));
        ctx.branchCode = code;
        recordAudit(
            ctx, {QStringLiteral("admin"), QStringLiteral("branch.init"), {}, {{QStringLiteral("branch_code"), code}}},
            now);
        return code;
    });
}

Outcome<BranchSetUp> setUpBranch(const QString &databasePath, const QString &branchCodeInput, const QString &login,
                                 QString password, QString confirmation, const QDateTime &now)
{
    const QString code = normalizeDigits(branchCodeInput.trimmed());
    Violations errors;
    if (code.isEmpty())
        errors << Violation{QStringLiteral("branch"), QStringLiteral("branch.required"),
                            Services::tr("Enter the branch code (3 to 8 digits).")};
    else if (!isValidBranchCode(code))
        errors << Violation{QStringLiteral("branch"), QStringLiteral("branch.format"),
                            Services::tr("A branch code is 3 to 8 digits.")};
    errors += checkStaffLogin(login);
    errors += checkStaffPassword(password, confirmation, login);
    if (!errors.isEmpty()) {
        security::wipe(password);
        security::wipe(confirmation);
        return Failure{Failure::Kind::Rule, errors, {}};
    }
    const bool existed = QFileInfo::exists(databasePath);
    Outcome<BranchSetUp> out = Failure{};
    {
        db::DbError error;
        auto database = db::Database::open(databasePath, db::Database::OpenMode::CreateIfMissing, &error);
        if (!database) {
            security::wipe(password);
            security::wipe(confirmation);
            return Failure::environment(error);
        }
        Context ctx{*database, {}};
        auto branch = initBranch(ctx, code, now);
        if (!branch.ok()) {
            out = branch.failure;
        } else {
            auto admin = bootstrapAdministrator(ctx, login, std::move(password), std::move(confirmation), now);
            if (admin.ok())
                out = BranchSetUp{*branch.value, admin.value->login};
            else
                out = admin.failure;
        }
    } // the database is closed here, before a failed set-up removes its files
    security::wipe(password);
    security::wipe(confirmation);
    if (!out.ok() && !existed)
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(databasePath + QLatin1String(suffix));
    return out;
}

Outcome<DatabaseInfo> databaseInfo(Context &ctx)
{
    try {
        DatabaseInfo info;
        info.path = ctx.db.path();
        info.branchCode =
            ctx.branchCode.isEmpty() ? db::metaValue(ctx.db, QStringLiteral("branch_code")) : ctx.branchCode;
        info.schemaVersion = ctx.db.schemaVersion();
        info.sqliteVersion = db::sqliteVersion(ctx.db);
        info.demo = db::metaValue(ctx.db, QStringLiteral("demo")) == QLatin1String("1");
        return info;
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

namespace
{
// Whether a CSV record has the header's number of fields; if not, the line's error is added.
bool hasAllColumns(const CsvRecord &r, const QStringList &header, QList<LineError> &errors)
{
    if (r.fields.size() == header.size())
        return true;
    errors << LineError{r.line,
                        {QStringLiteral("file"), QStringLiteral("csv.columns"),
                         Services::tr("Expected %1 columns, found %2.").arg(header.size()).arg(r.fields.size())}};
    return false;
}
} // namespace

Outcome<QList<db::RegistryPerson>> parseRegistryCsv(QIODevice &csv, const QDateTime &now)
{
    const QStringList header = {QStringLiteral("national_code"), QStringLiteral("first_name"),
                                QStringLiteral("last_name"),     QStringLiteral("father_name"),
                                QStringLiteral("birth_cert_no"), QStringLiteral("birth_date"),
                                QStringLiteral("gender")};
    auto records = readCsv(csv, header);
    if (!records.ok())
        return records.failure;
    QList<LineError> errors;
    QList<db::RegistryPerson> persons;
    QSet<QString> seen;
    for (const CsvRecord &r : *records.value) {
        if (!hasAllColumns(r, header, errors))
            continue;
        db::RegistryPerson p;
        Violations vs = checkNationalCode(r.fields[0], &p.nationalCode);
        vs += checkName(r.fields[1], QStringLiteral("first_name"));
        vs += checkName(r.fields[2], QStringLiteral("last_name"));
        if (!r.fields[3].trimmed().isEmpty())
            vs += checkName(r.fields[3], QStringLiteral("father_name"));
        vs += checkBirthCertNo(r.fields[4], &p.birthCertNo);
        vs += checkBirthDate(r.fields[5], now.toLocalTime().date(), &p.birthDate);
        vs += checkGender(r.fields[6], &p.gender);
        if (vs.isEmpty() && seen.contains(p.nationalCode))
            vs << Violation{QStringLiteral("national_code"), QStringLiteral("national_code.duplicate"),
                            Services::tr("This national code appears twice in the file.")};
        for (const auto &v : vs)
            errors << LineError{r.line, v};
        if (!vs.isEmpty())
            continue;
        seen.insert(p.nationalCode);
        p.firstName = cleanDisplay(r.fields[1]);
        p.lastName = cleanDisplay(r.fields[2]);
        p.fatherName = cleanDisplay(r.fields[3]);
        p.firstNameNorm = normalizeName(p.firstName);
        p.lastNameNorm = normalizeName(p.lastName);
        p.fatherNameNorm = normalizeName(p.fatherName);
        persons << p;
    }
    if (!errors.isEmpty())
        return importFailure(errors);
    return persons;
}

Outcome<ImportResult> importRegistry(Context &ctx, QIODevice &csv, const QDateTime &now, const QString &actor)
{
    const auto parsed = parseRegistryCsv(csv, now);
    if (!parsed.ok())
        return parsed.failure;
    const QList<db::RegistryPerson> &persons = *parsed.value;
    return inTransaction<ImportResult>(ctx, [&]() -> Outcome<ImportResult> {
        for (const auto &p : persons)
            db::upsertRegistryPerson(ctx.db, p, now);
        recordAudit(
            ctx, {actor, QStringLiteral("registry.import"), {}, {{QStringLiteral("rows"), int(persons.size())}}}, now);
        return ImportResult{int(persons.size())};
    });
}

Outcome<QList<std::pair<QString, QString>>> parseMobileOwnersCsv(QIODevice &csv)
{
    const QStringList header = {QStringLiteral("national_code"), QStringLiteral("mobile")};
    auto records = readCsv(csv, header);
    if (!records.ok())
        return records.failure;
    QList<LineError> errors;
    QList<std::pair<QString, QString>> rows;
    for (const CsvRecord &r : *records.value) {
        if (!hasAllColumns(r, header, errors))
            continue;
        QString code, mobile;
        Violations vs = checkNationalCode(r.fields[0], &code);
        vs += checkMobile(r.fields[1], &mobile);
        for (const auto &v : vs)
            errors << LineError{r.line, v};
        if (vs.isEmpty())
            rows.append({code, mobile});
    }
    if (!errors.isEmpty())
        return importFailure(errors);
    return rows;
}

Outcome<ImportResult> importMobileOwners(Context &ctx, QIODevice &csv, const QDateTime &now, const QString &actor)
{
    const auto parsed = parseMobileOwnersCsv(csv);
    if (!parsed.ok())
        return parsed.failure;
    const auto &rows = *parsed.value;
    return inTransaction<ImportResult>(ctx, [&]() -> Outcome<ImportResult> {
        for (const auto &[code, mobile] : rows)
            db::upsertMobileOwner(ctx.db, code, mobile);
        recordAudit(ctx,
                    {actor, QStringLiteral("mobile_owners.import"), {}, {{QStringLiteral("rows"), int(rows.size())}}},
                    now);
        return ImportResult{int(rows.size())};
    });
}

security::StoredAuditEntries chainEntriesOf(const QList<db::AuditRecord> &log)
{
    security::StoredAuditEntries entries;
    entries.reserve(log.size());
    for (const auto &a : log)
        entries.append({security::AuditEntryData{a.seq, a.id, a.branchCode, db::isoUtc(a.at), a.actor, a.action,
                                                 a.nationalCode, a.details},
                        a.hash});
    return entries;
}

Outcome<AuditCheck> verifyAudit(Context &ctx)
{
    try {
        const auto log = db::auditLog(ctx.db);
        const security::StoredAuditEntries entries = chainEntriesOf(log);
        const QString anchorSeq = db::metaValue(ctx.db, QStringLiteral("audit_last_seq"));
        const QString anchorHash = db::metaValue(ctx.db, QStringLiteral("audit_last_hash"));
        const auto check = anchorSeq.isEmpty() ? security::verifyChain(entries, security::genesisHash(), 0)
                                               : security::verifyChain(entries, anchorHash, anchorSeq.toLongLong());
        return AuditCheck{check.ok, qint64(log.size()), check.firstBadSeq, check.code, check.reason};
    } catch (const db::DbException &e) {
        return Failure::environment(e.error());
    }
}

} // namespace branch
