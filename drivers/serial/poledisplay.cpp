#include "poledisplay.h"

#include <QSerialPort>

namespace smartpos::devices {

namespace {

using namespace Qt::StringLiterals;

constexpr SerialDevice::Messages kMessages{
    "smartpos::devices::PoleDisplay",
    QT_TRANSLATE_NOOP("smartpos::devices::PoleDisplay",
                      "There is no serial port %1: is the customer display plugged in?"),
    QT_TRANSLATE_NOOP("smartpos::devices::PoleDisplay",
                      "Cannot open the customer display's port %1: another program is using it, "
                      "or this user may not (add the user to the dialout group, see "
                      "docs/hardware.md)"),
    QT_TRANSLATE_NOOP("smartpos::devices::PoleDisplay",
                      "Cannot open the customer display's port %1: %2"),
    QT_TRANSLATE_NOOP("smartpos::devices::PoleDisplay", "The customer display at %1 was unplugged"),
};

std::unique_ptr<PoleDisplay> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return nullptr;
}

} // namespace

std::unique_ptr<PoleDisplay> PoleDisplay::create(const QString &text, QString *error)
{
    const QString uri = text.trimmed();
    PrinterUri::Options options;
    const auto address = PrinterUri::parseSerial(uri, &options, error);
    if (!address)
        return nullptr;
    auto encoding = Cd5220::Encoding::Ascii;
    std::optional<char> yen;
    for (const auto &[key, value] : options) {
        if (key == u"encoding") {
            if (value != u"ascii" && value != u"gb18030")
                return fail(error, tr("In “%1” encoding must be ascii or gb18030").arg(uri));
            encoding = value == u"ascii" ? Cd5220::Encoding::Ascii : Cd5220::Encoding::Gb18030;
        } else if (key == u"yen") {
            yen = parseByte(value);
            if (!yen || !Cd5220::isPrintable(*yen))
                return fail(error, tr("In “%1” yen must be one printable byte like 0x9d").arg(uri));
        } else {
            return fail(error, tr("In “%1” “%2” is not a customer display option (baud, flow, "
                                  "encoding and yen are)")
                                   .arg(uri, key));
        }
    }
    QString canonical = address->toString() + u"&encoding="_s
                        + (encoding == Cd5220::Encoding::Ascii ? u"ascii"_s : u"gb18030"_s);
    if (yen)
        canonical += u"&yen="_s + byteName(*yen);
    return std::unique_ptr<PoleDisplay>(
        new PoleDisplay(*address, canonical, Cd5220(encoding, yen)));
}

PoleDisplay::PoleDisplay(const PrinterUri &address, const QString &uri, const Cd5220 &encoder)
    : SerialDevice(address, uri, kMessages)
    , m_encoder(encoder)
{
}

PoleDisplay::~PoleDisplay() = default;

void PoleDisplay::show(const QString &upper, const QString &lower)
{
    setWanted(m_encoder.show(upper, lower));
}

void PoleDisplay::clear()
{
    setWanted(Cd5220::clear());
}

void PoleDisplay::portOpened(QSerialPort *port)
{
    // Opened for reading too, only so that an unplugged display is noticed while idle: what a
    // display sends back is of no use.
    connect(port, &QSerialPort::readyRead, port, [port] { port->readAll(); });
    connect(port, &QSerialPort::bytesWritten, this, &PoleDisplay::writeWanted);
    m_written = m_wanted;
    port->write(Cd5220::initialize() + m_wanted);
}

void PoleDisplay::portClosed()
{
    m_written.clear();
}

void PoleDisplay::setWanted(const QByteArray &bytes)
{
    m_wanted = bytes;
    writeWanted();
}

void PoleDisplay::writeWanted()
{
    QSerialPort *open = port();
    if (!open || open->bytesToWrite() > 0 || m_wanted == m_written)
        return;
    m_written = m_wanted;
    open->write(m_written);
}

} // namespace smartpos::devices
