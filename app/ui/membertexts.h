#pragma once

#include "core/coupon.h"
#include "core/money.h"
#include "core/promotions.h"

#include <QCoreApplication>
#include <QString>

namespace smartpos {

class Cart;

// How members, points and coupons are worded on both screens, in the UI language.
struct MemberTexts {
    Q_DECLARE_TR_FUNCTIONS(smartpos::MemberTexts)

public:
    // "Silver", "Gold", "Platinum" (银卡, 金卡, 白金卡); an unknown tier as it is.
    static QString tierName(const QString &tier);
    // What the customer ticks on the customer screen, and the cashier reads out: recorded with a
    // sign-up at the till.
    static QString consentText();
    // "1,250 points"
    static QString points(qint64 points);
    // An amount as people say it: "5" for ¥5.00, "4.50" otherwise.
    static QString yuan(Money amount);
    // What a coupon is, from its kind and value: "¥5 off coupon", "10% off coupon" (9折券),
    // "Spend ¥50, get ¥10 off" (满50减10), "Free item: Cola 500ml"; with its minimum spend and
    // "#serial". `itemName` names the product of an item coupon (its SKU when empty).
    static QString couponTitle(const Coupon &coupon, const QString &itemName = {});
    // What a presented coupon takes off the cart now ("−¥5.00"), or why not yet ("spend ¥12.50
    // more", "not for these products" …). `cart` tells how far a minimum spend is.
    static QString couponEffect(const Coupon &coupon, CouponFit fit, Money discount,
                                const Cart &cart);
};

} // namespace smartpos
