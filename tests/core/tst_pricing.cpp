#include "core/pricing.h"

#include "pricingsupport.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace smartpos;
using smartpos::testing::FixedAdjustments;
using namespace Qt::StringLiterals;

namespace {

// percent % off every line of one SKU, rounded like every amount of SmartPOS.
class PercentOffSku : public PricingRule {
public:
    PercentOffSku(QString sku, int percent)
        : m_sku(std::move(sku))
        , m_percent(percent)
    {
    }
    QString id() const override { return u"test:percent-off-"_s + m_sku; }
    QList<Adjustment> apply(const Cart &cart, const PricingContext &) const override
    {
        QList<Adjustment> result;
        for (int i = 0; i < cart.lines().size(); ++i) {
            if (cart.lines()[i].product.sku != m_sku)
                continue;
            const Money off{roundDiv(cart.lines()[i].total().fen * m_percent, 100)};
            result.append(
                {id(), u"%1%优惠"_s.arg(m_percent), u"%1 % off"_s.arg(m_percent), i, -off});
        }
        return result;
    }

private:
    QString m_sku;
    int m_percent;
};

// A fixed amount off the whole basket. It leaves the source empty: priceCart() fills in its id.
class AmountOffBasket : public PricingRule {
public:
    explicit AmountOffBasket(Money off, QString id = u"test:amount-off"_s)
        : m_off(off)
        , m_id(std::move(id))
    {
    }
    QString id() const override { return m_id; }
    QList<Adjustment> apply(const Cart &cart, const PricingContext &) const override
    {
        if (cart.isEmpty())
            return {};
        return {{QString(), u"立减"_s, u"Money off"_s, -1, -m_off}};
    }

private:
    Money m_off;
    QString m_id;
};

// ¥1 off the basket during happy hour (UTC 10:00–11:00): shows the context reaches the rules.
class HappyHour : public PricingRule {
public:
    QString id() const override { return u"test:happy-hour"_s; }
    QList<Adjustment> apply(const Cart &, const PricingContext &context) const override
    {
        if (context.atUtc.time().hour() != 10)
            return {};
        return {{id(), u"欢乐时光"_s, u"Happy hour"_s, -1, Money::fromYuan(-1)}};
    }
};

Adjustment basketChange(qint64 fen, const QString &source = u"test:basket"_s)
{
    return {source, u"调整"_s, u"Adjustment"_s, -1, Money::fromFen(fen)};
}

Adjustment lineChange(int line, qint64 fen, const QString &source = u"test:line"_s)
{
    return {source, u"调整"_s, u"Adjustment"_s, line, Money::fromFen(fen)};
}

const PricingContext noon{QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC)};

// (tax rate in basis points, gross in fen) pairs.
using GrossByRate = QList<QPair<int, qint64>>;

// One unit of a product per gross, "rate:fen" each: the cart of a tax allocation row.
Cart cartOfGross(const GrossByRate &grossByRate)
{
    Cart cart;
    qint64 id = 1;
    for (const auto &[rate, fen] : grossByRate)
        cart.addUnits(unitProduct(id++, fen, rate), QString());
    return cart;
}

QList<qint64> taxGross(const PricedBasket &basket)
{
    QList<qint64> result;
    for (const TaxLine &line : basket.taxes)
        result << line.gross.fen;
    return result;
}

// The invariants every priced basket keeps, whatever the rules did.
void verifyConsistent(const Cart &cart, const PricedBasket &basket)
{
    QCOMPARE(basket.subtotal, cart.total());
    QVERIFY(!basket.total.isNegative());
    QCOMPARE(basket.subtotal - basket.discount, basket.total);
    Money adjustments;
    for (const Adjustment &adjustment : basket.adjustments)
        adjustments += adjustment.amount;
    QCOMPARE(basket.subtotal + adjustments, basket.total);
    Money gross;
    Money tax;
    for (const TaxLine &line : basket.taxes) {
        QVERIFY(!line.gross.isNegative());
        QCOMPARE(line.tax, taxIncluded(line.gross, line.rateBp));
        gross += line.gross;
        tax += line.tax;
    }
    QCOMPARE(gross, basket.total);
    QCOMPARE(tax, basket.tax);

    // The recorded sale gives the same taxes back (receipts and reports read them from it).
    const QList<TaxLine> recorded =
        taxBreakdown(saleFromBasket(cart, basket, QDateTime::currentDateTimeUtc(), {}));
    QCOMPARE(recorded.size(), basket.taxes.size());
    for (qsizetype i = 0; i < recorded.size(); ++i) {
        QCOMPARE(recorded[i].rateBp, basket.taxes[i].rateBp);
        QCOMPARE(recorded[i].gross, basket.taxes[i].gross);
        QCOMPARE(recorded[i].tax, basket.taxes[i].tax);
    }
}

// What a basket says, independent of line positions: lines named by SKU.
QStringList describe(const Cart &cart, const PricedBasket &basket)
{
    QStringList result{u"subtotal %1 discount %2 total %3 tax %4"_s.arg(
        basket.subtotal.toString(), basket.discount.toString(), basket.total.toString(),
        basket.tax.toString())};
    for (const TaxLine &line : basket.taxes)
        result << u"rate %1 gross %2 tax %3"_s.arg(line.rateBp)
                      .arg(line.gross.toString(), line.tax.toString());
    QStringList adjustments;
    for (const Adjustment &adjustment : basket.adjustments) {
        const QString target =
            adjustment.line < 0 ? u"basket"_s : cart.lines()[adjustment.line].product.sku;
        adjustments << u"%1 on %2: %3"_s.arg(adjustment.source, target,
                                             adjustment.amount.toString());
    }
    adjustments.sort();
    return result + adjustments;
}

} // namespace

class TestPricing : public QObject {
    Q_OBJECT

private slots:
    void noRulesSameAsCart_data();
    void noRulesSameAsCart();
    void lineAdjustment();
    void basketAdjustment();
    void taxAllocation_data();
    void taxAllocation();
    void discountBiggerThanBasket();
    void lineAdjustmentClampedAtZero();
    void lineAdjustmentsBeforeBasketAdjustments();
    void surcharges();
    void surchargesStayWithinLimits();
    void basketAdjustmentOnWorthlessBasket();
    void malformedRuleOutput();
    void contextReachesRules();
    void orderOfLinesDoesNotMatter();
    void saleFromBasket();
};

void TestPricing::noRulesSameAsCart_data()
{
    QTest::addColumn<bool>("withIdleRule");
    QTest::newRow("no rules") << false;
    QTest::newRow("a rule that does nothing") << true;
}

void TestPricing::noRulesSameAsCart()
{
    QFETCH(bool, withIdleRule);
    const PercentOffSku idle(u"none"_s, 10);
    const QList<const PricingRule *> rules =
        withIdleRule ? QList<const PricingRule *>{&idle} : QList<const PricingRule *>{};

    const PricedBasket empty = priceCart(Cart(), rules, noon);
    QCOMPARE(empty.total, Money());
    QVERIFY(empty.taxes.isEmpty());
    QVERIFY(empty.adjustments.isEmpty());

    Cart cart;
    cart.addUnits(unitProduct(1, 300), u"a"_s, 3);
    cart.addUnits(unitProduct(2, 650, 900), u"b"_s);
    cart.addWeighed(weighedProduct(3, 1196), u"c"_s, 437);
    cart.addWeighed(unitProduct(4, 0, 600), u"d"_s, 0, Money::fromFen(1999));
    const PricedBasket basket = priceCart(cart, rules, noon);
    verifyConsistent(cart, basket);
    QVERIFY(basket.adjustments.isEmpty());
    QCOMPARE(basket.total, cart.total());
    QCOMPARE(basket.discount, Money());
    QCOMPARE(basket.tax, cart.totalTax());
    const QList<TaxLine> expected = cart.taxBreakdown();
    QCOMPARE(basket.taxes.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(basket.taxes[i].rateBp, expected[i].rateBp);
        QCOMPARE(basket.taxes[i].gross, expected[i].gross);
        QCOMPARE(basket.taxes[i].tax, expected[i].tax);
    }
}

void TestPricing::lineAdjustment()
{
    Cart cart;
    cart.addUnits(unitProduct(1, 300), u"a"_s, 2);      // ¥6.00 at 13 %
    cart.addUnits(unitProduct(2, 1290), u"b"_s);        // ¥12.90 at 13 %
    cart.addUnits(unitProduct(3, 650, 900), u"c"_s, 2); // ¥13.00 at 9 %
    const PercentOffSku tenOffChips(u"SKU2"_s, 10);
    const PricedBasket basket = priceCart(cart, {&tenOffChips}, noon);
    verifyConsistent(cart, basket);

    QCOMPARE(basket.adjustments.size(), 1);
    const Adjustment &adjustment = basket.adjustments[0];
    QCOMPARE(adjustment.source, u"test:percent-off-SKU2"_s);
    QCOMPARE(adjustment.nameZh, u"10%优惠"_s);
    QCOMPARE(adjustment.nameEn, u"10 % off"_s);
    QCOMPARE(adjustment.line, 1);
    QCOMPARE(adjustment.amount, Money::fromFen(-129));
    QCOMPARE(basket.subtotal, Money::fromFen(3190));
    QCOMPARE(basket.discount, Money::fromFen(129));
    QCOMPARE(basket.total, Money::fromFen(3061));
    // The discount lowers only its own line's rate.
    QCOMPARE(taxGross(basket), (QList<qint64>{1300, 600 + 1161}));
    QCOMPARE(basket.taxes[1].tax, taxIncluded(Money::fromFen(1761), 1300));
    QCOMPARE(basket.taxes[0].tax, taxIncluded(Money::fromFen(1300), 900));
}

void TestPricing::basketAdjustment()
{
    const Cart cart = cartOfGross({{900, 1000}, {1300, 3000}});
    const AmountOffBasket fiveOff(Money::fromYuan(5));
    const PricedBasket basket = priceCart(cart, {&fiveOff}, noon);
    verifyConsistent(cart, basket);

    QCOMPARE(basket.adjustments.size(), 1);
    QCOMPARE(basket.adjustments[0].source, u"test:amount-off"_s); // filled in from the rule id
    QCOMPARE(basket.adjustments[0].line, -1);
    QCOMPARE(basket.adjustments[0].amount, Money::fromFen(-500));
    QCOMPARE(basket.total, Money::fromFen(3500));
    QCOMPARE(basket.discount, Money::fromFen(500));
    // ¥5 split 1 : 3 over the rates.
    QCOMPARE(taxGross(basket), (QList<qint64>{875, 2625}));
    QCOMPARE(basket.tax,
             taxIncluded(Money::fromFen(875), 900) + taxIncluded(Money::fromFen(2625), 1300));
}

void TestPricing::taxAllocation_data()
{
    QTest::addColumn<GrossByRate>("grossByRate");
    QTest::addColumn<qint64>("adjustment");
    QTest::addColumn<QList<qint64>>("expectedGross"); // ascending by rate

    QTest::newRow("one rate takes it all")
        << GrossByRate{{1300, 1000}} << qint64(-1) << QList<qint64>{999};
    QTest::newRow("largest remainder gets the odd fen")
        << GrossByRate{{900, 333}, {1300, 667}} << qint64(-100) << QList<qint64>{300, 600};
    QTest::newRow("three-way tie goes to the lowest rate")
        << GrossByRate{{600, 1000}, {900, 1000}, {1300, 1000}} << qint64(-100)
        << QList<qint64>{966, 967, 967};
    QTest::newRow("two fen over three rates") << GrossByRate{{600, 1000}, {900, 1000}, {1300, 1000}}
                                              << qint64(-2) << QList<qint64>{999, 999, 1000};
    QTest::newRow("tax-exempt rate in a tie")
        << GrossByRate{{0, 500}, {1300, 500}} << qint64(-101) << QList<qint64>{449, 450};
    QTest::newRow("a rate worth nothing gets nothing")
        << GrossByRate{{600, 0}, {1300, 1000}} << qint64(-10) << QList<qint64>{0, 990};
    QTest::newRow("uneven split") << GrossByRate{{600, 1}, {900, 2}, {1300, 9997}} << qint64(-9999)
                                  << QList<qint64>{0, 0, 1};
    QTest::newRow("whole basket") << GrossByRate{{900, 500}, {1300, 700}} << qint64(-1200)
                                  << QList<qint64>{0, 0};
    QTest::newRow("more than the basket")
        << GrossByRate{{900, 500}, {1300, 700}} << qint64(-5000) << QList<qint64>{0, 0};
    QTest::newRow("surcharge") << GrossByRate{{900, 500}, {1300, 700}} << qint64(13)
                               << QList<qint64>{505, 708};
}

void TestPricing::taxAllocation()
{
    QFETCH(GrossByRate, grossByRate);
    QFETCH(qint64, adjustment);
    QFETCH(QList<qint64>, expectedGross);
    const Cart cart = cartOfGross(grossByRate);
    const FixedAdjustments rule({basketChange(adjustment)});
    const PricedBasket basket = priceCart(cart, {&rule}, noon);
    verifyConsistent(cart, basket);
    QCOMPARE(taxGross(basket), expectedGross);
}

void TestPricing::discountBiggerThanBasket()
{
    Cart cart;
    cart.addUnits(unitProduct(1, 300), u"a"_s);
    cart.addUnits(unitProduct(2, 650, 900), u"b"_s);
    const AmountOffBasket tenOff(Money::fromYuan(10), u"coupon:1"_s);
    const AmountOffBasket oneOff(Money::fromYuan(1), u"coupon:2"_s);
    const PricedBasket basket = priceCart(cart, {&tenOff, &oneOff}, noon);
    verifyConsistent(cart, basket);
    QCOMPARE(basket.total, Money());
    QCOMPARE(basket.tax, Money());
    QCOMPARE(basket.discount, Money::fromFen(950));
    // Both stay listed, each with what it actually took off.
    QCOMPARE(basket.adjustments.size(), 2);
    QCOMPARE(basket.adjustments[0].source, u"coupon:1"_s);
    QCOMPARE(basket.adjustments[0].amount, Money::fromFen(-950));
    QCOMPARE(basket.adjustments[1].source, u"coupon:2"_s);
    QCOMPARE(basket.adjustments[1].amount, Money());
    QCOMPARE(taxGross(basket), (QList<qint64>{0, 0}));
}

void TestPricing::lineAdjustmentClampedAtZero()
{
    Cart cart;
    cart.addUnits(unitProduct(1, 300), u"a"_s);
    cart.addUnits(unitProduct(2, 650, 900), u"b"_s);
    const FixedAdjustments rule({lineChange(0, -500), lineChange(0, -100), lineChange(1, -50)});
    const PricedBasket basket = priceCart(cart, {&rule}, noon);
    verifyConsistent(cart, basket);
    QCOMPARE(basket.adjustments.size(), 3);
    QCOMPARE(basket.adjustments[0].amount, Money::fromFen(-300));
    QCOMPARE(basket.adjustments[1].amount, Money());
    QCOMPARE(basket.adjustments[2].amount, Money::fromFen(-50));
    QCOMPARE(basket.total, Money::fromFen(600));
    // The 13 % line is free; its discount does not spill onto the 9 % line.
    QCOMPARE(taxGross(basket), (QList<qint64>{600, 0}));
}

void TestPricing::lineAdjustmentsBeforeBasketAdjustments()
{
    Cart cart;
    cart.addUnits(unitProduct(1, 1000), u"a"_s);
    // The basket rule comes first, but the line discount is applied first.
    const FixedAdjustments basketFirst({basketChange(-1000)});
    const FixedAdjustments lineSecond({lineChange(0, -100)});
    const PricedBasket basket = priceCart(cart, {&basketFirst, &lineSecond}, noon);
    verifyConsistent(cart, basket);
    QCOMPARE(basket.total, Money());
    QCOMPARE(basket.adjustments.size(), 2);
    QCOMPARE(basket.adjustments[0].line, -1);
    QCOMPARE(basket.adjustments[0].amount, Money::fromFen(-900));
    QCOMPARE(basket.adjustments[1].line, 0);
    QCOMPARE(basket.adjustments[1].amount, Money::fromFen(-100));
}

void TestPricing::surcharges()
{
    Cart cart;
    cart.addUnits(unitProduct(1, 300), u"a"_s);
    cart.addUnits(unitProduct(2, 700, 900), u"b"_s);
    const FixedAdjustments rule({lineChange(1, 50), basketChange(100)});
    const PricedBasket basket = priceCart(cart, {&rule}, noon);
    verifyConsistent(cart, basket);
    QCOMPARE(basket.total, Money::fromFen(1150));
    QCOMPARE(basket.discount, Money::fromFen(-150));
    QCOMPARE(taxGross(basket), (QList<qint64>{750 + 71, 300 + 29}));
}

void TestPricing::surchargesStayWithinLimits()
{
    // A rule gone wrong: amounts at the ends of qint64 neither overflow nor pass the limits.
    MoneyLimits limits;
    limits.line = Money::fromYuan(10);
    limits.sale = Money::fromYuan(15);
    Cart cart(limits);
    QVERIFY(cart.addUnits(unitProduct(1, 300), u"a"_s));
    QVERIFY(cart.addUnits(unitProduct(2, 700, 900), u"b"_s));
    const qint64 most = std::numeric_limits<qint64>::max();
    const FixedAdjustments rule({lineChange(0, most),
                                 lineChange(1, std::numeric_limits<qint64>::min()),
                                 basketChange(most), basketChange(most)});
    const PricedBasket basket = priceCart(cart, {&rule}, noon);
    verifyConsistent(cart, basket);
    QCOMPARE(basket.adjustments[0].amount, Money::fromFen(700));  // line a up to ¥10.00
    QCOMPARE(basket.adjustments[1].amount, Money::fromFen(-700)); // line b down to ¥0
    QCOMPARE(basket.adjustments[2].amount, Money::fromFen(500));  // the basket up to ¥15.00
    QCOMPARE(basket.adjustments[3].amount, Money());
    QCOMPARE(basket.total, limits.sale);
}

void TestPricing::basketAdjustmentOnWorthlessBasket()
{
    Cart cart;
    cart.addUnits(unitProduct(1, 0), u"free"_s);
    const FixedAdjustments rule({basketChange(-100), basketChange(100)});
    const PricedBasket basket = priceCart(cart, {&rule}, noon);
    verifyConsistent(cart, basket);
    QCOMPARE(basket.total, Money());
    QCOMPARE(basket.adjustments.size(), 2);
    QCOMPARE(basket.adjustments[0].amount, Money());
    QCOMPARE(basket.adjustments[1].amount, Money());

    const PricedBasket empty = priceCart(Cart(), {&rule}, noon);
    verifyConsistent(Cart(), empty);
    QCOMPARE(empty.total, Money());
    QVERIFY(empty.taxes.isEmpty());
}

void TestPricing::malformedRuleOutput()
{
    Cart cart;
    cart.addUnits(unitProduct(1, 300), u"a"_s);
    cart.addUnits(unitProduct(2, 500), u"b"_s);
    const FixedAdjustments rule({lineChange(2, -10, u"test:past-the-end"_s),
                                 lineChange(-2, -10, u"test:negative-line"_s),
                                 lineChange(1, -10, QString())});
    const PricedBasket basket = priceCart(cart, {nullptr, &rule, nullptr}, noon);
    verifyConsistent(cart, basket);
    QCOMPARE(basket.adjustments.size(), 1);
    QCOMPARE(basket.adjustments[0].line, 1);
    QCOMPARE(basket.adjustments[0].source, u"test:fixed"_s);
    QCOMPARE(basket.total, Money::fromFen(790));
}

void TestPricing::contextReachesRules()
{
    Cart cart;
    cart.addUnits(unitProduct(1, 300), u"a"_s);
    const HappyHour happyHour;
    const PricingContext tenOClock{QDateTime(QDate(2024, 3, 1), QTime(10, 30), Qt::UTC)};
    QCOMPARE(priceCart(cart, {&happyHour}, tenOClock).total, Money::fromFen(200));
    QCOMPARE(priceCart(cart, {&happyHour}, noon).total, Money::fromFen(300));
}

void TestPricing::orderOfLinesDoesNotMatter()
{
    struct Item {
        Product product;
        qint64 quantity; // units, or grams for weighed products
        std::optional<Money> labelPrice;
    };
    const QList<Item> items{
        {unitProduct(1, 300), 3, {}},
        {unitProduct(2, 1290), 1, {}},
        {unitProduct(3, 650, 900), 2, {}},
        {unitProduct(4, 1999, 600), 1, {}},
        {weighedProduct(5, 1196), 437, {}},
        {weighedProduct(6, 1596), 1210, {}},
        {unitProduct(7, 0, 0), 0, Money::fromFen(2345)},
        {unitProduct(8, 99, 0), 7, {}},
    };
    const PercentOffSku tenOffChips(u"SKU2"_s, 10);
    const PercentOffSku fifteenOffBananas(u"SKU5"_s, 15);
    const PercentOffSku halfOffLabel(u"SKU7"_s, 50);
    const AmountOffBasket offBasket(Money::fromFen(777));
    const FixedAdjustments surcharge({basketChange(3)});
    const QList<const PricingRule *> rules{&tenOffChips, &fifteenOffBananas, &halfOffLabel,
                                           &offBasket, &surcharge};

    const auto cartOf = [](const QList<Item> &ordered) {
        Cart cart;
        for (const Item &item : ordered) {
            if (item.labelPrice || item.product.isWeighed())
                cart.addWeighed(item.product, QString(), item.quantity, item.labelPrice);
            else
                cart.addUnits(item.product, QString(), item.quantity);
        }
        return cart;
    };
    const Cart reference = cartOf(items);
    QCOMPARE(reference.lines().size(), items.size());
    const PricedBasket expected = priceCart(reference, rules, noon);
    verifyConsistent(reference, expected);
    QCOMPARE(expected.adjustments.size(), 5);

    QRandomGenerator random(20240301);
    QList<Item> shuffled = items;
    for (int round = 0; round < 200; ++round) {
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        const Cart cart = cartOf(shuffled);
        const PricedBasket basket = priceCart(cart, rules, noon);
        verifyConsistent(cart, basket);
        QCOMPARE(describe(cart, basket), describe(reference, expected));
    }
}

void TestPricing::saleFromBasket()
{
    Cart cart;
    cart.addUnits(unitProduct(1, 300), u"6928804995534"_s, 2);
    cart.addWeighed(weighedProduct(2, 1196), u"2210001005005"_s, 500);
    const PercentOffSku tenOffCola(u"SKU1"_s, 10);
    const AmountOffBasket oneOff(Money::fromYuan(1), u"coupon:42"_s);
    const PricedBasket basket = priceCart(cart, {&tenOffCola, &oneOff}, noon);
    const QList<Tender> tenders{exactTender(Tender::Kind::PaymentCode, basket.total, u"1345"_s)};
    const QDateTime beijing(QDate(2024, 3, 1), QTime(20, 30), QTimeZone(8 * 3600));

    const Sale sale = smartpos::saleFromBasket(cart, basket, beijing, tenders);
    QCOMPARE(sale.createdAt, beijing);
    QCOMPARE(sale.createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(sale.lines.size(), 2);
    QCOMPARE(sale.lines[0].total, Money::fromFen(600)); // lines keep their price; adjustments
    QCOMPARE(sale.lines[1].total, Money::fromFen(598)); // explain the difference
    QCOMPARE(sale.total, Money::fromFen(600 + 598 - 60 - 100));
    QCOMPARE(sale.total, basket.total);
    QCOMPARE(sale.tax, basket.tax);
    QVERIFY(tendersSettle(sale.tenders, sale.total));

    QCOMPARE(sale.adjustments.size(), 2);
    QCOMPARE(sale.adjustments[0].source, u"test:percent-off-SKU1"_s);
    QCOMPARE(sale.adjustments[0].nameZh, u"10%优惠"_s);
    QCOMPARE(sale.adjustments[0].nameEn, u"10 % off"_s);
    QCOMPARE(sale.adjustments[0].line, 0);
    QCOMPARE(sale.adjustments[0].amount, Money::fromFen(-60));
    QCOMPARE(sale.adjustments[1].source, u"coupon:42"_s);
    QCOMPARE(sale.adjustments[1].nameZh, u"立减"_s);
    QCOMPARE(sale.adjustments[1].nameEn, u"Money off"_s);
    QCOMPARE(sale.adjustments[1].line, -1);
    QCOMPARE(sale.adjustments[1].amount, Money::fromFen(-100));

    Money sum;
    for (const SaleLine &line : sale.lines)
        sum += line.total;
    for (const Adjustment &adjustment : sale.adjustments)
        sum += adjustment.amount;
    QCOMPARE(sum, sale.total);
}

QTEST_GUILESS_MAIN(TestPricing)
#include "tst_pricing.moc"
