#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "ledger/printqueue.h"
#include "printer/escpos.h"
#include "receipt.h"
#include "transport/printerlink.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

#include <optional>

namespace smartpos {

class Ledger;

// Prints the ledger's print queue on one printer, oldest job first: a sale's receipt (with the
// drawer kick when cash was taken), a reprint, a no-sale drawer kick. A job is marked printed
// only after the printer took every byte; a failed job stays first in the queue and is tried
// again when the printer is back, so a receipt may print twice after a crash but is never lost.
// Before each job it asks the printer's status where the link can read it: out of paper, cover
// open or offline holds the queue and says so.
class PrintSpooler : public QObject {
    Q_OBJECT

public:
    PrintSpooler(PrintQueue &queue, Ledger &ledger, devices::PrinterLink &printer,
                 const Clock &clock, ReceiptContext context, escpos::PrinterProfile profile,
                 QObject *parent = nullptr);

    // Opens the printer and prints whatever is queued (jobs left from before a restart too).
    void start();
    // A job was committed: print it when the printer is free.
    void jobQueued();
    // Queues a reprint of the sale `seq` and prints it.
    Result<qint64> reprint(qint64 seq);

    // Empty while all is well; otherwise what the cashier should know, e.g. "Printer out of
    // paper — the sale is saved, its receipt waits (2 in the queue)".
    const QString &problem() const { return m_problem; }
    qint64 pending() const { return m_pending; }
    // How long to wait before trying a failed job again (tests shorten it).
    void setRetryInterval(int ms) { m_retry.setInterval(ms); }
    // How often an idle spooler asks the printer's status, so that paper running out shows
    // before the next sale needs it (tests shorten it).
    void setPollInterval(int ms) { m_poll.setInterval(ms); }

signals:
    // problem() or pending() changed.
    void changed();
    // A job reached the printer.
    void printed(qint64 jobId, qint64 seq);

private:
    void next();
    void askStatus();
    void send(const PrintJob &job);
    Result<QByteArray> render(const PrintJob &job);
    void onWritten(qint64 jobId);
    void onFailed(qint64 jobId, const QString &message);
    void onStatus(const escpos::PrinterStatus &status);
    void setProblem(const QString &problem);
    void refreshPending();

    PrintQueue &m_queue;
    Ledger &m_ledger;
    devices::PrinterLink &m_printer;
    const Clock &m_clock;
    ReceiptContext m_context;
    escpos::PrinterProfile m_profile;
    QTimer m_retry;
    QTimer m_poll;
    std::optional<PrintJob> m_sending; // the job the printer has now
    bool m_waitingForStatus = false;
    // The last job may have been cut off mid-command (a crash before this start, a lost
    // connection, a failed job): the next one goes after escpos::resyncFiller().
    bool m_mayBeMidCommand = true;
    bool m_statusProblem = false; // problem() comes from the printer's last status
    QString m_problem;
    qint64 m_pending = 0;
};

} // namespace smartpos
