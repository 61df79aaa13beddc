// The SMS texts people receive (the seed's exact words where the seed has them).
#include "SmsTexts.h"

#include "Service.h"

namespace branch::sms
{

QString salutation(const QString &gender, const QString &firstName, const QString &lastName)
{
    const QString title = gender == QLatin1String("F") ? QStringLiteral("سرکار خانم") : QStringLiteral("جناب آقای");
    return title + QLatin1Char(' ') + firstName + QLatin1Char(' ') + lastName;
}

QString activated(const QString &gender, const QString &firstName, const QString &lastName)
{
    return salutation(gender, firstName, lastName) + QLatin1Char('\n') +
           QStringLiteral("به سیستم های متمرکز سازمان تامین اجتماعی خوش آمدید. حساب کاربری شما فعال گردید.");
}

QString branchActivationRequired(const QString &gender, const QString &firstName, const QString &lastName)
{
    return salutation(gender, firstName, lastName) + QLatin1Char('\n') +
           QStringLiteral("ثبت نام شما تائید شد، جهت فعال سازی حساب کاربری با در دست داشتن مدارک هویتی به "
                          "نزدیکترین شعبه مراجعه فرمائید .");
}

QString identityMismatch()
{
    return QStringLiteral("اطلاعات هویتی وارد شده توسط شما با پایگاه مرجع مطابقت ندارد، میتوانید مجدداً ثبت نام "
                          "نمائید. چنانچه از صحت اطلاعات ثبت شده اطمینان دارید با در دست داشتن مدارک هویتی خود "
                          "به نزدیکترین شعبه مراجعه فرمائید.");
}

QString recoveryCode(const QString &code)
{
    return QStringLiteral("سازمان تامین اجتماعی\nشناسه بازیابی گذرواژه شما: %1\nاین شناسه از زمان تولید به مدت ۲۰ "
                          "دقیقه معتبر می باشد.")
        .arg(code);
}

QString mobileChanged(const QString &gender, const QString &firstName, const QString &lastName)
{
    return salutation(gender, firstName, lastName) + QLatin1Char('\n') +
           QStringLiteral("شماره تلفن همراه حساب کاربری شما در شعبه تغییر کرد.");
}

QString mobileChangedAway()
{
    return QStringLiteral("سازمان تامین اجتماعی\nشماره تلفن همراه حساب کاربری ای که با این شماره ثبت شده بود در "
                          "شعبه تغییر کرد. اگر این تغییر را درخواست نکرده اید، با در دست داشتن مدارک هویتی به "
                          "نزدیکترین شعبه مراجعه فرمائید.");
}

QString questionsChanged(const QString &gender, const QString &firstName, const QString &lastName)
{
    return salutation(gender, firstName, lastName) + QLatin1Char('\n') +
           QStringLiteral("پرسش های امنیتی حساب کاربری شما تغییر کرد.");
}

QString passwordReset(const QString &gender, const QString &firstName, const QString &lastName)
{
    return salutation(gender, firstName, lastName) + QLatin1Char('\n') +
           QStringLiteral("گذرواژه حساب کاربری شما تغییر کرد.");
}

bool holdsSecret(const QString &kind)
{
    return kind == QLatin1String("recovery_code");
}

QString shownText(const QString &kind, const QString &text)
{
    return holdsSecret(kind) ? Services::tr("Recovery code (hidden)") : text;
}

} // namespace branch::sms
