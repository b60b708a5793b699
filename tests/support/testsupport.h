#pragma once

// What several test suites share: readable Money in QCOMPARE output and small product fixtures.
#include "core/cart.h"

#include <QTest>

namespace smartpos {

// QCOMPARE prints Money as "12.50".
inline char *toString(const Money &money)
{
    return QTest::toString(money.toString());
}

inline Product unitProduct(qint64 id, qint64 priceFen, int rateBp = 1300)
{
    Product p;
    p.id = id;
    p.sku = QStringLiteral("SKU%1").arg(id);
    p.nameZh = QStringLiteral("商品%1").arg(id);
    p.nameEn = QStringLiteral("Product %1").arg(id);
    p.category = QStringLiteral("test");
    p.price = Money::fromFen(priceFen);
    p.taxRateBp = rateBp;
    return p;
}

inline Product weighedProduct(qint64 id, qint64 perKgFen, int rateBp = 900)
{
    Product p = unitProduct(id, perKgFen, rateBp);
    p.soldBy = SoldBy::Weight;
    p.plu = QString::number(10000 + id);
    return p;
}

inline QList<qint64> quantities(const Cart &cart)
{
    QList<qint64> result;
    for (const auto &line : cart.lines())
        result << line.quantity;
    return result;
}

} // namespace smartpos
