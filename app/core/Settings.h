// BranchDesk's own settings: typed keys with one table of defaults, read from QSettings
// (the desk's per-user configuration) and overridable from the environment for tests.
#pragma once

#include <QString>
#include <QVariant>
#include <chrono>

namespace branch
{

enum class SettingKey {
    SessionIdleMinutes,    // minutes without key or mouse input before the session locks
    Language,              // "fa" (default) or "en": the desk's language from the next start
    SyncCentralUrl,        // the central database (postgresql://… or sqlite:///…); empty: no sync
    SyncIntervalMinutes,   // minutes between background syncs
    SyncCaFile,            // the CA certificate the central PostgreSQL's certificate must chain to
    SmsGatewayUrl,         // the SMS gateway the desk delivers the queued SMS to; empty: not from the desk
    BackupFolder,          // where backups go; empty: `backups` beside the database (not a second disk)
    BackupIntervalMinutes, // minutes between the desk's backups while changes wait to be sent
    BackupKeep,            // how many of the newest backups a folder keeps
    BackupDailyDays,       // and the newest of each of this many last days
    UnsentWarnHours,       // changes waiting longer than this are pointed out at sign-in and at close
};

class Settings
{
public:
    // The stored value of `key`, or its default when it is missing or not usable.
    static QVariant value(SettingKey key);
    static void setValue(SettingKey key, const QVariant &value);
    static QVariant defaultValue(SettingKey key);
    // The QSettings key ("session/idleMinutes") and the environment variable that
    // overrides it (BRANCHDESK_IDLE_MINUTES), empty when there is none.
    static QString settingsKey(SettingKey key);
    static QString environmentVariable(SettingKey key);

    // How long the desk may sit idle before the session locks. Fractions of a minute are
    // allowed (tests use a few hundred milliseconds); zero, negative or non-numeric values
    // fall back to the default: the lock cannot be switched off by a typo.
    static std::chrono::milliseconds sessionIdleTimeout();
    // Time between background syncs: like the idle timeout, unusable values fall back to
    // the default (5 minutes); at least 5 seconds.
    static std::chrono::milliseconds syncInterval();
    // A whole number of `key` between `min` and `max`; unusable values read as its default.
    static int boundedInt(SettingKey key, int min, int max);
    // Hours after which waiting changes are pointed out (default 8; at most ten years).
    static int unsentWarnHours();
    // Between the desk's backups: at least a minute, a day at most (default 30 minutes).
    static std::chrono::milliseconds backupInterval();

    // "fa" or "en"; anything else reads as the default, Persian.
    static QString language();
};

} // namespace branch
