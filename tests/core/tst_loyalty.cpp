// Points (app/core/loyalty.h): what a member earns on a priced cart, the most they may redeem,
// the offline bound, and the redemption as a pricing rule.
#include "core/loyalty.h"
#include "core/member.h"

#include "pricingsupport.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace smartpos;
using smartpos::testing::FixedAdjustments;
using smartpos::testing::product;
using namespace Qt::StringLiterals;

namespace {

// A cart from "SKU/category/price×units" (unit products) and "SKU/category/perKg@grams"
// (weighed), separated by spaces; prices in fen.
Cart cartOf(const QString &spec, MoneyLimits limits = {})
{
    Cart cart(limits);
    for (const QString &item : spec.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u'/');
        const bool weighed = parts[2].contains(u'@');
        const QStringList amount = parts[2].split(weighed ? u'@' : u'x');
        const Product p = product(parts[0], parts[1], amount[0].toLongLong(), weighed);
        const qint64 quantity = amount.value(1, u"1"_s).toLongLong();
        const CartEdit edit =
            weighed ? cart.addWeighed(p, p.sku, quantity) : cart.addUnits(p, p.sku, quantity);
        if (!edit)
            qFatal("cart refused %s", qPrintable(item));
    }
    return cart;
}

// "line:yuan" per adjustment, separated by spaces: "0:-3 -1:-10.50"; "p:-5" is a points
// redemption ("points:M1") on the basket.
QList<Adjustment> adjustmentsOf(const QString &spec)
{
    QList<Adjustment> adjustments;
    for (const QString &item : spec.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u':');
        Adjustment a;
        const bool points = parts[0] == u"p";
        a.source = points ? u"points:M1"_s : u"test:fixed"_s;
        a.line = points ? -1 : parts[0].toInt();
        a.amount = Money::parse(parts[1]).value();
        adjustments << a;
    }
    return adjustments;
}

const PricingContext noon{QDateTime(QDate(2026, 3, 6), QTime(4, 0), QTimeZone::utc())};

PricedBasket priced(const Cart &cart, const QString &adjustments)
{
    const FixedAdjustments rule(adjustmentsOf(adjustments));
    return priceCart(cart, {&rule}, noon);
}

// The demo store's scheme: 1 point per yuan, gold 150 %, platinum 200 %, no points on tobacco,
// double on birthdays, 100 points = ¥1 for at most half a sale.
LoyaltyRules demoRules()
{
    LoyaltyRules rules;
    rules.pointsPerYuan = 1;
    rules.tierPercent = {{u"gold"_s, 150}, {u"platinum"_s, 200}};
    rules.excludedCategories = {u"tobacco"_s};
    rules.birthdayPercent = 200;
    rules.pointsPerYuanRedeemed = 100;
    rules.redeemMaxPercent = 50;
    return rules;
}

MoneyLimits widest()
{
    MoneyLimits limits;
    limits.unitPrice = MoneyLimits::ceiling;
    limits.line = MoneyLimits::ceiling;
    limits.sale = MoneyLimits::ceiling;
    return limits;
}

} // namespace

class TestLoyalty : public QObject {
    Q_OBJECT

private slots:
    void earned_data();
    void earned();
    void earnedRules();
    void earnedNearLimits();
    void earnedOrderIndependent();
    void maxRedemption_data();
    void maxRedemption();
    void available_data();
    void available();
    void redemptionRule();
    void redemptionTwoPasses();
    void properties();
};

void TestLoyalty::earned_data()
{
    QTest::addColumn<QString>("cart");
    QTest::addColumn<QString>("adjustments");
    QTest::addColumn<QString>("tier");
    QTest::addColumn<bool>("birthday");
    QTest::addColumn<qint64>("points");

    QTest::newRow("¥12 silver") << u"A/food/1200"_s << QString() << u"silver"_s << false
                                << qint64(12);
    QTest::newRow("¥12.99 rounds down")
        << u"A/food/1299"_s << QString() << u"silver"_s << false << qint64(12);
    QTest::newRow("¥0.99 earns nothing")
        << u"A/food/99"_s << QString() << u"silver"_s << false << qint64(0);
    QTest::newRow("units") << u"A/food/350x4"_s << QString() << u"silver"_s << false << qint64(14);
    QTest::newRow("gold 150 %") << u"A/food/1200"_s << QString() << u"gold"_s << false
                                << qint64(18);
    QTest::newRow("gold rounds down") << u"A/food/1299"_s << QString() << u"gold"_s << false
                                      << qint64(19); // 12.99 × 1.5 = 19.485
    QTest::newRow("platinum 200 %")
        << u"A/food/1000"_s << QString() << u"platinum"_s << false << qint64(20);
    QTest::newRow("no tier: 100 %")
        << u"A/food/1000"_s << QString() << QString() << false << qint64(10);
    QTest::newRow("unlisted tier: 100 %")
        << u"A/food/1000"_s << QString() << u"bronze"_s << false << qint64(10);
    QTest::newRow("birthday 200 %")
        << u"A/food/1000"_s << QString() << u"silver"_s << true << qint64(20);
    QTest::newRow("platinum on the birthday")
        << u"A/food/1000"_s << QString() << u"platinum"_s << true << qint64(40);
    QTest::newRow("gold birthday rounds once")
        << u"A/food/333"_s << QString() << u"gold"_s << true << qint64(9); // 3.33 × 1.5 × 2 = 9.99
    QTest::newRow("tobacco earns nothing")
        << u"A/food/1000 T/tobacco/2500"_s << QString() << u"silver"_s << false << qint64(10);
    QTest::newRow("only tobacco") << u"T/tobacco/2500x2"_s << QString() << u"platinum"_s << true
                                  << qint64(0);
    QTest::newRow("line discount")
        << u"A/food/1000"_s << u"0:-3"_s << u"silver"_s << false << qint64(7);
    QTest::newRow("discount on tobacco only")
        << u"A/food/1000 T/tobacco/2500"_s << u"1:-5"_s << u"silver"_s << false << qint64(10);
    QTest::newRow("line surcharge is paid")
        << u"A/food/1000"_s << u"0:2"_s << u"silver"_s << false << qint64(12);
    QTest::newRow("line given away")
        << u"A/food/1000 B/food/500"_s << u"0:-10"_s << u"silver"_s << false << qint64(5);
    QTest::newRow("basket discount")
        << u"A/food/1200"_s << u"-1:-5"_s << u"silver"_s << false << qint64(7);
    // ¥10 off a ¥10 + ¥10 basket: the tobacco takes half of it.
    QTest::newRow("basket discount shared with tobacco")
        << u"A/food/1000 T/tobacco/1000"_s << u"-1:-10"_s << u"silver"_s << false << qint64(5);
    // ¥1 off ¥3 food + ¥7 tobacco: the food takes ¥0.30.
    QTest::newRow("basket share in proportion")
        << u"A/food/300 T/tobacco/700"_s << u"-1:-1"_s << u"gold"_s << false
        << qint64(4); // 2.70 × 1.5 = 4.05
    // Shares follow the lines after their own discounts: ¥20 food less ¥10, ¥10 tobacco.
    QTest::newRow("basket share after line discounts")
        << u"A/food/2000 T/tobacco/1000"_s << u"0:-10 -1:-10"_s << u"silver"_s << false
        << qint64(5);
    QTest::newRow("several basket adjustments")
        << u"A/food/3000"_s << u"-1:-5 -1:-2.50 0:-1"_s << u"silver"_s << false << qint64(21);
    QTest::newRow("basket given away")
        << u"A/food/1000"_s << u"-1:-20"_s << u"platinum"_s << true << qint64(0);
    QTest::newRow("points redemption is a discount")
        << u"A/food/3000"_s << u"p:-15"_s << u"platinum"_s << false << qint64(30);
    QTest::newRow("redemption shared with tobacco")
        << u"A/food/2000 T/tobacco/2000"_s << u"p:-20"_s << u"silver"_s << false << qint64(10);
    // 1.196/kg × 750 g = ¥8.97.
    QTest::newRow("weighed") << u"F/fresh/1196@750"_s << QString() << u"silver"_s << false
                             << qint64(8);
    QTest::newRow("weighed gold") << u"F/fresh/1196@750 G/fresh/5960@1234"_s << QString()
                                  << u"gold"_s << false << qint64(123); // (8.97 + 73.55) × 1.5
    QTest::newRow("weighed tobacco") << u"F/fresh/1196@750 T/tobacco/800@500"_s << u"-1:-1"_s
                                     << u"silver"_s << false << qint64(8);
    QTest::newRow("empty cart") << QString() << QString() << u"gold"_s << true << qint64(0);
}

void TestLoyalty::earned()
{
    QFETCH(QString, cart);
    QFETCH(QString, adjustments);
    QFETCH(QString, tier);
    QFETCH(bool, birthday);
    QFETCH(qint64, points);
    const Cart c = cartOf(cart);
    QCOMPARE(pointsEarned(c, priced(c, adjustments), demoRules(), tier, birthday), points);
}

void TestLoyalty::earnedRules()
{
    const Cart cart = cartOf(u"A/food/1234 T/tobacco/1000"_s);
    const PricedBasket basket = priced(cart, {});
    LoyaltyRules rules = demoRules();
    rules.pointsPerYuan = 10;
    QCOMPARE(pointsEarned(cart, basket, rules, u"silver", false), 123);
    QCOMPARE(pointsEarned(cart, basket, rules, u"gold", true), 370); // 12.34 × 10 × 1.5 × 2
    rules.tierPercent[u"silver"_s] = 0;
    QCOMPARE(pointsEarned(cart, basket, rules, u"silver", true), 0);
    rules.excludedCategories.clear();
    QCOMPARE(pointsEarned(cart, basket, rules, u"gold", false), 335); // 22.34 × 10 × 1.5
    rules.excludedCategories = {u"food"_s, u"tobacco"_s};
    QCOMPARE(pointsEarned(cart, basket, rules, u"gold", false), 0);
    // Out of range, as only code can set them: never negative.
    rules = demoRules();
    rules.pointsPerYuan = -5;
    QCOMPARE(pointsEarned(cart, basket, rules, u"gold", false), 0);
    rules = demoRules();
    rules.tierPercent[u"gold"_s] = -150;
    QCOMPARE(pointsEarned(cart, basket, rules, u"gold", false), 0);
    rules = demoRules();
    rules.birthdayPercent = -200;
    QCOMPARE(pointsEarned(cart, basket, rules, u"silver", true), 0);
    QCOMPARE(pointsEarned(cart, basket, rules, u"silver", false), 12);
}

// The largest sale a store may allow, at the largest multipliers the parser allows and past them.
void TestLoyalty::earnedNearLimits()
{
    LoyaltyRules rules = demoRules();
    rules.pointsPerYuan = 1000;
    rules.tierPercent[u"platinum"_s] = 1000;
    rules.birthdayPercent = 1000;
    const Cart one = cartOf(u"A/food/1000000000"_s, widest()); // ¥10,000,000
    QCOMPARE(pointsEarned(one, priced(one, {}), rules, u"platinum", true), 1'000'000'000'000);
    const Cart odd = cartOf(u"A/food/999999999"_s, widest());
    QCOMPARE(pointsEarned(odd, priced(odd, {}), rules, u"platinum", true), 999'999'999'000);
    // Past what the parser allows, the product needs 128 bits (10^27 here) …
    rules.pointsPerYuan = 1'000'000;
    rules.tierPercent[u"platinum"_s] = 1'000'000;
    QCOMPARE(pointsEarned(odd, priced(odd, {}), rules, u"platinum", true), 999'999'999'000'000'000);
    // … and points beyond qint64 stop at its largest.
    rules.birthdayPercent = 1'000'000;
    QCOMPARE(pointsEarned(odd, priced(odd, {}), rules, u"platinum", true),
             std::numeric_limits<qint64>::max());
    // Half of it tobacco, ¥99,999.99 off the basket: the food's share is ¥50,000.00 (its
    // remainder is the larger).
    rules = demoRules();
    rules.pointsPerYuan = 1000;
    const Cart split = cartOf(u"A/food/500000000 T/tobacco/499999999"_s, widest());
    QCOMPARE(pointsEarned(split, priced(split, u"-1:-99999.99"_s), rules, u"silver", false),
             4'950'000'000);
}

// Which line is the tobacco and in which order the lines were scanned does not matter.
void TestLoyalty::earnedOrderIndependent()
{
    const Cart foodFirst = cartOf(u"A/food/100 T/tobacco/100"_s);
    const Cart tobaccoFirst = cartOf(u"T/tobacco/100 A/food/100"_s);
    LoyaltyRules rules = demoRules();
    rules.pointsPerYuan = 100; // a point a fen: every fen of the share shows
    const qint64 a = pointsEarned(foodFirst, priced(foodFirst, u"-1:-0.01"_s), rules, {}, false);
    const qint64 b =
        pointsEarned(tobaccoFirst, priced(tobaccoFirst, u"-1:-0.01"_s), rules, {}, false);
    QCOMPARE(a, b);
    QCOMPARE(a, 99); // the odd fen goes to the eligible lines
}

void TestLoyalty::maxRedemption_data()
{
    QTest::addColumn<qint64>("perYuan");
    QTest::addColumn<int>("maxPercent");
    QTest::addColumn<qint64>("available");
    QTest::addColumn<qint64>("payable"); // fen
    QTest::addColumn<qint64>("points");
    QTest::addColumn<qint64>("amount"); // fen

    QTest::newRow("balance-bound")
        << qint64(100) << 50 << qint64(1280) << qint64(10000) << qint64(1200) << qint64(1200);
    QTest::newRow("share-bound") << qint64(100) << 50 << qint64(25600) << qint64(3000)
                                 << qint64(1500) << qint64(1500);
    QTest::newRow("share rounds down to the yuan")
        << qint64(100) << 50 << qint64(25600) << qint64(3199) << qint64(1500) << qint64(1500);
    QTest::newRow("whole yuan of points")
        << qint64(100) << 50 << qint64(1299) << qint64(100000) << qint64(1200) << qint64(1200);
    QTest::newRow("exactly the share")
        << qint64(100) << 50 << qint64(1500) << qint64(3000) << qint64(1500) << qint64(1500);
    QTest::newRow("under ¥1 of points")
        << qint64(100) << 50 << qint64(99) << qint64(10000) << qint64(0) << qint64(0);
    QTest::newRow("share under ¥1")
        << qint64(100) << 50 << qint64(5000) << qint64(199) << qint64(0) << qint64(0);
    QTest::newRow("no points") << qint64(100) << 50 << qint64(0) << qint64(10000) << qint64(0)
                               << qint64(0);
    QTest::newRow("negative points")
        << qint64(100) << 50 << qint64(-500) << qint64(10000) << qint64(0) << qint64(0);
    QTest::newRow("nothing to pay")
        << qint64(100) << 50 << qint64(5000) << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("negative payable")
        << qint64(100) << 50 << qint64(5000) << qint64(-1000) << qint64(0) << qint64(0);
    QTest::newRow("0 %: no redemption")
        << qint64(100) << 0 << qint64(5000) << qint64(10000) << qint64(0) << qint64(0);
    QTest::newRow("100 %") << qint64(100) << 100 << qint64(100000) << qint64(1250) << qint64(1200)
                           << qint64(1200);
    QTest::newRow("1 point a yuan")
        << qint64(1) << 50 << qint64(57) << qint64(10000) << qint64(50) << qint64(5000);
    QTest::newRow("100000 points a yuan")
        << qint64(100000) << 50 << qint64(250000) << qint64(10000) << qint64(200000) << qint64(200);
    QTest::newRow("the ceiling") << qint64(1) << 100 << std::numeric_limits<qint64>::max()
                                 << qint64(1000000000) << qint64(10'000'000) << qint64(1000000000);
    QTest::newRow("any payable") << qint64(100000) << 100 << std::numeric_limits<qint64>::max()
                                 << std::numeric_limits<qint64>::max()
                                 << qint64(92233720368547'00000) << qint64(92233720368547'00);
}

void TestLoyalty::maxRedemption()
{
    QFETCH(qint64, perYuan);
    QFETCH(int, maxPercent);
    QFETCH(qint64, available);
    QFETCH(qint64, payable);
    QFETCH(qint64, points);
    QFETCH(qint64, amount);
    LoyaltyRules rules;
    rules.pointsPerYuanRedeemed = perYuan;
    rules.redeemMaxPercent = maxPercent;
    const PointsRedemption r = smartpos::maxRedemption(rules, available, Money{payable});
    QCOMPARE(r.points, points);
    QCOMPARE(r.amount, Money{amount});
    QCOMPARE(r.points, r.amount.fen / 100 * perYuan);
}

void TestLoyalty::available_data()
{
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<qint64>("redeemed");
    QTest::addColumn<qint64>("available");
    constexpr qint64 most = std::numeric_limits<qint64>::max();
    constexpr qint64 least = std::numeric_limits<qint64>::min();
    QTest::newRow("nothing redeemed") << qint64(1280) << qint64(0) << qint64(1280);
    QTest::newRow("some redeemed") << qint64(1280) << qint64(1200) << qint64(80);
    QTest::newRow("all redeemed") << qint64(1280) << qint64(1280) << qint64(0);
    QTest::newRow("more redeemed than known") << qint64(1280) << qint64(5000) << qint64(0);
    QTest::newRow("no balance") << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("negative balance") << qint64(-5) << qint64(0) << qint64(0);
    QTest::newRow("negative redeemed adds nothing") << qint64(100) << qint64(-5) << qint64(100);
    QTest::newRow("extremes") << most << least << most;
    QTest::newRow("extremes reversed") << least << most << qint64(0);
}

void TestLoyalty::available()
{
    QFETCH(qint64, balance);
    QFETCH(qint64, redeemed);
    QFETCH(qint64, available);
    QCOMPARE(availablePoints(balance, redeemed), available);
}

void TestLoyalty::redemptionRule()
{
    const Cart cart = cartOf(u"A/food/2000 B/drinks/1000"_s);
    const PointsRedemptionRule rule(u"M0002"_s, PointsRedemption{1500, Money::fromYuan(15)});
    QCOMPARE(rule.id(), u"points:M0002"_s);
    const FixedAdjustments promo(adjustmentsOf(u"0:-2 -1:-3"_s));
    const PricedBasket basket = priceCart(cart, {&promo, &rule}, noon);
    QCOMPARE(basket.adjustments.size(), 3);
    const Adjustment &points = basket.adjustments.last();
    QCOMPARE(points.source, u"points:M0002"_s);
    QCOMPARE(points.line, -1);
    QCOMPARE(points.amount, Money::fromYuan(-15));
    QCOMPARE(points.nameZh, u"积分抵扣 1500分"_s);
    QCOMPARE(points.nameEn, u"1500 points"_s);
    QCOMPARE(basket.subtotal, Money::fromYuan(30));
    QCOMPARE(basket.total, Money::fromYuan(10));
    QCOMPARE(basket.discount, Money::fromYuan(20));

    // Nothing to redeem, nothing shown.
    const PointsRedemptionRule none(u"M0002"_s, PointsRedemption{});
    QVERIFY(none.apply(cart, noon).isEmpty());
    QCOMPARE(priceCart(cart, {&promo, &none}, noon).total, Money::fromYuan(25));
}

// As the sale session does it: priced without the points, the most redeemable taken from that
// total, priced again with the points last; the points then pay at most their share and earn
// nothing themselves.
void TestLoyalty::redemptionTwoPasses()
{
    const LoyaltyRules rules = demoRules();
    const Cart cart = cartOf(u"A/food/2500 T/tobacco/1000 F/fresh/1196@750"_s);
    const FixedAdjustments promo(adjustmentsOf(u"-1:-5"_s));
    const PricedBasket first = priceCart(cart, {&promo}, noon);
    QCOMPARE(first.total, Money{3897});
    const PointsRedemption most = smartpos::maxRedemption(rules, 25600, first.total);
    QCOMPARE(most, (PointsRedemption{1900, Money::fromYuan(19)})); // ¥38.97 / 2 = ¥19.48
    const PointsRedemptionRule points(u"M1"_s, most);
    const PricedBasket second = priceCart(cart, {&promo, &points}, noon);
    QCOMPARE(second.total, first.total - most.amount);
    QVERIFY(second.total.fen * 2 >= first.total.fen);
    // ¥19.97 paid for ¥43.97 of goods, ¥10 of them tobacco: 33.97 / 43.97 × 19.97 = ¥15.43.
    QCOMPARE(pointsEarned(cart, second, rules, u"silver", false), 15);
    QCOMPARE(pointsEarned(cart, second, rules, u"platinum", false), 30);
}

// Random baskets: points are never negative and never more than the whole total at the largest
// multipliers; with nothing excluded they are exactly that total at the member's multipliers;
// excluding a category never adds points; the order of the lines does not matter.
void TestLoyalty::properties()
{
    QRandomGenerator random(20260306);
    const QStringList categories{u"food"_s, u"drinks"_s, u"tobacco"_s, u"fresh"_s};
    const QStringList tiers{u"silver"_s, u"gold"_s, u"platinum"_s, QString()};
    for (int round = 0; round < 3000; ++round) {
        Cart cart;
        for (int i = 0, n = random.bounded(0, 12); i < n; ++i) {
            const bool weighed = random.bounded(5) == 0;
            // SKUs of their own, so that each product makes one line in any order.
            const Product p = product(u"S%1-%2"_s.arg(i).arg(random.bounded(30)),
                                      categories[random.bounded(int(categories.size()))],
                                      random.bounded(1, 20000), weighed);
            if (weighed)
                cart.addWeighed(p, p.sku, random.bounded(1, 3000));
            else
                cart.addUnits(p, p.sku, random.bounded(1, 5));
        }
        QList<Adjustment> adjustments;
        for (int i = 0, n = random.bounded(0, 6); i < n; ++i) {
            Adjustment a;
            a.source = random.bounded(4) == 0 ? u"points:M1"_s : u"test:r"_s;
            a.line = int(random.bounded(-1, int(std::max<qsizetype>(cart.lines().size(), 1))));
            a.amount = Money{-random.bounded(0, 30000) + (random.bounded(10) == 0 ? 40000 : 0)};
            adjustments << a;
        }
        const FixedAdjustments rule(adjustments);
        const PricedBasket basket = priceCart(cart, {&rule}, noon);

        LoyaltyRules rules;
        rules.pointsPerYuan = random.bounded(1, 1001);
        int largestTier = 100;
        for (const QString &tier : memberTiers()) {
            if (random.bounded(2)) {
                rules.tierPercent[tier] = random.bounded(0, 1001);
                largestTier = std::max(largestTier, rules.tierPercent[tier]);
            }
        }
        rules.birthdayPercent = random.bounded(100, 1001);
        if (random.bounded(2))
            rules.excludedCategories = {categories[random.bounded(int(categories.size()))]};
        const QString tier = tiers[random.bounded(int(tiers.size()))];
        const bool birthday = random.bounded(2);

        const qint64 points = pointsEarned(cart, basket, rules, tier, birthday);
        const QString where = u"round %1"_s.arg(round);
        QVERIFY2(points >= 0, qPrintable(where));
        const qint64 bound = basket.total.fen * rules.pointsPerYuan * largestTier
                             * rules.birthdayPercent / 1'000'000;
        QVERIFY2(points <= bound, qPrintable(where + u": %1 > %2"_s.arg(points).arg(bound)));

        LoyaltyRules everything = rules;
        everything.excludedCategories.clear();
        const qint64 all = pointsEarned(cart, basket, everything, tier, birthday);
        const qint64 exact = basket.total.fen * rules.pointsPerYuan
                             * rules.tierPercent.value(tier, 100)
                             * (birthday ? rules.birthdayPercent : 100) / 1'000'000;
        QVERIFY2(all == exact, qPrintable(where + u": %1 ≠ %2"_s.arg(all).arg(exact)));
        QVERIFY2(points <= all, qPrintable(where));

        // The same lines and adjustments in another order earn the same.
        QList<int> order(cart.lines().size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), random);
        Cart shuffled;
        for (const int from : std::as_const(order)) {
            const CartLine &line = cart.lines()[from];
            if (line.product.isWeighed())
                shuffled.addWeighed(line.product, line.code, line.quantity);
            else
                shuffled.addUnits(line.product, line.code, line.quantity);
        }
        QList<Adjustment> moved = adjustments;
        for (Adjustment &a : moved)
            if (a.line >= 0 && a.line < order.size())
                a.line = int(order.indexOf(a.line));
        const FixedAdjustments movedRule(moved);
        const PricedBasket shuffledBasket = priceCart(shuffled, {&movedRule}, noon);
        QCOMPARE(shuffledBasket.total, basket.total);
        QVERIFY2(pointsEarned(shuffled, shuffledBasket, rules, tier, birthday) == points,
                 qPrintable(where + u": in another order"_s));
    }
}

QTEST_GUILESS_MAIN(TestLoyalty)
#include "tst_loyalty.moc"
