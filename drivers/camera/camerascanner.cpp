#include "camera/camerascanner.h"

#include <cstring>
#include <optional>

namespace smartpos::devices {

namespace {

// Where the luma bytes sit in plane 0 of a YUV frame.
struct LumaLayout {
    int pixelStride;
    int offset;
};

constexpr int highByte = Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? 1 : 0;

std::optional<LumaLayout> lumaLayout(QVideoFrameFormat::PixelFormat format)
{
    switch (format) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8:
        return LumaLayout{1, 0};
    case QVideoFrameFormat::Format_UYVY:
        return LumaLayout{2, 1};
    case QVideoFrameFormat::Format_YUYV:
        return LumaLayout{2, 0};
    case QVideoFrameFormat::Format_AYUV: // A, Y, U, V in memory in Qt 6
    case QVideoFrameFormat::Format_AYUV_Premultiplied:
        return LumaLayout{4, 1};
    case QVideoFrameFormat::Format_Y16:
    case QVideoFrameFormat::Format_P010: // 10 bits at the top of 16
    case QVideoFrameFormat::Format_P016:
        return LumaLayout{2, highByte};
    default:
        return std::nullopt;
    }
}

// Byte offsets of red, green and blue in a 32-bit pixel. Qt 6 names these formats by byte order
// (unlike QImage and zxing-cpp's Qt 5 era example): Format_ARGB8888 is A, R, G, B in memory.
struct RgbOffsets {
    int red;
    int green;
    int blue;
};

std::optional<RgbOffsets> rgbOffsets(QVideoFrameFormat::PixelFormat format)
{
    switch (format) {
    case QVideoFrameFormat::Format_ARGB8888:
    case QVideoFrameFormat::Format_ARGB8888_Premultiplied:
    case QVideoFrameFormat::Format_XRGB8888:
        return RgbOffsets{1, 2, 3};
    case QVideoFrameFormat::Format_BGRA8888:
    case QVideoFrameFormat::Format_BGRA8888_Premultiplied:
    case QVideoFrameFormat::Format_BGRX8888:
        return RgbOffsets{2, 1, 0};
    case QVideoFrameFormat::Format_ABGR8888:
    case QVideoFrameFormat::Format_XBGR8888:
        return RgbOffsets{3, 2, 1};
    case QVideoFrameFormat::Format_RGBA8888:
    case QVideoFrameFormat::Format_RGBX8888:
        return RgbOffsets{0, 1, 2};
    default:
        return std::nullopt;
    }
}

void copyLuma(const uchar *plane, int bytesPerLine, LumaLayout layout, QImage &gray)
{
    const int width = gray.width();
    uchar *to = gray.bits();
    for (int y = 0; y < gray.height(); ++y, to += gray.bytesPerLine()) {
        const uchar *from = plane + qsizetype(y) * bytesPerLine + layout.offset;
        if (layout.pixelStride == 1) {
            std::memcpy(to, from, width);
        } else {
            for (int x = 0; x < width; ++x)
                to[x] = from[x * layout.pixelStride];
        }
    }
}

void copyRgbAsLuma(const uchar *plane, int bytesPerLine, RgbOffsets offsets, QImage &gray)
{
    const int width = gray.width();
    uchar *to = gray.bits();
    for (int y = 0; y < gray.height(); ++y, to += gray.bytesPerLine()) {
        const uchar *pixel = plane + qsizetype(y) * bytesPerLine;
        for (int x = 0; x < width; ++x, pixel += 4) {
            // ITU-R BT.601 weights in 10-bit fixed point, as ZXing converts RGB itself.
            to[x] = uchar((306 * pixel[offsets.red] + 601 * pixel[offsets.green]
                           + 117 * pixel[offsets.blue] + 0x200)
                          >> 10);
        }
    }
}

} // namespace

CameraScanner::CameraScanner(QObject *parent)
    : QObject(parent)
    , m_worker(new QObject)
{
    m_elapsed.start();
    m_nowMs = [this] { return m_elapsed.elapsed(); };
    m_thread.setObjectName(QStringLiteral("CameraScanner"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

CameraScanner::~CameraScanner()
{
    setVideoSink(nullptr);
    m_thread.quit();
    m_thread.wait();
}

void CameraScanner::setVideoSink(QVideoSink *sink)
{
    if (m_sink == sink)
        return;
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    m_sink = sink;
    if (sink)
        connect(sink, &QVideoSink::videoFrameChanged, this, &CameraScanner::processFrame);
}

void CameraScanner::setDecoder(const BarcodeDecoder &decoder)
{
    QMetaObject::invokeMethod(m_worker, [this, decoder] { m_decoder = decoder; });
}

bool CameraScanner::copyLuminance(const QVideoFrame &frame, QImage &gray)
{
    if (!frame.isValid())
        return false;
    const QVideoFrameFormat::PixelFormat format = frame.pixelFormat();
    const std::optional<LumaLayout> luma = lumaLayout(format);
    const std::optional<RgbOffsets> rgb = rgbOffsets(format);
    QVideoFrame mapped = frame; // a shallow copy: map() is not const
    if ((luma || rgb) && mapped.map(QVideoFrame::ReadOnly)) {
        const int pixelBytes = luma ? luma->pixelStride : 4;
        const int bytesPerLine = mapped.bytesPerLine(0);
        const bool fits = frame.width() > 0 && frame.height() > 0
                          && bytesPerLine >= frame.width() * pixelBytes
                          && mapped.mappedBytes(0) >= qsizetype(bytesPerLine) * frame.height();
        if (fits) {
            if (gray.size() != frame.size() || gray.format() != QImage::Format_Grayscale8)
                gray = QImage(frame.size(), QImage::Format_Grayscale8);
            if (luma)
                copyLuma(mapped.bits(0), bytesPerLine, *luma, gray);
            else
                copyRgbAsLuma(mapped.bits(0), bytesPerLine, *rgb, gray);
        }
        mapped.unmap();
        return fits;
    }
    const QImage image = frame.toImage();
    if (image.isNull())
        return false;
    gray = image.convertToFormat(QImage::Format_Grayscale8);
    return true;
}

void CameraScanner::processFrame(const QVideoFrame &frame)
{
    if (m_busy.exchange(true, std::memory_order_acquire)) {
        m_droppedFrames.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    if (!copyLuminance(frame, m_gray)) {
        m_busy.store(false, std::memory_order_release);
        return;
    }
    QMetaObject::invokeMethod(m_worker, [this] { decodeCurrentFrame(); });
}

void CameraScanner::decodeCurrentFrame()
{
    const QList<DecodedBarcode> barcodes = m_decoder.decode(m_gray);
    if (!barcodes.isEmpty())
        QMetaObject::invokeMethod(this, [this, barcodes] { report(barcodes); });
    // After the report is queued: whoever sees the count can process events to receive it.
    m_decodedFrames.fetch_add(1, std::memory_order_release);
    m_busy.store(false, std::memory_order_release);
}

void CameraScanner::report(const QList<DecodedBarcode> &barcodes)
{
    const qint64 now = m_nowMs();
    for (const DecodedBarcode &barcode : barcodes) {
        if (barcode.text == m_lastText && now - m_lastReportMs < m_repeatIntervalMs)
            continue;
        m_lastText = barcode.text;
        m_lastReportMs = now;
        emit scanned(barcode.text, barcode.format);
    }
}

} // namespace smartpos::devices
