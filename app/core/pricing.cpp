#include "pricing.h"

#include <QVarLengthArray>

#include <algorithm>
#include <map>

namespace smartpos {

namespace {

using GrossByRate = std::map<int, Money>;

QList<Adjustment> collectAdjustments(const Cart &cart, const QList<const PricingRule *> &rules,
                                     const PricingContext &context)
{
    QList<Adjustment> adjustments;
    for (const PricingRule *rule : rules) {
        if (!rule)
            continue;
        for (Adjustment adjustment : rule->apply(cart, context)) {
            if (adjustment.line < -1 || adjustment.line >= cart.lines().size())
                continue;
            if (adjustment.source.isEmpty())
                adjustment.source = rule->id();
            adjustments.append(adjustment);
        }
    }
    return adjustments;
}

// Applies the line adjustments and returns each line's total after them. A discount larger than
// what is left of its line is clamped to that rest: a line never goes below zero, so no tax rate
// can either. A surcharge is clamped so that the line stays within MoneyLimits::line.
QList<Money> applyLineAdjustments(const Cart &cart, QList<Adjustment> &adjustments)
{
    const Money lineLimit = cart.limits().line;
    QList<Money> lineTotals;
    lineTotals.reserve(cart.lines().size());
    for (const CartLine &line : cart.lines())
        lineTotals.append(line.total());
    for (Adjustment &adjustment : adjustments) {
        if (adjustment.line < 0)
            continue;
        Money &lineTotal = lineTotals[adjustment.line];
        // Both sides are compared without adding, so no amount a rule returns can overflow.
        if (adjustment.amount < -lineTotal)
            adjustment.amount = -lineTotal;
        else if (adjustment.amount > lineLimit - lineTotal)
            adjustment.amount = lineLimit - lineTotal;
        lineTotal += adjustment.amount;
    }
    return lineTotals;
}

// Applies the basket adjustments to `linesTotal` and returns their sum. A discount larger than
// what is left of the basket is clamped to that rest, so the total is never negative; on a
// basket worth nothing there is no tax rate to carry any adjustment, so each becomes zero. A
// surcharge is clamped so that the total stays within MoneyLimits::sale.
Money applyBasketAdjustments(Money linesTotal, Money saleLimit, QList<Adjustment> &adjustments)
{
    Money total = linesTotal;
    for (Adjustment &adjustment : adjustments) {
        if (adjustment.line >= 0)
            continue;
        if (linesTotal.isZero())
            adjustment.amount = Money();
        else if (adjustment.amount < -total)
            adjustment.amount = -total;
        else if (adjustment.amount.fen > 0 && adjustment.amount > saleLimit - total)
            adjustment.amount = std::max(Money(), saleLimit - total);
        total += adjustment.amount;
    }
    return total - linesTotal;
}

// Splits `amount` over the rates in proportion to their gross (splitProportionally: ties to the
// lower rate), so the parts add up to `amount` exactly and never depend on anything but the
// rates' gross. |amount| × gross stays within qint64 for baskets below ¥30 million.
GrossByRate allocateAcrossRates(Money amount, const GrossByRate &grossByRate)
{
    QList<qint64> weights;
    for (const auto &[rate, gross] : grossByRate)
        weights.append(gross.fen);
    const QList<qint64> parts = splitProportionally(amount.fen, weights);
    GrossByRate result;
    qsizetype i = 0;
    for (const auto &[rate, gross] : grossByRate)
        result[rate] = Money{parts[i++]};
    return result;
}

// Tax per rate once the basket adjustment is spread over the rates' gross.
QList<TaxLine> taxesAfter(Money basketAdjustment, const GrossByRate &grossByRate)
{
    const GrossByRate basketShares = allocateAcrossRates(basketAdjustment, grossByRate);
    QList<TaxLine> taxes;
    for (const auto &[rate, gross] : grossByRate) {
        const Money net = gross + basketShares.at(rate);
        taxes.append(TaxLine{rate, net, taxIncluded(net, rate)});
    }
    return taxes;
}

} // namespace

QList<qint64> splitProportionally(qint64 amount, const QList<qint64> &weights)
{
    QList<qint64> parts(weights.size());
    splitProportionally(amount, weights, parts);
    return parts;
}

void splitProportionally(qint64 amount, std::span<const qint64> weights, std::span<qint64> parts)
{
    Q_ASSERT(parts.size() == weights.size());
    struct Share {
        size_t index;
        qint64 remainder;
    };
    qint64 total = 0;
    for (const qint64 weight : weights)
        total += weight;
    if (total == 0) {
        std::fill(parts.begin(), parts.end(), 0);
        return;
    }

    const qint64 magnitude = amount < 0 ? -amount : amount;
    QVarLengthArray<Share, 256> shares;
    qint64 leftover = magnitude;
    for (size_t i = 0; i < weights.size(); ++i) {
        const qint64 weighted = magnitude * weights[i];
        parts[i] = weighted / total;
        leftover -= parts[i];
        shares.append({i, weighted % total});
    }
    // The `leftover` largest remainders, the lower index first among equals (leftover is less
    // than the number of parts).
    const auto larger = [](const Share &a, const Share &b) {
        return a.remainder != b.remainder ? a.remainder > b.remainder : a.index < b.index;
    };
    if (leftover > 0) {
        std::nth_element(shares.begin(), shares.begin() + leftover - 1, shares.end(), larger);
        for (qint64 i = 0; i < leftover; ++i)
            ++parts[shares[i].index];
    }
    if (amount < 0)
        for (qint64 &part : parts)
            part = -part;
}

PricedBasket priceCart(const Cart &cart, const QList<const PricingRule *> &rules,
                       const PricingContext &context)
{
    PricedBasket basket;
    basket.adjustments = collectAdjustments(cart, rules, context);
    const QList<Money> lineTotals = applyLineAdjustments(cart, basket.adjustments);

    GrossByRate grossByRate;
    Money linesTotal;
    for (qsizetype i = 0; i < lineTotals.size(); ++i) {
        grossByRate[cart.lines()[i].product.taxRateBp] += lineTotals[i];
        linesTotal += lineTotals[i];
    }
    const Money basketAdjustment =
        applyBasketAdjustments(linesTotal, cart.limits().sale, basket.adjustments);

    basket.subtotal = cart.total();
    basket.total = linesTotal + basketAdjustment;
    basket.discount = basket.subtotal - basket.total;
    basket.taxes = taxesAfter(basketAdjustment, grossByRate);
    for (const TaxLine &line : std::as_const(basket.taxes))
        basket.tax += line.tax;
    return basket;
}

QList<TaxLine> taxBreakdown(const Sale &sale)
{
    GrossByRate grossByRate;
    for (const SaleLine &line : sale.lines)
        grossByRate[line.taxRateBp] += line.total;
    Money basketAdjustment;
    for (const Adjustment &adjustment : sale.adjustments) {
        if (adjustment.line >= 0 && adjustment.line < sale.lines.size())
            grossByRate[sale.lines[adjustment.line].taxRateBp] += adjustment.amount;
        else if (adjustment.line < 0)
            basketAdjustment += adjustment.amount;
    }
    return taxesAfter(basketAdjustment, grossByRate);
}

Sale saleFromBasket(const Cart &cart, const PricedBasket &basket, const QDateTime &createdAtUtc,
                    const QList<Tender> &tenders)
{
    Sale sale = saleFromCart(cart, createdAtUtc, tenders);
    sale.adjustments = basket.adjustments;
    sale.total = basket.total;
    sale.tax = basket.tax;
    return sale;
}

} // namespace smartpos
