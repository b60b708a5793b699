#pragma once

// What several test suites share: readable Money and error codes in QCOMPARE output, checks of
// Status and Result, and small product fixtures.
#include "core/cart.h"
#include "core/result.h"
#include "core/sale.h"

#include <QTest>

namespace smartpos {

// QCOMPARE prints Money as "12.50".
inline char *toString(const Money &money)
{
    return QTest::toString(money.toString());
}

inline char *toString(ErrorCode code)
{
    static const char *const names[] = {"InvalidInput", "NotFound", "NotSupported", "Conflict",
                                        "Storage",      "Damaged",  "Locked",       "TooNew",
                                        "Device",       "Network"};
    const int i = int(code);
    return qstrdup(i >= 0 && i < int(std::size(names)) ? names[i] : "?");
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

// Sale number `n` of a test ledger: 1–5 colas (¥3.00 each) paid in exact cash, `n` seconds after
// `start`.
inline Sale colaSale(int n, const QDateTime &start)
{
    Cart cart;
    cart.addUnits(unitProduct(1, 300), QStringLiteral("6928804995534"), 1 + n % 5);
    return saleFromCart(cart, start.addSecs(n), {*cashTender(cart.total(), cart.total())});
}

inline QList<qint64> quantities(const Cart &cart)
{
    QList<qint64> result;
    for (const auto &line : cart.lines())
        result << line.quantity;
    return result;
}

} // namespace smartpos

// A Status or Result that must have succeeded (its message shown when not).
#define QVERIFY_OK(expression)                                                                     \
    do {                                                                                           \
        const auto &result_ = (expression);                                                        \
        QVERIFY2(result_.ok(), qPrintable(result_.error().message));                               \
    } while (false)

// A Status or Result that must have failed with `expectedCode`.
#define QVERIFY_FAILS(expression, expectedCode)                                                    \
    do {                                                                                           \
        const auto &result_ = (expression);                                                        \
        QVERIFY2(!result_.ok(), "succeeded, but should have failed");                              \
        QVERIFY2(!result_.error().message.isEmpty(), "failed without a message");                  \
        QCOMPARE(result_.error().code, expectedCode);                                              \
    } while (false)

// For property tests that check thousands of cases in helper functions returning bool: QVERIFY2
// would format its message on every pass, this only on a failure, which it reports and then
// returns false from the helper.
#define PROPERTY_CHECK(condition, message)                                                         \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            QTest::qFail(qPrintable(message), __FILE__, __LINE__);                                 \
            return false;                                                                          \
        }                                                                                          \
    } while (false)
