// BarcodeDecoder on camera-like pictures: QR codes (ASCII, Chinese, a receipt code), EAN-13,
// EAN-8 and Code 128 drawn by ZXing-C++ on a 1280×720 canvas, then noisy, blurred, turned,
// dim and small. Each must read back to its exact text and format; blank and noise read nothing.
#include "barcodeimages.h"
#include "camera/barcodedecoder.h"

#include <QPainter>
#include <QTest>

#include <functional>

using namespace smartpos::devices;
using namespace smartpos::testing;
using namespace Qt::StringLiterals;

namespace {

struct Code {
    const char *name;
    Symbology symbology;
    QString text;
    QString format;
    qreal modulePixels;      // a code at arm's length from a 720p webcam
    qreal smallModulePixels; // the same far away
    int barHeight;
};

const QList<Code> &codes()
{
    static const QList<Code> all = {
        {"qr-ascii", Symbology::QrCode, u"SmartPOS receipt 0042"_s, u"QRCode"_s, 6, 2, 0},
        {"qr-chinese", Symbology::QrCode, u"收银小票：谢谢惠顾"_s, u"QRCode"_s, 6, 2, 0},
        {"qr-receipt", Symbology::QrCode, u"SPR1.T01.42.abcdefghijklmnop"_s, u"QRCode"_s, 6, 2, 0},
        {"ean13", Symbology::Ean13, u"5901234123457"_s, u"EAN-13"_s, 3, 1.8, 180},
        {"ean8", Symbology::Ean8, u"96385074"_s, u"EAN-8"_s, 3, 1.8, 150},
        {"code128", Symbology::Code128, u"SP-2024-000123"_s, u"Code128"_s, 3, 2, 150},
    };
    return all;
}

struct Distortion {
    const char *name;
    std::function<QImage(const Code &)> picture;
    // ZXing 1.4 reads 1D codes along rows and columns only: turned 30°, a code would have to be
    // more than half as tall as it is wide for one row to cross all its bars.
    bool qrOnly = false;
};

QImage plain(const Code &code, qreal degrees = 0)
{
    return onCanvas(barcodeImage(code.symbology, code.text, code.modulePixels, code.barHeight),
                    {1280, 720}, degrees);
}

const QList<Distortion> &distortions()
{
    static const QList<Distortion> all = {
        {"plain", [](const Code &code) { return plain(code); }},
        {"noise",
         [](const Code &code) {
             QImage image = plain(code);
             addNoise(image, 25, 1);
             return image;
         }},
        {"blur", [](const Code &code) { return blurred(plain(code), 1); }},
        {"blur-noise",
         [](const Code &code) {
             QImage image = blurred(plain(code), 1);
             addNoise(image, 12, 2);
             return image;
         }},
        {"rotate7", [](const Code &code) { return plain(code, 7); }},
        {"rotate30", [](const Code &code) { return plain(code, 30); }, true},
        {"rotate90", [](const Code &code) { return plain(code, 90); }},
        {"rotate180", [](const Code &code) { return plain(code, 180); }},
        {"low-contrast", [](const Code &code) { return withContrast(plain(code), 110, 150); }},
        {"low-contrast-noise",
         [](const Code &code) {
             QImage image = withContrast(plain(code), 110, 150);
             addNoise(image, 6, 3);
             return image;
         }},
        {"small",
         [](const Code &code) {
             return onCanvas(barcodeImage(code.symbology, code.text, code.smallModulePixels,
                                          code.barHeight / 2));
         }},
    };
    return all;
}

QString describe(const QList<DecodedBarcode> &barcodes)
{
    QStringList found;
    for (const DecodedBarcode &barcode : barcodes)
        found << barcode.format + u": "_s + barcode.text;
    return found.isEmpty() ? u"nothing"_s : found.join(u", "_s);
}

} // namespace

class TestBarcodeDecoder : public QObject {
    Q_OBJECT
private slots:
    void readsDistortedCodes_data();
    void readsDistortedCodes();
    void readsImageFormats_data();
    void readsImageFormats();
    void readsLuminanceWithPaddedRows();
    void readsOnlyChosenSymbologies();
    void readsOneOfTwoCodes();
    void readsNothingWithoutCode_data();
    void readsNothingWithoutCode();
};

void TestBarcodeDecoder::readsDistortedCodes_data()
{
    QTest::addColumn<QImage>("image");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("format");
    for (const Code &code : codes()) {
        for (const Distortion &distortion : distortions()) {
            if (distortion.qrOnly && code.symbology != Symbology::QrCode)
                continue;
            QTest::addRow("%s/%s", code.name, distortion.name)
                << distortion.picture(code) << code.text << code.format;
        }
    }
}

void TestBarcodeDecoder::readsDistortedCodes()
{
    QFETCH(QImage, image);
    QFETCH(QString, text);
    QFETCH(QString, format);
    QCOMPARE(image.size(), QSize(1280, 720));
    const QList<DecodedBarcode> barcodes = BarcodeDecoder().decode(image);
    QVERIFY2(barcodes.size() == 1, qPrintable(describe(barcodes)));
    QCOMPARE(barcodes[0].text, text);
    QCOMPARE(barcodes[0].format, format);
}

void TestBarcodeDecoder::readsImageFormats_data()
{
    QTest::addColumn<QImage::Format>("imageFormat");
    QTest::newRow("Grayscale8") << QImage::Format_Grayscale8;
    QTest::newRow("RGB32") << QImage::Format_RGB32;
    QTest::newRow("ARGB32") << QImage::Format_ARGB32;
    QTest::newRow("RGB888") << QImage::Format_RGB888;
    QTest::newRow("RGBA8888") << QImage::Format_RGBA8888;
    QTest::newRow("Indexed8 (converted)") << QImage::Format_Indexed8;
    QTest::newRow("Mono (converted)") << QImage::Format_Mono;
}

void TestBarcodeDecoder::readsImageFormats()
{
    QFETCH(QImage::Format, imageFormat);
    const Code &code = codes()[2];
    const QImage image = plain(code).convertToFormat(imageFormat);
    QCOMPARE(image.format(), imageFormat);
    const QList<DecodedBarcode> barcodes = BarcodeDecoder().decode(image);
    QVERIFY2(barcodes.size() == 1, qPrintable(describe(barcodes)));
    QCOMPARE(barcodes[0].text, code.text);
    QCOMPARE(barcodes[0].format, u"QRCode"_s);
}

void TestBarcodeDecoder::readsLuminanceWithPaddedRows()
{
    const Code &code = codes()[3];
    const QImage image = plain(code);
    const int bytesPerLine = image.width() + 64;
    QByteArray padded(qsizetype(bytesPerLine) * image.height(), '\x7f');
    for (int y = 0; y < image.height(); ++y)
        memcpy(padded.data() + qsizetype(y) * bytesPerLine, image.constScanLine(y), image.width());
    const QList<DecodedBarcode> barcodes =
        BarcodeDecoder().decode(reinterpret_cast<const uchar *>(padded.constData()), image.width(),
                                image.height(), bytesPerLine);
    QVERIFY2(barcodes.size() == 1, qPrintable(describe(barcodes)));
    QCOMPARE(barcodes[0].text, code.text);
    QCOMPARE(barcodes[0].format, u"EAN-13"_s);
    QVERIFY(BarcodeDecoder().decode(nullptr, 1280, 720, 1280).isEmpty());
}

void TestBarcodeDecoder::readsOnlyChosenSymbologies()
{
    BarcodeDecoder onlyEan;
    onlyEan.setSymbologies(Symbology::Ean13 | Symbology::Ean8);
    QVERIFY(onlyEan.decode(plain(codes()[0])).isEmpty());
    QVERIFY(onlyEan.decode(plain(codes()[5])).isEmpty());
    const QList<DecodedBarcode> ean8 = onlyEan.decode(plain(codes()[4]));
    QVERIFY2(ean8.size() == 1, qPrintable(describe(ean8)));
    QCOMPARE(ean8[0].text, codes()[4].text);
}

// One result per picture (see BarcodeDecoder::decode), whichever code ZXing meets first.
void TestBarcodeDecoder::readsOneOfTwoCodes()
{
    QImage canvas(1280, 720, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    QPainter painter(&canvas);
    painter.drawImage(100, 200, barcodeImage(Symbology::QrCode, codes()[0].text, 6));
    painter.drawImage(700, 250, barcodeImage(Symbology::Ean13, codes()[3].text, 3, 180));
    painter.end();
    const QList<DecodedBarcode> one = BarcodeDecoder().decode(canvas);
    QCOMPARE(one.size(), 1);
    QVERIFY2(one[0].text == codes()[0].text || one[0].text == codes()[3].text,
             qPrintable(describe(one)));
}

void TestBarcodeDecoder::readsNothingWithoutCode_data()
{
    QTest::addColumn<QImage>("image");
    QImage white(1280, 720, QImage::Format_Grayscale8);
    white.fill(255);
    QImage black(1280, 720, QImage::Format_Grayscale8);
    black.fill(0);
    QImage gray(1280, 720, QImage::Format_Grayscale8);
    gray.fill(128);
    addNoise(gray, 20, 7);
    QTest::newRow("white") << white;
    QTest::newRow("black") << black;
    QTest::newRow("gray with noise") << gray;
    for (quint32 seed : {11u, 12u, 13u})
        QTest::addRow("noise %u", seed) << noiseImage({1280, 720}, seed);
    QTest::newRow("null") << QImage();
}

void TestBarcodeDecoder::readsNothingWithoutCode()
{
    QFETCH(QImage, image);
    const QList<DecodedBarcode> barcodes = BarcodeDecoder().decode(image);
    QVERIFY2(barcodes.isEmpty(), qPrintable(describe(barcodes)));
}

QTEST_GUILESS_MAIN(TestBarcodeDecoder)
#include "tst_barcodedecoder.moc"
