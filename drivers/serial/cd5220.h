#pragma once

// A customer pole display (2 lines of 20 columns, VFD or LCD) in the CD5220 command set. Pure:
// text in, the display's bytes out.
//
// Every character takes as many columns as the bytes the display gets for it:
// - Ascii: printable ASCII as itself; '¥' and '￥' as the yen byte (default 'Y', which every
//   display shows; 0x9D where the display runs code page 437); anything else as '?'.
// - Gb18030, for displays with a Chinese font: ASCII as above; what GB18030 encodes in two bytes
//   (Chinese, fullwidth forms, '￥' for '¥' unless a yen byte is given) takes 2 columns; the rest
//   (four-byte GB18030, which such fonts lack, and control characters) as '?'.

#include <QByteArray>
#include <QStringView>

#include <optional>

namespace smartpos::devices {

class Cd5220 {
public:
    enum class Encoding { Ascii, Gb18030 };
    static constexpr int columns = 20;

    // A yen byte that is not printable (a control byte would end the line) is shown as '?'.
    explicit Cd5220(Encoding encoding = Encoding::Ascii, std::optional<char> yen = {});

    // Any byte but C0 controls and DEL.
    static bool isPrintable(char byte) { return uchar(byte) >= 0x20 && byte != 0x7f; }

    Encoding encoding() const { return m_encoding; }

    static QByteArray initialize(); // ESC @
    static QByteArray clear();      // CLR (0C)
    // CLR, ESC Q A <upper> CR, ESC Q B <lower> CR: CLR first because a display in string mode
    // may ignore other commands until it.
    QByteArray show(QStringView upper, QStringView lower) const;
    // `text` in exactly 20 columns: cut before the first character that does not fit whole,
    // padded with spaces.
    QByteArray line(QStringView text) const;
    // The columns `text` takes on this display, uncut.
    int width(QStringView text) const;

private:
    // The display's bytes for `text`, up to the last character that fits in maxColumns whole.
    QByteArray encoded(QStringView text, int maxColumns) const;

    Encoding m_encoding;
    std::optional<char> m_yen;
};

} // namespace smartpos::devices
