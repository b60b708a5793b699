#pragma once

#include "ledger/database.h"

#include <QDateTime>
#include <QList>

namespace smartpos {

struct OutboxEvent {
    qint64 id = 0;
    QString eventId; // the idempotency key the cloud deduplicates on
    QString kind;
    QString body;
    int attempts = 0;
};

// The sending side of the transactional outbox in ledger.db: events in commit order, marked sent
// only after the cloud acknowledged them, so a crash re-sends and never loses.
class OutboxQueue {
public:
    explicit OutboxQueue(Database &ledgerDb) : m_db(ledgerDb) {}

    QList<OutboxEvent> pending(int limit);
    qint64 pendingCount();
    bool markSent(const QList<qint64> &ids, const QDateTime &atUtc, QString *error);

private:
    Database &m_db;
};

} // namespace smartpos
