#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "services/checkoutservice.h"
#include "sync/outboxqueue.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include "testsupport.h"

#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace smartpos;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(smartpos::ScanOutcome::Status)

namespace {
using Status = ScanOutcome::Status;

const QDateTime startTime(QDate(2024, 3, 1), QTime(9, 15, 0, 500), Qt::UTC);

} // namespace

class TestCheckoutService : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void scanUnitProduct();
    void scanUpcA();
    void scanRejected_data();
    void scanRejected();
    void variableWeightLabel();
    void variablePriceLabel();
    void unitProductOnWeightLabel();
    void addProductById();
    void editCart();
    void payTooLittle();
    void payEmptyCart();
    void paySale();
    void consecutiveSales();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CatalogStore> m_catalog;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CheckoutService> m_checkout;
};

void TestCheckoutService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_catalog = std::make_unique<CatalogStore>();
    QVERIFY2(m_catalog->open(m_dir->path(), &error), qPrintable(error));
    const ImportReport report =
        m_catalog->importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"));
    QVERIFY2(report.ok, qPrintable(report.reason));
    m_ledger = std::make_unique<Ledger>();
    QVERIFY2(m_ledger->open(m_dir->path(), &error), qPrintable(error));
    m_clock = std::make_unique<ManualClock>(startTime);
    m_checkout = std::make_unique<CheckoutService>(*m_catalog, *m_ledger, *m_clock,
                                                   defaultVariableCodeLayouts());
}

void TestCheckoutService::cleanup()
{
    m_checkout.reset();
    m_ledger.reset();
    m_catalog.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestCheckoutService::scanUnitProduct()
{
    QSignalSpy changed(m_checkout.get(), &CheckoutService::cartChanged);
    ScanOutcome outcome = m_checkout->scan(u"6928804995534"_s);
    QVERIFY2(outcome.added(), qPrintable(outcome.message));
    QCOMPARE(outcome.line, 0);
    QVERIFY(outcome.message.isEmpty());
    outcome = m_checkout->scan(u"6928804608014"_s);
    QCOMPARE(outcome.line, 1);
    // Scanned again (by its other barcode): the first line counts up.
    outcome = m_checkout->scan(u"6928804486339\r\n"_s);
    QVERIFY(outcome.added());
    QCOMPARE(outcome.line, 0);
    QCOMPARE(changed.size(), 3);
    const Cart &cart = m_checkout->cart();
    QCOMPARE(quantities(cart), (QList<qint64>{2, 1}));
    QCOMPARE(cart.lines()[0].product.sku, u"DR0001"_s);
    QCOMPARE(cart.total(), Money::fromFen(2 * 300 + 350));
}

void TestCheckoutService::scanUpcA()
{
    const ScanOutcome outcome = m_checkout->scan(u"070847960119"_s);
    QVERIFY2(outcome.added(), qPrintable(outcome.message));
    QCOMPARE(m_checkout->cart().lines()[0].product.sku, u"DR0049"_s);
    QCOMPARE(m_checkout->cart().lines()[0].code, u"0070847960119"_s);
}

void TestCheckoutService::scanRejected_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("mention"); // what the message must show the cashier
    QTest::newRow("unknown product") << u"6901234567892"_s << Status::UnknownProduct
                                     << u"6901234567892"_s;
    QTest::newRow("bad check digit") << u"6928804995535"_s << Status::InvalidCode
                                     << u"6928804995535"_s;
    QTest::newRow("letters") << u"HELLO"_s << Status::InvalidCode << u"HELLO"_s;
    QTest::newRow("empty") << QString() << Status::InvalidCode << QString();
    QTest::newRow("wrong length") << u"123456789"_s << Status::InvalidCode << u"9"_s;
    QTest::newRow("payment code") << u"134567890123456789"_s << Status::InvalidCode << u"18"_s;
    QTest::newRow("weighed product, no label") << u"6923043509962"_s << Status::NeedsWeight
                                               << u"Fuji Apples"_s;
    QTest::newRow("scale label, unknown PLU") << u"2299999005006"_s << Status::UnknownProduct
                                              << u"99999"_s;
    QTest::newRow("scale label, no weight") << u"2210001000000"_s << Status::InvalidCode
                                            << u"2210001000000"_s;
    QTest::newRow("in-store code, no layout") << u"2312345012340"_s << Status::UnknownProduct
                                              << u"2312345012340"_s;
}

void TestCheckoutService::scanRejected()
{
    QFETCH(QString, code);
    QFETCH(Status, status);
    QFETCH(QString, mention);
    QVERIFY(m_checkout->scan(u"6928804995534"_s).added());
    QSignalSpy changed(m_checkout.get(), &CheckoutService::cartChanged);
    const ScanOutcome outcome = m_checkout->scan(code);
    QVERIFY(!outcome.added());
    QCOMPARE(outcome.status, status);
    QCOMPARE(outcome.line, -1);
    QVERIFY(!outcome.message.isEmpty());
    QVERIFY2(outcome.message.contains(mention), qPrintable(outcome.message));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(quantities(m_checkout->cart()), QList<qint64>{1});
    QCOMPARE(m_checkout->cart().total(), Money::fromFen(300));
}

void TestCheckoutService::variableWeightLabel()
{
    // 22 | PLU 10001 (bananas, ¥11.96/kg) | 00500 g | check digit
    ScanOutcome outcome = m_checkout->scan(u"2210001005005"_s);
    QVERIFY2(outcome.added(), qPrintable(outcome.message));
    // The same label again is a second pack, not 1000 g on one line.
    outcome = m_checkout->scan(u"2210001005005"_s);
    QVERIFY(outcome.added());
    QCOMPARE(outcome.line, 1);
    const Cart &cart = m_checkout->cart();
    QCOMPARE(cart.lines().size(), 2);
    const CartLine &line = cart.lines()[0];
    QCOMPARE(line.product.sku, u"FR0011"_s);
    QCOMPARE(line.code, u"2210001005005"_s);
    QCOMPARE(line.quantity, 500);
    QVERIFY(!line.labelPrice);
    QCOMPARE(line.total(), Money::fromFen(598));
    QCOMPARE(cart.total(), Money::fromFen(1196));
    QCOMPARE(cart.articleCount(), 2);
}

void TestCheckoutService::variablePriceLabel()
{
    // 21 | PLU 10005 (grapes, ¥39.60/kg) | 01980 fen | check digit
    const ScanOutcome outcome = m_checkout->scan(u"2110005019803"_s);
    QVERIFY2(outcome.added(), qPrintable(outcome.message));
    const CartLine &line = m_checkout->cart().lines()[0];
    QCOMPARE(line.product.sku, u"FR0015"_s);
    QCOMPARE(line.labelPrice, std::optional<Money>(Money::fromFen(1980)));
    QCOMPARE(line.total(), Money::fromFen(1980));
    QCOMPARE(line.quantity, 500); // 19.80 / 39.60 per kg
}

void TestCheckoutService::unitProductOnWeightLabel()
{
    // A unit product that has a PLU (a store may give one to a bakery item): a weight label for
    // it must not put 500 pieces in the cart.
    const QString csv = m_dir->filePath(u"plu.csv"_s);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(CatalogStore::csvHeader().toUtf8()
               + "\nBK0001,6901234567892,面包,Bread,bakery,500,1300,unit,20001\n");
    file.close();
    const ImportReport report = m_catalog->importCsv(csv);
    QVERIFY2(report.ok, qPrintable(report.reason));
    const ScanOutcome outcome = m_checkout->scan(u"2220001005004"_s);
    QVERIFY(!outcome.added());
    QVERIFY(!outcome.message.isEmpty());
    QVERIFY(m_checkout->cart().isEmpty());
}

void TestCheckoutService::addProductById()
{
    const auto cola = m_catalog->findByCode(u"6928804995534"_s);
    const auto bananas = m_catalog->findByPlu(u"10001"_s);
    QVERIFY(cola && bananas);
    QSignalSpy changed(m_checkout.get(), &CheckoutService::cartChanged);
    QVERIFY(m_checkout->addProduct(cola->id));
    QVERIFY(m_checkout->addProduct(cola->id));
    QVERIFY(!m_checkout->addProduct(bananas->id)); // needs a scale label
    QVERIFY(!m_checkout->addProduct(-7));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(quantities(m_checkout->cart()), QList<qint64>{2});
}

void TestCheckoutService::editCart()
{
    QVERIFY(m_checkout->scan(u"6928804995534"_s).added());
    QVERIFY(m_checkout->scan(u"2210001005005"_s).added());
    QSignalSpy changed(m_checkout.get(), &CheckoutService::cartChanged);
    QVERIFY(m_checkout->setQuantity(0, 4));
    QVERIFY(!m_checkout->setQuantity(1, 2));  // weighed
    QVERIFY(!m_checkout->setQuantity(0, 0));
    QVERIFY(!m_checkout->setQuantity(5, 1));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_checkout->cart().total(), Money::fromFen(1200 + 598));
    QVERIFY(m_checkout->removeLine(1));
    QVERIFY(!m_checkout->removeLine(1));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(m_checkout->cart().total(), Money::fromFen(1200));
    m_checkout->clearCart();
    QCOMPARE(changed.size(), 3);
    QVERIFY(m_checkout->cart().isEmpty());
}

void TestCheckoutService::payTooLittle()
{
    QVERIFY(m_checkout->scan(u"6928804995534"_s).added());
    QVERIFY(m_checkout->scan(u"2210001005005"_s).added());
    const Money total = m_checkout->cart().total();
    QCOMPARE(total, Money::fromFen(898));
    QSignalSpy completed(m_checkout.get(), &CheckoutService::saleCompleted);
    QSignalSpy changed(m_checkout.get(), &CheckoutService::cartChanged);
    const PaymentOutcome outcome = m_checkout->payCash(total - Money::fromFen(1));
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(u"8.97"_s) && outcome.error.contains(u"8.98"_s),
             qPrintable(outcome.error));
    QCOMPARE(outcome.seq, 0);
    QCOMPARE(completed.size(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_checkout->cart().lines().size(), 2);
    QCOMPARE(m_checkout->cart().total(), total);
    const VerifyResult verified = m_ledger->verify();
    QVERIFY(verified.ok);
    QCOMPARE(verified.entries, 0);
    QCOMPARE(OutboxQueue(m_ledger->database()).pendingCount(), 0);
}

void TestCheckoutService::payEmptyCart()
{
    const PaymentOutcome outcome = m_checkout->payCash(Money::fromYuan(10));
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.error.isEmpty());
    QCOMPARE(m_ledger->verify().entries, 0);
}

void TestCheckoutService::paySale()
{
    QVERIFY(m_checkout->scan(u"6928804995534"_s).added());
    QVERIFY(m_checkout->scan(u"6928804995534"_s).added());
    QVERIFY(m_checkout->scan(u"2210001005005"_s).added());
    QVERIFY(m_checkout->scan(u"2110005019803"_s).added());
    const Money total = m_checkout->cart().total();
    QCOMPARE(total, Money::fromFen(600 + 598 + 1980));
    const Money tax = m_checkout->cart().totalTax();
    QSignalSpy completed(m_checkout.get(), &CheckoutService::saleCompleted);
    m_clock->advanceMs(1500);

    const PaymentOutcome outcome = m_checkout->payCash(Money::fromYuan(50));
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.seq, 1);
    QVERIFY(m_checkout->cart().isEmpty());
    QCOMPARE(completed.size(), 1);
    QCOMPARE(completed[0][0].value<Sale>().uuid, outcome.sale.uuid);

    const Sale &sale = outcome.sale;
    QCOMPARE(sale.total, total);
    QCOMPARE(sale.tax, tax);
    QCOMPARE(sale.createdAt, startTime.addMSecs(1500));
    QCOMPARE(sale.tenders.size(), 1);
    QCOMPARE(sale.tenders[0].amount, total);
    QCOMPARE(sale.tenders[0].received, Money::fromYuan(50));
    QCOMPARE(sale.tenders[0].change, Money::fromYuan(50) - total);

    // In the ledger: the sale with its lines and tender ...
    bool found = false;
    const Sale stored = m_ledger->loadSale(sale.uuid, &found);
    QVERIFY(found);
    QCOMPARE(stored.total, total);
    QCOMPARE(stored.createdAt, sale.createdAt);
    QCOMPARE(stored.lines.size(), 3);
    QCOMPARE(stored.lines[0].sku, u"DR0001"_s);
    QCOMPARE(stored.lines[0].quantity, 2);
    QCOMPARE(stored.lines[1].sku, u"FR0011"_s);
    QCOMPARE(stored.lines[1].quantity, 500);
    QVERIFY(stored.lines[1].weighed);
    QCOMPARE(stored.lines[2].total, Money::fromFen(1980));
    QCOMPARE(stored.tenders.size(), 1);
    QCOMPARE(stored.tenders[0].change, sale.tenders[0].change);
    // ... its journal entry ...
    QSqlQuery q(m_ledger->database().connection());
    QVERIFY(q.exec(u"SELECT seq, payload FROM journal WHERE ref = '%1'"_s.arg(sale.uuid)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 1);
    QCOMPARE(q.value(1).toByteArray(), canonicalSale(m_ledger->terminalId(), 1, sale));
    // ... its outbox event ...
    const auto events = OutboxQueue(m_ledger->database()).pending(10);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].kind, u"sale.completed"_s);
    QVERIFY(events[0].body.contains(sale.uuid));
    // ... and its receipt, queued for the printer.
    QVERIFY(q.exec(u"SELECT p.kind, p.status FROM print_jobs p JOIN sales s ON s.id = p.sale_id "
                   u"WHERE s.uuid = '%1'"_s.arg(sale.uuid)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"receipt"_s);
    QCOMPARE(q.value(1).toString(), u"queued"_s);
    const VerifyResult verified = m_ledger->verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
    QCOMPARE(verified.entries, 1);
}

void TestCheckoutService::consecutiveSales()
{
    for (int n = 1; n <= 3; ++n) {
        QVERIFY(m_checkout->scan(u"6928804995534"_s).added());
        const PaymentOutcome outcome = m_checkout->payCash(Money::fromFen(300));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.seq, n);
        QCOMPARE(outcome.sale.tenders[0].change, Money());
    }
    QCOMPARE(OutboxQueue(m_ledger->database()).pendingCount(), 3);
    QCOMPARE(m_ledger->verify().entries, 3);
}

QTEST_GUILESS_MAIN(TestCheckoutService)
#include "tst_checkoutservice.moc"
