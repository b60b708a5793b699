#include "loyalty.h"

#include <QVarLengthArray>

#include <algorithm>
#include <limits>

namespace smartpos {

namespace {

__extension__ typedef __int128 Int128; // GCC and Clang; __extension__ keeps -Wpedantic quiet

constexpr qint64 qint64Max = std::numeric_limits<qint64>::max();

// `value` within [low, high].
qint64 clamped(Int128 value, qint64 low, qint64 high)
{
    return value < low ? low : value > high ? high : qint64(value);
}

} // namespace

qint64 pointsEarned(const Cart &cart, const PricedBasket &basket, const LoyaltyRules &rules,
                    QStringView tier, bool birthday)
{
    const QList<CartLine> &lines = cart.lines();
    const qsizetype count = lines.size();
    if (count == 0 || rules.pointsPerYuan <= 0)
        return 0;

    // Each line after its own adjustments, and the basket adjustments together. priceCart keeps
    // every line within MoneyLimits::line and the total within the sale limit; the clamps only
    // keep a basket that does not belong to this cart from overflowing.
    QVarLengthArray<Int128, 256> lineSums(count);
    for (qsizetype i = 0; i < count; ++i)
        lineSums[i] = lines[i].total().fen;
    Int128 basketSum = 0;
    for (const Adjustment &adjustment : basket.adjustments) {
        if (adjustment.line >= 0 && adjustment.line < count)
            lineSums[adjustment.line] += adjustment.amount.fen;
        else if (adjustment.line == -1)
            basketSum += adjustment.amount.fen;
    }
    // What the eligible lines and the excluded ones come to.
    Int128 eligible = 0;
    Int128 excluded = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const qint64 lineTotal = clamped(lineSums[i], 0, MoneyLimits::ceiling.fen);
        if (rules.excludedCategories.contains(lines[i].product.category))
            excluded += lineTotal;
        else
            eligible += lineTotal;
    }
    if (eligible == 0)
        return 0;

    // The basket adjustments spread over the lines in proportion to their totals: the eligible
    // lines' share of them, rounded once (splitProportionally over the two groups), so that it
    // does not depend on the order of the lines. A discount takes at most what the lines come to.
    qint64 weights[2] = {clamped(eligible, 0, qint64Max), clamped(excluded, 0, qint64Max)};
    const qint64 basketAdjustment =
        clamped(basketSum, -clamped(eligible + excluded, 0, qint64Max), MoneyLimits::ceiling.fen);
    // splitProportionally needs |amount| × each weight within qint64, which holds for every cart
    // within MoneyLimits (¥10 million squared); past that the weights are scaled down together.
    const qint64 magnitude = basketAdjustment < 0 ? -basketAdjustment : basketAdjustment;
    qint64 product = 0;
    while (__builtin_mul_overflow(magnitude, std::max(weights[0], weights[1]), &product)) {
        weights[0] >>= 1;
        weights[1] >>= 1;
    }
    qint64 shares[2] = {0, 0};
    splitProportionally(basketAdjustment, weights, shares);
    const Int128 eligibleFen = std::max<Int128>(eligible + shares[0], 0);

    // Fen, points per yuan, percent, percent: 100 × 100 × 100. The eligible spend is below 2^62
    // fen (lines of at most the ceiling) and each factor is kept below 2^20 (the parser allows
    // far less), so the product fits in 128 bits.
    constexpr qint64 factorLimit = 1'000'000;
    const qint64 perYuan = std::min(rules.pointsPerYuan, factorLimit);
    const qint64 tierPercent =
        std::clamp<qint64>(rules.tierPercent.value(tier.toString(), 100), 0, factorLimit);
    const qint64 birthdayPercent =
        birthday ? std::clamp<qint64>(rules.birthdayPercent, 0, factorLimit) : 100;
    const Int128 points =
        eligibleFen * perYuan * tierPercent * birthdayPercent / (Int128(100) * 100 * 100);
    return clamped(points, 0, qint64Max);
}

PointsRedemption maxRedemption(const LoyaltyRules &rules, qint64 availablePoints, Money payable)
{
    if (availablePoints <= 0 || payable.fen <= 0 || rules.pointsPerYuanRedeemed <= 0)
        return {};
    const qint64 percent = std::clamp(rules.redeemMaxPercent, 0, 100);
    const qint64 byBalance = availablePoints / rules.pointsPerYuanRedeemed;
    // floor(payable × percent / 100) fen, in whole yuan.
    const qint64 byShare = qint64(Int128(payable.fen) * percent / (100 * 100));
    const qint64 yuan = std::min(byBalance, byShare);
    return {yuan * rules.pointsPerYuanRedeemed, Money::fromYuan(yuan)};
}

qint64 availablePoints(qint64 knownBalance, qint64 redeemedHereSince)
{
    const qint64 redeemed = std::max<qint64>(redeemedHereSince, 0);
    return knownBalance <= redeemed ? 0 : knownBalance - redeemed;
}

PointsRedemptionRule::PointsRedemptionRule(QString memberId, PointsRedemption redemption)
    : m_memberId(std::move(memberId))
    , m_redemption(redemption)
{
}

QString PointsRedemptionRule::id() const
{
    return QStringLiteral("points:") + m_memberId;
}

QList<Adjustment> PointsRedemptionRule::apply(const Cart &, const PricingContext &) const
{
    if (m_redemption.amount.fen <= 0)
        return {};
    Adjustment adjustment;
    adjustment.source = id();
    adjustment.nameZh = QStringLiteral("积分抵扣 %1分").arg(m_redemption.points);
    adjustment.nameEn = QStringLiteral("%1 points").arg(m_redemption.points);
    adjustment.line = -1;
    adjustment.amount = -m_redemption.amount;
    return {adjustment};
}

} // namespace smartpos
