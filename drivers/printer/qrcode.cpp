// QR codes drawn by ZXing-C++, for printers without GS ( k and for checking what they print.
#include "printer/escpos_p.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace smartpos::escpos {

namespace detail {

MonoBitmap qrModules(QByteArrayView data, QrErrorLevel level)
{
    if (data.isEmpty())
        return {};
    // Without a character set ZXing takes the text as ISO-8859-1 and writes no ECI: each byte
    // goes into the code as it is, like GS ( k stores it.
    std::wstring bytes(data.size(), L'\0');
    std::transform(data.begin(), data.end(), bytes.begin(), [](char c) { return quint8(c); });
    ZXing::BitMatrix matrix;
    try {
        matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                     .setMargin(4)
                     .setEccLevel(2 * (int(level) + 1)) // ZXing's 0-8 scale: 2 L, 4 M, 6 Q, 8 H
                     .encode(bytes, 0, 0);
    } catch (const std::exception &) { // too long for a QR code
        return {};
    }
    MonoBitmap modules;
    modules.width = matrix.width();
    modules.height = matrix.height();
    const int rowBytes = (modules.width + 7) / 8;
    modules.rows = QByteArray(qsizetype(rowBytes) * modules.height, '\0');
    for (int y = 0; y < modules.height; ++y) {
        for (int x = 0; x < modules.width; ++x) {
            if (matrix.get(x, y))
                modules.rows[y * rowBytes + x / 8] |= char(0x80 >> (x % 8));
        }
    }
    return modules;
}

MonoBitmap scaled(const MonoBitmap &modules, int moduleSize)
{
    if (moduleSize == 1)
        return modules;
    MonoBitmap image;
    image.width = modules.width * moduleSize;
    image.height = modules.height * moduleSize;
    const int fromBytes = (modules.width + 7) / 8;
    const int rowBytes = (image.width + 7) / 8;
    image.rows = QByteArray(qsizetype(rowBytes) * image.height, '\0');
    for (int y = 0; y < modules.height; ++y) {
        const char *from = modules.rows.constData() + qsizetype(y) * fromBytes;
        char *row = image.rows.data() + qsizetype(y) * moduleSize * rowBytes;
        for (int x = 0; x < image.width; ++x) {
            const int m = x / moduleSize;
            if (from[m / 8] & (0x80 >> (m % 8)))
                row[x / 8] |= char(0x80 >> (x % 8));
        }
        for (int copy = 1; copy < moduleSize; ++copy)
            std::copy_n(row, rowBytes, row + copy * rowBytes);
    }
    return image;
}

} // namespace detail

MonoBitmap qrBitmap(QByteArrayView data, int moduleSize, QrErrorLevel level)
{
    if (moduleSize < 1)
        return {};
    return detail::scaled(detail::qrModules(data, level), moduleSize);
}

} // namespace smartpos::escpos
