#pragma once

#include "coupon.h"
#include "sale.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>
#include <span>

namespace smartpos {

// What a rule may look at besides the cart. Points join it later.
struct PricingContext {
    // The member the sale is for, once recognised (member code or phone number).
    struct Member {
        QString id;
        QString tier; // "silver", "gold" …: member prices may be for some tiers only
    };

    QDateTime atUtc; // when the cart is priced: promotions run on hours and dates
    // The store's: a promotion's days and hours are the store's local ones.
    QTimeZone timeZone = QTimeZone::utc();
    // (Default initializers, so that {atUtc} alone stays a complete initialisation.)
    std::optional<Member> member = std::nullopt;
    // The coupons the customer presented for this sale, already verified as issued by the chain
    // and not used before; whether they apply to this cart is the promotions engine's business.
    QList<Coupon> coupons = {};
};

// One way the price of a cart can change: a promotion, a member price, a coupon …
class PricingRule {
public:
    virtual ~PricingRule() = default;

    // "promo:<id>", "coupon:<id>" …; the source of every adjustment that does not name its own.
    virtual QString id() const = 0;
    // The adjustments this rule makes to `cart`; line indices are the cart's. Rules do not see
    // each other's adjustments; priceCart() limits what they may take off.
    virtual QList<Adjustment> apply(const Cart &cart, const PricingContext &context) const = 0;
};

// A cart with its adjustments applied. subtotal − discount = total; Σ taxes[].gross = total and
// Σ taxes[].tax = tax, exactly.
struct PricedBasket {
    QList<Adjustment> adjustments; // in rule order, amounts as applied (after limiting)
    Money subtotal;                // Σ line totals, before adjustments
    Money discount;                // what the adjustments take off: −Σ adjustment amounts
    Money total;                   // never negative
    QList<TaxLine> taxes;          // per rate, gross after adjustments, ascending by rate
    Money tax;
};

// Applies `rules` in order. Line adjustments are applied before basket adjustments and are
// limited so that no line goes below zero, nor above the cart's line limit by a surcharge; basket
// adjustments are then limited so that the total does neither (below zero, above the sale
// limit); on a basket worth nothing they have nothing to apply to and become zero. An adjustment
// naming a line the cart does not have is dropped; null rules are skipped. Limited adjustments
// stay in the list (a coupon used up to zero is still shown). The result does not depend on the
// order of the cart's lines.
PricedBasket priceCart(const Cart &cart, const QList<const PricingRule *> &rules,
                       const PricingContext &context);

// `amount` split over parts in proportion to `weights` (each ≥ 0): each part gets its share
// rounded toward zero, the units left over go one each to the largest remainders, ties to the
// lower index, so the parts add up to `amount` exactly and no part exceeds its weight when
// |amount| ≤ Σ weights. All weights zero: all parts zero. |amount| × each weight must fit in
// qint64. The one rule for spreading a discount over tax rates or lines.
QList<qint64> splitProportionally(qint64 amount, const QList<qint64> &weights);
// The same into `parts` (as many as `weights`), allocating nothing for up to 256 parts: for the
// promotions engine, which splits in its search.
void splitProportionally(qint64 amount, std::span<const qint64> weights, std::span<qint64> parts);

// The tax per rate of a recorded sale, as priceCart() computed it when the sale was priced (for
// receipts and reports: a Sale keeps only the total tax).
QList<TaxLine> taxBreakdown(const Sale &sale);

// The sale of a priced cart: its lines, the basket's adjustments, total and tax.
Sale saleFromBasket(const Cart &cart, const PricedBasket &basket, const QDateTime &createdAtUtc,
                    const QList<Tender> &tenders);

} // namespace smartpos
