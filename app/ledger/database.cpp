#include "database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QtEndian>
#include <QUrl>
#include <QUuid>

#include <sqlite3.h>

#include <atomic>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace smartpos {

namespace {
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                              | QFileDevice::ExeGroup | QFileDevice::ReadOther
                              | QFileDevice::WriteOther | QFileDevice::ExeOther;

// Creates `path` empty with mode 0600 from the first byte, its directory entry made durable
// (SQLite syncs what it writes into the file, but not the entry of a file it did not create).
bool createPrivateFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *error = file.errorString();
        return false;
    }
    file.setPermissions(ownerOnly);
    file.close();
    syncPath(QFileInfo(path).absolutePath());
    return true;
}

std::atomic<int> busyTimeoutMs = 5000;

// The page size in the header of the database file at `path`; 0 when it does not start like
// an SQLite database.
quint32 databasePageSize(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray header = file.read(18);
    if (header.size() < 18 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return 0;
    const quint32 size = qFromBigEndian<quint16>(header.constData() + 16);
    return size == 1 ? 65536 : size;
}

// The page size of the -wal file at `path` when it holds frames SQLite would replay, else 0.
// SQLite checks only the file itself (https://sqlite.org/fileformat2.html#walformat): magic,
// version, page size, the header's checksum, then frames that carry the header's salts and
// chain its checksum (only the first frame's salts are looked at here). Nothing ties a -wal to
// the database beside it: SQLite replays the -wal of another file over this one.
quint32 walPageSize(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    constexpr int walHeader = 32;
    constexpr int frameHeader = 24;
    const QByteArray head = file.read(walHeader + frameHeader);
    if (head.size() < walHeader + frameHeader)
        return 0;
    const char *bytes = head.constData();
    const auto at = [bytes](int offset) { return qFromBigEndian<quint32>(bytes + offset); };
    const quint32 magic = at(0);
    const quint32 pageSize = at(8);
    if ((magic & ~1u) != 0x377f0682 || at(4) != 3007000 || pageSize < 512 || pageSize > 65536
        || (pageSize & (pageSize - 1)) != 0 || file.size() < walHeader + frameHeader + pageSize)
        return 0;
    // The checksum of the first 24 bytes, read as 32-bit words in the byte order the magic names.
    const auto word = [bytes, bigEndian = (magic & 1) != 0](int offset) {
        return bigEndian ? qFromBigEndian<quint32>(bytes + offset)
                         : qFromLittleEndian<quint32>(bytes + offset);
    };
    quint32 s1 = 0;
    quint32 s2 = 0;
    for (int offset = 0; offset < 24; offset += 8) {
        s1 += word(offset) + s2;
        s2 += word(offset + 4) + s1;
    }
    if (s1 != at(24) || s2 != at(28))
        return 0;
    // A first frame without the header's salts is left over from before the last restart.
    if (std::memcmp(bytes + walHeader + 8, bytes + 16, 8) != 0)
        return 0;
    return pageSize;
}

// Refuses a -wal that cannot be the one of the database file at `path`: SQLite would copy its
// pages into the file. Only a different page size tells for certain (the page size of a WAL
// database never changes); a -wal of another file with the same page size looks like its own.
Status checkWalBelongs(const QString &path)
{
    const quint32 walPages = walPageSize(path + QStringLiteral("-wal"));
    const quint32 filePages = databasePageSize(path);
    if (walPages == 0 || filePages == 0 || walPages == filePages)
        return {};
    return Error{
        ErrorCode::Damaged,
        Database::tr("%1-wal does not belong to %1 (its pages are %2 bytes, the file's %3): one "
                     "of them was copied or restored without the other. Nothing was changed. "
                     "Stop SmartPOS; if %1 is the copy to keep (a restored backup), move %1-wal "
                     "and %1-shm to another folder, else restore all three from one backup.")
            .arg(path)
            .arg(walPages)
            .arg(filePages)};
}

} // namespace

std::chrono::milliseconds busyTimeout()
{
    return std::chrono::milliseconds(busyTimeoutMs.load());
}

void setBusyTimeout(std::chrono::milliseconds timeout)
{
    busyTimeoutMs = int(timeout.count());
}

bool syncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

bool makeDurablePath(const QString &dir)
{
    // The folders mkpath will create, from the deepest one that exists down.
    QStringList created;
    for (QFileInfo level(QFileInfo(dir).absoluteFilePath()); !level.exists();
         level = QFileInfo(level.absolutePath()))
        created.prepend(level.absoluteFilePath());
    if (!QDir().mkpath(dir))
        return false;
    // Each new folder's entry is durable once its parent is synced.
    for (const QString &folder : std::as_const(created))
        syncPath(QFileInfo(folder).absolutePath());
    return true;
}

bool prepareDataDir(const QString &dir, QString *error)
{
    QFileInfo info(dir);
    if (info.exists() && !info.isDir()) {
        *error = Database::tr("The data folder %1 is a file, not a folder.").arg(dir);
        return false;
    }
    if (!info.exists()) {
        if (!makeDurablePath(dir)) {
            *error = Database::tr("Cannot create the data folder %1. Check that its parent exists "
                                  "and is writable.")
                         .arg(dir);
            return false;
        }
        QFile::setPermissions(dir, ownerOnly | QFileDevice::ExeOwner);
    }
    return true;
}

QList<Migration> migrationsFromResources(const QString &name)
{
    const QDir dir(QStringLiteral(":/migrations/") + name);
    QList<Migration> migrations;
    for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        QFile sql(dir.filePath(file));
        sql.open(QIODevice::ReadOnly); // compiled in: cannot fail
        migrations.append({QString::fromUtf8(sql.readAll())});
    }
    return migrations;
}

Database::Database()
    : m_connectionName(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void Database::closeAsFound()
{
    if (sqlite3 *db = handle())
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    close();
}

sqlite3 *Database::handle() const
{
    return m_db.isOpen() ? *static_cast<sqlite3 *const *>(m_db.driver()->handle().constData())
                         : nullptr;
}

bool Database::open(const QString &path, const QStringList &migrations, QString *error)
{
    QList<Migration> steps;
    for (const QString &sql : migrations)
        steps.append({sql});
    const Status opened = open(path, steps);
    if (!opened)
        *error = opened.error().message;
    return opened.ok();
}

Status Database::open(const QString &path, const QList<Migration> &migrations, Mode mode,
                      int pageSize)
{
    close();
    m_path = path;
    m_prepareFailures = 0;
    m_backupPath.clear();
    const bool readOnly = mode == Mode::ReadOnly;
    QFileInfo info(path);
    if (!info.dir().exists())
        return Error{ErrorCode::Storage,
                     tr("The data folder %1 does not exist.").arg(info.absolutePath())};
    if (readOnly && !info.exists())
        return Error{ErrorCode::NotFound, tr("%1 does not exist.").arg(path)};
    // An empty file is what a power cut during the very first open leaves: still new.
    const bool created = !info.exists() || info.size() == 0;
    if (!info.exists()) {
        // Created here so it is 0600 from the first byte; SQLite gives its -wal and -shm
        // files the same mode as the database file.
        QString reason;
        if (!createPrivateFile(path, &reason))
            return Error{ErrorCode::Storage, tr("Cannot create %1: %2").arg(path, reason)};
    } else if (const auto perms = QFile::permissions(path); !readOnly && (perms & groupOrOther)) {
        // Made by an installer, a restore or `touch`: sales are for the owner's eyes only.
        QFile::setPermissions(path, perms & ~groupOrOther);
    }
    if (!created)
        if (Status walBelongs = checkWalBelongs(path); !walBelongs)
            return walBelongs;
    const QString timeout = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeout().count());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(readOnly ? timeout + QStringLiteral(";QSQLITE_OPEN_READONLY") : timeout);
    // A refused file keeps its -wal as found: it may belong to another copy of the file.
    auto failed = [this](Error error) {
        closeAsFound();
        return error;
    };
    if (!m_db.open())
        return failed(
            describe(m_db.lastError().nativeErrorCode().toInt(), m_db.lastError().text()));
    if (created)
        if (Status sized = execScript(QStringLiteral("PRAGMA page_size=%1").arg(pageSize)); !sized)
            return failed(sized.error());
    // The first read of the file tells whether it is a database at all. A reader of a WAL
    // database needs its -shm file (SQLite makes it, with an empty -wal, when the folder may be
    // written). In a folder nobody may write there can be no writer either, so without a -wal
    // to read the file is read as immutable; a -wal it cannot read is reported, never ignored.
    // A lock means a writer, whose changes an immutable view would read half-made.
    Result<QVariant> version = value(QStringLiteral("PRAGMA user_version"));
    if (!version && readOnly && version.error().code != ErrorCode::Locked
        && QFileInfo(path + QStringLiteral("-wal")).size() == 0) {
        m_db.close();
        m_db.setDatabaseName(QStringLiteral("file:%1?immutable=1")
                                 .arg(QString::fromUtf8(QUrl::toPercentEncoding(path, "/"))));
        m_db.setConnectOptions(timeout + QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        if (!m_db.open())
            return failed(
                describe(m_db.lastError().nativeErrorCode().toInt(), m_db.lastError().text()));
        version = value(QStringLiteral("PRAGMA user_version"));
    }
    if (!version)
        return failed(version.error());
    m_schemaVersion = version->toInt();
    if (m_schemaVersion > migrations.size())
        return failed(tooNew(path, m_schemaVersion, int(migrations.size())));
    if (readOnly) {
        if (m_schemaVersion < migrations.size())
            return failed({ErrorCode::NotSupported,
                           tr("%1 has schema %2 and needs an upgrade to %3: start SmartPOS once "
                              "(it backs the file up first), then try again.")
                               .arg(path)
                               .arg(m_schemaVersion)
                               .arg(migrations.size())});
        return {};
    }
    if (Status set = execScript(QStringLiteral("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                                               "PRAGMA trusted_schema=OFF"));
        !set)
        return failed(set.error());
    const Result<QVariant> sync = value(QStringLiteral("PRAGMA synchronous"));
    if (!sync)
        return failed(sync.error());
    if (sync->toInt() < 2)
        return failed({ErrorCode::Storage,
                       tr("%1 refuses synchronous=FULL; sales would not be durable.").arg(path)});
    // Migrations run in the file's own journal mode, so a refused one leaves it as it was.
    if (Status migrated = migrate(migrations); !migrated)
        return failed(migrated.error());
    const Result<QVariant> journalMode = value(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!journalMode)
        return failed(journalMode.error());
    if (journalMode->toString() != u"wal")
        return failed(
            {ErrorCode::Storage, tr("%1 cannot use write-ahead logging (journal mode is %2).")
                                     .arg(path, journalMode->toString())});
    return {};
}

Error Database::tooNew(const QString &path, int version, int known)
{
    return {ErrorCode::TooNew,
            tr("%1 was written by a newer SmartPOS (schema %2, this version knows %3). Nothing was "
               "changed; install the newer SmartPOS again.")
                .arg(path)
                .arg(version)
                .arg(known)};
}

Result<QVariant> Database::value(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return describe(query.lastError().nativeErrorCode().toInt(), query.lastError().text());
    return query.next() ? query.value(0) : QVariant();
}

Status Database::backup(int fromVersion)
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmssZ"));
    const QString name = QStringLiteral("%1.schema%2-%3").arg(m_path).arg(fromVersion).arg(stamp);
    // Never over an earlier backup (a refused upgrade retried within the same second).
    QString target = name + QStringLiteral(".bak");
    QString reason;
    for (int n = 2; !createPrivateFile(target, &reason); ++n) {
        if (!QFileInfo::exists(target) || n > 100)
            return Error{ErrorCode::Storage,
                         tr("Cannot back up %1 before upgrading it: %2").arg(m_path, reason)};
        target = QStringLiteral("%1-%2.bak").arg(name).arg(n);
    }
    sqlite3 *copy = nullptr;
    int rc = sqlite3_open_v2(target.toUtf8().constData(), &copy, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup *step = sqlite3_backup_init(copy, "main", handle(), "main");
        rc = step ? sqlite3_backup_step(step, -1) : sqlite3_errcode(copy);
        if (step)
            rc = sqlite3_backup_finish(step) == SQLITE_OK && rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_close(copy);
    if (rc != SQLITE_OK) {
        QFile::remove(target);
        return Error{
            ErrorCode::Storage,
            tr("Cannot back up %1 before upgrading it: %2").arg(m_path, describe(rc).message)};
    }
    m_backupPath = target;
    return {};
}

Status Database::migrate(const QList<Migration> &migrations)
{
    if (m_schemaVersion == migrations.size())
        return {};
    if (m_schemaVersion > 0)
        if (Status saved = backup(m_schemaVersion); !saved)
            return saved;
    for (int number = m_schemaVersion + 1; number <= migrations.size(); ++number) {
        const Migration &step = migrations[number - 1];
        Status done = execScript(QStringLiteral("BEGIN IMMEDIATE"));
        if (!done)
            return done;
        done = execScript(step.sql);
        if (done && step.after)
            done = step.after(*this);
        if (done)
            done = execScript(QStringLiteral("PRAGMA user_version=%1; COMMIT").arg(number));
        if (!done) {
            (void)execScript(QStringLiteral("ROLLBACK")); // the step's own error is the news
            return done;
        }
        m_schemaVersion = number;
    }
    return {};
}

Status Database::execScript(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(handle(), sql.toUtf8().constData(), nullptr, nullptr, &message);
    const QString detail = QString::fromUtf8(message);
    sqlite3_free(message);
    if (rc == SQLITE_OK)
        return {};
    return describe(sqlite3_extended_errcode(handle()), detail);
}

std::optional<QVariant> Database::scalar(const QString &sql, QString *error)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        *error = describe(query.lastError());
        return std::nullopt;
    }
    return query.next() ? query.value(0) : QVariant();
}

QSqlQuery Database::prepare(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        ++m_prepareFailures;
    return query;
}

bool Database::exec(const QString &sql, QString *error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    *error = describe(query.lastError());
    return false;
}

QString Database::describe(const QSqlError &error) const
{
    return describe(error.nativeErrorCode().toInt(), error.text()).message;
}

Error Database::describe(int sqliteCode, const QString &detail) const
{
    return describeSqliteError(sqliteCode, m_path, detail);
}

Error describeSqliteError(int sqliteCode, const QString &path, const QString &detail)
{
    // SQLite's own words, for support, when the caller has none.
    const QString what = !detail.isEmpty()         ? detail
                         : sqliteCode != SQLITE_OK ? QString::fromUtf8(sqlite3_errstr(sqliteCode))
                                                   : Database::tr("no details");
    switch (sqliteCode) {
    case SQLITE_BUSY_SNAPSHOT: // no waiting: what was read is already out of date
        return {ErrorCode::Locked,
                Database::tr("%1 was changed by another program while SmartPOS was reading it. "
                             "Nothing was saved; try again.")
                    .arg(path)};
    case SQLITE_READONLY_DBMOVED:
        return {ErrorCode::Storage,
                Database::tr("%1 was moved, renamed or replaced while SmartPOS had it open. "
                             "Nothing was saved. Close SmartPOS and start it again; move or "
                             "restore data files only while SmartPOS is closed.")
                    .arg(path)};
    }
    switch (sqliteCode & 0xff) {
    case SQLITE_FULL:
        return {
            ErrorCode::Storage,
            Database::tr("The disk holding %1 is full. Nothing was saved; free some space and try "
                         "again.")
                .arg(path)};
    case SQLITE_READONLY:
        return {
            ErrorCode::Storage,
            Database::tr("%1 is read-only. Nothing was saved; check the file's permissions and the "
                         "disk.")
                .arg(path)};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        // SQLite replays a -wal over whatever file it lies beside: a backup restored over the
        // file alone, or a file from another till, reads as damaged.
        if (QFileInfo(path + QStringLiteral("-wal")).size() > 0)
            return {ErrorCode::Damaged,
                    Database::tr(
                        "%1 is damaged or is not a SmartPOS database; it was left untouched. A "
                        "likely cause is that %1-wal beside it belongs to another copy (a backup "
                        "restored over %1 alone, or a file from another till). Stop SmartPOS, "
                        "move %1-wal and %1-shm to another folder (keep them) and start again; "
                        "if it is still refused, restore %1 from a backup or call support.")
                        .arg(path)};
        return {ErrorCode::Damaged,
                Database::tr(
                    "%1 is damaged or is not a SmartPOS database. It was left untouched; restore "
                    "it from a backup or call support.")
                    .arg(path)};
    case SQLITE_CANTOPEN:
        return {ErrorCode::Storage,
                Database::tr("Cannot open %1. Check that the folder exists and is writable.")
                    .arg(path)};
    case SQLITE_BUSY: {
        // Whole seconds: 5 in production, where the timeout never changes.
        const auto waited = std::chrono::ceil<std::chrono::seconds>(busyTimeout());
        return {ErrorCode::Locked,
                Database::tr("%1 is locked by another program (a database viewer, a backup or "
                             "copy tool, another SmartPOS) and stayed locked for more than %2 "
                             "seconds. Close that program and try again.")
                    .arg(path)
                    .arg(qMax<qint64>(1, waited.count()))};
    }
    case SQLITE_LOCKED: // within this process: SmartPOS opens no shared cache
        return {ErrorCode::Locked,
                Database::tr("%1 is in use by another task of SmartPOS. Nothing was saved; try "
                             "again, and restart SmartPOS if this keeps happening.")
                    .arg(path)};
    case SQLITE_IOERR:
        // A write that hits a size limit or a failing disk arrives here, not as "full".
        return {ErrorCode::Storage,
                Database::tr(
                    "The disk reported an error on %1 (%2): it may be full or failing. Nothing "
                    "was saved; free some space or check the disk, then try again.")
                    .arg(path, what)};
    default:
        return {ErrorCode::Storage,
                Database::tr("Database error on %1: %2. Try again; if it keeps happening, call "
                             "support with this message.")
                    .arg(path, what)};
    }
}

} // namespace smartpos
