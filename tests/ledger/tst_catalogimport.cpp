// The catalog import as a careless manager meets it: every bad file gets a message that says
// where and why, and leaves the catalog exactly as it was; codes move between products only
// when the file says so; --dry-run reports and changes nothing; Excel's GB18030 files import
// with --encoding gb18030.

#include "ledger/catalogstore.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(SMARTPOS_SOURCE_DIR "/tests/fixtures/") + name;
}

QString demoCatalogPath()
{
    return QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv");
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray catalogFile(const QStringList &rows)
{
    return (QStringList{CatalogStore::csvHeader()} + rows).join(u'\n').toUtf8() + '\n';
}

// Everything catalog.db holds, one line per product with its barcodes, plus the search index,
// read through a connection of its own: what "nothing changed" is compared on.
QStringList snapshot(const QString &dataDir)
{
    QStringList lines;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("snapshot"));
        db.setDatabaseName(QDir(dataDir).filePath(CatalogStore::fileName()));
        if (!db.open())
            return {u"cannot open"_s};
        QSqlQuery q(db);
        q.exec(QStringLiteral(
            "SELECT id, sku, name_zh, name_en, category, price_fen, tax_rate_bp, sold_by, "
            "ifnull(plu, '-'), (SELECT group_concat(code, '|') FROM (SELECT code FROM barcodes b "
            "WHERE b.product_id = p.id ORDER BY code)) FROM products p ORDER BY id"));
        while (q.next()) {
            QStringList fields;
            for (int i = 0; i < 10; ++i)
                fields << q.value(i).toString();
            lines << fields.join(u',');
        }
        q.exec(QStringLiteral("SELECT rowid, terms FROM product_search ORDER BY rowid"));
        while (q.next())
            lines << q.value(0).toString() + u':' + q.value(1).toString();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("snapshot"));
    return lines;
}

// A catalog with the demo products, in a folder of its own.
struct Catalog {
    QTemporaryDir dir;
    CatalogStore store;

    Catalog()
    {
        if (!store.open(dir.path()) || !store.importCsv(demoCatalogPath()).ok)
            qFatal("cannot set up the demo catalog");
    }

    ImportReport import(const QByteArray &bytes, const ImportOptions &options = {})
    {
        const QString path = dir.filePath(u"import.csv"_s);
        if (!writeBytes(path, bytes))
            qFatal("cannot write the file to import");
        return store.importCsv(path, options);
    }
};

const QString cola = u"DR0001"_s;   // barcodes 6928804995534 and 6928804486339
const QString banana = u"FR0011"_s; // weighed, PLU 10001
const QString apple = u"FR0012"_s;  // weighed, PLU 10002

} // namespace

class TestCatalogImport : public QObject {
    Q_OBJECT

private slots:
    void refusedChangesNothing_data();
    void refusedChangesNothing();
    void swapPlus();
    void moveBarcodeBetweenListedProducts_data();
    void moveBarcodeBetweenListedProducts();
    void summaryCountsNewUpdatedUnchanged();
    void dryRunChangesNothing();
    void gb18030Fixture();
    void pluLeadingZeros();
    void customLimitsAndLayouts();
    void lockedByAnotherProgram();
};

void TestCatalogImport::refusedChangesNothing_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("message"); // a part of the reason

    auto row = [](const QString &fields) { return catalogFile({fields}); };
    const QString good = u"NEW1,6901234567892,新品,New,snacks,%1,1300,unit,"_s;
    QTest::newRow("price that overflows price × 4")
        << row(good.arg(u"4611686018427387954"_s)) << 2LL << u"above ¥20000.00"_s;
    QTest::newRow("INT64_MAX price")
        << row(good.arg(u"9223372036854775807"_s)) << 2LL << u"above ¥20000.00"_s;
    QTest::newRow("beyond qint64")
        << row(good.arg(u"99999999999999999999"_s)) << 2LL << u"above ¥20000.00"_s;
    QTest::newRow("barcode pasted into the price")
        << row(good.arg(u"6901234567892"_s)) << 2LL << u"(¥69012345678.92) is above"_s;
    QTest::newRow("price in yuan") << row(good.arg(u"3.50"_s)) << 2LL << u"¥3.50 is 350"_s;
    QTest::newRow("negative price") << row(good.arg(u"-1"_s)) << 2LL << u"≥ 0"_s;
    QTest::newRow("new product takes a barcode")
        << catalogFile({u"NEW1,6901234567892,新品,New,snacks,100,1300,unit,"_s,
                        u"NEW2,6928804995534,抢码,Thief,snacks,100,1300,unit,"_s})
        << 3LL << u"barcode 6928804995534 belongs to DR0001 (Coca-Cola Can 330ml)"_s;
    QTest::newRow("existing product takes a PLU")
        << catalogFile({u"FR0012,6923043509962,富士苹果（称重）,Fuji Apples (per "
                        u"kg),fresh,1596,900,weight,10001"_s})
        << 2LL << u"PLU 10001 belongs to FR0011"_s;
    QTest::newRow("not UTF-8")
        << catalogFile({u"NEW1,6901234567892,x,New,snacks,100,1300,unit,"_s}).replace("x,", "\xff,")
        << 2LL << u"not UTF-8"_s;
    const QString utf16Text =
        QString::fromUtf8(catalogFile({u"NEW1,6901234567892,新品,New,snacks,100,1300,unit,"_s}));
    QTest::newRow("UTF-16 (Excel's \"Unicode text\")")
        << QByteArray("\xff\xfe")
               + QByteArray(reinterpret_cast<const char *>(utf16Text.utf16()), utf16Text.size() * 2)
        << 1LL << u"not UTF-8"_s;
    QTest::newRow("10,000-character name")
        << row(u"NEW1,6901234567892,%1,New,snacks,100,1300,unit,"_s.arg(QString(10000, u'长')))
        << 2LL << u"at most 60"_s;
    QTest::newRow("NUL in a name")
        << row(u"NEW1,6901234567892,新%1品,New,snacks,100,1300,unit,"_s.arg(QChar(0))) << 2LL
        << u"U+0000"_s;
    QTest::newRow("line break in a quoted name")
        << row(u"NEW1,6901234567892,\"新\n品\",New,snacks,100,1300,unit,"_s) << 2LL << u"U+000A"_s;
    QTest::newRow("right-to-left override in a name")
        << row(u"NEW1,6901234567892,新品,\u202EweN,snacks,100,1300,unit,"_s) << 2LL << u"U+202E"_s;
    QTest::newRow("PLU no scale label carries")
        << row(u"NEW1,,西瓜,Melon,fresh,300,900,weight,1234567"_s) << 2LL
        << u"has 7 digits, but the scale labels carry 5"_s;
    QTest::newRow("full-width PLU")
        << row(u"NEW1,,西瓜,Melon,fresh,300,900,weight,１２３"_s) << 2LL << u"digits 0–9 only"_s;
    QTest::newRow("PLU zero") << row(u"NEW1,,西瓜,Melon,fresh,300,900,weight,00000"_s) << 2LL
                              << u"is zero"_s;
    QTest::newRow("weighed product priced 0")
        << row(u"NEW1,,西瓜,Melon,fresh,0,900,weight,12345"_s) << 2LL << u"price per kg above 0"_s;
    QTest::newRow("tax rate typed in percent")
        << row(u"NEW1,6901234567892,新品,New,snacks,100,13,unit,"_s) << 2LL << u"13 % is 1300"_s;
    QTest::newRow("tax rate above 30 %")
        << row(u"NEW1,6901234567892,新品,New,snacks,100,10000,unit,"_s) << 2LL
        << u"between 0 and 3000"_s;
}

void TestCatalogImport::refusedChangesNothing()
{
    QFETCH(QByteArray, file);
    QFETCH(qint64, line);
    QFETCH(QString, message);
    Catalog c;
    const QStringList before = snapshot(c.dir.path());
    for (const bool dryRun : {true, false}) {
        ImportOptions options;
        options.dryRun = dryRun;
        const ImportReport report = c.import(file, options);
        QVERIFY(!report.ok);
        QCOMPARE(report.line, line);
        QVERIFY2(report.reason.contains(message), qPrintable(report.reason));
        QCOMPARE(report.products, 0);
        QVERIFY(report.added.isEmpty() && report.updated.isEmpty() && report.moves.isEmpty());
        QCOMPARE(snapshot(c.dir.path()), before);
    }
}

void TestCatalogImport::swapPlus()
{
    Catalog c;
    const ImportReport report = c.import(catalogFile({
        u"FR0011,,香蕉（称重）,Bananas (per kg),fresh,1196,900,weight,10002"_s,
        u"FR0012,6923043509962,富士苹果（称重）,Fuji Apples (per kg),fresh,1596,900,weight,10001"_s,
    }));
    QVERIFY2(report.ok, qPrintable(report.reason));
    QCOMPARE(report.updated, (QStringList{banana, apple}));
    QCOMPARE(report.moves.size(), 2);
    QCOMPARE(report.moves[0].code, u"10002"_s);
    QVERIFY(report.moves[0].isPlu);
    QCOMPARE(report.moves[0].fromSku, apple);
    QCOMPARE(report.moves[0].toSku, banana);
    QCOMPARE(report.moves[1].code, u"10001"_s);
    QCOMPARE(report.moves[1].fromSku, banana);
    QCOMPARE(report.moves[1].toSku, apple);
    QCOMPARE(c.store.findByPlu(u"10001"_s)->sku, apple);
    QCOMPARE(c.store.findByPlu(u"10002"_s)->sku, banana);
}

void TestCatalogImport::moveBarcodeBetweenListedProducts_data()
{
    QTest::addColumn<bool>("ownerFirst"); // the product giving the code up comes first
    QTest::newRow("taker first") << false;
    QTest::newRow("owner first") << true;
}

void TestCatalogImport::moveBarcodeBetweenListedProducts()
{
    QFETCH(bool, ownerFirst);
    Catalog c;
    const QString giver = u"DR0001,6928804995534,可口可乐 330ml 罐装,Coca-Cola Can "
                          u"330ml,drinks,300,1300,unit,"_s;
    const QString taker =
        u"NEW1,6928804486339,可口可乐 330ml 罐装 新包装,Coca-Cola Can 330ml New,drinks,300,1300,unit,"_s;
    const ImportReport report =
        c.import(catalogFile(ownerFirst ? QStringList{giver, taker} : QStringList{taker, giver}));
    QVERIFY2(report.ok, qPrintable(report.reason));
    QCOMPARE(report.added, QStringList{u"NEW1"_s});
    QCOMPARE(report.updated, QStringList{cola});
    QCOMPARE(report.unchanged, 0);
    QCOMPARE(report.moves.size(), 1);
    QCOMPARE(report.moves[0].code, u"6928804486339"_s);
    QVERIFY(!report.moves[0].isPlu);
    QCOMPARE(report.moves[0].fromSku, cola);
    QCOMPARE(report.moves[0].toSku, u"NEW1"_s);
    QCOMPARE(c.store.findByCode(u"6928804486339"_s)->sku, u"NEW1"_s);
    QCOMPARE(c.store.findByCode(u"6928804995534"_s)->sku, cola);
}

void TestCatalogImport::summaryCountsNewUpdatedUnchanged()
{
    Catalog c;
    const ImportReport again = c.store.importCsv(demoCatalogPath());
    QVERIFY2(again.ok, qPrintable(again.reason));
    QCOMPARE(again.unchanged, again.products);
    QVERIFY(again.added.isEmpty() && again.updated.isEmpty() && again.moves.isEmpty());

    const ImportReport mixed = c.import(catalogFile({
        u"DR0001,6928804995534|6928804486339,可口可乐 330ml 罐装,Coca-Cola Can "
        u"330ml,drinks,300,1300,unit,"_s,                                               // as it is
        u"DR0002,6928804608014,可口可乐 500ml,Coca-Cola 500ml,drinks,380,1300,unit,"_s, // price
        u"NEW1,6901234567892,新品,New,snacks,100,1300,unit,"_s,
    }));
    QVERIFY2(mixed.ok, qPrintable(mixed.reason));
    QCOMPARE(mixed.products, 3);
    QCOMPARE(mixed.unchanged, 1);
    QCOMPARE(mixed.updated, QStringList{u"DR0002"_s});
    QCOMPARE(mixed.added, QStringList{u"NEW1"_s});
    QCOMPARE(c.store.findByCode(u"6928804608014"_s)->price, Money::fromFen(380));
}

void TestCatalogImport::dryRunChangesNothing()
{
    Catalog c;
    const QByteArray file = catalogFile({
        u"FR0011,,香蕉（称重）,Bananas (per kg),fresh,1196,900,weight,10002"_s,
        u"FR0012,6923043509962,富士苹果（称重）,Fuji Apples (per kg),fresh,1596,900,weight,10001"_s,
        u"NEW1,6901234567892,新品,New,snacks,100,1300,unit,"_s,
    });
    const QStringList before = snapshot(c.dir.path());
    ImportOptions dryRun;
    dryRun.dryRun = true;
    const ImportReport planned = c.import(file, dryRun);
    QVERIFY2(planned.ok, qPrintable(planned.reason));
    QCOMPARE(snapshot(c.dir.path()), before);
    QVERIFY(!c.store.findByCode(u"6901234567892"_s));

    const ImportReport done = c.import(file);
    QVERIFY2(done.ok, qPrintable(done.reason));
    QCOMPARE(done.added, planned.added);
    QCOMPARE(done.updated, planned.updated);
    QCOMPARE(done.unchanged, planned.unchanged);
    QCOMPARE(done.moves.size(), planned.moves.size());
    QVERIFY(snapshot(c.dir.path()) != before);
    QVERIFY(c.store.findByCode(u"6901234567892"_s));
}

void TestCatalogImport::gb18030Fixture()
{
    QTemporaryDir utf8Dir;
    CatalogStore utf8;
    QVERIFY_OK(utf8.open(utf8Dir.path()));
    const ImportReport reference = utf8.importCsv(fixture(u"catalog-utf8.csv"_s));
    QVERIFY2(reference.ok, qPrintable(reference.reason));
    QVERIFY(reference.products >= 10);

    QTemporaryDir dir;
    CatalogStore store;
    QVERIFY_OK(store.open(dir.path()));
    // As Excel on Chinese Windows saves it, imported as if it were UTF-8: refused, with the hint.
    const ImportReport refused = store.importCsv(fixture(u"catalog-gb18030.csv"_s));
    QVERIFY(!refused.ok);
    QCOMPARE(refused.line, 2);
    QVERIFY2(refused.reason.contains(u"--encoding gb18030"_s), qPrintable(refused.reason));
    QCOMPARE(store.count(), 0);

    ImportOptions options;
    options.encoding = TextEncoding::Gb18030;
    const ImportReport imported = store.importCsv(fixture(u"catalog-gb18030.csv"_s), options);
    QVERIFY2(imported.ok, qPrintable(imported.reason));
    QCOMPARE(imported.added, reference.added);
    QCOMPARE(snapshot(dir.path()), snapshot(utf8Dir.path()));
}

void TestCatalogImport::pluLeadingZeros()
{
    Catalog c;
    // Excel drops the zeros a scale prints; either way the product is keyed by PLU 42.
    const ImportReport report =
        c.import(catalogFile({u"NEW1,,西瓜,Melon,fresh,300,900,weight,00042"_s,
                              u"NEW2,,哈密瓜,Hami Melon,fresh,500,900,weight,43"_s}));
    QVERIFY2(report.ok, qPrintable(report.reason));
    QCOMPARE(c.store.findByPlu(u"42"_s)->sku, u"NEW1"_s);
    QCOMPARE(c.store.findByPlu(u"43"_s)->sku, u"NEW2"_s);
    // The same PLU written two ways is the same PLU twice.
    const ImportReport twice =
        c.import(catalogFile({u"NEW3,,木瓜,Papaya,fresh,300,900,weight,0044"_s,
                              u"NEW4,,柚子,Pomelo,fresh,300,900,weight,44"_s}));
    QVERIFY(!twice.ok);
    QCOMPARE(twice.line, 3);
    QVERIFY2(twice.reason.contains(u"PLU 44 appears twice"_s), qPrintable(twice.reason));
}

void TestCatalogImport::customLimitsAndLayouts()
{
    Catalog c;
    ImportOptions options;
    options.rules.limits.unitPrice = Money::fromYuan(5000);
    options.rules.layouts = {*VariableCodeLayout::fromString(u"2:6:5:weight"_s),
                             *VariableCodeLayout::fromString(u"21:5:5:price"_s)};
    const ImportReport expensive = c.import(
        catalogFile({u"NEW1,6901234567892,茅台,Moutai,liquor,500001,1300,unit,"_s}), options);
    QVERIFY(!expensive.ok);
    QVERIFY2(expensive.reason.contains(u"above ¥5000.00"_s), qPrintable(expensive.reason));
    // 6 PLU digits fit the first layout but not the second: every label must carry it.
    const ImportReport wide =
        c.import(catalogFile({u"NEW1,,西瓜,Melon,fresh,300,900,weight,123456"_s}), options);
    QVERIFY(!wide.ok);
    QVERIFY2(wide.reason.contains(u"carry 5"_s), qPrintable(wide.reason));
    options.rules.limits.unitPrice = MoneyLimits::ceiling;
    const ImportReport allowed = c.import(
        catalogFile({u"NEW1,6901234567892,茅台,Moutai,liquor,500001,1300,unit,"_s}), options);
    QVERIFY2(allowed.ok, qPrintable(allowed.reason));
}

void TestCatalogImport::lockedByAnotherProgram()
{
    Catalog c;
    const QStringList before = snapshot(c.dir.path());
    {
        // A database viewer left with a write open on catalog.db.
        QSqlDatabase other =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("viewer"));
        other.setDatabaseName(c.dir.filePath(CatalogStore::fileName()));
        QVERIFY(other.open());
        QSqlQuery lock(other);
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        const ImportReport report =
            c.import(catalogFile({u"NEW1,6901234567892,新品,New,snacks,100,1300,unit,"_s}));
        QVERIFY(!report.ok);
        QVERIFY2(report.reason.contains(u"locked by another program"_s)
                     && !report.reason.contains(u"database is locked"_s),
                 qPrintable(report.reason));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("viewer"));
    QCOMPARE(snapshot(c.dir.path()), before);
    QVERIFY(c.import(catalogFile({u"NEW1,6901234567892,新品,New,snacks,100,1300,unit,"_s})).ok);
}

QTEST_GUILESS_MAIN(TestCatalogImport)
#include "tst_catalogimport.moc"
