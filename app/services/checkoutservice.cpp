#include "checkoutservice.h"

#include "ledger/catalogstore.h"
#include "ledger/ledger.h"

#include <QUuid>

namespace smartpos {

CheckoutService::CheckoutService(CatalogStore &catalog, Ledger &ledger, const Clock &clock,
                                 QList<VariableCodeLayout> layouts, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_layouts(std::move(layouts))
{
}

ScanOutcome CheckoutService::added(int line)
{
    if (line < 0)
        return {ScanOutcome::Status::InvalidCode, -1,
                tr("At most %1 units per line.").arg(Cart::maxUnitsPerLine)};
    emit cartChanged();
    return {ScanOutcome::Status::Added, line, {}};
}

ScanOutcome CheckoutService::scan(const QString &scanned)
{
    const QString shown = scanned.trimmed().left(40);
    const ProductCode code = normalizeProductCode(scanned);
    switch (code.problem) {
    case BarcodeProblem::None:
        break;
    case BarcodeProblem::NotDigits:
        return {ScanOutcome::Status::InvalidCode, -1,
                tr("“%1” is not a product barcode.").arg(shown)};
    case BarcodeProblem::BadLength:
        return {ScanOutcome::Status::InvalidCode, -1,
                tr("%1 has %n digit(s); product barcodes have 8, 12 or 13.", nullptr,
                   int(shown.size()))
                    .arg(shown)};
    case BarcodeProblem::BadCheckDigit:
        return {ScanOutcome::Status::InvalidCode, -1,
                tr("%1 has a wrong check digit. Scan it again or type it.").arg(shown)};
    }
    if (auto label = decodeVariableCode(code.gtin, m_layouts))
        return addVariable(*label, code.gtin);
    const auto product = m_catalog.findByCode(code.gtin);
    if (!product)
        return {ScanOutcome::Status::UnknownProduct, -1,
                tr("No product has barcode %1. Check the code or add the product to the "
                   "catalog.")
                    .arg(code.gtin)};
    if (product->isWeighed())
        return {ScanOutcome::Status::NeedsWeight, -1,
                tr("%1 is sold by weight: weigh it and scan the scale label.")
                    .arg(product->displayName())};
    return added(m_cart.addUnits(*product, code.gtin));
}

ScanOutcome CheckoutService::addVariable(const VariableCode &label, const QString &code)
{
    const auto product = m_catalog.findByPlu(label.plu);
    if (!product)
        return {ScanOutcome::Status::UnknownProduct, -1,
                tr("Scale label %1: no product has PLU %2.").arg(code, label.plu)};
    if (label.kind == VariableCodeLayout::Value::WeightGrams) {
        if (!product->isWeighed())
            return {ScanOutcome::Status::InvalidCode, -1,
                    tr("Scale label %1 carries a weight, but %2 is sold by the piece.")
                        .arg(code, product->displayName())};
        if (label.value <= 0)
            return {ScanOutcome::Status::InvalidCode, -1,
                    tr("Scale label %1 shows no weight: weigh the item again.").arg(code)};
        return added(m_cart.addWeighed(*product, code, label.value));
    }
    // A price label: the printed total is what the customer pays; the weight is derived.
    const Money price = Money::fromFen(label.value);
    if (price.fen <= 0)
        return {ScanOutcome::Status::InvalidCode, -1,
                tr("Scale label %1 shows no price: weigh the item again.").arg(code)};
    const qint64 grams = product->isWeighed() && product->price.fen > 0
                             ? roundDiv(price.fen * 1000, product->price.fen)
                             : 1;
    return added(m_cart.addWeighed(*product, code, grams, price));
}

bool CheckoutService::addProduct(qint64 productId)
{
    const auto product = m_catalog.findById(productId);
    if (!product || product->isWeighed())
        return false;
    const QString code = product->sku;
    return added(m_cart.addUnits(*product, code)).added();
}

bool CheckoutService::setQuantity(int line, qint64 units)
{
    if (!m_cart.setQuantity(line, units))
        return false;
    emit cartChanged();
    return true;
}

bool CheckoutService::removeLine(int line)
{
    if (!m_cart.removeLine(line))
        return false;
    emit cartChanged();
    return true;
}

void CheckoutService::clearCart()
{
    m_cart.clear();
    emit cartChanged();
}

PaymentOutcome CheckoutService::payCash(Money received)
{
    PaymentOutcome outcome;
    if (m_cart.isEmpty()) {
        outcome.error = tr("The cart is empty.");
        return outcome;
    }
    const auto tender = cashTender(m_cart.total(), received);
    if (!tender) {
        outcome.error = tr("¥%1 is less than the total ¥%2.")
                            .arg(received.toString(), m_cart.total().toString());
        return outcome;
    }
    const Sale sale = saleFromCart(m_cart, QUuid::createUuid().toString(QUuid::WithoutBraces),
                                   m_clock.nowUtc(), {*tender});
    const CommitResult commit = m_ledger.commitSale(sale);
    if (!commit.ok) {
        outcome.error = tr("The sale was NOT saved. %1 The cart is kept: press Pay again when fixed.")
                            .arg(commit.error);
        return outcome;
    }
    outcome.ok = true;
    outcome.sale = sale;
    outcome.seq = commit.seq;
    m_cart.clear();
    emit cartChanged();
    emit saleCompleted(sale);
    return outcome;
}

} // namespace smartpos
