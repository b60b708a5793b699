#pragma once

#include "product.h"

#include <QList>

#include <optional>

namespace smartpos {

struct CartLine {
    Product product;
    QString code;                  // the code that was scanned, as normalized
    qint64 quantity = 1;           // units, or grams for weighed products
    std::optional<Money> labelPrice; // total printed on a variable-price label, if any

    Money total() const;
    Money tax() const { return taxIncluded(total(), product.taxRateBp); }
};

struct TaxLine {
    int rateBp = 0;
    Money gross; // tax included
    Money tax;
};

// The goods of the sale in progress. Plain data, no IO; the checkout service owns one.
class Cart {
public:
    static constexpr qint64 maxUnitsPerLine = 9999;

    // A unit product scanned again increments its line (not a line priced by a label); returns
    // the index of the changed line, or -1 (no change) for a weighed product or units < 1.
    int addUnits(const Product &product, const QString &code, qint64 units = 1);
    // Weighed goods always make their own line: two labels are two packs. -1 (no change) for a
    // label price or weight ≤ 0, or for grams of a unit product without a label price.
    int addWeighed(const Product &product, const QString &code, qint64 grams,
                   std::optional<Money> labelPrice = std::nullopt);
    // Unit lines without a label price only; 1 ≤ units ≤ maxUnitsPerLine. False (and no change)
    // otherwise.
    bool setQuantity(int index, qint64 units);
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
    QList<CartLine> m_lines;
    int m_lastChanged = -1;
};

} // namespace smartpos
