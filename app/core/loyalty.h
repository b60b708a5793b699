#pragma once

#include "pricing.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace smartpos {

// A store's points scheme (积分), the "loyalty" section of its promotions JSON (parsePromotions).
// Members earn points on what they pay and may pay part of a sale with them.
struct LoyaltyRules {
    qint64 pointsPerYuan = 1;        // earn: points per whole yuan of eligible spend (1 … 1000)
    QHash<QString, int> tierPercent; // earn multiplier per tier in percent (gold 150); missing: 100
    // Lines of these categories earn nothing ("tobacco"); they may still be paid with points.
    QStringList excludedCategories;
    int birthdayPercent = 100; // multiplier on the member's birthday (store's date), 100 … 1000
    qint64 pointsPerYuanRedeemed = 100; // redeem: this many points pay ¥1, in whole yuan only
    int redeemMaxPercent = 50;          // at most this share of the sale's total (after every other
                                        // discount) may be paid with points, 0 … 100
    bool operator==(const LoyaltyRules &) const = default;
};

// The points a member earns on a priced cart: `basket` is what priceCart() made of `cart`.
// Eligible spend is what the customer pays for the lines outside the excluded categories: their
// totals, their own adjustments and their share of the basket adjustments (line −1), which are
// spread over all lines, excluded ones too, in proportion to their totals after their own
// adjustments (splitProportionally over the eligible and the excluded lines, rounded once, so
// the result does not depend on the order of the lines). A discount never earns points, and
// neither does a points redemption ("points:<id>"), a basket discount like any other. Then
//   floor(eligible fen × pointsPerYuan × tier % × birthday % / (100 × 100 × 100)),
// the tier's percent from tierPercent (100 when not listed), birthdayPercent only when `birthday`.
// Never negative; computed in 128 bits, so exact for every cart the Cart accepts.
qint64 pointsEarned(const Cart &cart, const PricedBasket &basket, const LoyaltyRules &rules,
                    QStringView tier, bool birthday);

// Points that pay part of a sale, and what they pay.
struct PointsRedemption {
    qint64 points = 0;
    Money amount;
    bool operator==(const PointsRedemption &) const = default;
};

// The most a member may redeem on a sale of `payable` (its total after every other discount):
// whole yuan only, no more than `availablePoints` buy (pointsPerYuanRedeemed each), and no more
// than redeemMaxPercent of `payable`, rounded down to the yuan. Zero when there are no points or
// nothing to pay.
PointsRedemption maxRedemption(const LoyaltyRules &rules, qint64 availablePoints, Money payable);

// The points a member may spend at this till while it cannot ask the chain: the balance the chain
// last sent (`knownBalance`) less what was redeemed here since (`redeemedHereSince`), never below
// zero. Points earned here are not spendable until the chain confirms them in a new balance, so a
// member cannot spend the same points at two tills that are offline.
qint64 availablePoints(qint64 knownBalance, qint64 redeemedHereSince);

// A points redemption as a pricing rule: one basket adjustment of −amount named after the points
// ("积分抵扣 1500 分", "Points redeemed: 1500"), nothing when the amount is zero. The sale session
// prices once without it, takes maxRedemption() of that total, then prices again with this rule
// last, so the points pay what every other discount left.
class PointsRedemptionRule final : public PricingRule {
public:
    PointsRedemptionRule(QString memberId, PointsRedemption redemption);

    QString id() const override; // "points:<memberId>"
    QList<Adjustment> apply(const Cart &cart, const PricingContext &context) const override;

private:
    QString m_memberId;
    PointsRedemption m_redemption;
};

} // namespace smartpos
