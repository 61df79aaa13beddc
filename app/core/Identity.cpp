// The identity comparison of request and civil registry (see Identity.h).
#include "app/core/Identity.h"

#include "app/core/Names.h"
#include "app/core/PersianText.h"

#include <optional>

namespace branch
{

namespace
{

std::optional<QString> nameKey(const QString &s)
{
    const QString n = normalizeName(s);
    return n.isEmpty() ? std::nullopt : std::optional<QString>(n);
}

// "012345" and "12345" are the same certificate number.
std::optional<QString> certKey(const QString &s)
{
    QString n;
    if (!checkBirthCertNo(s, &n).isEmpty())
        return std::nullopt;
    qsizetype zeros = 0;
    while (zeros < n.size() - 1 && n[zeros] == u'0')
        ++zeros;
    return n.sliced(zeros);
}

std::optional<QDate> dateKey(const QDate &d)
{
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

std::optional<QString> genderKey(const QString &s)
{
    QString n;
    if (!checkGender(s, &n).isEmpty())
        return std::nullopt;
    return n;
}

// Equal only when both sides have a matching form.
template <typename T>
bool same(const std::optional<T> &a, const std::optional<T> &b)
{
    return a && b && *a == *b;
}

} // namespace

QStringList identityDifferences(const IdentityFields &request, const IdentityFields &registry)
{
    QStringList out;
    if (!same(nameKey(request.firstName), nameKey(registry.firstName)))
        out << QLatin1String(kFieldFirstName);
    if (!same(nameKey(request.lastName), nameKey(registry.lastName)))
        out << QLatin1String(kFieldLastName);
    if (!same(certKey(request.birthCertNo), certKey(registry.birthCertNo)))
        out << QLatin1String(kFieldBirthCertNo);
    if (!same(dateKey(request.birthDate), dateKey(registry.birthDate)))
        out << QLatin1String(kFieldBirthDate);
    if (!same(genderKey(request.gender), genderKey(registry.gender)))
        out << QLatin1String(kFieldGender);
    return out;
}

bool identityMatches(const IdentityFields &request, const IdentityFields &registry)
{
    return identityDifferences(request, registry).isEmpty();
}

} // namespace branch
