#include "cart.h"

#include <map>

namespace smartpos {

Money CartLine::total() const
{
    if (labelPrice)
        return *labelPrice;
    if (product.isWeighed())
        return priceForWeight(product.price, quantity);
    return product.price * quantity;
}

int Cart::addUnits(const Product &product, const QString &code, qint64 units)
{
    // Weighed goods need a scale label; a zero or negative count would shrink a line.
    if (product.isWeighed() || units < 1 || units > maxUnitsPerLine)
        return -1;
    for (int i = 0; i < m_lines.size(); ++i) {
        CartLine &line = m_lines[i];
        // A line priced by its label costs what the label says: never add units to it.
        if (line.product.id == product.id && !line.product.isWeighed() && !line.labelPrice) {
            if (line.quantity + units > maxUnitsPerLine)
                return -1;
            line.quantity += units;
            return m_lastChanged = i;
        }
    }
    m_lines.append(CartLine{product, code, units, std::nullopt});
    return m_lastChanged = int(m_lines.size() - 1);
}

int Cart::addWeighed(const Product &product, const QString &code, qint64 grams,
                     std::optional<Money> labelPrice)
{
    // A label needs a weight or a price; grams of a unit product would be priced per piece.
    if (labelPrice ? labelPrice->fen <= 0 || grams < 0 : grams < 1 || !product.isWeighed())
        return -1;
    m_lines.append(CartLine{product, code, grams, labelPrice});
    return m_lastChanged = int(m_lines.size() - 1);
}

bool Cart::setQuantity(int index, qint64 units)
{
    if (index < 0 || index >= m_lines.size() || m_lines[index].product.isWeighed()
        || m_lines[index].labelPrice || units < 1 || units > maxUnitsPerLine)
        return false;
    m_lines[index].quantity = units;
    m_lastChanged = index;
    return true;
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
