// The real USB bus: each call forwards to libusb.
#include "usbbackend.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <libusb.h>

namespace smartpos::devices {

namespace {

using namespace Qt::StringLiterals;

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

class LibusbBackend final : public UsbBackend {
public:
    ~LibusbBackend() override
    {
        close();
        if (m_context)
            libusb_exit(m_context);
    }

    int init() override
    {
        const int rc = libusb_init(&m_context);
        if (rc != 0)
            m_context = nullptr;
        return rc;
    }

    int listDevices(QList<UsbDevice> *devices) override
    {
        libusb_device **list = nullptr;
        const ssize_t count = libusb_get_device_list(m_context, &list);
        if (count < 0)
            return int(count);
        devices->clear();
        for (ssize_t i = 0; i < count; ++i) {
            libusb_device_descriptor descriptor;
            if (libusb_get_device_descriptor(list[i], &descriptor) != 0)
                continue;
            devices->append(
                {descriptor.idVendor, descriptor.idProduct, libusb_get_bus_number(list[i]),
                 libusb_get_device_address(list[i]),
                 std::shared_ptr<libusb_device>(libusb_ref_device(list[i]), &libusb_unref_device)});
        }
        libusb_free_device_list(list, 1);
        return 0;
    }

    int activeSettings(const UsbDevice &device, QList<UsbInterfaceSetting> *settings) override
    {
        libusb_config_descriptor *config = nullptr;
        if (const int rc = libusb_get_active_config_descriptor(get(device), &config); rc != 0)
            return rc;
        const auto free = qScopeGuard([config] { libusb_free_config_descriptor(config); });
        settings->clear();
        for (int i = 0; i < config->bNumInterfaces; ++i) {
            const libusb_interface &interface = config->interface[i];
            for (int a = 0; a < interface.num_altsetting; ++a) {
                const libusb_interface_descriptor &alt = interface.altsetting[a];
                UsbInterfaceSetting setting{alt.bInterfaceNumber,   alt.bAlternateSetting,
                                            alt.bInterfaceClass,    alt.bInterfaceSubClass,
                                            alt.bInterfaceProtocol, {}};
                for (int e = 0; e < alt.bNumEndpoints; ++e)
                    setting.endpoints.append(
                        {alt.endpoint[e].bEndpointAddress, alt.endpoint[e].bmAttributes});
                settings->append(setting);
            }
        }
        return 0;
    }

    // From sysfs when it has the device (no permission needed, and decoded from UTF-16 by the
    // kernel), otherwise from the device itself when it can be opened.
    UsbStrings strings(const UsbDevice &device) override
    {
        libusb_device *usb = get(device);
        quint8 ports[8];
        const int depth = libusb_get_port_numbers(usb, ports, int(std::size(ports)));
        QStringList path;
        for (int i = 0; i < depth; ++i)
            path << QString::number(ports[i]);
        const QString folder = u"/sys/bus/usb/devices/%1-%2"_s.arg(device.bus).arg(path.join(u'.'));
        if (depth > 0 && QFileInfo(folder).isDir())
            return {sysfsText(folder, "manufacturer"_L1), sysfsText(folder, "product"_L1),
                    sysfsText(folder, "serial"_L1)};
        libusb_device_descriptor descriptor;
        libusb_device_handle *handle = nullptr;
        if (libusb_get_device_descriptor(usb, &descriptor) != 0 || libusb_open(usb, &handle) != 0)
            return {};
        const UsbStrings strings{descriptorText(handle, descriptor.iManufacturer),
                                 descriptorText(handle, descriptor.iProduct),
                                 descriptorText(handle, descriptor.iSerialNumber)};
        libusb_close(handle);
        return strings;
    }

    int open(const UsbDevice &device) override { return libusb_open(get(device), &m_handle); }

    void close() override
    {
        if (m_handle)
            libusb_close(std::exchange(m_handle, nullptr));
    }

    int enableAutoDetach() override { return libusb_set_auto_detach_kernel_driver(m_handle, 1); }
    int claim(int interface) override { return libusb_claim_interface(m_handle, interface); }
    int setAltSetting(int interface, int alternate) override
    {
        return libusb_set_interface_alt_setting(m_handle, interface, alternate);
    }
    void release(int interface) override { libusb_release_interface(m_handle, interface); }

    int bulkWrite(quint8 endpoint, QByteArrayView bytes, int *transferred, int timeoutMs) override
    {
        // libusb takes one buffer type for both directions; an OUT transfer only reads it.
        auto *data = reinterpret_cast<unsigned char *>(const_cast<char *>(bytes.data()));
        return libusb_bulk_transfer(m_handle, endpoint, data, int(bytes.size()), transferred,
                                    timeoutMs);
    }

    int bulkRead(quint8 endpoint, char *buffer, int size, int *transferred, int timeoutMs) override
    {
        return libusb_bulk_transfer(m_handle, endpoint, reinterpret_cast<unsigned char *>(buffer),
                                    size, transferred, timeoutMs);
    }

    int controlRead(quint8 requestType, quint8 request, quint16 value, quint16 index, char *buffer,
                    int size, int timeoutMs) override
    {
        return libusb_control_transfer(m_handle, requestType, request, value, index,
                                       reinterpret_cast<unsigned char *>(buffer), quint16(size),
                                       timeoutMs);
    }

private:
    static libusb_device *get(const UsbDevice &device)
    {
        return static_cast<libusb_device *>(device.ref.get());
    }

    libusb_context *m_context = nullptr;
    libusb_device_handle *m_handle = nullptr;
};

UsbBackendFactory &backendFactory()
{
    static UsbBackendFactory factory;
    return factory;
}

} // namespace

void setUsbBackendFactory(UsbBackendFactory factory)
{
    backendFactory() = std::move(factory);
}

std::unique_ptr<UsbBackend> makeUsbBackend()
{
    if (const UsbBackendFactory &factory = backendFactory())
        return factory();
    return std::make_unique<LibusbBackend>();
}

} // namespace smartpos::devices
