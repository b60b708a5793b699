#include "printeruri.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace smartpos::devices {

namespace {

using namespace Qt::StringLiterals;

std::optional<PrinterUri> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

QString flowName(PrinterUri::Flow flow)
{
    switch (flow) {
    case PrinterUri::Flow::RtsCts:
        return u"rtscts"_s;
    case PrinterUri::Flow::XonXoff:
        return u"xonxoff"_s;
    case PrinterUri::Flow::None:
        break;
    }
    return u"none"_s;
}

// usb://VID:PID[/SERIAL]: not a URL QUrl can read (the "port" is hex), so taken apart here;
// `rest` follows "usb:".
std::optional<PrinterUri> parseUsb(const QString &uri, QStringView rest, QString *error)
{
    static const QRegularExpression ids(u"^//([0-9A-Fa-f]{1,4}):([0-9A-Fa-f]{1,4})$"_s);
    const qsizetype slash = rest.indexOf(u'/', 2);
    const auto match = ids.match(rest.left(slash));
    if (!match.hasMatch())
        return fail(error, QCoreApplication::translate(
                               "smartpos::PrinterLink",
                               "In “%1” the USB vendor and product ids must be two hex numbers "
                               "like usb://0416:5011")
                               .arg(uri));
    PrinterUri result;
    result.kind = PrinterUri::Kind::Usb;
    result.vendorId = match.capturedView(1).toUShort(nullptr, 16);
    result.productId = match.capturedView(2).toUShort(nullptr, 16);
    if (slash < 0)
        return result;
    const QStringView serial = rest.mid(slash + 1);
    if (serial.contains(u'/'))
        return fail(error, QCoreApplication::translate(
                               "smartpos::PrinterLink",
                               "In “%1” the serial number contains “/”: write it as %2")
                               .arg(uri, u"%2F"_s));
    result.serial = QUrl::fromPercentEncoding(serial.toUtf8());
    return result;
}

std::optional<PrinterUri> parseTcp(const QString &uri, const QUrl &url, QString *error)
{
    if (url.host().isEmpty())
        return fail(error, QCoreApplication::translate(
                               "smartpos::PrinterLink",
                               "In “%1” the printer's host name or address is missing")
                               .arg(uri));
    if (!url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != u"/") || url.hasQuery()
        || url.hasFragment())
        return fail(error, QCoreApplication::translate(
                               "smartpos::PrinterLink",
                               "“%1” is not a network printer address: write tcp://HOST:9100")
                               .arg(uri));
    if (url.port() == 0)
        return fail(error,
                    QCoreApplication::translate("smartpos::PrinterLink",
                                                "In “%1” the port must be a number from 1 to 65535")
                        .arg(uri));
    PrinterUri result;
    result.kind = PrinterUri::Kind::Tcp;
    result.host = url.host();
    result.port = quint16(url.port(9100));
    return result;
}

// Options other than baud and flow go to *others, or are refused when others is null.
std::optional<PrinterUri> parseSerialOptions(const QString &uri, const QUrl &url, PrinterUri result,
                                             PrinterUri::Options *others, QString *error)
{
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == u"baud") {
            bool ok = false;
            result.baudRate = value.toInt(&ok);
            if (!ok || result.baudRate <= 0)
                return fail(error, QCoreApplication::translate(
                                       "smartpos::PrinterLink",
                                       "In “%1” the baud rate must be a whole number like "
                                       "baud=115200")
                                       .arg(uri));
        } else if (key == u"flow") {
            const PrinterUri::Flow flows[] = {PrinterUri::Flow::None, PrinterUri::Flow::RtsCts,
                                              PrinterUri::Flow::XonXoff};
            const auto *flow = std::find_if(std::begin(flows), std::end(flows),
                                            [&](auto f) { return flowName(f) == value; });
            if (flow == std::end(flows))
                return fail(error, QCoreApplication::translate(
                                       "smartpos::PrinterLink",
                                       "In “%1” flow must be rtscts, xonxoff or none")
                                       .arg(uri));
            result.flow = *flow;
        } else if (others) {
            others->append({key, value});
        } else {
            return fail(error, QCoreApplication::translate(
                                   "smartpos::PrinterLink",
                                   "In “%1” “%2” is not a serial port option (baud and flow are)")
                                   .arg(uri, key));
        }
    }
    return result;
}

// serial:///dev/ttyUSB0 and file:///dev/usb/lp0: an absolute path on this computer.
std::optional<PrinterUri> parsePath(const QString &uri, const QUrl &url, PrinterUri::Kind kind,
                                    PrinterUri::Options *others, QString *error)
{
    const bool local =
        url.host().isEmpty() || (kind == PrinterUri::Kind::File && url.host() == u"localhost");
    const QString path = url.path(QUrl::FullyDecoded);
    if (!local || !url.userInfo().isEmpty() || !path.startsWith(u'/') || url.hasFragment()) {
        const QString example =
            kind == PrinterUri::Kind::File ? u"file:///dev/usb/lp0"_s : u"serial:///dev/ttyUSB0"_s;
        return fail(error, QCoreApplication::translate("smartpos::PrinterLink",
                                                       "In “%1” the device path must follow three "
                                                       "slashes, like %2")
                               .arg(uri, example));
    }
    PrinterUri result;
    result.kind = kind;
    result.path = path;
    if (kind == PrinterUri::Kind::Serial)
        return parseSerialOptions(uri, url, result, others, error);
    if (url.hasQuery())
        return fail(error, QCoreApplication::translate("smartpos::PrinterLink",
                                                       "“%1”: a file printer takes no options")
                               .arg(uri));
    return result;
}

} // namespace

std::optional<PrinterUri> PrinterUri::parse(const QString &text, QString *error)
{
    const QString uri = text.trimmed();
    const qsizetype colon = uri.indexOf(u':');
    const QString scheme = colon > 0 ? uri.left(colon).toLower() : QString();
    if (scheme == u"usb")
        return parseUsb(uri, QStringView(uri).mid(colon + 1), error);
    const QUrl url(uri, QUrl::StrictMode);
    if (url.isValid()) {
        if (scheme == u"tcp")
            return parseTcp(uri, url, error);
        if (scheme == u"serial")
            return parsePath(uri, url, Kind::Serial, nullptr, error);
        if (scheme == u"file")
            return parsePath(uri, url, Kind::File, nullptr, error);
    }
    if (scheme == u"tcp") // QUrl refuses ports above 65535 and letters in them
        return fail(error,
                    QCoreApplication::translate("smartpos::PrinterLink",
                                                "In “%1” the port must be a number from 1 to 65535")
                        .arg(uri));
    return fail(error, QCoreApplication::translate(
                           "smartpos::PrinterLink",
                           "“%1” is not a printer address: write usb://VID:PID, "
                           "serial:///dev/ttyUSB0, tcp://HOST:9100 or file:///dev/usb/lp0")
                           .arg(uri));
}

std::optional<PrinterUri> PrinterUri::parseSerial(const QString &text, Options *others,
                                                  QString *error)
{
    const QString uri = text.trimmed();
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().toLower() != u"serial")
        return fail(error, QCoreApplication::translate("smartpos::PrinterLink",
                                                       "“%1” is not a serial port address: write "
                                                       "serial:///dev/ttyUSB0")
                               .arg(uri));
    return parsePath(uri, url, Kind::Serial, others, error);
}

PrinterUri PrinterUri::usb(quint16 vendorId, quint16 productId, const QString &serial)
{
    PrinterUri result;
    result.kind = Kind::Usb;
    result.vendorId = vendorId;
    result.productId = productId;
    result.serial = serial;
    return result;
}

PrinterUri PrinterUri::serialPort(const QString &path)
{
    PrinterUri result;
    result.kind = Kind::Serial;
    result.path = path;
    return result;
}

QString PrinterUri::usbId() const
{
    return u"%1:%2"_s.arg(vendorId, 4, 16, QLatin1Char('0'))
        .arg(productId, 4, 16, QLatin1Char('0'));
}

QString PrinterUri::toString() const
{
    switch (kind) {
    case Kind::Usb:
        return serial.isEmpty() ? u"usb://"_s + usbId()
                                : u"usb://%1/%2"_s.arg(
                                    usbId(), QString::fromLatin1(QUrl::toPercentEncoding(serial)));
    case Kind::Serial:
        return u"serial://%1?baud=%2&flow=%3"_s.arg(
            QString::fromLatin1(QUrl::toPercentEncoding(path, "/")), QString::number(baudRate),
            flowName(flow));
    case Kind::Tcp:
        return u"tcp://%1:%2"_s.arg(host.contains(u':') ? u'[' + host + u']' : host,
                                    QString::number(port));
    case Kind::File:
        break;
    }
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
}

} // namespace smartpos::devices
