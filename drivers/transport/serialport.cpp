#include "serialport.h"

#include "printeruri.h"

#include <QSerialPort>

namespace smartpos::devices {

bool openSerialPort(QSerialPort *port, const PrinterUri &address)
{
    const QSerialPort::FlowControl flow[] = {
        QSerialPort::NoFlowControl, QSerialPort::HardwareControl, QSerialPort::SoftwareControl};
    port->setPortName(address.path);
    if (!port->open(QIODevice::ReadWrite))
        return false;
    const bool set = port->setBaudRate(address.baudRate) && port->setDataBits(QSerialPort::Data8)
                     && port->setParity(QSerialPort::NoParity)
                     && port->setStopBits(QSerialPort::OneStop)
                     && port->setFlowControl(flow[int(address.flow)]);
    if (set || port->error() == QSerialPort::UnsupportedOperationError) {
        port->clearError();
        return true;
    }
    return false;
}

} // namespace smartpos::devices
