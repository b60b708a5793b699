#pragma once

// Behind PrinterLink::create(): what every link shares (ConnectedLink), the links over a
// QIODevice on the link's own thread (StreamLink: TCP, serial) and the links whose device
// blocks (WorkerLink: USB, file), whose DeviceWorker runs on a thread of its own.

#include "backoff.h"
#include "printerlink.h"
#include "printeruri.h"

#include <QThread>
#include <QTimer>

#include <atomic>
#include <optional>

class QIODevice;

namespace smartpos::devices {

// Reconnecting with backoff, one job at a time, the stall watchdog and the status query, over a
// device that subclasses connect, write and read. Subclasses report back through the protected
// calls, and nothing a device reports after disconnectDevice() may reach them.
class ConnectedLink : public PrinterLink {
public:
    void open() final;
    void close() final;
    void send(qint64 jobId, const QByteArray &bytes) final;
    void queryStatus() final;

    static constexpr int stallMs = 10000;
    static constexpr int statusTimeoutMs = 1000;
    // Tests shorten the stall watchdog rather than wait stallMs.
    void setStallMs(int ms) { m_stallTimer.setInterval(ms); }

protected:
    explicit ConnectedLink(const PrinterUri &address);

    // Starts one attempt; it ends in deviceConnected() or attemptFailed(), never from within.
    virtual void connectDevice() = 0;
    // Drops the connection or the attempt under way; destructors call it too.
    virtual void disconnectDevice() = 0;
    // Only when Ready. Ends in jobWritten() or connectionLost(), with jobProgress() on the way.
    virtual void writeJob(const QByteArray &bytes) = 0;
    // Only when Ready and no job runs; the answers come through statusBytes().
    virtual void writeStatusRequest(const QByteArray &request) = 0;

    void deviceConnected();
    void attemptFailed(const QString &message);
    void connectionLost(const QString &message);
    void jobProgress();
    void jobWritten();
    void statusBytes(QByteArrayView bytes);

    const PrinterUri m_address;

private:
    struct Job {
        qint64 id = 0;
        quint64 serial = 0; // tells a job from a later one with the same id
        QByteArray bytes;   // until written to the device
        bool started = false;
    };

    void scheduleRetry();
    void startJob();
    void startStatusQuery();
    void finishStatusQuery();
    void failLater(qint64 jobId, const QString &message);
    void reportOfflineLater();

    QTimer m_retryTimer;
    QTimer m_stallTimer;
    QTimer m_statusTimer;
    Backoff m_backoff;
    std::optional<Job> m_job;
    quint64 m_jobSerial = 0;
    bool m_statusWanted = false; // asked for while a job ran or the link was connecting
    int m_statusAnswers = -1;    // of the query under way; -1 when none is
    escpos::PrinterStatus m_status;
};

// TCP and serial: a QIODevice on the link's thread, opened by the subclass and handed over with
// useDevice(); StreamLink writes to it, counts what it wrote and reads the answers.
class StreamLink : public ConnectedLink {
protected:
    using ConnectedLink::ConnectedLink;

    // Takes `device` (connected or open, or about to be) and forgets any previous one.
    void useDevice(QIODevice *device);
    // Deletes the device after disconnecting every signal from it; a socket is aborted, so
    // what the printer has not taken yet is never sent later.
    void dropDevice();

    void writeJob(const QByteArray &bytes) override;
    void writeStatusRequest(const QByteArray &request) override;

private:
    void bytesWritten(qint64 count);

    QIODevice *m_device = nullptr;
    qint64 m_queued = 0;  // bytes given to the device since useDevice()
    qint64 m_written = 0; // bytes the device reported written
    qint64 m_jobEnd = -1; // m_written at which the job is out; -1 when no job runs
};

// The blocking half of a USB or file link, on the link's worker thread. Each attempt is a
// session: the worker tags its reports with it, the link ignores reports of older sessions, and
// a long write stops as soon as its session is no longer the live one.
class DeviceWorker : public QObject {
    Q_OBJECT
public:
    std::atomic<int> liveSession{0}; // set by the link, from its thread
    std::atomic<bool> canRead{false};

    void openSession(int session);
    // Emits opened() or openFailed().
    virtual void openDevice() = 0;
    virtual void closeDevice() = 0;
    // Emits progressed() as bytes go out, then written() or lost(); nothing once not live().
    virtual void writeBytes(const QByteArray &bytes) = 0;
    // Writes the request and emits statusBytes() as answers come, for up to 1 s. Only asked
    // when canRead.
    virtual void askStatus(const QByteArray &request);

signals:
    void opened(int session);
    void openFailed(int session, const QString &message);
    void lost(int session, const QString &message);
    void progressed(int session);
    void written(int session);
    void statusBytes(int session, const QByteArray &bytes);

protected:
    bool live() const { return liveSession.load() == m_session; }
    int m_session = 0;

    // A blocking step waits at most this long before looking at live() again.
    static constexpr int sliceMs = 500;
};

class WorkerLink final : public ConnectedLink {
public:
    WorkerLink(const PrinterUri &address, std::unique_ptr<DeviceWorker> worker);
    ~WorkerLink() override;

    bool supportsStatus() const override;

protected:
    void connectDevice() override;
    void disconnectDevice() override;
    void writeJob(const QByteArray &bytes) override;
    void writeStatusRequest(const QByteArray &request) override;

private:
    // A new session: the worker drops whatever the old one was doing.
    int nextSession();
    template <typename Call> void post(Call call)
    {
        QMetaObject::invokeMethod(m_worker, std::move(call), Qt::QueuedConnection);
    }

    QThread m_thread;
    DeviceWorker *m_worker; // deleted on its thread when the thread finishes
    int m_session = 0;
};

std::unique_ptr<PrinterLink> makeTcpLink(const PrinterUri &address);
std::unique_ptr<PrinterLink> makeSerialLink(const PrinterUri &address);
std::unique_ptr<DeviceWorker> makeUsbWorker(const PrinterUri &address);
std::unique_ptr<DeviceWorker> makeFileWorker(const PrinterUri &address);

} // namespace smartpos::devices
