// Promotions JSON (parsePromotions) and the engine that prices with it (app/core/promotions.h).
//
// Input: promotions JSON. A refused file has a message; an accepted one prices carts made of
// the demo catalog's SKUs and categories (a fixed one and one drawn from a hash of the input),
// at a time and with a member and coupons also drawn from that hash. Every discount is negative,
// names a promotion or coupon that exists and, line by line and for the basket, stays within
// what is left, so priceCart limits nothing and the total is never negative; pricing again and
// pricing the cart in another order give the same discounts.
#include "fuzzcheck.h"

#include "core/promotions.h"

#include <QRandomGenerator>

#include <cstdint>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

Product product(const QString &sku, const QString &category, qint64 fen, bool weighed = false)
{
    Product p;
    p.sku = sku;
    p.nameZh = sku;
    p.nameEn = sku;
    p.category = category;
    p.price = Money{fen};
    p.soldBy = weighed ? SoldBy::Weight : SoldBy::Unit;
    return p;
}

const QList<Product> &products()
{
    static const QList<Product> list{
        product(u"DR0001"_s, u"drinks"_s, 300),       product(u"DR0002"_s, u"drinks"_s, 350),
        product(u"SN0001"_s, u"snacks"_s, 750),       product(u"SN0007"_s, u"snacks"_s, 1290),
        product(u"IN0001"_s, u"instant"_s, 550),      product(u"IN0002"_s, u"instant"_s, 300),
        product(u"DA0001"_s, u"dairy"_s, 350),        product(u"A"_s, u"x"_s, 1),
        product(u"FR0011"_s, u"fresh"_s, 1196, true),
    };
    return list;
}

void add(Cart &cart, const Product &p, qint64 quantity)
{
    if (p.isWeighed())
        cart.addWeighed(p, p.sku, quantity);
    else
        cart.addUnits(p, p.sku, quantity);
}

QStringList describe(const Cart &cart, const QList<Adjustment> &adjustments)
{
    QStringList result;
    for (const Adjustment &a : adjustments)
        result << u"%1 %2 %3 %4 %5"_s.arg(a.source,
                                          a.line < 0 ? u"-"_s : cart.lines()[a.line].product.sku,
                                          a.amount.toString(), a.nameZh, a.nameEn);
    result.sort();
    return result;
}

void check(const PromotionEngine &engine, const Cart &cart, const PricingContext &context,
           QRandomGenerator &random, const QByteArray &input)
{
    const QList<Adjustment> adjustments = engine.apply(cart, context);
    QStringList sources;
    for (const Promotion &p : engine.set().promotions)
        sources << u"promo:"_s + p.id;
    for (const Coupon &c : context.coupons)
        sources << u"coupon:%1"_s.arg(c.id);
    Money discount;
    for (const Adjustment &a : adjustments) {
        FUZZ_CHECK(a.amount.isNegative() && a.line >= -1 && a.line < cart.lines().size()
                       && sources.contains(a.source),
                   fuzz::quoted(input));
        discount -= a.amount;
    }
    const PricedBasket basket = priceCart(cart, {&engine}, context);
    FUZZ_CHECK(!basket.total.isNegative(), fuzz::quoted(input));
    FUZZ_CHECK(basket.discount == discount, fuzz::quoted(input));

    const QStringList described = describe(cart, adjustments);
    FUZZ_CHECK(describe(cart, engine.apply(cart, context)) == described, fuzz::quoted(input));
    QList<CartLine> lines = cart.lines();
    std::shuffle(lines.begin(), lines.end(), random);
    Cart shuffled;
    for (const CartLine &line : lines)
        add(shuffled, line.product, line.quantity);
    FUZZ_CHECK(describe(shuffled, engine.apply(shuffled, context)) == described,
               fuzz::quoted(input));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<PromotionSet> set = parsePromotions(input);
    if (!set) {
        FUZZ_CHECK(!set.error().message.isEmpty(), fuzz::quoted(input));
        return 0;
    }
    // A small budget keeps each input fast; past it the result must be as deterministic.
    const PromotionEngine engine(*set, {64});
    QRandomGenerator random(quint32(qHash(input)));

    PricingContext context;
    context.timeZone = QTimeZone("Asia/Shanghai");
    context.atUtc = QDateTime(QDate(2026, 3, 2), QTime(0, 0), QTimeZone::utc())
                        .addSecs(random.bounded(7 * 24 * 3600));
    if (random.bounded(2))
        context.member =
            PricingContext::Member{u"M1"_s, random.bounded(2) ? u"gold"_s : u"silver"_s};
    for (int i = 0, n = random.bounded(4); i < n; ++i) {
        Coupon c;
        c.id = quint64(i + 1);
        c.campaign = quint32(random.bounded(1, 4));
        c.kind = Coupon::Kind(random.bounded(1, 5));
        c.value = c.kind == Coupon::Kind::Percent ? random.bounded(1, 10001)
                  : c.kind == Coupon::Kind::Item  ? random.bounded(1, 4)
                                                  : random.bounded(1, 5000);
        c.minSpend = Money{random.bounded(2) ? 0 : random.bounded(1, 10000)};
        const Product &p = products()[random.bounded(int(products().size()))];
        if (c.kind == Coupon::Kind::Item || random.bounded(4) == 0)
            c.sku = p.sku;
        if (random.bounded(4) == 0)
            c.category = p.category;
        c.member = random.bounded(4) == 0 ? u"M1"_s : QString();
        context.coupons << c;
    }

    Cart fixed;
    for (const Product &p : products())
        add(fixed, p, p.isWeighed() ? 750 : 2);
    check(engine, fixed, context, random, input);

    Cart drawn;
    for (int i = 0, n = random.bounded(1, 12); i < n; ++i) {
        const Product &p = products()[random.bounded(int(products().size()))];
        add(drawn, p, p.isWeighed() ? random.bounded(1, 5000) : random.bounded(1, 6));
    }
    check(engine, drawn, context, random, input);
    return 0;
}
