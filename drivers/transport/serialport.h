#pragma once

// Opening a serial:// device the way every driver does it.

class QSerialPort;

namespace smartpos::devices {

struct PrinterUri;

// Opens `port` (its port name set to address.path) read-write, 8N1 at the address's speed and
// flow control. Pseudo terminals and some adapters refuse control-line ioctls ("Inappropriate
// ioctl for device"): that alone is no failure. false, with port->error() saying why, otherwise.
bool openSerialPort(QSerialPort *port, const PrinterUri &address);

} // namespace smartpos::devices
