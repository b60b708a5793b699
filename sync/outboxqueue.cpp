#include "outboxqueue.h"

namespace smartpos {

QList<OutboxEvent> OutboxQueue::pending(int limit)
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT id, event_id, kind, body, attempts FROM outbox WHERE sent_at IS NULL "
        "ORDER BY id LIMIT ?"));
    q.addBindValue(limit);
    QList<OutboxEvent> events;
    if (q.exec())
        while (q.next())
            events.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toString(), q.value(4).toInt()});
    return events;
}

qint64 OutboxQueue::pendingCount()
{
    QSqlQuery q(m_db.connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

bool OutboxQueue::markSent(const QList<qint64> &ids, const QDateTime &atUtc, QString *error)
{
    QSqlDatabase &db = m_db.connection();
    if (!db.transaction()) {
        *error = m_db.describe(db.lastError());
        return false;
    }
    QSqlQuery mark = m_db.prepare(
        QStringLiteral("UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?"));
    for (qint64 id : ids) {
        mark.bindValue(0, atUtc.toUTC().toString(Qt::ISODateWithMs));
        mark.bindValue(1, id);
        if (!mark.exec()) {
            *error = m_db.describe(mark.lastError());
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        *error = m_db.describe(db.lastError());
        db.rollback(); // a transaction left open would block every later sale
        return false;
    }
    return true;
}

} // namespace smartpos
