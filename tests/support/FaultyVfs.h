// Test support only: a SQLite VFS that wraps the platform's default one (unix) and fails
// chosen file operations on demand with a chosen I/O error, as a failing disk does. Once
// installed it is the process's default VFS, so every connection opened after it (Qt's
// QSQLITE plugin on Unix uses the same system libsqlite3) goes through it; while disarmed
// it passes everything through unchanged. Header-only and included by tests alone: nothing
// of it is linked into the programs people install.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace branchtest::faultyvfs
{

// Which operation fails and on which file.
enum class Op { Write, Sync, Truncate, Read };
enum class File { MainDb, Wal, AnyFile };

struct Fault {
    Op op = Op::Write;
    File file = File::Wal;
    int skip = 0;                  // this many matching calls still succeed before the first failure
    int code = SQLITE_IOERR_WRITE; // what the failing call returns
};

namespace detail
{

struct State {
    std::mutex mutex;
    bool armed = false;
    Fault fault;
    int seen = 0;             // matching calls since arm()
    std::atomic<int> hits{0}; // calls failed since arm()
    sqlite3_vfs *real = nullptr;
    sqlite3_vfs vfs{};
    sqlite3_io_methods methods{};
};

inline State &state()
{
    static State s;
    return s;
}

struct WrappedFile {
    sqlite3_file base; // pMethods = &state().methods
    sqlite3_file *real;
    File kind;
};

inline sqlite3_file *realOf(sqlite3_file *f)
{
    return reinterpret_cast<WrappedFile *>(f)->real;
}

// Whether this call should fail (and counts it).
inline bool shouldFail(sqlite3_file *f, Op op)
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    if (!s.armed || s.fault.op != op)
        return false;
    const File kind = reinterpret_cast<WrappedFile *>(f)->kind;
    if (s.fault.file != File::AnyFile && s.fault.file != kind)
        return false;
    if (s.seen++ < s.fault.skip)
        return false;
    s.hits.fetch_add(1);
    return true;
}

inline int failCode()
{
    std::lock_guard lock(state().mutex);
    return state().fault.code;
}

inline int xClose(sqlite3_file *f)
{
    sqlite3_file *r = realOf(f);
    const int rc = r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
    f->pMethods = nullptr;
    return rc;
}
inline int xRead(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    if (shouldFail(f, Op::Read))
        return failCode();
    return realOf(f)->pMethods->xRead(realOf(f), buf, n, off);
}
inline int xWrite(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    if (shouldFail(f, Op::Write))
        return failCode();
    return realOf(f)->pMethods->xWrite(realOf(f), buf, n, off);
}
inline int xTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    if (shouldFail(f, Op::Truncate))
        return failCode();
    return realOf(f)->pMethods->xTruncate(realOf(f), size);
}
inline int xSync(sqlite3_file *f, int flags)
{
    if (shouldFail(f, Op::Sync))
        return failCode();
    return realOf(f)->pMethods->xSync(realOf(f), flags);
}
inline int xFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return realOf(f)->pMethods->xFileSize(realOf(f), size);
}
inline int xLock(sqlite3_file *f, int l)
{
    return realOf(f)->pMethods->xLock(realOf(f), l);
}
inline int xUnlock(sqlite3_file *f, int l)
{
    return realOf(f)->pMethods->xUnlock(realOf(f), l);
}
inline int xCheckReservedLock(sqlite3_file *f, int *out)
{
    return realOf(f)->pMethods->xCheckReservedLock(realOf(f), out);
}
inline int xFileControl(sqlite3_file *f, int op, void *arg)
{
    return realOf(f)->pMethods->xFileControl(realOf(f), op, arg);
}
inline int xSectorSize(sqlite3_file *f)
{
    return realOf(f)->pMethods->xSectorSize(realOf(f));
}
inline int xDeviceCharacteristics(sqlite3_file *f)
{
    return realOf(f)->pMethods->xDeviceCharacteristics(realOf(f));
}
inline int xShmMap(sqlite3_file *f, int pg, int sz, int extend, void volatile **pp)
{
    return realOf(f)->pMethods->xShmMap(realOf(f), pg, sz, extend, pp);
}
inline int xShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    return realOf(f)->pMethods->xShmLock(realOf(f), offset, n, flags);
}
inline void xShmBarrier(sqlite3_file *f)
{
    realOf(f)->pMethods->xShmBarrier(realOf(f));
}
inline int xShmUnmap(sqlite3_file *f, int deleteFlag)
{
    return realOf(f)->pMethods->xShmUnmap(realOf(f), deleteFlag);
}
inline int xFetch(sqlite3_file *f, sqlite3_int64 off, int amt, void **pp)
{
    return realOf(f)->pMethods->xFetch(realOf(f), off, amt, pp);
}
inline int xUnfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    return realOf(f)->pMethods->xUnfetch(realOf(f), off, p);
}

inline int xOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *f, int flags, int *outFlags)
{
    State &s = state();
    auto *w = reinterpret_cast<WrappedFile *>(f);
    w->base.pMethods = nullptr;
    w->real = reinterpret_cast<sqlite3_file *>(w + 1);
    w->kind = (flags & SQLITE_OPEN_MAIN_DB) ? File::MainDb : (flags & SQLITE_OPEN_WAL) ? File::Wal : File::AnyFile;
    const int rc = s.real->xOpen(s.real, name, w->real, flags, outFlags);
    if (w->real->pMethods) // SQLite calls xClose whenever pMethods is set, even after a failed open
        w->base.pMethods = &s.methods;
    return rc;
}
inline int xDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return state().real->xDelete(state().real, name, syncDir);
}
inline int xAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return state().real->xAccess(state().real, name, flags, out);
}
inline int xFullPathname(sqlite3_vfs *, const char *name, int n, char *out)
{
    return state().real->xFullPathname(state().real, name, n, out);
}
inline void *xDlOpen(sqlite3_vfs *, const char *name)
{
    return state().real->xDlOpen(state().real, name);
}
inline void xDlError(sqlite3_vfs *, int n, char *msg)
{
    state().real->xDlError(state().real, n, msg);
}
inline void (*xDlSym(sqlite3_vfs *, void *h, const char *sym))(void)
{
    return state().real->xDlSym(state().real, h, sym);
}
inline void xDlClose(sqlite3_vfs *, void *h)
{
    state().real->xDlClose(state().real, h);
}
inline int xRandomness(sqlite3_vfs *, int n, char *out)
{
    return state().real->xRandomness(state().real, n, out);
}
inline int xSleep(sqlite3_vfs *, int us)
{
    return state().real->xSleep(state().real, us);
}
inline int xCurrentTime(sqlite3_vfs *, double *t)
{
    return state().real->xCurrentTime(state().real, t);
}
inline int xGetLastError(sqlite3_vfs *, int n, char *msg)
{
    return state().real->xGetLastError ? state().real->xGetLastError(state().real, n, msg) : 0;
}
inline int xCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *t)
{
    return state().real->xCurrentTimeInt64(state().real, t);
}

} // namespace detail

// Makes the wrapper the default VFS (once per process). False when SQLite has no default.
inline bool install()
{
    detail::State &s = detail::state();
    std::lock_guard lock(s.mutex);
    if (s.real)
        return true;
    sqlite3_vfs *real = sqlite3_vfs_find(nullptr);
    if (!real || real->iVersion < 2)
        return false;
    s.real = real;
    sqlite3_vfs &v = s.vfs;
    v.iVersion = 2; // no xSetSystemCall & co: nothing here overrides system calls
    v.szOsFile = int(sizeof(detail::WrappedFile)) + real->szOsFile;
    v.mxPathname = real->mxPathname;
    v.zName = "branchtest-faulty";
    v.xOpen = detail::xOpen;
    v.xDelete = detail::xDelete;
    v.xAccess = detail::xAccess;
    v.xFullPathname = detail::xFullPathname;
    v.xDlOpen = detail::xDlOpen;
    v.xDlError = detail::xDlError;
    v.xDlSym = detail::xDlSym;
    v.xDlClose = detail::xDlClose;
    v.xRandomness = detail::xRandomness;
    v.xSleep = detail::xSleep;
    v.xCurrentTime = detail::xCurrentTime;
    v.xGetLastError = detail::xGetLastError;
    v.xCurrentTimeInt64 = detail::xCurrentTimeInt64;
    sqlite3_io_methods &m = s.methods;
    m.iVersion = 3;
    m.xClose = detail::xClose;
    m.xRead = detail::xRead;
    m.xWrite = detail::xWrite;
    m.xTruncate = detail::xTruncate;
    m.xSync = detail::xSync;
    m.xFileSize = detail::xFileSize;
    m.xLock = detail::xLock;
    m.xUnlock = detail::xUnlock;
    m.xCheckReservedLock = detail::xCheckReservedLock;
    m.xFileControl = detail::xFileControl;
    m.xSectorSize = detail::xSectorSize;
    m.xDeviceCharacteristics = detail::xDeviceCharacteristics;
    m.xShmMap = detail::xShmMap;
    m.xShmLock = detail::xShmLock;
    m.xShmBarrier = detail::xShmBarrier;
    m.xShmUnmap = detail::xShmUnmap;
    m.xFetch = detail::xFetch;
    m.xUnfetch = detail::xUnfetch;
    return sqlite3_vfs_register(&v, 1) == SQLITE_OK;
}

// Whether connections opened now go through the wrapper.
inline bool isDefault()
{
    return sqlite3_vfs_find(nullptr) == &detail::state().vfs;
}

// From now on, `fault` fails its matching calls (after `skip` of them succeeded).
inline void arm(const Fault &fault)
{
    detail::State &s = detail::state();
    std::lock_guard lock(s.mutex);
    s.fault = fault;
    s.seen = 0;
    s.hits = 0;
    s.armed = true;
}

// Everything passes through again.
inline void disarm()
{
    std::lock_guard lock(detail::state().mutex);
    detail::state().armed = false;
}

// How many calls failed since the last arm().
inline int hits()
{
    return detail::state().hits.load();
}

} // namespace branchtest::faultyvfs
