// Printing and reading for every command (see Output.h).
#include "Output.h"

#include "Json.h"

#include <QFile>

#include <optional>
#include <utility>

#include <cstdio>

namespace branch::cli
{

void printErr(const QString &text)
{
    const QByteArray b = text.toUtf8() + '\n';
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonDocument &doc)
{
    const QByteArray b = doc.toJson(QJsonDocument::Indented);
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void printJson(const QJsonObject &o)
{
    printJson(QJsonDocument(o));
}

void printJson(const QJsonArray &a)
{
    printJson(QJsonDocument(a));
}

int usageError(const QString &message)
{
    printErr(message);
    printErr(Cli::tr("Run \"branchctl --help\" for the list of commands."));
    return Usage;
}

int fail(const Failure &f)
{
    printJson(failureJson(f));
    printErr(f.message());
    return f.kind == Failure::Kind::Environment ? Environment : Refused;
}

int printDone(const Outcome<bool> &r)
{
    if (!r.ok())
        return fail(r.failure);
    printJson(QJsonObject{{QStringLiteral("ok"), true}});
    return Done;
}

namespace
{

// Standard input is read once; after a sign-in took its first line, the rest.
std::optional<QString> &stdinLeft()
{
    static std::optional<QString> left;
    return left;
}

QString readAllStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readAll());
}

} // namespace

QString readStdin()
{
    if (stdinLeft())
        return std::exchange(*stdinLeft(), QString());
    return readAllStdin();
}

QString takeStdinFirstLine()
{
    auto [first, rest] = splitFirstLine(readAllStdin());
    stdinLeft() = rest;
    return first;
}

std::pair<QString, QString> splitFirstLine(const QString &all)
{
    const qsizetype nl = all.indexOf(QLatin1Char('\n'));
    if (nl < 0)
        return {all.trimmed(), QString()};
    QString first = all.left(nl);
    if (first.endsWith(QLatin1Char('\r')))
        first.chop(1);
    return {first, all.mid(nl + 1)};
}

QString readInputFile(const QString &pathOrDash, bool *ok)
{
    *ok = true;
    if (pathOrDash.isEmpty() || pathOrDash == QLatin1String("-"))
        return readStdin();
    QFile f(pathOrDash);
    if (!f.open(QIODevice::ReadOnly)) {
        *ok = false;
        return {};
    }
    return QString::fromUtf8(f.readAll());
}

} // namespace branch::cli
