#include "serialdevice.h"

#include "transport/serialport.h"

#include <QCoreApplication>
#include <QSerialPort>

namespace smartpos::devices {

SerialDevice::SerialDevice(const PrinterUri &address, QString uri, const Messages &messages)
    : m_address(address)
    , m_uri(std::move(uri))
    , m_messages(messages)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SerialDevice::attempt);
}

void SerialDevice::open()
{
    if (m_state != State::Closed)
        return;
    m_backoff.reset();
    // Started before stateChanged, so that a slot that closes the device at once stops it.
    m_retryTimer.start(0);
    setState(State::Connecting);
}

void SerialDevice::close()
{
    if (m_state == State::Closed)
        return;
    m_retryTimer.stop();
    if (m_port) {
        dropPort();
        portClosed();
    }
    setState(State::Closed);
}

void SerialDevice::attempt()
{
    auto *port = new QSerialPort(this);
    if (!openSerialPort(port, m_address)) {
        const QString failure = port->error() == QSerialPort::DeviceNotFoundError
                                    ? message(m_messages.noPort)
                                : port->error() == QSerialPort::PermissionError
                                    ? message(m_messages.permission)
                                    : message(m_messages.cannotOpen, port->errorString());
        delete port;
        m_retryTimer.start(m_backoff.next());
        return setState(State::Unavailable, failure);
    }
    m_port = port;
    connect(port, &QSerialPort::errorOccurred, this, [this](QSerialPort::SerialPortError error) {
        // Pseudo terminals refuse control-line ioctls; timeouts only concern waitFor…().
        if (error != QSerialPort::NoError && error != QSerialPort::UnsupportedOperationError
            && error != QSerialPort::TimeoutError)
            lost();
    });
    m_backoff.reset();
    portOpened(port);
    setState(State::Ready);
}

void SerialDevice::lost()
{
    dropPort();
    portClosed();
    m_retryTimer.start(m_backoff.next());
    setState(State::Unavailable, message(m_messages.lost));
}

void SerialDevice::dropPort()
{
    QSerialPort *port = std::exchange(m_port, nullptr);
    port->disconnect(this);
    port->close();
    port->deleteLater(); // it may be in one of its own signals
}

void SerialDevice::setState(State state, const QString &message)
{
    if (state == m_state && message == m_stateMessage)
        return;
    m_state = state;
    m_stateMessage = message;
    emit stateChanged(state, message);
}

std::optional<char> SerialDevice::parseByte(QStringView value)
{
    bool ok = false;
    const uint byte = value.sliced(std::min<qsizetype>(2, value.size())).toUInt(&ok, 16);
    if (!value.startsWith(u"0x", Qt::CaseInsensitive) || value.size() != 4 || !ok)
        return std::nullopt;
    return char(byte);
}

QString SerialDevice::byteName(char byte)
{
    return QStringLiteral("0x%1").arg(uchar(byte), 2, 16, QLatin1Char('0'));
}

QString SerialDevice::message(const char *sentence, const QString &reason) const
{
    const QString text = QCoreApplication::translate(m_messages.context, sentence);
    return reason.isNull() ? text.arg(m_address.path) : text.arg(m_address.path, reason);
}

} // namespace smartpos::devices
