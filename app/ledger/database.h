#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

namespace smartpos {

// Creates the data directory (mode 0700) if needed. False and a message a person can act on
// when it cannot be made or written.
bool prepareDataDir(const QString &dir, QString *error);

// One QtSql connection to one SQLite file, opened the way SmartPOS needs it: file mode 0600,
// WAL, synchronous=FULL (read back and checked), foreign keys, and numbered migrations
// (PRAGMA user_version = number of migrations applied).
class Database {
    Q_DECLARE_TR_FUNCTIONS(smartpos::Database)

public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(const QString &path, const QStringList &migrations, QString *error);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &connection() { return m_db; }
    const QString &path() const { return m_path; }

    // A query prepared once on this connection; panics only on programming errors (bad SQL).
    QSqlQuery prepare(const QString &sql);
    // The first column of the first row (null when there is no row); nothing on failure.
    std::optional<QVariant> scalar(const QString &sql, QString *error);
    // Runs statements without results (pragmas, DDL). False with the message on failure.
    bool exec(const QString &sql, QString *error);

    // The message for a failed statement on this file, in words a cashier or manager can act on.
    QString describe(const QSqlError &error) const;

private:
    bool migrate(const QStringList &migrations, QString *error);

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
};

} // namespace smartpos
