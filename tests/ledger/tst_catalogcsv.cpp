#include "ledger/catalogcsv.h"

#include "testsupport.h"

#include <QBuffer>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

// What a reader makes of a whole file: the good rows before it stopped, and why it stopped.
struct Read {
    bool header = false;
    QList<CatalogRow> rows;
    QString error;
    qint64 line = 0;
};

Read readAll(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CatalogCsvReader reader(&buffer);
    Read read;
    read.header = reader.readHeader();
    CatalogRow row;
    while (read.header && reader.next(&row))
        read.rows << row;
    read.error = reader.error();
    read.line = reader.line();
    return read;
}

// A file with the header and these rows, one per line.
QByteArray catalogFile(const QStringList &rows)
{
    return (QStringList{catalogCsvHeader()} + rows).join(u'\n').toUtf8() + '\n';
}

const QString cola = u"DR0001,6928804995534,可口可乐,Coca-Cola,drinks,300,1300,unit,"_s;

} // namespace

class TestCatalogCsv : public QObject {
    Q_OBJECT

private slots:
    void header_data();
    void header();
    void validRows();
    void badRow_data();
    void badRow();
    void lineNumbersCountBlankAndContinuedLines();
    void malformedCsvStopsReading();
};

void TestCatalogCsv::header_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("accepted");
    const QByteArray header = catalogCsvHeader().toUtf8();
    QTest::newRow("header only") << header + '\n' << true;
    QTest::newRow("BOM and CRLF") << "\xEF\xBB\xBF" + header + "\r\n" << true;
    QTest::newRow("empty file") << QByteArray() << false;
    QTest::newRow("extra column") << header + ",stock\n" << false;
    QTest::newRow("columns reordered")
        << "barcodes,sku,name_zh,name_en,category,price_fen,tax_rate_bp,sold_by,plu\n"_ba << false;
    QTest::newRow("data first") << cola.toUtf8() + '\n' << false;
}

void TestCatalogCsv::header()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, accepted);
    const Read read = readAll(bytes);
    QCOMPARE(read.header, accepted);
    QVERIFY(read.rows.isEmpty());
    if (accepted) {
        QCOMPARE(read.error, QString());
    } else {
        QCOMPARE(read.line, 1);
        QCOMPARE(read.error, u"the first line must be the header: "_s + catalogCsvHeader());
    }
}

void TestCatalogCsv::validRows()
{
    const Read read = readAll(catalogFile({
        cola,
        // Spaces around fields, two barcodes of which one UPC-A, a PLU on a unit product.
        u" SN0007 , 038000617607|69024474 ,  品客 , Pringles , snacks , 1290 , 1300 , unit , 42 "_s,
        // Weighed: a PLU, no barcode, one name only.
        u"FR0011,,香蕉,,fresh,599,900,weight,10001"_s,
    }));
    QVERIFY(read.header);
    QCOMPARE(read.error, QString());
    QCOMPARE(read.rows.size(), 3);

    const Product &first = read.rows[0].product;
    QCOMPARE(first.id, 0);
    QCOMPARE(first.sku, u"DR0001"_s);
    QCOMPARE(first.nameZh, u"可口可乐"_s);
    QCOMPARE(first.nameEn, u"Coca-Cola"_s);
    QCOMPARE(first.category, u"drinks"_s);
    QCOMPARE(first.price, Money::fromFen(300));
    QCOMPARE(first.taxRateBp, 1300);
    QCOMPARE(first.soldBy, SoldBy::Unit);
    QCOMPARE(first.plu, QString());
    QCOMPARE(read.rows[0].codes, QStringList{u"6928804995534"_s});

    const Product &trimmed = read.rows[1].product;
    QCOMPARE(trimmed.sku, u"SN0007"_s);
    QCOMPARE(trimmed.nameZh, u"品客"_s);
    QCOMPARE(trimmed.nameEn, u"Pringles"_s);
    QCOMPARE(trimmed.price, Money::fromFen(1290));
    QCOMPARE(trimmed.plu, u"42"_s);
    // UPC-A is kept as its GTIN-13; EAN-8 stays 8 digits.
    QCOMPARE(read.rows[1].codes, (QStringList{u"0038000617607"_s, u"69024474"_s}));

    const Product &banana = read.rows[2].product;
    QCOMPARE(banana.soldBy, SoldBy::Weight);
    QCOMPARE(banana.plu, u"10001"_s);
    QCOMPARE(banana.nameEn, QString());
    QCOMPARE(banana.taxRateBp, 900);
    QVERIFY(read.rows[2].codes.isEmpty());
}

void TestCatalogCsv::badRow_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("reason"); // the whole message

    QTest::newRow("fields") << u"A1,6901234567892,甲,A,x,100,1300,unit"_s
                            << u"expected 9 fields, found 8"_s;
    QTest::newRow("sku") << u"  ,6901234567892,甲,A,x,100,1300,unit,"_s << u"the SKU is empty"_s;
    QTest::newRow("check digit")
        << u"A1,6901234567893,甲,A,x,100,1300,unit,"_s
        << u"barcode \"6901234567893\" is not a valid EAN-13, EAN-8 or UPC-A"_s;
    QTest::newRow("in-store barcode")
        << u"A1,2210001005005,甲,A,x,100,1300,unit,"_s
        << u"barcode 2210001005005 is in the in-store range (prefix 2) kept for scale labels"_s;
    QTest::newRow("name") << u"A1,6901234567892, , ,x,100,1300,unit,"_s
                          << u"the product has no name"_s;
    QTest::newRow("category") << u"A1,6901234567892,甲,A,,100,1300,unit,"_s
                              << u"the category is empty"_s;
    QTest::newRow("price") << u"A1,6901234567892,甲,A,x, 1.5,1300,unit,"_s
                           << u"price_fen \"1.5\" is not a whole number of fen: the column is in "
                              u"fen, so ¥1.50 is 150"_s;
    QTest::newRow("tax rate") << u"A1,6901234567892,甲,A,x,100,-1,unit,"_s
                              << u"tax_rate_bp \"-1\" is not between 0 and 3000 (basis points: 13 % "
                                 u"is 1300)"_s;
    QTest::newRow("sold by") << u"A1,6901234567892,甲,A,x,100,1300, Unit ,"_s
                             << u"sold_by \"Unit\" is neither unit nor weight"_s;
    QTest::newRow("plu") << u"A1,6901234567892,甲,A,x,100,1300,unit,1234567"_s
                         << u"plu 1234567 has 7 digits, but the scale labels carry 5 "
                            u"(scanner/variable_layouts in smartpos.ini)"_s;
    QTest::newRow("weighed without plu") << u"A1,,甲,A,x,100,900,weight,"_s
                                         << u"a product sold by weight needs a PLU for scale "
                                            u"labels"_s;
    QTest::newRow("unit without barcode")
        << u"A1,,甲,A,x,100,1300,unit,"_s << u"a product sold by unit needs at least one barcode"_s;
    QTest::newRow("sku twice") << u"DR0001,6901234567892,甲,A,x,100,1300,unit,"_s
                               << u"SKU DR0001 appears twice in the file"_s;
    QTest::newRow("barcode twice") << u"A1,6928804995534,甲,A,x,100,1300,unit,"_s
                                   << u"barcode 6928804995534 appears twice in the file"_s;
    QTest::newRow("barcode twice in its row")
        << u"A1,6901234567892|6901234567892,甲,A,x,100,1300,unit,"_s
        << u"barcode 6901234567892 appears twice in the file"_s;
    QTest::newRow("UPC-A and its GTIN-13")
        << u"A1,038000617607|0038000617607,甲,A,x,100,1300,unit,"_s
        << u"barcode 0038000617607 appears twice in the file"_s;
    QTest::newRow("plu twice") << u"A1,,甲,A,x,100,900,weight,10001"_s
                               << u"PLU 10001 appears twice in the file"_s;
}

void TestCatalogCsv::badRow()
{
    QFETCH(QString, row);
    QFETCH(QString, reason);
    // Two good rows (line 2 and 3), the bad one on line 4, and a good one the reader never reaches.
    const Read read =
        readAll(catalogFile({cola, u"FR0011,,香蕉,Bananas,fresh,599,900,weight,10001"_s, row,
                             u"Z1,6901234567885,乙,B,x,100,1300,unit,"_s}));
    QCOMPARE(read.error, reason);
    QCOMPARE(read.line, 4);
    QCOMPARE(read.rows.size(), 2);
}

void TestCatalogCsv::lineNumbersCountBlankAndContinuedLines()
{
    const Read read = readAll(catalogFile({
        u""_s,                                                   // line 2
        u"A1,\"6901234567892|\n6901234567861\",甲,A,x,100,1300,unit,"_s, // lines 3-4
        u"   "_s,                                                // line 5
        u"A2,6901234567885,乙,B,x,100,1300,unit,"_s,             // line 6
        u"A3,6901234567877,丙,C,x,100,1300,unit,"_s,             // line 7: bad check digit
    }));
    QCOMPARE(read.rows.size(), 2);
    QCOMPARE(read.rows[0].codes, (QStringList{u"6901234567892"_s, u"6901234567861"_s}));
    QCOMPARE(read.line, 7);
    QVERIFY2(read.error.contains(u"6901234567877"_s), qPrintable(read.error));
}

void TestCatalogCsv::malformedCsvStopsReading()
{
    const Read read = readAll(catalogFile({cola, u"A1,6901234567892,\"甲,A,x,100,1300,unit,"_s,
                                           u"A2,6901234567885,乙,B,x,100,1300,unit,"_s}));
    QCOMPARE(read.rows.size(), 1);
    QCOMPARE(read.line, 3);
    QCOMPARE(read.error, u"a quoted field is never closed"_s);
}

QTEST_GUILESS_MAIN(TestCatalogCsv)
#include "tst_catalogcsv.moc"
