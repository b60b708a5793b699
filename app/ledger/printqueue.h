#pragma once

#include "core/result.h"
#include "sqlite.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace smartpos {

struct PrintJob {
    qint64 id = 0;
    qint64 seq = 0; // the journal entry it prints
    QString kind;   // "receipt", "no_sale", "reprint", …
    int attempts = 0;
    QString createdAt;
};

// The print queue in ledger.db: jobs written in the transaction of the entry they print, printed
// in order, kept across restarts, retried, and marked printed only after the printer took the
// bytes. Its own connection, for the printer's thread.
class PrintQueue {
    Q_DECLARE_TR_FUNCTIONS(smartpos::PrintQueue)

public:
    Status open(const QString &dataDir);

    // The oldest job not printed yet, if any.
    Result<std::optional<PrintJob>> next();
    Result<qint64> pendingCount();
    Status markPrinted(qint64 id, const QDateTime &atUtc);
    Status markFailed(qint64 id);
    // Queues another copy of entry `seq` (it says REPRINT when printed).
    Result<qint64> queueReprint(qint64 seq, const QDateTime &atUtc);

private:
    Status run(Statement &statement);

    QString m_path;
    Connection m_connection;
    Statement m_next, m_count, m_printed, m_failed, m_reprint;
};

} // namespace smartpos
