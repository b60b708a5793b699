// The camera scanner's work per frame on fixed 1280×720 Y8 frames: what its worker does (the
// luminance copy, CameraScanner::copyLuminance, and BarcodeDecoder::decode) next to plain
// ZXing::ReadBarcode with the same hints on the same frame, both timed in every iteration in
// thread CPU time, so other work on the machine shifts neither. Counters: pipeline_ms and
// zxing_ms per frame, ratio (target ≤ 1.1), fps on one core (target ≥ 60), and right and
// zxing_right: 1 when every iteration read the frame's code (nothing in the empty scene).
//
// Frames: a receipt QR code as a phone shows it at arm's length (6 px a module) with mild noise;
// the same far away (3 px), turned 20°, dim and blurred; an EAN-13; and an empty noisy scene,
// which is what most frames between two scans are. Hint sets: the BarcodeDecoder defaults and
// the cheaper ones considered instead.
#include "barcodeimages.h"
#include "benchdata.h"
#include "camera/barcodedecoder.h"
#include "camera/camerascanner.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

#include <ctime>
#include <functional>

using namespace smartpos::devices;
using namespace smartpos::testing;
using namespace Qt::StringLiterals;

namespace {

const QString receiptText = u"SPR1.T01.42.abcdefghijklmnop"_s;

struct Scene {
    const char *name;
    QString text; // empty: no code in the frame
    std::function<QImage()> picture;
};

QImage noisy(QImage image, double sigma)
{
    addNoise(image, sigma, 42);
    return image;
}

const QList<Scene> scenes = {
    {"qr-phone", receiptText,
     [] { return noisy(onCanvas(barcodeImage(Symbology::QrCode, receiptText, 6)), 8); }},
    {"qr-far", receiptText,
     [] { return noisy(onCanvas(barcodeImage(Symbology::QrCode, receiptText, 3)), 8); }},
    {"qr-turned", receiptText,
     [] {
         return noisy(onCanvas(barcodeImage(Symbology::QrCode, receiptText, 6), {1280, 720}, 20),
                      8);
     }},
    {"qr-dim-blurred", receiptText,
     [] {
         const QImage code = onCanvas(barcodeImage(Symbology::QrCode, receiptText, 6));
         return noisy(withContrast(blurred(code, 1), 90, 170), 6);
     }},
    {"ean13", u"5901234123457"_s,
     [] { return noisy(onCanvas(barcodeImage(Symbology::Ean13, u"5901234123457"_s, 3, 180)), 8); }},
    {"empty", QString(),
     [] {
         QImage scene(1280, 720, QImage::Format_Grayscale8);
         for (int y = 0; y < scene.height(); ++y) {
             for (int x = 0; x < scene.width(); ++x)
                 scene.scanLine(y)[x] = uchar(96 + (x / 160 + y / 120) % 3 * 40);
         }
         return noisy(scene, 8);
     }},
};

struct Hints {
    const char *name;
    bool tryHarder;
    bool tryRotate;
    bool tryDownscale;
};

const Hints hintSets[] = {
    {"defaults", BarcodeDecoder().tryHarder(), BarcodeDecoder().tryRotate(),
     BarcodeDecoder().tryDownscale()},
    {"harder+downscale", true, false, true},
    {"rotate+downscale", false, true, true},
    {"downscale", false, false, true},
    {"none", false, false, false},
};

double threadCpuMs()
{
    timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

void BM_CameraFrame(benchmark::State &state, const Scene &scene, const Hints &hints)
{
    const QVideoFrame frame = videoFrame(scene.picture(), QVideoFrameFormat::Format_Y8);
    BarcodeDecoder decoder;
    decoder.setTryHarder(hints.tryHarder);
    decoder.setTryRotate(hints.tryRotate);
    decoder.setTryDownscale(hints.tryDownscale);
    const ZXing::DecodeHints zxingHints =
        ZXing::DecodeHints()
            .setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::EAN13
                        | ZXing::BarcodeFormat::EAN8 | ZXing::BarcodeFormat::Code128)
            .setTryHarder(hints.tryHarder)
            .setTryRotate(hints.tryRotate)
            .setTryDownscale(hints.tryDownscale)
            .setMaxNumberOfSymbols(1); // ReadBarcode ignores tryDownscale with any other value
    QVideoFrame mapped = frame;
    if (!mapped.map(QVideoFrame::ReadOnly)) {
        state.SkipWithError("cannot map the frame");
        return;
    }
    const ZXing::ImageView plane(mapped.bits(0), mapped.width(), mapped.height(),
                                 ZXing::ImageFormat::Lum, mapped.bytesPerLine(0));

    QImage gray;
    double pipelineMs = 0;
    double zxingMs = 0;
    // Its code read, or nothing read in the empty scene.
    bool pipelineRight = true;
    bool zxingRight = true;
    for (auto _ : state) {
        const double start = threadCpuMs();
        CameraScanner::copyLuminance(frame, gray);
        const QList<DecodedBarcode> barcodes = decoder.decode(gray);
        const double middle = threadCpuMs();
        const ZXing::Result result = ZXing::ReadBarcode(plane, zxingHints);
        const double end = threadCpuMs();
        pipelineMs += middle - start;
        zxingMs += end - middle;
        pipelineRight &= scene.text.isEmpty()
                             ? barcodes.isEmpty()
                             : barcodes.size() == 1 && barcodes[0].text == scene.text;
        zxingRight &= scene.text.isEmpty()
                          ? !result.isValid()
                          : result.isValid() && QString::fromStdString(result.text()) == scene.text;
        benchmark::DoNotOptimize(barcodes);
        benchmark::DoNotOptimize(result);
    }
    mapped.unmap();
    const auto iterations = double(state.iterations());
    state.counters["pipeline_ms"] = pipelineMs / iterations;
    state.counters["zxing_ms"] = zxingMs / iterations;
    state.counters["ratio"] = pipelineMs / zxingMs;
    state.counters["fps"] = 1000 * iterations / pipelineMs;
    state.counters["right"] = pipelineRight;
    state.counters["zxing_right"] = zxingRight;
}

const bool registered = [] {
    for (const Hints &hints : hintSets) {
        for (const Scene &scene : scenes) {
            benchmark::RegisterBenchmark(
                (std::string(hints.name) + '/' + scene.name).c_str(),
                [&scene, &hints](benchmark::State &state) { BM_CameraFrame(state, scene, hints); })
                ->Unit(benchmark::kMillisecond)
                ->MinTime(0.5);
        }
    }
    return true;
}();

} // namespace

SMARTPOS_BENCHMARK_MAIN()
