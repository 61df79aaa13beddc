// The identity comparison: which of a person's identity fields (as on the birth
// certificate, the seed's registration step two) differ between a request and the civil
// registry. One rule for the verification (branch and central), the supervisor review
// queue and the applicant view, so what decides a mismatch is what the desk highlights.
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace branch
{

// The fields the seed's step two asks for. The father's name is not one of them (requests
// do not carry it), so it is never compared.
struct IdentityFields {
    QString firstName, lastName, birthCertNo;
    QDate birthDate;
    QString gender; // as stored ("M" / "F"), or any form checkGender() accepts
};

// Field names, as identityDifferences() reports them (the JSON keys of the contract).
inline constexpr const char *kFieldFirstName = "first_name";
inline constexpr const char *kFieldLastName = "last_name";
inline constexpr const char *kFieldBirthCertNo = "birth_cert_no";
inline constexpr const char *kFieldBirthDate = "birth_date";
inline constexpr const char *kFieldGender = "gender";

// The fields that differ, in the order above, each compared in its matching form from the
// values as typed or stored (never from a stored matching form, which may be stale):
// - first and last name: normalizeName() (Arabic/Persian letter variants, spaces, ZWNJ,
//   hyphens, diacritics, digit scripts do not count);
// - birth certificate number: checkBirthCertNo()'s form (any digit script, separators
//   removed), then leading zeros dropped, so «۰۱۲۳» == "123";
// - birth date: the same day;
// - gender: checkGender()'s M/F, so "m", "male", «مرد» and "M" are equal.
// A field that is missing or not valid on either side (an empty name, a certificate
// number of zeros, which the seed forbids, an invalid date, an unknown gender) differs:
// nothing unverifiable confirms an identity.
QStringList identityDifferences(const IdentityFields &request, const IdentityFields &registry);

// True exactly when identityDifferences() is empty.
bool identityMatches(const IdentityFields &request, const IdentityFields &registry);

} // namespace branch
