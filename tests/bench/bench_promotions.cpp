// The promotions engine (app/core/promotions.h) on generated baskets: 50 running promotions of
// every kind (a store-wide 满减 among them, so every line discount competes with it) and 3
// coupons.
//   BM_Price200   a 200-line basket priced with priceCart (target ≤ 0.5 ms)
//   BM_Scan20     one scan into a 20-line cart and the cart repriced, as SaleSession::changed
//                 does after every scan (the catalog lookup is bench_scan's)
// Each pricing is timed on its own; p50 and p99 are counters, and `exhaustive` is the share of
// pricings whose best combination was proven rather than found within the search budget.
#include "benchdata.h"
#include "core/promotions.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <benchmark/benchmark.h>

#include <chrono>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

const QStringList categories{u"drinks"_s, u"snacks"_s, u"dairy"_s, u"instant"_s, u"daily"_s};
constexpr int skuCount = 400;

Product productNumber(int i)
{
    return bench::syntheticProduct(i, categories);
}

QString skuList(int first, int count)
{
    QStringList skus;
    for (int i = 0; i < count; ++i)
        skus << u"\"%1\""_s.arg(productNumber((first + i * 7) % skuCount).sku);
    return skus.join(u", ");
}

// 50 promotions: 满减 store-wide and per category, percentages, buy-get, bundles, member prices,
// some exclusive, some in stacking groups, some at happy hour.
PromotionSet fiftyPromotions()
{
    QStringList rules{uR"({"id": "ss", "kind": "spend_save", "tiers": [{"over": "50", "off": "5"},
            {"over": "100", "off": "12"}, {"over": "300", "off": "40"}]})"_s};
    for (int i = 0; rules.size() < 50; ++i) {
        const QString id = u"r%1"_s.arg(i);
        switch (i % 7) {
        case 0:
            rules << uR"({"id": "%1", "kind": "percent_off", "skus": [%2], "percent_off": %3})"_s
                         .arg(id, skuList(i * 11, 6))
                         .arg(5 + i % 20);
            break;
        case 1:
            rules << uR"({"id": "%1", "kind": "buy_get", "skus": [%2], "every": 2,
                          "discounted": 1, "percent_off": 50})"_s.arg(id, skuList(i * 13, 5));
            break;
        case 2:
            rules << uR"({"id": "%1", "kind": "bundle", "skus": [%2], "size": 3,
                          "price": "9.90"})"_s.arg(id, skuList(i * 17, 8));
            break;
        case 3:
            rules << uR"({"id": "%1", "kind": "price", "members_only": true,
                          "prices": {"%2": "1.20", "%3": "2.00"}})"_s.arg(
                id, productNumber(i * 19 % skuCount).sku, productNumber(i * 23 % skuCount).sku);
            break;
        case 4:
            rules << uR"({"id": "%1", "kind": "percent_off", "skus": [%2], "percent_off": 20,
                          "exclusive": true})"_s.arg(id, skuList(i * 29, 4));
            break;
        case 5:
            rules << uR"({"id": "%1", "kind": "spend_save", "categories": ["%2"],
                          "tiers": [{"over": "30", "off": "3"}], "group": "cat",
                          "stacks_with": ["cat"]})"_s.arg(id, categories[i % categories.size()]);
            break;
        case 6:
            rules << uR"({"id": "%1", "kind": "percent_off", "categories": ["%2"],
                          "percent_off": 10, "when": {"from": "15:00", "until": "17:00"}})"_s.arg(
                id, categories[i % categories.size()]);
            break;
        }
    }
    const QByteArray json = (u"{\"version\": 1, \"promotions\": ["_s + rules.join(u",\n")
                             + u"], \"coupon_campaigns\": [{\"campaign\": 2, "
                               u"\"stacks_with_promotions\": false}]}"_s)
                                .toUtf8();
    const Result<PromotionSet> set = parsePromotions(json);
    if (!set)
        qFatal("%s", qPrintable(set.error().message));
    return *set;
}

PricingContext happyHourWithCoupons()
{
    PricingContext context{QDateTime(QDate(2026, 3, 6), QTime(7, 30), QTimeZone::utc()),
                           QTimeZone("Asia/Shanghai"),
                           PricingContext::Member{u"M1"_s, u"gold"_s},
                           {}};
    // 5 % off; ¥20 off over ¥100 from a campaign that does not stack; one item free.
    const auto coupon = [](quint64 id, quint32 campaign, Coupon::Kind kind, qint64 value) {
        Coupon c;
        c.id = id;
        c.campaign = campaign;
        c.kind = kind;
        c.value = value;
        return c;
    };
    Coupon threshold = coupon(2, 2, Coupon::Kind::Threshold, 2000);
    threshold.minSpend = Money::fromYuan(100);
    Coupon item = coupon(3, 1, Coupon::Kind::Item, 1);
    item.sku = productNumber(0).sku;
    context.coupons = {coupon(1, 1, Coupon::Kind::Percent, 500), threshold, item};
    return context;
}

void report(benchmark::State &state, std::vector<double> &samples, int exhaustive, int runs)
{
    state.counters["p50_us"] = bench::percentileNs(samples, 50) / 1000;
    state.counters["p99_us"] = bench::percentileNs(samples, 99) / 1000;
    state.counters["exhaustive"] = runs ? double(exhaustive) / runs : 0;
}

void BM_Price200(benchmark::State &state)
{
    const PromotionEngine engine(fiftyPromotions());
    const PricingContext context = happyHourWithCoupons();
    QRandomGenerator random(20260306);
    std::vector<Cart> carts;
    for (int i = 0; i < 16; ++i)
        carts.push_back(bench::randomCart(random, 200, skuCount, categories));
    std::vector<double> samples;
    int exhaustive = 0;
    size_t next = 0;
    for (auto _ : state) {
        const Cart &cart = carts[next++ % carts.size()];
        const auto t0 = std::chrono::steady_clock::now();
        const PricedBasket basket = priceCart(cart, {&engine}, context);
        const auto t1 = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(basket.total);
        samples.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
        state.SetIterationTime(samples.back() / 1e9);
        exhaustive += engine.price(cart, context).exhaustive;
    }
    report(state, samples, exhaustive, int(samples.size()));
}
BENCHMARK(BM_Price200)->UseManualTime()->Unit(benchmark::kMicrosecond);

void BM_Scan20(benchmark::State &state)
{
    const PromotionEngine engine(fiftyPromotions());
    const PricingContext context = happyHourWithCoupons();
    QRandomGenerator random(20260307);
    Cart cart;
    std::vector<double> samples;
    int exhaustive = 0;
    for (auto _ : state) {
        if (cart.lines().size() >= 20)
            cart.clear();
        const Product p = productNumber(random.bounded(skuCount));
        const auto t0 = std::chrono::steady_clock::now();
        if (p.isWeighed())
            cart.addWeighed(p, p.sku, 500);
        else
            cart.addUnits(p, p.sku);
        const PricedBasket basket = priceCart(cart, {&engine}, context);
        const auto t1 = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(basket.total);
        samples.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
        state.SetIterationTime(samples.back() / 1e9);
        exhaustive += engine.price(cart, context).exhaustive;
    }
    report(state, samples, exhaustive, int(samples.size()));
}
BENCHMARK(BM_Scan20)->UseManualTime()->Unit(benchmark::kMicrosecond);

} // namespace

SMARTPOS_BENCHMARK_MAIN();
