#pragma once

#include "core/codes.h"
#include "core/product.h"
#include "core/result.h"

#include <QCoreApplication>

#include <optional>

namespace smartpos {

class CatalogStore;

// What a scanned product code puts in the cart.
struct ScanItem {
    Product product;
    QString code;                    // the GTIN as normalized
    std::optional<qint64> grams;     // weighed goods: the label's weight (derived for price labels)
    std::optional<Money> labelPrice; // price labels: the total printed on the label
};

// Turns a classified code into the catalog item it names, or into a message the cashier can act
// on. Codes of kinds this version cannot handle yet (member, coupon, receipt, payment code) are
// answered with NotSupported; a payment code is only ever shown masked.
class ScanResolver {
    Q_DECLARE_TR_FUNCTIONS(smartpos::ScanResolver)

public:
    ScanResolver(CatalogStore &catalog, QList<VariableCodeLayout> layouts);

    ClassifiedCode classify(QStringView scanned) const;
    Result<ScanItem> resolve(const ClassifiedCode &code) const;

private:
    Result<ScanItem> product(const ClassifiedCode &code) const;
    Result<ScanItem> scaleLabel(const ClassifiedCode &code) const;

    CatalogStore &m_catalog;
    QList<VariableCodeLayout> m_layouts;
};

} // namespace smartpos
