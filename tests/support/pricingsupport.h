#pragma once

// Products and a pricing rule for the tests of prices, promotions and points.
#include "core/pricing.h"

#include <QHash>

namespace smartpos::testing {

inline Product product(const QString &sku, const QString &category, qint64 priceFen,
                       bool weighed = false)
{
    Product p;
    p.id = qHash(sku);
    p.sku = sku;
    p.nameZh = QStringLiteral("品") + sku;
    p.nameEn = QStringLiteral("Item ") + sku;
    p.category = category;
    p.price = Money{priceFen};
    p.soldBy = weighed ? SoldBy::Weight : SoldBy::Unit;
    return p;
}

// Makes the adjustments it is given, whatever the cart: as a promotion or coupon would, or
// malformed on purpose.
class FixedAdjustments final : public PricingRule {
public:
    explicit FixedAdjustments(QList<Adjustment> adjustments)
        : m_adjustments(std::move(adjustments))
    {
    }
    QString id() const override { return QStringLiteral("test:fixed"); }
    QList<Adjustment> apply(const Cart &, const PricingContext &) const override
    {
        return m_adjustments;
    }

private:
    QList<Adjustment> m_adjustments;
};

} // namespace smartpos::testing
