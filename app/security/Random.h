// Random values from OpenSSL's CSPRNG: SMS codes, salts, identifiers. There is deliberately
// no fallback: if the generator fails the process stops (qFatal) rather than hand out
// guessable codes.
#pragma once

#include <QByteArray>
#include <QString>

namespace branch::security
{

// n random bytes (n >= 0).
QByteArray randomBytes(int n);

// n uniformly distributed decimal digits, leading zeros kept ("004917"); used for the
// 6-digit SMS codes. Rejection sampling, so no digit is more likely than another.
QString randomDigits(int n);

// A password of `length` characters (at least 8) for an account nobody chose a password
// for (the demo database's staff): a Latin letter first, then letters and digits, with at
// least one upper-case letter, one lower-case letter and one digit, so that it meets the
// staff password rules (branch::checkPassword). The alphabet leaves out characters that
// look alike when read off a terminal (0 O o, 1 l I). 12 characters give about 69 bits.
QString randomPassword(int length = 12);

// A new UUID version 7 (RFC 9562: 48-bit Unix time in ms, then random bits) as lowercase
// 8-4-4-4-12 text. Time-ordered so that b-tree inserts of new rows stay local; within this
// process successive values are strictly increasing (a 12-bit counter fills rand_a when
// several are made in the same millisecond).
QString newUuid();

// A new random UUID version 4, lowercase 8-4-4-4-12 text (for ids that must not reveal
// when they were made).
QString newUuidV4();

} // namespace branch::security
