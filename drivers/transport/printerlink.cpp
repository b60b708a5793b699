#include "printerlink.h"
#include "printerlink_p.h"

#include <QCoreApplication>

namespace smartpos::devices {

namespace {
// DLE EOT 1 (printer), 2 (offline cause) and 4 (paper roll); 3 only details the error that 2
// already reports.
constexpr int kAsked[] = {1, 2, 4};
constexpr int kAnswers = int(std::size(kAsked));

QByteArray statusRequests()
{
    QByteArray request;
    for (const int n : kAsked)
        request += escpos::statusRequest(n);
    return request;
}
} // namespace

PrinterLink::PrinterLink(QString uri)
    : m_uri(std::move(uri))
{
}

std::unique_ptr<PrinterLink> PrinterLink::create(const QString &uri, QString *error)
{
    const auto address = PrinterUri::parse(uri, error);
    if (!address)
        return nullptr;
    switch (address->kind) {
    case PrinterUri::Kind::Tcp:
        return makeTcpLink(*address);
    case PrinterUri::Kind::Serial:
        return makeSerialLink(*address);
    case PrinterUri::Kind::Usb:
        return std::make_unique<WorkerLink>(*address, makeUsbWorker(*address));
    case PrinterUri::Kind::File:
        break;
    }
    return std::make_unique<WorkerLink>(*address, makeFileWorker(*address));
}

PrinterLink::State PrinterLink::state() const
{
    return m_state;
}

QString PrinterLink::stateMessage() const
{
    return m_stateMessage;
}

QString PrinterLink::uri() const
{
    return m_uri;
}

void PrinterLink::setState(State state, const QString &message)
{
    if (state == m_state && message == m_stateMessage)
        return;
    m_state = state;
    m_stateMessage = message;
    emit stateChanged(state, message);
}

ConnectedLink::ConnectedLink(const PrinterUri &address)
    : PrinterLink(address.toString())
    , m_address(address)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { connectDevice(); });
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(stallMs);
    connect(&m_stallTimer, &QTimer::timeout, this, [this] {
        connectionLost(QCoreApplication::translate("smartpos::PrinterLink",
                                                   "The printer at %1 stopped taking data: is it "
                                                   "out of paper, is its cover open or is it "
                                                   "switched off?")
                           .arg(uri()));
    });
    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(statusTimeoutMs);
    connect(&m_statusTimer, &QTimer::timeout, this, &ConnectedLink::finishStatusQuery);
}

void ConnectedLink::open()
{
    if (state() != State::Closed)
        return;
    m_backoff.reset();
    // The attempt starts from the event loop, so it never reports from within open(); and before
    // stateChanged, so that a slot that closes the link at once stops it.
    m_retryTimer.start(0);
    setState(State::Connecting);
}

void ConnectedLink::close()
{
    if (state() == State::Closed)
        return;
    m_retryTimer.stop();
    m_stallTimer.stop();
    m_statusTimer.stop();
    disconnectDevice();
    m_statusWanted = false;
    m_statusAnswers = -1;
    if (m_job)
        failLater(std::exchange(m_job, {})->id,
                  QCoreApplication::translate("smartpos::PrinterLink",
                                              "The connection to the printer at %1 was closed")
                      .arg(uri()));
    setState(State::Closed);
}

void ConnectedLink::send(qint64 jobId, const QByteArray &bytes)
{
    if (m_job)
        return failLater(jobId, QCoreApplication::translate(
                                    "smartpos::PrinterLink",
                                    "The printer at %1 is still busy with the previous job")
                                    .arg(uri()));
    switch (state()) {
    case State::Closed:
        return failLater(
            jobId, QCoreApplication::translate("smartpos::PrinterLink",
                                               "The connection to the printer at %1 is closed")
                       .arg(uri()));
    case State::Unavailable:
        return failLater(jobId, stateMessage());
    case State::Connecting:
    case State::Ready:
        break;
    }
    m_job = Job{jobId, ++m_jobSerial, bytes};
    if (state() == State::Ready)
        startJob();
}

void ConnectedLink::queryStatus()
{
    if (!supportsStatus())
        return;
    switch (state()) {
    case State::Closed:
    case State::Unavailable:
        return reportOfflineLater();
    case State::Connecting:
        m_statusWanted = true;
        return;
    case State::Ready:
        break;
    }
    if (m_statusAnswers >= 0) // joins the query under way
        return;
    if (m_job)
        m_statusWanted = true;
    else
        startStatusQuery();
}

void ConnectedLink::deviceConnected()
{
    m_backoff.reset();
    setState(State::Ready);
    // A slot of stateChanged may have closed the link, or sent a job or asked for the status
    // itself (which then started).
    if (state() != State::Ready)
        return;
    if (m_job && !m_job->started)
        startJob();
    else if (!m_job && m_statusWanted)
        startStatusQuery();
}

void ConnectedLink::attemptFailed(const QString &message)
{
    const auto job = std::exchange(m_job, {});
    const bool statusWanted = std::exchange(m_statusWanted, false);
    scheduleRetry();
    setState(State::Unavailable, message);
    if (job)
        emit failed(job->id, message);
    if (statusWanted)
        reportOfflineLater();
}

void ConnectedLink::connectionLost(const QString &message)
{
    if (state() != State::Ready)
        return;
    m_stallTimer.stop();
    m_statusTimer.stop();
    disconnectDevice();
    const auto job = std::exchange(m_job, {});
    const bool statusWanted = std::exchange(m_statusWanted, false);
    const bool querying = std::exchange(m_statusAnswers, -1) >= 0;
    scheduleRetry();
    setState(State::Unavailable, message);
    if (job)
        emit failed(job->id, message);
    if (statusWanted || querying)
        reportOfflineLater();
}

void ConnectedLink::jobProgress()
{
    if (m_job)
        m_stallTimer.start();
}

void ConnectedLink::jobWritten()
{
    if (!m_job)
        return;
    m_stallTimer.stop();
    const qint64 id = std::exchange(m_job, {})->id;
    if (m_statusWanted)
        startStatusQuery();
    emit written(id);
}

void ConnectedLink::statusBytes(QByteArrayView bytes)
{
    for (const char byte : bytes) {
        // Bytes that are no status answer (noise, a late answer to an older query) are skipped.
        if (m_statusAnswers < 0
            || !escpos::applyStatusByte(kAsked[m_statusAnswers], quint8(byte), &m_status))
            continue;
        if (++m_statusAnswers == kAnswers)
            finishStatusQuery();
    }
}

void ConnectedLink::scheduleRetry()
{
    m_retryTimer.start(m_backoff.next());
}

void ConnectedLink::startJob()
{
    m_job->started = true;
    if (m_job->bytes.isEmpty()) { // nothing for the device: written once back in the event loop
        QMetaObject::invokeMethod(
            this,
            [this, serial = m_job->serial] {
                if (m_job && m_job->serial == serial)
                    jobWritten();
            },
            Qt::QueuedConnection);
        return;
    }
    m_stallTimer.start();
    writeJob(std::exchange(m_job->bytes, {}));
}

void ConnectedLink::startStatusQuery()
{
    m_statusWanted = false;
    m_statusAnswers = 0;
    m_statusTimer.start();
    writeStatusRequest(statusRequests());
}

void ConnectedLink::finishStatusQuery()
{
    m_statusTimer.stop();
    if (std::exchange(m_statusAnswers, -1) == 0)
        m_status.online = false;
    emit statusChanged(m_status);
}

void ConnectedLink::failLater(qint64 jobId, const QString &message)
{
    QMetaObject::invokeMethod(
        this, [this, jobId, message] { emit failed(jobId, message); }, Qt::QueuedConnection);
}

void ConnectedLink::reportOfflineLater()
{
    m_status.online = false;
    QMetaObject::invokeMethod(
        this, [this, status = m_status] { emit statusChanged(status); }, Qt::QueuedConnection);
}

} // namespace smartpos::devices
