#pragma once

#include "product.h"
#include "storerules.h"

#include <QList>

#include <optional>

namespace smartpos {

struct CartLine {
    Product product;
    QString code;                    // the code that was scanned, as normalized
    qint64 quantity = 1;             // units, or grams for weighed products
    std::optional<Money> labelPrice; // total printed on a variable-price label, if any

    // Nothing when price × quantity does not fit in qint64.
    std::optional<Money> checkedTotal() const;
    // Of a line the Cart took: the Cart refuses any line beyond MoneyLimits, so this fits.
    Money total() const { return checkedTotal().value(); }
    Money tax() const { return taxIncluded(total(), product.taxRateBp); }
};

// Why the Cart refused a change; the sale session words it for the cashier.
enum class CartRefusal {
    None,
    Quantity,     // units outside 1 … maxUnitsPerLine, or a weight below 1 g
    NeedsLabel,   // a weighed product without its scale label
    NotWeighed,   // grams of a product sold by the piece, with no label price
    NoLabelPrice, // a label price of zero or less
    NotEditable,  // no such line, or a line whose quantity its label fixes
    UnitPrice,    // the product's price is above MoneyLimits::unitPrice
    LineTotal,    // the line would come to more than MoneyLimits::line
    SaleTotal,    // the sale would come to more than MoneyLimits::sale
};

// What a change did: the line it changed, or why it changed nothing.
struct CartEdit {
    int line = -1;
    CartRefusal refusal = CartRefusal::None;

    explicit operator bool() const { return refusal == CartRefusal::None; }
    friend bool operator==(const CartEdit &edit, int line) { return edit.line == line; }
};

struct TaxLine {
    int rateBp = 0;
    Money gross; // tax included
    Money tax;
};

// The goods of the sale in progress. Plain data, no IO; the checkout service owns one. Every
// change is checked against the MoneyLimits, so no line and no total can overflow: a change
// that would go beyond a limit is refused and changes nothing.
class Cart {
public:
    static constexpr qint64 maxUnitsPerLine = 9999;

    explicit Cart(MoneyLimits limits = {})
        : m_limits(limits)
    {
        Q_ASSERT(MoneyLimits::isValidLimit(limits.line) && MoneyLimits::isValidLimit(limits.sale)
                 && MoneyLimits::isValidLimit(limits.unitPrice));
    }
    const MoneyLimits &limits() const { return m_limits; }

    // A unit product scanned again increments its line (not a line priced by a label).
    CartEdit addUnits(const Product &product, const QString &code, qint64 units = 1);
    // Weighed goods always make their own line: two labels are two packs. A label price makes
    // the line cost what the label says (a product sold by the piece then counts 1 unit).
    CartEdit addWeighed(const Product &product, const QString &code, qint64 grams,
                        std::optional<Money> labelPrice = std::nullopt);
    // Unit lines without a label price only; 1 ≤ units ≤ maxUnitsPerLine.
    CartEdit setQuantity(int index, qint64 units);
    bool removeLine(int index);
    void clear();

    const QList<CartLine> &lines() const { return m_lines; }
    bool isEmpty() const { return m_lines.isEmpty(); }
    int lastChangedLine() const { return m_lastChanged; }

    Money total() const;
    // Articles as a shopper counts them: units, and one per weighed line.
    qint64 articleCount() const;
    // Tax per rate, computed on each rate's gross so lines never add rounding errors up.
    QList<TaxLine> taxBreakdown() const;
    Money totalTax() const;

private:
    // Puts `line` at `index` (appends at size()) when it is within the limits.
    CartEdit place(int index, const CartLine &line);

    MoneyLimits m_limits;
    QList<CartLine> m_lines;
    int m_lastChanged = -1;
};

} // namespace smartpos
