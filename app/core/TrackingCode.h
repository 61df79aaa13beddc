// The tracking code of a registration request: what a person reads out at the counter or on
// the phone instead of the request's UUID, printed on every receipt and accepted by the
// applicant search (the desk's search field and `branchctl applicants search`).
//
// Eight characters of Crockford's base32 (0-9 and A-Z without I, L, O, U), printed as two
// groups of four, "7K3M-9QXD": seven data characters, the request's tracking key, and one
// check character. The key is the low 35 bits of the request id's last 9 hex digits, random
// in both UUID versions the project makes (v4, and v7's rand_b), so every branch and the
// central compute the same code from the id alone, with no column of its own. The branch
// database indexes the same 35 bits (db/local/009_tracking_key.sql): search finds every
// request with the key. 35 bits are not unique: among N requests about N² / 2^36 pairs share
// a key (15 pairs in a million requests, 1 500 in ten million), so a code may name two
// people, and the search then shows both.
//
// The check character makes a mistyped code fail instead of finding someone else: every
// single-character substitution and every transposition of two adjacent characters (the
// check character included) gives a code that does not check.
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace branch
{

constexpr int kTrackingCodeLength = 8; // without the hyphen
constexpr int kTrackingKeyBits = 35;

// The tracking key of a request id (8-4-4-4-12 hex text, any case): the low 35 bits of its
// last 9 hex digits. nullopt for anything that is not a UUID's text.
std::optional<quint64> trackingKeyOfRequestId(QStringView requestId);

// The printed code of a key (below 2^35): "XXXX-XXXX", upper case.
QString trackingCodeOfKey(quint64 key);

// The printed code of a request id; empty when the id is not a UUID's text.
QString trackingCode(QStringView requestId);

// The key of a typed code, or nullopt when it is not one. Accepted as people type it:
// lower case, Persian or Arabic-Indic digits, hyphens, spaces and bidi marks anywhere,
// Crockford's look-alikes O → 0 and I, L → 1; exactly eight characters then remain, the last
// one the check character of the first seven.
std::optional<quint64> parseTrackingCode(QStringView typed);

} // namespace branch
