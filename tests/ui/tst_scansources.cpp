// Every scanner feeds the checkout the same way, in the real till (TillApp): the keyboard wedge,
// a serial scanner on a socat pty pair and camera frames all add to one cart and get the same
// answers; a serial scanner pulled out shows on the cashier window until it is back; the pole
// display (another pty pair) follows the sale in English and, on a Chinese display, in Chinese;
// F4 opens the camera view, which says so when there is no camera.
#include "barcodeimages.h"
#include "camera/camerascanner.h"
#include "ledger/catalogstore.h"
#include "services/salesession.h"
#include "socatpair.h"
#include "testsupport.h"
#include "tillapp.h"
#include "ui/devicecontroller.h"
#include "ui/language.h"

#include <QDir>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace smartpos;
using namespace smartpos::testing;
using namespace Qt::StringLiterals;

namespace {
const QString cola = u"6928804995534"_s; // 可口可乐 330ml 罐装 / Coca-Cola Can 330ml, ¥3.00
} // namespace

class TestScanSources : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QTemporaryDir keys;
    QTemporaryDir scannerPtys;
    QTemporaryDir polePtys;
    std::unique_ptr<SocatPair> scanner;
    std::unique_ptr<SocatPair> pole;
    QByteArray poleBytes; // what the display received
    std::unique_ptr<TillApp> till;

    QQuickWindow *cashierWindow() const { return till->cashierWindow(); }
    const Cart &cart() const { return till->session()->cart(); }
    qint64 units(int line) const { return cart().lines().value(line).quantity; }

    QString text(const QString &objectName) const
    {
        auto *item = cashierWindow()->findChild<QQuickItem *>(objectName);
        return item ? item->property("text").toString() : u"<no %1>"_s.arg(objectName);
    }

    void screenshot(const QString &name)
    {
        const QString shots = qEnvironmentVariable("SMARTPOS_SCREENSHOT_DIR");
        if (shots.isEmpty())
            return;
        QDir().mkpath(shots);
        cashierWindow()->grabWindow().save(shots + u"/cashier-"_s + name + u".png"_s);
    }

    void wedgeScan(const QString &code)
    {
        for (const QChar c : code)
            QTest::keyClick(cashierWindow(), c.toLatin1());
        QTest::keyClick(cashierWindow(), Qt::Key_Return);
    }

    void serialScan(const QByteArray &bytes)
    {
        scanner->device()->write(bytes);
        QVERIFY(scanner->device()->waitForBytesWritten(1000)
                || scanner->device()->bytesToWrite() == 0);
    }

    // One camera frame with an EAN-13 on it, as a 1280×720 NV12 webcam delivers it.
    void cameraShows(const QString &ean13)
    {
        devices::CameraScanner *camera = till->devices()->cameraScanner();
        const qint64 decoded = camera->decodedFrames();
        const QImage picture = onCanvas(barcodeImage(Symbology::Ean13, ean13, 3, 180));
        camera->processFrame(videoFrame(picture, QVideoFrameFormat::Format_NV12));
        QTRY_VERIFY(camera->decodedFrames() > decoded);
    }

    void connectPole()
    {
        connect(pole->device(), &QSerialPort::readyRead, this,
                [this] { poleBytes += pole->device()->readAll(); });
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!SocatPair::executable().isEmpty(), "socat is needed (scripts/setup installs it)");
        CatalogStore catalog;
        QVERIFY_OK(catalog.open(dir.path()));
        QVERIFY(catalog.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"))
                    .ok);
    }

    void init()
    {
        scanner = std::make_unique<SocatPair>(scannerPtys.path());
        pole = std::make_unique<SocatPair>(polePtys.path());
        QVERIFY(scanner->start());
        QVERIFY(pole->start());
        poleBytes.clear();
        connectPole();
        {
            QSettings ini(QDir(dir.path()).filePath(u"smartpos.ini"_s), QSettings::IniFormat);
            ini.setValue(u"scanner/serial"_s,
                         u"serial://%1?baud=9600&terminator=cr"_s.arg(scanner->hostEnd()));
            ini.setValue(u"display/pole"_s,
                         u"serial://%1?baud=9600&encoding=gb18030"_s.arg(pole->hostEnd()));
            ini.setValue(u"store/name"_s, u"SmartPOS 便利店"_s);
        }
        till = std::make_unique<TillApp>();
        QString error;
        QVERIFY2(till->start({dir.path(), keys.path(), u"en"_s, false, {}}, &error),
                 qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(cashierWindow()));
        // The display is greeted once its port is open.
        QTRY_VERIFY2(poleBytes.contains("Welcome"), poleBytes.toHex(' ').constData());
    }

    void cleanup()
    {
        till.reset();
        scanner.reset();
        pole.reset();
    }

    void everySourceAddsTheSameWay()
    {
        wedgeScan(cola);
        QTRY_COMPARE(units(0), 1);
        serialScan(cola.toLatin1() + '\r');
        QTRY_COMPARE(units(0), 2);
        cameraShows(cola);
        QTRY_COMPARE(units(0), 3);
        QCOMPARE(cart().lines().size(), 1);

        // A code held in front of the camera counts once, not once a frame.
        cameraShows(cola);
        cameraShows(cola);
        QCOMPARE(units(0), 3);

        // The same refusal, whichever scanner: an unknown product says so on the cashier window.
        serialScan("6900000000007\r");
        QTRY_VERIFY2(text(u"cashierBanner"_s).contains(u"No product has barcode 6900000000007"_s),
                     qPrintable(text(u"cashierBanner"_s)));
        QCOMPARE(units(0), 3);
        cameraShows(u"6911111111117"_s);
        QTRY_VERIFY2(text(u"cashierBanner"_s).contains(u"No product has barcode 6911111111117"_s),
                     qPrintable(text(u"cashierBanner"_s)));
    }

    void garbledSerialReadIsShownNotAdded()
    {
        serialScan(QByteArray("69288\x07"
                              "04995534\r"));
        QTRY_VERIFY2(text(u"cashierBanner"_s).contains(u"control characters"_s),
                     qPrintable(text(u"cashierBanner"_s)));
        QVERIFY(cart().isEmpty());
        // The next good scan goes through.
        serialScan(cola.toLatin1() + '\r');
        QTRY_COMPARE(units(0), 1);
    }

    void unpluggedScannerShowsUntilItIsBack()
    {
        QCOMPARE(text(u"devicesBanner"_s), QString());
        scanner->kill();
        QTRY_VERIFY_WITH_TIMEOUT(text(u"devicesBanner"_s).startsWith(u"Scanner: "_s), 10000);
        screenshot(u"scanner-unplugged"_s);
        // Sales go on with the other scanners meanwhile.
        wedgeScan(cola);
        QTRY_COMPARE(units(0), 1);
        QVERIFY(scanner->start());
        QTRY_COMPARE_WITH_TIMEOUT(text(u"devicesBanner"_s), QString(), 15000);
        serialScan(cola.toLatin1() + '\r');
        QTRY_COMPARE(units(0), 2);
    }

    void poleDisplayFollowsTheSale()
    {
        poleBytes.clear();
        wedgeScan(cola);
        // ESC Q A (upper line) … CR: the item and its price; ESC Q B (lower line): the total.
        QTRY_VERIFY2(poleBytes.contains("\x1bQACoca-Cola Can"), poleBytes.constData());
        QTRY_VERIFY2(poleBytes.contains("\x1bQBTOTAL"), poleBytes.constData());

        // A Chinese till on a Chinese display: the names and words in GB18030.
        poleBytes.clear();
        till->language()->toggle();
        QStringEncoder gb18030("GB18030");
        const QByteArray chineseName = gb18030.encode(u"可口可乐"_s);
        QTRY_VERIFY2(poleBytes.contains(chineseName), poleBytes.toHex(' ').constData());
        QVERIFY(poleBytes.contains(QByteArray(gb18030.encode(u"合计"_s))));
        till->language()->toggle();
    }

    void cameraViewWithoutACamera()
    {
        auto *panel = cashierWindow()->findChild<QQuickItem *>(u"cameraPanel"_s);
        QVERIFY(panel);
        QVERIFY(!panel->isVisible());
        QTest::keyClick(cashierWindow(), Qt::Key_F4);
        QTRY_VERIFY(panel->isVisible());
        QTRY_COMPARE(
            text(u"cameraMessage"_s),
            u"No camera found. Plug the camera in and press F4 again, or use the scanner."_s);
        screenshot(u"camera"_s);
        // The same in Chinese, the driver's words included.
        till->language()->toggle();
        QTRY_COMPARE(text(u"cameraMessage"_s),
                     u"未找到摄像头。请接好摄像头后再按 F4，或改用扫码枪。"_s);
        screenshot(u"camera-zh"_s);
        till->language()->toggle();
        QTest::keyClick(cashierWindow(), Qt::Key_Escape);
        QTRY_VERIFY(!panel->isVisible());
    }
};

QTEST_MAIN(TestScanSources)
#include "tst_scansources.moc"
