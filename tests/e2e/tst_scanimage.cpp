// `smartpos-admin scan-image` as a technician uses it to check a camera or a printed code: the
// picture goes through the camera scanner's decoder, and the answer says what the till would do
// (the product it adds, or why not). A payment code is never printed in full.
#include "adminrun.h"
#include "barcodeimages.h"
#include "ledger/catalogstore.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace smartpos::testing;
using namespace Qt::StringLiterals;

class TestScanImage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString dataDir() const { return m_dir.filePath(u"data"_s); }

    // The picture a phone camera would take of `code`, saved as a PNG.
    QString picture(Symbology symbology, const QString &code, const QString &name)
    {
        const qreal module = symbology == Symbology::QrCode ? 6 : 3;
        QImage image = onCanvas(barcodeImage(symbology, code, module, 180), {1280, 720}, 4);
        addNoise(image, 6, 7);
        const QString path = m_dir.filePath(name);
        return image.save(path) ? path : QString();
    }

    AdminRun admin(const QStringList &args) const { return runAdmin(dataDir(), args); }

private slots:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(dataDir()));
        CatalogStore catalog;
        QVERIFY_OK(catalog.open(dataDir()));
        QVERIFY(catalog.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"))
                    .ok);
    }

    void saysWhatTheTillWouldDo_data()
    {
        QTest::addColumn<int>("symbology");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("product")
            << int(Symbology::Ean13) << u"6928804995534"_s
            << u"EAN-13  6928804995534\n  → adds 可口可乐 330ml 罐装 / Coca-Cola "
               "Can 330ml (DR0001): 1 × ¥3.00 = ¥3.00\n"_s;
        QTest::newRow("scale label") << int(Symbology::Ean13) << u"2210001005005"_s
                                     << u"EAN-13  2210001005005\n  → adds 香蕉（称重） / Bananas "
                                        "(per kg) (FR0011): 0.500 kg × ¥11.96/kg = ¥5.98\n"_s;
        QTest::newRow("unknown product")
            << int(Symbology::Ean8) << u"96385074"_s
            << u"EAN-8  96385074\n  → refused: No product has barcode 96385074. Check the code or "
               "add the product to the catalog.\n"_s;
        QTest::newRow("receipt")
            << int(Symbology::QrCode) << u"SPR1.T01.42.abcdefghijklmnop"_s
            << u"QRCode  SPR1.T01.42.abcdefghijklmnop\n  → refused: Returns "
               "are not supported yet: nothing was done with this receipt.\n"_s;
    }

    void saysWhatTheTillWouldDo()
    {
        QFETCH(int, symbology);
        QFETCH(QString, code);
        QFETCH(QString, expected);
        const QString file = picture(Symbology(symbology), code, code + u".png"_s);
        QVERIFY(!file.isEmpty());
        const AdminRun run = admin({u"scan-image"_s, file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, expected);
    }

    void paymentCodeIsMasked()
    {
        const QString wechat = u"134567890123456789"_s;
        const AdminRun run =
            admin({u"scan-image"_s, picture(Symbology::QrCode, wechat, u"pay.png"_s)});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(u"QRCode  1345**********6789\n"_s), qPrintable(run.out));
        QVERIFY(!run.out.contains(wechat) && !run.err.contains(wechat));
    }

    void withoutACatalogItSaysSo()
    {
        QTemporaryDir empty;
        const AdminRun run =
            runAdmin(empty.path(), {u"scan-image"_s,
                                    picture(Symbology::Ean13, u"6928804995534"_s, u"cola.png"_s)});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"there is no catalog in %1"_s.arg(empty.path())));
        QVERIFY(!QFile::exists(QDir(empty.path()).filePath(CatalogStore::fileName())));
    }

    void noCodeAndNoPicture()
    {
        QImage blank(640, 480, QImage::Format_Grayscale8);
        blank.fill(200);
        const QString blankFile = m_dir.filePath(u"blank.png"_s);
        QVERIFY(blank.save(blankFile));
        const AdminRun none = admin({u"scan-image"_s, blankFile});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(u"No barcode or QR code found in %1 (640×480)"_s.arg(blankFile)),
                 qPrintable(none.err));

        const QString csv = m_dir.filePath(u"catalog.png"_s);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("sku,name\n") > 0);
        file.close();
        const AdminRun notPicture = admin({u"scan-image"_s, csv});
        QCOMPARE(notPicture.exitCode, 1);
        QVERIFY2(notPicture.err.contains(u"%1 cannot be read as an image"_s.arg(csv)),
                 qPrintable(notPicture.err));
    }
};

QTEST_MAIN(TestScanImage)
#include "tst_scanimage.moc"
