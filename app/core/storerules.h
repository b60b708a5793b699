#pragma once

#include "barcode.h"
#include "money.h"

#include <QList>

namespace smartpos {

// The largest amounts a till takes, so that a typo, a barcode pasted into a price column or a
// corrupted file is refused with a message instead of sold. The defaults suit a convenience
// store; a store sets its own in smartpos.ini ([limits], amounts in yuan).
struct MoneyLimits {
    // No limit may be set above this: ¥10,000,000.00. It keeps every product the pricing does
    // (a limit squared, for splitting a discount across tax rates) far inside qint64.
    static constexpr Money ceiling = Money::fromYuan(10'000'000);

    Money unitPrice = Money::fromYuan(20'000);    // a product's price, per unit or per kg
    Money line = Money::fromYuan(50'000);         // one cart line: price × quantity
    Money sale = Money::fromYuan(100'000);        // the total of one sale
    Money cashReceived = Money::fromYuan(50'000); // cash handed over for one sale
    // Change of this much or more means the cashier may have typed an extra zero: the payment
    // waits for a second Enter. The largest banknote, ¥100, by default.
    Money confirmChange = Money::fromYuan(100);

    // A limit a store may set: more than zero and at most the ceiling.
    static constexpr bool isValidLimit(Money limit) { return limit.fen > 0 && limit <= ceiling; }
};

// What a store decides about selling, read from its settings: the scale labels its scales print
// and the largest amounts it takes. The till and the catalog import check against the same.
struct StoreRules {
    QList<VariableCodeLayout> layouts = defaultVariableCodeLayouts();
    MoneyLimits limits;
};

} // namespace smartpos
