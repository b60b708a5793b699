#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

struct sqlite3;
struct sqlite3_stmt;

namespace smartpos {

// A prepared SQLite statement on a raw connection: the ledger's hot paths (a sale commit, a
// verify over a million entries) bind and read values without QVariant in between.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3 *db, const char *sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    // Parameters count from 1, as in SQLite. Text and blobs are copied.
    Statement &bind(int index, qint64 value);
    Statement &bindText(int index, QByteArrayView utf8);
    Statement &bindBlob(int index, QByteArrayView bytes);
    Statement &bindNull(int index);

    // Steps once: true while a row is there. Any error is kept in errorCode() (0 when none).
    bool next();
    // Steps to the end and resets; false on error.
    bool run();
    // The first column of the only row (e.g. a count), then resets; false on error or no row.
    bool single(qint64 *value);
    void reset();
    int errorCode() const { return m_error; }

    // Columns count from 0. Views stay valid until the next step or reset.
    qint64 integer(int column) const;
    bool isInteger(int column) const;
    bool isNull(int column) const;
    QByteArrayView text(int column) const;
    QByteArrayView blob(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_error = 0;
};

} // namespace smartpos

namespace smartpos {

// A connection of its own to a ledger file, for a class that works on another thread (the
// outbox for the sync client, the print queue for the printer): opened read-write with the
// ledger's settings, never migrating (the till's open does that first).
class Connection {
public:
    Connection() = default;
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // `schemaVersion` is what the caller was built for; another one is refused.
    bool open(const QByteArray &path, int schemaVersion, int *errorCode);
    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace smartpos
