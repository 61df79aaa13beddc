// BranchDesk's typed settings: keys, defaults and the environment overrides.
#include "Settings.h"

#include <QSettings>
#include <algorithm>
#include <cmath>

namespace branch
{

namespace
{
struct Entry {
    SettingKey key;
    const char *settingsKey;
    const char *environmentVariable;
    QVariant defaultValue;
};

const Entry &entry(SettingKey key)
{
    static const Entry table[] = {
        {SettingKey::SessionIdleMinutes, "session/idleMinutes", "BRANCHDESK_IDLE_MINUTES", QVariant(10)},
        {SettingKey::Language, "ui/language", "BRANCHDESK_LANG", QVariant(QStringLiteral("fa"))},
        {SettingKey::SyncCentralUrl, "sync/centralUrl", "BRANCHDESK_CENTRAL", QVariant(QString())},
        {SettingKey::SyncIntervalMinutes, "sync/intervalMinutes", "BRANCHDESK_SYNC_MINUTES", QVariant(5)},
        // libpq's own variable: the same file for branchctl, the desk and psql.
        {SettingKey::SyncCaFile, "sync/caFile", "PGSSLROOTCERT", QVariant(QString())},
        {SettingKey::SmsGatewayUrl, "sms/gatewayUrl", "BRANCHDESK_SMS_GATEWAY", QVariant(QString())},
        {SettingKey::BackupFolder, "backup/folder", "BRANCHDESK_BACKUP_FOLDER", QVariant(QString())},
        {SettingKey::BackupIntervalMinutes, "backup/intervalMinutes", "BRANCHDESK_BACKUP_MINUTES", QVariant(30)},
        {SettingKey::BackupKeep, "backup/keep", "BRANCHDESK_BACKUP_KEEP", QVariant(48)},
        {SettingKey::BackupDailyDays, "backup/dailyDays", "BRANCHDESK_BACKUP_DAILY_DAYS", QVariant(14)},
        {SettingKey::UnsentWarnHours, "sync/unsentWarnHours", "BRANCHDESK_UNSENT_WARN_HOURS", QVariant(8)},
    };
    for (const Entry &e : table)
        if (e.key == key)
            return e;
    Q_UNREACHABLE();
}

// One file for the desk, whatever organisation name the application sets.
QSettings store()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("BranchDesk"),
                     QStringLiteral("branchdesk"));
}
} // namespace

QVariant Settings::value(SettingKey key)
{
    const Entry &e = entry(key);
    const QByteArray env = qgetenv(e.environmentVariable);
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return store().value(QLatin1String(e.settingsKey), e.defaultValue);
}

void Settings::setValue(SettingKey key, const QVariant &value)
{
    store().setValue(QLatin1String(entry(key).settingsKey), value);
}

QVariant Settings::defaultValue(SettingKey key)
{
    return entry(key).defaultValue;
}

QString Settings::settingsKey(SettingKey key)
{
    return QLatin1String(entry(key).settingsKey);
}

QString Settings::environmentVariable(SettingKey key)
{
    return QLatin1String(entry(key).environmentVariable);
}

std::chrono::milliseconds Settings::sessionIdleTimeout()
{
    bool ok = false;
    double minutes = value(SettingKey::SessionIdleMinutes).toDouble(&ok);
    if (!ok || !std::isfinite(minutes) || minutes <= 0)
        minutes = defaultValue(SettingKey::SessionIdleMinutes).toDouble();
    // A day at most: QTimer takes an int of milliseconds.
    minutes = std::min(minutes, 24.0 * 60);
    return std::chrono::milliseconds(qMax<qint64>(1, qRound64(minutes * 60'000)));
}

std::chrono::milliseconds Settings::syncInterval()
{
    bool ok = false;
    double minutes = value(SettingKey::SyncIntervalMinutes).toDouble(&ok);
    if (!ok || !std::isfinite(minutes) || minutes <= 0)
        minutes = defaultValue(SettingKey::SyncIntervalMinutes).toDouble();
    minutes = std::clamp(minutes, 5.0 / 60, 24.0 * 60);
    return std::chrono::milliseconds(qRound64(minutes * 60'000));
}

int Settings::boundedInt(SettingKey key, int min, int max)
{
    bool ok = false;
    const int v = value(key).toString().trimmed().toInt(&ok);
    if (!ok || v < min || v > max)
        return defaultValue(key).toInt();
    return v;
}

int Settings::unsentWarnHours()
{
    return boundedInt(SettingKey::UnsentWarnHours, 1, 24 * 3660);
}

std::chrono::milliseconds Settings::backupInterval()
{
    bool ok = false;
    double minutes = value(SettingKey::BackupIntervalMinutes).toDouble(&ok);
    if (!ok || !std::isfinite(minutes) || minutes <= 0)
        minutes = defaultValue(SettingKey::BackupIntervalMinutes).toDouble();
    minutes = std::clamp(minutes, 1.0 / 60, 24.0 * 60); // tests use seconds
    return std::chrono::milliseconds(qRound64(minutes * 60'000));
}

QString Settings::language()
{
    const QString lang = value(SettingKey::Language).toString().trimmed().toLower();
    return lang == QLatin1String("en") ? lang : QStringLiteral("fa");
}

} // namespace branch
