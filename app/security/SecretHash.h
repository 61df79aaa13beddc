// Password and security-answer hashing with scrypt (OpenSSL 3 EVP_KDF "SCRYPT").
//
// Encoding (one ASCII string, stored as is):   scrypt$<ln>$<r>$<p>$<salt>$<hash>
//   ln = log2(N), r, p: the scrypt cost parameters used for this hash;
//   salt = 16 random bytes, hash = 32 bytes, both standard base64 with '=' padding.
// The parameters travel with every hash, so verification always uses the stored ones and
// the cost can be raised later (needsRehash) without invalidating existing hashes.
//
// Cost profile: production ln=17, r=8, p=1 (128 MiB; OWASP's minimum for scrypt). In a test
// build (BRANCHDESK_TEST_HOOKS) only, when the environment variable BRANCHDESK_KDF_PROFILE
// is "test", new hashes use ln=10 so that tests can make thousands; the .deb has no such
// profile.
//
// The secret's bytes are the UTF-8 of the QString exactly as given: no Unicode or Persian
// normalisation happens here (the rules in app/core decide what is normalised before).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace branch::security
{

// Hashes secret with a fresh salt and the current profile. Returns an empty string only if
// scrypt itself failed (out of memory); callers must treat an empty result as an error.
[[nodiscard]] QString hashSecret(QStringView secret);

// True when secret matches encoded (constant-time comparison). False for every malformed
// encoding: wrong field count, bad numbers or base64, absurd parameters (ln > 22, r > 32,
// p > 16, more than 1 GiB of scrypt memory) — never a crash, never a huge allocation.
[[nodiscard]] bool verifySecret(QStringView secret, const QString &encoded);

// For a login that does not exist: the same scrypt work as verifySecret against a hash of the
// current profile, with the result thrown away, so that an unknown login answers in the time
// of a known one with a wrong password (no way to learn which logins exist from the timing).
void spendVerifyTime(QStringView secret);

// True when encoded was made with parameters weaker than the current profile (or cannot be
// parsed): the caller re-hashes the secret after the next successful verify.
[[nodiscard]] bool needsRehash(const QString &encoded);

// Overwrites the characters/bytes (OPENSSL_cleanse), then clears. Qt containers are
// implicitly shared: a buffer that other copies still reference is only released here, and
// is wiped when its last holder calls wipe(); wipe every copy you made.
void wipe(QString &s);
void wipe(QByteArray &b);

namespace detail
{
// Raw scrypt (N = 2^ln), len output bytes; empty on failure. Exposed for the RFC 7914
// known-answer tests; everything else goes through hashSecret/verifySecret.
QByteArray scryptRaw(QByteArrayView pw, QByteArrayView salt, int ln, int r, int p, int len);
} // namespace detail

} // namespace branch::security
