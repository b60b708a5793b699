// The sale session driven the way the cashier window and the simulator drive it: every state
// transition, every refusal, and what reaches the ledger.
#include "demoshop.h"
#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "ledger/outbox.h"
#include "services/productsearch.h"
#include "services/salesession.h"
#include "services/simulator.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace smartpos;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(smartpos::ErrorCode)

namespace {
using State = SaleSession::State;

const QDateTime startTime(QDate(2024, 3, 1), QTime(9, 15, 0, 500), Qt::UTC);
const QString cola = u"6928804995534"_s;        // DR0001, ¥3.00
const QString bananas500g = u"2210001005005"_s; // PLU 10001, 500 g at ¥11.96/kg
const QString grapes1980 = u"2110005019803"_s;  // PLU 10005, price label ¥19.80
const QString wechatCode = u"134567890123456789"_s;

// A promotion for the pricing test: ¥1 off the basket.
class YuanOff : public PricingRule {
public:
    QString id() const override { return u"test:yuan-off"_s; }
    QList<Adjustment> apply(const Cart &, const PricingContext &) const override
    {
        return {{id(), u"立减1元"_s, u"¥1 off"_s, -1, Money::fromYuan(-1)}};
    }
};
} // namespace

class TestSaleSession : public QObject, protected testing::DemoShop {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startsIdle();
    void scanUnitProduct();
    void scanUpcA();
    void scanRejected_data();
    void scanRejected();
    void paymentCodeIsNeverShownInFull();
    void variableWeightLabel();
    void variablePriceLabel();
    void unitProductOnWeightLabel();
    void unitProductOnPriceLabel();
    void labelWithoutWeightOrPrice_data();
    void labelWithoutWeightOrPrice();
    void limitsRefuseAndChangeNothing();
    void priceAboveLimitInCatalog();
    void cashLimitAndLargeChange();
    void damagedCatalogIsNotAMissingProduct();
    void addProductById();
    void editCart();
    void emptiedCartIsIdle();
    void cancelSale();
    void tenderRefusedWithEmptyCart();
    void tenderAndBack();
    void refusedWhileTendering();
    void payOnlyWhileTendering();
    void payTooLittle();
    void paySale();
    void paidUntilNextSale();
    void startNextSale();
    void consecutiveSales();
    void pricingRulesMakeAdjustments();
    void noSaleBetweenSales();
    void noSaleRefusedDuringSale();
    void productSearch();
    void simulatorUsesTheSession();

private:
    // Scans `codes` and opens the payment.
    void ringUp(const QStringList &codes);
    // The kinds of the journal entries waiting in the outbox, by sequence number.
    QMap<qint64, QString> outboxKinds();
};

void TestSaleSession::init()
{
    openShop(startTime);
}

void TestSaleSession::cleanup()
{
    closeShop();
}

void TestSaleSession::ringUp(const QStringList &codes)
{
    for (const QString &code : codes) {
        const Result<int> line = m_session->scan(code);
        QVERIFY2(line, qPrintable(line.error().message));
    }
    QVERIFY(m_session->beginTender());
    QCOMPARE(m_session->state(), State::Tendering);
}

QMap<qint64, QString> TestSaleSession::outboxKinds()
{
    Outbox outbox;
    QMap<qint64, QString> kinds;
    if (const Status opened = outbox.open(m_dir->path()); !opened)
        qWarning("outbox: %s", qPrintable(opened.error().message));
    else if (const auto events = outbox.nextBatch(1000))
        for (const OutboxEvent &event : *events)
            kinds.insert(event.seq, event.kind);
    return kinds;
}

void TestSaleSession::startsIdle()
{
    QCOMPARE(m_session->state(), State::Idle);
    QVERIFY(m_session->cart().isEmpty());
    QVERIFY(!m_session->lastPaid());
    QCOMPARE(m_session->total(), Money());
}

void TestSaleSession::scanUnitProduct()
{
    QSignalSpy changed(m_session.get(), &SaleSession::cartChanged);
    QSignalSpy state(m_session.get(), &SaleSession::stateChanged);
    Result<int> line = m_session->scan(cola);
    QVERIFY2(line, qPrintable(line.error().message));
    QCOMPARE(*line, 0);
    QCOMPARE(m_session->state(), State::Scanning);
    line = m_session->scan(u"6928804608014"_s);
    QCOMPARE(*line, 1);
    // Scanned again (by its other barcode): the first line counts up.
    line = m_session->scan(u"6928804486339\r\n"_s);
    QVERIFY(line);
    QCOMPARE(*line, 0);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(state.size(), 1); // Idle → Scanning, once
    const Cart &cart = m_session->cart();
    QCOMPARE(quantities(cart), (QList<qint64>{2, 1}));
    QCOMPARE(cart.lines()[0].product.sku, u"DR0001"_s);
    QCOMPARE(m_session->basket().total, Money::fromFen(2 * 300 + 350));
    QCOMPARE(m_session->total(), Money::fromFen(2 * 300 + 350));
}

void TestSaleSession::scanUpcA()
{
    const Result<int> line = m_session->scan(u"070847960119"_s);
    QVERIFY2(line, qPrintable(line.error().message));
    QCOMPARE(m_session->cart().lines()[0].product.sku, u"DR0049"_s);
    QCOMPARE(m_session->cart().lines()[0].code, u"0070847960119"_s);
}

void TestSaleSession::scanRejected_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<ErrorCode>("error");
    QTest::addColumn<QString>("mention"); // what the message must show the cashier
    QTest::newRow("unknown product")
        << u"6901234567892"_s << ErrorCode::NotFound << u"6901234567892"_s;
    QTest::newRow("bad check digit")
        << u"6928804995535"_s << ErrorCode::InvalidInput << u"6928804995535"_s;
    QTest::newRow("letters") << u"HELLO"_s << ErrorCode::InvalidInput << u"HELLO"_s;
    QTest::newRow("empty") << QString() << ErrorCode::InvalidInput << QString();
    QTest::newRow("wrong length") << u"123456789"_s << ErrorCode::InvalidInput << u"9"_s;
    QTest::newRow("weighed product, no label")
        << u"6923043509962"_s << ErrorCode::InvalidInput << u"Fuji Apples"_s;
    QTest::newRow("scale label, unknown PLU")
        << u"2299999005006"_s << ErrorCode::NotFound << u"99999"_s;
    QTest::newRow("scale label, no weight")
        << u"2210001000000"_s << ErrorCode::InvalidInput << u"2210001000000"_s;
    QTest::newRow("in-store code, no layout")
        << u"2312345012340"_s << ErrorCode::NotFound << u"2312345012340"_s;
    QTest::newRow("member") << u"SPM1.abc"_s << ErrorCode::NotSupported
                            << u"cannot check member codes"_s;
    QTest::newRow("coupon") << u"SPC1.abc"_s << ErrorCode::NotSupported
                            << u"cannot check coupons"_s;
    QTest::newRow("receipt") << u"SPR1.abc"_s << ErrorCode::NotSupported << u"Returns"_s;
    QTest::newRow("wechat pay") << wechatCode << ErrorCode::NotSupported << u"1345"_s;
    QTest::newRow("alipay") << u"281234567890123456"_s << ErrorCode::NotSupported
                            << u"not supported"_s;
}

void TestSaleSession::scanRejected()
{
    QFETCH(QString, code);
    QFETCH(ErrorCode, error);
    QFETCH(QString, mention);
    QVERIFY(m_session->scan(cola));
    QSignalSpy changed(m_session.get(), &SaleSession::cartChanged);
    QSignalSpy refused(m_session.get(), &SaleSession::scanRefused);
    const Result<int> line = m_session->scan(code);
    QVERIFY(!line);
    QCOMPARE(line.error().code, error);
    QVERIFY2(line.error().message.contains(mention), qPrintable(line.error().message));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused[0][0].toString(), line.error().message);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_session->state(), State::Scanning);
    QCOMPARE(quantities(m_session->cart()), QList<qint64>{1});
}

void TestSaleSession::paymentCodeIsNeverShownInFull()
{
    // Shown at the till (idle) and during payment, when customers show it: answered, masked.
    for (const bool tendering : {false, true}) {
        if (tendering)
            ringUp({cola});
        const Result<int> line = m_session->scan(wechatCode);
        QVERIFY(!line);
        QCOMPARE(line.error().code, ErrorCode::NotSupported);
        QVERIFY2(!line.error().message.contains(wechatCode), qPrintable(line.error().message));
        QVERIFY2(line.error().message.contains(maskPaymentCode(wechatCode)),
                 qPrintable(line.error().message));
    }
    QCOMPARE(m_session->state(), State::Tendering);
}

void TestSaleSession::variableWeightLabel()
{
    QVERIFY(m_session->scan(bananas500g));
    // The same label again is a second pack, not 1000 g on one line.
    const Result<int> line = m_session->scan(bananas500g);
    QVERIFY(line);
    QCOMPARE(*line, 1);
    const Cart &cart = m_session->cart();
    QCOMPARE(cart.lines().size(), 2);
    const CartLine &first = cart.lines()[0];
    QCOMPARE(first.product.sku, u"FR0011"_s);
    QCOMPARE(first.code, bananas500g);
    QCOMPARE(first.quantity, 500);
    QVERIFY(!first.labelPrice);
    QCOMPARE(first.total(), Money::fromFen(598));
    QCOMPARE(m_session->total(), Money::fromFen(1196));
    QCOMPARE(cart.articleCount(), 2);
}

void TestSaleSession::variablePriceLabel()
{
    QVERIFY(m_session->scan(grapes1980));
    const CartLine &line = m_session->cart().lines()[0];
    QCOMPARE(line.product.sku, u"FR0015"_s);
    QCOMPARE(line.labelPrice, std::optional<Money>(Money::fromFen(1980)));
    QCOMPARE(line.total(), Money::fromFen(1980));
    QCOMPARE(line.quantity, 500); // 19.80 / 39.60 per kg
}

// Bread sold by the piece with PLU 20001: what a markdown label (¥4.50 instead of ¥5.00) is for.
void importBread(CatalogStore &catalog, const QString &dir)
{
    const QString csv = QDir(dir).filePath(u"bread.csv"_s);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(CatalogStore::csvHeader().toUtf8()
               + "\nBK0001,6901234567892,面包,Bread,bakery,500,1300,unit,20001\n");
    file.close();
    const ImportReport report = catalog.importCsv(csv);
    QVERIFY2(report.ok, qPrintable(report.reason));
}

void TestSaleSession::unitProductOnWeightLabel()
{
    // A unit product that has a PLU (a bakery item): a weight label for it must not put 500
    // pieces in the cart.
    importBread(*m_catalog, m_dir->path());
    const Result<int> line = m_session->scan(u"2220001005004"_s);
    QVERIFY(!line);
    QVERIFY(line.error().message.contains(u"Bread"_s));
    QVERIFY(m_session->cart().isEmpty());
    QCOMPARE(m_session->state(), State::Idle);
}

void TestSaleSession::unitProductOnPriceLabel()
{
    importBread(*m_catalog, m_dir->path());
    const QString markdown = u"2120001004505"_s; // PLU 20001, ¥4.50
    const Result<int> refused = m_session->scan(markdown);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"sold by the piece"_s)
                 && refused.error().message.contains(u"markdown"_s),
             qPrintable(refused.error().message));
    QVERIFY(m_session->cart().isEmpty());

    // A store that prints markdown labels says so in its layout.
    StoreRules rules;
    rules.layouts = {*VariableCodeLayout::fromString(u"21:5:5:price:markdown"_s),
                     *VariableCodeLayout::fromString(u"22:5:5:weight"_s)};
    m_session = std::make_unique<SaleSession>(*m_catalog, *m_ledger, *m_clock, rules);
    const Result<int> line = m_session->scan(markdown);
    QVERIFY2(line, qPrintable(line ? QString() : line.error().message));
    const CartLine &bread = m_session->cart().lines().at(*line);
    QCOMPARE(bread.total(), Money::fromFen(450));
    QCOMPARE(bread.quantity, 1);
    QCOMPARE(m_session->cart().articleCount(), 1);
    // The label fixes the line: no more pieces on it, and scanning the bread's barcode is a
    // line of its own at the full price.
    QVERIFY(!m_session->setQuantity(*line, 2));
    QCOMPARE(*m_session->scan(u"6901234567892"_s), 1);
    QCOMPARE(m_session->total(), Money::fromFen(950));
}

void TestSaleSession::labelWithoutWeightOrPrice_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("message");
    QTest::newRow("weight 0") << u"2210001000000"_s << u"shows no weight"_s;
    QTest::newRow("price 0") << u"2110005000009"_s << u"shows no price"_s;
}

void TestSaleSession::labelWithoutWeightOrPrice()
{
    QFETCH(QString, label);
    QFETCH(QString, message);
    QVERIFY(hasValidCheckDigit(label));
    const Result<int> line = m_session->scan(label);
    QVERIFY(!line);
    QVERIFY2(line.error().message.contains(message)
                 && line.error().message.contains(u"weigh the item again and print a new label"_s),
             qPrintable(line.error().message));
    QVERIFY(m_session->cart().isEmpty());
}

void TestSaleSession::limitsRefuseAndChangeNothing()
{
    StoreRules rules;
    rules.limits.unitPrice = Money::fromYuan(12);
    rules.limits.line = Money::fromYuan(10);
    rules.limits.sale = Money::fromYuan(15);
    m_session = std::make_unique<SaleSession>(*m_catalog, *m_ledger, *m_clock, rules);
    auto refusedWith = [this](const Result<int> &result, const QString &message) {
        return !result && result.error().message.contains(message);
    };

    ringUp({cola, cola, cola}); // ¥9.00 on one line
    QVERIFY(m_session->cancelTender());
    const Cart before = m_session->cart();
    QVERIFY(refusedWith(m_session->scan(cola), u"¥10.00, the most one line"_s));
    QVERIFY(!m_session->setQuantity(0, 4));
    QVERIFY(refusedWith(m_session->scan(grapes1980), u"¥12.00, the most one product"_s));
    QCOMPARE(m_session->cart().lines().size(), before.lines().size());
    QCOMPARE(m_session->cart().lines().first().quantity, 3);
    QCOMPARE(m_session->total(), Money::fromFen(900));

    QVERIFY(m_session->scan(bananas500g)); // ¥5.98: ¥14.98 in all
    QVERIFY(refusedWith(m_session->scan(bananas500g), u"¥15.00, the most one sale"_s));
    QCOMPARE(m_session->total(), Money::fromFen(1498));
    QCOMPARE(m_session->cart().lines().size(), 2);
}

void TestSaleSession::priceAboveLimitInCatalog()
{
    // Imported when the limit was higher (or by another till's settings): the till still
    // refuses to sell it at a price beyond its own limit.
    const QString csv = m_dir->filePath(u"dear.csv"_s);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(CatalogStore::csvHeader().toUtf8()
               + "\nLQ0001,6901234567892,茅台,Moutai,liquor,4611686018427387,1300,unit,\n");
    file.close();
    ImportOptions options;
    options.rules.limits.unitPrice = MoneyLimits::ceiling;
    QVERIFY(!m_catalog->importCsv(csv, options).ok); // beyond the ceiling: never in a catalog
    file.open(QIODevice::WriteOnly);
    file.write(CatalogStore::csvHeader().toUtf8()
               + "\nLQ0001,6901234567892,茅台,Moutai,liquor,300000000,1300,unit,\n");
    file.close();
    const ImportReport report = m_catalog->importCsv(csv, options);
    QVERIFY2(report.ok, qPrintable(report.reason));
    const Result<int> line = m_session->scan(u"6901234567892"_s);
    QVERIFY(!line);
    QVERIFY2(line.error().message.contains(u"above ¥20000.00"_s), qPrintable(line.error().message));
    QVERIFY(m_session->cart().isEmpty());
}

void TestSaleSession::cashLimitAndLargeChange()
{
    ringUp({cola}); // ¥3.00
    for (const Money tooMuch : {Money::fromFen(5'000'001), Money::fromFen(999'999'999)}) {
        const Status paid = m_session->payCash(tooMuch);
        QVERIFY(!paid);
        QCOMPARE(paid.error().code, ErrorCode::InvalidInput);
        QVERIFY2(paid.error().message.contains(u"at most ¥50000.00"_s),
                 qPrintable(paid.error().message));
        QVERIFY(!m_session->payCash(tooMuch, true)); // no confirming past the limit
    }
    // ¥200 for ¥3: ¥197 change is more than a banknote — perhaps a typo for ¥20.
    const Status asked = m_session->payCash(Money::fromYuan(200));
    QVERIFY(!asked);
    QCOMPARE(asked.error().code, ErrorCode::Unconfirmed);
    QVERIFY2(asked.error().message.contains(u"197.00"_s), qPrintable(asked.error().message));
    QCOMPARE(m_session->state(), State::Tendering);
    QCOMPARE(m_ledger->verify().entries, 0);

    QVERIFY_OK(m_session->payCash(Money::fromYuan(200), true));
    QCOMPARE(m_session->lastPaid()->change(), Money::fromYuan(197));

    // Change below ¥100 needs no second step.
    ringUp({cola});
    QVERIFY_OK(m_session->payCash(Money::fromYuan(100)));
    QCOMPARE(m_ledger->verify().entries, 2);
}

void TestSaleSession::damagedCatalogIsNotAMissingProduct()
{
    // The barcodes table's pages overwritten (a failing disk): a scan must say the catalog is
    // damaged, not "no product has barcode …", which would send the cashier to retype codes.
    QTemporaryDir dir;
    {
        CatalogStore catalog;
        QVERIFY_OK(catalog.open(dir.path()));
        QVERIFY(catalog.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"))
                    .ok);
    }
    const QString path = dir.filePath(CatalogStore::fileName());
    qint64 rootPage = 0;
    qint64 pageSize = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT rootpage FROM sqlite_schema WHERE name = 'barcodes'"_s)
                && q.next());
        rootPage = q.value(0).toLongLong();
        QVERIFY(q.exec(u"PRAGMA page_size"_s) && q.next());
        pageSize = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek((rootPage - 1) * pageSize));
    file.write(QByteArray(pageSize, '\xA5'));
    file.close();

    CatalogStore catalog;
    QVERIFY_OK(catalog.open(dir.path()));
    const auto lookup = catalog.lookupByCode(cola);
    QVERIFY(!lookup);
    QCOMPARE(lookup.error().code, ErrorCode::Damaged);
    SaleSession session(catalog, *m_ledger, *m_clock, StoreRules());
    const Result<int> line = session.scan(cola);
    QVERIFY(!line);
    QVERIFY2(line.error().message.contains(u"damaged"_s)
                 && !line.error().message.contains(u"No product"_s),
             qPrintable(line.error().message));
    QVERIFY(session.cart().isEmpty());
}

void TestSaleSession::addProductById()
{
    const auto product = m_catalog->findByCode(cola);
    const auto weighed = m_catalog->findByPlu(u"10001"_s);
    QVERIFY(product && weighed);
    QSignalSpy changed(m_session.get(), &SaleSession::cartChanged);
    QVERIFY(m_session->addProduct(product->id));
    QCOMPARE(m_session->state(), State::Scanning);
    QVERIFY(m_session->addProduct(product->id));
    const Status needsLabel = m_session->addProduct(weighed->id);
    QVERIFY(!needsLabel);
    QVERIFY(needsLabel.error().message.contains(u"weigh"_s));
    QCOMPARE(m_session->addProduct(-7).error().code, ErrorCode::NotFound);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(quantities(m_session->cart()), QList<qint64>{2});
}

void TestSaleSession::editCart()
{
    QVERIFY(m_session->scan(cola));
    QVERIFY(m_session->scan(bananas500g));
    QSignalSpy changed(m_session.get(), &SaleSession::cartChanged);
    QVERIFY(m_session->setQuantity(0, 4));
    const Status weighed = m_session->setQuantity(1, 2);
    QVERIFY(!weighed);
    QVERIFY(weighed.error().message.contains(u"scale label"_s));
    QVERIFY(!m_session->setQuantity(0, 0));
    QVERIFY(!m_session->setQuantity(0, Cart::maxUnitsPerLine + 1));
    QVERIFY(!m_session->setQuantity(5, 1));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_session->total(), Money::fromFen(1200 + 598));
    QVERIFY(m_session->removeLine(1));
    QVERIFY(!m_session->removeLine(1));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(m_session->total(), Money::fromFen(1200));
    QCOMPARE(m_session->state(), State::Scanning);
}

void TestSaleSession::emptiedCartIsIdle()
{
    QVERIFY(m_session->scan(cola));
    QSignalSpy state(m_session.get(), &SaleSession::stateChanged);
    QVERIFY(m_session->removeLine(0));
    QCOMPARE(m_session->state(), State::Idle);
    QCOMPARE(state.size(), 1);
}

void TestSaleSession::cancelSale()
{
    QCOMPARE(m_session->cancelSale().error().code, ErrorCode::InvalidInput); // nothing to cancel
    QVERIFY(m_session->scan(cola));
    QVERIFY(m_session->scan(bananas500g));
    QVERIFY(m_session->cancelSale());
    QVERIFY(m_session->cart().isEmpty());
    QCOMPARE(m_session->state(), State::Idle);
    QCOMPARE(m_session->total(), Money());
    QCOMPARE(m_ledger->verify().entries, 0);
}

void TestSaleSession::tenderRefusedWithEmptyCart()
{
    const Status refused = m_session->beginTender();
    QVERIFY(!refused);
    QVERIFY(!refused.error().message.isEmpty());
    QCOMPARE(m_session->state(), State::Idle);
}

void TestSaleSession::tenderAndBack()
{
    ringUp({cola});
    QVERIFY(m_session->beginTender()); // again: still tendering, nothing else happens
    QCOMPARE(m_session->state(), State::Tendering);
    QVERIFY(m_session->cancelTender());
    QCOMPARE(m_session->state(), State::Scanning);
    QCOMPARE(quantities(m_session->cart()), QList<qint64>{1});
    QVERIFY(m_session->scan(cola)); // scanning again
    QCOMPARE(quantities(m_session->cart()), QList<qint64>{2});
}

void TestSaleSession::refusedWhileTendering()
{
    ringUp({cola, bananas500g});
    const auto product = m_catalog->findByCode(cola);
    QSignalSpy changed(m_session.get(), &SaleSession::cartChanged);
    QCOMPARE(m_session->scan(cola).error().code, ErrorCode::Conflict);
    QCOMPARE(m_session->addProduct(product->id).error().code, ErrorCode::Conflict);
    QCOMPARE(m_session->setQuantity(0, 3).error().code, ErrorCode::Conflict);
    QCOMPARE(m_session->removeLine(0).error().code, ErrorCode::Conflict);
    QCOMPARE(m_session->cancelSale().error().code, ErrorCode::Conflict);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_session->state(), State::Tendering);
    QCOMPARE(quantities(m_session->cart()), (QList<qint64>{1, 500}));
}

void TestSaleSession::payOnlyWhileTendering()
{
    QVERIFY(!m_session->payCash(Money::fromYuan(10))); // empty cart
    QVERIFY(m_session->scan(cola));
    const Status notOpen = m_session->payCash(Money::fromYuan(10));
    QVERIFY(!notOpen);
    QCOMPARE(notOpen.error().code, ErrorCode::Conflict);
    QCOMPARE(m_session->state(), State::Scanning);
    QCOMPARE(m_ledger->verify().entries, 0);
}

void TestSaleSession::payTooLittle()
{
    ringUp({cola, bananas500g});
    const Money total = m_session->total();
    QCOMPARE(total, Money::fromFen(898));
    QSignalSpy changed(m_session.get(), &SaleSession::cartChanged);
    const Status paid = m_session->payCash(total - Money::fromFen(1));
    QVERIFY(!paid);
    QVERIFY2(paid.error().message.contains(u"8.97"_s) && paid.error().message.contains(u"8.98"_s),
             qPrintable(paid.error().message));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_session->state(), State::Tendering);
    QCOMPARE(m_session->cart().lines().size(), 2);
    QVERIFY(!m_session->lastPaid());
    const VerifyResult verified = m_ledger->verify();
    QVERIFY(verified.ok);
    QCOMPARE(verified.entries, 0);
    QVERIFY(outboxKinds().isEmpty());
}

void TestSaleSession::paySale()
{
    ringUp({cola, cola, bananas500g, grapes1980});
    const Money total = m_session->total();
    QCOMPARE(total, Money::fromFen(600 + 598 + 1980));
    const Money tax = m_session->tax();
    QSignalSpy state(m_session.get(), &SaleSession::stateChanged);
    m_clock->advanceMs(1500);

    const Status paid = m_session->payCash(Money::fromYuan(50));
    QVERIFY2(paid, qPrintable(paid.error().message));
    QCOMPARE(m_session->state(), State::Paid);
    QCOMPARE(state.size(), 1);
    QVERIFY(m_session->cart().isEmpty());
    QVERIFY(m_session->lastPaid());
    const PaidSale &last = *m_session->lastPaid();
    QCOMPARE(last.seq, 1);
    QCOMPARE(last.received(), Money::fromYuan(50));
    QCOMPARE(last.change(), Money::fromYuan(50) - total);

    const Sale &sale = last.sale;
    QCOMPARE(sale.total, total);
    QCOMPARE(sale.tax, tax);
    QCOMPARE(sale.createdAt, startTime.addMSecs(1500));
    QCOMPARE(sale.tenders.size(), 1);
    QCOMPARE(sale.tenders[0].amount, total);

    // In the ledger: the sale with its lines and tender, its journal entry and outbox event.
    const std::optional<Sale> stored = m_ledger->loadSale(last.seq);
    QVERIFY(stored);
    QCOMPARE(stored->createdAt, sale.createdAt);
    QCOMPARE(stored->total, total);
    QCOMPARE(stored->lines.size(), 3);
    QCOMPARE(stored->lines[0].sku, u"DR0001"_s);
    QCOMPARE(stored->lines[0].quantity, 2);
    QVERIFY(stored->lines[1].weighed);
    QCOMPARE(stored->tenders[0].change, sale.tenders[0].change);
    QCOMPARE(outboxKinds().value(last.seq), u"sale"_s);
    QCOMPARE(outboxKinds().size(), 1);
    const VerifyResult verified = m_ledger->verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
    QCOMPARE(verified.entries, 1);
}

void TestSaleSession::paidUntilNextSale()
{
    ringUp({cola});
    QVERIFY(m_session->payCash(Money::fromYuan(5)));
    // The screens keep the paid figures, not ¥0.00, until the next sale starts.
    QCOMPARE(m_session->total(), Money::fromFen(300));
    QCOMPARE(m_session->lastPaid()->change(), Money::fromFen(200));
    QVERIFY(!m_session->beginTender()); // nothing to pay
    QVERIFY(!m_session->removeLine(0));
    QCOMPARE(m_session->state(), State::Paid);
    // The next scan starts the next sale.
    QVERIFY(m_session->scan(bananas500g));
    QCOMPARE(m_session->state(), State::Scanning);
    QVERIFY(!m_session->lastPaid());
    QCOMPARE(m_session->total(), Money::fromFen(598));
}

void TestSaleSession::startNextSale()
{
    m_session->startNextSale(); // idle: nothing to do
    QCOMPARE(m_session->state(), State::Idle);
    ringUp({cola});
    QVERIFY(m_session->payCash(Money::fromFen(300)));
    m_session->startNextSale();
    QCOMPARE(m_session->state(), State::Idle);
    QVERIFY(!m_session->lastPaid());
    QCOMPARE(m_session->total(), Money());
}

void TestSaleSession::consecutiveSales()
{
    for (int n = 1; n <= 3; ++n) {
        ringUp({cola});
        QVERIFY(m_session->payCash(Money::fromFen(300)));
        QCOMPARE(m_session->lastPaid()->seq, n);
        QCOMPARE(m_session->lastPaid()->change(), Money());
    }
    QCOMPARE(outboxKinds().size(), 3);
    QCOMPARE(m_ledger->verify().entries, 3);
}

void TestSaleSession::pricingRulesMakeAdjustments()
{
    const YuanOff rule;
    m_session->setPricingRules({&rule});
    ringUp({cola, cola});
    QCOMPARE(m_session->basket().subtotal, Money::fromFen(600));
    QCOMPARE(m_session->total(), Money::fromFen(500));
    QVERIFY(m_session->payCash(Money::fromFen(500)));
    const Sale &sale = m_session->lastPaid()->sale;
    QCOMPARE(sale.total, Money::fromFen(500));
    QCOMPARE(sale.adjustments.size(), 1);
    QCOMPARE(sale.adjustments[0].source, u"test:yuan-off"_s);
}

void TestSaleSession::noSaleBetweenSales()
{
    QSignalSpy recorded(m_session.get(), &SaleSession::noSaleRecorded);
    const Result<qint64> first = m_session->recordNoSale(); // idle
    QVERIFY2(first, qPrintable(first.error().message));
    QCOMPARE(*first, 1);
    QCOMPARE(outboxKinds().value(1), u"no_sale"_s);
    ringUp({cola});
    QVERIFY(m_session->payCash(Money::fromYuan(10)));
    const Result<qint64> afterPaid = m_session->recordNoSale(); // the paid sale is done
    QVERIFY(afterPaid);
    QCOMPARE(*afterPaid, 3);
    QCOMPARE(m_session->state(), State::Idle);
    QCOMPARE(recorded.size(), 2);
    const VerifyResult verified = m_ledger->verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
    QCOMPARE(verified.entries, 3);
}

void TestSaleSession::noSaleRefusedDuringSale()
{
    QVERIFY(m_session->scan(cola));
    const Result<qint64> scanning = m_session->recordNoSale();
    QVERIFY(!scanning);
    QCOMPARE(scanning.error().code, ErrorCode::Conflict);
    QVERIFY(m_session->beginTender());
    QCOMPARE(m_session->recordNoSale().error().code, ErrorCode::Conflict);
    QCOMPARE(m_session->state(), State::Tendering);
    QCOMPARE(m_ledger->verify().entries, 0);
}

void TestSaleSession::productSearch()
{
    const ProductSearch search(*m_catalog);
    QVERIFY(search.find(u"  "_s).isEmpty());
    const QList<Product> found = search.find(u"cola"_s, 3);
    QVERIFY(!found.isEmpty() && found.size() <= 3);
    QVERIFY(found[0].nameEn.contains(u"Cola"_s));
}

void TestSaleSession::simulatorUsesTheSession()
{
    QSignalSpy state(m_session.get(), &SaleSession::stateChanged);
    const SimulationReport report = simulateSales(*m_session, m_catalog->someCodes(50), 5, 7);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.sales, 5);
    QVERIFY(report.takings.fen > 0);
    QCOMPARE(m_session->state(), State::Paid);
    QCOMPARE(m_ledger->verify().entries, 5);
    QVERIFY(state.size() >= 5 * 3); // every sale went scanning → tendering → paid
}

QTEST_GUILESS_MAIN(TestSaleSession)
#include "tst_salesession.moc"
