#include "outbox.h"

#include "database.h"
#include "ledger.h"

#include <QDir>
#include <QFile>
#include <QUuid>

namespace smartpos {

Status Outbox::open(const QString &dataDir)
{
    m_path = QDir(dataDir).filePath(Ledger::fileName());
    int code = 0;
    if (!m_connection.open(QFile::encodeName(m_path), Ledger::schemaVersion(), &code))
        return failure(code);
    sqlite3 *db = m_connection.handle();
    Statement terminal(db, "SELECT value FROM meta WHERE key = 'terminal_id'");
    if (!terminal.next())
        return failure(terminal.errorCode());
    m_terminalId = QString::fromUtf8(terminal.text(0));
    m_batch = Statement(db, "SELECT o.seq, o.attempts, j.kind, j.version, j.created_at, j.payload, "
                            "j.mac, j.prev_mac "
                            "FROM outbox o JOIN journal j ON j.seq = o.seq "
                            "WHERE o.sent_at IS NULL ORDER BY o.seq LIMIT ?");
    m_count = Statement(db, "SELECT count(*) FROM outbox WHERE sent_at IS NULL");
    m_head = Statement(db, "SELECT seq, mac FROM journal ORDER BY seq DESC LIMIT 1");
    m_lastSent = Statement(db, "SELECT max(sent_at) FROM outbox");
    m_sent = Statement(db, "UPDATE outbox SET sent_at = ?1, attempts = attempts + 1, "
                           "last_attempt_at = ?1 WHERE seq = ?2 AND sent_at IS NULL");
    m_attempted = Statement(db, "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?1 "
                                "WHERE seq = ?2 AND sent_at IS NULL");
    m_begin = Statement(db, "BEGIN IMMEDIATE");
    m_commit = Statement(db, "COMMIT");
    m_rollback = Statement(db, "ROLLBACK");
    for (const Statement *s : {&m_batch, &m_head, &m_lastSent, &m_count, &m_sent, &m_attempted,
                               &m_begin, &m_commit, &m_rollback})
        if (!s->isValid())
            return Error{
                ErrorCode::Damaged,
                tr("The outbox of %1 is damaged. Restore the ledger from a backup.").arg(m_path)};
    return {};
}

QString Outbox::eventIdFor(const QString &terminalId, qint64 seq)
{
    return QUuid::createUuidV5(QUuid::fromString(terminalId), QByteArray::number(seq))
        .toString(QUuid::WithoutBraces);
}

Error Outbox::failure(int code) const
{
    return describeSqliteError(code, m_path);
}

Result<QList<OutboxEvent>> Outbox::nextBatch(int limit)
{
    QList<OutboxEvent> events;
    m_batch.bind(1, limit);
    while (m_batch.next()) {
        const qint64 seq = m_batch.integer(0);
        events.append({eventIdFor(m_terminalId, seq), QString::fromUtf8(m_batch.text(2)),
                       int(m_batch.integer(3)), m_terminalId, seq,
                       QString::fromUtf8(m_batch.text(4)), m_batch.blob(5).toByteArray(),
                       int(m_batch.integer(1)), m_batch.blob(6).toByteArray(),
                       m_batch.blob(7).toByteArray()});
    }
    const int error = m_batch.errorCode();
    m_batch.reset();
    if (error)
        return failure(error);
    return events;
}

Result<qint64> Outbox::pendingCount()
{
    qint64 count = 0;
    if (!m_count.single(&count))
        return failure(m_count.errorCode());
    return count;
}

Result<Outbox::Head> Outbox::head()
{
    Head head;
    if (m_head.next()) {
        head.seq = m_head.integer(0);
        head.mac = m_head.blob(1).toByteArray();
    }
    const int error = m_head.errorCode();
    m_head.reset();
    if (error)
        return failure(error);
    return head;
}

Result<QDateTime> Outbox::lastSentAt()
{
    QDateTime at;
    if (m_lastSent.next())
        at = QDateTime::fromString(QString::fromUtf8(m_lastSent.text(0)), Qt::ISODateWithMs);
    const int error = m_lastSent.errorCode();
    m_lastSent.reset();
    if (error)
        return failure(error);
    return at;
}

Status Outbox::update(Statement &statement, const QList<qint64> &seqs, const QDateTime &atUtc)
{
    const QByteArray at = atUtc.toUTC().toString(Qt::ISODateWithMs).toUtf8();
    if (!m_begin.run())
        return failure(m_begin.errorCode());
    for (qint64 seq : seqs) {
        statement.bindText(1, at).bind(2, seq);
        if (!statement.run()) {
            const int error = statement.errorCode();
            m_rollback.run(); // an open transaction would block every later sale
            return failure(error);
        }
    }
    if (!m_commit.run()) {
        const int error = m_commit.errorCode();
        m_rollback.run();
        return failure(error);
    }
    return {};
}

Status Outbox::markSent(const QList<qint64> &seqs, const QDateTime &atUtc)
{
    return update(m_sent, seqs, atUtc);
}

Status Outbox::markAttempted(const QList<qint64> &seqs, const QDateTime &atUtc)
{
    return update(m_attempted, seqs, atUtc);
}

} // namespace smartpos
