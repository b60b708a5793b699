#include "sale.h"

namespace smartpos {

namespace {
struct TenderName {
    Tender::Kind kind;
    QLatin1StringView name;
};
constexpr TenderName tenderNames[] = {
    {Tender::Kind::Cash, QLatin1StringView("cash")},
    {Tender::Kind::PaymentCode, QLatin1StringView("payment_code")},
    {Tender::Kind::Prepaid, QLatin1StringView("prepaid")},
    {Tender::Kind::Points, QLatin1StringView("points")},
    {Tender::Kind::ExternalCard, QLatin1StringView("card")},
};

// Every tender pays a positive amount, except the zero cash tender a free sale may take
// (cashTender(0, received)). Only cash gives change: what it received beyond its amount.
bool isWellFormed(const Tender &tender, Money total)
{
    if (tender.kind != Tender::Kind::Cash)
        return tender.amount.fen > 0 && tender.received == tender.amount && tender.change.isZero();
    const bool paysSomething = tender.amount.fen > 0 || (tender.amount.isZero() && total.isZero());
    return paysSomething && tender.received >= tender.amount
           && tender.change == tender.received - tender.amount;
}

} // namespace

QString tenderKindName(Tender::Kind kind)
{
    for (const auto &entry : tenderNames)
        if (entry.kind == kind)
            return entry.name;
    return {};
}

std::optional<Tender::Kind> tenderKindFromName(QStringView name)
{
    for (const auto &entry : tenderNames)
        if (name == entry.name)
            return entry.kind;
    return std::nullopt;
}

std::optional<Tender> cashTender(Money due, Money received)
{
    if (due.isNegative() || received < due)
        return std::nullopt;
    return Tender{Tender::Kind::Cash, due, received, received - due, {}};
}

Tender exactTender(Tender::Kind kind, Money amount, const QString &reference)
{
    return Tender{kind, amount, amount, Money(), reference};
}

bool tendersSettle(const QList<Tender> &tenders, Money total)
{
    Money paid;
    for (const Tender &tender : tenders) {
        if (!isWellFormed(tender, total))
            return false;
        paid += tender.amount;
    }
    return paid == total;
}

Sale saleFromCart(const Cart &cart, const QDateTime &createdAtUtc, const QList<Tender> &tenders)
{
    Sale sale{createdAtUtc.toUTC(), {}, {}, cart.total(), cart.totalTax(), tenders};
    sale.lines.reserve(cart.lines().size());
    for (const auto &line : cart.lines()) {
        const Product &p = line.product;
        sale.lines.append(SaleLine{p.sku, line.code, p.nameZh, p.nameEn, line.quantity,
                                   p.isWeighed(), p.price, line.total(), p.taxRateBp});
    }
    return sale;
}

} // namespace smartpos
