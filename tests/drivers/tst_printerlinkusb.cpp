// USB printer links on a fake bus (a UsbBackend standing in for libusb): the listing, the
// interface and endpoints chosen, the serial number, every error a person may meet with its
// message, an unplug mid-job or while idle and the replug, a printer that stops taking data,
// and the status over bulk IN.
#include "transport/printerlink.h"
#include "transport/printerlink_p.h"
#include "transport/usbbackend.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QWaitCondition>

#include <libusb.h>

#include <memory>

using namespace smartpos::devices;
using namespace Qt::StringLiterals;
using smartpos::escpos::PrinterStatus;
using State = PrinterLink::State;

namespace {

constexpr quint8 kBulk = LIBUSB_TRANSFER_TYPE_BULK;
constexpr quint8 kInterrupt = LIBUSB_TRANSFER_TYPE_INTERRUPT;

UsbInterfaceSetting setting(quint8 number, quint8 alternate, quint8 interfaceClass, quint8 protocol,
                            QList<UsbEndpoint> endpoints)
{
    return {number, alternate, interfaceClass, 1, protocol, std::move(endpoints)};
}

// A bidirectional printer-class interface: bulk OUT 0x01, bulk IN 0x82.
const QList<UsbInterfaceSetting> kPrinter{
    setting(0, 0, LIBUSB_CLASS_PRINTER, 2, {{0x01, kBulk}, {0x82, kBulk}})};

struct FakeDevice {
    quint16 vendorId = 0x0416;
    quint16 productId = 0x5011;
    UsbStrings strings = {};
    QList<UsbInterfaceSetting> settings = kPrinter;
    int openError = 0;
    int claimError = 0;
    int address = 0; // given by FakeBus::plug()
};

// What the devices on the bus do; changed by the test, read by the link's worker thread.
struct BusState {
    QList<FakeDevice> devices;
    int nextAddress = 1;
    int initError = 0;
    int listError = 0;
    int autoDetachError = 0;
    // The bulk OUT of the open device takes at most this many bytes per transfer and waits out
    // the timeout when that cut a transfer short, like a printer whose buffer is full; -1: any.
    int takePerTransfer = -1;
    // After this many more bytes the transfer fails with failWith (NO_DEVICE unplugs it).
    qsizetype failAfter = -1;
    int failWith = 0;
    QHash<int, QByteArray> received; // by device address
    QHash<int, quint8> answers;      // DLE EOT n: the byte bulk IN answers; none: silence
    QByteArray pendingIn;
    QStringList calls; // what the link did, in order (transfers left out)
};

class FakeBus {
public:
    // Calls `change` with the state locked, then wakes every transfer waiting for a change.
    template <typename Change> auto with(Change change)
    {
        const QMutexLocker lock(&m_mutex);
        const auto wake = qScopeGuard([this] { m_changed.wakeAll(); });
        return change(m_state);
    }

    int plug(FakeDevice device)
    {
        return with([&](BusState &bus) {
            device.address = bus.nextAddress++;
            bus.devices.append(device);
            return device.address;
        });
    }

    void unplug(int address)
    {
        with([address](BusState &bus) { unplugLocked(bus, address); });
    }

    static void unplugLocked(BusState &bus, int address)
    {
        bus.devices.removeIf([address](const FakeDevice &d) { return d.address == address; });
    }

    QStringList calls() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_state.calls;
    }

    QByteArray received(int address) const
    {
        const QMutexLocker lock(&m_mutex);
        return m_state.received.value(address);
    }

    // For the backends: the state locked, and a wait for a change until `deadline`.
    QMutex &mutex() { return m_mutex; }
    BusState &state() { return m_state; }
    bool waitForChange(const QDeadlineTimer &deadline)
    {
        return m_changed.wait(&m_mutex, deadline);
    }

private:
    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    BusState m_state;
};

class FakeBackend final : public UsbBackend {
public:
    explicit FakeBackend(std::shared_ptr<FakeBus> bus)
        : m_bus(std::move(bus))
    {
    }

    int init() override
    {
        return m_bus->with([](BusState &bus) { return bus.initError; });
    }

    int listDevices(QList<UsbDevice> *devices) override
    {
        return m_bus->with([devices](BusState &bus) {
            if (bus.listError)
                return bus.listError;
            devices->clear();
            for (const FakeDevice &device : std::as_const(bus.devices))
                devices->append({device.vendorId, device.productId, 1, device.address, {}});
            return 0;
        });
    }

    int activeSettings(const UsbDevice &device, QList<UsbInterfaceSetting> *settings) override
    {
        return m_bus->with([&](BusState &bus) {
            const FakeDevice *found = find(bus, device.address);
            if (!found)
                return int(LIBUSB_ERROR_NO_DEVICE);
            *settings = found->settings;
            return 0;
        });
    }

    UsbStrings strings(const UsbDevice &device) override
    {
        return m_bus->with([&](BusState &bus) {
            const FakeDevice *found = find(bus, device.address);
            return found ? found->strings : UsbStrings();
        });
    }

    int open(const UsbDevice &device) override
    {
        return m_bus->with([&](BusState &bus) {
            const FakeDevice *found = find(bus, device.address);
            if (!found)
                return int(LIBUSB_ERROR_NO_DEVICE);
            if (found->openError)
                return found->openError;
            m_open = device.address;
            bus.calls << u"open %1"_s.arg(m_open);
            return 0;
        });
    }

    void close() override
    {
        m_bus->with([this](BusState &bus) {
            bus.calls << u"close"_s;
            m_open = 0;
        });
    }

    int enableAutoDetach() override
    {
        return m_bus->with([](BusState &bus) {
            bus.calls << u"auto-detach"_s;
            return bus.autoDetachError;
        });
    }

    int claim(int interface) override
    {
        return m_bus->with([&](BusState &bus) {
            const FakeDevice *device = find(bus, m_open);
            if (!device)
                return int(LIBUSB_ERROR_NO_DEVICE);
            if (device->claimError)
                return device->claimError;
            bus.calls << u"claim %1"_s.arg(interface);
            m_interface = interface;
            return 0;
        });
    }

    int setAltSetting(int interface, int alternate) override
    {
        return m_bus->with([&](BusState &bus) {
            bus.calls << u"alternate %1 %2"_s.arg(interface).arg(alternate);
            m_alternate = alternate;
            return 0;
        });
    }

    void release(int interface) override
    {
        m_bus->with([&](BusState &bus) { bus.calls << u"release %1"_s.arg(interface); });
    }

    int bulkWrite(quint8 endpoint, QByteArrayView bytes, int *transferred, int timeoutMs) override
    {
        *transferred = 0;
        const QDeadlineTimer deadline(timeoutMs);
        const QMutexLocker lock(&m_bus->mutex());
        BusState &bus = m_bus->state();
        if (const int rc = checkEndpoint(bus, endpoint, false); rc != 0)
            return rc;
        qsizetype take = bytes.size();
        if (bus.takePerTransfer >= 0)
            take = std::min<qsizetype>(take, bus.takePerTransfer);
        const bool failing = bus.failAfter >= 0 && bus.failAfter < take;
        if (failing)
            take = bus.failAfter;
        if (bus.failAfter >= 0)
            bus.failAfter -= take;
        bus.received[m_open] += bytes.first(take);
        *transferred = int(take);
        for (qsizetype i = 0; i + 2 < take; ++i)
            if (bytes[i] == 0x10 && bytes[i + 1] == 0x04 && bus.answers.contains(bytes[i + 2]))
                bus.pendingIn += char(bus.answers.value(bytes[i + 2]));
        if (failing) {
            bus.failAfter = -1;
            if (bus.failWith == LIBUSB_ERROR_NO_DEVICE)
                FakeBus::unplugLocked(bus, m_open);
            return bus.failWith;
        }
        if (take == bytes.size())
            return 0;
        while (m_bus->waitForChange(deadline) && find(bus, m_open)) {
        }
        return find(bus, m_open) ? LIBUSB_ERROR_TIMEOUT : LIBUSB_ERROR_NO_DEVICE;
    }

    int bulkRead(quint8 endpoint, char *buffer, int size, int *transferred, int timeoutMs) override
    {
        *transferred = 0;
        const QDeadlineTimer deadline(timeoutMs);
        const QMutexLocker lock(&m_bus->mutex());
        BusState &bus = m_bus->state();
        while (true) {
            if (const int rc = checkEndpoint(bus, endpoint, true); rc != 0)
                return rc;
            if (!bus.pendingIn.isEmpty()) {
                const QByteArray answer =
                    bus.pendingIn.first(std::min<qsizetype>(size, bus.pendingIn.size()));
                bus.pendingIn.remove(0, answer.size());
                std::copy(answer.begin(), answer.end(), buffer);
                *transferred = int(answer.size());
                return 0;
            }
            if (!m_bus->waitForChange(deadline))
                return LIBUSB_ERROR_TIMEOUT;
        }
    }

    int controlRead(quint8 requestType, quint8 request, quint16, quint16 index, char *buffer,
                    int size, int) override
    {
        return m_bus->with([&](BusState &bus) {
            if (!find(bus, m_open))
                return int(LIBUSB_ERROR_NO_DEVICE);
            if (requestType != 0xA1 || request != 1 || index != m_interface || size < 1)
                return int(LIBUSB_ERROR_PIPE);
            buffer[0] = 0x18; // GET_PORT_STATUS: selected, no error
            return 1;
        });
    }

private:
    static FakeDevice *find(BusState &bus, int address)
    {
        for (FakeDevice &device : bus.devices)
            if (device.address == address)
                return &device;
        return nullptr;
    }

    // Transfers go to a bulk endpoint of the claimed setting, in the right direction.
    int checkEndpoint(BusState &bus, quint8 endpoint, bool in) const
    {
        const FakeDevice *device = find(bus, m_open);
        if (!device)
            return LIBUSB_ERROR_NO_DEVICE;
        for (const UsbInterfaceSetting &s : device->settings)
            if (s.number == m_interface && s.alternate == m_alternate)
                for (const UsbEndpoint &e : s.endpoints)
                    if (e.address == endpoint && e.attributes == kBulk
                        && bool(endpoint & 0x80) == in)
                        return 0;
        return LIBUSB_ERROR_NOT_FOUND;
    }

    const std::shared_ptr<FakeBus> m_bus;
    int m_open = 0; // the address of the open device
    int m_interface = -1;
    int m_alternate = 0;
};

QByteArray jobBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(i * 31 + 7);
    return bytes;
}

std::unique_ptr<PrinterLink> usbLink(const QString &uri)
{
    QString error;
    auto link = PrinterLink::create(uri, &error);
    if (!link)
        qFatal("%s", qPrintable(error));
    return link;
}

PrinterStatus printerStatus(bool online, bool coverOpen, bool paperNearEnd, bool paperOut,
                            bool drawerOpen, bool error)
{
    return {online, coverOpen, paperNearEnd, paperOut, drawerOpen, error};
}

const QString kUnplugged = u"The USB printer 0416:5011 was unplugged or switched off"_s;
const QString kNotConnected = u"No USB printer 0416:5011 is connected"_s;

} // namespace

Q_DECLARE_METATYPE(FakeDevice)
Q_DECLARE_METATYPE(QList<UsbInterfaceSetting>)
Q_DECLARE_METATYPE(PrinterStatus)

class TestPrinterLinkUsb : public QObject {
    Q_OBJECT

    std::shared_ptr<FakeBus> m_bus;

    // A link to usb://0416:5011, Ready, on the bus with the device it returns the address of.
    int plugAndOpen(PrinterLink *link, FakeDevice device = {})
    {
        const int address = m_bus->plug(device);
        link->open();
        return QTest::qWaitFor([link] { return link->state() == State::Ready; }, 5000) ? address
                                                                                       : 0;
    }

private slots:
    void init()
    {
        m_bus = std::make_shared<FakeBus>();
        setUsbBackendFactory([bus = m_bus] { return std::make_unique<FakeBackend>(bus); });
    }

    void cleanup() { setUsbBackendFactory({}); }

    // Printer-class devices only, named by the device; a vendor-class one is usable by its
    // VID:PID (below) but not listed.
    void listsPrinterClassDevices()
    {
        FakeDevice epson{.vendorId = 0x04b8,
                         .productId = 0x0e15,
                         .strings = {u"EPSON"_s, u"TM-T20II"_s, u"J7AF012345"_s}};
        FakeDevice zjiang{.strings = {{}, u"POS58 Printer"_s, {}},
                          .settings = {setting(0, 0, LIBUSB_CLASS_PRINTER, 1, {{0x02, kBulk}})}};
        FakeDevice clone{.vendorId = 0x0fe6,
                         .productId = 0x811e,
                         .settings = {setting(0, 0, LIBUSB_CLASS_VENDOR_SPEC, 0, {{0x01, kBulk}})}};
        FakeDevice keyboard{.vendorId = 0x046d,
                            .productId = 0xc31c,
                            .settings = {setting(0, 0, LIBUSB_CLASS_HID, 1, {{0x81, kInterrupt}})}};
        m_bus->plug(keyboard);
        const int epsonAddress = m_bus->plug(epson);
        m_bus->plug(clone);
        const int zjiangAddress = m_bus->plug(zjiang);

        QString error;
        const QList<UsbPrinterInfo> printers = listUsbPrinters(&error);
        QCOMPARE(error, QString());
        QCOMPARE(printers.size(), 2);
        QCOMPARE(printers[0].uri, u"usb://04b8:0e15/J7AF012345"_s);
        QCOMPARE(printers[0].vendorId, 0x04b8);
        QCOMPARE(printers[0].productId, 0x0e15);
        QCOMPARE(printers[0].serial, u"J7AF012345"_s);
        QCOMPARE(printers[0].manufacturer, u"EPSON"_s);
        QCOMPARE(printers[0].product, u"TM-T20II"_s);
        QCOMPARE(printers[0].bus, 1);
        QCOMPARE(printers[0].address, epsonAddress);
        QCOMPARE(printers[1].uri, u"usb://0416:5011"_s);
        QCOMPARE(printers[1].serial, QString());
        QCOMPARE(printers[1].product, u"POS58 Printer"_s);
        QCOMPARE(printers[1].address, zjiangAddress);
    }

    void listingErrors_data()
    {
        QTest::addColumn<int>("initError");
        QTest::addColumn<int>("listError");
        QTest::addColumn<QString>("message");
        QTest::newRow("libusb cannot start")
            << int(LIBUSB_ERROR_OTHER) << 0
            << u"USB is not available on this computer: Other error"_s;
        QTest::newRow("the list fails") << 0 << int(LIBUSB_ERROR_NO_MEM)
                                        << u"Cannot list the USB devices: Insufficient memory"_s;
    }

    void listingErrors()
    {
        QFETCH(int, initError);
        QFETCH(int, listError);
        QFETCH(QString, message);
        m_bus->plug({});
        m_bus->with([&](BusState &bus) {
            bus.initError = initError;
            bus.listError = listError;
        });
        QString error;
        QVERIFY(listUsbPrinters(&error).isEmpty());
        QCOMPARE(error, message);
        QVERIFY(listUsbPrinters(nullptr).isEmpty()); // the error is optional
    }

    // The interface and endpoints come from the descriptors; usblp is detached before the claim
    // and gets the interface back when the link closes.
    void connectsAndWrites_data()
    {
        QTest::addColumn<QList<UsbInterfaceSetting>>("settings");
        QTest::addColumn<int>("autoDetachError");
        QTest::addColumn<QStringList>("opening");
        QTest::addColumn<bool>("status");
        QTest::addColumn<int>("interface");
        QTest::newRow("printer class 7/1/2, bulk OUT and IN")
            << kPrinter << 0 << QStringList{u"open 1"_s, u"auto-detach"_s, u"claim 0"_s} << true
            << 0;
        QTest::newRow("printer class 7/1/1, no bulk IN")
            << QList{setting(0, 0, LIBUSB_CLASS_PRINTER, 1, {{0x02, kBulk}})} << 0
            << QStringList{u"open 1"_s, u"auto-detach"_s, u"claim 0"_s} << false << 0;
        QTest::newRow("vendor class 0xff ESC/POS clone")
            << QList{setting(0, 0, LIBUSB_CLASS_VENDOR_SPEC, 0,
                             {{0x82, kInterrupt}, {0x81, kBulk}, {0x03, kBulk}})}
            << 0 << QStringList{u"open 1"_s, u"auto-detach"_s, u"claim 0"_s} << true << 0;
        // A vendor interface first, then the printer: unidirectional in setting 0,
        // bidirectional in setting 1, which wins.
        QTest::newRow("bidirectional alternate setting")
            << QList{setting(0, 0, LIBUSB_CLASS_VENDOR_SPEC, 0, {{0x01, kBulk}, {0x81, kBulk}}),
                     setting(1, 0, LIBUSB_CLASS_PRINTER, 1, {{0x02, kBulk}}),
                     setting(1, 1, LIBUSB_CLASS_PRINTER, 2, {{0x02, kBulk}, {0x82, kBulk}})}
            << 0 << QStringList{u"open 1"_s, u"auto-detach"_s, u"claim 1"_s, u"alternate 1 1"_s}
            << true << 1;
        QTest::newRow("auto-detach unsupported: the claim goes on")
            << kPrinter << int(LIBUSB_ERROR_NOT_SUPPORTED)
            << QStringList{u"open 1"_s, u"auto-detach"_s, u"claim 0"_s} << true << 0;
    }

    void connectsAndWrites()
    {
        QFETCH(QList<UsbInterfaceSetting>, settings);
        QFETCH(int, autoDetachError);
        QFETCH(QStringList, opening);
        QFETCH(bool, status);
        QFETCH(int, interface);
        m_bus->with([&](BusState &bus) { bus.autoDetachError = autoDetachError; });
        FakeDevice device;
        device.settings = settings;
        auto link = usbLink(u"usb://0416:5011"_s);
        QSignalSpy written(link.get(), &PrinterLink::written);
        QSignalSpy failed(link.get(), &PrinterLink::failed);
        const int address = plugAndOpen(link.get(), device);
        QVERIFY(address);
        QCOMPARE(link->stateMessage(), QString());
        QCOMPARE(m_bus->calls(), opening);
        QCOMPARE(link->supportsStatus(), status);

        const QByteArray job = jobBytes(10000); // three bulk transfers
        link->send(1, job);
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(written.at(0).at(0).toLongLong(), 1);
        QCOMPARE(m_bus->received(address), job);
        link->send(2, "second"_ba);
        QTRY_COMPARE(written.size(), 2);
        QCOMPARE(m_bus->received(address), job + "second"_ba);
        QCOMPARE(failed.size(), 0);

        link->close();
        QTRY_COMPARE(m_bus->calls().mid(opening.size()),
                     (QStringList{u"release %1"_s.arg(interface), u"close"_s}));
    }

    // usb://VID:PID/SERIAL picks that device among several with the same VID:PID.
    void serialNumbers()
    {
        FakeDevice first;
        first.strings.serial = u"A1"_s;
        FakeDevice second;
        second.strings.serial = u"B2"_s;
        m_bus->plug(first);
        const int secondAddress = m_bus->plug(second);

        auto link = usbLink(u"usb://0416:5011/B2"_s);
        QSignalSpy written(link.get(), &PrinterLink::written);
        link->open();
        QTRY_COMPARE(link->state(), State::Ready);
        QCOMPARE(m_bus->calls().first(), u"open %1"_s.arg(secondAddress));
        link->send(1, "for B2"_ba);
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(m_bus->received(secondAddress), "for B2"_ba);
        link.reset();

        auto wrong = usbLink(u"usb://0416:5011/C3"_s);
        QSignalSpy failed(wrong.get(), &PrinterLink::failed);
        wrong->open();
        QTRY_COMPARE(wrong->state(), State::Unavailable);
        QCOMPARE(wrong->stateMessage(), u"No USB printer 0416:5011/C3 is connected"_s);
        wrong->send(1, "x"_ba);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), u"No USB printer 0416:5011/C3 is connected"_s);
    }

    // Each failure to connect says why, the job and the status fail with it, and once the cause
    // is gone the link is Ready by itself.
    void openErrors_data()
    {
        QTest::addColumn<FakeDevice>("device");
        QTest::addColumn<int>("initError");
        QTest::addColumn<int>("listError");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("calls");

        FakeDevice other{.vendorId = 0x04b8, .productId = 0x0e15};
        QTest::newRow("only another VID:PID") << other << 0 << 0 << kNotConnected << QStringList();
        FakeDevice denied;
        denied.openError = LIBUSB_ERROR_ACCESS;
        QTest::newRow("permission denied")
            << denied << 0 << 0
            << u"Permission denied on the USB printer 0416:5011: install "
               u"resources/udev/60-smartpos.rules, see docs/hardware.md"_s
            << QStringList();
        FakeDevice gone;
        gone.openError = LIBUSB_ERROR_NO_DEVICE;
        QTest::newRow("gone between listing and opening")
            << gone << 0 << 0 << kNotConnected << QStringList();
        FakeDevice busy;
        busy.claimError = LIBUSB_ERROR_BUSY;
        QTest::newRow("claimed by another program")
            << busy << 0 << 0 << u"The USB printer 0416:5011 is in use by another program"_s
            << QStringList{u"open 1"_s, u"auto-detach"_s, u"close"_s};
        FakeDevice noBulkOut;
        noBulkOut.settings = {setting(0, 0, LIBUSB_CLASS_PRINTER, 2, {{0x82, kBulk}}),
                              setting(1, 0, LIBUSB_CLASS_HID, 1, {{0x03, kInterrupt}})};
        QTest::newRow("no bulk OUT")
            << noBulkOut << 0 << 0
            << u"The USB device 0416:5011 is not a printer SmartPOS can use"_s
            << QStringList{u"open 1"_s, u"close"_s};
        QTest::newRow("libusb cannot start")
            << FakeDevice() << int(LIBUSB_ERROR_OTHER) << 0
            << u"USB is not available on this computer: Other error"_s << QStringList();
        QTest::newRow("the device list fails")
            << FakeDevice() << 0 << int(LIBUSB_ERROR_NO_MEM)
            << u"The USB printer 0416:5011 failed: Insufficient memory"_s << QStringList();
    }

    void openErrors()
    {
        QFETCH(FakeDevice, device);
        QFETCH(int, initError);
        QFETCH(int, listError);
        QFETCH(QString, message);
        QFETCH(QStringList, calls);
        const int address = m_bus->plug(device);
        m_bus->with([&](BusState &bus) {
            bus.initError = initError;
            bus.listError = listError;
        });
        auto link = usbLink(u"usb://0416:5011"_s);
        QSignalSpy states(link.get(), &PrinterLink::stateChanged);
        QSignalSpy failed(link.get(), &PrinterLink::failed);
        QSignalSpy statuses(link.get(), &PrinterLink::statusChanged);
        link->open();
        QTRY_COMPARE(link->state(), State::Unavailable);
        QCOMPARE(link->stateMessage(), message);
        QCOMPARE(states.last().at(1).toString(), message);
        QCOMPARE(m_bus->calls().first(calls.size()), calls); // a handle opened is closed again
        link->send(1, "x"_ba);
        link->queryStatus();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), message);
        QTRY_COMPARE(statuses.size(), 1);
        QVERIFY(!statuses.at(0).at(0).value<PrinterStatus>().online);

        m_bus->unplug(address);
        m_bus->with([](BusState &bus) {
            bus.initError = 0;
            bus.listError = 0;
        });
        m_bus->plug({});
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), State::Ready, 10000);
    }

    // A job cut short: NO_DEVICE means unplugged, other errors say what libusb says. Either way
    // the link comes back by itself and the next job is written whole.
    void lostMidJob_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::newRow("unplugged") << int(LIBUSB_ERROR_NO_DEVICE) << kUnplugged;
        QTest::newRow("I/O error")
            << int(LIBUSB_ERROR_IO) << u"The USB printer 0416:5011 failed: Input/Output Error"_s;
        QTest::newRow("endpoint stalled")
            << int(LIBUSB_ERROR_PIPE) << u"The USB printer 0416:5011 failed: Pipe error"_s;
    }

    void lostMidJob()
    {
        QFETCH(int, error);
        QFETCH(QString, message);
        auto link = usbLink(u"usb://0416:5011"_s);
        QSignalSpy states(link.get(), &PrinterLink::stateChanged);
        QSignalSpy written(link.get(), &PrinterLink::written);
        QSignalSpy failed(link.get(), &PrinterLink::failed);
        const int address = plugAndOpen(link.get());
        QVERIFY(address);

        m_bus->with([error](BusState &bus) {
            bus.failAfter = 5000; // in the middle of the second chunk
            bus.failWith = error;
        });
        const QByteArray job = jobBytes(12000);
        link->send(1, job);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toLongLong(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), message);
        QCOMPARE(written.size(), 0);
        QCOMPARE(m_bus->received(address), job.first(5000));
        const auto unavailable = std::find_if(states.begin(), states.end(), [](const auto &s) {
            return s.at(0).template value<State>() == State::Unavailable;
        });
        QVERIFY(unavailable != states.end());
        QCOMPARE(unavailable->at(1).toString(), message);
        QVERIFY(m_bus->calls().contains(u"release 0"_s));

        int now = address;
        if (error == LIBUSB_ERROR_NO_DEVICE) {
            // Still gone at the next attempt: it says so, and a job fails with that at once.
            QTRY_COMPARE_WITH_TIMEOUT(link->stateMessage(), kNotConnected, 5000);
            QCOMPARE(link->state(), State::Unavailable);
            link->send(2, "while unplugged"_ba);
            QTRY_COMPARE(failed.size(), 2);
            QCOMPARE(failed.at(1).at(1).toString(), kNotConnected);
            now = m_bus->plug({}); // plugged back: a new address, as on a real bus
        }
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), State::Ready, 10000);
        QCOMPARE(link->stateMessage(), QString());
        const QByteArray next = jobBytes(9000);
        link->send(3, next);
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(written.at(0).at(0).toLongLong(), 3);
        const QByteArray before = now == address ? job.first(5000) : QByteArray();
        QCOMPARE(m_bus->received(now), before + next);
    }

    // Unplugged with no job: GET_PORT_STATUS notices within a couple of seconds.
    void unpluggedWhileIdle()
    {
        auto link = usbLink(u"usb://0416:5011"_s);
        QSignalSpy states(link.get(), &PrinterLink::stateChanged);
        const int address = plugAndOpen(link.get());
        QVERIFY(address);
        m_bus->unplug(address);
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), State::Unavailable, 5000);
        QCOMPARE(states.last().at(1).toString(), kUnplugged);
        m_bus->plug({});
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), State::Ready, 10000);
    }

    // A printer that takes nothing (every transfer times out) fails the job after the stall
    // time; one that takes a little per transfer is slow, not stalled.
    void stalledAndSlow()
    {
        auto link = usbLink(u"usb://0416:5011"_s);
        auto *connected = dynamic_cast<ConnectedLink *>(link.get());
        QVERIFY(connected);
        connected->setStallMs(2000);
        QSignalSpy written(link.get(), &PrinterLink::written);
        QSignalSpy failed(link.get(), &PrinterLink::failed);
        const int address = plugAndOpen(link.get());
        QVERIFY(address);

        m_bus->with([](BusState &bus) { bus.takePerTransfer = 0; });
        QElapsedTimer timer;
        timer.start();
        link->send(1, jobBytes(100));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        // Not before the stall time (Qt's coarse timers may fire 5 % early).
        QVERIFY2(timer.elapsed() >= 1900, qPrintable(QString::number(timer.elapsed())));
        const QString stalled = u"The printer at usb://0416:5011 stopped taking data: is it out "
                                u"of paper, is its cover open or is it switched off?"_s;
        QCOMPARE(failed.at(0).at(1).toString(), stalled);
        QCOMPARE(link->state(), State::Unavailable);
        QCOMPARE(link->stateMessage(), stalled);
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), State::Ready, 10000); // it reconnects

        // 400 bytes per 0.5 s transfer: 2 s for the job, never 2 s without progress.
        m_bus->with([](BusState &bus) {
            bus.takePerTransfer = 400;
            bus.received.clear();
        });
        const QByteArray job = jobBytes(2000);
        link->send(2, job);
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 15000);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(m_bus->received(address), job);
    }

    // DLE EOT 1, 2 and 4 go out on bulk OUT and the answers come back on bulk IN.
    void statusOverBulkIn_data()
    {
        QTest::addColumn<QList<int>>("answers"); // to DLE EOT 1, 2, 4; -1: no answer
        QTest::addColumn<PrinterStatus>("expected");
        QTest::addColumn<bool>("waitsOut"); // statusChanged only after the 1 s time-out
        QTest::newRow("all well") << QList{0x12, 0x12, 0x12}
                                  << printerStatus(true, false, false, false, false, false)
                                  << false;
        QTest::newRow("offline, cover open, paper near end")
            << QList{0x1a, 0x16, 0x1e} << printerStatus(false, true, true, false, false, false)
            << false;
        QTest::newRow("drawer open, error, paper out")
            << QList{0x16, 0x52, 0x72} << printerStatus(true, false, false, true, true, true)
            << false;
        QTest::newRow("no answer: offline")
            << QList{-1, -1, -1} << printerStatus(false, false, false, false, false, false) << true;
        QTest::newRow("only DLE EOT 1 answered")
            << QList{0x16, -1, -1} << printerStatus(true, false, false, false, true, false) << true;
    }

    void statusOverBulkIn()
    {
        QFETCH(QList<int>, answers);
        QFETCH(PrinterStatus, expected);
        QFETCH(bool, waitsOut);
        m_bus->with([&](BusState &bus) {
            const int asked[] = {1, 2, 4};
            for (int i = 0; i < 3; ++i)
                if (answers[i] >= 0)
                    bus.answers.insert(asked[i], quint8(answers[i]));
        });
        auto link = usbLink(u"usb://0416:5011"_s);
        QSignalSpy statuses(link.get(), &PrinterLink::statusChanged);
        const int address = plugAndOpen(link.get());
        QVERIFY(address);
        QVERIFY(link->supportsStatus());
        QElapsedTimer timer;
        timer.start();
        link->queryStatus();
        QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 1, 5000);
        if (waitsOut)
            QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(statuses.at(0).at(0).value<PrinterStatus>(), expected);
        QCOMPARE(m_bus->received(address), "\x10\x04\x01\x10\x04\x02\x10\x04\x04"_ba);
        QCOMPARE(link->state(), State::Ready);
    }

    // A printer without bulk IN cannot answer: queryStatus() does nothing.
    void noStatusWithoutBulkIn()
    {
        FakeDevice device;
        device.settings = {setting(0, 0, LIBUSB_CLASS_PRINTER, 1, {{0x01, kBulk}})};
        auto link = usbLink(u"usb://0416:5011"_s);
        QSignalSpy statuses(link.get(), &PrinterLink::statusChanged);
        const int address = plugAndOpen(link.get(), device);
        QVERIFY(address);
        QVERIFY(!link->supportsStatus());
        link->queryStatus();
        QTest::qWait(300);
        QCOMPARE(statuses.size(), 0);
        QCOMPARE(m_bus->received(address), QByteArray());
    }

    // Unplugged while it waits for the answers: the connection is lost and the status offline.
    void unpluggedDuringStatus()
    {
        auto link = usbLink(u"usb://0416:5011"_s);
        QSignalSpy statuses(link.get(), &PrinterLink::statusChanged);
        const int address = plugAndOpen(link.get());
        QVERIFY(address);
        link->queryStatus();
        QTRY_COMPARE(m_bus->received(address).size(), 9); // asked; no answer comes
        m_bus->unplug(address);
        QTRY_COMPARE(link->state(), State::Unavailable);
        QCOMPARE(link->stateMessage(), kUnplugged);
        QTRY_COMPARE(statuses.size(), 1);
        QVERIFY(!statuses.at(0).at(0).value<PrinterStatus>().online);
    }
};

QTEST_GUILESS_MAIN(TestPrinterLinkUsb)
#include "tst_printerlinkusb.moc"
