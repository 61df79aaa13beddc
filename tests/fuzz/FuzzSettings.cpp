// Fuzz target: the settings read from text (app/core/Settings): whatever a value holds
// (QSettings or the environment), the timers and limits the desk uses stay in range.
// Values come through the environment overrides; the QSettings file is a scratch one.
#include "tests/fuzz/FuzzSupport.h"

#include "app/core/Settings.h"

#include <QDir>

#include <chrono>
#include <cstdlib>

using namespace branch;
using namespace std::chrono_literals;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // Never read or write the real user's settings.
    static QByteArray home = QDir::tempPath().toLocal8Bit() + "/branchdesk-fuzz-settings";
    setenv("XDG_CONFIG_HOME", home.constData(), 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Environment values end at the first NUL byte.
    QByteArray value(reinterpret_cast<const char *>(data), qsizetype(size));
    value.truncate(value.indexOf('\0') < 0 ? value.size() : value.indexOf('\0'));
    if (value.isEmpty())
        return 0;
    static const SettingKey keys[] = {SettingKey::SessionIdleMinutes,
                                      SettingKey::SyncIntervalMinutes,
                                      SettingKey::BackupIntervalMinutes,
                                      SettingKey::UnsentWarnHours,
                                      SettingKey::Language,
                                      SettingKey::BackupKeep};
    for (SettingKey key : keys)
        qputenv(Settings::environmentVariable(key).toLatin1().constData(), value);

    const auto idle = Settings::sessionIdleTimeout();
    FUZZ_CHECK(idle >= 1ms && idle <= 24h);
    const auto sync = Settings::syncInterval();
    FUZZ_CHECK(sync >= 5s && sync <= 24h);
    const auto backup = Settings::backupInterval();
    FUZZ_CHECK(backup >= 1s && backup <= 24h);
    const int hours = Settings::unsentWarnHours();
    FUZZ_CHECK(hours >= 1 && hours <= 24 * 3660);
    const int keep = Settings::boundedInt(SettingKey::BackupKeep, 1, 1000);
    FUZZ_CHECK(keep >= 1 && keep <= 1000);
    const QString lang = Settings::language();
    FUZZ_CHECK(lang == QLatin1String("fa") || lang == QLatin1String("en"));
    return 0;
}
