#pragma once

// One connection to a receipt printer, chosen by one URI in the settings:
//   usb://VID:PID[/SERIAL]                         libusb, the printer-class interface (hex ids)
//   serial:///dev/ttyUSB0[?baud=9600&flow=none]    QSerialPort; flow rtscts, xonxoff or none
//   tcp://HOST[:9100]                              a network printer's raw port
//   file:///dev/usb/lp0                            any existing file or device node
// docs/hardware.md explains each, the udev rules and how to find a printer's URI.
//
// Threading: a link lives on the thread that created it and every signal arrives there. TCP and
// serial use Qt's asynchronous socket and port on that thread; USB and file links do their
// blocking calls (libusb transfers with timeouts, writes to /dev/usb/lp0) on a worker QThread
// of their own. No call blocks the caller, except the destructor of a USB or file link, which
// waits for its worker's current step (at most about half a second).

#include "printer/escpos.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace smartpos::devices {

class PrinterLink : public QObject {
    Q_OBJECT
public:
    // Closed until open(); Connecting during the first attempt after open(); Ready while
    // connected; Unavailable when the last attempt failed or the connection was lost: it then
    // retries by itself (after 0.5 s, doubling up to 5 s) until it is Ready or closed.
    enum class State { Closed, Connecting, Ready, Unavailable };
    Q_ENUM(State)

    // nullptr and *error (a sentence for a person) when `uri` is not one of the four forms.
    static std::unique_ptr<PrinterLink> create(const QString &uri, QString *error);

    State state() const;
    // Why the link is in its state (Unavailable: what failed); empty when there is nothing to say.
    QString stateMessage() const;
    // The URI in its canonical form (lowercase hex, every serial option spelled out).
    QString uri() const;

    // Non-blocking. open() connects and keeps reconnecting after every loss until close(); a
    // second open() does nothing. close() drops the connection; a job in progress fails. Both
    // emit stateChanged (Connecting, Closed) before they return; everything else comes later.
    virtual void open() = 0;
    virtual void close() = 0;

    // Non-blocking; one job at a time. written(jobId) once the device accepted every byte (TCP:
    // the socket wrote them all; serial: the port wrote them all; USB: the bulk OUT transfers
    // completed; file: written, then fdatasync() for a regular file, or for a device until it
    // polls writable again, i.e. usblp handed the last bytes on); failed(jobId, message)
    // otherwise. Exactly one of them follows every send(), never from within send():
    // - Ready: the bytes are written; a device that takes nothing for 10 s fails the job and
    //   the link reconnects (a reconnect drops what the device had not taken yet).
    // - Connecting: the job waits for the outcome of the attempt.
    // - Unavailable or Closed, or another job still running: it fails at once.
    virtual void send(qint64 jobId, const QByteArray &bytes) = 0;

    // Whether the link can read the printer's answers: TCP and serial yes; USB unless the
    // connected printer has no bulk IN endpoint; file never (queryStatus() then does nothing).
    virtual bool supportsStatus() const = 0;
    // Asks DLE EOT 1, 2 and 4 (after the job in progress, if any) and emits statusChanged once
    // the three answers are in, or after 1 s with what arrived: no answer at all marks the
    // printer offline. Fields no answer covered keep their last value. While Connecting it waits
    // for the attempt; while Unavailable or Closed the status comes at once, offline. A query
    // while one is under way joins it.
    virtual void queryStatus() = 0;

signals:
    void stateChanged(smartpos::devices::PrinterLink::State state, const QString &message);
    void written(qint64 jobId);
    void failed(qint64 jobId, const QString &message);
    void statusChanged(const smartpos::escpos::PrinterStatus &status);

protected:
    explicit PrinterLink(QString uri);
    // Emits stateChanged when the state or its message changes.
    void setState(State state, const QString &message = {});

private:
    QString m_uri;
    State m_state = State::Closed;
    QString m_stateMessage;
};

// One USB device with a printer-class (0x07) interface.
struct UsbPrinterInfo {
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString serial;       // empty when the device has none
    QString manufacturer; // as the device names itself; may be empty
    QString product;
    int bus = 0;
    int address = 0;
    QString uri; // usb://VID:PID/SERIAL (without /SERIAL when it has none)
};
// Every printer-class device libusb sees (names from sysfs when the device cannot be opened);
// empty and *error (a sentence) when libusb cannot be initialised or cannot list the devices.
QList<UsbPrinterInfo> listUsbPrinters(QString *error);

struct SerialPortInfo {
    QString portName; // ttyUSB0
    QString description;
    QString manufacturer;
    QString uri; // serial:///dev/ttyUSB0?baud=9600&flow=none: the defaults, to edit
};
// The serial ports Qt finds (pseudo terminals are not among them).
QList<SerialPortInfo> listSerialPorts();

} // namespace smartpos::devices
