#pragma once

// A barcode scanner on a serial port (RS-232, or USB in CDC-ACM / virtual COM mode), chosen by
//   serial:///dev/ttyACM0[?baud=9600&flow=none&terminator=crlf]
// terminator: crlf (the default: CR, LF or CR LF ends a code), cr, lf, tab (only that byte),
// 0xNN (any one byte), or none (a pause of 50 ms ends a code). ScanFramer says which reads are
// dropped.

#include "serial/scanframer.h"
#include "serial/serialdevice.h"

#include <QElapsedTimer>

#include <array>
#include <memory>

namespace smartpos::devices {

class SerialScanner final : public SerialDevice {
    Q_OBJECT
public:
    // nullptr and *error (a sentence for a person) when `uri` is not a scanner's serial:// URI.
    static std::unique_ptr<SerialScanner> create(const QString &uri, QString *error);
    ~SerialScanner() override;

    const ScanFramer::Options &framing() const { return m_framer.options(); }

signals:
    // One code as scanned; symbology is its AIM identifier ("E0", "Q1") when the scanner sends one.
    void scanned(const QString &code, const QString &symbology);
    // A read was dropped (too long, control characters, not UTF-8): why, for a person.
    void unreadable(const QString &message);

protected:
    void portOpened(QSerialPort *port) override;
    void portClosed() override;

private:
    SerialScanner(const PrinterUri &address, const ScanFramer::Options &framing);
    // Emits what the framer completed since the last call and schedules its idle flush.
    void report();
    std::array<int, 3> garbledCounts() const;
    static QString terminatorName(const ScanFramer::Options &framing);

    ScanFramer m_framer;
    std::array<int, 3> m_reported{}; // garbled counts already emitted
    QElapsedTimer m_clock;
    QTimer m_idleTimer;
};

} // namespace smartpos::devices
