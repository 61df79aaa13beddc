// The SMS texts people receive. The three outcome texts are the seed's, word for word
// (shared/seed/README.md); SMS are always Persian, whatever the staff's UI language.
// Also the one rule for how a list shows a message's text.
#pragma once

#include <QString>

namespace branch::sms
{

QString salutation(const QString &gender, const QString &firstName, const QString &lastName);
QString activated(const QString &gender, const QString &firstName, const QString &lastName);
QString branchActivationRequired(const QString &gender, const QString &firstName, const QString &lastName);
QString identityMismatch();
QString recoveryCode(const QString &code); // the code in ASCII digits, so that every phone shows it
QString mobileChanged(const QString &gender, const QString &firstName, const QString &lastName);
QString passwordReset(const QString &gender, const QString &firstName, const QString &lastName);
// To the number an account had before a mobile change: no name (the number may have passed
// to someone else), only that the account's number changed and what to do if unasked.
QString mobileChangedAway();
QString questionsChanged(const QString &gender, const QString &firstName, const QString &lastName);

// Whether a message of this kind carries a secret (a recovery code): its text is never kept.
bool holdsSecret(const QString &kind);
// A message's text as every list shows it (sms list, applicants show, the desk): a
// secret-bearing one as a hidden recovery code, in the staff's language, whatever its row holds.
QString shownText(const QString &kind, const QString &text);

} // namespace branch::sms
