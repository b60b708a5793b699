// The virtual printer's ESC/POS parser and renderers (drivers/sim): hand-written byte sequences
// (reference/devices.md §1.1) → the text render exactly, the job's layout, and the PNG, whose
// barcodes and QR codes ZXing-C++ reads back. Garbage, truncation and splits change nothing.
#include "sim/escposparser.h"
#include "sim/jobrender.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

using namespace smartpos::sim;
using namespace Qt::StringLiterals;

namespace {

const QByteArray ESC = "\x1b"_ba, GS = "\x1d"_ba, FS = "\x1c"_ba, DLE = "\x10"_ba;

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (const int value : values)
        out += char(value);
    return out;
}

// GS ( k: QR model 2, module size, error level M, store, print.
QByteArray qrCommands(const QByteArray &data, int moduleSize)
{
    const int length = int(data.size()) + 3;
    return GS + bytes({'(', 'k', 4, 0, '1', 'A', '2', 0}) + GS
           + bytes({'(', 'k', 3, 0, '1', 'C', moduleSize}) + GS
           + bytes({'(', 'k', 3, 0, '1', 'E', '1'}) + GS
           + bytes({'(', 'k', length & 0xff, length >> 8, '1', 'P', '0'}) + data + GS
           + bytes({'(', 'k', 3, 0, '1', 'Q', '0'});
}

// GS v 0 with rows of `bytesPerRow` bytes.
QByteArray raster(int mode, int bytesPerRow, const QByteArray &rows)
{
    const int height = int(rows.size()) / bytesPerRow;
    return GS + bytes({'v', '0', mode, bytesPerRow, 0, height & 0xff, height >> 8}) + rows;
}

// A receipt with a bit of everything, for the split and truncation tests.
QByteArray sampleReceipt()
{
    return ESC + "@"_ba + ESC + "a\x01"_ba + GS + "!\x11"_ba + "SHOP\n"_ba + GS + "!\x00"_ba + ESC
           + "a\x00"_ba + FS + "&"_ba + "\xba\xcf\xbc\xc6 10.50\n"_ba + FS + "."_ba + ESC
           + "E\x01"_ba + "TOTAL\tCaf\x82\n"_ba + ESC + "E\x00"_ba + GS + "H\x02"_ba + GS
           + "k\x02"_ba + "690123456789"_ba + '\0' + qrCommands("R-0001"_ba, 4)
           + raster(0, 2, "\xf0\x0f\x0f\xf0"_ba) + ESC + "p\x00\x19\xfa"_ba + DLE + "\x04\x01"_ba
           + ESC + "d\x02"_ba + GS + "V\x42\x00"_ba;
}

QList<PrintJob> parse(const QByteArray &input, int dotWidth = 576, int chunk = 0)
{
    EscPosParser parser(dotWidth);
    if (chunk == 0) {
        parser.feed(input);
    } else {
        for (qsizetype i = 0; i < input.size(); i += chunk)
            parser.feed(QByteArrayView(input).sliced(i, qMin<qsizetype>(chunk, input.size() - i)));
    }
    parser.endOfStream();
    return parser.takeJobs();
}

QString text(const QList<PrintJob> &jobs, int dotWidth = 576)
{
    QString out;
    for (const PrintJob &job : jobs)
        out += renderText(job, dotWidth);
    return out;
}

QString text(const QByteArray &input, int dotWidth = 576)
{
    return text(parse(input, dotWidth), dotWidth);
}

QStringList warnings(const QList<PrintJob> &jobs)
{
    QStringList out;
    for (const PrintJob &job : jobs)
        out += job.warnings;
    return out;
}

// The PNG the printer would write, read back.
QImage png(const PrintJob &job, int dotWidth = 576)
{
    QByteArray file;
    QBuffer buffer(&file);
    buffer.open(QIODevice::WriteOnly);
    renderImage(job, dotWidth).save(&buffer, "PNG");
    return QImage::fromData(file, "PNG");
}

ZXing::Result decode(const QImage &image, ZXing::BarcodeFormat format)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    return ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(format).setTryHarder(true));
}

int darkPixels(const QImage &image, const QRect &area)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            count += qGray(image.pixel(x, y)) < 128;
    return count;
}

} // namespace

class TestPrinterSimParser : public QObject {
    Q_OBJECT

private slots:
    void latinTextInCodePage437()
    {
        QCOMPARE(text(ESC + "@"_ba + FS + ".Hello\nCaf\x82 \x9c"_ba + "5 \x81"_ba + "ber\r\n"_ba
                      + GS + "V\x00"_ba),
                 u"Hello\nCafé £5 über\n--- cut ---\n"_s);
    }

    void chineseModeDecodesGb18030()
    {
        // 合计 (2-byte), 㐀 (4-byte), then after FS . the same byte is CP437 again.
        const QList<PrintJob> jobs =
            parse(FS + "&\xba\xcf\xbc\xc6 10.50\n\x81\x39\xee\x39\n"_ba + FS + ".\xba\n"_ba);
        QCOMPARE(text(jobs), u"合计 10.50\n㐀\n║\n"_s);
        const QList<TextRun> runs = jobs[0].blocks[0].runs;
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0].text, u"合计"_s);
        QVERIFY(runs[0].fullWidth);
        QCOMPARE(runs[0].width(), 48);
        QVERIFY(!runs[1].fullWidth);
        QVERIFY(warnings(jobs).isEmpty());
    }

    void powersUpInChineseModeAndInitializeKeepsIt()
    {
        QCOMPARE(text("\xba\xcf\n"_ba + ESC + "@\xbc\xc6\n"_ba), u"合\n计\n"_s);
    }

    void brokenGb18030PrintsAQuestionMark()
    {
        // A lead byte before '!' (no trail byte), a lead byte cut by LF, a lone 0x80.
        const QList<PrintJob> jobs = parse(FS + "&\xba!\xba\n\x80"_ba + "B\n"_ba);
        QCOMPARE(text(jobs), u"?!?\n?B\n"_s);
        QCOMPARE(warnings(jobs).size(), 3);
    }

    void alignmentPadsTheTextAndIsRecorded()
    {
        const QList<PrintJob> jobs = parse(ESC + "a\x01"_ba + "abc\n"_ba + ESC + "a2"_ba
                                           + "abc\n"_ba + ESC + "a\x00"_ba + "abc\n"_ba);
        QCOMPARE(text(jobs),
                 QString(22, u' ') + u"abc\n"_s + QString(45, u' ') + u"abc\n"_s + u"abc\n"_s);
        QCOMPARE(jobs[0].blocks[0].alignment, Alignment::Center);
        QCOMPARE(jobs[0].blocks[1].alignment, Alignment::Right);
        QCOMPARE(jobs[0].blocks[2].alignment, Alignment::Left);
        // Narrow paper: (384 − 36) / 2 dots.
        QCOMPARE(text(ESC + "a\x01"_ba + "abc\n"_ba, 384), QString(14, u' ') + u"abc\n"_s);
    }

    void alignmentTakesEffectAtTheStartOfALine()
    {
        QCOMPARE(text("ab"_ba + ESC + "a\x02"_ba + "c\nd\n"_ba),
                 u"abc\n"_s + QString(47, u' ') + u"d\n"_s);
    }

    void stylesAreRecordedPerRun()
    {
        const QList<PrintJob> jobs =
            parse("a"_ba + ESC + "E\x01"_ba + "b"_ba + ESC + "-\x02"_ba + "c"_ba + GS + "!\x21"_ba
                  + "d"_ba + ESC + "!\x00"_ba + "e\n"_ba);
        QCOMPARE(text(jobs), u"abcde\n"_s);
        const PrintBlock &line = jobs[0].blocks[0];
        QCOMPARE(line.runs.size(), 5);
        QCOMPARE(line.runs[0].style, TextStyle());
        QCOMPARE(line.runs[1].style, (TextStyle{true, 0, 1, 1}));
        QCOMPARE(line.runs[2].style, (TextStyle{true, 2, 1, 1}));
        QCOMPARE(line.runs[3].style, (TextStyle{true, 2, 3, 2}));
        QCOMPARE(line.runs[4].style, TextStyle());
        QCOMPARE(line.charHeight, 48);
        QCOMPARE(line.height, 48);
        QCOMPARE(line.width(), 4 * 12 + 36);
    }

    void printModesSetSizeBoldAndUnderline()
    {
        // ESC ! 0x38 bold, double height and width; FS ! 0x8c the same without bold, underlined;
        // FS W 1 quadruple.
        const QList<PrintJob> jobs = parse(ESC + "!\x38"_ba + "a"_ba + FS + "!\x8c"_ba + "b"_ba + FS
                                           + "W\x01"_ba + ESC + "-0"_ba + "c\n"_ba);
        const QList<TextRun> runs = jobs[0].blocks[0].runs;
        QCOMPARE(runs[0].style, (TextStyle{true, 0, 2, 2}));
        QCOMPARE(runs[1].style, (TextStyle{true, 1, 2, 2}));
        QCOMPARE(runs[2].style, (TextStyle{true, 0, 2, 2}));
    }

    void magnifiedTextIsPaddedByItsWidth()
    {
        QCOMPARE(text(ESC + "a\x01"_ba + GS + "!\x10"_ba + "AB\n"_ba),
                 QString(22, u' ') + u"AB\n"_s);
    }

    void linesWrapAtThePaperWidth()
    {
        QCOMPARE(text(QByteArray(49, 'x') + "\n"_ba), QString(48, u'x') + u"\n"_s + u"x\n"_s);
        QCOMPARE(text(QByteArray(33, 'x') + "\n"_ba, 384), QString(32, u'x') + u"\nx\n"_s);
        QByteArray chinese;
        for (int i = 0; i < 25; ++i)
            chinese += "\xba\xcf"_ba;
        QCOMPARE(text(chinese + "\n"_ba), QString(24, u'合') + u"\n合\n"_s);
        // Double width: 24 half-width characters a line.
        QCOMPARE(text(GS + "!\x10"_ba + QByteArray(25, 'y')), QString(24, u'y') + u"\ny\n"_s);
    }

    void feedsAndBlankLines()
    {
        const QList<PrintJob> jobs =
            parse("a\n\n"_ba + ESC + "d\x02"_ba + "b"_ba + ESC + "d\x01"_ba + ESC + "J\x32"_ba);
        QCOMPARE(text(jobs), u"a\n\n\n\nb\n"_s);
        QCOMPARE(jobs[0].height(), 5 * 30 + 50);
        QCOMPARE(jobs[0].blocks.last().kind, PrintBlock::Feed);
    }

    void tabsStopEveryEightColumns()
    {
        const QString gap(7, u' ');
        QCOMPARE(text("a\tb\tc\n"_ba), u"a"_s + gap + u"b"_s + gap + u"c\n"_s);
    }

    void initializeClearsTheLineAndTheModes()
    {
        const QList<PrintJob> jobs =
            parse(ESC + "E\x01"_ba + ESC + "a\x01"_ba + "abc"_ba + ESC + "@"_ba + "def\n"_ba);
        QCOMPARE(text(jobs), u"def\n"_s);
        QCOMPARE(jobs[0].blocks[0].runs[0].style, TextStyle());
    }

    void ean13FromTwelveOrThirteenDigits()
    {
        const QList<PrintJob> jobs =
            parse(GS + "H\x02"_ba + GS + "h\x50"_ba + GS + "w\x02"_ba + GS + "k\x02"_ba
                  + "690123456789"_ba + '\0' + GS + "k\x43\x0d"_ba + "6901234567892"_ba);
        QCOMPARE(text(jobs), u"[EAN13 6901234567892]\n[EAN13 6901234567892]\n"_s);
        const PrintBlock &barcode = jobs[0].blocks[0];
        QCOMPARE(barcode.kind, PrintBlock::Barcode);
        QCOMPARE(barcode.bitmap.width, 95);
        QCOMPARE(barcode.scaleX, 2);
        QCOMPARE(barcode.scaleY, 80);
        QVERIFY(barcode.hriBelow);
        QVERIFY(!barcode.hriAbove);
        QCOMPARE(barcode.height, 80 + kHriHeight);
    }

    void badBarcodesAreNotPrinted()
    {
        // A wrong check digit, letters in an EAN-13, CODE128 without a code set, too wide.
        const QList<PrintJob> jobs =
            parse(GS + "k\x43\x0d"_ba + "6901234567890"_ba + GS + "k\x02"_ba + "ABC"_ba + '\0' + GS
                  + "k\x49\x03"_ba + "ABC"_ba + GS + "w\x06"_ba + GS + "k\x49\x12"_ba
                  + "{B0123456789ABCDEF"_ba + "ok\n"_ba);
        QCOMPARE(text(jobs), u"ok\n"_s);
        QCOMPARE(warnings(jobs).size(), 4);
        QVERIFY2(warnings(jobs).last().contains(u"not printed"_s),
                 qPrintable(warnings(jobs).last()));
    }

    void code128CodeSets()
    {
        QCOMPARE(text(GS + "k\x49\x08{BSKU-42"_ba + GS + "k\x49\x04{C"_ba + bytes({12, 34}) + GS
                      + "k\x49\x07{B{{x{1"_ba),
                 u"[CODE128 SKU-42]\n[CODE128 1234]\n[CODE128 {x]\n"_s);
    }

    void qrCodeFromStoredData()
    {
        const QByteArray data = "https://smartpos.example/r?id=42&合计=10.50"_ba;
        const QList<PrintJob> jobs = parse(ESC + "a\x01"_ba + qrCommands(data, 5));
        QCOMPARE(text(jobs), u"[QR https://smartpos.example/r?id=42&合计=10.50]\n"_s);
        const PrintBlock &qr = jobs[0].blocks[0];
        QCOMPARE(qr.kind, PrintBlock::QrCode);
        QCOMPARE(qr.scaleX, 5);
        QCOMPARE(qr.bitmap.width, qr.bitmap.height);
        QCOMPARE(qr.height, qr.bitmap.height * 5);
        QCOMPARE(qr.alignment, Alignment::Center);
    }

    void qrCodeProblemsAreWarnings()
    {
        // Print with nothing stored; 2000 bytes at module size 16 do not fit on the paper.
        const QList<PrintJob> jobs = parse(GS + bytes({'(', 'k', 3, 0, '1', 'Q', '0'})
                                           + qrCommands(QByteArray(2000, 'a'), 16) + "ok\n"_ba);
        QCOMPARE(text(jobs), u"ok\n"_s);
        QCOMPARE(warnings(jobs).size(), 2);
    }

    void rasterBandsJoinIntoOneImage()
    {
        const QByteArray band = "\xff\x00\x81\x42"_ba;
        const QList<PrintJob> jobs =
            parse(raster(0, 2, band) + raster('0', 2, band) + raster(3, 1, "\x80"_ba) + "\n"_ba);
        QCOMPARE(text(jobs), u"[image 16x4]\n[image 8x1]\n\n"_s);
        const PrintBlock &image = jobs[0].blocks[0];
        QCOMPARE(image.bitmap.bits, band + band);
        QVERIFY(image.bitmap.pixel(0, 0));
        QVERIFY(!image.bitmap.pixel(8, 0));
        QVERIFY(image.bitmap.pixel(14, 1));
        QCOMPARE(jobs[0].blocks[1].scaleX, 2);
        QCOMPARE(jobs[0].blocks[1].height, 2);
    }

    void cutsEndJobs()
    {
        const QList<PrintJob> jobs =
            parse("a\n"_ba + GS + "V\x00"_ba + "b\n"_ba + GS + "V\x42\x10"_ba + "c\n"_ba + ESC
                  + "i"_ba + GS + "V1"_ba + "d\n"_ba);
        QCOMPARE(jobs.size(), 4); // the cut right after a cut gives no job
        QCOMPARE(renderText(jobs[0], 576), u"a\n--- cut ---\n"_s);
        QCOMPARE(jobs[1].height(), 30 + 16); // GS V 66 16 feeds 16 dots
        QCOMPARE(renderText(jobs[2], 576), u"c\n--- cut ---\n"_s);
        QCOMPARE(renderText(jobs[3], 576), u"d\n"_s);
        QVERIFY(!jobs[3].cut);
    }

    void drawerKicks()
    {
        EscPosParser parser(576);
        parser.feed(ESC + "p\x00\x19\xfa"_ba + ESC + "p1\x32\x32"_ba + DLE + "\x14\x01\x00\x05"_ba
                    + ESC + "p\x07\x01\x01"_ba);
        const QList<DrawerKick> kicks = parser.takeDrawerKicks();
        QCOMPARE(kicks.size(), 3);
        QCOMPARE(kicks[0].pin, 2);
        QCOMPARE(kicks[0].onMs, 50);
        QCOMPARE(kicks[0].offMs, 500);
        QCOMPARE(kicks[1].pin, 5);
        QCOMPARE(kicks[2].onMs, 500);
        QVERIFY(parser.takeDrawerKicks().isEmpty());
        parser.endOfStream();
        QCOMPARE(warnings(parser.takeJobs()).size(), 1); // connector 7
    }

    void statusRequestsInOrder()
    {
        EscPosParser parser(576);
        parser.feed(DLE + "\x04\x02"_ba + DLE + "\x04\x04"_ba + DLE + "\x04\x07\x01"_ba + DLE
                    + "\x04\x01"_ba + DLE + "\x04\x03"_ba + "x"_ba);
        QCOMPARE(parser.takeStatusRequests(), QList<int>({2, 4, 1, 3}));
        parser.endOfStream();
        const QList<PrintJob> jobs = parser.takeJobs();
        QCOMPARE(text(jobs), u"x\n"_s); // DLE EOT 7 1 is skipped whole
        QCOMPARE(warnings(jobs), QStringList(u"DLE 0x04 0x07 ignored"_s));
    }

    void unknownCommandsAreSkippedWithAWarning()
    {
        const QList<PrintJob> jobs = parse("a"_ba + ESC + "Zb"_ba + GS + "yc"_ba + ESC + "V\x01"_ba
                                           + "d"_ba + ESC + bytes({'*', 0, 2, 0, 'X', 'X'}) + "e"_ba
                                           + GS + "8L"_ba + bytes({2, 0, 0, 0, 'Y', 'Y'}) + "f"_ba
                                           + "\x07"_ba + ESC + "M\x00"_ba + "\n"_ba);
        QCOMPARE(text(jobs), u"abcdef\n"_s);
        QCOMPARE(warnings(jobs),
                 QStringList({u"unknown command ESC Z skipped"_s, u"unknown command GS y skipped"_s,
                              u"ESC V 0x01 ignored"_s, u"ESC * 0x00 ignored"_s, u"GS 8 L ignored"_s,
                              u"control byte 0x07 ignored"_s}));
    }

    void oversizedCommandsStreamByUnbuffered()
    {
        // 2048 bytes × 1024 rows: 2 MiB of image, more than kMaxCommandBytes.
        const QByteArray huge =
            GS + bytes({'v', '0', 0, 0, 8, 0, 4}) + QByteArray(2048 * 1024, '\xff') + "after\n"_ba;
        const QList<PrintJob> jobs = parse(huge, 576, 4096);
        QCOMPARE(text(jobs), u"after\n"_s);
        QCOMPARE(warnings(jobs), QStringList(u"GS v 0 of 2097160 bytes skipped"_s));
    }

    void jobHeightIsCapped()
    {
        QByteArray feeds;
        for (int i = 0; i < 200; ++i)
            feeds += ESC + "d\xff"_ba;
        const QList<PrintJob> jobs = parse(feeds + "end\n"_ba + GS + "V\x00"_ba + "next\n"_ba);
        QCOMPARE(jobs.size(), 2);
        QVERIFY(jobs[0].height() <= kMaxJobHeight);
        QVERIFY(jobs[0].height() > kMaxJobHeight - 30);
        QVERIFY(jobs[0].warnings.last().contains(u"job limit"_s));
        QCOMPARE(renderText(jobs[1], 576), u"next\n"_s); // the next job starts afresh
        QCOMPARE(png(jobs[0]).height(), jobs[0].height());
    }

    void functionABarcodeWithoutNulEnds()
    {
        const QList<PrintJob> jobs = parse(GS + "k\x04"_ba + QByteArray(300, 'A') + "\n"_ba);
        QCOMPARE(text(jobs), QString(44, u'A') + u"\n"_s); // 300 − 256 bytes are text
        QVERIFY(warnings(jobs).first().contains(u"no NUL"_s));
    }

    void anySplitGivesTheSameJobs()
    {
        const QByteArray input = sampleReceipt();
        const QString whole = text(parse(input));
        QCOMPARE(whole, QString(20, u' ')
                            + u"SHOP\n合计 10.50\nTOTAL   Café\n[EAN13 6901234567892]\n"
                              "[QR R-0001]\n[image 16x2]\n\n\n--- cut ---\n"_s);
        for (const int chunk : {1, 2, 3, 7, 64}) {
            const QList<PrintJob> jobs = parse(input, 576, chunk);
            QCOMPARE(text(jobs), whole);
            QVERIFY(warnings(jobs).isEmpty());
        }
    }

    void truncatedInputNeverCrashes()
    {
        const QByteArray input = sampleReceipt();
        for (qsizetype length = 0; length <= input.size(); ++length) {
            const QList<PrintJob> jobs = parse(input.first(length));
            QVERIFY(jobs.size() <= 1);
            for (const PrintJob &job : jobs)
                renderText(job, 576);
        }
    }

    void garbageNeverCrashesAndStaysBounded()
    {
        // Random bytes, rich in command prefixes and their letters, in random pieces.
        static const char alphabet[] = "\x1b\x1c\x1d\x10\x04\x0a\x00\x01\x30\x31\x32\x41\x42\x43"
                                       "\x45\x50\x51\x56\x61\x6b\x76\x28\x21\x26\x2e\x81\xff\xba";
        QRandomGenerator random(20260427);
        for (int round = 0; round < 300; ++round) {
            QByteArray input(random.bounded(1, 3000), '\0');
            for (char &c : input)
                c = random.bounded(3) ? alphabet[random.bounded(int(sizeof alphabet) - 1)]
                                      : char(random.bounded(256));
            const int width = round % 2 ? 576 : 384;
            const QList<PrintJob> jobs = parse(input, width, random.bounded(1, 50));
            for (const PrintJob &job : jobs) {
                QVERIFY(job.height() <= kMaxJobHeight);
                for (const PrintBlock &block : job.blocks)
                    QVERIFY(block.kind == PrintBlock::Image || block.width() <= width);
                QVERIFY(job.warnings.size() <= kMaxWarnings + 2);
                renderText(job, width);
                if (round % 10 == 0)
                    QCOMPARE(renderImage(job, width).width(), width);
            }
        }
    }

    void imageIsThePaper()
    {
        for (const int width : {384, 576}) {
            const QList<PrintJob> jobs = parse(sampleReceipt(), width);
            const QImage image = png(jobs[0], width);
            QCOMPARE(image.width(), width);
            QCOMPARE(image.height(), jobs[0].height());
            QVERIFY(darkPixels(image, image.rect()) > 1000);
            QCOMPARE(qGray(image.pixel(0, image.height() - 1)), 255); // the feed before the cut
        }
    }

    void qrCodeReadsBackFromThePng()
    {
        const QByteArray data = "SPR1:T01:000042:合计=10.50"_ba;
        const QList<PrintJob> jobs =
            parse("\n"_ba + ESC + "a\x01"_ba + qrCommands(data, 4) + "\n\n"_ba + GS + "V\x00"_ba);
        const ZXing::Result result = decode(png(jobs[0]), ZXing::BarcodeFormat::QRCode);
        QVERIFY(result.isValid());
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(result.bytes().data()),
                            qsizetype(result.bytes().size())),
                 data);
        QCOMPARE(QString::fromStdString(result.ecLevel()), u"M"_s);
    }

    void barcodesReadBackFromThePng()
    {
        const QList<PrintJob> jobs =
            parse("\n"_ba + ESC + "a1"_ba + GS + "H\x02"_ba + GS + "k\x02"_ba + "690123456789"_ba
                  + '\0' + "\n"_ba + GS + "k\x49\x08{BSKU-42"_ba + "\n"_ba);
        const QImage image = png(jobs[0]);
        const PrintBlock &ean = jobs[0].blocks[1];
        const int eanBottom = 30 + ean.height;
        const ZXing::Result ean13 =
            decode(image.copy(0, 0, image.width(), eanBottom), ZXing::BarcodeFormat::EAN13);
        QVERIFY(ean13.isValid());
        QCOMPARE(QString::fromStdString(ean13.text()), u"6901234567892"_s);
        // The HRI under the bars.
        QVERIFY(darkPixels(image, QRect(0, eanBottom - kCellHeight, 576, kCellHeight)) > 50);
        const ZXing::Result code128 =
            decode(image.copy(0, eanBottom, image.width(), 200), ZXing::BarcodeFormat::Code128);
        QVERIFY(code128.isValid());
        QCOMPARE(QString::fromStdString(code128.text()), u"SKU-42"_s);
    }

    void rasterIsDrawnDotForDot()
    {
        const QByteArray rows = "\xa5\x0f\x5a\xf0"_ba; // 16 × 2
        const QList<PrintJob> jobs = parse(raster(0, 2, rows) + raster(3, 2, rows));
        const QImage image = png(jobs[0]);
        for (int y = 0; y < 2; ++y)
            for (int x = 0; x < 16; ++x) {
                const bool black = jobs[0].blocks[0].bitmap.pixel(x, y);
                QCOMPARE(qGray(image.pixel(x, y)) == 0, black);
                // Quadruple: each dot is 2 × 2.
                QCOMPARE(qGray(image.pixel(2 * x + 1, 2 + 2 * y + 1)) == 0, black);
            }
        QCOMPARE(qGray(image.pixel(16, 0)), 255);
    }

    void stylesShowInThePng()
    {
        const QList<PrintJob> jobs =
            parse("Receipt\n"_ba + ESC + "E\x01"_ba + "Receipt\n"_ba + ESC + "E\x00"_ba + ESC
                  + "-\x02"_ba + "Receipt\n"_ba + ESC + "-\x00"_ba + ESC + "a\x02"_ba + "R\n"_ba);
        const QImage image = png(jobs[0]);
        const int plain = darkPixels(image, QRect(0, 0, 576, 30));
        QVERIFY(plain > 100);
        QVERIFY(darkPixels(image, QRect(0, 30, 576, 30)) > plain * 5 / 4); // bold
        // Two dots of underline under all 7 cells, nothing past them.
        QCOMPARE(darkPixels(image, QRect(0, 60 + 22, 7 * 12, 2)), 7 * 12 * 2);
        QCOMPARE(darkPixels(image, QRect(7 * 12, 60 + 22, 12, 2)), 0);
        // Right aligned: ink only in the last cell.
        QCOMPARE(darkPixels(image, QRect(0, 90, 576 - 24, 30)), 0);
        QVERIFY(darkPixels(image, QRect(576 - 12, 90, 12, 30)) > 10);
    }
};

QTEST_MAIN(TestPrinterSimParser)
#include "tst_printersimparser.moc"
