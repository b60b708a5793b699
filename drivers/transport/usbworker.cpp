// usb://VID:PID[/SERIAL]: the printer-class interface through libusb, on the worker thread.
// Synchronous bulk transfers with short timeouts keep each blocking step short.
#include "printerlink_p.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <libusb.h>

namespace smartpos::devices {

namespace {

using namespace Qt::StringLiterals;

QString unavailableMessage(int rc)
{
    return QCoreApplication::translate("smartpos::PrinterLink",
                                       "USB is not available on this computer: %1")
        .arg(QString::fromUtf8(libusb_strerror(rc)));
}

using ConfigDescriptor =
    std::unique_ptr<libusb_config_descriptor, decltype(&libusb_free_config_descriptor)>;

ConfigDescriptor activeConfig(libusb_device *device, int *rc)
{
    libusb_config_descriptor *config = nullptr;
    *rc = libusb_get_active_config_descriptor(device, &config);
    return {config, &libusb_free_config_descriptor};
}

bool hasPrinterInterface(libusb_device *device)
{
    int rc = 0;
    const ConfigDescriptor config = activeConfig(device, &rc);
    for (int i = 0; config && i < config->bNumInterfaces; ++i) {
        const libusb_interface &interface = config->interface[i];
        for (int a = 0; a < interface.num_altsetting; ++a)
            if (interface.altsetting[a].bInterfaceClass == LIBUSB_CLASS_PRINTER)
                return true;
    }
    return false;
}

struct PrinterInterface {
    int number = -1;
    int alternate = 0;
    quint8 out = 0; // bulk OUT endpoint address; 0: none
    quint8 in = 0;  // bulk IN endpoint address; 0: none
};

// The printer-class setting with a bulk OUT endpoint, a bidirectional one (with bulk IN) first;
// failing that any setting with bulk OUT, as some clones declare vendor class 0xFF.
PrinterInterface findInterface(const libusb_config_descriptor &config)
{
    PrinterInterface best;
    int bestScore = -1;
    for (int i = 0; i < config.bNumInterfaces; ++i) {
        const libusb_interface &interface = config.interface[i];
        for (int a = 0; a < interface.num_altsetting; ++a) {
            const libusb_interface_descriptor &setting = interface.altsetting[a];
            PrinterInterface candidate{setting.bInterfaceNumber, setting.bAlternateSetting};
            for (int e = 0; e < setting.bNumEndpoints; ++e) {
                const libusb_endpoint_descriptor &endpoint = setting.endpoint[e];
                if ((endpoint.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK)
                    != LIBUSB_TRANSFER_TYPE_BULK)
                    continue;
                const bool in =
                    (endpoint.bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_IN;
                quint8 &slot = in ? candidate.in : candidate.out;
                if (!slot)
                    slot = endpoint.bEndpointAddress;
            }
            const int score =
                (setting.bInterfaceClass == LIBUSB_CLASS_PRINTER ? 2 : 0) + (candidate.in ? 1 : 0);
            if (candidate.out && score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
    }
    return best;
}

struct UsbStrings {
    QString manufacturer;
    QString product;
    QString serial;
};

QString sysfsText(const QString &folder, QLatin1StringView name)
{
    QFile file(folder + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

QString descriptorText(libusb_device_handle *handle, quint8 index)
{
    unsigned char text[256];
    const int length =
        index ? libusb_get_string_descriptor_ascii(handle, index, text, sizeof text) : 0;
    return length > 0 ? QString::fromLatin1(reinterpret_cast<const char *>(text), length)
                      : QString();
}

// From sysfs when it has the device (no permission needed, and decoded from UTF-16 by the
// kernel), otherwise from the device itself when it can be opened; empty when neither works.
UsbStrings usbStrings(libusb_device *device, const libusb_device_descriptor &descriptor)
{
    quint8 ports[8];
    const int depth = libusb_get_port_numbers(device, ports, int(std::size(ports)));
    QStringList path;
    for (int i = 0; i < depth; ++i)
        path << QString::number(ports[i]);
    const QString folder =
        u"/sys/bus/usb/devices/%1-%2"_s.arg(libusb_get_bus_number(device)).arg(path.join(u'.'));
    if (depth > 0 && QFileInfo(folder).isDir())
        return {sysfsText(folder, "manufacturer"_L1), sysfsText(folder, "product"_L1),
                sysfsText(folder, "serial"_L1)};
    libusb_device_handle *handle = nullptr;
    if (libusb_open(device, &handle) != 0)
        return {};
    const UsbStrings strings{descriptorText(handle, descriptor.iManufacturer),
                             descriptorText(handle, descriptor.iProduct),
                             descriptorText(handle, descriptor.iSerialNumber)};
    libusb_close(handle);
    return strings;
}

unsigned char *transferData(const QByteArray &bytes)
{
    // libusb takes one buffer type for both directions; an OUT transfer only reads it.
    return reinterpret_cast<unsigned char *>(const_cast<char *>(bytes.constData()));
}

class UsbWorker final : public DeviceWorker {
public:
    explicit UsbWorker(const PrinterUri &address)
        : m_address(address)
    {
        canRead = true; // until a printer without bulk IN is connected
        m_probe.setInterval(probeMs);
        connect(&m_probe, &QTimer::timeout, this, &UsbWorker::probe);
    }
    ~UsbWorker() override
    {
        closeDevice();
        if (m_context)
            libusb_exit(m_context);
    }

    void openDevice() override
    {
        closeDevice();
        if (!m_context) {
            if (const int rc = libusb_init(&m_context); rc != 0) {
                m_context = nullptr;
                emit openFailed(m_session, unavailableMessage(rc));
                return;
            }
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
        if (!m_handle)
            return;
        if (m_interface.number >= 0) // usblp gets it back (auto-detach)
            libusb_release_interface(m_handle, m_interface.number);
        libusb_close(std::exchange(m_handle, nullptr));
        m_interface = {};
    }

    void writeBytes(const QByteArray &bytes) override
    {
        if (!m_handle) // lost since the job was posted, and reported
            return;
        qsizetype done = 0;
        while (done < bytes.size()) {
            if (!live())
                return;
            int sent = 0;
            const int rc = libusb_bulk_transfer(
                m_handle, m_interface.out, transferData(bytes) + done,
                int(std::min<qsizetype>(bytes.size() - done, chunkBytes)), &sent, sliceMs);
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
        if (!m_handle || !m_interface.in)
            return;
        int sent = 0;
        int rc = libusb_bulk_transfer(m_handle, m_interface.out, transferData(request),
                                      int(request.size()), &sent, sliceMs);
        // Each DLE EOT n request is three bytes and its answer one.
        const qsizetype expected = request.size() / 3;
        qsizetype received = 0;
        const QDeadlineTimer deadline(ConnectedLink::statusTimeoutMs);
        unsigned char answer[512]; // a multiple of every bulk packet size, so it cannot overflow
        while (rc == 0 && received < expected && !deadline.hasExpired() && live()) {
            int got = 0;
            const int waitMs = int(std::clamp<qint64>(deadline.remainingTime(), 1, sliceMs));
            rc =
                libusb_bulk_transfer(m_handle, m_interface.in, answer, sizeof answer, &got, waitMs);
            if (got > 0) {
                received += got;
                emit statusBytes(m_session, QByteArray(reinterpret_cast<char *>(answer), got));
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
        libusb_device **devices = nullptr;
        const ssize_t count = libusb_get_device_list(m_context, &devices);
        if (count < 0)
            return int(count);
        int rc = LIBUSB_ERROR_NOT_FOUND;
        for (ssize_t i = 0; i < count && !m_handle; ++i) {
            libusb_device_descriptor descriptor;
            if (libusb_get_device_descriptor(devices[i], &descriptor) != 0
                || descriptor.idVendor != m_address.vendorId
                || descriptor.idProduct != m_address.productId)
                continue;
            if (!m_address.serial.isEmpty()
                && usbStrings(devices[i], descriptor).serial != m_address.serial)
                continue;
            rc = libusb_open(devices[i], &m_handle);
        }
        libusb_free_device_list(devices, 1); // an open handle keeps its device
        return m_handle ? claim() : rc;
    }

    int claim()
    {
        int rc = 0;
        const ConfigDescriptor config = activeConfig(libusb_get_device(m_handle), &rc);
        if (!config)
            return rc;
        const PrinterInterface found = findInterface(*config);
        if (!found.out)
            return LIBUSB_ERROR_NOT_SUPPORTED;
        // usblp (/dev/usb/lp0) holds printer interfaces; libusb detaches it while claimed.
        // Unsupported on some systems, where claiming then tells what is wrong.
        libusb_set_auto_detach_kernel_driver(m_handle, 1);
        if ((rc = libusb_claim_interface(m_handle, found.number)) != 0)
            return rc;
        m_interface = found;
        if (found.alternate != 0
            && (rc = libusb_set_interface_alt_setting(m_handle, found.number, found.alternate))
                   != 0)
            return rc;
        canRead = found.in != 0;
        return 0;
    }

    // An unplugged printer is noticed while idle too: GET_PORT_STATUS fails with NO_DEVICE.
    // Other failures are ignored (clones with vendor class may not know the request).
    void probe()
    {
        constexpr quint8 classInterfaceIn = 0xA1; // device to host, class request, interface
        constexpr quint8 getPortStatus = 1;
        unsigned char portStatus = 0;
        const int rc =
            libusb_control_transfer(m_handle, classInterfaceIn, getPortStatus, 0,
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
    libusb_context *m_context = nullptr;
    libusb_device_handle *m_handle = nullptr;
    PrinterInterface m_interface; // claimed when number >= 0
    QTimer m_probe{this};
};

} // namespace

std::unique_ptr<DeviceWorker> makeUsbWorker(const PrinterUri &address)
{
    return std::make_unique<UsbWorker>(address);
}

QList<UsbPrinterInfo> listUsbPrinters(QString *error)
{
    libusb_context *context = nullptr;
    if (const int rc = libusb_init(&context); rc != 0) {
        if (error)
            *error = unavailableMessage(rc);
        return {};
    }
    const auto exit = qScopeGuard([context] { libusb_exit(context); });
    libusb_device **devices = nullptr;
    const ssize_t count = libusb_get_device_list(context, &devices);
    if (count < 0) {
        if (error)
            *error = QCoreApplication::translate("smartpos::PrinterLink",
                                                 "Cannot list the USB devices: %1")
                         .arg(QString::fromUtf8(libusb_strerror(int(count))));
        return {};
    }
    QList<UsbPrinterInfo> printers;
    for (ssize_t i = 0; i < count; ++i) {
        libusb_device *device = devices[i];
        libusb_device_descriptor descriptor;
        if (libusb_get_device_descriptor(device, &descriptor) != 0 || !hasPrinterInterface(device))
            continue;
        const UsbStrings strings = usbStrings(device, descriptor);
        printers.append({descriptor.idVendor, descriptor.idProduct, strings.serial,
                         strings.manufacturer, strings.product, libusb_get_bus_number(device),
                         libusb_get_device_address(device),
                         PrinterUri::usb(descriptor.idVendor, descriptor.idProduct, strings.serial)
                             .toString()});
    }
    libusb_free_device_list(devices, 1);
    return printers;
}

} // namespace smartpos::devices
