#include "core/barcode.h"
#include "ledger/catalogstore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

// A chain-sized catalog file, generated, imported through the same path as a real one.
class TestCatalogImportLarge : public QObject {
    Q_OBJECT

private slots:
    void import100k();
};

void TestCatalogImportLarge::import100k()
{
    constexpr qint64 rows = 100000;
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"generated.csv"_s);
    QString error;
    QVERIFY2(CatalogStore::writeGeneratedCsv(rows, csv, &error), qPrintable(error));
    QVERIFY(QFileInfo(csv).size() > rows * 50);

    CatalogStore store;
    QVERIFY_OK(store.open(dir.path()));
    QElapsedTimer timer;
    timer.start();
    const ImportReport report = store.importCsv(csv);
    qInfo("imported %lld rows in %lld ms", report.products, timer.elapsed());
    QVERIFY2(report.ok, qPrintable(u"line %1: %2"_s.arg(report.line).arg(report.reason)));
    QCOMPARE(report.products, rows);
    QCOMPARE(report.added.size(), rows);
    QCOMPARE(store.count(), rows);

    // First, last and a middle row are all there with what the generator wrote.
    for (const qint64 i : {qint64(0), qint64(54321), rows - 1}) {
        const QString sku = u"G%1"_s.arg(i, 8, 10, QLatin1Char('0'));
        const auto found = store.search(sku, 5);
        QVERIFY2(!found.isEmpty(), qPrintable(sku));
        QCOMPARE(found.first().sku, sku);
        QCOMPARE(found.first().price.fen, 100 + (i * 7919) % 4900);
        const QString body = u"69%1"_s.arg(i, 10, 10, QLatin1Char('0'));
        const auto byCode = store.findByCode(body + QString::number(checkDigitFor(body)));
        QVERIFY(byCode);
        QCOMPARE(byCode->sku, sku);
    }
    // The name index covers the whole file.
    QCOMPARE(store.search(u"康师傅 矿泉"_s, 20).size(), 20);
    QVERIFY(!store.search(u"Nongfu Yogurt"_s, 5).isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalogImportLarge)
#include "tst_catalogimport_large.moc"
