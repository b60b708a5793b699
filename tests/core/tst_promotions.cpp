#include "core/promotions.h"

#include "pricingsupport.h"
#include "testsupport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace smartpos;
using smartpos::testing::product;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone shanghai("Asia/Shanghai");

// 2026-03-06 is a Friday; times are Shanghai time.
QDateTime at(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), shanghai).toUTC();
}

PricingContext contextAt(QDateTime utc, std::optional<PricingContext::Member> member = {},
                         QList<Coupon> coupons = {})
{
    return PricingContext{utc, shanghai, std::move(member), std::move(coupons)};
}

const PricingContext fridayNoon = contextAt(at(6, 12, 0));

// A cart from "SKU/category/price×units" (unit products) and "SKU/category/perKg@grams"
// (weighed), separated by spaces.
Cart cartOf(const QString &spec)
{
    Cart cart;
    for (const QString &item : spec.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u'/');
        const bool weighed = parts[2].contains(u'@');
        const QStringList amount = parts[2].split(weighed ? u'@' : u'x');
        const Product p = product(parts[0], parts[1], amount[0].toLongLong(), weighed);
        const qint64 quantity = amount.value(1, u"1"_s).toLongLong();
        if (weighed)
            cart.addWeighed(p, p.sku, quantity);
        else
            cart.addUnits(p, p.sku, quantity);
    }
    return cart;
}

PromotionSet promotionsOf(const QString &list, const QString &campaigns = u"[]"_s)
{
    const QByteArray json = (u"{\"version\": 1, \"promotions\": "_s + list
                             + u", \"coupon_campaigns\": "_s + campaigns + u"}"_s)
                                .toUtf8();
    const Result<PromotionSet> set = parsePromotions(json);
    if (!set)
        qFatal("%s", qPrintable(set.error().message));
    return *set;
}

// "source SKU amount" per adjustment ("basket" for -1), sorted: independent of line positions.
QStringList describe(const Cart &cart, const QList<Adjustment> &adjustments)
{
    QStringList result;
    for (const Adjustment &a : adjustments)
        result << u"%1 %2 %3"_s.arg(a.source,
                                    a.line < 0 ? u"basket"_s : cart.lines()[a.line].product.sku,
                                    a.amount.toString());
    result.sort();
    return result;
}

Money discountOf(const QList<Adjustment> &adjustments)
{
    Money total;
    for (const Adjustment &a : adjustments)
        total -= a.amount;
    return total;
}

Coupon coupon(quint64 id, Coupon::Kind kind, qint64 value, qint64 minSpendFen = 0)
{
    Coupon c;
    c.id = id;
    c.campaign = 1;
    c.kind = kind;
    c.value = value;
    c.minSpend = Money{minSpendFen};
    return c;
}

const PricingContext::Member gold{u"M1"_s, u"gold"_s};
const PricingContext::Member silver{u"M2"_s, u"silver"_s};

const QString spendSave =
    uR"({"id": "ss", "kind": "spend_save", "tiers": [{"over": "50", "off": "5"},
                                                    {"over": "100", "off": "12"}]})"_s;

} // namespace

class TestPromotions : public QObject {
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void names();
    void coupons_data();
    void coupons();
    void couponCheck();
    void demoPromotions();
    void parseErrors_data();
    void parseErrors();
    void parsedFields();
    void loyalty_data();
    void loyalty();
    void loyaltyErrors_data();
    void loyaltyErrors();
    void searchBudget();
    void properties();
};

using Context = PricingContext;

void TestPromotions::rules_data()
{
    QTest::addColumn<QString>("promotions");
    QTest::addColumn<QString>("cart");
    QTest::addColumn<Context>("context");
    QTest::addColumn<QStringList>("expected");

    const auto row = [](const char *name, const QString &promotions, const QString &cart,
                        const Context &context, const QStringList &expected) {
        QTest::newRow(name) << promotions << cart << context << expected;
    };
    const QString ss = u"["_s + spendSave + u"]"_s;
    row("满减 below the first tier", ss, u"A/x/4999"_s, fridayNoon, {});
    row("满减 first tier exactly", ss, u"A/x/5000"_s, fridayNoon, {u"promo:ss basket -5.00"_s});
    row("满减 between tiers", ss, u"A/x/3300x3"_s, fridayNoon, {u"promo:ss basket -5.00"_s});
    row("满减 second tier", ss, u"A/x/5000 B/y/5000"_s, fridayNoon, {u"promo:ss basket -12.00"_s});
    row("满减 counts weighed goods by amount", ss, u"A/x/3000 F/fresh/2000@1000"_s, fridayNoon,
        {u"promo:ss basket -5.00"_s});
    row("满减 limited to a category",
        uR"([{"id": "d", "kind": "spend_save", "categories": ["drinks"],
              "tiers": [{"over": "50", "off": "5"}]}])"_s,
        u"A/drinks/4000 B/snacks/2000"_s, fridayNoon, {});
    row("percent off a category, rounded half up",
        uR"([{"id": "p", "kind": "percent_off", "categories": ["snacks"], "percent_off": 5}])"_s,
        u"A/snacks/750 B/snacks/30 C/drinks/1000"_s, fridayNoon,
        {u"promo:p A -0.38"_s, u"promo:p B -0.02"_s});
    row("percent off a SKU list",
        uR"([{"id": "p", "kind": "percent_off", "skus": ["B", "C"], "percent_off": 20}])"_s,
        u"A/x/1000 B/x/1000 C/y/500x2"_s, fridayNoon, {u"promo:p B -2.00"_s, u"promo:p C -2.00"_s});
    const QString memberPrice =
        uR"([{"id": "m", "kind": "price", "members_only": true, "prices": {"A": "2.80", "W": "10"}}])"_s;
    row("member price without a member", memberPrice, u"A/dairy/350x2"_s, fridayNoon, {});
    row("member price for a member", memberPrice, u"A/dairy/350x2 W/fresh/1600@500"_s,
        contextAt(at(6, 12, 0), gold), {u"promo:m A -1.40"_s, u"promo:m W -3.00"_s});
    row("member price above the price gives nothing", memberPrice, u"A/dairy/250"_s,
        contextAt(at(6, 12, 0), gold), {});
    const QString goldOnly =
        uR"([{"id": "m", "kind": "price", "member_tiers": ["gold"], "prices": {"A": "2"}}])"_s;
    row("member tier: gold", goldOnly, u"A/x/300"_s, contextAt(at(6, 12, 0), gold),
        {u"promo:m A -1.00"_s});
    row("member tier: silver", goldOnly, u"A/x/300"_s, contextAt(at(6, 12, 0), silver), {});
    const QString bogo = uR"([{"id": "b", "kind": "buy_get", "categories": ["drinks"], "every": 2,
              "discounted": 1, "percent_off": 100}])"_s;
    row("买一送一 frees the cheaper", bogo, u"A/drinks/300 B/drinks/350"_s, fridayNoon,
        {u"promo:b A -3.00"_s});
    row("买一送一 pairs the dearest together", bogo, u"A/drinks/300 B/drinks/350 C/drinks/500x2"_s,
        fridayNoon, {u"promo:b A -3.00"_s, u"promo:b C -5.00"_s});
    row("买一送一 odd unit pays", bogo, u"A/drinks/300x3"_s, fridayNoon, {u"promo:b A -3.00"_s});
    row("买一送一 ignores weighed goods", bogo, u"A/drinks/300 W/drinks/1000@500"_s, fridayNoon,
        {});
    const QString secondHalf =
        uR"([{"id": "h", "kind": "buy_get", "skus": ["A"], "every": 2, "discounted": 1,
              "percent_off": 50}])"_s;
    row("第二件半价", secondHalf, u"A/drinks/300x5"_s, fridayNoon, {u"promo:h A -3.00"_s});
    row("第二件半价 rounds half up", secondHalf, u"A/drinks/305x2"_s, fridayNoon,
        {u"promo:h A -1.53"_s});
    const QString bundle =
        uR"([{"id": "n", "kind": "bundle", "skus": ["C1", "C2", "B"], "size": 3, "price": "12"}])"_s;
    row("bundle of the three dearest", bundle, u"C1/i/550x2 C2/i/550 B/i/300"_s, fridayNoon,
        {u"promo:n C1 -3.00"_s, u"promo:n C2 -1.50"_s});
    row("bundle not worth it", bundle, u"B/i/300x3"_s, fridayNoon, {});
    row("bundle twice, spread by price", bundle, u"C1/i/550x3 C2/i/500x3"_s, fridayNoon,
        {u"promo:n C1 -3.93"_s, u"promo:n C2 -3.57"_s});
    const QString happyHour =
        uR"([{"id": "hh", "kind": "percent_off", "categories": ["snacks"], "percent_off": 10,
              "when": {"from": "15:00", "until": "17:00"}}])"_s;
    row("happy hour 14:59", happyHour, u"S/snacks/1000"_s, contextAt(at(6, 14, 59)), {});
    row("happy hour 15:00", happyHour, u"S/snacks/1000"_s, contextAt(at(6, 15, 0)),
        {u"promo:hh S -1.00"_s});
    row("happy hour 16:59", happyHour, u"S/snacks/1000"_s, contextAt(at(6, 16, 59)),
        {u"promo:hh S -1.00"_s});
    row("happy hour 17:00", happyHour, u"S/snacks/1000"_s, contextAt(at(6, 17, 0)), {});
    row("happy hour in the store's zone, not UTC", happyHour, u"S/snacks/1000"_s,
        contextAt(QDateTime(QDate(2026, 3, 6), QTime(15, 30), QTimeZone::utc())), {});
    const QString weekend = uR"([{"id": "we", "kind": "percent_off", "percent_off": 10,
              "when": {"days": ["sat", "sun"], "first_day": "2026-03-07", "last_day": "2026-03-14"}}])"_s;
    row("weekend: Friday 23:59", weekend, u"S/x/1000"_s, contextAt(at(6, 23, 59)), {});
    row("weekend: Saturday 00:00, the first day", weekend, u"S/x/1000"_s, contextAt(at(7, 0, 0)),
        {u"promo:we S -1.00"_s});
    row("weekend: Saturday, the last day", weekend, u"S/x/1000"_s, contextAt(at(14, 23, 59)),
        {u"promo:we S -1.00"_s});
    row("weekend: Sunday after the last day", weekend, u"S/x/1000"_s, contextAt(at(15, 12, 0)), {});
    row("weekend: Monday", weekend, u"S/x/1000"_s, contextAt(at(9, 12, 0)), {});

    const QString stacking = u"["_s + spendSave + uR"(,
        {"id": "p", "kind": "percent_off", "categories": ["snacks"], "percent_off": 10}])"_s;
    row("percent and 满减 stack, 满减 on what is paid", stacking, u"S/snacks/4000 D/drinks/1500"_s,
        fridayNoon, {u"promo:p S -4.00"_s, u"promo:ss basket -5.00"_s});
    row("the customer's best: 满100减12 beats 10 % + 满50减5", stacking,
        u"S/snacks/2000 D/drinks/8000"_s, fridayNoon, {u"promo:ss basket -12.00"_s});
    const QString exclusive = u"["_s + spendSave + uR"(,
        {"id": "p", "kind": "percent_off", "categories": ["snacks"], "percent_off": 20,
         "exclusive": true}])"_s;
    row("exclusive beats 满减 on its lines", exclusive, u"S/snacks/6000"_s, fridayNoon,
        {u"promo:p S -12.00"_s});
    row("满减 beats a smaller exclusive", exclusive, u"S/snacks/2000 D/drinks/8000"_s, fridayNoon,
        {u"promo:ss basket -12.00"_s});
    row("exclusive and 满减 on the other lines", exclusive, u"S/snacks/6000 D/drinks/5000"_s,
        fridayNoon, {u"promo:p S -12.00"_s, u"promo:ss basket -5.00"_s});
    const QString groups = uR"([{"id": "a", "kind": "percent_off", "percent_off": 10, "group": "g1",
              "stacks_with": ["g2"]},
             {"id": "b", "kind": "percent_off", "percent_off": 10, "group": "g2"},
             {"id": "c", "kind": "percent_off", "percent_off": 30, "skus": ["Y"], "group": "g3"}])"_s;
    // A rule is on for every line it may use or off: a, first, would keep c off Y, so the best is
    // without it.
    row("stacks only with listed groups", groups, u"X/x/1000 Y/x/1000"_s, fridayNoon,
        {u"promo:b X -1.00"_s, u"promo:b Y -1.00"_s, u"promo:c Y -2.70"_s});
    // With a higher priority c claims Y first, and a keeps to X.
    row("priority decides who claims a line first",
        QString(groups).replace(u"\"g3\""_s, u"\"g3\", \"priority\": 1"_s), u"X/x/1000 Y/x/1000"_s,
        fridayNoon,
        {u"promo:a X -1.00"_s, u"promo:b X -0.90"_s, u"promo:b Y -0.70"_s, u"promo:c Y -3.00"_s});
    const QString priorities =
        uR"([{"id": "a", "kind": "percent_off", "percent_off": 10, "exclusive": true},
             {"id": "b", "kind": "percent_off", "percent_off": 10, "exclusive": true,
              "priority": 5}])"_s;
    row("equal discounts: the higher priority", priorities, u"X/x/1000"_s, fridayNoon,
        {u"promo:b X -1.00"_s});
    row("buy-get and bundle compete for units",
        uR"([{"id": "b", "kind": "buy_get", "categories": ["drinks"], "every": 2,
              "discounted": 1, "percent_off": 100},
             {"id": "n", "kind": "bundle", "skus": ["C1", "C2", "B"], "size": 3, "price": "12"}])"_s,
        u"C1/drinks/550x3 B/drinks/300"_s, fridayNoon,
        {u"promo:b B -3.00"_s, u"promo:b C1 -5.50"_s});
}

void TestPromotions::rules()
{
    QFETCH(QString, promotions);
    QFETCH(QString, cart);
    QFETCH(Context, context);
    QFETCH(QStringList, expected);
    const Cart c = cartOf(cart);
    const PromotionEngine engine(promotionsOf(promotions));
    const PromotionEngine::Outcome outcome = engine.price(c, context);
    QCOMPARE(describe(c, outcome.adjustments), expected);
    QVERIFY(outcome.exhaustive);
    // priceCart takes them as they are: nothing to limit.
    const PricedBasket basket = priceCart(c, {&engine}, context);
    QCOMPARE(basket.discount, discountOf(outcome.adjustments));
    QCOMPARE(basket.total, c.total() - basket.discount);
}

void TestPromotions::names()
{
    const PromotionSet set = promotionsOf(u"["_s + spendSave + uR"(,
        {"id": "h", "kind": "buy_get", "skus": ["A"], "every": 2, "discounted": 1, "percent_off": 50},
        {"id": "f", "kind": "buy_get", "skus": ["B"], "every": 3, "discounted": 1, "percent_off": 100},
        {"id": "p", "kind": "percent_off", "skus": ["C"], "percent_off": 15},
        {"id": "n", "kind": "bundle", "skus": ["D"], "size": 3, "price": "10"},
        {"id": "m", "kind": "price", "members_only": true, "prices": {"E": "1"}},
        {"id": "named", "kind": "percent_off", "skus": ["G"], "percent_off": 50,
         "name_zh": "店庆", "name_en": "Anniversary"}])"_s);
    Cart cart;
    Product a = product(u"A"_s, u"drinks"_s, 300);
    a.nameZh = u"可口可乐"_s;
    a.nameEn = u"Coca-Cola"_s;
    cart.addUnits(a, u"A"_s, 2);
    cart.addUnits(product(u"B"_s, u"x"_s, 1000), u"B"_s, 3);
    cart.addUnits(product(u"C"_s, u"x"_s, 1000), u"C"_s, 2);
    cart.addUnits(product(u"D"_s, u"x"_s, 500), u"D"_s, 3);
    cart.addUnits(product(u"E"_s, u"x"_s, 500), u"E"_s);
    cart.addUnits(product(u"G"_s, u"x"_s, 500), u"G"_s);
    Coupon cash = coupon(7, Coupon::Kind::Cash, 300);
    Coupon percent = coupon(8, Coupon::Kind::Percent, 500);
    Coupon threshold = coupon(9, Coupon::Kind::Threshold, 1000, 2000);
    const PricingContext context = contextAt(at(6, 12, 0), gold, {cash, percent, threshold});
    QStringList names;
    for (const Adjustment &adj : PromotionEngine(set).apply(cart, context))
        names << adj.source + u" | "_s + adj.nameZh + u" | "_s + adj.nameEn;
    QCOMPARE(names.join(u'\n'),
             (QStringList{
                  u"promo:m | 会员价 品E | Member price Item E"_s,
                  u"promo:f | 买二送一 品B | Buy 2 get 1 free Item B"_s,
                  u"promo:h | 第二件半价 可口可乐 | 2nd item at half price Coca-Cola"_s,
                  u"promo:n | 任选3件¥10 品D | Any 3 for ¥10 Item D"_s,
                  u"promo:named | 店庆 品G | Anniversary Item G"_s,
                  u"promo:p | 8.5折 品C | 15 % off Item C"_s,
                  u"promo:ss | 满50减5 | ¥5 off over ¥50"_s,
                  u"coupon:8 | 折扣券 9.5折 | 5 % off coupon"_s,
                  u"coupon:9 | 满20减10券 | ¥10 off over ¥20 coupon"_s,
                  u"coupon:7 | 代金券 ¥3 | ¥3 voucher"_s,
              })
                 .join(u'\n'));
}

void TestPromotions::coupons_data()
{
    QTest::addColumn<QString>("promotions");
    QTest::addColumn<QString>("cart");
    QTest::addColumn<Coupon>("presented");
    QTest::addColumn<std::optional<PricingContext::Member>>("member");
    QTest::addColumn<QStringList>("expected");
    using OptionalMember = std::optional<PricingContext::Member>;

    const QString none = u"[]"_s;
    const QString cart = u"A/drinks/1000x3 S/snacks/2000"_s; // ¥50
    QTest::newRow("cash") << none << cart << coupon(1, Coupon::Kind::Cash, 500) << OptionalMember()
                          << QStringList{u"coupon:1 basket -5.00"_s};
    QTest::newRow("cash larger than the basket")
        << none << u"A/x/300"_s << coupon(1, Coupon::Kind::Cash, 500) << OptionalMember()
        << QStringList{u"coupon:1 basket -3.00"_s};
    QTest::newRow("percent") << none << cart << coupon(1, Coupon::Kind::Percent, 1000)
                             << OptionalMember() << QStringList{u"coupon:1 basket -5.00"_s};
    QTest::newRow("threshold reached")
        << none << cart << coupon(1, Coupon::Kind::Threshold, 800, 5000) << OptionalMember()
        << QStringList{u"coupon:1 basket -8.00"_s};
    QTest::newRow("threshold missed by a fen")
        << none << cart << coupon(1, Coupon::Kind::Threshold, 800, 5001) << OptionalMember()
        << QStringList{};
    QTest::newRow("item") << none << cart <<
        [] {
            Coupon c = coupon(1, Coupon::Kind::Item, 2);
            c.sku = u"A"_s;
            return c;
        }() << OptionalMember()
                          << QStringList{u"coupon:1 A -20.00"_s};
    QTest::newRow("item not in the cart") << none << cart << [] {
        Coupon c = coupon(1, Coupon::Kind::Item, 1);
        c.sku = u"Z"_s;
        return c;
    }() << OptionalMember() << QStringList{};
    QTest::newRow("category") << none << cart << [] {
        Coupon c = coupon(1, Coupon::Kind::Percent, 5000);
        c.category = u"snacks"_s;
        return c;
    }() << OptionalMember() << QStringList{u"coupon:1 basket -10.00"_s};
    QTest::newRow("category below its minimum") << none << cart << [] {
        Coupon c = coupon(1, Coupon::Kind::Cash, 500, 3001);
        c.category = u"drinks"_s;
        return c;
    }() << OptionalMember() << QStringList{};
    QTest::newRow("sku") << none << cart <<
        [] {
            Coupon c = coupon(1, Coupon::Kind::Cash, 5000);
            c.sku = u"A"_s;
            return c;
        }() << OptionalMember()
                         << QStringList{u"coupon:1 basket -30.00"_s};
    Coupon expired = coupon(1, Coupon::Kind::Cash, 500);
    expired.validUntil = at(6, 12, 0).toSecsSinceEpoch();
    QTest::newRow("expired at validUntil")
        << none << cart << expired << OptionalMember() << QStringList{};
    Coupon lastSecond = expired;
    lastSecond.validUntil += 1;
    lastSecond.validFrom = at(6, 12, 0).toSecsSinceEpoch();
    QTest::newRow("valid from its first to before its last second")
        << none << cart << lastSecond << OptionalMember()
        << QStringList{u"coupon:1 basket -5.00"_s};
    Coupon early = coupon(1, Coupon::Kind::Cash, 500);
    early.validFrom = at(6, 12, 0).toSecsSinceEpoch() + 1;
    QTest::newRow("not yet valid") << none << cart << early << OptionalMember() << QStringList{};
    Coupon bound = coupon(1, Coupon::Kind::Cash, 500);
    bound.member = u"M1"_s;
    QTest::newRow("bound, no member") << none << cart << bound << OptionalMember() << QStringList{};
    QTest::newRow("bound, other member")
        << none << cart << bound << OptionalMember(silver) << QStringList{};
    QTest::newRow("bound, its member")
        << none << cart << bound << OptionalMember(gold) << QStringList{u"coupon:1 basket -5.00"_s};
    const QString drinksHalf =
        uR"([{"id": "h", "kind": "percent_off", "categories": ["drinks"], "percent_off": 50}])"_s;
    QTest::newRow("stacks with promotions, on what is left")
        << drinksHalf << cart << coupon(1, Coupon::Kind::Percent, 1000) << OptionalMember()
        << QStringList{u"coupon:1 basket -3.50"_s, u"promo:h A -15.00"_s};
    QTest::newRow("threshold counts what is left")
        << drinksHalf << cart << coupon(1, Coupon::Kind::Threshold, 800, 5000) << OptionalMember()
        << QStringList{u"promo:h A -15.00"_s};
    Coupon campaign2 = coupon(1, Coupon::Kind::Percent, 1000);
    campaign2.campaign = 2;
    QTest::newRow("campaign that does not stack: promotion lines left out")
        << drinksHalf << cart << campaign2 << OptionalMember()
        << QStringList{u"coupon:1 basket -2.00"_s, u"promo:h A -15.00"_s};
    const QString noCoupons =
        uR"([{"id": "h", "kind": "percent_off", "categories": ["drinks"], "percent_off": 5,
              "coupons": false}])"_s;
    QTest::newRow("promotion without coupons loses to a better coupon") << noCoupons << cart << [] {
        Coupon c = coupon(1, Coupon::Kind::Cash, 2000);
        c.category = u"drinks"_s;
        return c;
    }() << OptionalMember() << QStringList{u"coupon:1 basket -20.00"_s};
    QTest::newRow("promotion without coupons beats a smaller coupon") << noCoupons << cart << [] {
        Coupon c = coupon(1, Coupon::Kind::Cash, 100);
        c.category = u"drinks"_s;
        return c;
    }() << OptionalMember() << QStringList{u"promo:h A -1.50"_s};
    QTest::newRow("malformed percent") << none << cart << coupon(1, Coupon::Kind::Percent, 10001)
                                       << OptionalMember() << QStringList{};
}

void TestPromotions::coupons()
{
    QFETCH(QString, promotions);
    QFETCH(QString, cart);
    QFETCH(Coupon, presented);
    QFETCH(std::optional<PricingContext::Member>, member);
    QFETCH(QStringList, expected);
    const Cart c = cartOf(cart);
    const PromotionEngine engine(promotionsOf(promotions, uR"([{"campaign": 2,
        "stacks_with_promotions": false}])"_s));
    // The same coupon presented twice counts once.
    const PricingContext context = contextAt(at(6, 12, 0), member, {presented, presented});
    QCOMPARE(describe(c, engine.apply(c, context)), expected);
}

void TestPromotions::couponCheck()
{
    const Cart cart = cartOf(u"A/drinks/1000x3 S/snacks/2000"_s);
    const PricingContext now = contextAt(at(6, 12, 0));
    QCOMPARE(checkCoupon(coupon(1, Coupon::Kind::Cash, 500), cart, now), CouponFit::Applies);
    QCOMPARE(checkCoupon(coupon(1, Coupon::Kind::Cash, 0), cart, now), CouponFit::Malformed);
    QCOMPARE(checkCoupon(coupon(1, Coupon::Kind::Cash, 500, 5001), cart, now),
             CouponFit::BelowMinimum);
    Coupon c = coupon(1, Coupon::Kind::Cash, 500);
    c.validFrom = now.atUtc.toSecsSinceEpoch() + 60;
    QCOMPARE(checkCoupon(c, cart, now), CouponFit::NotYetValid);
    c.validFrom = 0;
    c.validUntil = now.atUtc.toSecsSinceEpoch();
    QCOMPARE(checkCoupon(c, cart, now), CouponFit::Expired);
    c.validUntil = 0;
    c.member = u"M1"_s;
    QCOMPARE(checkCoupon(c, cart, now), CouponFit::NeedsMember);
    QCOMPARE(checkCoupon(c, cart, contextAt(now.atUtc, silver)), CouponFit::OtherMember);
    QCOMPARE(checkCoupon(c, cart, contextAt(now.atUtc, gold)), CouponFit::Applies);
    c = coupon(1, Coupon::Kind::Item, 1);
    c.sku = u"Z"_s;
    QCOMPARE(checkCoupon(c, cart, now), CouponFit::NoProduct);
    c = coupon(1, Coupon::Kind::Cash, 100);
    c.category = u"dairy"_s;
    QCOMPARE(checkCoupon(c, cart, now), CouponFit::NoProduct);
}

// The demo file parses and works on the demo catalog's SKUs and categories.
void TestPromotions::demoPromotions()
{
    QFile file(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-promotions.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Result<PromotionSet> set = parsePromotions(file.readAll());
    QVERIFY_OK(set);
    const PromotionEngine engine(*set);
    Cart cart;
    const auto add = [&](const char *sku, const char *category, qint64 fen, qint64 units) {
        cart.addUnits(product(QString::fromLatin1(sku), QString::fromLatin1(category), fen),
                      QString(), units);
    };
    add("DR0001", "drinks", 300, 2);
    add("SN0001", "snacks", 750, 2);
    add("IN0001", "instant", 550, 2);
    add("IN0003", "instant", 550, 1);
    add("DA0001", "dairy", 350, 4);
    add("SN0007", "snacks", 1290, 1);
    // Friday 15:30, a gold member: every promotion but the weekend bananas.
    const PricingContext context = contextAt(at(6, 15, 30), gold);
    QCOMPARE(describe(cart, engine.apply(cart, context)).join(u'\n'),
             (QStringList{
                  u"promo:drinks-second-half DR0001 -1.50"_s,
                  u"promo:milk-member-price DA0001 -2.80"_s, u"promo:noodles-any-3 IN0001 -3.00"_s,
                  u"promo:noodles-any-3 IN0003 -1.50"_s, u"promo:snacks-happy-hour SN0001 -1.50"_s,
                  u"promo:snacks-happy-hour SN0007 -1.29"_s, u"promo:spend-save basket -5.00"_s})
                 .join(u'\n'));
    // The demo points scheme: no points on cigarettes (the demo catalog's "tobacco").
    QVERIFY(set->loyalty);
    QCOMPARE(set->loyalty->pointsPerYuan, qint64(1));
    QCOMPARE(set->loyalty->tierPercent,
             (QHash<QString, int>{{u"gold"_s, 150}, {u"platinum"_s, 200}}));
    QCOMPARE(set->loyalty->excludedCategories, QStringList{u"tobacco"_s});
    QCOMPARE(set->loyalty->birthdayPercent, 200);
    QCOMPARE(set->loyalty->pointsPerYuanRedeemed, qint64(100));
    QCOMPARE(set->loyalty->redeemMaxPercent, 50);
}

void TestPromotions::parseErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    const auto promo = [](const QString &body) {
        return u"{\"version\": 1, \"promotions\": ["_s + body + u"]}"_s;
    };
    QTest::newRow("not JSON") << u"{"_s << u"not valid JSON: unterminated object at byte 1"_s;
    QTest::newRow("not an object")
        << u"[]"_s
        << u"the promotions must be one JSON object with \"version\": 1 and \"promotions\": […]"_s;
    QTest::newRow("version") << u"{\"version\": 2, \"promotions\": []}"_s
                             << u"\"version\" must be 1 to 1, not 2"_s;
    QTest::newRow("unknown top field")
        << u"{\"version\": 1, \"promotions\": [], \"extra\": 1}"_s << u"unknown field \"extra\""_s;
    QTest::newRow("no id") << promo(u"{\"kind\": \"bundle\"}"_s)
                           << u"promotion 1: \"id\" is missing"_s;
    QTest::newRow("bad id") << promo(u"{\"id\": \"a b\", \"kind\": \"bundle\"}"_s)
                            << u"promotion 1: \"id\" must be 1 to 64 letters, digits, '-' or '_'"_s;
    QTest::newRow("unknown kind")
        << promo(u"{\"id\": \"x\", \"kind\": \"bogus\"}"_s)
        << u"promotion 1 \"x\": unknown kind \"bogus\"; the kinds are spend_save, percent_off, price, buy_get, bundle"_s;
    QTest::newRow("unknown field") << promo(
        u"{\"id\": \"x\", \"kind\": \"percent_off\", \"percent_off\": 10, \"percnt\": 1}"_s)
                                   << u"promotion 1 \"x\": unknown field \"percnt\""_s;
    QTest::newRow("field of another kind")
        << promo(u"{\"id\": \"x\", \"kind\": \"percent_off\", \"percent_off\": 10, \"every\": 2}"_s)
        << u"promotion 1 \"x\": \"every\" is not a field of a percent_off promotion"_s;
    QTest::newRow("percent above 100")
        << promo(u"{\"id\": \"x\", \"kind\": \"percent_off\", \"percent_off\": 120}"_s)
        << u"promotion 1 \"x\": \"percent_off\" is 120 %, more than 100 %"_s;
    QTest::newRow("percent zero") << promo(
        u"{\"id\": \"x\", \"kind\": \"percent_off\", \"percent_off\": 0}"_s)
                                  << u"promotion 1 \"x\": \"percent_off\" must be more than 0 %"_s;
    QTest::newRow("percent decimals")
        << promo(u"{\"id\": \"x\", \"kind\": \"percent_off\", \"percent_off\": 12.345}"_s)
        << u"promotion 1 \"x\": \"percent_off\" may have at most two decimals"_s;
    QTest::newRow("negative amount")
        << promo(u"{\"id\": \"x\", \"kind\": \"bundle\", \"size\": 3, \"price\": \"-10\"}"_s)
        << u"promotion 1 \"x\": \"price\" is negative (¥-10.00)"_s;
    QTest::newRow("three decimals")
        << promo(u"{\"id\": \"x\", \"kind\": \"bundle\", \"size\": 3, \"price\": 1.005}"_s)
        << u"promotion 1 \"x\": \"price\" must be an amount in yuan with at most two decimals, such as \"12.50\""_s;
    QTest::newRow("tiers not increasing")
        << promo(uR"({"id": "x", "kind": "spend_save", "tiers": [{"over": 100, "off": 12},
                     {"over": "50", "off": "5"}]})"_s)
        << u"promotion 1 \"x\" tier 2: \"over\" ¥50.00 must be more than the tier before (¥100.00)"_s;
    QTest::newRow("tier off not increasing")
        << promo(uR"({"id": "x", "kind": "spend_save", "tiers": [{"over": 50, "off": 5},
                     {"over": 100, "off": 5}]})"_s)
        << u"promotion 1 \"x\" tier 2: \"off\" ¥5.00 must be more than the tier before (¥5.00)"_s;
    QTest::newRow("tier off above its spend")
        << promo(uR"({"id": "x", "kind": "spend_save", "tiers": [{"over": 5, "off": 6}]})"_s)
        << u"promotion 1 \"x\" tier 1: ¥6.00 off is more than the ¥5.00 it needs"_s;
    QTest::newRow("no tiers")
        << promo(uR"({"id": "x", "kind": "spend_save"})"_s)
        << u"promotion 1 \"x\": \"tiers\" must be a list of at least one {\"over\": …, \"off\": …}"_s;
    QTest::newRow("time malformed")
        << promo(uR"({"id": "x", "kind": "percent_off", "percent_off": 10,
                     "when": {"from": "3pm"}})"_s)
        << u"promotion 1 \"x\" \"when\": \"from\" must be a time of day such as \"15:00\" (00:00 to 24:00)"_s;
    QTest::newRow("time past midnight")
        << promo(uR"({"id": "x", "kind": "percent_off", "percent_off": 10,
                     "when": {"from": "22:00", "until": "02:00"}})"_s)
        << u"promotion 1 \"x\" \"when\": \"from\" must be before \"until\"; a time range past midnight is two promotions"_s;
    QTest::newRow("unknown day")
        << promo(uR"({"id": "x", "kind": "percent_off", "percent_off": 10,
                     "when": {"days": ["monday"]}})"_s)
        << u"promotion 1 \"x\" \"when\": \"days\": \"monday\" is not one of mon, tue, wed, thu, fri, sat, sun"_s;
    QTest::newRow("dates reversed")
        << promo(uR"({"id": "x", "kind": "percent_off", "percent_off": 10,
                     "when": {"first_day": "2026-03-02", "last_day": "2026-03-01"}})"_s)
        << u"promotion 1 \"x\" \"when\": \"first_day\" 2026-03-02 is after \"last_day\" 2026-03-01"_s;
    QTest::newRow("bad date")
        << promo(uR"({"id": "x", "kind": "percent_off", "percent_off": 10,
                     "when": {"last_day": "2026-02-30"}})"_s)
        << u"promotion 1 \"x\" \"when\": \"last_day\" must be a date such as \"2026-12-31\""_s;
    QTest::newRow("buy_get discounted too many")
        << promo(uR"({"id": "x", "kind": "buy_get", "every": 2, "discounted": 2,
                     "percent_off": 100})"_s)
        << u"promotion 1 \"x\": \"discounted\" must be 1 to 1, not 2"_s;
    QTest::newRow("exclusive and stacks_with")
        << promo(uR"({"id": "x", "kind": "percent_off", "percent_off": 10, "exclusive": true,
                     "stacks_with": ["a"]})"_s)
        << u"promotion 1 \"x\": an exclusive promotion stacks with nothing: \"stacks_with\" contradicts \"exclusive\""_s;
    QTest::newRow("duplicate id") << promo(
        uR"({"id": "x", "kind": "percent_off", "percent_off": 10},
                    {"id": "x", "kind": "percent_off", "percent_off": 20})"_s)
                                  << u"promotion 2 \"x\": promotion 1 has the same id"_s;
    QTest::newRow("member price zero")
        << promo(uR"({"id": "x", "kind": "price", "prices": {"A": "0"}})"_s)
        << u"promotion 1 \"x\": \"prices\": \"A\" must be more than ¥0"_s;
    QTest::newRow("wrong type") << promo(
        uR"({"id": "x", "kind": "percent_off", "percent_off": 10, "exclusive": "yes"})"_s)
                                << u"promotion 1 \"x\": \"exclusive\" must be true or false"_s;
    QTest::newRow("campaign twice")
        << u"{\"version\": 1, \"promotions\": [], \"coupon_campaigns\": [{\"campaign\": 3}, {\"campaign\": 3}]}"_s
        << u"coupon campaign 2: campaign 3 is listed twice"_s;
}

void TestPromotions::parseErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    const Result<PromotionSet> set = parsePromotions(json.toUtf8());
    QVERIFY_FAILS(set, ErrorCode::InvalidInput);
    QCOMPARE(set.error().message, message);
}

void TestPromotions::parsedFields()
{
    const PromotionSet set = promotionsOf(
        uR"([{"id": "x", "kind": "buy_get", "skus": ["A"], "categories": ["c"], "every": 3,
              "discounted": 1, "percent_off": 12.5, "priority": -3, "group": "g",
              "stacks_with": ["h"], "coupons": false, "members_only": true,
              "member_tiers": ["gold"], "name_zh": "名", "name_en": "Name",
              "when": {"days": ["mon", "sun"], "from": "08:30", "until": "24:00",
                       "first_day": "2026-01-01", "last_day": "2026-01-31"}}])"_s,
        uR"([{"campaign": 4, "stacks_with_promotions": false}])"_s);
    QCOMPARE(set.promotions.size(), 1);
    const Promotion &p = set.promotions[0];
    QCOMPARE(p.kind, Promotion::Kind::BuyGet);
    QCOMPARE(p.percentOffBp, 1250);
    QCOMPARE(p.every, 3);
    QCOMPARE(p.discounted, 1);
    QCOMPARE(p.priority, -3);
    QCOMPARE(p.stacksWith, std::optional<QStringList>(QStringList{u"h"_s}));
    QVERIFY(!p.couponsStack);
    QCOMPARE(p.when.days, quint8(0x41));
    QCOMPARE(p.when.fromMinute, 8 * 60 + 30);
    QCOMPARE(p.when.untilMinute, 24 * 60);
    QCOMPARE(p.when.firstDay, QDate(2026, 1, 1));
    QCOMPARE(set.couponCampaigns, (QList<CouponCampaign>{{4, false}}));
    QVERIFY(!set.loyalty); // no "loyalty": no points scheme
}

namespace {

QString withLoyalty(const QString &loyalty)
{
    return u"{\"version\": 1, \"promotions\": [], \"loyalty\": "_s + loyalty + u"}"_s;
}

LoyaltyRules loyaltyRules(qint64 perYuan, QHash<QString, int> tiers, QStringList excluded,
                          int birthday, qint64 perYuanRedeemed, int maxPercent)
{
    LoyaltyRules rules;
    rules.pointsPerYuan = perYuan;
    rules.tierPercent = std::move(tiers);
    rules.excludedCategories = std::move(excluded);
    rules.birthdayPercent = birthday;
    rules.pointsPerYuanRedeemed = perYuanRedeemed;
    rules.redeemMaxPercent = maxPercent;
    return rules;
}

} // namespace

void TestPromotions::loyalty_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<LoyaltyRules>("rules");
    QTest::newRow("every field")
        << withLoyalty(uR"({"points_per_yuan": 2, "tier_percent": {"silver": 100, "gold": 150,
                            "platinum": 200}, "excluded_categories": ["tobacco", "lottery"],
                            "birthday_percent": 300,
                            "redeem": {"points_per_yuan": 50, "max_percent": 30}})"_s)
        << loyaltyRules(2, {{u"silver"_s, 100}, {u"gold"_s, 150}, {u"platinum"_s, 200}},
                        {u"tobacco"_s, u"lottery"_s}, 300, 50, 30);
    QTest::newRow("empty: the defaults") << withLoyalty(u"{}"_s) << LoyaltyRules();
    QTest::newRow("empty redeem") << withLoyalty(uR"({"redeem": {}})"_s) << LoyaltyRules();
    QTest::newRow("smallest") << withLoyalty(
        uR"({"points_per_yuan": 1, "tier_percent": {"silver": 0},
                            "birthday_percent": 100,
                            "redeem": {"points_per_yuan": 1, "max_percent": 0}})"_s)
                              << loyaltyRules(1, {{u"silver"_s, 0}}, {}, 100, 1, 0);
    QTest::newRow("largest") << withLoyalty(
        uR"({"points_per_yuan": 1000, "tier_percent": {"platinum": 1000},
                            "birthday_percent": 1000,
                            "redeem": {"points_per_yuan": 100000, "max_percent": 100}})"_s)
                             << loyaltyRules(1000, {{u"platinum"_s, 1000}}, {}, 1000, 100000, 100);
    QTest::newRow("written as 2.0")
        << withLoyalty(uR"({"points_per_yuan": 2.0})"_s) << loyaltyRules(2, {}, {}, 100, 100, 50);
}

void TestPromotions::loyalty()
{
    QFETCH(QString, json);
    QFETCH(LoyaltyRules, rules);
    const Result<PromotionSet> set = parsePromotions(json.toUtf8());
    QVERIFY_OK(set);
    QVERIFY(set->loyalty);
    QVERIFY(*set->loyalty == rules);
    QVERIFY(*set == *set);
    PromotionSet other = *set;
    other.loyalty->redeemMaxPercent += 1;
    QVERIFY(!(other == *set));
    other.loyalty.reset();
    QVERIFY(!(other == *set));
}

void TestPromotions::loyaltyErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object")
        << withLoyalty(u"true"_s)
        << u"\"loyalty\" must be an object with \"points_per_yuan\", \"tier_percent\", \"excluded_categories\", \"birthday_percent\" and \"redeem\", each optional"_s;
    QTest::newRow("a list")
        << withLoyalty(u"[]"_s)
        << u"\"loyalty\" must be an object with \"points_per_yuan\", \"tier_percent\", \"excluded_categories\", \"birthday_percent\" and \"redeem\", each optional"_s;
    QTest::newRow("unknown field") << withLoyalty(uR"({"points_per_yaun": 1})"_s)
                                   << u"loyalty: unknown field \"points_per_yaun\""_s;
    QTest::newRow("points_per_yuan zero")
        << withLoyalty(uR"({"points_per_yuan": 0})"_s)
        << u"loyalty: \"points_per_yuan\" must be 1 to 1000, not 0"_s;
    QTest::newRow("points_per_yuan too many")
        << withLoyalty(uR"({"points_per_yuan": 1001})"_s)
        << u"loyalty: \"points_per_yuan\" must be 1 to 1000, not 1001"_s;
    QTest::newRow("points_per_yuan fraction")
        << withLoyalty(uR"({"points_per_yuan": 1.5})"_s)
        << u"loyalty: \"points_per_yuan\" must be a whole number"_s;
    QTest::newRow("points_per_yuan text")
        << withLoyalty(uR"({"points_per_yuan": "1"})"_s)
        << u"loyalty: \"points_per_yuan\" must be a whole number"_s;
    QTest::newRow("tier_percent a list")
        << withLoyalty(uR"({"tier_percent": [150]})"_s)
        << u"loyalty: \"tier_percent\" must be an object of tier and percent, such as {\"gold\": 150}"_s;
    QTest::newRow("tier_percent empty")
        << withLoyalty(uR"({"tier_percent": {}})"_s)
        << u"loyalty: \"tier_percent\" must be an object of tier and percent, such as {\"gold\": 150}"_s;
    QTest::newRow("unknown tier")
        << withLoyalty(uR"({"tier_percent": {"Gold": 150}})"_s)
        << u"loyalty \"tier_percent\": \"Gold\" is not a member tier; the tiers are silver, gold, platinum"_s;
    QTest::newRow("tier percent too high")
        << withLoyalty(uR"({"tier_percent": {"gold": 1500}})"_s)
        << u"loyalty \"tier_percent\": \"gold\" must be 0 to 1000, not 1500"_s;
    QTest::newRow("tier percent negative")
        << withLoyalty(uR"({"tier_percent": {"gold": -1}})"_s)
        << u"loyalty \"tier_percent\": \"gold\" must be 0 to 1000, not -1"_s;
    QTest::newRow("tier percent text")
        << withLoyalty(uR"({"tier_percent": {"gold": "150%"}})"_s)
        << u"loyalty \"tier_percent\": \"gold\" must be a whole number"_s;
    QTest::newRow("excluded_categories text")
        << withLoyalty(uR"({"excluded_categories": "tobacco"})"_s)
        << u"loyalty: \"excluded_categories\" must be a list of text with at least one entry"_s;
    QTest::newRow("excluded_categories empty")
        << withLoyalty(uR"({"excluded_categories": []})"_s)
        << u"loyalty: \"excluded_categories\" must be a list of text with at least one entry"_s;
    QTest::newRow("excluded category twice")
        << withLoyalty(uR"({"excluded_categories": ["tobacco", "alcohol", "tobacco"]})"_s)
        << u"loyalty: \"excluded_categories\" names \"tobacco\" twice"_s;
    QTest::newRow("birthday_percent below 100")
        << withLoyalty(uR"({"birthday_percent": 50})"_s)
        << u"loyalty: \"birthday_percent\" must be 100 to 1000, not 50"_s;
    QTest::newRow("birthday_percent above 1000")
        << withLoyalty(uR"({"birthday_percent": 1200})"_s)
        << u"loyalty: \"birthday_percent\" must be 100 to 1000, not 1200"_s;
    QTest::newRow("birthday_percent true")
        << withLoyalty(uR"({"birthday_percent": true})"_s)
        << u"loyalty: \"birthday_percent\" must be a whole number"_s;
    QTest::newRow("redeem a number")
        << withLoyalty(uR"({"redeem": 100})"_s)
        << u"loyalty: \"redeem\" must be an object with \"points_per_yuan\" and \"max_percent\", each optional"_s;
    QTest::newRow("redeem unknown field") << withLoyalty(uR"({"redeem": {"max_share": 50}})"_s)
                                          << u"loyalty \"redeem\": unknown field \"max_share\""_s;
    QTest::newRow("redeem points_per_yuan zero")
        << withLoyalty(uR"({"redeem": {"points_per_yuan": 0}})"_s)
        << u"loyalty \"redeem\": \"points_per_yuan\" must be 1 to 100000, not 0"_s;
    QTest::newRow("redeem points_per_yuan too many")
        << withLoyalty(uR"({"redeem": {"points_per_yuan": 100001}})"_s)
        << u"loyalty \"redeem\": \"points_per_yuan\" must be 1 to 100000, not 100001"_s;
    QTest::newRow("max_percent above 100")
        << withLoyalty(uR"({"redeem": {"max_percent": 101}})"_s)
        << u"loyalty \"redeem\": \"max_percent\" must be 0 to 100, not 101"_s;
    QTest::newRow("max_percent negative")
        << withLoyalty(uR"({"redeem": {"max_percent": -10}})"_s)
        << u"loyalty \"redeem\": \"max_percent\" must be 0 to 100, not -10"_s;
    QTest::newRow("max_percent fraction")
        << withLoyalty(uR"({"redeem": {"max_percent": 33.3}})"_s)
        << u"loyalty \"redeem\": \"max_percent\" must be a whole number"_s;
    QTest::newRow("after a bad promotion")
        << u"{\"version\": 1, \"promotions\": [{\"id\": \"x\"}], \"loyalty\": 5}"_s
        << u"promotion 1 \"x\": \"kind\" is missing"_s;
}

void TestPromotions::loyaltyErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    const Result<PromotionSet> set = parsePromotions(json.toUtf8());
    QVERIFY_FAILS(set, ErrorCode::InvalidInput);
    QCOMPARE(set.error().message, message);
}

// Past the budget the engine keeps the best found, deterministically, and says so: 16 rules that
// each take the basket below 满100 (2^16 combinations, a loose bound).
void TestPromotions::searchBudget()
{
    QString list = u"["_s + spendSave;
    QString cart;
    for (int i = 0; i < 16; ++i) {
        list += uR"(, {"id": "e%1", "kind": "percent_off", "skus": ["S%1"], "percent_off": %2})"_s
                    .arg(i)
                    .arg(1 + i % 5);
        cart += u"S%1/x/%2 "_s.arg(i).arg(632 + i % 3); // ¥101.27: just over 满100
    }
    list += u"]"_s;
    const Cart c = cartOf(cart);
    const PromotionEngine small(promotionsOf(list), {1});
    const PromotionEngine::Outcome first = small.price(c, fridayNoon);
    QVERIFY(!first.exhaustive);
    QCOMPARE(describe(c, small.price(c, fridayNoon).adjustments), describe(c, first.adjustments));
    const PromotionEngine::Outcome full = PromotionEngine(promotionsOf(list)).price(c, fridayNoon);
    QVERIFY(discountOf(full.adjustments) >= discountOf(first.adjustments));
}

namespace {

// The product pool of the random baskets: two categories of unit products at several prices,
// and a weighed one.
const QList<Product> pool{
    product(u"A"_s, u"drinks"_s, 300),       product(u"B"_s, u"drinks"_s, 350),
    product(u"C"_s, u"drinks"_s, 550),       product(u"D"_s, u"snacks"_s, 750),
    product(u"E"_s, u"snacks"_s, 1290),      product(u"F"_s, u"snacks"_s, 199),
    product(u"W"_s, u"fresh"_s, 1196, true),
};

// Every kind of rule and the stacking options, each random basket takes some of them.
const QStringList rulePool{
    spendSave,
    uR"({"id": "d5", "kind": "spend_save", "categories": ["drinks"], "tiers": [{"over": "10", "off": "2"}]})"_s,
    uR"({"id": "p10", "kind": "percent_off", "categories": ["snacks"], "percent_off": 10})"_s,
    uR"({"id": "p33", "kind": "percent_off", "skus": ["C", "W"], "percent_off": 33, "exclusive": true})"_s,
    uR"({"id": "bogo", "kind": "buy_get", "categories": ["drinks"], "every": 2, "discounted": 1, "percent_off": 100, "coupons": false})"_s,
    uR"({"id": "half", "kind": "buy_get", "skus": ["A", "D"], "every": 2, "discounted": 1, "percent_off": 50, "group": "g", "stacks_with": ["g"]})"_s,
    uR"({"id": "b3", "kind": "bundle", "skus": ["B", "C", "E"], "size": 3, "price": "9.99"})"_s,
    uR"({"id": "mp", "kind": "price", "members_only": true, "prices": {"C": "4", "W": "9.90"}, "priority": 2})"_s,
    uR"({"id": "p7", "kind": "percent_off", "percent_off": 7, "group": "g", "stacks_with": ["g"]})"_s,
};

struct Basket {
    Cart cart;
    PromotionSet set;
    PricingContext context;
};

Basket randomBasket(QRandomGenerator &random)
{
    Basket b;
    const int lines = random.bounded(1, 7);
    for (int i = 0; i < lines; ++i) {
        const Product &p = pool[random.bounded(int(pool.size()))];
        if (p.isWeighed())
            b.cart.addWeighed(p, p.sku, random.bounded(50, 3000));
        else
            b.cart.addUnits(p, p.sku, random.bounded(1, 5));
    }
    QStringList rules;
    for (const QString &rule : rulePool)
        if (random.bounded(3) == 0)
            rules << rule;
    b.set = promotionsOf(u"["_s + rules.join(u',') + u"]"_s,
                         uR"([{"campaign": 2, "stacks_with_promotions": false}])"_s);
    b.context = contextAt(at(6, 12, 0), random.bounded(2) ? std::optional(gold) : std::nullopt);
    const int coupons = random.bounded(3);
    for (int i = 0; i < coupons; ++i) {
        Coupon c = coupon(quint64(i + 1), Coupon::Kind(random.bounded(1, 5)), 0,
                          random.bounded(2) ? 0 : random.bounded(500, 4000));
        c.campaign = quint32(random.bounded(1, 3));
        c.value = c.kind == Coupon::Kind::Percent ? random.bounded(100, 3000)
                  : c.kind == Coupon::Kind::Item  ? random.bounded(1, 3)
                                                  : random.bounded(100, 2000);
        if (c.kind == Coupon::Kind::Item)
            c.sku = pool[random.bounded(int(pool.size()))].sku;
        else if (random.bounded(3) == 0)
            c.category = u"drinks"_s;
        b.context.coupons << c;
    }
    return b;
}

Cart shuffled(const Cart &cart, QRandomGenerator &random)
{
    QList<CartLine> lines = cart.lines();
    std::shuffle(lines.begin(), lines.end(), random);
    Cart result;
    for (const CartLine &line : lines) {
        if (line.product.isWeighed())
            result.addWeighed(line.product, line.code, line.quantity);
        else
            result.addUnits(line.product, line.code, line.quantity);
    }
    return result;
}

// The best over every combination of rules and coupons, each priced with all its rules on.
Money bruteForce(const Basket &b)
{
    const qsizetype promotions = b.set.promotions.size();
    const qsizetype all = promotions + b.context.coupons.size();
    Money best;
    for (quint32 mask = 0; mask < (1u << all); ++mask) {
        PromotionSet subset;
        subset.couponCampaigns = b.set.couponCampaigns;
        PricingContext context = b.context;
        context.coupons.clear();
        for (qsizetype i = 0; i < all; ++i) {
            if (!(mask & (1u << i)))
                continue;
            if (i < promotions)
                subset.promotions << b.set.promotions[i];
            else
                context.coupons << b.context.coupons[i - promotions];
        }
        const PromotionEngine allOn(subset, {0});
        best = std::max(best, discountOf(allOn.apply(b.cart, context)));
    }
    return best;
}

bool checkBasket(const Basket &b, QRandomGenerator &random, int round)
{
    const PromotionEngine engine(b.set);
    const PromotionEngine::Outcome outcome = engine.price(b.cart, b.context);
    const QStringList described = describe(b.cart, outcome.adjustments);
    QStringList setup;
    for (const CartLine &line : b.cart.lines())
        setup << u"%1×%2"_s.arg(line.product.sku).arg(line.quantity);
    for (const Promotion &p : b.set.promotions)
        setup << p.id;
    for (const Coupon &c : b.context.coupons)
        setup << u"coupon %1 kind %2 value %3 min %4 sku %5 category %6 campaign %7"_s.arg(c.id)
                     .arg(int(c.kind))
                     .arg(c.value)
                     .arg(c.minSpend.fen)
                     .arg(c.sku, c.category)
                     .arg(c.campaign);
    const QString where = u"round %1 (%2%3): %4"_s.arg(round)
                              .arg(setup.join(u", "), b.context.member ? u", member"_s : QString())
                              .arg(described.join(u"; "));
    PROPERTY_CHECK(outcome.exhaustive, where);

    // Idempotent, and independent of the order of scanning.
    PROPERTY_CHECK(describe(b.cart, engine.apply(b.cart, b.context)) == described, where);
    const Cart other = shuffled(b.cart, random);
    PROPERTY_CHECK(describe(other, engine.apply(other, b.context)) == described,
                   where + u" shuffled: "_s
                       + describe(other, engine.apply(other, b.context)).join(u"; "));

    // Never negative: each discount within what its line (or the basket) had left, so priceCart
    // limits nothing; every discount named after a promotion or coupon that exists.
    const PricedBasket basket = priceCart(b.cart, {&engine}, b.context);
    PROPERTY_CHECK(basket.discount == discountOf(outcome.adjustments), where);
    PROPERTY_CHECK(!basket.total.isNegative(), where);
    QStringList sources;
    for (const Promotion &p : b.set.promotions)
        sources << u"promo:"_s + p.id;
    for (const Coupon &c : b.context.coupons)
        sources << u"coupon:%1"_s.arg(c.id);
    for (const Adjustment &a : outcome.adjustments) {
        PROPERTY_CHECK(a.amount.isNegative(), where);
        PROPERTY_CHECK(sources.contains(a.source), where + u" from "_s + a.source);
    }

    // The best combination.
    const Money best = bruteForce(b);
    PROPERTY_CHECK(discountOf(outcome.adjustments) == best,
                   where + u": brute force finds "_s + best.toString());
    return true;
}

} // namespace

void TestPromotions::properties()
{
    QRandomGenerator random(20260306);
    // No rule, no discount.
    for (int round = 0; round < 100; ++round) {
        Basket b = randomBasket(random);
        QVERIFY(PromotionEngine(PromotionSet()).apply(b.cart, contextAt(at(6, 12, 0))).isEmpty());
    }
    for (int round = 0; round < 2000; ++round) {
        const Basket b = randomBasket(random);
        if (!checkBasket(b, random, round))
            return;
    }
}

QTEST_GUILESS_MAIN(TestPromotions)
#include "tst_promotions.moc"
