// Pulled catalog changes on the till (sync/changeapplier.h, CatalogStore::applyChanges): applied
// in order with their cursor in one transaction, live for the till's own connection at the next
// lookup, and all or nothing per page.
#include "ledger/catalogstore.h"
#include "sync/catalogchanges.h"
#include "sync/changeapplier.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace smartpos::sync;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(smartpos::sync::Change)

class TestChangeApplier : public QObject {
    Q_OBJECT
private slots:
    void init();
    void productsAndPricesReachTheTillsLookups();
    void aCodeMovesToTheProductTheChainGivesIt();
    void removedProductsAreGone();
    void pagesAlreadyAppliedAreSkipped();
    void anInvalidChangeRefusesThePage_data();
    void anInvalidChangeRefusesThePage();
    void aFailedPageLeavesCursorAndCatalogAsTheyWere();
    void otherKindsWait();

private:
    static Product product(const QString &sku, qint64 priceFen, const QString &plu = {});
    ChangesPage page(QList<Change> changes, qint64 firstSeq);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CatalogStore> m_till; // the UI thread's catalog connection
    std::unique_ptr<ChangeApplier> m_applier;
};

Product TestChangeApplier::product(const QString &sku, qint64 priceFen, const QString &plu)
{
    Product p;
    p.sku = sku;
    p.nameZh = u"可乐"_s;
    p.nameEn = u"Cola "_s + sku;
    p.category = u"drinks"_s;
    p.price = Money::fromFen(priceFen);
    p.plu = plu;
    if (!plu.isEmpty())
        p.soldBy = SoldBy::Weight;
    return p;
}

ChangesPage TestChangeApplier::page(QList<Change> changes, qint64 firstSeq)
{
    ChangesPage out;
    qint64 seq = firstSeq;
    for (Change &change : changes)
        change.seq = seq++;
    out.changes = changes;
    out.next = seq - 1;
    return out;
}

void TestChangeApplier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_till = std::make_unique<CatalogStore>();
    QVERIFY(m_till->open(m_dir->path()).ok());
    m_applier = std::make_unique<ChangeApplier>();
    QVERIFY(m_applier->open(m_dir->path()).ok());
    QCOMPARE(*m_applier->cursor(), 0);
}

void TestChangeApplier::productsAndPricesReachTheTillsLookups()
{
    const Status first =
        m_applier->apply(page({productChange(product(u"DR1"_s, 300), {u"6928804995534"_s}),
                               productChange(product(u"FR1"_s, 1196, u"11"_s), {})},
                              1));
    QVERIFY2(first.ok(), qPrintable(first.error().message));
    QCOMPARE(*m_applier->cursor(), 2);
    const std::optional<Product> cola = m_till->findByCode(u"6928804995534"_s);
    QVERIFY(cola);
    QCOMPARE(cola->price.fen, 300);
    QCOMPARE(cola->nameEn, u"Cola DR1"_s);
    QVERIFY(m_till->findByPlu(u"11"_s));
    QCOMPARE(m_till->findByPlu(u"11"_s)->soldBy, SoldBy::Weight);

    // The next scan on the till's own connection sees the new price: no restart.
    QVERIFY(m_applier->apply(page({priceChange(u"DR1"_s, Money::fromFen(350))}, 3)).ok());
    QCOMPARE(m_till->findByCode(u"6928804995534"_s)->price.fen, 350);
    QCOMPARE(*m_applier->cursor(), 3);
    // A price for a product this till does not carry changes nothing else.
    QVERIFY(m_applier->apply(page({priceChange(u"NOPE"_s, Money::fromFen(1))}, 4)).ok());
    QCOMPARE(m_till->count(), 2);
    QCOMPARE(*m_applier->cursor(), 4);
}

void TestChangeApplier::aCodeMovesToTheProductTheChainGivesIt()
{
    QVERIFY(m_applier
                ->apply(page({productChange(product(u"A"_s, 100, u"12"_s), {u"6928804995534"_s}),
                              productChange(product(u"B"_s, 200), {u"96385074"_s})},
                             1))
                .ok());
    // The chain gives A's barcode and PLU to B.
    QVERIFY(m_applier
                ->apply(page({productChange(product(u"B"_s, 200, u"12"_s),
                                            {u"96385074"_s, u"6928804995534"_s})},
                             3))
                .ok());
    QCOMPARE(m_till->findByCode(u"6928804995534"_s)->sku, u"B"_s);
    QCOMPARE(m_till->findByPlu(u"12"_s)->sku, u"B"_s);
    QCOMPARE(m_till->count(), 2);
}

void TestChangeApplier::removedProductsAreGone()
{
    QVERIFY(m_applier->apply(page({productChange(product(u"A"_s, 100), {u"6928804995534"_s})}, 1))
                .ok());
    Change removed{0, productKind.toString(), u"A"_s, {}, true};
    QVERIFY(m_applier->apply(page({removed}, 2)).ok());
    QVERIFY(!m_till->findByCode(u"6928804995534"_s));
    QCOMPARE(m_till->count(), 0);
    QVERIFY(m_till->search(u"Cola"_s, 10).isEmpty());
}

void TestChangeApplier::pagesAlreadyAppliedAreSkipped()
{
    QVERIFY(m_applier->apply(page({productChange(product(u"A"_s, 100), {})}, 1)).ok());
    QVERIFY(m_applier->apply(page({priceChange(u"A"_s, Money::fromFen(150))}, 2)).ok());
    // The answer to the first pull was lost and it comes again: the newer price stays.
    QVERIFY(m_applier->apply(page({productChange(product(u"A"_s, 100), {})}, 1)).ok());
    QCOMPARE(*m_applier->cursor(), 2);
    QCOMPARE(m_till->search(u"A"_s, 1).value(0).price.fen, 150);
}

void TestChangeApplier::anInvalidChangeRefusesThePage_data()
{
    QTest::addColumn<Change>("bad");
    Change negative = priceChange(u"A"_s, Money::fromFen(-1));
    QTest::newRow("negative price") << negative;
    Change fraction = priceChange(u"A"_s, {});
    fraction.body[u"price"_s] = 1.5;
    QTest::newRow("fraction of a fen") << fraction;
    Change text = fraction;
    text.body[u"price"_s] = u"3.50"_s;
    QTest::newRow("price as text") << text;
    Change badCode = productChange(product(u"B"_s, 100), {u"6928804995535"_s});
    QTest::newRow("bad check digit") << badCode;
    Change noName = productChange(product(u"B"_s, 100), {});
    noName.body[u"name_zh"_s] = QString();
    noName.body[u"name_en"_s] = QString();
    QTest::newRow("no name") << noName;
    Change otherSku = productChange(product(u"B"_s, 100), {});
    otherSku.key = u"C"_s;
    QTest::newRow("key and sku differ") << otherSku;
    Change unit = productChange(product(u"B"_s, 100), {});
    unit.body[u"unit"_s] = u"box"_s;
    QTest::newRow("unknown unit") << unit;
    Change tax = productChange(product(u"B"_s, 100), {});
    tax.body[u"tax_bp"_s] = 99999;
    QTest::newRow("tax") << tax;
    Change deletedPrice = priceChange(u"A"_s, Money::fromFen(1));
    deletedPrice.deleted = true;
    QTest::newRow("price without a body") << deletedPrice;
}

void TestChangeApplier::anInvalidChangeRefusesThePage()
{
    QFETCH(Change, bad);
    QVERIFY(m_applier->apply(page({productChange(product(u"A"_s, 100), {})}, 1)).ok());
    const Status refused =
        m_applier->apply(page({productChange(product(u"D"_s, 500), {}), bad}, 2));
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(bad.key));
    QCOMPARE(m_till->count(), 1); // D is not there either
    QCOMPARE(*m_applier->cursor(), 1);
}

void TestChangeApplier::aFailedPageLeavesCursorAndCatalogAsTheyWere()
{
    QVERIFY(m_applier->apply(page({productChange(product(u"A"_s, 100), {})}, 1)).ok());
    // The disk fails half-way (a trigger stands in for it).
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"saboteur"_s);
        db.setDatabaseName(m_dir->filePath(CatalogStore::fileName()));
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(u"CREATE TRIGGER fail BEFORE INSERT ON products WHEN "
                                   "new.sku = 'BAD' BEGIN SELECT RAISE(ABORT, 'disk'); END"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"saboteur"_s);
    const Status failed = m_applier->apply(page(
        {priceChange(u"A"_s, Money::fromFen(999)), productChange(product(u"BAD"_s, 1), {})}, 2));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Storage);
    QCOMPARE(*m_applier->cursor(), 1);
    QCOMPARE(m_till->search(u"A"_s, 1).value(0).price.fen, 100);
}

void TestChangeApplier::otherKindsWait()
{
    // A kind no file of the till takes yet does not stop the catalog's changes; the cursor is
    // the catalog's own, so the file that learns that kind will pull it from the start.
    Change member{0, u"member"_s, u"M0001"_s, {{u"points"_s, 5}}, false};
    QVERIFY(m_applier->apply(page({member, productChange(product(u"A"_s, 100), {})}, 1)).ok());
    QCOMPARE(m_till->count(), 1);
    QCOMPARE(*m_applier->cursor(), 2);
}

QTEST_GUILESS_MAIN(TestChangeApplier)
#include "tst_changeapplier.moc"
