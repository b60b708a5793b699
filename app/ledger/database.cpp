#include "database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QUrl>
#include <QUuid>

#include <sqlite3.h>

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

} // namespace

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
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(readOnly
                               ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                               : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    auto failed = [this](Error error) {
        close();
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
    Result<QVariant> version = value(QStringLiteral("PRAGMA user_version"));
    if (!version && readOnly && QFileInfo(path + QStringLiteral("-wal")).size() == 0) {
        m_db.close();
        m_db.setDatabaseName(QStringLiteral("file:%1?immutable=1")
                                 .arg(QString::fromUtf8(QUrl::toPercentEncoding(path, "/"))));
        m_db.setConnectOptions(
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
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
        return {ErrorCode::Damaged,
                Database::tr(
                    "%1 is damaged or is not a SmartPOS database. It was left untouched; restore "
                    "it from a backup or call support.")
                    .arg(path)};
    case SQLITE_CANTOPEN:
        return {ErrorCode::Storage,
                Database::tr("Cannot open %1. Check that the folder exists and is writable.")
                    .arg(path)};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {
            ErrorCode::Locked,
            Database::tr("%1 is busy: another program has held it for more than 5 seconds. Close "
                         "other SmartPOS windows or tools using this data folder and try again.")
                .arg(path)};
    case SQLITE_IOERR:
        // A write that hits a size limit or a failing disk arrives here, not as "full".
        return {ErrorCode::Storage,
                Database::tr(
                    "The disk reported an error on %1 (%2): it may be full or failing. Nothing "
                    "was saved; free some space or check the disk, then try again.")
                    .arg(path, detail)};
    default:
        return {ErrorCode::Storage, Database::tr("Database error on %1: %2").arg(path, detail)};
    }
}

} // namespace smartpos
