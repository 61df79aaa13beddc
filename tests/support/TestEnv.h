// Test support: run the real branchctl binary and read what it printed.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace branchtest
{

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

// Runs `branchctl args...` with `input` on stdin; waits up to two minutes.
CliResult runCli(const QString &program, const QStringList &args, const QByteArray &input = {},
                 const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// Writes `data` to `path`, creating parent folders; returns false on failure.
bool writeFile(const QString &path, const QByteArray &data);

} // namespace branchtest
