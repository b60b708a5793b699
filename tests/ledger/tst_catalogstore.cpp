#include "ledger/catalogstore.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include "testsupport.h"

#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString demoCatalogPath()
{
    return QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv");
}

// The demo catalog's lines; it has no field spanning lines, so a line is a row.
QStringList demoLines()
{
    QFile file(demoCatalogPath());
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the demo catalog");
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return lines;
}

bool writeFile(const QString &path, const QStringList &lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QByteArray bytes = lines.join(u'\n').toUtf8() + '\n';
    return file.write(bytes) == bytes.size();
}

QStringList skus(const QList<Product> &products)
{
    QStringList result;
    for (const auto &p : products)
        result << p.sku;
    return result;
}

QSet<QString> skuSet(const QList<Product> &products)
{
    const QStringList list = skus(products);
    return QSet<QString>(list.begin(), list.end());
}

// A catalog in a temporary folder with the demo catalog imported.
struct DemoCatalog {
    QTemporaryDir dir;
    CatalogStore store;
    ImportReport report;
    QString error;
    bool opened = false;

    DemoCatalog()
    {
        const Status status = store.open(dir.path());
        opened = status.ok();
        if (!opened)
            error = status.error().message;
        if (opened)
            report = store.importCsv(demoCatalogPath());
    }
};
} // namespace

class TestCatalogStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void emptyCatalog();
    void importDemoCatalog();
    void lookups();
    void upcaStoredAsGtin13();
    void fileMode();
    void reopenKeepsCatalog();
    void badRowRejectsWholeFile_data();
    void badRowRejectsWholeFile();
    void badHeader();
    void missingFile();
    void reimportUpdatesPrice();
    void reimportSameFileAddsNothing();
    void blankLinesSkipped();
    void search_data();
    void search();
    void searchByCode_data();
    void searchByCode();
    void searchLimitAndOddInput();
    void searchTermsAndQuery();

private:
    int m_demoRows = 0;
};

void TestCatalogStore::initTestCase()
{
    const QStringList lines = demoLines();
    QCOMPARE(lines.first(), CatalogStore::csvHeader());
    m_demoRows = int(lines.size() - 1);
    QVERIFY(m_demoRows > 300);
}

void TestCatalogStore::emptyCatalog()
{
    QTemporaryDir dir;
    CatalogStore store;
    QVERIFY_OK(store.open(dir.path()));
    QVERIFY(store.isOpen());
    QCOMPARE(store.count(), 0);
    QVERIFY(!store.findByCode(u"6928804995534"_s));
    QVERIFY(store.search(u"可乐"_s, 10).isEmpty());
}

void TestCatalogStore::importDemoCatalog()
{
    DemoCatalog c;
    QVERIFY2(c.opened, qPrintable(c.error));
    QVERIFY2(c.report.ok, qPrintable(c.report.reason));
    QCOMPARE(c.report.products, m_demoRows);
    QCOMPARE(c.report.added.size(), m_demoRows);
    QCOMPARE(c.store.count(), m_demoRows);
}

void TestCatalogStore::lookups()
{
    DemoCatalog c;
    QVERIFY2(c.report.ok, qPrintable(c.report.reason));

    const auto cola = c.store.findByCode(u"6928804995534"_s);
    QVERIFY(cola);
    QCOMPARE(cola->sku, u"DR0001"_s);
    QCOMPARE(cola->nameZh, u"可口可乐 330ml 罐装"_s);
    QCOMPARE(cola->nameEn, u"Coca-Cola Can 330ml"_s);
    QCOMPARE(cola->category, u"drinks"_s);
    QCOMPARE(cola->price, Money::fromFen(300));
    QCOMPARE(cola->taxRateBp, 1300);
    QCOMPARE(cola->soldBy, SoldBy::Unit);
    QVERIFY(cola->plu.isEmpty());

    // The second barcode of the same product.
    const auto again = c.store.findByCode(u"6928804486339"_s);
    QVERIFY(again);
    QCOMPARE(again->id, cola->id);

    // By id.
    const auto byId = c.store.findById(cola->id);
    QVERIFY(byId);
    QCOMPARE(byId->sku, u"DR0001"_s);
    QVERIFY(!c.store.findById(-1));

    // EAN-8 stays 8 digits.
    const auto fish = c.store.findByCode(u"69024474"_s);
    QVERIFY(fish);
    QCOMPARE(fish->sku, u"SN0038"_s);

    // A quoted name with a comma.
    const auto dumplings = c.store.findByCode(u"6900593594808"_s);
    QVERIFY(dumplings);
    QCOMPARE(dumplings->nameEn, u"Synear Dumplings, Three Delicacies 480g"_s);

    // A weighed product by its scale PLU.
    const auto bananas = c.store.findByPlu(u"10001"_s);
    QVERIFY(bananas);
    QCOMPARE(bananas->sku, u"FR0011"_s);
    QCOMPARE(bananas->soldBy, SoldBy::Weight);
    QCOMPARE(bananas->price, Money::fromFen(1196));
    QCOMPARE(bananas->taxRateBp, 900);
    QCOMPARE(bananas->nameEn, u"Bananas (per kg)"_s);

    QVERIFY(!c.store.findByCode(u"6901234567892"_s));
    QVERIFY(!c.store.findByPlu(u"99999"_s));
}

void TestCatalogStore::upcaStoredAsGtin13()
{
    DemoCatalog c;
    QVERIFY2(c.report.ok, qPrintable(c.report.reason));
    // The file has the 12-digit UPC-A; the catalog keys it by its GTIN-13.
    const auto monster = c.store.findByCode(u"0070847960119"_s);
    QVERIFY(monster);
    QCOMPARE(monster->sku, u"DR0049"_s);
    QCOMPARE(monster->price, Money::fromFen(650));
    QVERIFY(!c.store.findByCode(u"070847960119"_s));
    const auto pringles = c.store.findByCode(u"0038000617607"_s);
    QVERIFY(pringles);
    QCOMPARE(pringles->sku, u"SN0007"_s);
}

void TestCatalogStore::fileMode()
{
    DemoCatalog c;
    QVERIFY2(c.opened, qPrintable(c.error));
    const QString path = c.dir.filePath(CatalogStore::fileName());
    QVERIFY(QFile::exists(path));
    const auto mode = QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser
                                                   | QFileDevice::ExeUser);
    QCOMPARE(mode, ownerOnly);
}

void TestCatalogStore::reopenKeepsCatalog()
{
    QTemporaryDir dir;
    {
        CatalogStore store;
        QVERIFY_OK(store.open(dir.path()));
        QVERIFY(store.importCsv(demoCatalogPath()).ok);
    }
    CatalogStore store;
    QVERIFY_OK(store.open(dir.path()));
    QCOMPARE(store.count(), m_demoRows);
    QVERIFY(store.findByCode(u"6928804995534"_s));
    QCOMPARE(skuSet(store.search(u"可乐"_s, 20)).size(), 7);
}

void TestCatalogStore::badRowRejectsWholeFile_data()
{
    QTest::addColumn<QString>("badRow");
    QTest::addColumn<QString>("reason"); // a piece of the expected reason

    QTest::newRow("bad check digit")
        << u"BAD0001,6901234567893,坏码,Bad Check,drinks,100,1300,unit,"_s
        << u"6901234567893"_s;
    QTest::newRow("duplicate sku")
        << u"DR0002,6901234567892,重复,Duplicate,drinks,100,1300,unit,"_s << u"DR0002"_s;
    QTest::newRow("missing field")
        << u"MISS001,6901234567892,缺字段,Missing Field,drinks,100,1300,unit"_s
        << u"expected 9 fields, found 8"_s;
    QTest::newRow("extra field")
        << u"EXTRA001,6901234567892,多字段,Extra Field,drinks,100,1300,unit,,x"_s
        << u"expected 9 fields, found 10"_s;
    QTest::newRow("empty sku") << u",6901234567892,无编号,No SKU,drinks,100,1300,unit,"_s
                               << u"SKU is empty"_s;
    QTest::newRow("duplicate barcode in file")
        << u"DUP0001,6928804608014,重复条码,Duplicate Code,drinks,100,1300,unit,"_s
        << u"6928804608014"_s;
    QTest::newRow("in-store prefix")
        << u"STORE001,2210001005005,店内码,In-store,drinks,100,1300,unit,"_s << u"prefix 2"_s;
    QTest::newRow("price not a number")
        << u"PRICE001,6901234567892,价格,Price,drinks,1.50,1300,unit,"_s << u"1.50"_s;
    QTest::newRow("negative price")
        << u"PRICE002,6901234567892,价格,Price,drinks,-100,1300,unit,"_s << u"-100"_s;
    QTest::newRow("tax rate out of range")
        << u"TAX001,6901234567892,税率,Tax,drinks,100,13000,unit,"_s << u"13000"_s;
    QTest::newRow("unknown sold_by")
        << u"SOLD001,6901234567892,单位,Sold By,drinks,100,1300,box,"_s << u"box"_s;
    QTest::newRow("weighed without PLU")
        << u"WEIGH001,,称重,Weighed,fresh,1000,900,weight,"_s << u"PLU"_s;
    QTest::newRow("unit without barcode") << u"UNIT001,,无码,No Code,drinks,100,1300,unit,"_s
                                          << u"barcode"_s;
    QTest::newRow("no name") << u"NAME001,6901234567892,,,drinks,100,1300,unit,"_s
                             << u"no name"_s;
    // Only the database knows this one: the PLU of bananas, which the file does not touch.
    QTest::newRow("PLU of a product outside the file")
        << u"PLU001,,香蕉2,Bananas 2,fresh,1000,900,weight,10001"_s << u"10001"_s;
    QTest::newRow("quote never closed")
        << u"QUOTE001,6901234567892,\"引号,Quote,drinks,100,1300,unit,"_s << u"quote"_s;
}

void TestCatalogStore::badRowRejectsWholeFile()
{
    QFETCH(QString, badRow);
    QFETCH(QString, reason);
    DemoCatalog c;
    QVERIFY2(c.report.ok, qPrintable(c.report.reason));
    const qint64 before = c.store.count();

    // Header, 49 demo rows (DR0001 with a new price), a new product, the bad row on line 52,
    // then 50 more rows.
    const QStringList demo = demoLines();
    QStringList lines = demo.mid(0, 50);
    QVERIFY(lines[1].startsWith(u"DR0001,"_s));
    lines[1].replace(u",300,1300,"_s, u",999,1300,"_s);
    lines << u"NEW0001,6901234567892,新商品,Brand New Thing,drinks,1234,1300,unit,"_s;
    lines << badRow;
    const int badLine = int(lines.size());
    QCOMPARE(badLine, 52);
    lines << demo.mid(50, 50);
    const QString path = c.dir.filePath(u"bad.csv"_s);
    QVERIFY(writeFile(path, lines));

    const ImportReport report = c.store.importCsv(path);
    QVERIFY(!report.ok);
    QCOMPARE(report.line, badLine);
    QVERIFY2(report.reason.contains(reason), qPrintable(report.reason));
    QCOMPARE(report.products, 0);

    // Nothing of the file reached the catalog.
    QCOMPARE(c.store.count(), before);
    const auto cola = c.store.findByCode(u"6928804995534"_s);
    QVERIFY(cola);
    QCOMPARE(cola->price, Money::fromFen(300));
    QVERIFY(!c.store.findByCode(u"6901234567892"_s));
    QVERIFY(c.store.search(u"Brand New"_s, 10).isEmpty());
    QVERIFY(c.store.search(u"新商品"_s, 10).isEmpty());
    QCOMPARE(c.store.findByPlu(u"10001"_s)->sku, u"FR0011"_s);

    // And the store still works: a good import afterwards goes through.
    lines.removeAt(badLine - 1);
    QVERIFY(writeFile(path, lines));
    const ImportReport good = c.store.importCsv(path);
    QVERIFY2(good.ok, qPrintable(good.reason));
    QCOMPARE(good.added.size(), 1);
    QCOMPARE(c.store.count(), before + 1);
    QCOMPARE(c.store.findByCode(u"6928804995534"_s)->price, Money::fromFen(999));
    QCOMPARE(skus(c.store.search(u"Brand New"_s, 10)), QStringList{u"NEW0001"_s});
}

void TestCatalogStore::badHeader()
{
    DemoCatalog c;
    const QString path = c.dir.filePath(u"noheader.csv"_s);
    QVERIFY(writeFile(path, demoLines().mid(1, 5)));
    const ImportReport report = c.store.importCsv(path);
    QVERIFY(!report.ok);
    QCOMPARE(report.line, 1);
    QVERIFY2(report.reason.contains(CatalogStore::csvHeader()), qPrintable(report.reason));
    QCOMPARE(c.store.count(), m_demoRows);
}

void TestCatalogStore::missingFile()
{
    DemoCatalog c;
    const QString path = c.dir.filePath(u"nothing-here.csv"_s);
    const ImportReport report = c.store.importCsv(path);
    QVERIFY(!report.ok);
    QVERIFY2(report.reason.contains(path), qPrintable(report.reason));
    QCOMPARE(c.store.count(), m_demoRows);
}

void TestCatalogStore::reimportUpdatesPrice()
{
    DemoCatalog c;
    QVERIFY2(c.report.ok, qPrintable(c.report.reason));
    const qint64 id = c.store.findByCode(u"6928804995534"_s)->id;
    // New price and name; the second barcode is dropped.
    const QString path = c.dir.filePath(u"update.csv"_s);
    QVERIFY(writeFile(path, {CatalogStore::csvHeader(),
                             u"DR0001,6928804995534,可口可乐 330ml 罐装 新,Coca-Cola Can 330ml "
                             u"New,drinks,320,1300,unit,"_s}));
    const ImportReport report = c.store.importCsv(path);
    QVERIFY2(report.ok, qPrintable(report.reason));
    QCOMPARE(report.products, 1);
    QVERIFY(report.added.isEmpty());
    QCOMPARE(c.store.count(), m_demoRows);

    const auto cola = c.store.findByCode(u"6928804995534"_s);
    QVERIFY(cola);
    QCOMPARE(cola->id, id);
    QCOMPARE(cola->price, Money::fromFen(320));
    QCOMPARE(cola->nameEn, u"Coca-Cola Can 330ml New"_s);
    QVERIFY(!c.store.findByCode(u"6928804486339"_s));
    // The search index follows: one entry per product, with the new name.
    const auto found = c.store.search(u"Coca-Cola Can"_s, 10);
    QCOMPARE(skus(found), QStringList{u"DR0001"_s});
    QCOMPARE(found.first().price, Money::fromFen(320));
    QCOMPARE(skus(c.store.search(u"330ml new"_s, 10)), QStringList{u"DR0001"_s});
    QCOMPARE(skus(c.store.search(u"罐装 新"_s, 10)), QStringList{u"DR0001"_s});
}

void TestCatalogStore::reimportSameFileAddsNothing()
{
    DemoCatalog c;
    QVERIFY2(c.report.ok, qPrintable(c.report.reason));
    const ImportReport again = c.store.importCsv(demoCatalogPath());
    QVERIFY2(again.ok, qPrintable(again.reason));
    QCOMPARE(again.products, m_demoRows);
    QVERIFY(again.added.isEmpty());
    QCOMPARE(c.store.count(), m_demoRows);
    QCOMPARE(skuSet(c.store.search(u"可乐"_s, 50)).size(), 7);
    QCOMPARE(c.store.search(u"可乐"_s, 50).size(), 7);
}

void TestCatalogStore::blankLinesSkipped()
{
    QTemporaryDir dir;
    CatalogStore store;
    QVERIFY_OK(store.open(dir.path()));
    const QString path = dir.filePath(u"blank.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // BOM, CRLF, a blank line, and a bad row after it: its line number counts the blank line.
    file.write("\xEF\xBB\xBF" + CatalogStore::csvHeader().toUtf8()
               + "\r\nA1,6928804995534,甲,A,x,100,1300,unit,\r\n\r\n"
                 "A2,6928804608014,乙,B,x,100,1300,unit,\r\nA3,1,丙,C,x,1,1300,unit,\r\n");
    file.close();
    const ImportReport report = store.importCsv(path);
    QVERIFY(!report.ok);
    QCOMPARE(report.line, 5);
    QCOMPARE(store.count(), 0);
}

void TestCatalogStore::search_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("expected"); // exact set of SKUs
    QTest::newRow("Chinese 2-char fragment")
        << u"可乐"_s
        << QStringList{u"DR0001"_s, u"DR0002"_s, u"DR0003"_s, u"DR0004"_s, u"DR0005"_s,
                       u"DR0010"_s, u"DR0011"_s};
    QTest::newRow("Chinese fragment inside a word")
        << u"口可"_s
        << QStringList{u"DR0001"_s, u"DR0002"_s, u"DR0003"_s, u"DR0004"_s, u"DR0005"_s};
    QTest::newRow("Chinese 3 chars") << u"百事可乐"_s << QStringList{u"DR0010"_s, u"DR0011"_s};
    QTest::newRow("Chinese and size") << u"可乐 330"_s
                                      << QStringList{u"DR0001"_s, u"DR0011"_s};
    QTest::newRow("English prefix")
        << u"coca"_s
        << QStringList{u"DR0001"_s, u"DR0002"_s, u"DR0003"_s, u"DR0004"_s, u"DR0005"_s};
    QTest::newRow("English prefix, any case") << u"PEPS"_s
                                              << QStringList{u"DR0010"_s, u"DR0011"_s};
    QTest::newRow("two English prefixes") << u"coca zer"_s << QStringList{u"DR0004"_s};
    QTest::newRow("hyphenated") << u"Coca-Cola Fib"_s << QStringList{u"DR0005"_s};
    QTest::newRow("no match") << u"zzqqxx"_s << QStringList{};
    QTest::newRow("Chinese no match") << u"乐可"_s << QStringList{};
}

void TestCatalogStore::search()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, expected);
    static DemoCatalog c; // read-only here: import once
    QVERIFY2(c.report.ok, qPrintable(c.report.reason));
    const auto found = c.store.search(typed, 50);
    QCOMPARE(found.size(), expected.size()); // no duplicates
    QCOMPARE(skuSet(found), QSet<QString>(expected.begin(), expected.end()));
}

void TestCatalogStore::searchByCode_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("sku");
    QTest::newRow("EAN-13") << u"6928804995534"_s << u"DR0001"_s;
    QTest::newRow("second EAN-13") << u"6928804486339"_s << u"DR0001"_s;
    QTest::newRow("EAN-8") << u"69024474"_s << u"SN0038"_s;
    QTest::newRow("UPC-A as printed") << u"070847960119"_s << u"DR0049"_s;
    QTest::newRow("UPC-A as GTIN-13") << u"0070847960119"_s << u"DR0049"_s;
    QTest::newRow("SKU") << u"DR0002"_s << u"DR0002"_s;
    QTest::newRow("PLU") << u"10001"_s << u"FR0011"_s;
}

void TestCatalogStore::searchByCode()
{
    QFETCH(QString, typed);
    QFETCH(QString, sku);
    static DemoCatalog c;
    QVERIFY2(c.report.ok, qPrintable(c.report.reason));
    const auto found = c.store.search(typed, 10);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.first().sku, sku);
}

void TestCatalogStore::searchLimitAndOddInput()
{
    DemoCatalog c;
    QVERIFY2(c.report.ok, qPrintable(c.report.reason));
    QCOMPARE(c.store.search(u"可乐"_s, 3).size(), 3);
    // Shortest names first.
    const auto two = c.store.search(u"可乐"_s, 50);
    for (qsizetype i = 1; i < two.size(); ++i)
        QVERIFY(two[i - 1].nameZh.size() + two[i - 1].nameEn.size()
                <= two[i].nameZh.size() + two[i].nameEn.size());
    QVERIFY(c.store.search(QString(), 10).isEmpty());
    QVERIFY(c.store.search(u"   "_s, 10).isEmpty());
    // FTS5 syntax typed by a cashier is text, not a query: no error, no match-everything.
    for (const QString &odd : {u"\""_s, u"*"_s, u"-"_s, u"^"_s, u"()"_s, u"\"\"*"_s})
        QVERIFY2(c.store.search(odd, 10).isEmpty(), qPrintable(odd));
    QCOMPARE(skuSet(c.store.search(u"(coca"_s, 10)).size(), 5);
    QCOMPARE(skuSet(c.store.search(u"coca\"*"_s, 10)).size(), 5);
    QCOMPARE(skuSet(c.store.search(u"^coca"_s, 10)).size(), 5);
    QCOMPARE(skuSet(c.store.search(u"可乐 OR"_s, 10)).size(), 0); // "or" is a word, not OR
}

void TestCatalogStore::searchTermsAndQuery()
{
    const QString terms = searchTerms(u"可口可乐"_s, u"Coca-Cola"_s, u"DR0001"_s);
    const QStringList words = terms.split(u' ', Qt::SkipEmptyParts);
    for (const QString &w : {u"可"_s, u"口"_s, u"乐"_s, u"可口"_s, u"口可"_s, u"可乐"_s,
                             u"Coca-Cola"_s, u"DR0001"_s})
        QVERIFY2(words.contains(w), qPrintable(w));
    QVERIFY(!words.contains(u"可口可乐"_s));

    QCOMPARE(searchQuery(u"可乐"_s), u"\"可乐\""_s);
    QCOMPARE(searchQuery(u"乐"_s), u"\"乐\""_s);
    QCOMPARE(searchQuery(u"可口可乐"_s), u"\"可口\" AND \"口可\" AND \"可乐\""_s);
    QCOMPARE(searchQuery(u"Coca-Cola"_s), u"\"coca\"* AND \"cola\"*"_s);
    QCOMPARE(searchQuery(u"可乐 330ml"_s), u"\"可乐\" AND \"330ml\"*"_s);
    QCOMPARE(searchQuery(u"  "_s), QString());
    QCOMPARE(searchQuery(u"\"*()"_s), QString());
}

QTEST_GUILESS_MAIN(TestCatalogStore)
#include "tst_catalogstore.moc"
