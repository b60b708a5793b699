#pragma once

#include "ledger/catalogstore.h"
#include "sync/protocol.h"

#include <QJsonObject>

#include <optional>

namespace smartpos::sync {

// The catalog's kinds of change on the wire (docs/sync-protocol.md, "Pull"):
//   "product"  key = SKU, body {category, codes:[…], name_en, name_zh, plu, price, sku, tax_bp,
//              unit: "pc" | "kg"} (price in fen, per kg when unit is kg); null body: removed
//   "price"    key = SKU, body {price}
inline constexpr QLatin1StringView productKind{"product"};
inline constexpr QLatin1StringView priceKind{"price"};

Change productChange(const Product &product, const QStringList &codes);
Change priceChange(const QString &sku, Money price);
// The catalog change a pulled change stands for: nothing when it is of another kind; an error
// (the whole page is then refused) when it is of a catalog kind but not a valid one.
Result<std::optional<CatalogChange>> catalogChangeFrom(const Change &change);

} // namespace smartpos::sync
