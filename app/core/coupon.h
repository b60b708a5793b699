#pragma once

#include "money.h"

#include <QString>

namespace smartpos {

// A coupon as the chain issues it: what it takes off, on what, for whom and when. The signed
// code that carries it (SPC1., docs/codes.md) is read by couponcode.h; what it takes off a cart
// is the promotions engine's business.
struct Coupon {
    enum class Kind : quint8 {
        Cash = 1,      // 代金券: `value` fen off
        Percent = 2,   // 折扣券: `value` basis points off (1000 = 10 % off, 九折)
        Threshold = 3, // 满减券: `value` fen off once the eligible lines reach minSpend
        Item = 4,      // 提货券: `value` units of `sku` free
    };

    quint64 id = 0;       // the coupon's serial, unique in the chain: a coupon is used once
    quint32 campaign = 0; // the campaign it belongs to (revocation, reports)
    Kind kind = Kind::Cash;
    qint64 value = 0;
    Money minSpend; // the eligible lines must reach this first; zero: no minimum
    QString sku;    // Item: the product given; otherwise, when set, the only product it applies to
    QString category;      // when set, only products of this category count and are discounted
    qint64 validFrom = 0;  // Unix seconds (UTC), inclusive; 0: from issue
    qint64 validUntil = 0; // Unix seconds (UTC), exclusive; 0: no end
    QString member;        // the member it is bound to; empty: whoever shows it (bearer)

    bool operator==(const Coupon &) const = default;
};

} // namespace smartpos
