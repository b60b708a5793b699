#include "sale.h"

namespace smartpos {

std::optional<Tender> cashTender(Money due, Money received)
{
    if (due.isNegative() || received < due)
        return std::nullopt;
    return Tender{Tender::Kind::Cash, due, received, received - due};
}

Sale saleFromCart(const Cart &cart, const QString &uuid, const QDateTime &createdAtUtc,
                  const QList<Tender> &tenders)
{
    Sale sale{uuid, createdAtUtc.toUTC(), {}, cart.total(), cart.totalTax(), tenders};
    sale.lines.reserve(cart.lines().size());
    for (const auto &line : cart.lines()) {
        const Product &p = line.product;
        sale.lines.append(SaleLine{p.sku, line.code, p.nameZh, p.nameEn, line.quantity,
                                   p.isWeighed(), p.price, line.total(), p.taxRateBp});
    }
    return sale;
}

} // namespace smartpos
