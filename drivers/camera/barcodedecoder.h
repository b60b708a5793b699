#pragma once

#include <QFlags>
#include <QImage>
#include <QList>
#include <QString>

namespace smartpos::devices {

struct DecodedBarcode {
    QString text;   // the content, which ZXing gives as UTF-8 (ECI honoured)
    QString format; // ZXing's name: "QRCode", "EAN-13", "EAN-8", "Code128"
};

// Reads barcodes in camera pictures with ZXing-C++. The defaults suit a handheld code in front
// of a 1280×720 webcam: any of the four symbologies, turned any way, a little blurred or dim.
// Not thread-safe; a copy per thread is cheap.
class BarcodeDecoder {
public:
    enum class Symbology {
        QrCode = 0x1,
        Ean13 = 0x2,
        Ean8 = 0x4,
        Code128 = 0x8,
    };
    Q_DECLARE_FLAGS(Symbologies, Symbology)
    static constexpr Symbologies allSymbologies{0xf};

    void setSymbologies(Symbologies symbologies) { m_symbologies = symbologies; }
    Symbologies symbologies() const { return m_symbologies; }
    // More scan lines and finder patterns: finds damaged, blurred and skewed codes at some cost.
    void setTryHarder(bool on) { m_tryHarder = on; }
    bool tryHarder() const { return m_tryHarder; }
    // Also reads barcodes turned 90° and 270° (QR codes read any way round regardless).
    void setTryRotate(bool on) { m_tryRotate = on; }
    bool tryRotate() const { return m_tryRotate; }
    // Also looks at the picture scaled down, which finds codes too large or too blurred at full
    // size.
    void setTryDownscale(bool on) { m_tryDownscale = on; }
    bool tryDownscale() const { return m_tryDownscale; }
    // The code in an 8-bit luminance picture with rows `bytesPerLine` apart: none or one. (Not
    // several: ZXing 1.4.0 asserts, and Debian builds keep asserts, when asked for more and it
    // reads one 1D code twice.) A dim, washed-out picture is read with its black level moved
    // to 0, see barcodedecoder.cpp.
    QList<DecodedBarcode> decode(const uchar *luminance, int width, int height,
                                 qsizetype bytesPerLine) const;
    // Grayscale8 pictures are read as luminance, 32-bit RGB, RGB888 and RGBA8888 as they are
    // (ZXing converts them), any other format through a Grayscale8 copy.
    QList<DecodedBarcode> decode(const QImage &image) const;

private:
    Symbologies m_symbologies = allSymbologies;
    bool m_tryHarder = true;
    bool m_tryRotate = true;
    bool m_tryDownscale = true;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(BarcodeDecoder::Symbologies)

} // namespace smartpos::devices
