#pragma once

// A customer pole display (2 lines of 20 columns, CD5220 commands) on a serial port, chosen by
//   serial:///dev/ttyUSB1[?baud=9600&flow=none&encoding=ascii&yen=0x9d]
// encoding: ascii (the default) or gb18030 for displays with a Chinese font; yen: the byte the
// display shows for ¥ (default 'Y' in ascii, '￥' in gb18030). Cd5220 says how text is laid out.
//
// Write-only: the display is sent the newest text only (what was asked while a write was under
// way is replaced by later text, identical text is not sent again) and, after every reconnect,
// ESC @ and the current text.

#include "serial/cd5220.h"
#include "serial/serialdevice.h"

#include <memory>

namespace smartpos::devices {

class PoleDisplay final : public SerialDevice {
    Q_OBJECT
public:
    // nullptr and *error (a sentence for a person) when `uri` is not a display's serial:// URI.
    static std::unique_ptr<PoleDisplay> create(const QString &uri, QString *error);
    ~PoleDisplay() override;

    const Cd5220 &encoder() const { return m_encoder; }

    // Non-blocking, in any state: the text is shown as soon as the display is Ready.
    void show(const QString &upper, const QString &lower);
    void clear();

protected:
    void portOpened(QSerialPort *port) override;
    void portClosed() override;

private:
    PoleDisplay(const PrinterUri &address, const QString &uri, const Cd5220 &encoder);
    void setWanted(const QByteArray &bytes);
    // Writes the wanted bytes unless they are out already or a write is under way.
    void writeWanted();

    Cd5220 m_encoder;
    QByteArray m_wanted;  // what the display should show; empty before show() or clear()
    QByteArray m_written; // the last bytes written since the port opened
};

} // namespace smartpos::devices
