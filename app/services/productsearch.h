#pragma once

#include "core/product.h"

#include <QList>

namespace smartpos {

class CatalogStore;

// The cashier's product search, so the screens never reach into the catalog's storage.
class ProductSearch {
public:
    static constexpr int defaultLimit = 50;

    explicit ProductSearch(CatalogStore &catalog)
        : m_catalog(catalog)
    {
    }

    // Names (中文 or English), SKU or barcode; nothing for blank text.
    QList<Product> find(const QString &text, int limit = defaultLimit) const;

private:
    CatalogStore &m_catalog;
};

} // namespace smartpos
