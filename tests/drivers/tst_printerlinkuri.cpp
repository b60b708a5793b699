// Printer URIs (every scheme, the serial options, bad ones and their messages), and what the USB
// link does without hardware: no such printer, the device listings.
#include "transport/printerlink.h"
#include "transport/printeruri.h"

#include <QSignalSpy>
#include <QTest>

using namespace smartpos::devices;
using namespace Qt::StringLiterals;
using State = PrinterLink::State;
using Kind = PrinterUri::Kind;
using Flow = PrinterUri::Flow;

Q_DECLARE_METATYPE(PrinterUri)

namespace {

PrinterUri usb(quint16 vendorId, quint16 productId, const QString &serial = {})
{
    return PrinterUri::usb(vendorId, productId, serial);
}

PrinterUri serial(const QString &path, int baudRate = 9600, Flow flow = Flow::None)
{
    PrinterUri uri = PrinterUri::serialPort(path);
    uri.baudRate = baudRate;
    uri.flow = flow;
    return uri;
}

PrinterUri tcp(const QString &host, quint16 port = 9100)
{
    PrinterUri uri;
    uri.kind = Kind::Tcp;
    uri.host = host;
    uri.port = port;
    return uri;
}

PrinterUri file(const QString &path)
{
    PrinterUri uri;
    uri.path = path;
    return uri;
}

// No real device has it (0xffff is no vendor's id): "no such printer" on every machine.
const QString kAbsentUsb = u"usb://ffff:0000"_s;

} // namespace

class TestPrinterLinkUri : public QObject {
    Q_OBJECT

private slots:
    void goodUris_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<PrinterUri>("expected");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("usb") << u"usb://0416:5011"_s << usb(0x0416, 0x5011) << u"usb://0416:5011"_s;
        QTest::newRow("usb, upper case, serial")
            << u"USB://04B8:0E15/J7AF012345"_s << usb(0x04b8, 0x0e15, u"J7AF012345"_s)
            << u"usb://04b8:0e15/J7AF012345"_s;
        QTest::newRow("usb, short hex")
            << u"usb://416:1"_s << usb(0x0416, 0x0001) << u"usb://0416:0001"_s;
        QTest::newRow("usb, encoded serial")
            << u"usb://0fe6:811e/AB%2FC%20D"_s << usb(0x0fe6, 0x811e, u"AB/C D"_s)
            << u"usb://0fe6:811e/AB%2FC%20D"_s;
        QTest::newRow("usb, empty serial")
            << u"usb://0416:5011/"_s << usb(0x0416, 0x5011) << u"usb://0416:5011"_s;
        QTest::newRow("serial, defaults") << u"serial:///dev/ttyUSB0"_s << serial(u"/dev/ttyUSB0"_s)
                                          << u"serial:///dev/ttyUSB0?baud=9600&flow=none"_s;
        QTest::newRow("serial, rtscts") << u"serial:///dev/ttyUSB0?baud=115200&flow=rtscts"_s
                                        << serial(u"/dev/ttyUSB0"_s, 115200, Flow::RtsCts)
                                        << u"serial:///dev/ttyUSB0?baud=115200&flow=rtscts"_s;
        QTest::newRow("serial, xonxoff first") << u"serial:///dev/ttyS1?flow=xonxoff&baud=19200"_s
                                               << serial(u"/dev/ttyS1"_s, 19200, Flow::XonXoff)
                                               << u"serial:///dev/ttyS1?baud=19200&flow=xonxoff"_s;
        QTest::newRow("serial, flow none")
            << u"serial:///dev/ttyACM0?flow=none"_s << serial(u"/dev/ttyACM0"_s)
            << u"serial:///dev/ttyACM0?baud=9600&flow=none"_s;
        QTest::newRow("serial, by-id path")
            << u"serial:///dev/serial/by-id/usb-Prolific_PL2303-if00-port0"_s
            << serial(u"/dev/serial/by-id/usb-Prolific_PL2303-if00-port0"_s)
            << u"serial:///dev/serial/by-id/usb-Prolific_PL2303-if00-port0?baud=9600&flow=none"_s;
        QTest::newRow("tcp") << u"tcp://10.0.0.5:9100"_s << tcp(u"10.0.0.5"_s)
                             << u"tcp://10.0.0.5:9100"_s;
        QTest::newRow("tcp, default port, spaces")
            << u"  tcp://Printer.local  "_s << tcp(u"printer.local"_s)
            << u"tcp://printer.local:9100"_s;
        QTest::newRow("tcp, IPv6, slash")
            << u"tcp://[::1]:9101/"_s << tcp(u"::1"_s, 9101) << u"tcp://[::1]:9101"_s;
        QTest::newRow("file") << u"file:///dev/usb/lp0"_s << file(u"/dev/usb/lp0"_s)
                              << u"file:///dev/usb/lp0"_s;
        QTest::newRow("file, localhost, space")
            << u"file://localhost/tmp/receipts%20out.bin"_s << file(u"/tmp/receipts out.bin"_s)
            << u"file:///tmp/receipts%20out.bin"_s;
    }

    void goodUris()
    {
        QFETCH(QString, text);
        QFETCH(PrinterUri, expected);
        QFETCH(QString, canonical);
        QString error;
        const auto parsed = PrinterUri::parse(text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QVERIFY(*parsed == expected);
        QCOMPARE(parsed->toString(), canonical);
        const auto again = PrinterUri::parse(canonical, &error);
        QVERIFY2(again && *again == expected, qPrintable(error));

        const auto link = PrinterLink::create(text, &error);
        QVERIFY(link);
        QCOMPARE(link->uri(), canonical);
        QCOMPARE(link->state(), State::Closed);
        QCOMPARE(link->supportsStatus(), expected.kind != Kind::File);
    }

    void badUris_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const auto notAnAddress = [](const QString &uri) {
            return u"“%1” is not a printer address: write usb://VID:PID, serial:///dev/ttyUSB0, "
                   u"tcp://HOST:9100 or file:///dev/usb/lp0"_s.arg(uri);
        };
        const auto usbIds = [](const QString &uri) {
            return u"In “%1” the USB vendor and product ids must be two hex numbers like "
                   u"usb://0416:5011"_s.arg(uri);
        };
        const auto port = [](const QString &uri) {
            return u"In “%1” the port must be a number from 1 to 65535"_s.arg(uri);
        };
        const auto tcpOnly = [](const QString &uri) {
            return u"“%1” is not a network printer address: write tcp://HOST:9100"_s.arg(uri);
        };
        const auto threeSlashes = [](const QString &uri, const QString &example) {
            return u"In “%1” the device path must follow three slashes, like %2"_s.arg(uri,
                                                                                       example);
        };
        const QString serialExample = u"serial:///dev/ttyUSB0"_s;
        const QString fileExample = u"file:///dev/usb/lp0"_s;

        QTest::newRow("empty") << QString() << notAnAddress({});
        QTest::newRow("a bare path") << u"/dev/usb/lp0"_s << notAnAddress(u"/dev/usb/lp0"_s);
        QTest::newRow("unknown scheme") << u"lpt://1"_s << notAnAddress(u"lpt://1"_s);
        QTest::newRow("no scheme") << u"://0416:5011"_s << notAnAddress(u"://0416:5011"_s);
        for (const QString &uri : {u"usb://0416"_s, u"usb://04g6:5011"_s, u"usb://0416:50110"_s,
                                   u"usb://:5011"_s, u"usb://0416:"_s, u"usb://0x0416:0x5011"_s,
                                   u"usb://"_s, u"usb:0416:5011"_s, u"usb:/0416:5011"_s})
            QTest::addRow("%s", qPrintable(uri)) << uri << usbIds(uri);
        QTest::newRow("usb, serial with a slash")
            << u"usb://0416:5011/AB/CD"_s
            << u"In “usb://0416:5011/AB/CD” the serial number contains “/”: write it as %2F"_s;
        QTest::newRow("tcp, no host")
            << u"tcp://"_s << u"In “tcp://” the printer's host name or address is missing"_s;
        QTest::newRow("tcp, only a port")
            << u"tcp://:9100"_s
            << u"In “tcp://:9100” the printer's host name or address is missing"_s;
        for (const QString &uri : {u"tcp://printer:0"_s, u"tcp://printer:65536"_s,
                                   u"tcp://printer:http"_s, u"tcp://printer:-1"_s})
            QTest::addRow("%s", qPrintable(uri)) << uri << port(uri);
        for (const QString &uri : {u"tcp://printer:9100/queue"_s, u"tcp://printer:9100?x=1"_s,
                                   u"tcp://user@printer:9100"_s, u"tcp://printer#top"_s})
            QTest::addRow("%s", qPrintable(uri)) << uri << tcpOnly(uri);
        for (const QString &uri : {u"serial://dev/ttyUSB0"_s, u"serial://"_s, u"serial:ttyUSB0"_s,
                                   u"serial://localhost/dev/ttyUSB0"_s})
            QTest::addRow("%s", qPrintable(uri)) << uri << threeSlashes(uri, serialExample);
        QTest::newRow("serial, baud word")
            << u"serial:///dev/ttyUSB0?baud=fast"_s
            << u"In “serial:///dev/ttyUSB0?baud=fast” the baud rate must be a whole number like "
               u"baud=115200"_s;
        QTest::newRow("serial, baud 0")
            << u"serial:///dev/ttyUSB0?baud=0"_s
            << u"In “serial:///dev/ttyUSB0?baud=0” the baud rate must be a whole number like "
               u"baud=115200"_s;
        QTest::newRow("serial, flow dtrdsr")
            << u"serial:///dev/ttyUSB0?flow=dtrdsr"_s
            << u"In “serial:///dev/ttyUSB0?flow=dtrdsr” flow must be rtscts, xonxoff or none"_s;
        QTest::newRow("serial, parity")
            << u"serial:///dev/ttyUSB0?parity=even"_s
            << u"In “serial:///dev/ttyUSB0?parity=even” “parity” is not a serial port option "
               u"(baud and flow are)"_s;
        for (const QString &uri : {u"file://printer/dev/lp0"_s, u"file://lp0"_s, u"file:lp0"_s})
            QTest::addRow("%s", qPrintable(uri)) << uri << threeSlashes(uri, fileExample);
        QTest::newRow("file, options")
            << u"file:///dev/usb/lp0?baud=9600"_s
            << u"“file:///dev/usb/lp0?baud=9600”: a file printer takes no options"_s;
    }

    void badUris()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!PrinterUri::parse(text, &error));
        QCOMPARE(error, message);
        error.clear();
        QVERIFY(!PrinterLink::create(text, &error));
        QCOMPARE(error, message);
        QVERIFY(!PrinterUri::parse(text, nullptr)); // the error is optional
    }

    void usbPrinterAbsent_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("printer");
        QTest::newRow("by VID:PID") << kAbsentUsb << u"ffff:0000"_s;
        QTest::newRow("with a serial number") << kAbsentUsb + u"/A1"_s << u"ffff:0000/A1"_s;
    }

    void usbPrinterAbsent()
    {
        QFETCH(QString, uri);
        QFETCH(QString, printer);
        QString listError;
        listUsbPrinters(&listError);
        // Where libusb itself cannot start, that is what the link says.
        const QString expected =
            listError.isEmpty() ? u"No USB printer %1 is connected"_s.arg(printer) : listError;
        QString error;
        auto link = PrinterLink::create(uri, &error);
        QVERIFY2(link, qPrintable(error));
        QVERIFY(link->supportsStatus()); // until a printer without bulk IN is connected
        QSignalSpy states(link.get(), &PrinterLink::stateChanged);
        QSignalSpy failed(link.get(), &PrinterLink::failed);
        QSignalSpy status(link.get(), &PrinterLink::statusChanged);
        link->open();
        QTRY_COMPARE(link->state(), State::Unavailable);
        QCOMPARE(link->stateMessage(), expected);
        QCOMPARE(states.size(), 2); // Connecting, Unavailable

        link->send(1, "x"_ba);
        link->queryStatus();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), expected);
        QTRY_COMPARE(status.size(), 1);
        QVERIFY(!status.at(0).at(0).value<smartpos::escpos::PrinterStatus>().online);

        // It keeps looking (0.5 s, then 1 s) without a new message, until closed.
        QTest::qWait(1700);
        QCOMPARE(link->state(), State::Unavailable);
        QCOMPARE(states.size(), 2);
        link->close();
        QCOMPARE(link->state(), State::Closed);
    }

    // Whatever this machine has (CI has no USB bus): no crash, and every URI is usable.
    void listings()
    {
        QString error;
        const auto printers = listUsbPrinters(&error);
        if (!error.isEmpty())
            QVERIFY(printers.isEmpty());
        for (const UsbPrinterInfo &printer : printers) {
            const auto uri = PrinterUri::parse(printer.uri, &error);
            QVERIFY2(uri, qPrintable(error));
            QCOMPARE(uri->vendorId, printer.vendorId);
            QCOMPARE(uri->productId, printer.productId);
            QCOMPARE(uri->serial, printer.serial);
        }
        for (const SerialPortInfo &port : listSerialPorts()) {
            const auto uri = PrinterUri::parse(port.uri, &error);
            QVERIFY2(uri, qPrintable(error));
            QCOMPARE(uri->kind, Kind::Serial);
            QVERIFY(uri->path.endsWith(port.portName));
        }
    }
};

QTEST_GUILESS_MAIN(TestPrinterLinkUri)
#include "tst_printerlinkuri.moc"
