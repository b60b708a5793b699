// USB and file printers: the link on its owner's thread, the blocking device on a worker thread.
#include "printerlink_p.h"

namespace smartpos::devices {

void DeviceWorker::openSession(int session)
{
    m_session = session;
    openDevice();
}

void DeviceWorker::askStatus(const QByteArray &) {}

WorkerLink::WorkerLink(const PrinterUri &address, std::unique_ptr<DeviceWorker> worker)
    : ConnectedLink(address)
    , m_worker(worker.release())
{
    // Reports of an older session are about a connection the link has already dropped.
    connect(m_worker, &DeviceWorker::opened, this, [this](int session) {
        if (session == m_session)
            deviceConnected();
    });
    connect(m_worker, &DeviceWorker::openFailed, this, [this](int session, const QString &message) {
        if (session == m_session)
            attemptFailed(message);
    });
    connect(m_worker, &DeviceWorker::lost, this, [this](int session, const QString &message) {
        if (session == m_session)
            connectionLost(message);
    });
    connect(m_worker, &DeviceWorker::progressed, this, [this](int session) {
        if (session == m_session)
            jobProgress();
    });
    connect(m_worker, &DeviceWorker::written, this, [this](int session) {
        if (session == m_session)
            jobWritten();
    });
    connect(m_worker, &DeviceWorker::statusBytes, this,
            [this](int session, const QByteArray &bytes) {
                if (session == m_session)
                    statusBytes(bytes);
            });
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("printer ") + uri());
    m_thread.start();
}

WorkerLink::~WorkerLink()
{
    disconnectDevice();
    m_thread.quit();
    m_thread.wait(); // the worker's current step ends within DeviceWorker::sliceMs or so
}

bool WorkerLink::supportsStatus() const
{
    return m_worker->canRead;
}

int WorkerLink::nextSession()
{
    m_worker->liveSession = ++m_session;
    return m_session;
}

void WorkerLink::connectDevice()
{
    post([worker = m_worker, session = nextSession()] { worker->openSession(session); });
}

void WorkerLink::disconnectDevice()
{
    nextSession();
    post([worker = m_worker] { worker->closeDevice(); });
}

void WorkerLink::writeJob(const QByteArray &bytes)
{
    post([worker = m_worker, bytes] { worker->writeBytes(bytes); });
}

void WorkerLink::writeStatusRequest(const QByteArray &request)
{
    post([worker = m_worker, request] { worker->askStatus(request); });
}

} // namespace smartpos::devices
