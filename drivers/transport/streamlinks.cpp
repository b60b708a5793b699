// TCP and serial printers: Qt's asynchronous socket and serial port on the link's own thread.
#include "printerlink_p.h"
#include "serialport.h"

#include <QCoreApplication>
#include <QSerialPort>
#include <QSerialPortInfo>
#include <QTcpSocket>

namespace smartpos::devices {

void StreamLink::useDevice(QIODevice *device)
{
    dropDevice();
    m_device = device;
    m_device->setParent(this);
    m_queued = 0;
    m_written = 0;
    m_jobEnd = -1;
    connect(m_device, &QIODevice::bytesWritten, this, &StreamLink::bytesWritten);
    connect(m_device, &QIODevice::readyRead, this, [this] { statusBytes(m_device->readAll()); });
}

void StreamLink::dropDevice()
{
    if (!m_device)
        return;
    QIODevice *device = std::exchange(m_device, nullptr);
    device->disconnect(this);
    if (auto *socket = qobject_cast<QAbstractSocket *>(device))
        socket->abort();
    else
        device->close();
    device->deleteLater(); // it may be in one of its own signals
}

void StreamLink::writeJob(const QByteArray &bytes)
{
    m_queued += bytes.size();
    m_jobEnd = m_queued;
    // Both devices buffer everything while open; a device that closed has reported its loss.
    m_device->write(bytes);
}

void StreamLink::writeStatusRequest(const QByteArray &request)
{
    m_queued += request.size();
    m_device->write(request);
}

void StreamLink::bytesWritten(qint64 count)
{
    // The counts cover status requests too, in the order they were written.
    m_written += count;
    if (m_jobEnd < 0)
        return;
    if (m_written < m_jobEnd)
        return jobProgress();
    m_jobEnd = -1;
    jobWritten();
}

namespace {

class TcpLink final : public StreamLink {
public:
    explicit TcpLink(const PrinterUri &address)
        : StreamLink(address)
    {
        m_connectTimer.setSingleShot(true);
        m_connectTimer.setInterval(connectTimeoutMs);
        connect(&m_connectTimer, &QTimer::timeout, this, [this] {
            dropDevice();
            attemptFailed(noAnswer());
        });
    }
    ~TcpLink() override { disconnectDevice(); }

    bool supportsStatus() const override { return true; }

    // The system would wait minutes for a host that does not answer.
    static constexpr int connectTimeoutMs = 5000;

protected:
    void connectDevice() override
    {
        auto *socket = new QTcpSocket;
        useDevice(socket);
        connect(socket, &QTcpSocket::connected, this, [this, socket] {
            m_connectTimer.stop();
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            // A printer switched off or unplugged while idle is noticed without a job.
            socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
            deviceConnected();
        });
        connect(socket, &QTcpSocket::errorOccurred, this,
                [this](QAbstractSocket::SocketError error) {
                    if (state() == State::Ready)
                        return connectionLost(message(error));
                    m_connectTimer.stop();
                    dropDevice();
                    attemptFailed(message(error));
                });
        m_connectTimer.start();
        socket->connectToHost(m_address.host, m_address.port);
    }

    void disconnectDevice() override
    {
        m_connectTimer.stop();
        dropDevice();
    }

private:
    QString noAnswer() const
    {
        return QCoreApplication::translate("smartpos::PrinterLink",
                                           "The printer at %1 does not answer")
            .arg(uri());
    }

    QString message(QAbstractSocket::SocketError error) const
    {
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "The printer at %1 refuses the connection: is the "
                                               "address right, or is another computer using it?")
                .arg(uri());
        case QAbstractSocket::HostNotFoundError:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "The printer's address %1 is not known: check the "
                                               "host name")
                .arg(uri());
        case QAbstractSocket::RemoteHostClosedError:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "The printer at %1 closed the connection")
                .arg(uri());
        default:
            return noAnswer();
        }
    }

    QTimer m_connectTimer;
};

class SerialLink final : public StreamLink {
public:
    explicit SerialLink(const PrinterUri &address)
        : StreamLink(address)
    {
    }
    ~SerialLink() override { disconnectDevice(); }

    bool supportsStatus() const override { return true; }

protected:
    void connectDevice() override
    {
        auto *port = new QSerialPort;
        if (!openSerialPort(port, m_address)) {
            const QString failure = openMessage(port);
            delete port;
            return attemptFailed(failure);
        }
        useDevice(port);
        connect(port, &QSerialPort::errorOccurred, this,
                [this](QSerialPort::SerialPortError error) {
                    if (error == QSerialPort::NoError
                        || error == QSerialPort::UnsupportedOperationError)
                        return;
                    connectionLost(QCoreApplication::translate("smartpos::PrinterLink",
                                                               "The printer at %1 was disconnected")
                                       .arg(uri()));
                });
        deviceConnected();
    }

    void disconnectDevice() override { dropDevice(); }

private:
    QString openMessage(const QSerialPort *port) const
    {
        switch (port->error()) {
        case QSerialPort::DeviceNotFoundError:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "There is no serial port %1: is the printer's "
                                               "cable plugged in?")
                .arg(m_address.path);
        case QSerialPort::PermissionError:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "Cannot open %1: another program is using it, or "
                                               "this user may not (add the user to the dialout "
                                               "group, see docs/hardware.md)")
                .arg(m_address.path);
        default:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "Cannot open the serial port %1: %2")
                .arg(m_address.path, port->errorString());
        }
    }
};

} // namespace

std::unique_ptr<PrinterLink> makeTcpLink(const PrinterUri &address)
{
    return std::make_unique<TcpLink>(address);
}

std::unique_ptr<PrinterLink> makeSerialLink(const PrinterUri &address)
{
    return std::make_unique<SerialLink>(address);
}

QList<SerialPortInfo> listSerialPorts()
{
    QList<SerialPortInfo> ports;
    for (const QSerialPortInfo &info : QSerialPortInfo::availablePorts())
        ports.append({info.portName(), info.description(), info.manufacturer(),
                      PrinterUri::serialPort(info.systemLocation()).toString()});
    return ports;
}

} // namespace smartpos::devices
