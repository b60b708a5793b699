#include "printqueue.h"

#include "database.h"
#include "ledger.h"

#include <QDir>
#include <QFile>

#include <sqlite3.h>

namespace smartpos {

Status PrintQueue::open(const QString &dataDir)
{
    m_path = QDir(dataDir).filePath(Ledger::fileName());
    int code = 0;
    if (!m_connection.open(QFile::encodeName(m_path), Ledger::schemaVersion(), &code))
        return describeSqliteError(code, m_path);
    sqlite3 *db = m_connection.handle();
    m_next = Statement(db, "SELECT id, seq, kind, attempts, created_at FROM print_jobs "
                           "WHERE printed_at IS NULL ORDER BY id LIMIT 1");
    m_count = Statement(db, "SELECT count(*) FROM print_jobs WHERE printed_at IS NULL");
    m_printed = Statement(db, "UPDATE print_jobs SET printed_at = ?1, status = 'printed', "
                              "attempts = attempts + 1 WHERE id = ?2 AND printed_at IS NULL");
    m_failed = Statement(db, "UPDATE print_jobs SET attempts = attempts + 1, status = 'retrying' "
                             "WHERE id = ?1 AND printed_at IS NULL");
    m_reprint = Statement(db, "INSERT INTO print_jobs (seq, kind, created_at) "
                              "SELECT seq, 'reprint', ?1 FROM journal WHERE seq = ?2");
    for (const Statement *s : {&m_next, &m_count, &m_printed, &m_failed, &m_reprint})
        if (!s->isValid())
            return Error{ErrorCode::Damaged,
                         tr("The print queue of %1 is damaged. Restore the ledger from a backup.")
                             .arg(m_path)};
    return {};
}

Result<std::optional<PrintJob>> PrintQueue::next()
{
    std::optional<PrintJob> job;
    if (m_next.next())
        job = PrintJob{m_next.integer(0), m_next.integer(1), QString::fromUtf8(m_next.text(2)),
                       int(m_next.integer(3)), QString::fromUtf8(m_next.text(4))};
    const int error = m_next.errorCode();
    m_next.reset();
    if (error)
        return describeSqliteError(error, m_path);
    return job;
}

Result<qint64> PrintQueue::pendingCount()
{
    qint64 count = 0;
    if (!m_count.single(&count))
        return describeSqliteError(m_count.errorCode(), m_path);
    return count;
}

Status PrintQueue::run(Statement &statement)
{
    const bool ok = statement.run();
    const int error = statement.errorCode();
    statement.reset();
    if (!ok)
        return describeSqliteError(error, m_path);
    return {};
}

Status PrintQueue::markPrinted(qint64 id, const QDateTime &atUtc)
{
    m_printed.bindText(1, atUtc.toUTC().toString(Qt::ISODateWithMs).toUtf8()).bind(2, id);
    return run(m_printed);
}

Status PrintQueue::markFailed(qint64 id)
{
    m_failed.bind(1, id);
    return run(m_failed);
}

Result<qint64> PrintQueue::queueReprint(qint64 seq, const QDateTime &atUtc)
{
    m_reprint.bindText(1, atUtc.toUTC().toString(Qt::ISODateWithMs).toUtf8()).bind(2, seq);
    if (Status done = run(m_reprint); !done)
        return done.error();
    if (sqlite3_changes(m_connection.handle()) == 0)
        return Error{ErrorCode::NotFound, tr("There is no journal entry %1 to reprint.").arg(seq)};
    return sqlite3_last_insert_rowid(m_connection.handle());
}

} // namespace smartpos
