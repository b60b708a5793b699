#pragma once

#include "camera/barcodedecoder.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QVideoFrame>
#include <QVideoSink>

#include <atomic>
#include <functional>

namespace smartpos::devices {

// Reads barcodes in the frames of a QVideoSink (CameraSource::videoSink()) on a worker thread of
// its own. A frame that arrives while the worker is still decoding is dropped; any other has its
// luminance copied on the scanner's thread and is decoded on the worker, so the GUI thread never
// waits for ZXing. Codes come back on the scanner's thread as scanned(). The same text again
// within repeatIntervalMs() of its last report is ignored, so a code held in front of the camera
// counts once per interval; a different text is reported at once.
class CameraScanner : public QObject {
    Q_OBJECT
public:
    explicit CameraScanner(QObject *parent = nullptr);
    ~CameraScanner() override;

    void setVideoSink(QVideoSink *sink);
    QVideoSink *videoSink() const { return m_sink; }
    // Takes effect from the next frame decoded.
    void setDecoder(const BarcodeDecoder &decoder);
    void setRepeatIntervalMs(int ms) { m_repeatIntervalMs = ms; }
    int repeatIntervalMs() const { return m_repeatIntervalMs; }
    // Milliseconds from a monotonic clock; tests may replace it.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }

    // Frames the worker has decoded, and frames dropped because it was busy.
    qint64 decodedFrames() const { return m_decodedFrames.load(std::memory_order_acquire); }
    qint64 droppedFrames() const { return m_droppedFrames.load(std::memory_order_relaxed); }

    // The frame's luminance into `gray` as Format_Grayscale8, reusing its buffer when the size
    // fits: plane 0 of planar YUV, every other byte of packed YUV, 32-bit RGB weighted to luma,
    // anything else (or a frame that cannot be mapped) through QVideoFrame::toImage(). False for
    // a frame without pixels.
    static bool copyLuminance(const QVideoFrame &frame, QImage &gray);

public slots:
    // On the scanner's thread; the sink's frames come here (queued when the camera's backend
    // delivers them on a thread of its own).
    void processFrame(const QVideoFrame &frame);

signals:
    void scanned(const QString &text, const QString &format);

private:
    void decodeCurrentFrame();
    void report(const QList<DecodedBarcode> &barcodes);

    QPointer<QVideoSink> m_sink;
    QThread m_thread;
    QObject *m_worker;        // lives in m_thread, deleted when it finishes
    BarcodeDecoder m_decoder; // used on the worker only
    // The frame being decoded: written while m_busy is false, read by the worker while it is true.
    QImage m_gray;
    std::atomic<bool> m_busy = false;
    std::atomic<qint64> m_decodedFrames = 0;
    std::atomic<qint64> m_droppedFrames = 0;
    int m_repeatIntervalMs = 2000;
    QString m_lastText;
    qint64 m_lastReportMs = 0;
    QElapsedTimer m_elapsed;
    std::function<qint64()> m_nowMs;
};

} // namespace smartpos::devices
