// Points (app/core/loyalty.h) on generated baskets.
//   BM_Earned200   pointsEarned on a 200-line priced basket with 20 adjustments (line and basket
//                  discounts and a points redemption), some lines in an excluded category
// Each call is timed on its own; p50 and p99 are counters.
#include "benchdata.h"
#include "core/loyalty.h"
#include "pricingsupport.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <benchmark/benchmark.h>

#include <chrono>

using namespace smartpos;
using smartpos::testing::FixedAdjustments;
using namespace Qt::StringLiterals;

namespace {

const QStringList categories{u"drinks"_s, u"snacks"_s, u"dairy"_s, u"tobacco"_s, u"daily"_s};
constexpr int skuCount = 400;

Product productNumber(int i)
{
    return bench::syntheticProduct(i, categories);
}

// 16 line discounts, 3 basket discounts and a points redemption: 20 adjustments.
QList<Adjustment> twentyAdjustments(QRandomGenerator &random, const Cart &cart)
{
    QList<Adjustment> adjustments;
    for (int i = 0; i < 16; ++i) {
        const int line = random.bounded(int(cart.lines().size()));
        adjustments << Adjustment{u"promo:p%1"_s.arg(i), u"促销"_s, u"Promotion"_s, line,
                                  Money{-(cart.lines()[line].total().fen / 10)}};
    }
    for (int i = 0; i < 3; ++i)
        adjustments << Adjustment{u"coupon:%1"_s.arg(i), u"券"_s, u"Coupon"_s, -1,
                                  Money{-random.bounded(100, 2000)}};
    adjustments << Adjustment{u"points:M1"_s, u"积分抵扣 5000 分"_s, u"Points redeemed: 5000"_s, -1,
                              Money::fromYuan(-50)};
    return adjustments;
}

LoyaltyRules demoRules()
{
    LoyaltyRules rules;
    rules.tierPercent = {{u"gold"_s, 150}, {u"platinum"_s, 200}};
    rules.excludedCategories = {u"tobacco"_s};
    rules.birthdayPercent = 200;
    return rules;
}

void BM_Earned200(benchmark::State &state)
{
    QRandomGenerator random(20260306);
    const PricingContext context{QDateTime(QDate(2026, 3, 6), QTime(7, 30), QTimeZone::utc())};
    struct Priced {
        Cart cart;
        PricedBasket basket;
    };
    std::vector<Priced> baskets;
    for (int i = 0; i < 16; ++i) {
        Cart cart = bench::randomCart(random, 200, skuCount, categories);
        const FixedAdjustments rule(twentyAdjustments(random, cart));
        PricedBasket basket = priceCart(cart, {&rule}, context);
        if (basket.adjustments.size() != 20)
            qFatal("expected 20 adjustments, got %lld", qlonglong(basket.adjustments.size()));
        baskets.push_back({std::move(cart), std::move(basket)});
    }
    const LoyaltyRules rules = demoRules();
    std::vector<double> samples;
    qint64 points = 0;
    size_t next = 0;
    for (auto _ : state) {
        const Priced &priced = baskets[next++ % baskets.size()];
        const auto t0 = std::chrono::steady_clock::now();
        points = pointsEarned(priced.cart, priced.basket, rules, u"gold", false);
        const auto t1 = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(points);
        samples.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
        state.SetIterationTime(samples.back() / 1e9);
    }
    state.counters["p50_us"] = bench::percentileNs(samples, 50) / 1000;
    state.counters["p99_us"] = bench::percentileNs(samples, 99) / 1000;
    state.counters["points"] = double(points);
}
BENCHMARK(BM_Earned200)->UseManualTime()->Unit(benchmark::kMicrosecond);

} // namespace

SMARTPOS_BENCHMARK_MAIN();
