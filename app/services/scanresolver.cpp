#include "scanresolver.h"

#include "ledger/catalogstore.h"

namespace smartpos {

namespace {
Error invalid(const QString &message)
{
    return {ErrorCode::InvalidInput, message};
}
} // namespace

ScanResolver::ScanResolver(CatalogStore &catalog, QList<VariableCodeLayout> layouts)
    : m_catalog(catalog)
    , m_layouts(std::move(layouts))
{
}

ClassifiedCode ScanResolver::classify(QStringView scanned) const
{
    return classifyCode(scanned, m_layouts);
}

Result<ScanItem> ScanResolver::resolve(const ClassifiedCode &code) const
{
    const QString &shown = code.displayText;
    switch (code.kind) {
    case CodeKind::Product:
        return product(code);
    case CodeKind::ScaleLabel:
        return scaleLabel(code);
    case CodeKind::Member: // the sale session checks member and coupon codes itself
        return invalid(tr("This is a member code, not a product."));
    case CodeKind::Coupon:
        return invalid(tr("This is a coupon code, not a product."));
    case CodeKind::Receipt:
        return Error{ErrorCode::NotSupported,
                     tr("Returns are not supported yet: nothing was done with this receipt.")};
    case CodeKind::PaymentCode:
        return Error{ErrorCode::NotSupported,
                     tr("Payment code %1: mobile payment is not supported yet. Please take cash.")
                         .arg(code.payment.masked())};
    case CodeKind::Unknown:
        break;
    }
    if (code.product.problem == BarcodeProblem::BadLength)
        return invalid(
            tr("%1 has %n digit(s); product barcodes have 8, 12 or 13.", nullptr, int(shown.size()))
                .arg(shown));
    return invalid(tr("“%1” is not a product barcode.").arg(shown));
}

Result<ScanItem> ScanResolver::product(const ClassifiedCode &code) const
{
    const QString &gtin = code.product.gtin;
    if (code.product.problem == BarcodeProblem::BadCheckDigit)
        return invalid(
            tr("%1 has a wrong check digit. Scan it again or type it.").arg(code.displayText));
    const auto lookup = m_catalog.lookupByCode(gtin);
    if (!lookup)
        return lookup.error();
    const std::optional<Product> &product = *lookup;
    if (!product)
        return Error{ErrorCode::NotFound,
                     tr("No product has barcode %1. Check the code or add the product to the "
                        "catalog.")
                         .arg(gtin)};
    if (product->isWeighed())
        return invalid(tr("%1 is sold by weight: weigh it and scan the scale label.")
                           .arg(product->displayName()));
    return ScanItem{*product, gtin, std::nullopt, std::nullopt};
}

Result<ScanItem> ScanResolver::scaleLabel(const ClassifiedCode &code) const
{
    const QString &gtin = code.product.gtin;
    const VariableCode &label = *code.scaleLabel;
    const bool weightLabel = label.kind == VariableCodeLayout::Value::WeightGrams;
    const auto lookup = m_catalog.lookupByPlu(label.plu);
    if (!lookup)
        return lookup.error();
    const std::optional<Product> &product = *lookup;
    if (!product)
        return Error{ErrorCode::NotFound, tr("Scale label %1: no product has its PLU.").arg(gtin)};
    if (label.value <= 0)
        return invalid(weightLabel
                           ? tr("Scale label %1 shows no weight: weigh the item again and print "
                                "a new label.")
                                 .arg(gtin)
                           : tr("Scale label %1 shows no price: weigh the item again and print "
                                "a new label.")
                                 .arg(gtin));
    if (product->isWeighed() && product->price.fen <= 0)
        return invalid(tr("%1 has no price per kg in the catalog: fix its price before selling it.")
                           .arg(product->displayName()));
    if (weightLabel) {
        if (!product->isWeighed())
            return invalid(tr("Scale label %1 carries a weight, but %2 is sold by the piece.")
                               .arg(gtin, product->displayName()));
        return ScanItem{*product, gtin, label.value, std::nullopt};
    }
    // A price label: the printed total is what the customer pays. On goods sold by the piece
    // only as a markdown, when the store prints those (a layout marked markdown).
    if (!product->isWeighed() && !label.markdown)
        return invalid(tr("Scale label %1 carries a price, but %2 is sold by the piece: scan its "
                          "own barcode. (Marked-down labels need a layout marked markdown in "
                          "smartpos.ini.)")
                           .arg(gtin, product->displayName()));
    const Money price = Money::fromFen(label.value);
    const qint64 grams = product->isWeighed() ? roundDiv(price.fen * 1000, product->price.fen) : 1;
    return ScanItem{*product, gtin, grams, price};
}

} // namespace smartpos
