#include "database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace smartpos {

namespace {
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                              | QFileDevice::ExeGroup | QFileDevice::ReadOther
                              | QFileDevice::WriteOther | QFileDevice::ExeOther;

// SQLite primary result codes (sqlite3.h) as QtSql reports them in nativeErrorCode().
enum SqliteCode {
    Readonly = 8,
    IoErr = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    NotADb = 26,
};

} // namespace

bool prepareDataDir(const QString &dir, QString *error)
{
    QFileInfo info(dir);
    if (info.exists() && !info.isDir()) {
        *error = Database::tr("The data folder %1 is a file, not a folder.").arg(dir);
        return false;
    }
    if (!info.exists()) {
        if (!QDir().mkpath(dir)) {
            *error = Database::tr("Cannot create the data folder %1. Check that its parent exists and "
                        "is writable.")
                         .arg(dir);
            return false;
        }
        QFile::setPermissions(dir, ownerOnly | QFileDevice::ExeOwner);
    }
    return true;
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

bool Database::open(const QString &path, const QStringList &migrations, QString *error)
{
    close();
    m_path = path;
    QFileInfo info(path);
    if (!info.dir().exists()) {
        *error = tr("The data folder %1 does not exist.").arg(info.absolutePath());
        return false;
    }
    if (!info.exists()) {
        // Create the file ourselves so it is 0600 from the first byte; SQLite gives its -wal
        // and -shm files the same mode as the database file.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = tr("Cannot create %1: %2").arg(path, file.errorString());
            return false;
        }
        file.setPermissions(ownerOnly);
    } else if (const auto mode = QFile::permissions(path); mode & groupOrOther) {
        // Made by an installer, a restore or `touch`: sales are for the owner's eyes only.
        QFile::setPermissions(path, mode & ~groupOrOther);
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        *error = describe(m_db.lastError());
        close();
        return false;
    }
    // The first read of the file tells whether it is a database at all.
    const auto mode = scalar(QStringLiteral("PRAGMA journal_mode=WAL"), error);
    if (!mode) {
        close();
        return false;
    }
    if (mode->toString() != u"wal") {
        *error = tr("%1 cannot use write-ahead logging (journal mode is %2).")
                     .arg(path, mode->toString());
        close();
        return false;
    }
    if (!exec(QStringLiteral("PRAGMA synchronous=FULL"), error)
        || !exec(QStringLiteral("PRAGMA foreign_keys=ON"), error)
        || !exec(QStringLiteral("PRAGMA trusted_schema=OFF"), error)) {
        close();
        return false;
    }
    const auto sync = scalar(QStringLiteral("PRAGMA synchronous"), error);
    if (!sync || sync->toInt() < 2) {
        if (sync)
            *error = tr("%1 refuses synchronous=FULL; sales would not be durable.").arg(path);
        close();
        return false;
    }
    if (!migrate(migrations, error)) {
        close();
        return false;
    }
    return true;
}

bool Database::migrate(const QStringList &migrations, QString *error)
{
    const auto version = scalar(QStringLiteral("PRAGMA user_version"), error);
    if (!version)
        return false;
    const int applied = version->toInt();
    if (applied > migrations.size()) {
        *error = tr("%1 was written by a newer SmartPOS (schema %2, this version knows %3).")
                     .arg(m_path)
                     .arg(applied)
                     .arg(migrations.size());
        return false;
    }
    for (int number = applied + 1; number <= migrations.size(); ++number) {
        if (!m_db.transaction()) {
            *error = describe(m_db.lastError());
            return false;
        }
        const QStringList statements = migrations[number - 1].split(QStringLiteral(";;"));
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            QSqlQuery step(m_db);
            if (!step.exec(statement)) {
                *error = describe(step.lastError());
                m_db.rollback();
                return false;
            }
        }
        if (!exec(QStringLiteral("PRAGMA user_version=%1").arg(number), error)) {
            m_db.rollback();
            return false;
        }
        if (!m_db.commit()) {
            *error = describe(m_db.lastError());
            m_db.rollback();
            return false;
        }
    }
    return true;
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
        qFatal("SmartPOS: cannot prepare \"%s\": %s", qPrintable(sql),
               qPrintable(query.lastError().text()));
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
    switch (error.nativeErrorCode().toInt() & 0xff) {
    case Full:
        return tr("The disk holding %1 is full. Nothing was saved; free some space and try "
                  "again.")
            .arg(m_path);
    case Readonly:
        return tr("%1 is read-only. Nothing was saved; check the file's permissions and the disk.")
            .arg(m_path);
    case Corrupt:
    case NotADb:
        return tr("%1 is damaged or is not a SmartPOS database. It was left untouched; restore "
                  "it from a backup or call support.")
            .arg(m_path);
    case CantOpen:
        return tr("Cannot open %1. Check that the folder exists and is writable.").arg(m_path);
    case IoErr:
        // A write that hits a size limit or a failing disk arrives here, not as "full".
        return tr("The disk reported an error on %1 (%2): it may be full or failing. Nothing "
                  "was saved; free some space or check the disk, then try again.")
            .arg(m_path, error.databaseText());
    default:
        return tr("Database error on %1: %2").arg(m_path, error.text());
    }
}

} // namespace smartpos
