// The power-loss VFS shim: see powerlossvfs.h for what it models and why.
#include "powerlossvfs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <vector>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace powerloss {

namespace {

constexpr qint64 sectorBytes = 512;

// One write or truncate that reached the page cache but not (yet) the disk.
struct Op {
    qint64 offset = 0;
    QByteArray data;
    qint64 truncateTo = -1; // >= 0: a truncate to this size instead of a write
};

// A file's content as the disk holds it: what its last sync made durable, and what came after.
struct Inode {
    QByteArray durable;
    std::vector<Op> pending;
};

// One name in the watched folder.
struct Entry {
    bool exists = false;       // in the running system (the page cache)
    Inode inode;               // the file under this name now (when exists)
    bool entryDurable = false; // the durable directory points at `inode`
    // What the durable directory points at instead: the file this name held before it was
    // unlinked or replaced, if no directory fsync happened since.
    std::optional<Inode> old;
};

struct Model {
    std::recursive_mutex mutex;
    sqlite3_vfs *real = nullptr;
    QString dir;    // canonical; empty: nothing is watched
    QString keyDir; // canonical; its fsyncs count as cut points (watchKeyFolder)
    std::atomic<bool> keyWatched = false; // !keyDir.isEmpty(), read without the mutex
    dev_t dev = 0;
    ino_t ino = 0;
    std::set<QString> durableNames;
    std::map<QString, Entry> entries;
    qint64 ops = 0;
    qint64 cutAt = 0; // 0: no cut armed
    std::atomic<bool> dead = false;
    bool syncsLie = false;
    int open = 0;
    QStringList dirSyncs;
};

Model &model()
{
    static Model m;
    return m;
}

std::set<QString> listing(const QString &dir)
{
    std::set<QString> names;
    for (const QString &name :
         QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        names.insert(name);
    return names;
}

QByteArray readWhole(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The name of `path` in the watched folder, or empty when it is elsewhere (or nothing is watched).
QString watchedName(const char *path)
{
    Model &m = model();
    if (!path || m.dir.isEmpty())
        return {};
    const QFileInfo info(QFile::decodeName(path));
    if (QFileInfo(info.absolutePath()).canonicalFilePath() != m.dir)
        return {};
    return info.fileName();
}

// One mutating operation on the watched folder is about to happen: false when the machine is
// dead, or dies now (the cut). Called with the mutex held.
bool enter()
{
    Model &m = model();
    if (m.dead)
        return false;
    ++m.ops;
    if (m.cutAt > 0 && m.ops >= m.cutAt) {
        m.dead = true;
        return false;
    }
    return true;
}

// The model learns of a file it had not seen: it was there at the last reboot, or was made
// outside SQLite (createPrivateFile() in app/ledger/database.cpp creates ledger.db empty). Its
// content so far counts as durable (an empty file has nothing to lose); its name is durable
// when the folder's listing at the last directory fsync (or reboot) had it.
Entry &sighted(const QString &name)
{
    Model &m = model();
    Entry &e = m.entries[name];
    if (!e.exists) {
        e.exists = true;
        e.inode = {readWhole(m.dir + u'/' + name), {}};
        e.entryDurable = m.durableNames.count(name) > 0 && !e.old;
    }
    return e;
}

void created(Entry &e)
{
    if (e.exists && e.entryDurable)
        e.old = std::move(e.inode);
    e.exists = true;
    e.inode = {};
    e.entryDurable = false;
}

void deleted(Entry &e)
{
    if (!e.exists)
        return;
    if (e.entryDurable)
        e.old = std::move(e.inode);
    e.exists = false;
    e.inode = {};
    e.entryDurable = false;
}

void apply(QByteArray &image, const Op &op)
{
    if (op.truncateTo >= 0) {
        if (op.truncateTo < image.size())
            image.truncate(op.truncateTo);
        else
            image.append(QByteArray(op.truncateTo - image.size(), '\0'));
        return;
    }
    const qint64 end = op.offset + op.data.size();
    if (image.size() < end)
        image.append(QByteArray(end - image.size(), '\0'));
    std::memcpy(image.data() + op.offset, op.data.constData(), size_t(op.data.size()));
}

// The fsync of the watched folder: its listing as it is now is what the disk holds.
void directorySynced()
{
    Model &m = model();
    m.durableNames = listing(m.dir);
    for (auto &[name, e] : m.entries) {
        if (e.exists && !m.durableNames.count(name))
            e.exists = false; // removed behind SQLite's back
        e.old.reset();
        e.entryDurable = e.exists;
    }
}

// ---- the sqlite3_file shim ----

struct ShimFile {
    sqlite3_file base;
    sqlite3_file *real;
    QString *name; // in the watched folder; null for any other file
};
constexpr int realOffset = int((sizeof(ShimFile) + 15) & ~size_t(15));

Entry *entryOf(ShimFile *f)
{
    return f->name ? &model().entries[*f->name] : nullptr;
}

ShimFile *shim(sqlite3_file *file)
{
    return reinterpret_cast<ShimFile *>(file);
}

sqlite3_file *realOf(sqlite3_file *file)
{
    return shim(file)->real;
}

const sqlite3_io_methods *realMethods(sqlite3_file *file)
{
    return realOf(file)->pMethods;
}

int xClose(sqlite3_file *file)
{
    ShimFile *f = shim(file);
    const int rc = realMethods(file)->xClose(f->real);
    if (f->name) {
        std::lock_guard lock(model().mutex);
        --model().open;
        delete f->name;
        f->name = nullptr;
    }
    return rc;
}

int xRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    if (model().dead)
        return SQLITE_IOERR_READ;
    return realMethods(file)->xRead(realOf(file), buffer, amount, offset);
}

int xWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    ShimFile *f = shim(file);
    if (f->name ? !enter() : bool(m.dead))
        return SQLITE_IOERR_WRITE;
    const int rc = realMethods(file)->xWrite(f->real, buffer, amount, offset);
    if (rc == SQLITE_OK && f->name)
        entryOf(f)->inode.pending.push_back(
            {offset, QByteArray(static_cast<const char *>(buffer), amount), -1});
    return rc;
}

int xTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    ShimFile *f = shim(file);
    if (f->name ? !enter() : bool(m.dead))
        return SQLITE_IOERR_TRUNCATE;
    const int rc = realMethods(file)->xTruncate(f->real, size);
    if (rc == SQLITE_OK && f->name)
        entryOf(f)->inode.pending.push_back({0, {}, size});
    return rc;
}

int xSync(sqlite3_file *file, int flags)
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    ShimFile *f = shim(file);
    if (f->name ? !enter() : bool(m.dead))
        return SQLITE_IOERR_FSYNC;
    // The unix VFS fsyncs the file, then (once after creating a -journal or -wal) its folder:
    // the folder's fdatasync comes through the interposer below and may be the cut itself, in
    // which case the file is durable but its name is not.
    const int rc = realMethods(file)->xSync(f->real, flags);
    if (rc == SQLITE_OK && f->name && !(m.syncsLie && f->name->endsWith(u"-wal"))) {
        Inode &inode = entryOf(f)->inode;
        for (const Op &op : inode.pending)
            apply(inode.durable, op);
        inode.pending.clear();
    }
    return rc;
}

int xFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    if (model().dead)
        return SQLITE_IOERR_FSTAT;
    return realMethods(file)->xFileSize(realOf(file), size);
}

int xLock(sqlite3_file *file, int level)
{
    if (model().dead)
        return SQLITE_IOERR_LOCK;
    return realMethods(file)->xLock(realOf(file), level);
}

int xUnlock(sqlite3_file *file, int level)
{
    return realMethods(file)->xUnlock(realOf(file), level);
}

int xCheckReservedLock(sqlite3_file *file, int *result)
{
    if (model().dead)
        return SQLITE_IOERR_CHECKRESERVEDLOCK;
    return realMethods(file)->xCheckReservedLock(realOf(file), result);
}

int xFileControl(sqlite3_file *file, int op, void *argument)
{
    // A size hint may extend the file (only with a chunk size, which the ledger never sets).
    if (model().dead && op == SQLITE_FCNTL_SIZE_HINT)
        return SQLITE_IOERR_TRUNCATE;
    return realMethods(file)->xFileControl(realOf(file), op, argument);
}

int xSectorSize(sqlite3_file *file)
{
    return realMethods(file)->xSectorSize(realOf(file));
}

int xDeviceCharacteristics(sqlite3_file *file)
{
    return realMethods(file)->xDeviceCharacteristics(realOf(file));
}

// Shared memory (-shm) is not durable state: passed through, and deleted at the reboot.
int xShmMap(sqlite3_file *file, int page, int pageSize, int extend, void volatile **out)
{
    if (model().dead)
        return SQLITE_IOERR_SHMMAP;
    return realMethods(file)->xShmMap(realOf(file), page, pageSize, extend, out);
}

int xShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    if (model().dead && !(flags & SQLITE_SHM_UNLOCK))
        return SQLITE_IOERR_SHMLOCK;
    return realMethods(file)->xShmLock(realOf(file), offset, n, flags);
}

void xShmBarrier(sqlite3_file *file)
{
    realMethods(file)->xShmBarrier(realOf(file));
}

int xShmUnmap(sqlite3_file *file, int deleteFlag)
{
    return realMethods(file)->xShmUnmap(realOf(file), deleteFlag);
}

int xFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
    if (model().dead) {
        *out = nullptr; // then SQLite reads with xRead, which fails
        return SQLITE_OK;
    }
    return realMethods(file)->xFetch(realOf(file), offset, amount, out);
}

int xUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *pointer)
{
    return realMethods(file)->xUnfetch(realOf(file), offset, pointer);
}

const sqlite3_io_methods shimMethods = {
    3,
    xClose,
    xRead,
    xWrite,
    xTruncate,
    xSync,
    xFileSize,
    xLock,
    xUnlock,
    xCheckReservedLock,
    xFileControl,
    xSectorSize,
    xDeviceCharacteristics,
    xShmMap,
    xShmLock,
    xShmBarrier,
    xShmUnmap,
    xFetch,
    xUnfetch,
};

// ---- the sqlite3_vfs shim ----

int vfsOpen(sqlite3_vfs *, const char *path, sqlite3_file *file, int flags, int *outFlags)
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    ShimFile *f = shim(file);
    f->base.pMethods = nullptr;
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + realOffset);
    f->name = nullptr;
    if (m.dead)
        return SQLITE_CANTOPEN;
    const QString name = watchedName(path);
    const bool existed = path && ::access(path, F_OK) == 0;
    const bool creating = !name.isEmpty() && !existed && (flags & SQLITE_OPEN_CREATE);
    if (creating && !enter())
        return SQLITE_CANTOPEN;
    const int rc = m.real->xOpen(m.real, path, f->real, flags, outFlags);
    if (rc != SQLITE_OK)
        return rc; // the unix VFS leaves pMethods null then
    if (f->real->pMethods->iVersion < 3) {
        // Never the case for the unix VFS; the shim forwards version-3 methods only.
        f->real->pMethods->xClose(f->real);
        return SQLITE_CANTOPEN;
    }
    f->base.pMethods = &shimMethods;
    if (!name.isEmpty()) {
        if (creating)
            created(m.entries[name]);
        else
            sighted(name);
        f->name = new QString(name);
        ++m.open;
    }
    return SQLITE_OK;
}

int vfsDelete(sqlite3_vfs *, const char *path, int syncDirectory)
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    const QString name = watchedName(path);
    if (name.isEmpty() ? bool(m.dead) : !enter())
        return SQLITE_IOERR_DELETE;
    if (!name.isEmpty() && ::access(path, F_OK) == 0)
        deleted(sighted(name));
    // With syncDirectory the unix VFS fsyncs the folder after the unlink (through the
    // interposer, so the model sees it).
    return m.real->xDelete(m.real, path, syncDirectory);
}

int vfsAccess(sqlite3_vfs *, const char *path, int flags, int *result)
{
    Model &m = model();
    if (m.dead)
        return SQLITE_IOERR_ACCESS;
    return m.real->xAccess(m.real, path, flags, result);
}

sqlite3_vfs &shimVfs()
{
    static sqlite3_vfs vfs = [] {
        Model &m = model();
        m.real = sqlite3_vfs_find("unix");
        Q_ASSERT(m.real);
        sqlite3_vfs v = *m.real;
        v.pNext = nullptr;
        v.zName = "powerloss";
        v.szOsFile = realOffset + m.real->szOsFile;
        v.xOpen = vfsOpen;
        v.xDelete = vfsDelete;
        v.xAccess = vfsAccess;
        return v;
    }();
    return vfs;
}

// The interposed fsync()/fdatasync(): directories are the model's business, files pass through
// (their syncs that matter arrive as xSync).
// SMARTPOS_POWER_APP_DIRSYNC=0: directory fsyncs by anything but libsqlite3 are done but not
// credited, as if SmartPOS never synced a folder (shows what SQLite's own syncs cover).
bool creditsCaller(void *returnAddress)
{
    static const bool appSyncsCount = qEnvironmentVariable("SMARTPOS_POWER_APP_DIRSYNC") != u"0";
    if (appSyncsCount)
        return true;
    Dl_info info;
    return ::dladdr(returnAddress, &info) && info.dli_fname
           && QByteArrayView(info.dli_fname).contains("libsqlite3");
}

int interposedSync(int fd, bool dataOnly, void *caller)
{
    const auto realSync = [&] { return int(::syscall(dataOnly ? SYS_fdatasync : SYS_fsync, fd)); };
    struct stat st;
    if (::fstat(fd, &st) != 0)
        return realSync();
    const bool directory = S_ISDIR(st.st_mode);
    Model &m = model();
    if (!directory && !m.keyWatched)
        return realSync(); // a file's sync that matters arrives as xSync
    std::lock_guard lock(m.mutex);
    char target[PATH_MAX] = {};
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd);
    const ssize_t length = ::readlink(link.constData(), target, sizeof target - 1);
    const QString path = QFile::decodeName(QByteArray(target, length > 0 ? int(length) : 0));
    const bool watched = directory && !m.dir.isEmpty() && st.st_dev == m.dev && st.st_ino == m.ino;
    // With a key folder watched, its fsyncs (of its files and of itself) are cut points too.
    const bool keyFolder =
        !m.keyDir.isEmpty() && (path == m.keyDir || QFileInfo(path).absolutePath() == m.keyDir);
    if (!directory && !keyFolder)
        return realSync();
    if (watched || keyFolder ? !enter() : bool(m.dead)) {
        errno = EIO;
        return -1;
    }
    const int rc = realSync();
    if (directory)
        m.dirSyncs.append(path);
    if (rc == 0 && watched && creditsCaller(caller))
        directorySynced();
    return rc;
}

} // namespace

void watch(const QString &dir)
{
    static const bool registered = sqlite3_vfs_register(&shimVfs(), 1) == SQLITE_OK;
    Q_ASSERT(registered);
    Model &m = model();
    std::lock_guard lock(m.mutex);
    m.dir = QFileInfo(dir).canonicalFilePath();
    struct stat st;
    if (::stat(QFile::encodeName(m.dir).constData(), &st) == 0) {
        m.dev = st.st_dev;
        m.ino = st.st_ino;
    }
    m.durableNames = listing(m.dir);
    m.entries.clear();
    m.ops = 0;
    m.cutAt = 0;
    m.dead = false;
}

void watchKeyFolder(const QString &dir)
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    m.keyDir = dir.isEmpty() ? QString() : QFileInfo(dir).canonicalFilePath();
    m.keyWatched = !m.keyDir.isEmpty();
}

void unwatch()
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    m.dir.clear();
    m.keyDir.clear();
    m.keyWatched = false;
    m.entries.clear();
    m.durableNames.clear();
    m.cutAt = 0;
    m.dead = false;
}

void arm(qint64 operations)
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    m.cutAt = m.ops + qMax<qint64>(1, operations);
}

void disarm()
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    m.cutAt = 0;
}

void setSyncsLie(bool lie)
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    m.syncsLie = lie;
}

bool isDead()
{
    return model().dead;
}

qint64 operations()
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    return m.ops;
}

int openFiles()
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    return m.open;
}

bool entryIsDurable(const QString &fileName)
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    const auto e = m.entries.find(fileName);
    if (e == m.entries.end())
        return m.durableNames.count(fileName) > 0 && QFileInfo::exists(m.dir + u'/' + fileName);
    return e->second.exists && e->second.entryDurable;
}

QStringList directorySyncs()
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    return m.dirSyncs;
}

void clearDirectorySyncs()
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    m.dirSyncs.clear();
}

namespace {

// The content a file has after the cut: its durable image and, in the order they were issued,
// each later write applied whole, dropped or torn at sector boundaries.
QByteArray afterCut(const Inode &inode, QRandomGenerator &random, RebootStats &stats, QString *what)
{
    QByteArray image = inode.durable;
    int applied = 0, dropped = 0, torn = 0;
    // How much of this file the page cache had written back: about a third each way, nearly
    // everything, everything (then even the commit in flight can survive whole), or nearly
    // nothing.
    static constexpr int weights[4][3] = {{1, 1, 1}, {18, 1, 1}, {1, 0, 0}, {1, 18, 1}};
    const int *weight = weights[random.bounded(4)];
    const int sum = weight[0] + weight[1] + weight[2];
    for (const Op &op : inode.pending) {
        const int draw = random.bounded(sum);
        int fate = draw < weight[0] ? 0 : draw < weight[0] + weight[1] ? 1 : 2;
        if (op.truncateTo >= 0 && fate == 2)
            fate = random.bounded(2); // a truncate is all or nothing
        if (fate == 0) {
            apply(image, op);
            ++applied;
        } else if (fate == 1) {
            ++dropped;
        } else {
            // The file's size reached the disk, only some of the sectors did; the rest reads
            // as what was there before (zeros past the old end).
            const qint64 end = op.offset + op.data.size();
            if (image.size() < end)
                image.append(QByteArray(end - image.size(), '\0'));
            for (qint64 at = op.offset; at < end;) {
                const qint64 next = qMin(end, (at / sectorBytes + 1) * sectorBytes);
                if (random.bounded(2))
                    std::memcpy(image.data() + at, op.data.constData() + (at - op.offset),
                                size_t(next - at));
                at = next;
            }
            ++torn;
        }
    }
    stats.writesApplied += applied;
    stats.writesDropped += dropped;
    stats.writesTorn += torn;
    *what += QStringLiteral("%1 durable bytes, %2 unsynced writes: %3 applied, %4 dropped, %5 torn "
                            "-> %6 bytes")
                 .arg(inode.durable.size())
                 .arg(inode.pending.size())
                 .arg(applied)
                 .arg(dropped)
                 .arg(torn)
                 .arg(image.size());
    return image;
}

bool writeWhole(const QString &path, const QByteArray &content)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    const bool written = ::write(fd, content.constData(), size_t(content.size())) == content.size();
    ::close(fd);
    return written;
}

} // namespace

RebootStats reboot(QRandomGenerator &random)
{
    Model &m = model();
    std::lock_guard lock(m.mutex);
    RebootStats stats;
    Q_ASSERT_X(m.open == 0, "powerloss::reboot", "a connection is still open");
    for (auto &[name, e] : m.entries) {
        const QString path = m.dir + u'/' + name;
        const Inode *survivor = nullptr;
        QString what = name + QStringLiteral(": ");
        if (e.exists && e.entryDurable) {
            survivor = &e.inode;
        } else if (e.exists) {
            // Made since the last directory fsync: the name may not have reached the disk.
            if (random.bounded(2)) {
                survivor = &e.inode;
                what += QStringLiteral("new name kept; ");
            } else if (e.old) {
                survivor = &*e.old;
                ++stats.entriesRevived;
                what += QStringLiteral("new name lost, the file it replaced came back; ");
            } else {
                ++stats.entriesLost;
                what += QStringLiteral("new name lost (the file vanished)");
            }
        } else if (e.old) {
            // Unlinked since the last directory fsync: the unlink may not have reached the disk.
            if (random.bounded(2)) {
                survivor = &*e.old;
                ++stats.entriesRevived;
                what += QStringLiteral("unlinked, came back; ");
            } else {
                what += QStringLiteral("unlinked, stays gone");
            }
        } else {
            what += QStringLiteral("gone");
        }
        if (survivor) {
            writeWhole(path, afterCut(*survivor, random, stats, &what));
            ++stats.files;
        } else {
            QFile::remove(path);
        }
        stats.log.append(what);
    }
    for (const QString &name : listing(m.dir)) {
        if (name.endsWith(QStringLiteral("-shm"))) {
            QFile::remove(m.dir + u'/' + name); // memory, not disk
        } else if (!m.entries.count(name) && !m.durableNames.count(name) && random.bounded(2)) {
            // Made outside SQLite, never opened by it, its folder never synced since.
            QFile::remove(m.dir + u'/' + name);
            ++stats.entriesLost;
            stats.log.append(name + QStringLiteral(": made outside SQLite, name lost"));
        }
    }
    // The machine is up again: what is on disk now is durable.
    m.entries.clear();
    m.durableNames = listing(m.dir);
    m.cutAt = 0;
    m.dead = false;
    return stats;
}

} // namespace powerloss

// Interposed for the whole test process (the executable exports them, see CMakeLists.txt): the
// ledger's own syncPath()/writeFileDurably() and libsqlite3's directory syncs come here first.
extern "C" int fsync(int fd)
{
    return powerloss::interposedSync(fd, false, __builtin_return_address(0));
}

extern "C" int fdatasync(int fd)
{
    return powerloss::interposedSync(fd, true, __builtin_return_address(0));
}
