// The SMS gateway of the branchctl end-to-end tests: a FakeSmsGateway (tests/sync) in the
// test process, named in the environment every branchctl run inherits (BRANCHDESK_SMS_GATEWAY,
// BRANCHDESK_SMS_TOKEN), and the recovery code as the person's phone would get it: from the
// body the gateway received, since branchctl never stores or prints it.
#pragma once

#include "tests/sync/FakeSmsGateway.h"

#include <QRegularExpression>

namespace clitest
{

inline const QByteArray kCliSmsToken = QByteArrayLiteral("cli-test-token");

// Points the runs that follow at `gateway` (nullptr: no gateway at all).
inline void useSmsGateway(const smstest::FakeSmsGateway *gateway)
{
    if (gateway)
        qputenv("BRANCHDESK_SMS_GATEWAY", gateway->url().toString().toUtf8());
    else
        qunsetenv("BRANCHDESK_SMS_GATEWAY");
    qputenv("BRANCHDESK_SMS_TOKEN", kCliSmsToken);
}

// The 6-digit code (ASCII digits) in a recovery SMS's text; empty when none.
inline QString codeInText(const QString &text)
{
    static const QRegularExpression six(QStringLiteral("(?<![0-9])([0-9]{6})(?![0-9])"));
    return six.match(text).captured(1);
}

// The code of the newest recovery SMS the gateway received (to `mobile`, when given).
inline QString lastRecoveryCode(const smstest::FakeSmsGateway &gateway, const QString &mobile = {})
{
    QString code;
    for (const auto &r : gateway.requests()) {
        const QJsonObject o = r.json();
        if (o.value(QStringLiteral("kind")).toString() == QLatin1String("recovery_code") &&
            (mobile.isEmpty() || o.value(QStringLiteral("to")).toString() == mobile))
            code = codeInText(o.value(QStringLiteral("text")).toString());
    }
    return code;
}

} // namespace clitest
