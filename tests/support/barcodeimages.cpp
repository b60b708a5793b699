#include "barcodeimages.h"

#include <QPainter>

#define ZX_USE_UTF8
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cstring>
#include <random>

namespace smartpos::testing {

namespace {

ZXing::BarcodeFormat zxingFormat(Symbology symbology)
{
    switch (symbology) {
    case Symbology::QrCode:
        return ZXing::BarcodeFormat::QRCode;
    case Symbology::Ean13:
        return ZXing::BarcodeFormat::EAN13;
    case Symbology::Ean8:
        return ZXing::BarcodeFormat::EAN8;
    case Symbology::Code128:
        return ZXing::BarcodeFormat::Code128;
    }
    return ZXing::BarcodeFormat::None;
}

bool isAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

} // namespace

QImage barcodeImage(Symbology symbology, const QString &text, qreal modulePixels, int barHeight)
{
    const bool is2D = symbology == Symbology::QrCode;
    ZXing::MultiFormatWriter writer(zxingFormat(symbology));
    writer.setMargin(is2D ? 4 : 10);
    if (!isAscii(text))
        writer.setEncoding(ZXing::CharacterSet::UTF8);
    const ZXing::BitMatrix modules = writer.encode(text.toStdString(), 0, 0);
    QImage image(modules.width(), is2D ? modules.height() : 1, QImage::Format_Grayscale8);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            image.scanLine(y)[x] = modules.get(x, y) ? 0 : 255;
    }
    const int width = qRound(image.width() * modulePixels);
    const int height = is2D ? qRound(image.height() * modulePixels) : barHeight;
    return image.scaled(width, height, Qt::IgnoreAspectRatio,
                        modulePixels == qRound(modulePixels) ? Qt::FastTransformation
                                                             : Qt::SmoothTransformation);
}

QImage onCanvas(const QImage &code, QSize size, qreal degrees)
{
    QImage canvas(size, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(size.width() / 2.0, size.height() / 2.0);
    painter.rotate(degrees);
    painter.drawImage(QPointF(-code.width() / 2.0, -code.height() / 2.0), code);
    painter.end();
    return canvas.convertToFormat(QImage::Format_Grayscale8);
}

QImage blurred(const QImage &gray, int radius)
{
    QImage image = gray.convertToFormat(QImage::Format_Grayscale8);
    const int width = image.width();
    const int height = image.height();
    const int window = 2 * radius + 1;
    std::vector<int> line;
    // One pass along rows (step 1) or columns (step bytesPerLine) of `image`.
    auto boxPass = [&](int count, int length, qsizetype lineStep, qsizetype pixelStep) {
        line.resize(length);
        for (int i = 0; i < count; ++i) {
            uchar *start = image.bits() + i * lineStep;
            for (int j = 0; j < length; ++j)
                line[j] = start[j * pixelStep];
            int sum = 0;
            for (int j = -radius; j <= radius; ++j)
                sum += line[std::clamp(j, 0, length - 1)];
            for (int j = 0; j < length; ++j) {
                start[j * pixelStep] = uchar((sum + window / 2) / window);
                sum += line[std::min(j + radius + 1, length - 1)] - line[std::max(j - radius, 0)];
            }
        }
    };
    for (int pass = 0; pass < 3; ++pass) {
        boxPass(height, width, image.bytesPerLine(), 1);
        boxPass(width, height, 1, image.bytesPerLine());
    }
    return image;
}

void addNoise(QImage &gray, double sigma, quint32 seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<double> noise(0, sigma);
    for (int y = 0; y < gray.height(); ++y) {
        uchar *row = gray.scanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            row[x] = uchar(std::clamp(qRound(row[x] + noise(random)), 0, 255));
    }
}

QImage withContrast(const QImage &gray, int dark, int light)
{
    QImage image = gray.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < image.height(); ++y) {
        uchar *row = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x)
            row[x] = uchar(dark + (light - dark) * row[x] / 255);
    }
    return image;
}

QImage noiseImage(QSize size, quint32 seed)
{
    QImage image(size, QImage::Format_Grayscale8);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> value(0, 255);
    for (int y = 0; y < image.height(); ++y) {
        uchar *row = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x)
            row[x] = uchar(value(random));
    }
    return image;
}

QVideoFrame videoFrame(const QImage &gray, QVideoFrameFormat::PixelFormat format)
{
    const QImage luma = gray.convertToFormat(QImage::Format_Grayscale8);
    QVideoFrame frame(QVideoFrameFormat(luma.size(), format));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int plane = 1; plane < frame.planeCount(); ++plane)
        std::memset(frame.bits(plane), 128, frame.mappedBytes(plane)); // neutral chroma
    for (int y = 0; y < luma.height(); ++y) {
        const uchar *from = luma.constScanLine(y);
        uchar *to = frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0);
        for (int x = 0; x < luma.width(); ++x) {
            switch (format) {
            case QVideoFrameFormat::Format_YUYV: // Y U Y V
                to[2 * x] = from[x];
                to[2 * x + 1] = 128;
                break;
            case QVideoFrameFormat::Format_UYVY: // U Y V Y
                to[2 * x] = 128;
                to[2 * x + 1] = from[x];
                break;
            case QVideoFrameFormat::Format_AYUV: // A Y U V
                to[4 * x] = 255;
                to[4 * x + 1] = from[x];
                to[4 * x + 2] = 128;
                to[4 * x + 3] = 128;
                break;
            case QVideoFrameFormat::Format_ARGB8888:
            case QVideoFrameFormat::Format_BGRA8888:
            case QVideoFrameFormat::Format_XRGB8888:
            case QVideoFrameFormat::Format_BGRX8888:
                std::memset(to + 4 * x, from[x], 4);
                break;
            default:
                to[x] = from[x];
            }
        }
    }
    frame.unmap();
    return frame;
}

} // namespace smartpos::testing
