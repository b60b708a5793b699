// CameraScanner's frame pipeline without a camera: QVideoFrames in the formats cameras deliver,
// pushed through a QVideoSink, come back as scanned(text, format) on the test's thread; repeats
// within the interval are ignored (fake clock), frames arriving while the worker decodes are
// dropped. CameraSource without a camera says so, and passes its frames on to a view's sink.
#include "barcodeimages.h"
#include "camera/camerascanner.h"
#include "camera/camerasource.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

using namespace smartpos::devices;
using namespace smartpos::testing;
using namespace Qt::StringLiterals;

namespace {

const QString receiptText = u"SPR1.T01.42.abcdefghijklmnop"_s;
const QString otherText = u"SPR1.T01.43.qrstuvwxyzabcdef"_s;
constexpr int decodeTimeoutMs = 20000; // two busy cores shared with other builds

QImage qrPicture(const QString &text)
{
    QImage image = onCanvas(barcodeImage(Symbology::QrCode, text, 6));
    addNoise(image, 8, 5);
    return image;
}

QImage gradient(QSize size)
{
    QImage image(size, QImage::Format_Grayscale8);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x)
            image.scanLine(y)[x] = uchar((x * 7 + y * 13) % 256);
    }
    return image;
}

} // namespace

#ifdef __SANITIZE_ADDRESS__
// Listing cameras starts GStreamer's device monitor, whose PulseAudio provider never frees its
// context: not ours to fix, and it would fail every run of the asan preset.
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:libpulse.so\n";
}
#endif

class TestCameraScanner : public QObject {
    Q_OBJECT
private slots:
    void copiesLuminance_data();
    void copiesLuminance();
    void weighsRgbAsQtReadsIt_data();
    void weighsRgbAsQtReadsIt();
    void scansFramesFromSink_data();
    void scansFramesFromSink();
    void decodesOffTheCallingThread();
    void ignoresRepeatWithinInterval();
    void appliesDecoderSettings();
    void dropsFramesWhileBusy();
    void sourceWithoutCamera();
    void viewSinkShowsScannedFrames();
};

void TestCameraScanner::copiesLuminance_data()
{
    QTest::addColumn<QVideoFrameFormat::PixelFormat>("pixelFormat");
    for (auto format : {QVideoFrameFormat::Format_Y8, QVideoFrameFormat::Format_NV12,
                        QVideoFrameFormat::Format_NV21, QVideoFrameFormat::Format_YUV420P,
                        QVideoFrameFormat::Format_YV12, QVideoFrameFormat::Format_YUV422P,
                        QVideoFrameFormat::Format_YUYV, QVideoFrameFormat::Format_UYVY,
                        QVideoFrameFormat::Format_AYUV, QVideoFrameFormat::Format_ARGB8888,
                        QVideoFrameFormat::Format_BGRA8888, QVideoFrameFormat::Format_XRGB8888,
                        QVideoFrameFormat::Format_BGRX8888}) {
        QTest::newRow(QVideoFrameFormat::pixelFormatToString(format).toLatin1()) << format;
    }
}

void TestCameraScanner::copiesLuminance()
{
    QFETCH(QVideoFrameFormat::PixelFormat, pixelFormat);
    const QImage luma = gradient({642, 98}); // odd sizes: rows padded differently per format
    const QVideoFrame frame = videoFrame(luma, pixelFormat);
    QVERIFY(frame.isValid());
    QImage gray(10, 10, QImage::Format_Grayscale8);
    QVERIFY(CameraScanner::copyLuminance(frame, gray));
    QCOMPARE(gray.format(), QImage::Format_Grayscale8);
    QCOMPARE(gray, luma);

    // The same size again reuses the buffer.
    const uchar *buffer = gray.constBits();
    QVERIFY(CameraScanner::copyLuminance(frame, gray));
    QCOMPARE(gray.constBits(), buffer);
    QVERIFY(!CameraScanner::copyLuminance(QVideoFrame(), gray));
}

void TestCameraScanner::weighsRgbAsQtReadsIt_data()
{
    QTest::addColumn<QVideoFrameFormat::PixelFormat>("pixelFormat");
    QTest::addColumn<int>("alphaByte");
    const std::pair<QVideoFrameFormat::PixelFormat, int> formats[] = {
        {QVideoFrameFormat::Format_ARGB8888, 0}, {QVideoFrameFormat::Format_XRGB8888, 0},
        {QVideoFrameFormat::Format_BGRA8888, 3}, {QVideoFrameFormat::Format_BGRX8888, 3},
        {QVideoFrameFormat::Format_ABGR8888, 0}, {QVideoFrameFormat::Format_XBGR8888, 0},
        {QVideoFrameFormat::Format_RGBA8888, 3}, {QVideoFrameFormat::Format_RGBX8888, 3}};
    for (const auto &[format, alphaByte] : formats)
        QTest::newRow(QVideoFrameFormat::pixelFormatToString(format).toLatin1())
            << format << alphaByte;
}

// Opaque pixels with one colour byte full, and one mixed, give the luma of the colour
// QVideoFrame::toImage() sees in them.
void TestCameraScanner::weighsRgbAsQtReadsIt()
{
    QFETCH(QVideoFrameFormat::PixelFormat, pixelFormat);
    QFETCH(int, alphaByte);
    QVideoFrame frame(QVideoFrameFormat(QSize(4, 1), pixelFormat));
    QVERIFY(frame.map(QVideoFrame::WriteOnly));
    uchar *pixels = frame.bits(0);
    memset(pixels, 0, 16);
    for (int pixel = 0, colourByte = 0; pixel < 3; ++pixel, ++colourByte) {
        colourByte += colourByte == alphaByte;
        pixels[4 * pixel + colourByte] = 255;
    }
    const uchar mixed[3] = {10, 100, 200};
    for (int byte = 0, i = 0; byte < 4; ++byte) {
        if (byte != alphaByte)
            pixels[12 + byte] = mixed[i++];
    }
    for (int pixel = 0; pixel < 4; ++pixel)
        pixels[4 * pixel + alphaByte] = 255;
    frame.unmap();

    const QImage image = frame.toImage();
    QImage gray;
    QVERIFY(CameraScanner::copyLuminance(frame, gray));
    QSet<int> pureColours;
    for (int x = 0; x < 4; ++x) {
        const QRgb rgb = image.pixel(x, 0);
        QCOMPARE(qAlpha(rgb), 255);
        const int expected = (306 * qRed(rgb) + 601 * qGreen(rgb) + 117 * qBlue(rgb) + 0x200) >> 10;
        QCOMPARE(int(gray.constScanLine(0)[x]), expected);
        if (x < 3)
            pureColours << expected;
    }
    QCOMPARE(pureColours, QSet<int>({76, 150, 29})); // red, green and blue, in some order
}

void TestCameraScanner::scansFramesFromSink_data()
{
    QTest::addColumn<QVideoFrameFormat::PixelFormat>("pixelFormat");
    for (auto format : {QVideoFrameFormat::Format_Y8, QVideoFrameFormat::Format_NV12,
                        QVideoFrameFormat::Format_YUV420P, QVideoFrameFormat::Format_YUYV,
                        QVideoFrameFormat::Format_UYVY, QVideoFrameFormat::Format_ARGB8888,
                        QVideoFrameFormat::Format_BGRA8888}) {
        QTest::newRow(QVideoFrameFormat::pixelFormatToString(format).toLatin1()) << format;
    }
    // A webcam's MJPEG frame, which the scanner reads through QVideoFrame::toImage().
    QTest::newRow("Jpeg via toImage") << QVideoFrameFormat::Format_Jpeg;
}

void TestCameraScanner::scansFramesFromSink()
{
    QFETCH(QVideoFrameFormat::PixelFormat, pixelFormat);
    const QImage picture = qrPicture(receiptText);
    QVideoFrame frame;
    if (pixelFormat == QVideoFrameFormat::Format_Jpeg) {
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && picture.save(&buffer, "JPG", 90));
        frame = QVideoFrame(QVideoFrameFormat(picture.size(), pixelFormat));
        QVERIFY(frame.map(QVideoFrame::WriteOnly));
        QVERIFY(frame.mappedBytes(0) >= jpeg.size());
        memcpy(frame.bits(0), jpeg.constData(), jpeg.size());
        frame.unmap();
    } else {
        frame = videoFrame(picture, pixelFormat);
    }
    QVERIFY(frame.isValid());

    QVideoSink sink;
    CameraScanner scanner;
    scanner.setVideoSink(&sink);
    QCOMPARE(scanner.videoSink(), &sink);
    QThread *receivedOn = nullptr;
    connect(&scanner, &CameraScanner::scanned, this,
            [&receivedOn] { receivedOn = QThread::currentThread(); });
    QSignalSpy scanned(&scanner, &CameraScanner::scanned);
    sink.setVideoFrame(frame);
    QTRY_COMPARE_WITH_TIMEOUT(scanned.size(), 1, decodeTimeoutMs);
    QCOMPARE(scanned[0][0].toString(), receiptText);
    QCOMPARE(scanned[0][1].toString(), u"QRCode"_s);
    QCOMPARE(receivedOn, QThread::currentThread());
    QCOMPARE(scanner.decodedFrames(), 1);
    QCOMPARE(scanner.droppedFrames(), 0);
}

// The test's thread never returns to its event loop, yet the frame gets decoded.
void TestCameraScanner::decodesOffTheCallingThread()
{
    CameraScanner scanner;
    QSignalSpy scanned(&scanner, &CameraScanner::scanned);
    scanner.processFrame(videoFrame(qrPicture(receiptText), QVideoFrameFormat::Format_NV12));
    QDeadlineTimer deadline(decodeTimeoutMs);
    while (scanner.decodedFrames() == 0 && !deadline.hasExpired())
        QThread::msleep(1);
    QCOMPARE(scanner.decodedFrames(), 1);
    QCOMPARE(scanned.size(), 0); // queued for this thread
    QCoreApplication::processEvents();
    QCOMPARE(scanned.size(), 1);
}

void TestCameraScanner::ignoresRepeatWithinInterval()
{
    const QImage receipt = qrPicture(receiptText);
    const QImage other = qrPicture(otherText);
    QVideoSink sink;
    CameraScanner scanner;
    QCOMPARE(scanner.repeatIntervalMs(), 2000);
    qint64 now = 0;
    scanner.setClock([&now] { return now; });
    scanner.setVideoSink(&sink);
    QSignalSpy scanned(&scanner, &CameraScanner::scanned);
    qint64 pushed = 0;
    // A new frame of `picture` at `atMs` (a sink passes on only frames it has not got), decoded
    // and its report received.
    auto show = [&](const QImage &picture, qint64 atMs) {
        now = atMs;
        sink.setVideoFrame(videoFrame(picture, QVideoFrameFormat::Format_Y8));
        ++pushed;
        const bool decoded =
            QTest::qWaitFor([&] { return scanner.decodedFrames() == pushed; }, decodeTimeoutMs);
        QCoreApplication::processEvents();
        return decoded;
    };
    QStringList expected;
    auto texts = [&scanned] {
        QStringList all;
        for (const auto &arguments : scanned)
            all << arguments[0].toString();
        return all;
    };

    QVERIFY(show(receipt, 10'000));
    QCOMPARE(texts(), expected << receiptText);
    QVERIFY(show(receipt, 10'500));
    QVERIFY(show(receipt, 11'999));
    QCOMPARE(texts(), expected); // held in front of the camera: once
    QVERIFY(show(receipt, 12'000));
    QCOMPARE(texts(), expected << receiptText); // 2 s after its report
    QVERIFY(show(other, 12'100));
    QCOMPARE(texts(), expected << otherText); // another code at once
    QVERIFY(show(receipt, 12'200));
    QCOMPARE(texts(), expected << receiptText);
    QCOMPARE(scanner.droppedFrames(), 0);
}

void TestCameraScanner::appliesDecoderSettings()
{
    CameraScanner scanner;
    QSignalSpy scanned(&scanner, &CameraScanner::scanned);
    BarcodeDecoder onlyEan13;
    onlyEan13.setSymbologies(Symbology::Ean13);
    scanner.setDecoder(onlyEan13);
    scanner.processFrame(videoFrame(qrPicture(receiptText), QVideoFrameFormat::Format_Y8));
    QTRY_COMPARE_WITH_TIMEOUT(scanner.decodedFrames(), 1, decodeTimeoutMs);
    const QImage ean = onCanvas(barcodeImage(Symbology::Ean13, u"5901234123457"_s, 3, 180));
    scanner.processFrame(videoFrame(ean, QVideoFrameFormat::Format_Y8));
    QTRY_COMPARE_WITH_TIMEOUT(scanned.size(), 1, decodeTimeoutMs);
    QCOMPARE(scanned[0], QVariantList({u"5901234123457"_s, u"EAN-13"_s}));
    QCOMPARE(scanner.decodedFrames(), 2);
}

// Thirty frames in a row, far faster than one decodes: those that arrive while the worker is
// busy are dropped, none queue up, and the code is reported once.
void TestCameraScanner::dropsFramesWhileBusy()
{
    const QImage picture = qrPicture(receiptText);
    constexpr int frameCount = 30;
    QList<QVideoFrame> frames;
    for (int i = 0; i <= frameCount; ++i)
        frames << videoFrame(picture, QVideoFrameFormat::Format_NV12);
    QVideoSink sink;
    CameraScanner scanner;
    scanner.setVideoSink(&sink);
    QSignalSpy scanned(&scanner, &CameraScanner::scanned);
    for (int i = 0; i < frameCount; ++i)
        sink.setVideoFrame(frames[i]);
    QVERIFY2(scanner.droppedFrames() >= 1, "no frame was dropped");
    QTRY_COMPARE_WITH_TIMEOUT(scanner.decodedFrames() + scanner.droppedFrames(), qint64(frameCount),
                              decodeTimeoutMs);
    QVERIFY(scanner.decodedFrames() >= 1);
    QCoreApplication::processEvents();
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned[0][0].toString(), receiptText);

    // The worker is free again: the next frame is decoded, not dropped.
    const qint64 decoded = scanner.decodedFrames();
    const qint64 dropped = scanner.droppedFrames();
    sink.setVideoFrame(frames[frameCount]);
    QTRY_COMPARE_WITH_TIMEOUT(scanner.decodedFrames(), decoded + 1, decodeTimeoutMs);
    QCOMPARE(scanner.droppedFrames(), dropped);
}

void TestCameraScanner::sourceWithoutCamera()
{
    if (!CameraSource::cameras().isEmpty())
        QSKIP("this machine has a camera");
    CameraSource source;
    QSignalSpy errors(&source, &CameraSource::errorOccurred);
    QSignalSpy activeChanges(&source, &CameraSource::activeChanged);
    QVERIFY(!source.start());
    QCOMPARE(source.errorMessage(), u"No camera found"_s);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0][0].toString(), u"No camera found"_s);
    QVERIFY(!source.active());

    QVERIFY(!source.start("/dev/video7"));
    QCOMPARE(errors.size(), 2);
    QVERIFY(!source.errorMessage().isEmpty());
    QCOMPARE(errors[1][0].toString(), source.errorMessage());
    source.stop();
    QVERIFY(!source.active());
    QCOMPARE(activeChanges.size(), 0);
    QVERIFY(source.videoSink());
}

// The view's sink gets every frame the scanner reads, and may go away while scanning goes on.
void TestCameraScanner::viewSinkShowsScannedFrames()
{
    CameraSource source;
    CameraScanner scanner;
    scanner.setVideoSink(source.videoSink());
    QSignalSpy scanned(&scanner, &CameraScanner::scanned);
    auto *view = new QVideoSink;
    QSignalSpy viewChanges(&source, &CameraSource::viewSinkChanged);
    source.setViewSink(view);
    QCOMPARE(source.viewSink(), view);
    QCOMPARE(viewChanges.size(), 1);
    QSignalSpy shown(view, &QVideoSink::videoFrameChanged);

    const QVideoFrame frame = videoFrame(qrPicture(receiptText), QVideoFrameFormat::Format_NV12);
    source.videoSink()->setVideoFrame(frame);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(view->videoFrame(), frame);
    QTRY_COMPARE_WITH_TIMEOUT(scanned.size(), 1, decodeTimeoutMs);
    QCOMPARE(scanned[0][0].toString(), receiptText);

    delete view; // the QML page with the VideoOutput closed
    QCOMPARE(source.viewSink(), nullptr);
    QCOMPARE(viewChanges.size(), 2);
    source.videoSink()->setVideoFrame(
        videoFrame(qrPicture(otherText), QVideoFrameFormat::Format_NV12));
    QTRY_COMPARE_WITH_TIMEOUT(scanned.size(), 2, decodeTimeoutMs);
    QCOMPARE(scanned[1][0].toString(), otherText);
}

QTEST_MAIN(TestCameraScanner)
#include "tst_camerascanner.moc"
