// `smartpos-admin printer test` as a technician runs it at a new till: against the virtual
// printer on loopback the page prints (Chinese, English, QR, EAN-13, image, cut); against a
// printer that is not there it says why and exits 1; a bad URI is a usage error (exit 2).
#include "sim/printersim.h"

#include "testsupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

const QString adminPath = QStringLiteral(SMARTPOS_BIN_DIR "/smartpos-admin");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the admin while this process's event loop serves the virtual printer.
Run admin(const QStringList &args)
{
    QProcess process;
    process.start(adminPath, args);
    Run run;
    if (!process.waitForStarted(5000))
        return run;
    QDeadlineTimer deadline(30000);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(20); // the printer in this process must keep answering meanwhile
    if (process.state() != QProcess::NotRunning)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestPrinterTest : public QObject {
    Q_OBJECT

private slots:
    void printsOnTheVirtualPrinter_data();
    void printsOnTheVirtualPrinter();
    void printerNotThere();
    void badUri();
};

void TestPrinterTest::printsOnTheVirtualPrinter_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("dots");
    QTest::addColumn<QSize>("logo"); // empty: the test pattern
    QTest::addColumn<QString>("image");
    QTest::newRow("80 mm") << 80 << 576 << QSize() << u"[image 96x96]"_s;
    QTest::newRow("58 mm") << 58 << 384 << QSize() << u"[image 96x96]"_s;
    // The store's logo instead, scaled to the paper: 768 × 200 fits 58 mm as 384 × 100.
    QTest::newRow("58 mm, logo") << 58 << 384 << QSize(768, 200) << u"[image 384x100]"_s;
}

void TestPrinterTest::printsOnTheVirtualPrinter()
{
    QFETCH(int, width);
    QFETCH(int, dots);
    QFETCH(QSize, logo);
    QFETCH(QString, image);
    QTemporaryDir out;
    sim::PrinterSim printer(out.path(), dots);
    QVERIFY(printer.listen(QHostAddress::LocalHost, 0));
    QSignalSpy printed(&printer, &sim::PrinterSim::printed);
    const QString uri = u"tcp://127.0.0.1:%1"_s.arg(printer.serverPort());
    QStringList args{u"printer"_s, u"test"_s, u"--width"_s, QString::number(width)};
    if (logo.isValid()) {
        QImage picture(logo, QImage::Format_RGB32);
        picture.fill(Qt::darkGreen);
        const QString file = out.filePath(u"logo.png"_s);
        QVERIFY(picture.save(file));
        args << u"--logo"_s << file;
    }
    const Run run = admin(args << uri);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(uri));
    QTRY_COMPARE(printed.size(), 1);
    QFile text(printed.first().at(1).toString());
    QVERIFY(text.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(text.readAll());
    for (const QString &expected :
         {u"打印测试 Printer test"_s, u"可口可乐"_s, u"[EAN13 6901234567892]"_s, u"[QR "_s, image,
          u"%1 columns"_s.arg(width == 58 ? 32 : 48)})
        QVERIFY2(page.contains(expected), qPrintable(expected + u"\n"_s + page));
}

void TestPrinterTest::printerNotThere()
{
    // A port nothing listens on: taken and closed again.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    server.close();
    const Run run = admin({u"printer"_s, u"test"_s, u"tcp://127.0.0.1:%1"_s.arg(port)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"not printed"_s), qPrintable(run.err));
    const Run usb = admin({u"printer"_s, u"test"_s, u"usb://ffff:0000"_s});
    QCOMPARE(usb.exitCode, 1);
    QVERIFY2(usb.err.contains(u"No USB printer ffff:0000"_s), qPrintable(usb.err));
}

void TestPrinterTest::badUri()
{
    const Run run = admin({u"printer"_s, u"test"_s, u"lpt1"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"is not a printer address"_s), qPrintable(run.err));
    // A logo that is not an image is said before anything is sent.
    QTemporaryDir dir;
    const QString notImage = dir.filePath(u"logo.png"_s);
    QFile file(notImage);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("sku,name\n") > 0);
    file.close();
    const Run logo =
        admin({u"printer"_s, u"test"_s, u"--logo"_s, notImage, u"tcp://127.0.0.1:9"_s});
    QCOMPARE(logo.exitCode, 2);
    QVERIFY2(logo.err.contains(u"The logo %1 cannot be read"_s.arg(notImage)),
             qPrintable(logo.err));
}

QTEST_MAIN(TestPrinterTest)
#include "tst_printertest.moc"
