#include "camera/barcodedecoder.h"

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

#include <algorithm>

namespace smartpos::devices {

namespace {

ZXing::BarcodeFormats zxingFormats(BarcodeDecoder::Symbologies symbologies)
{
    using Symbology = BarcodeDecoder::Symbology;
    ZXing::BarcodeFormats formats;
    if (symbologies & Symbology::QrCode)
        formats |= ZXing::BarcodeFormat::QRCode;
    if (symbologies & Symbology::Ean13)
        formats |= ZXing::BarcodeFormat::EAN13;
    if (symbologies & Symbology::Ean8)
        formats |= ZXing::BarcodeFormat::EAN8;
    if (symbologies & Symbology::Code128)
        formats |= ZXing::BarcodeFormat::Code128;
    return formats;
}

// As zxing-cpp 1.4.0's example/ZXingQtReader.h maps QImage formats.
ZXing::ImageFormat zxingFormat(QImage::Format format)
{
    switch (format) {
    case QImage::Format_ARGB32:
    case QImage::Format_RGB32:
        return Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? ZXing::ImageFormat::BGRX
                                               : ZXing::ImageFormat::XRGB;
    case QImage::Format_RGB888:
        return ZXing::ImageFormat::RGB;
    case QImage::Format_RGBX8888:
    case QImage::Format_RGBA8888:
        return ZXing::ImageFormat::RGBX;
    case QImage::Format_Grayscale8:
        return ZXing::ImageFormat::Lum;
    default:
        return ZXing::ImageFormat::None;
    }
}

QList<DecodedBarcode> decodeView(const ZXing::ImageView &view, const BarcodeDecoder &decoder)
{
    const ZXing::DecodeHints hints = ZXing::DecodeHints()
                                         .setFormats(zxingFormats(decoder.symbologies()))
                                         .setTryHarder(decoder.tryHarder())
                                         .setTryRotate(decoder.tryRotate())
                                         .setTryDownscale(decoder.tryDownscale())
                                         .setMaxNumberOfSymbols(1);
    QList<DecodedBarcode> barcodes;
    for (const ZXing::Result &result : ZXing::ReadBarcodes(view, hints)) {
        if (result.isValid())
            barcodes.append({QString::fromStdString(result.text()),
                             QString::fromLatin1(ZXing::ToString(result.format()))});
    }
    return barcodes;
}

// The darkest of every 4th pixel of every 4th row.
int blackLevel(const uchar *luminance, int width, int height, qsizetype bytesPerLine)
{
    int darkest = 255;
    for (int y = 0; y < height; y += 4) {
        const uchar *row = luminance + y * bytesPerLine;
        for (int x = 0; x < width; x += 4)
            darkest = std::min<int>(darkest, row[x]);
    }
    return darkest;
}

} // namespace

QList<DecodedBarcode> BarcodeDecoder::decode(const uchar *luminance, int width, int height,
                                             qsizetype bytesPerLine) const
{
    if (!luminance || width <= 0 || height <= 0)
        return {};
    // ZXing's HybridBinarizer gives an 8×8 block without contrast a threshold of half its
    // brightness and then averages thresholds over 5×5 blocks, so beside a plain light area a
    // black more than half as bright as the white (110 on 150) reads as white. Moving the black
    // level to 0 keeps the contrast and restores the ratio; it costs one pass over the picture,
    // and only pictures without a dark pixel pay it.
    const int black = blackLevel(luminance, width, height, bytesPerLine);
    if (black < 16) {
        return decodeView(
            ZXing::ImageView(luminance, width, height, ZXing::ImageFormat::Lum, int(bytesPerLine)),
            *this);
    }
    QImage shifted(width, height, QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y) {
        const uchar *from = luminance + y * bytesPerLine;
        uchar *to = shifted.scanLine(y);
        for (int x = 0; x < width; ++x)
            to[x] = uchar(std::max(from[x] - black, 0));
    }
    return decodeView(ZXing::ImageView(shifted.constBits(), width, height, ZXing::ImageFormat::Lum,
                                       int(shifted.bytesPerLine())),
                      *this);
}

QList<DecodedBarcode> BarcodeDecoder::decode(const QImage &image) const
{
    if (image.isNull())
        return {};
    const ZXing::ImageFormat format = zxingFormat(image.format());
    if (format == ZXing::ImageFormat::None)
        return decode(image.convertToFormat(QImage::Format_Grayscale8));
    if (format == ZXing::ImageFormat::Lum)
        return decode(image.constBits(), image.width(), image.height(), image.bytesPerLine());
    return decodeView(ZXing::ImageView(image.constBits(), image.width(), image.height(), format,
                                       int(image.bytesPerLine())),
                      *this);
}

} // namespace smartpos::devices
