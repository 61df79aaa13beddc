// A recovery code's sender for the service tests (app/lifecycle/Recovery.h): keeps what it
// was asked to send, in memory, as the person's phone would get it; or fails as a gateway
// that is down or not set up.
#pragma once

#include "app/lifecycle/Recovery.h"

#include <QRegularExpression>

namespace branch::test
{

class CapturingSmsSender : public SmsSender
{
public:
    bool fail = false;
    QList<db::SmsRecord> sent;

    Outcome<QString> send(const db::SmsRecord &message) override
    {
        if (fail)
            return smsUnavailable();
        sent << message;
        return QStringLiteral("gw-%1").arg(sent.size());
    }

    // The 6-digit code of the newest message sent (empty when none).
    QString lastCode() const
    {
        static const QRegularExpression six(QStringLiteral("(?<![0-9])([0-9]{6})(?![0-9])"));
        return sent.isEmpty() ? QString() : six.match(sent.last().text).captured(1);
    }
};

} // namespace branch::test
