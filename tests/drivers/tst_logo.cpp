// The store logo: any image made into the 1-bit raster the receipt prints (drivers/printer/logo).
#include "printer/logo.h"

#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos::escpos;
using namespace Qt::StringLiterals;

namespace {

bool dot(const MonoBitmap &bitmap, int x, int y)
{
    const int rowBytes = (bitmap.width + 7) / 8;
    return bitmap.rows.at(qsizetype(y) * rowBytes + x / 8) & (0x80 >> (x % 8));
}

int dots(const MonoBitmap &bitmap, int x0, int x1)
{
    int count = 0;
    for (int y = 0; y < bitmap.height; ++y)
        for (int x = x0; x < x1; ++x)
            count += dot(bitmap, x, y);
    return count;
}

QImage filled(QSize size, QColor color, QImage::Format format = QImage::Format_ARGB32)
{
    QImage image(size, format);
    image.fill(color);
    return image;
}

} // namespace

class TestLogo : public QObject {
    Q_OBJECT

private slots:
    void blackIsAllDotsAndPacksRowsMsbFirst()
    {
        // 13 dots wide: two bytes a row, the last three bits of each row unused.
        const MonoBitmap bitmap = monoBitmap(filled({13, 4}, Qt::black), 576, 160);
        QCOMPARE(bitmap.width, 13);
        QCOMPARE(bitmap.height, 4);
        QCOMPARE(bitmap.rows, QByteArray("\xff\xf8").repeated(4));
    }

    void whiteAndTransparentArePaper()
    {
        for (const QColor &color : {QColor(Qt::white), QColor(Qt::transparent)}) {
            const MonoBitmap bitmap = monoBitmap(filled({40, 10}, color), 576, 160);
            QCOMPARE(bitmap.rows, QByteArray(5 * 10, '\0'));
        }
        // Black at zero opacity is paper too, not ink.
        const MonoBitmap invisible = monoBitmap(filled({8, 8}, QColor(0, 0, 0, 0)), 576, 160);
        QCOMPARE(invisible.rows, QByteArray(8, '\0'));
    }

    void shadesKeepTheirTone()
    {
        // Error diffusion: a 25 % gray prints about three dots in four, a gradient gets darker
        // from left to right.
        const MonoBitmap gray = monoBitmap(filled({100, 50}, QColor(64, 64, 64)), 576, 160);
        const double share = dots(gray, 0, 100) / 5000.0;
        QVERIFY2(share > 0.72 && share < 0.78, qPrintable(QString::number(share)));

        QImage gradient(200, 40, QImage::Format_Grayscale8);
        for (int y = 0; y < 40; ++y)
            for (int x = 0; x < 200; ++x)
                gradient.scanLine(y)[x] = uchar(255 - x * 255 / 199);
        const MonoBitmap ramp = monoBitmap(gradient, 576, 160);
        int previous = -1;
        for (int band = 0; band < 200; band += 40) {
            const int inBand = dots(ramp, band, band + 40);
            QVERIFY2(inBand > previous, qPrintable(u"band at %1"_s.arg(band)));
            previous = inBand;
        }
    }

    void scaledDownToFitNeverUp()
    {
        const MonoBitmap wide = monoBitmap(filled({1000, 400}, Qt::black), 576, 160);
        QCOMPARE(wide.width, 400);
        QCOMPARE(wide.height, 160);
        const MonoBitmap tall = monoBitmap(filled({100, 1000}, Qt::black), 384, 160);
        QCOMPARE(tall.width, 16);
        QCOMPARE(tall.height, 160);
        const MonoBitmap small = monoBitmap(filled({30, 20}, Qt::black), 576, 160);
        QCOMPARE(small.width, 30);
        QCOMPARE(small.height, 20);
        // A sliver never scales to nothing.
        const MonoBitmap sliver = monoBitmap(filled({5000, 1}, Qt::black), 576, 160);
        QCOMPARE(sliver.width, 576);
        QCOMPARE(sliver.height, 1);
    }

    void nothingForNoImageOrNoRoom()
    {
        QCOMPARE(monoBitmap(QImage(), 576, 160).width, 0);
        QCOMPARE(monoBitmap(filled({8, 8}, Qt::black), 0, 160).width, 0);
        QCOMPARE(monoBitmap(filled({8, 8}, Qt::black), 576, 0).width, 0);
    }

    void fromFileFitsTheProfile()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(u"logo.png"_s);
        QImage logo = filled({800, 200}, Qt::white);
        QPainter painter(&logo);
        painter.fillRect(QRect(0, 0, 400, 200), Qt::black);
        painter.end();
        QVERIFY(logo.save(png));

        QString error;
        const auto narrow = logoFromFile(png, PrinterProfile::mm58(), &error);
        QVERIFY2(narrow, qPrintable(error));
        QCOMPARE(narrow->width, 384);
        QCOMPARE(narrow->height, 96);
        QVERIFY(dot(*narrow, 10, 50));
        QVERIFY(!dot(*narrow, 370, 50));
        // The raster the encoder makes from it is the GS v 0 image of that size.
        Encoder encoder(PrinterProfile::mm58());
        encoder.raster(*narrow);
        QVERIFY(encoder.errors().isEmpty());
        QVERIFY(encoder.bytes().startsWith(QByteArray("\x1dv0\x00\x30\x00\x60\x00", 8)));
    }

    void unreadableFileSaysWhich()
    {
        QTemporaryDir dir;
        const QString notAnImage = dir.filePath(u"logo.png"_s);
        QFile file(notAnImage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is a CSV, not a picture\n");
        file.close();
        for (const QString &path : {notAnImage, dir.filePath(u"missing.png"_s)}) {
            QString error;
            QVERIFY(!logoFromFile(path, PrinterProfile::mm80(), &error));
            QVERIFY2(error.contains(path), qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestLogo)
#include "tst_logo.moc"
