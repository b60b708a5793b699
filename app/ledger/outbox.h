#pragma once

#include "core/result.h"
#include "sqlite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace smartpos {

// One event for the cloud, in its own envelope: the wire format the sync client sends. The body
// is the journal entry's payload, byte for byte (stored once, in the journal).
struct OutboxEvent {
    QString eventId; // the idempotency key the cloud deduplicates on, stable across retries
    QString kind;    // the journal entry's kind ("sale", "no_sale", …)
    int version = 0; // the payload's schema version
    QString terminalId;
    qint64 seq = 0;    // the journal entry's sequence number
    QString createdAt; // UTC, ISO 8601 with milliseconds
    QByteArray body;
    int attempts = 0;
    QByteArray mac, prevMac; // the entry's seal and its predecessor's: the cloud checks the chain
};

// The sending side of the transactional outbox in ledger.db, and the only code that touches its
// table: events in journal order, marked sent only after the cloud acknowledged them, so a crash
// re-sends and never loses. It has a connection of its own, so the sync client can use it from
// its thread while the till commits sales (SQLite's WAL lets both go on).
class Outbox {
    Q_DECLARE_TR_FUNCTIONS(smartpos::Outbox)

public:
    Status open(const QString &dataDir);

    Result<QList<OutboxEvent>> nextBatch(int limit);
    Result<qint64> pendingCount();
    // The journal's last entry (seq 0 and no MAC before the first).
    struct Head {
        qint64 seq = 0;
        QByteArray mac;
    };
    Result<Head> head();
    const QString &terminalId() const { return m_terminalId; }
    // When the cloud last took an event (invalid: never), e.g. the last sync before a restart.
    Result<QDateTime> lastSentAt();
    // Marks events sent (by seq); events already sent keep their first time.
    Status markSent(const QList<qint64> &seqs, const QDateTime &atUtc);
    // Counts a failed delivery of each event.
    Status markAttempted(const QList<qint64> &seqs, const QDateTime &atUtc);

    // The event id of entry `seq` of `terminalId`: a name-based UUID (v5), so it is the same
    // whenever and however often the event is sent.
    static QString eventIdFor(const QString &terminalId, qint64 seq);

private:
    Status update(Statement &statement, const QList<qint64> &seqs, const QDateTime &atUtc);
    Error failure(int code) const;

    QString m_path;
    QString m_terminalId;
    Connection m_connection;
    Statement m_batch, m_head, m_lastSent, m_count, m_sent, m_attempted, m_begin, m_commit,
        m_rollback;
};

} // namespace smartpos
