#pragma once

#include <QCoreApplication>
#include "core/sale.h"
#include "database.h"

#include <QByteArray>
#include <QString>

namespace smartpos {

struct CommitResult {
    bool ok = false;
    qint64 seq = 0;
    QString error;
};

struct VerifyResult {
    bool ok = false;
    qint64 entries = 0;
    qint64 firstBadSeq = 0; // when !ok
    QString reason;
};

// The sales ledger (ledger.db): sales, lines, tenders, the hash-chained journal, the outbox for
// sync and the print queue. A sale is one transaction, durable (WAL + synchronous=FULL) before
// commitSale() returns. One writer: the terminal's own process.
class Ledger {
    Q_DECLARE_TR_FUNCTIONS(smartpos::Ledger)

public:
    static QString fileName() { return QStringLiteral("ledger.db"); }

    bool open(const QString &dataDir, QString *error);
    bool isOpen() const { return m_db.isOpen(); }
    const QString &terminalId() const { return m_terminalId; }

    CommitResult commitSale(const Sale &sale);
    // Walks the journal: sequence without gaps, each hash chained to the previous one, each
    // entry matching the sale rows it records, no sale outside the journal.
    VerifyResult verify();
    Sale loadSale(const QString &uuid, bool *found);

    Database &database() { return m_db; }

private:
    bool loadHead(QString *error);
    // The error of the first statement that failed; invalid when every row was written.
    QSqlError writeSale(const Sale &sale, qint64 seq, const QByteArray &payload,
                        const QByteArray &hash);

    Database m_db;
    QString m_terminalId;
    qint64 m_headSeq = 0;
    QByteArray m_headHash;
    struct Statements;
    std::shared_ptr<Statements> m_sql;
};

// The bytes a journal entry hashes: compact JSON with sorted keys, integers in fen and grams,
// UTC timestamps with milliseconds. Stored as is, so verification never re-serializes history.
QByteArray canonicalSale(const QString &terminalId, qint64 seq, const Sale &sale);
// SHA-256(previous hash ‖ payload); the first entry chains to 32 zero bytes.
QByteArray chainHash(const QByteArray &previousHash, const QByteArray &payload);

} // namespace smartpos
