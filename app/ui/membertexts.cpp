#include "membertexts.h"

#include "core/cart.h"

#include <algorithm>
#include <climits>

namespace smartpos {

namespace {
// 10.5 → "10.5", 9 → "9": a percentage or a 折 as people write it.
QString decimal(qint64 value, int divisor)
{
    const qint64 whole = value / divisor;
    qint64 fraction = value % divisor;
    if (fraction == 0)
        return QString::number(whole);
    int digits = 0;
    for (int d = divisor; d > 1; d /= 10)
        ++digits;
    QString text = QStringLiteral("%1").arg(fraction, digits, 10, QLatin1Char('0'));
    while (text.endsWith(u'0'))
        text.chop(1);
    return QString::number(whole) + u'.' + text;
}

// Like QString::arg, but a translation may use %1 and %2 in any order, or leave one out.
QString fill(QString text, const QString &first, const QString &second)
{
    text.replace(QStringLiteral("%1"), first);
    text.replace(QStringLiteral("%2"), second);
    return text;
}
} // namespace

QString MemberTexts::tierName(const QString &tier)
{
    if (tier == u"silver")
        return tr("Silver", "member tier (银卡)");
    if (tier == u"gold")
        return tr("Gold", "member tier (金卡)");
    if (tier == u"platinum")
        return tr("Platinum", "member tier (白金卡)");
    return tier;
}

QString MemberTexts::consentText()
{
    return tr("I agree to the member terms and privacy policy");
}

QString MemberTexts::points(qint64 points)
{
    return tr("%Ln point(s)", "", int(std::clamp<qint64>(points, 0, INT_MAX)));
}

QString MemberTexts::yuan(Money amount)
{
    return amount.fen % 100 == 0 ? QString::number(amount.fen / 100) : amount.toString();
}

QString MemberTexts::couponTitle(const Coupon &coupon, const QString &itemName)
{
    QString title;
    switch (coupon.kind) {
    case Coupon::Kind::Cash:
        title = tr("¥%1 off coupon", "代金券: ¥%1 代金券").arg(yuan(Money::fromFen(coupon.value)));
        break;
    case Coupon::Kind::Percent:
        // 1000 basis points off is "10% off" in English and 9折 in Chinese: the translation
        // picks the number it needs.
        title = fill(tr("%1% off coupon", "折扣券; %1 = percent off, %2 = the 折 (9 for 10% off): "
                                          "translate as %2折券"),
                     decimal(coupon.value, 100), decimal(10000 - coupon.value, 1000));
        break;
    case Coupon::Kind::Threshold:
        title = tr("Spend ¥%1, get ¥%2 off", "满减券: 满%1减%2")
                    .arg(yuan(coupon.minSpend), yuan(Money::fromFen(coupon.value)));
        break;
    case Coupon::Kind::Item: {
        const QString item = itemName.isEmpty() ? coupon.sku : itemName;
        title = coupon.value > 1 ? tr("Free item: %1 × %2", "提货券").arg(item).arg(coupon.value)
                                 : tr("Free item: %1", "提货券").arg(item);
        break;
    }
    }
    if (coupon.kind != Coupon::Kind::Threshold && coupon.minSpend.fen > 0)
        title += QStringLiteral(" · ") + tr("over ¥%1", "满%1可用").arg(yuan(coupon.minSpend));
    return title + QStringLiteral(" #") + QString::number(coupon.id);
}

QString MemberTexts::couponEffect(const Coupon &coupon, CouponFit fit, Money discount,
                                  const Cart &cart)
{
    switch (fit) {
    case CouponFit::Applies:
        return discount.fen > 0 ? QStringLiteral("−¥") + discount.toString()
                                : tr("not with these promotions");
    case CouponFit::Malformed:
        return tr("cannot be used");
    case CouponFit::NotYetValid:
        return tr("not valid yet");
    case CouponFit::Expired:
        return tr("expired");
    case CouponFit::NeedsMember:
        return tr("needs its member");
    case CouponFit::OtherMember:
        return tr("for another member");
    case CouponFit::NoProduct:
        return coupon.kind == Coupon::Kind::Item ? tr("add the product to use it")
                                                 : tr("not for these products");
    case CouponFit::BelowMinimum: {
        const Money spend = couponEligibleSpend(coupon, cart);
        return spend < coupon.minSpend
                   ? tr("spend ¥%1 more").arg((coupon.minSpend - spend).toString())
                   : tr("spend more to use it");
    }
    }
    return {};
}

} // namespace smartpos
