#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

struct sqlite3;

namespace smartpos {

class Database;

// fsync of a file or folder by name: how a new file's directory entry survives a power cut.
bool syncPath(const QString &path);

// mkpath, with the entry of every folder it creates made durable.
bool makeDurablePath(const QString &dir);

// Creates the data directory (mode 0700) if needed. False and a message a person can act on
// when it cannot be made or written.
bool prepareDataDir(const QString &dir, QString *error);

// What a failed SQLite call on `path` means, in words a cashier or manager can act on.
Error describeSqliteError(int sqliteCode, const QString &path, const QString &detail = {});

// How long a connection waits for a lock another connection holds before the statement fails
// with ErrorCode::Locked: 5 s. Tests shorten it; it applies to connections opened afterwards.
std::chrono::milliseconds busyTimeout();
void setBusyTimeout(std::chrono::milliseconds timeout);

// One numbered schema step: SQL (any number of statements), then an optional step in C++ for
// what SQL cannot do (e.g. computing MACs), both in the step's one transaction.
struct Migration {
    QString sql;
    std::function<Status(Database &)> after = {};
};

// The numbered migrations of one database, compiled in as :/migrations/<name>/NNNN_*.sql.
QList<Migration> migrationsFromResources(const QString &name);

// One QtSql connection to one SQLite file, opened the way SmartPOS needs it: file mode 0600,
// WAL, synchronous=FULL (read back and checked), foreign keys, and numbered migrations
// (PRAGMA user_version = number of migrations applied), each after a backup of the file.
// ReadOnly never writes: no chmod, no journal mode switch, no migration.
class Database {
    Q_DECLARE_TR_FUNCTIONS(smartpos::Database)

public:
    enum class Mode { ReadWrite, ReadOnly };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // `pageSize` applies to a file this call creates (SQLite cannot change it later in WAL mode).
    Status open(const QString &path, const QList<Migration> &migrations,
                Mode mode = Mode::ReadWrite, int pageSize = 4096);
    bool open(const QString &path, const QStringList &migrations, QString *error);
    void close();
    // Closes without the checkpoint SQLite makes when the last connection closes, so a file
    // refused after it was opened stays as it was found, its -wal still beside it (which may
    // belong to another copy of the file).
    void closeAsFound();
    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &connection() { return m_db; }
    sqlite3 *handle() const;
    const QString &path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    // The copy made before the last migration ran, empty when none was needed.
    const QString &backupPath() const { return m_backupPath; }

    // A query prepared once on this connection. A statement that cannot be prepared (a damaged
    // schema) is remembered: check preparedAll() after preparing a set.
    QSqlQuery prepare(const QString &sql);
    bool preparedAll() const { return m_prepareFailures == 0; }
    // The first column of the first row (null when there is no row).
    Result<QVariant> value(const QString &sql);
    std::optional<QVariant> scalar(const QString &sql, QString *error);
    // Runs statements without results (pragmas, DDL). False with the message on failure.
    bool exec(const QString &sql, QString *error);
    // Runs any number of statements through SQLite directly.
    Status execScript(const QString &sql);

    // The message for a failed statement on this file, in words a cashier or manager can act on.
    QString describe(const QSqlError &error) const;
    Error describe(int sqliteCode, const QString &detail = {}) const;
    // Refusal of a file written by a newer SmartPOS (schema `version`, this one knows `known`).
    static Error tooNew(const QString &path, int version, int known);

private:
    Status migrate(const QList<Migration> &migrations);
    Status backup(int fromVersion);

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
    int m_prepareFailures = 0;
    QString m_backupPath;
};

} // namespace smartpos
