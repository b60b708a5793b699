#pragma once

// What the serial scanner and the pole display share: the port opened from a serial:// URI,
// reopened after every loss (an unplugged USB adapter, a pulled cable), and the state with a
// message for a person.
//
// Threading: a device lives on the thread that created it, uses Qt's asynchronous QSerialPort
// there and never blocks the caller.

#include "transport/backoff.h"
#include "transport/printeruri.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

class QSerialPort;

namespace smartpos::devices {

class SerialDevice : public QObject {
    Q_OBJECT
public:
    // Closed until open(); Connecting during the first attempt after open(); Ready while the
    // port is open; Unavailable when the last attempt failed or the port was lost: it then
    // retries by itself (after 0.5 s, doubling up to 5 s) until it is Ready or closed.
    enum class State { Closed, Connecting, Ready, Unavailable };
    Q_ENUM(State)

    State state() const { return m_state; }
    // Why the device is in its state (Unavailable: what failed); empty when all is well.
    QString stateMessage() const { return m_stateMessage; }
    // The URI in its canonical form, every option spelled out.
    QString uri() const { return m_uri; }

    // Non-blocking. open() opens the port and keeps reopening it after every loss until close();
    // a second open() does nothing. Both emit stateChanged (Connecting, Closed) before they
    // return; the outcome of the attempt comes from the event loop.
    void open();
    void close();

    // Sentences for a person, marked with QT_TRANSLATE_NOOP in `context`; %1 is the port's path,
    // %2 in cannotOpen the system's reason.
    struct Messages {
        const char *context;
        const char *noPort;
        const char *permission;
        const char *cannotOpen;
        const char *lost;
    };

signals:
    void stateChanged(smartpos::devices::SerialDevice::State state, const QString &message);

protected:
    SerialDevice(const PrinterUri &address, QString uri, const Messages &messages);

    // The port has just opened (Ready follows): start reading or writing.
    virtual void portOpened(QSerialPort *port) = 0;
    // The port is gone (close() or a loss); nothing more comes from it.
    virtual void portClosed() = 0;

    // A byte option written 0xNN (any byte) and its canonical form.
    static std::optional<char> parseByte(QStringView value);
    static QString byteName(char byte);

    // The open port; nullptr unless Ready.
    QSerialPort *port() const { return m_port; }

    const PrinterUri m_address;

private:
    void attempt();
    void lost();
    void dropPort();
    void setState(State state, const QString &message = {});
    QString message(const char *sentence, const QString &reason = {}) const;

    const QString m_uri;
    const Messages m_messages;
    QSerialPort *m_port = nullptr;
    QTimer m_retryTimer;
    Backoff m_backoff;
    State m_state = State::Closed;
    QString m_stateMessage;
};

} // namespace smartpos::devices
