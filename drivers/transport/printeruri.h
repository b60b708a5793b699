#pragma once

// The printer URI of the settings, parsed (printerlink.h lists the four forms).

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace smartpos::devices {

struct PrinterUri {
    enum class Kind { Usb, Serial, Tcp, File };
    enum class Flow { None, RtsCts, XonXoff };

    Kind kind = Kind::File;
    // usb
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString serial; // empty: the first device with that VID:PID
    // serial and file
    QString path;
    // serial: 8 data bits, no parity, 1 stop bit
    int baudRate = 9600;
    Flow flow = Flow::None;
    // tcp
    QString host;
    quint16 port = 9100;

    // std::nullopt and *error (a sentence for a person) when `uri` is not a printer URI.
    static std::optional<PrinterUri> parse(const QString &uri, QString *error);
    // A serial:// URI of another device (a scanner, a display): path, baud and flow as above, and
    // every other option, in order, in *others for the device to read.
    using Options = QList<std::pair<QString, QString>>;
    static std::optional<PrinterUri> parseSerial(const QString &uri, Options *others,
                                                 QString *error);
    static PrinterUri usb(quint16 vendorId, quint16 productId, const QString &serial = {});
    static PrinterUri serialPort(const QString &path);

    // The canonical form: lowercase scheme and hex, serial options spelled out, the path and
    // serial number percent-encoded where needed. parse(toString()) gives the same PrinterUri.
    QString toString() const;
    // 0416:5011, for messages about a USB printer.
    QString usbId() const;

    bool operator==(const PrinterUri &) const = default;
};

} // namespace smartpos::devices
