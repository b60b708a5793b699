#pragma once

// The libusb calls behind usb:// links and listUsbPrinters(), so that tests can play a USB bus
// without hardware. Calls return 0 (or a count) on success and a libusb error code otherwise.

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace smartpos::devices {

struct UsbEndpoint {
    quint8 address = 0;    // bEndpointAddress: bit 7 set for IN
    quint8 attributes = 0; // bmAttributes: the transfer type in bits 0-1
};

// One alternate setting of an interface of the active configuration.
struct UsbInterfaceSetting {
    quint8 number = 0;
    quint8 alternate = 0;
    quint8 interfaceClass = 0;
    quint8 subClass = 0;
    quint8 protocol = 0;
    QList<UsbEndpoint> endpoints;
};

struct UsbStrings {
    QString manufacturer;
    QString product;
    QString serial;
};

struct UsbDevice {
    quint16 vendorId = 0;
    quint16 productId = 0;
    int bus = 0;
    int address = 0;
    // The backend's hold on the device (libusb: a libusb_device reference) for the calls below.
    std::shared_ptr<void> ref;
};

class UsbBackend {
public:
    virtual ~UsbBackend() = default;

    virtual int init() = 0;
    virtual int listDevices(QList<UsbDevice> *devices) = 0;
    virtual int activeSettings(const UsbDevice &device, QList<UsbInterfaceSetting> *settings) = 0;
    // Empty strings where the device has none or they cannot be read.
    virtual UsbStrings strings(const UsbDevice &device) = 0;

    // One device at a time is open; the calls below are about it.
    virtual int open(const UsbDevice &device) = 0;
    virtual void close() = 0;
    // The kernel driver (usblp) lets go of an interface while it is claimed.
    virtual int enableAutoDetach() = 0;
    virtual int claim(int interface) = 0;
    virtual int setAltSetting(int interface, int alternate) = 0;
    virtual void release(int interface) = 0;
    // *transferred: the bytes moved, also when the transfer failed part way.
    virtual int bulkWrite(quint8 endpoint, QByteArrayView bytes, int *transferred,
                          int timeoutMs) = 0;
    virtual int bulkRead(quint8 endpoint, char *buffer, int size, int *transferred,
                         int timeoutMs) = 0;
    // A device-to-host control request: the bytes read, or an error.
    virtual int controlRead(quint8 requestType, quint8 request, quint16 value, quint16 index,
                            char *buffer, int size, int timeoutMs) = 0;
};

using UsbBackendFactory = std::function<std::unique_ptr<UsbBackend>()>;
// Every USB link created and every listing made afterwards uses backends from `factory`;
// {} goes back to libusb. For tests, on the thread that creates the links.
void setUsbBackendFactory(UsbBackendFactory factory);
std::unique_ptr<UsbBackend> makeUsbBackend();

} // namespace smartpos::devices
