// Shared helpers of the branchctl end-to-end tests (tests/cli): run the real binary on a
// SQLite file in a temporary folder, build valid registration requests, read and tamper
// with the database through the sqlite3 command-line shell, and compare database dumps to
// prove that a refused command changed nothing.
#pragma once

#include "tests/support/TestEnv.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace clitest
{

using branchtest::CliResult;

inline QString branchctl()
{
    return QStringLiteral(BRANCHCTL_PATH);
}

// The environment of every run: the cheap KDF profile, no default database from outside.
inline QProcessEnvironment cliEnv()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BRANCHDESK_KDF_PROFILE"), QStringLiteral("test"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("BRANCHDESK_DB"));
    return env;
}

// Runs `branchctl --db DB args...`.
inline CliResult ctl(const QString &db, const QStringList &args, const QByteArray &input = {},
                     const QProcessEnvironment &env = cliEnv())
{
    return branchtest::runCli(branchctl(), QStringList{QStringLiteral("--db"), db} + args, input, env);
}

// True when stdout holds exactly one JSON document (an object or an array).
inline bool isOneJson(const CliResult &r)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(r.out, &e);
    return e.error == QJsonParseError::NoError && !d.isNull();
}

inline QString describe(const CliResult &r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(r.exitCode)
        .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err));
}

// Every "code" of an errors array (or of an object's "errors").
inline QStringList codesOf(const QJsonArray &errors)
{
    QStringList out;
    for (const auto &e : errors)
        out << e.toObject().value(QStringLiteral("code")).toString();
    return out;
}
inline QStringList codesOf(const QJsonObject &o)
{
    return codesOf(o.value(QStringLiteral("errors")).toArray());
}

// ---- staff and sign-in --------------------------------------------------------------

// The staff of every database Workspace::newDb() makes, one login per role, with test
// passwords the staff rule accepts (12 characters or more, a zxcvbn score of 3 or more).
struct TestStaff {
    QString login, role, password;
};
inline const QString kAdminPw = QStringLiteral("Admin#Pass1-Kuh-Damavand");
inline const QList<TestStaff> &testStaff()
{
    static const QList<TestStaff> staff{
        {QStringLiteral("admin"), QStringLiteral("admin"), kAdminPw},
        {QStringLiteral("clerk"), QStringLiteral("clerk"), QStringLiteral("Clerk#Pass1-Darya-Khazar")},
        {QStringLiteral("supervisor"), QStringLiteral("supervisor"), QStringLiteral("Super#Pass1-Jangal-Golestan")},
        {QStringLiteral("supervisor2"), QStringLiteral("supervisor"), QStringLiteral("Super#Pass2-Kavir-Lut-Sabz")},
        {QStringLiteral("service"), QStringLiteral("service"), QStringLiteral("Service#Pass1-Rud-Karun")},
    };
    return staff;
}
inline QString testPassword(const QString &login)
{
    for (const auto &s : testStaff())
        if (s.login == login)
            return s.password;
    return {};
}

// Runs `branchctl --db DB args... --staff LOGIN` signed in as one of testStaff(): its
// password is the first line of stdin, `input` follows.
inline CliResult ctlAs(const QString &db, const QString &login, const QStringList &args, const QByteArray &input = {},
                       const QProcessEnvironment &env = cliEnv())
{
    return ctl(db, args + QStringList{QStringLiteral("--staff"), login}, testPassword(login).toUtf8() + '\n' + input,
               env);
}

// The branch's first account, which must be its administrator ("admin"); `before` holds
// global options such as --now. Only for a database without staff (Workspace::newDb(false)).
inline CliResult addAdministrator(const QString &db, const QStringList &before = {})
{
    return ctl(db,
               before + QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("admin"),
                                    QStringLiteral("--role"), QStringLiteral("admin")},
               kAdminPw.toUtf8() + '\n');
}

// Adds the rest of testStaff() after the administrator, who signs in for it; the first
// failure, else the last success.
inline CliResult addTestStaff(const QString &db, const QStringList &before = {})
{
    CliResult r;
    for (const auto &s : testStaff()) {
        if (s.login == QLatin1String("admin"))
            continue;
        r = ctlAs(db, QStringLiteral("admin"),
                  before + QStringList{QStringLiteral("user"), QStringLiteral("add"), s.login, QStringLiteral("--role"),
                                       s.role},
                  s.password.toUtf8() + '\n');
        if (r.exitCode != 0)
            return r;
    }
    return r;
}

// ---- digits and national codes ------------------------------------------------------

inline QString toPersianDigits(const QString &s)
{
    QString out = s;
    for (QChar &c : out)
        if (c >= u'0' && c <= u'9')
            c = QChar(0x06F0 + (c.unicode() - u'0'));
    return out;
}
inline QString toArabicIndicDigits(const QString &s)
{
    QString out = s;
    for (QChar &c : out)
        if (c >= u'0' && c <= u'9')
            c = QChar(0x0660 + (c.unicode() - u'0'));
    return out;
}

// A valid national code from nine ASCII digits (the check-digit rule, computed here
// independently of the product).
inline QString nationalCode(const QString &nine)
{
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += (nine.at(i).unicode() - u'0') * (10 - i);
    const int r = sum % 11;
    return nine + QChar(u'0' + (r < 2 ? r : 11 - r));
}
// The same nine digits with a wrong check digit.
inline QString badChecksumCode(const QString &nine)
{
    const QString good = nationalCode(nine);
    return nine + QChar(u'0' + ((good.back().unicode() - u'0' + 1) % 10));
}

// ---- requests -----------------------------------------------------------------------

inline QJsonArray questions(const QString &a1 = QStringLiteral("آبی"), const QString &a2 = QStringLiteral("تهران"),
                            const QString &a3 = QStringLiteral("بانک ملت"))
{
    return QJsonArray{
        QJsonObject{{QStringLiteral("question_id"), QStringLiteral("favorite_color")}, {QStringLiteral("answer"), a1}},
        QJsonObject{{QStringLiteral("question_id"), QStringLiteral("birth_city")}, {QStringLiteral("answer"), a2}},
        QJsonObject{{QStringLiteral("question_id"), QStringLiteral("first_workplace")},
                    {QStringLiteral("answer"), a3}}};
}

inline const QString kPassword = QStringLiteral("Parvaz#2024");

// A request every rule accepts.
inline QJsonObject validRequest(const QString &code = QStringLiteral("0012345679"),
                                const QString &mobile = QStringLiteral("09121234567"))
{
    return QJsonObject{{QStringLiteral("national_code"), code},
                       {QStringLiteral("mobile"), mobile},
                       {QStringLiteral("first_name"), QStringLiteral("علی")},
                       {QStringLiteral("last_name"), QStringLiteral("رضایی")},
                       {QStringLiteral("birth_cert_no"), QStringLiteral("12345")},
                       {QStringLiteral("birth_date"), QStringLiteral("1365/04/12")},
                       {QStringLiteral("gender"), QStringLiteral("M")},
                       {QStringLiteral("email"), QStringLiteral("ali@example.org")},
                       {QStringLiteral("password"), kPassword},
                       {QStringLiteral("password_confirm"), kPassword},
                       {QStringLiteral("security_questions"), questions()}};
}

inline QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
inline QByteArray json(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

// ---- the database -------------------------------------------------------------------

inline QString sqlite3Path()
{
    return QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
}

// Runs SQL through the sqlite3 shell; returns its stdout (and fails the test on error).
inline QByteArray sqlite(const QString &db, const QString &sql, bool *ok = nullptr)
{
    QProcess p;
    p.start(sqlite3Path(), {QStringLiteral("-batch"), db});
    const bool started = p.waitForStarted(30000);
    if (started) {
        p.write(sql.toUtf8() + "\n");
        p.closeWriteChannel();
        p.waitForFinished(60000);
    }
    const QByteArray err = p.readAllStandardError();
    const bool good = started && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && err.isEmpty();
    if (ok)
        *ok = good;
    if (!good)
        qWarning("sqlite3 failed: %s", err.constData());
    return p.readAllStandardOutput();
}

// A full dump of the database: with the sqlite3 shell when installed (every row of every
// table), else what branchctl itself shows (audit entries, SMS outbox).
inline QByteArray dump(const QString &db)
{
    if (!sqlite3Path().isEmpty())
        return sqlite(db, QStringLiteral(".dump"));
    QByteArray out = ctl(db, {QStringLiteral("audit"), QStringLiteral("verify")}).out;
    out += ctlAs(db, QStringLiteral("clerk"), {QStringLiteral("sms"), QStringLiteral("list")}).out;
    return out;
}

inline QByteArray fileChecksum(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

// The number of audit entries (from `audit verify`).
inline int auditEntries(const QString &db)
{
    const CliResult r = ctl(db, {QStringLiteral("audit"), QStringLiteral("verify")});
    return r.json().object().value(QStringLiteral("entries")).toInt(-1);
}

inline QJsonArray smsList(const QString &db)
{
    return ctlAs(db, QStringLiteral("clerk"), {QStringLiteral("sms"), QStringLiteral("list")}).json().array();
}

inline QJsonArray search(const QString &db, const QString &text, const QStringList &extra = {})
{
    return ctlAs(db, QStringLiteral("clerk"),
                 QStringList{QStringLiteral("applicants"), QStringLiteral("search"), text} + extra)
        .json()
        .array();
}

// An audited read (applicant.read) by the clerk.
inline QJsonObject show(const QString &db, const QString &code)
{
    return ctlAs(db, QStringLiteral("clerk"), {QStringLiteral("applicants"), QStringLiteral("show"), code})
        .json()
        .object();
}

// The "action" of every history entry of `applicants show`.
inline QStringList historyActions(const QJsonObject &shown)
{
    QStringList out;
    for (const auto &h : shown.value(QStringLiteral("history")).toArray())
        out << h.toObject().value(QStringLiteral("action")).toString();
    return out;
}

inline QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// ---- the registry -------------------------------------------------------------------

inline const QByteArray kRegistryHeader =
    "national_code,first_name,last_name,father_name,birth_cert_no,birth_date,gender\n";

} // namespace clitest

// Assertions that print what branchctl said when they fail.
#define CLI_EXPECT(r, code)                                                                                            \
    do {                                                                                                               \
        const auto &cliR_ = (r);                                                                                       \
        QVERIFY2(cliR_.exitCode == (code), qPrintable(clitest::describe(cliR_)));                                      \
    } while (false)

// A refusal: the exit code, one JSON document on stdout, a message on stderr.
#define CLI_REFUSED(r, code)                                                                                           \
    do {                                                                                                               \
        const auto &cliR_ = (r);                                                                                       \
        QVERIFY2(cliR_.exitCode == (code), qPrintable(clitest::describe(cliR_)));                                      \
        QVERIFY2(!cliR_.err.trimmed().isEmpty(), "no message on stderr");                                              \
    } while (false)

namespace clitest
{

// A temporary folder holding the databases and input files of one test class.
class Workspace
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A new, initialised branch database (empty string on failure, with a warning), with
    // the staff of testStaff() unless `withStaff` is false (a branch's first day). `before`
    // holds global options for the staff's creation, such as --now.
    QString newDb(bool withStaff = true, const QStringList &before = {})
    {
        const QString db = m_dir.filePath(QStringLiteral("branch%1.db").arg(++m_count));
        const CliResult r = ctl(db, {QStringLiteral("init"), QStringLiteral("--branch"), QStringLiteral("1234")});
        if (r.exitCode != 0) {
            qWarning("init failed: %s", qPrintable(describe(r)));
            return {};
        }
        if (withStaff) {
            CliResult r = addAdministrator(db, before);
            if (r.exitCode == 0)
                r = addTestStaff(db, before);
            if (r.exitCode != 0) {
                qWarning("staff failed: %s", qPrintable(describe(r)));
                return {};
            }
        }
        return db;
    }

    // Writes `data` to a new file of the folder and returns its path.
    QString file(const QString &name, const QByteArray &data)
    {
        const QString p = m_dir.filePath(QStringLiteral("%1-%2").arg(++m_count).arg(name));
        branchtest::writeFile(p, data);
        return p;
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
};

} // namespace clitest
