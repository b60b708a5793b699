#include "cart.h"

#include <map>

namespace smartpos {

std::optional<Money> CartLine::checkedTotal() const
{
    if (labelPrice)
        return *labelPrice;
    if (product.isWeighed())
        return priceForWeight(product.price, quantity);
    return product.price.times(quantity);
}

CartEdit Cart::place(int index, const CartLine &line)
{
    if (line.product.price > m_limits.unitPrice || line.product.price.isNegative())
        return {-1, CartRefusal::UnitPrice};
    const std::optional<Money> lineTotal = line.checkedTotal();
    if (!lineTotal || *lineTotal > m_limits.line)
        return {-1, CartRefusal::LineTotal};
    // Lines within limits within MoneyLimits::ceiling cannot overflow a sum; checked anyway, for
    // limits a caller set past the ceiling.
    const Money others = total() - (index < m_lines.size() ? m_lines[index].total() : Money());
    const std::optional<Money> saleTotal = others.plus(*lineTotal);
    if (!saleTotal || *saleTotal > m_limits.sale)
        return {-1, CartRefusal::SaleTotal};
    if (index < m_lines.size())
        m_lines[index] = line;
    else
        m_lines.append(line);
    m_lastChanged = index;
    return {index, CartRefusal::None};
}

CartEdit Cart::addUnits(const Product &product, const QString &code, qint64 units)
{
    if (product.isWeighed())
        return {-1, CartRefusal::NeedsLabel};
    if (units < 1 || units > maxUnitsPerLine)
        return {-1, CartRefusal::Quantity};
    for (int i = 0; i < m_lines.size(); ++i) {
        const CartLine &line = m_lines[i];
        // A line priced by its label costs what the label says: never add units to it.
        if (line.product.id == product.id && !line.product.isWeighed() && !line.labelPrice) {
            if (line.quantity + units > maxUnitsPerLine)
                return {-1, CartRefusal::Quantity};
            CartLine more = line;
            more.quantity += units;
            return place(i, more);
        }
    }
    return place(int(m_lines.size()), CartLine{product, code, units, std::nullopt});
}

CartEdit Cart::addWeighed(const Product &product, const QString &code, qint64 grams,
                          std::optional<Money> labelPrice)
{
    // A label needs a weight or a price; grams of a unit product would be priced per piece.
    if (labelPrice && labelPrice->fen <= 0)
        return {-1, CartRefusal::NoLabelPrice};
    if (labelPrice ? grams < 0 : grams < 1)
        return {-1, CartRefusal::Quantity};
    if (!labelPrice && !product.isWeighed())
        return {-1, CartRefusal::NotWeighed};
    // A label on goods sold by the piece (a markdown) is for one piece, whatever else it says.
    const qint64 quantity = product.isWeighed() ? grams : 1;
    return place(int(m_lines.size()), CartLine{product, code, quantity, labelPrice});
}

CartEdit Cart::setQuantity(int index, qint64 units)
{
    if (index < 0 || index >= m_lines.size() || m_lines[index].product.isWeighed()
        || m_lines[index].labelPrice)
        return {-1, CartRefusal::NotEditable};
    if (units < 1 || units > maxUnitsPerLine)
        return {-1, CartRefusal::Quantity};
    CartLine changed = m_lines[index];
    changed.quantity = units;
    return place(index, changed);
}

bool Cart::removeLine(int index)
{
    if (index < 0 || index >= m_lines.size())
        return false;
    m_lines.removeAt(index);
    m_lastChanged = m_lines.isEmpty() ? -1 : int(m_lines.size() - 1);
    return true;
}

void Cart::clear()
{
    m_lines.clear();
    m_lastChanged = -1;
}

Money Cart::total() const
{
    Money sum;
    for (const auto &line : m_lines)
        sum += line.total();
    return sum;
}

qint64 Cart::articleCount() const
{
    qint64 count = 0;
    for (const auto &line : m_lines)
        count += line.product.isWeighed() ? 1 : line.quantity;
    return count;
}

QList<TaxLine> Cart::taxBreakdown() const
{
    std::map<int, Money> grossByRate;
    for (const auto &line : m_lines)
        grossByRate[line.product.taxRateBp] += line.total();
    QList<TaxLine> result;
    for (const auto &[rate, gross] : grossByRate)
        result.append(TaxLine{rate, gross, taxIncluded(gross, rate)});
    return result;
}

Money Cart::totalTax() const
{
    Money sum;
    for (const auto &line : taxBreakdown())
        sum += line.tax;
    return sum;
}

} // namespace smartpos
