#pragma once

#include "core/product.h"

#include <QString>

namespace smartpos {

// Deterministic synthetic products for benchmarks and large imports: plausible names in both
// languages, sold by unit, each with a valid and unique EAN-13 (prefix 69). Product `index` is
// the same on every run and every machine.
struct SyntheticProduct {
    Product product; // id left 0: the store assigns it
    QString code;    // its barcode
};

SyntheticProduct syntheticProduct(qint64 index);

// Writes products 0 … count-1 as a catalog CSV that CatalogStore::importCsv accepts, atomically.
bool writeSyntheticCatalogCsv(qint64 count, const QString &csvPath, QString *error);

} // namespace smartpos
