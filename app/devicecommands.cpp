#include "devicecommands.h"

#include "camera/barcodedecoder.h"
#include "ledger/catalogstore.h"
#include "printer/logo.h"
#include "printer/testpage.h"
#include "services/appdata.h"
#include "services/scanresolver.h"
#include "transport/printerlink.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QImageReader>
#include <QTimer>

namespace smartpos::admin {

namespace {

int devicesList(const Invocation &)
{
    QString error;
    const QList<devices::UsbPrinterInfo> printers = devices::listUsbPrinters(&error);
    if (!error.isEmpty())
        print(QStringLiteral("USB printers: cannot list them: %1").arg(error));
    else if (printers.isEmpty())
        print(QStringLiteral("USB printers: none"));
    else
        print(QStringLiteral("USB printers:"));
    for (const auto &p : printers)
        print(QStringLiteral("  %1  %2 %3 (bus %4, device %5)")
                  .arg(p.uri, p.manufacturer, p.product)
                  .arg(p.bus)
                  .arg(p.address));
    const QList<devices::SerialPortInfo> ports = devices::listSerialPorts();
    print(ports.isEmpty() ? QStringLiteral("Serial ports: none") : QStringLiteral("Serial ports:"));
    for (const auto &port : ports)
        print(QStringLiteral("  %1  %2 %3").arg(port.uri, port.description, port.manufacturer));
    return Done;
}

int printerTest(const Invocation &invocation)
{
    const QString uri = invocation.arguments.first();
    qint64 width = 80;
    if (!invocation.number(QStringLiteral("width"), 58, 80, 80, &width))
        return Usage;
    if (width != 58 && width != 80)
        return usage(QStringLiteral("--width: 58 or 80 (mm)"), invocation.command);
    QString error;
    const std::unique_ptr<devices::PrinterLink> printer = devices::PrinterLink::create(uri, &error);
    if (!printer)
        return usage(error, invocation.command);
    const escpos::PrinterProfile profile =
        width == 58 ? escpos::PrinterProfile::mm58() : escpos::PrinterProfile::mm80();
    escpos::MonoBitmap logo;
    if (invocation.isSet(QStringLiteral("logo"))) {
        auto loaded =
            escpos::logoFromFile(invocation.value(QStringLiteral("logo")), profile, &error);
        if (!loaded)
            return usage(error, invocation.command);
        logo = *loaded;
    }

    // Waits for the printer in an event loop: the link itself never blocks.
    QEventLoop loop;
    QString failure;
    bool sent = false;
    QObject::connect(printer.get(), &devices::PrinterLink::stateChanged, &loop,
                     [&](devices::PrinterLink::State state, const QString &message) {
                         if (state == devices::PrinterLink::State::Ready && !sent) {
                             sent = true;
                             printer->send(1, escpos::testPage(profile, printer->uri(), logo));
                         } else if (state == devices::PrinterLink::State::Unavailable && !sent) {
                             failure = message;
                             loop.quit();
                         }
                     });
    QObject::connect(printer.get(), &devices::PrinterLink::written, &loop, [&] { loop.quit(); });
    QObject::connect(printer.get(), &devices::PrinterLink::failed, &loop,
                     [&](qint64, const QString &message) {
                         failure = message;
                         loop.quit();
                     });
    QTimer::singleShot(15'000, &loop, [&] {
        failure = QStringLiteral("no answer from %1 within 15 s").arg(printer->uri());
        loop.quit();
    });
    printer->open();
    loop.exec();
    printer->close();
    if (!failure.isEmpty())
        return fail(QStringLiteral("The test page was not printed: %1").arg(failure));
    print(QStringLiteral("test page sent to %1 (%2 mm)").arg(printer->uri()).arg(width));
    return Done;
}

// What the checkout does with an item: which product, how much of it, for how much.
QString describeItem(const ScanItem &item)
{
    const Product &product = item.product;
    const CartLine line{product, item.code, item.grams.value_or(1), item.labelPrice};
    const auto amount = line.checkedTotal();
    const QString total = amount ? u'¥' + amount->toString() : QStringLiteral("(too much)");
    QString quantity;
    if (item.labelPrice && !product.isWeighed())
        quantity = QStringLiteral("1, label price");
    else if (product.isWeighed())
        quantity = QStringLiteral("%1 kg × ¥%2/kg")
                       .arg(QString::number(double(line.quantity) / 1000.0, 'f', 3),
                            product.price.toString());
    else
        quantity = QStringLiteral("1 × ¥%1").arg(product.price.toString());
    return QStringLiteral("adds %1 / %2 (%3): %4 = %5")
        .arg(product.nameZh, product.nameEn, product.sku, quantity, total);
}

int scanImage(const Invocation &invocation)
{
    const QString file = invocation.arguments.first();
    QImageReader reader(file);
    const QImage image = reader.read();
    if (image.isNull())
        return fail(
            QStringLiteral("%1 cannot be read as an image: %2").arg(file, reader.errorString()));

    // The camera's path: the picture's luminance, then the decoder the camera worker uses.
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const QList<devices::DecodedBarcode> codes = devices::BarcodeDecoder().decode(
        gray.constBits(), gray.width(), gray.height(), gray.bytesPerLine());
    if (codes.isEmpty())
        return fail(QStringLiteral("No barcode or QR code found in %1 (%2×%3).")
                        .arg(file)
                        .arg(image.width())
                        .arg(image.height()));

    // What the till would do: the catalog of the data folder, if it has one, read only.
    const bool hasCatalog =
        QFileInfo::exists(QDir(invocation.dataDir).filePath(CatalogStore::fileName()));
    CatalogStore catalog;
    if (hasCatalog) {
        if (const Status opened = catalog.open(invocation.dataDir); !opened)
            return fail(opened.error().message);
    }
    const ScanResolver resolver(catalog, AppConfig::load(invocation.dataDir).rules.layouts);
    for (const devices::DecodedBarcode &code : codes) {
        const ClassifiedCode classified = resolver.classify(code.text);
        // Payment codes and other long digit runs only ever shown masked.
        print(QStringLiteral("%1  %2").arg(code.format, classified.displayText));
        const bool needsCatalog =
            classified.kind == CodeKind::Product || classified.kind == CodeKind::ScaleLabel;
        if (needsCatalog && !hasCatalog) {
            print(QStringLiteral("  → a product code; there is no catalog in %1 to look it up")
                      .arg(invocation.dataDir));
            continue;
        }
        if (classified.kind == CodeKind::Member || classified.kind == CodeKind::Coupon) {
            print(QStringLiteral("  → a %1 code; smartpos-admin codes verify --image %2 checks it")
                      .arg(classified.kind == CodeKind::Member ? QStringLiteral("member")
                                                               : QStringLiteral("coupon"),
                           file));
            continue;
        }
        const Result<ScanItem> item = resolver.resolve(classified);
        print(QStringLiteral("  → %1").arg(
            item ? describeItem(*item) : QStringLiteral("refused: ") + item.error().message));
    }
    return Done;
}

} // namespace

QList<Command> deviceCommands()
{
    return {
        {{QStringLiteral("devices"), QStringLiteral("list")},
         {},
         QStringLiteral("USB printers and serial ports this till can see, with their URIs"),
         QStringLiteral("Lists the USB devices with a printer-class interface (through libusb) "
                        "and the serial ports, each with the URI to put in smartpos.ini "
                        "(printer/uri). Reads only; needs no data folder."),
         {},
         {},
         devicesList},
        {{QStringLiteral("printer"), QStringLiteral("test")},
         QStringLiteral("[--width 58|80] [--logo FILE] URI"),
         QStringLiteral("print a test page (Chinese, English, QR, EAN-13, image, cut)"),
         QStringLiteral("Prints a test page on the printer at URI (usb://VID:PID[/SERIAL], "
                        "serial:///dev/ttyUSB0?baud=115200&flow=rtscts, tcp://HOST:9100, "
                        "file:///dev/usb/lp0): text in Chinese and English, styles, columns, an "
                        "EAN-13, a QR code, an image and a cut. Exits 1 with the reason when the "
                        "printer cannot be reached or does not take the page within 15 s."),
         {{QStringLiteral("width"), QStringLiteral("MM"),
           QStringLiteral("paper width: 58 (32 columns) or 80 (48 columns, default)")},
          {QStringLiteral("logo"), QStringLiteral("FILE"),
           QStringLiteral("print this image (receipt/logo in smartpos.ini) instead of the test "
                          "pattern, as receipts will")}},
         {QStringLiteral("URI")},
         printerTest},
        {{QStringLiteral("scan-image")},
         QStringLiteral("FILE"),
         QStringLiteral("decode the code in a picture as the camera scanner would"),
         QStringLiteral("Reads the QR code, EAN-13, EAN-8 or CODE128 in the picture FILE through "
                        "the camera scanner's decoder (one code a picture, as the camera reads "
                        "them) and prints it with what the till would do with it: the product it "
                        "adds (from the data folder's catalog, read only) or why it is refused. "
                        "Payment codes are shown masked. Exits 1 when the file is not a picture "
                        "or holds no code."),
         {},
         {QStringLiteral("FILE")},
         scanImage},
    };
}

} // namespace smartpos::admin
