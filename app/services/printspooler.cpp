#include "printspooler.h"

#include "ledger/ledger.h"
#include "ledger/printqueue.h"

#include <algorithm>

namespace smartpos {

using devices::PrinterLink;

PrintSpooler::PrintSpooler(PrintQueue &queue, Ledger &ledger, PrinterLink &printer,
                           const Clock &clock, ReceiptContext context,
                           escpos::PrinterProfile profile, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_ledger(ledger)
    , m_printer(printer)
    , m_clock(clock)
    , m_context(std::move(context))
    , m_profile(profile)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(2000);
    connect(&m_retry, &QTimer::timeout, this, &PrintSpooler::next);
    m_poll.setInterval(5000);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!m_sending && !m_waitingForStatus && m_printer.state() == PrinterLink::State::Ready
            && m_printer.supportsStatus())
            askStatus();
    });
    connect(&m_printer, &PrinterLink::written, this, &PrintSpooler::onWritten);
    connect(&m_printer, &PrinterLink::failed, this, &PrintSpooler::onFailed);
    connect(&m_printer, &PrinterLink::statusChanged, this, &PrintSpooler::onStatus);
    connect(&m_printer, &PrinterLink::stateChanged, this,
            [this](PrinterLink::State state, const QString &message) {
                if (state == PrinterLink::State::Ready) {
                    m_mayBeMidCommand = true;
                    next();
                } else if (state == PrinterLink::State::Unavailable)
                    setProblem(tr("Printer not reachable (%1): sales are saved, %n receipt(s) "
                                  "waiting.",
                                  nullptr, int(m_pending))
                                   .arg(message));
            });
}

void PrintSpooler::start()
{
    refreshPending();
    m_printer.open();
    m_poll.start();
    next();
}

void PrintSpooler::jobQueued()
{
    refreshPending();
    next();
}

Result<qint64> PrintSpooler::reprint(qint64 seq)
{
    const Result<qint64> queued = m_queue.queueReprint(seq, m_clock.nowUtc());
    if (queued)
        jobQueued();
    return queued;
}

void PrintSpooler::next()
{
    if (m_sending || m_waitingForStatus || m_printer.state() != PrinterLink::State::Ready)
        return; // a Ready link, the end of a job or a status answer calls again
    const Result<std::optional<PrintJob>> job = m_queue.next();
    if (!job)
        return setProblem(job.error().message);
    refreshPending();
    if (!*job) {
        // Nothing to print; what the last status said stays up until a status says otherwise.
        if (!m_statusProblem)
            setProblem({});
        return;
    }
    if (!m_printer.supportsStatus())
        return send(**job);
    // Paper, cover and online first: bytes sent to a printer that is out of paper may be lost.
    askStatus();
}

void PrintSpooler::askStatus()
{
    m_waitingForStatus = true;
    m_printer.queryStatus();
}

void PrintSpooler::onStatus(const escpos::PrinterStatus &status)
{
    if (!m_waitingForStatus)
        return;
    m_waitingForStatus = false;
    QString problem;
    if (status.paperOut)
        problem = tr("Printer out of paper: sales are saved, %n receipt(s) waiting. Load paper.",
                     nullptr, int(m_pending));
    else if (status.coverOpen)
        problem = tr("Printer cover open: sales are saved, %n receipt(s) waiting. Close the "
                     "cover.",
                     nullptr, int(m_pending));
    else if (!status.online || status.error)
        problem = tr("Printer offline or in error: sales are saved, %n receipt(s) waiting. "
                     "Check the printer.",
                     nullptr, int(m_pending));
    m_statusProblem = !problem.isEmpty();
    if (m_statusProblem) {
        setProblem(problem);
        m_retry.start();
        return;
    }
    setProblem({});
    const Result<std::optional<PrintJob>> job = m_queue.next();
    if (job && *job)
        send(**job);
    else
        next();
}

Result<QByteArray> PrintSpooler::render(const PrintJob &job)
{
    escpos::Encoder drawer(m_profile);
    drawer.initialize().kickDrawer(escpos::DrawerPin::Pin2);
    if (job.kind == u"no_sale")
        return drawer.bytes();
    if (job.kind != u"receipt" && job.kind != u"reprint")
        return Error{ErrorCode::NotSupported,
                     tr("Print job %1 is of a kind this version cannot print (%2).")
                         .arg(job.id)
                         .arg(job.kind)};
    const std::optional<Sale> sale = m_ledger.loadSale(job.seq);
    if (!sale)
        return Error{ErrorCode::Damaged,
                     tr("The sale of print job %1 cannot be read from the ledger: run "
                        "smartpos-admin ledger verify.")
                         .arg(job.id)};
    const bool reprint = job.kind == u"reprint";
    QByteArray bytes =
        receiptFor(*sale, job.seq, m_ledger.receiptCodes().codeFor(job.seq), m_context, reprint)
            .toEscPos(m_profile);
    // The drawer opens with the receipt of a cash sale: the printer drives it.
    const bool cash = std::any_of(sale->tenders.begin(), sale->tenders.end(),
                                  [](const Tender &t) { return t.kind == Tender::Kind::Cash; });
    return cash && !reprint ? drawer.bytes() + bytes : bytes;
}

void PrintSpooler::send(const PrintJob &job)
{
    const Result<QByteArray> bytes = render(job);
    if (!bytes) {
        (void)m_queue.markFailed(job.id);
        setProblem(bytes.error().message);
        m_retry.start();
        return;
    }
    m_sending = job;
    m_printer.send(job.id, m_mayBeMidCommand
                               ? escpos::resyncFiller(m_profile, m_context.logo.width > 0) + *bytes
                               : *bytes);
}

void PrintSpooler::onWritten(qint64 jobId)
{
    if (!m_sending || m_sending->id != jobId)
        return;
    const PrintJob job = *m_sending;
    m_sending.reset();
    m_mayBeMidCommand = false;
    if (const Status marked = m_queue.markPrinted(job.id, m_clock.nowUtc()); !marked) {
        // Printed but not recorded: it prints again after the next start (a duplicate, never a
        // lost receipt).
        setProblem(marked.error().message);
        return;
    }
    setProblem({});
    emit printed(job.id, job.seq);
    next();
}

void PrintSpooler::onFailed(qint64 jobId, const QString &message)
{
    if (!m_sending || m_sending->id != jobId)
        return;
    m_sending.reset();
    m_mayBeMidCommand = true;
    (void)m_queue.markFailed(jobId);
    refreshPending();
    setProblem(tr("Receipt not printed (%1): the sale is saved, %n receipt(s) waiting.", nullptr,
                  int(m_pending))
                   .arg(message));
    m_retry.start();
}

void PrintSpooler::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    emit changed();
}

void PrintSpooler::refreshPending()
{
    const Result<qint64> count = m_queue.pendingCount();
    if (!count || *count == m_pending)
        return;
    m_pending = *count;
    emit changed();
}

} // namespace smartpos
