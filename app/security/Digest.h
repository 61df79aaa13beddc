// SHA-256 for the rest of the project (audit chain, fingerprints), so that nothing outside
// app/security includes OpenSSL.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace branch::security
{

// The 32-byte SHA-256 digest of data.
QByteArray sha256(QByteArrayView data);
// The same digest as 64 lowercase hex characters.
QString sha256Hex(QByteArrayView data);

} // namespace branch::security
