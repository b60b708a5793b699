#include "sqlite.h"

#include "database.h"

#include <sqlite3.h>

#include <utility>

namespace smartpos {

Statement::Statement(sqlite3 *db, const char *sql)
{
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
        m_stmt = nullptr;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_error(other.m_error)
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    std::swap(m_stmt, other.m_stmt);
    std::swap(m_error, other.m_error);
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bindText(int index, QByteArrayView utf8)
{
    sqlite3_bind_text64(m_stmt, index, utf8.data() ? utf8.data() : "", sqlite3_uint64(utf8.size()),
                        SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement &Statement::bindBlob(int index, QByteArrayView bytes)
{
    sqlite3_bind_blob64(m_stmt, index, bytes.data() ? bytes.data() : "",
                        sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_error = rc == SQLITE_DONE ? 0 : sqlite3_extended_errcode(sqlite3_db_handle(m_stmt));
    return false;
}

bool Statement::run()
{
    while (next()) {
    }
    const bool ok = m_error == 0;
    sqlite3_reset(m_stmt);
    return ok;
}

bool Statement::single(qint64 *value)
{
    const bool found = next();
    if (found)
        *value = integer(0);
    sqlite3_reset(m_stmt);
    return found;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool Statement::isInteger(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_INTEGER;
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QByteArrayView Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return {data, sqlite3_column_bytes(m_stmt, column)};
}

QByteArrayView Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return {data, sqlite3_column_bytes(m_stmt, column)};
}

} // namespace smartpos

namespace smartpos {

Connection::~Connection()
{
    sqlite3_close_v2(m_db);
}

bool Connection::open(const QByteArray &path, int schemaVersion, int *errorCode)
{
    int rc = sqlite3_open_v2(path.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(m_db, int(busyTimeout().count()));
        rc = sqlite3_exec(m_db,
                          "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                          "PRAGMA trusted_schema=OFF; PRAGMA recursive_triggers=ON",
                          nullptr, nullptr, nullptr);
    }
    if (rc == SQLITE_OK) {
        Statement version(m_db, "PRAGMA user_version");
        rc = version.next() && version.integer(0) == schemaVersion ? SQLITE_OK : SQLITE_NOTADB;
    }
    if (rc != SQLITE_OK) {
        *errorCode = m_db ? sqlite3_extended_errcode(m_db) : rc;
        if (*errorCode == SQLITE_OK)
            *errorCode = rc;
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        return false;
    }
    return true;
}

} // namespace smartpos
