// usb://VID:PID[/SERIAL]: the printer-class interface through libusb (behind UsbBackend), on the
// worker thread.
// Synchronous bulk transfers with short timeouts keep each blocking step short.
#include "printerlink_p.h"

#include "usbbackend.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <libusb.h>

namespace smartpos::devices {

namespace {

QString unavailableMessage(int rc)
{
    return QCoreApplication::translate("smartpos::PrinterLink",
                                       "USB is not available on this computer: %1")
        .arg(QString::fromUtf8(libusb_strerror(rc)));
}

bool hasPrinterInterface(const QList<UsbInterfaceSetting> &settings)
{
    return std::any_of(settings.begin(), settings.end(), [](const UsbInterfaceSetting &setting) {
        return setting.interfaceClass == LIBUSB_CLASS_PRINTER;
    });
}

struct PrinterInterface {
    int number = -1;
    int alternate = 0;
    quint8 out = 0; // bulk OUT endpoint address; 0: none
    quint8 in = 0;  // bulk IN endpoint address; 0: none
};

// The printer-class setting with a bulk OUT endpoint, a bidirectional one (with bulk IN) first;
// failing that any setting with bulk OUT, as some clones declare vendor class 0xFF.
PrinterInterface findInterface(const QList<UsbInterfaceSetting> &settings)
{
    PrinterInterface best;
    int bestScore = -1;
    for (const UsbInterfaceSetting &setting : settings) {
        PrinterInterface candidate{setting.number, setting.alternate};
        for (const UsbEndpoint &endpoint : setting.endpoints) {
            if ((endpoint.attributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK)
                continue;
            const bool in = (endpoint.address & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_IN;
            quint8 &slot = in ? candidate.in : candidate.out;
            if (!slot)
                slot = endpoint.address;
        }
        const int score =
            (setting.interfaceClass == LIBUSB_CLASS_PRINTER ? 2 : 0) + (candidate.in ? 1 : 0);
        if (candidate.out && score > bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}

class UsbWorker final : public DeviceWorker {
public:
    UsbWorker(const PrinterUri &address, std::unique_ptr<UsbBackend> usb)
        : m_address(address)
        , m_usb(std::move(usb))
    {
        canRead = true; // until a printer without bulk IN is connected
        m_probe.setInterval(probeMs);
        connect(&m_probe, &QTimer::timeout, this, &UsbWorker::probe);
    }
    ~UsbWorker() override { closeDevice(); }

    void openDevice() override
    {
        closeDevice();
        if (!m_initialised) {
            if (const int rc = m_usb->init(); rc != 0) {
                emit openFailed(m_session, unavailableMessage(rc));
                return;
            }
            m_initialised = true;
        }
        if (const int rc = openPrinter(); rc != 0) {
            closeDevice();
            emit openFailed(m_session, message(rc, false));
            return;
        }
        m_probe.start();
        emit opened(m_session);
    }

    void closeDevice() override
    {
        m_probe.stop();
        if (!m_open)
            return;
        if (m_interface.number >= 0) // usblp gets it back (auto-detach)
            m_usb->release(m_interface.number);
        m_usb->close();
        m_open = false;
        m_interface = {};
    }

    void writeBytes(const QByteArray &bytes) override
    {
        if (!m_open) // lost since the job was posted, and reported
            return;
        qsizetype done = 0;
        while (done < bytes.size()) {
            if (!live())
                return;
            int sent = 0;
            const QByteArrayView chunk = QByteArrayView(bytes).sliced(
                done, std::min<qsizetype>(bytes.size() - done, chunkBytes));
            const int rc = m_usb->bulkWrite(m_interface.out, chunk, &sent, sliceMs);
            done += sent;
            if (sent > 0)
                emit progressed(m_session);
            // A timeout means a slow printer or a full buffer: the link's stall watchdog decides
            // when that is too long.
            if (rc != 0 && rc != LIBUSB_ERROR_TIMEOUT)
                return lose(rc);
        }
        emit written(m_session);
    }

    void askStatus(const QByteArray &request) override
    {
        if (!m_open || !m_interface.in)
            return;
        int sent = 0;
        int rc = m_usb->bulkWrite(m_interface.out, request, &sent, sliceMs);
        // Each DLE EOT n request is three bytes and its answer one.
        const qsizetype expected = request.size() / 3;
        qsizetype received = 0;
        const QDeadlineTimer deadline(ConnectedLink::statusTimeoutMs);
        char answer[512]; // a multiple of every bulk packet size, so it cannot overflow
        while (rc == 0 && received < expected && !deadline.hasExpired() && live()) {
            int got = 0;
            const int waitMs = int(std::clamp<qint64>(deadline.remainingTime(), 1, sliceMs));
            rc = m_usb->bulkRead(m_interface.in, answer, sizeof answer, &got, waitMs);
            if (got > 0) {
                received += got;
                emit statusBytes(m_session, QByteArray(answer, got));
            }
            if (rc == LIBUSB_ERROR_TIMEOUT)
                rc = 0;
        }
        // A printer gone is a lost connection; other failures leave the query unanswered.
        if (rc == LIBUSB_ERROR_NO_DEVICE)
            lose(rc);
    }

private:
    static constexpr int chunkBytes = 4096;
    static constexpr int probeMs = 2000;

    // 0, or the libusb error that kept the printer from being opened and claimed.
    int openPrinter()
    {
        QList<UsbDevice> devices;
        if (const int rc = m_usb->listDevices(&devices); rc != 0)
            return rc;
        int rc = LIBUSB_ERROR_NOT_FOUND;
        for (const UsbDevice &device : std::as_const(devices)) {
            if (device.vendorId != m_address.vendorId || device.productId != m_address.productId)
                continue;
            if (!m_address.serial.isEmpty() && m_usb->strings(device).serial != m_address.serial)
                continue;
            if ((rc = m_usb->open(device)) == 0) {
                m_open = true;
                return claim(device);
            }
        }
        return rc;
    }

    int claim(const UsbDevice &device)
    {
        QList<UsbInterfaceSetting> settings;
        if (const int rc = m_usb->activeSettings(device, &settings); rc != 0)
            return rc;
        const PrinterInterface found = findInterface(settings);
        if (!found.out)
            return LIBUSB_ERROR_NOT_SUPPORTED;
        // usblp (/dev/usb/lp0) holds printer interfaces; libusb detaches it while claimed.
        // Unsupported on some systems, where claiming then tells what is wrong.
        m_usb->enableAutoDetach();
        if (const int rc = m_usb->claim(found.number); rc != 0)
            return rc;
        m_interface = found;
        if (found.alternate != 0) {
            if (const int rc = m_usb->setAltSetting(found.number, found.alternate); rc != 0)
                return rc;
        }
        canRead = found.in != 0;
        return 0;
    }

    // An unplugged printer is noticed while idle too: GET_PORT_STATUS fails with NO_DEVICE.
    // Other failures are ignored (clones with vendor class may not know the request).
    void probe()
    {
        constexpr quint8 classInterfaceIn = 0xA1; // device to host, class request, interface
        constexpr quint8 getPortStatus = 1;
        char portStatus = 0;
        const int rc = m_usb->controlRead(classInterfaceIn, getPortStatus, 0,
                                          quint16(m_interface.number), &portStatus, 1, sliceMs);
        if (rc == LIBUSB_ERROR_NO_DEVICE)
            lose(rc);
    }

    void lose(int rc)
    {
        closeDevice();
        emit lost(m_session, message(rc, true));
    }

    QString message(int rc, bool connected) const
    {
        const QString printer = m_address.serial.isEmpty()
                                    ? m_address.usbId()
                                    : m_address.usbId() + u'/' + m_address.serial;
        switch (rc) {
        case LIBUSB_ERROR_NO_DEVICE:
            if (connected)
                return QCoreApplication::translate("smartpos::PrinterLink",
                                                   "The USB printer %1 was unplugged or "
                                                   "switched off")
                    .arg(printer);
            [[fallthrough]];
        case LIBUSB_ERROR_NOT_FOUND:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "No USB printer %1 is connected")
                .arg(printer);
        case LIBUSB_ERROR_ACCESS:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "Permission denied on the USB printer %1: install "
                                               "resources/udev/60-smartpos.rules, see "
                                               "docs/hardware.md")
                .arg(printer);
        case LIBUSB_ERROR_BUSY:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "The USB printer %1 is in use by another program")
                .arg(printer);
        case LIBUSB_ERROR_TIMEOUT:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "The USB printer %1 does not answer")
                .arg(printer);
        case LIBUSB_ERROR_NOT_SUPPORTED:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "The USB device %1 is not a printer SmartPOS can "
                                               "use")
                .arg(printer);
        default:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "The USB printer %1 failed: %2")
                .arg(printer, QString::fromUtf8(libusb_strerror(rc)));
        }
    }

    const PrinterUri m_address;
    const std::unique_ptr<UsbBackend> m_usb;
    bool m_initialised = false;
    bool m_open = false;
    PrinterInterface m_interface; // claimed when number >= 0
    QTimer m_probe{this};
};

} // namespace

std::unique_ptr<DeviceWorker> makeUsbWorker(const PrinterUri &address)
{
    return std::make_unique<UsbWorker>(address, makeUsbBackend());
}

QList<UsbPrinterInfo> listUsbPrinters(QString *error)
{
    const std::unique_ptr<UsbBackend> usb = makeUsbBackend();
    if (const int rc = usb->init(); rc != 0) {
        if (error)
            *error = unavailableMessage(rc);
        return {};
    }
    QList<UsbDevice> devices;
    if (const int rc = usb->listDevices(&devices); rc != 0) {
        if (error)
            *error = QCoreApplication::translate("smartpos::PrinterLink",
                                                 "Cannot list the USB devices: %1")
                         .arg(QString::fromUtf8(libusb_strerror(rc)));
        return {};
    }
    QList<UsbPrinterInfo> printers;
    for (const UsbDevice &device : std::as_const(devices)) {
        QList<UsbInterfaceSetting> settings;
        if (usb->activeSettings(device, &settings) != 0 || !hasPrinterInterface(settings))
            continue;
        const UsbStrings strings = usb->strings(device);
        printers.append(
            {device.vendorId, device.productId, strings.serial, strings.manufacturer,
             strings.product, device.bus, device.address,
             PrinterUri::usb(device.vendorId, device.productId, strings.serial).toString()});
    }
    return printers;
}

} // namespace smartpos::devices
