// Start-up self-test of the cryptography BranchDesk relies on (OpenSSL 3): call init() once
// before anything hashes a secret, makes a code or writes the audit chain, and refuse to run
// when it fails — a broken or misconfigured libcrypto must not silently produce bad hashes.
#pragma once

#include <QString>

namespace branch::security
{

// Checks the OpenSSL version (3.x), a SHA-256 known answer, an scrypt known answer
// (RFC 7914 test vector 1) and that the random generator delivers. Returns false and a
// translated message in *error when any of them fails. Cheap (a few milliseconds).
[[nodiscard]] bool init(QString *error = nullptr);

} // namespace branch::security
