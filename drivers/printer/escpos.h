#pragma once

// ESC/POS for the receipt printers Chinese shops use: an encoder that turns text, barcodes, QR
// codes and images into the printer's bytes, the column arithmetic of its fonts, and its
// real-time status answers. Knows nothing about shops; QtCore and ZXing-C++ only.
//
// The bytes assume the printer state initialize() sets, so every document starts with it:
// - Latin text is sent in code page PC437 (ESC t 0), one byte a character, in the printer's
//   12x24 Font A: 1 column each. '¥' is PC437's 0x9D (half width, like the digits beside it).
// - Everything else PC437 lacks (Chinese, fullwidth forms, “ ” × €…) is sent in GB18030 inside
//   Chinese mode (FS & ... FS .), switching only where the kind of character changes; the
//   printer draws those from its 24x24 font: 2 columns each. Many printers know only GB18030's
//   two-byte area, so a character that needs four bytes (𠀀, emoji, Hangul…) is sent as a
//   fullwidth '？' unless the profile says the font has them.
// - Text never carries commands: control characters print as '?'; combining marks that do not
//   compose (text is taken in Unicode NFC) and invisible format characters are left out.
// displayColumns() and wrapColumns() count exactly what the encoder prints.

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>
#include <QStringView>

namespace smartpos::escpos {

struct PrinterProfile {
    int columns = 48;      // Font A characters per line
    int dotsPerLine = 576; // printable width in dots
    bool nativeQr = true;  // GS ( k; false: QR codes are sent as raster images
    // The Chinese font has GB18030's four-byte area (CJK extension B, Hangul, emoji…); when
    // false, those characters are printed as a fullwidth '？'.
    bool gb18030FourByte = false;
    static PrinterProfile mm58(); // 32 columns, 384 dots
    static PrinterProfile mm80(); // 48 columns, 576 dots
};

enum class Align { Left, Center, Right };
enum class CutKind { Full, Partial };
enum class DrawerPin { Pin2, Pin5 };
enum class QrErrorLevel { L, M, Q, H };

// doubleWidth halves the columns a line holds.
struct TextStyle {
    bool bold = false;
    bool underline = false;
    bool doubleWidth = false;
    bool doubleHeight = false;
    bool operator==(const TextStyle &) const = default;
};

// 1 bit per dot, rows top to bottom, MSB first, (width + 7) / 8 bytes per row, 1 = black.
struct MonoBitmap {
    int width = 0;
    int height = 0;
    QByteArray rows;
};

// Builds one document. A command whose data the printer cannot print (an EAN-13 with a wrong
// check digit, a QR code too long, an image wider than the paper…) is left out and said in
// errors(); everything else is still encoded.
class Encoder {
public:
    explicit Encoder(PrinterProfile profile = PrinterProfile::mm80());

    const PrinterProfile &profile() const;

    // ESC @, FS . (Chinese printers start in Chinese mode, which ESC @ does not always leave),
    // ESC M 0 (Font A), ESC R 0 (international set USA: '\' is a backslash) and ESC t 0 (PC437).
    Encoder &initialize();
    // ESC a n; the printer applies it only at the start of a line.
    Encoder &align(Align);
    // Sends only what changed since the last style (initialize() resets to plain): ESC E n (bold),
    // ESC - n and FS - n (underline, 1 dot; FS - for the Chinese font), GS ! n (size).
    Encoder &style(const TextStyle &);
    // No line feed; see the header comment for the encoding.
    Encoder &text(QStringView);
    // text + LF
    Encoder &line(QStringView = {});
    // ESC d n, in steps of at most 255 lines.
    Encoder &feed(int lines);
    // GS V 65 0 (Full) or GS V 66 0 (Partial): feeds the last line past the cutter, then cuts.
    Encoder &cut(CutKind);
    // ESC p m 25 250: m = 0 (pin 2) or 1 (pin 5), on 50 ms, off 500 ms.
    Encoder &kickDrawer(DrawerPin);
    // 12 digits (the check digit is added) or 13 (the check digit must be right). Sends
    // GS H 2 (digits below), GS h 80, GS w n, GS k 67 13 d1..d13. Barcodes and QR codes start a
    // line; n is the widest module (2 or 3 dots) that fits the paper.
    Encoder &ean13(QStringView digits);
    // Printable ASCII (0x20-0x7E) in code set B: GS H 2, GS h 80, GS w n, GS k 73 n {B data,
    // a '{' in the data sent as "{{".
    Encoder &code128(QByteArrayView data);
    // Native: GS ( k with model 2, module size (1-16), error level, the data stored as is and
    // printed. Raster: qrBitmap() through raster(), the module size reduced to fit the paper.
    Encoder &qr(QByteArrayView data, int moduleSize = 6, QrErrorLevel = QrErrorLevel::M);
    // GS v 0 0 xL xH yL yH d..., in bands of at most rasterBandRows rows (cheap printers garble
    // big bands). At most profile().dotsPerLine wide.
    Encoder &raster(const MonoBitmap &);

    QByteArray bytes() const;
    // What was left out, and why, in the order it happened.
    QStringList errors() const;

    static constexpr int rasterBandRows = 128;

private:
    void barcode(char type, QByteArrayView data, int modules, const QString &name);
    void setChineseMode(bool on);

    PrinterProfile m_profile;
    QByteArray m_bytes;
    QStringList m_errors;
    TextStyle m_style;
    bool m_chineseMode = false;
};

// Printer columns a text takes in Font A: East Asian Wide and Fullwidth characters count 2,
// combining marks 0, others 1 — exactly: 1 for what PC437 has (and control characters, which
// print as '?'), 2 for everything sent in Chinese mode (the printer draws it from its 24x24
// font, so also “ ” × € and other characters Unicode calls narrow or ambiguous), 0 for what is
// left out.
int displayColumns(QStringView text);
// Breaks text into lines of at most `columns` columns (at spaces where possible, anywhere between
// CJK characters, a word longer than a line split). A line never starts with closing punctuation
// (，。！ ) 」…) nor ends with opening punctuation; spaces at a break are dropped; '\n' starts a
// new line. Empty text gives no lines.
QStringList wrapColumns(QStringView text, int columns);
// `left` and `right` on one line of `columns` columns, right aligned; when both don't fit, `left`
// wrapped first and `right` on the last line (or below it, right aligned, when it does not fit
// there). At least one line.
QStringList leftRight(QStringView left, QStringView right, int columns);
// What goes before the first job on a new connection, in case the last one was cut off (a crash,
// an unplugged cable) in the middle of a command: NULs enough to complete any command's data, so
// the printer finishes it (a raster band with blank rows, a QR code it cannot print) and reads
// the job from its first byte. A printer between commands ignores NUL. The longest data the
// encoder sends is a raster band (logo, raster QR codes) or a QR code's text (GS ( k, up to 512
// bytes here); `rasterImages` says whether the jobs carry images.
QByteArray resyncFiller(const PrinterProfile &profile, bool rasterImages);

// The QR code as a bitmap (ZXing-C++ writer), each module `moduleSize` dots, with a quiet zone of
// 4 modules. The data is encoded as is (byte mode, no ECI), as the printer's GS ( k does. Empty
// when the data is empty or too long for a QR code.
MonoBitmap qrBitmap(QByteArrayView data, int moduleSize, QrErrorLevel level);

// Real-time status (DLE EOT n, n = 1..4): what each answer byte means (devices.md has the bits).
struct PrinterStatus {
    bool online = true;
    bool coverOpen = false;
    bool paperNearEnd = false;
    bool paperOut = false;
    bool drawerOpen = false;
    bool error = false;
    bool operator==(const PrinterStatus &) const = default;
};
// DLE EOT n (10 04 n); empty for n outside 1..4.
QByteArray statusRequest(int n);
// Folds one answer byte to request n into `status`, setting the fields that answer covers:
// 1 online (bit 3 clear), drawerOpen (bit 2: drawer connector pin 3 high, the usual wiring);
// 2 coverOpen (bit 2), paperOut (bit 5: stopped by paper end), error (bit 6);
// 3 error (any of bits 2, 3, 5, 6: mechanical, autocutter, unrecoverable, auto-recoverable);
// 4 paperNearEnd (either of bits 2, 3), paperOut (either of bits 5, 6).
// False, and `status` unchanged, when the byte is not a valid status answer (fixed bits wrong:
// every answer has bits 1 and 4 set, 0 and 7 clear) or n is outside 1..4.
bool applyStatusByte(int n, quint8 byte, PrinterStatus *status);

} // namespace smartpos::escpos
