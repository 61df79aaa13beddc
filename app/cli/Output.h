// What every command shares for talking to its caller: the translation context of the
// CLI's messages, the exit codes, stdout/stderr printing, and reading stdin or a file.
#pragma once

#include "app/lifecycle/Service.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <utility>

namespace branch
{
// The translation context of the CLI's own messages ("branch::Cli").
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(branch::Cli)
};
} // namespace branch

namespace branch::cli
{

enum Exit { Done = 0, Refused = 1, Usage = 2, Environment = 3 };

void printErr(const QString &text);
void printJson(const QJsonDocument &doc);
void printJson(const QJsonObject &o);
void printJson(const QJsonArray &a);

// The message, then the way to the list of commands; exit 2.
int usageError(const QString &message);

// A refusal: JSON on stdout (the shape of register's errors), the messages on stderr.
int fail(const Failure &f);

// {"ok": true} after a done action, else the failure.
int printDone(const Outcome<bool> &r);

// The command's standard input: after a sign-in (takeStdinFirstLine), what follows the
// staff password line.
QString readStdin();
// The staff password line of a sign-in (Command::execute); readStdin() then gives the rest.
QString takeStdinFirstLine();
// The staff password is stdin's first line; the rest (JSON) follows.
std::pair<QString, QString> splitFirstLine(const QString &all);
// FILE, or stdin for "-" or nothing; *ok false when the file cannot be read.
QString readInputFile(const QString &pathOrDash, bool *ok);

} // namespace branch::cli
