#pragma once

// What the virtual printer made of the bytes between two cuts: printed lines, barcodes, QR codes
// and images, each with the paper height it takes, in dots (203 dpi). The parser lays the job out
// (it wraps lines at the paper width, as a printer does); the renderers only draw it.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace smartpos::sim {

// Font A: a half-width character is 12×24 dots, a CJK one 24×24, before magnification.
inline constexpr int kCellHeight = 24;
inline constexpr int kHalfCellWidth = 12;
// A barcode's human-readable line (HRI): a gap and a row of Font A characters.
inline constexpr int kHriHeight = 4 + kCellHeight;

enum class Alignment { Left, Center, Right };

struct TextStyle {
    bool bold = false;
    int underline = 0;   // thickness in dots: 0, 1 or 2
    int widthScale = 1;  // 1…8
    int heightScale = 1; // 1…8

    bool operator==(const TextStyle &) const = default;
};

// Characters of one style and one cell width side by side.
struct TextRun {
    QString text;
    TextStyle style;
    bool fullWidth = false; // a 24-dot CJK cell instead of a 12-dot one

    int cellWidth() const { return (fullWidth ? 2 : 1) * kHalfCellWidth * style.widthScale; }
    int cellHeight() const { return kCellHeight * style.heightScale; }
    int cellCount() const; // code points, not UTF-16 units
    int width() const { return cellCount() * cellWidth(); }
};

// A 1-bit picture: rows of (width + 7) / 8 bytes, most significant bit first, 1 = black.
struct Bitmap {
    int width = 0;
    int height = 0;
    QByteArray bits;

    int bytesPerRow() const { return (width + 7) / 8; }
    bool pixel(int x, int y) const
    {
        return uchar(bits[y * bytesPerRow() + x / 8]) & (0x80 >> (x % 8));
    }
};

struct PrintBlock {
    // Text: one printed line (no runs: a blank line). Feed: paper moved without a line (ESC J,
    // the feed before a cut). Barcode, QrCode, Image: `bitmap` magnified scaleX × scaleY.
    enum Kind { Text, Feed, Barcode, QrCode, Image };

    Kind kind = Text;
    Alignment alignment = Alignment::Left;
    int height = 0; // dots of paper, HRI and line spacing included

    QList<TextRun> runs;
    int charHeight = 0; // the tallest character of the line: the baseline sits there

    Bitmap bitmap;
    int scaleX = 1;
    int scaleY = 1;
    QString symbology; // "EAN13", "CODE128", …, "QR"
    QString data;      // the encoded text (EAN-13 with its check digit)
    bool hriAbove = false;
    bool hriBelow = false;

    int width() const; // dots across the paper
};

struct PrintJob {
    QList<PrintBlock> blocks;
    bool cut = false; // ended by a cut, not by the end of the connection
    QStringList warnings;

    int height() const;
    bool hasPrintedContent() const { return !blocks.isEmpty(); }
};

} // namespace smartpos::sim
