// BranchDesk's own settings: typed keys with one table of defaults, read from QSettings
// (the desk's per-user configuration) and overridable from the environment for tests.
#pragma once

#include <QString>
#include <QVariant>
#include <chrono>

namespace branch
{

enum class SettingKey {
    SessionIdleMinutes,  // minutes without key or mouse input before the session locks
    Language,            // "fa" (default) or "en": the desk's language from the next start
    SyncCentralUrl,      // the central database (postgresql://… or sqlite:///…); empty: no sync
    SyncIntervalMinutes, // minutes between background syncs
    SmsGatewayUrl,       // the SMS gateway the desk delivers the queued SMS to; empty: not from the desk
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
    // "fa" or "en"; anything else reads as the default, Persian.
    static QString language();
};

} // namespace branch
