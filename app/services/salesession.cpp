#include "salesession.h"

#include "ledger/catalogstore.h"
#include "ledger/ledger.h"

namespace smartpos {

Money PaidSale::received() const
{
    Money received;
    for (const Tender &tender : sale.tenders)
        received += tender.received;
    return received;
}

Money PaidSale::change() const
{
    Money change;
    for (const Tender &tender : sale.tenders)
        change += tender.change;
    return change;
}

SaleSession::SaleSession(CatalogStore &catalog, Ledger &ledger, const Clock &clock,
                         StoreRules rules, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_resolver(catalog, std::move(rules.layouts))
    , m_cart(rules.limits)
{
}

void SaleSession::setPricingRules(QList<const PricingRule *> rules)
{
    m_rules = std::move(rules);
    changed(m_state);
}

Money SaleSession::saved() const
{
    Money off;
    for (const Adjustment &adjustment : adjustments())
        off.fen -= adjustment.amount.fen; // bounded: priceCart keeps the total within the limits
    return off;
}

void SaleSession::setTimeZone(const QTimeZone &zone)
{
    m_timeZone = zone;
}

void SaleSession::changed(State next)
{
    PricingContext context;
    context.atUtc = m_clock.nowUtc();
    context.timeZone = m_timeZone;
    m_basket = priceCart(m_cart, m_rules, context);
    const bool stateChanges = next != m_state;
    m_state = next;
    emit cartChanged();
    if (stateChanges)
        emit stateChanged();
}

void SaleSession::setState(State next)
{
    if (next == m_state)
        return;
    m_state = next;
    emit stateChanged();
}

Result<int> SaleSession::scan(QStringView code)
{
    Result<int> result = scanned(code);
    if (!result)
        emit scanRefused(result.error().message);
    return result;
}

Result<int> SaleSession::scanned(QStringView code)
{
    const ClassifiedCode classified = m_resolver.classify(code);
    // A payment code is what a customer shows at this point, so it is answered; anything else
    // must not silently change a cart being paid.
    if (m_state == State::Tendering && classified.kind != CodeKind::PaymentCode)
        return Error{ErrorCode::Conflict,
                     tr("Scan ignored: finish the payment or go back to the cart first.")};
    const Result<ScanItem> item = m_resolver.resolve(classified);
    if (!item)
        return item.error();
    return added(item->grams
                     ? m_cart.addWeighed(item->product, item->code, *item->grams, item->labelPrice)
                     : m_cart.addUnits(item->product, item->code));
}

Result<int> SaleSession::added(const CartEdit &edit)
{
    const MoneyLimits &limits = m_cart.limits();
    switch (edit.refusal) {
    case CartRefusal::None:
        m_lastPaid.reset(); // the next sale has started
        changed(State::Scanning);
        return edit.line;
    case CartRefusal::Quantity:
        return Error{ErrorCode::InvalidInput,
                     tr("Quantity must be between 1 and %1.").arg(Cart::maxUnitsPerLine)};
    case CartRefusal::NeedsLabel:
    case CartRefusal::NotWeighed:
    case CartRefusal::NoLabelPrice:
    case CartRefusal::NotEditable:
        break; // the resolver and editable() answer these before the cart sees them
    case CartRefusal::UnitPrice:
        return Error{ErrorCode::InvalidInput,
                     tr("Not added: its price is above ¥%1, the most one product may cost. Check "
                        "the price in the catalog (or the limit, unit_price in smartpos.ini).")
                         .arg(limits.unitPrice.toString())};
    case CartRefusal::LineTotal:
        return Error{ErrorCode::InvalidInput,
                     tr("Not changed: the line would cost more than ¥%1, the most one line may "
                        "cost (line in smartpos.ini).")
                         .arg(limits.line.toString())};
    case CartRefusal::SaleTotal:
        return Error{ErrorCode::InvalidInput,
                     tr("Not changed: the sale would cost more than ¥%1, the most one sale may "
                        "cost (sale in smartpos.ini). Pay this sale, then ring up the rest as a "
                        "new one.")
                         .arg(limits.sale.toString())};
    }
    return Error{ErrorCode::InvalidInput, tr("This item cannot be added to the sale.")};
}

Status SaleSession::editable() const
{
    if (m_state == State::Tendering)
        return Error{ErrorCode::Conflict,
                     tr("The sale is being paid: go back to the cart to change it.")};
    return {};
}

Status SaleSession::addProduct(qint64 productId)
{
    if (Status ok = editable(); !ok)
        return ok;
    const auto lookup = m_catalog.lookupById(productId);
    if (!lookup)
        return lookup.error();
    const std::optional<Product> &product = *lookup;
    if (!product)
        return Error{ErrorCode::NotFound, tr("This product is no longer in the catalog.")};
    if (product->isWeighed())
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is sold by weight: weigh it and scan the scale label.")
                         .arg(product->displayName())};
    const Result<int> line = added(m_cart.addUnits(*product, product->sku));
    return line ? Status() : line.error();
}

Status SaleSession::setQuantity(int line, qint64 units)
{
    if (Status ok = editable(); !ok)
        return ok;
    if (line < 0 || line >= m_cart.lines().size())
        return Error{ErrorCode::NotFound, tr("Select a line first.")};
    const CartLine &selected = m_cart.lines()[line];
    if (selected.product.isWeighed() || selected.labelPrice)
        return Error{ErrorCode::InvalidInput,
                     tr("An item with a scale label keeps what its label says.")};
    const Result<int> changedLine = added(m_cart.setQuantity(line, units));
    return changedLine ? Status() : changedLine.error();
}

Status SaleSession::removeLine(int line)
{
    if (Status ok = editable(); !ok)
        return ok;
    if (!m_cart.removeLine(line))
        return Error{ErrorCode::NotFound, tr("Select a line first.")};
    changed(m_cart.isEmpty() ? State::Idle : State::Scanning);
    return {};
}

Status SaleSession::cancelSale()
{
    if (Status ok = editable(); !ok)
        return ok;
    if (m_cart.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("There is no sale to cancel.")};
    m_cart.clear();
    changed(State::Idle);
    return {};
}

Status SaleSession::beginTender()
{
    if (m_state == State::Idle || m_state == State::Paid)
        return Error{ErrorCode::InvalidInput, tr("Scan a product first.")};
    setState(State::Tendering);
    return {};
}

Status SaleSession::cancelTender()
{
    if (m_state == State::Tendering)
        setState(State::Scanning);
    return {};
}

Status SaleSession::payCash(Money received, bool confirmed)
{
    if (m_state != State::Tendering)
        return Error{ErrorCode::Conflict,
                     m_cart.isEmpty() ? tr("The cart is empty.") : tr("Open the payment first.")};
    const MoneyLimits &limits = m_cart.limits();
    if (received > limits.cashReceived)
        return Error{ErrorCode::InvalidInput,
                     tr("¥%1 is more cash than one sale takes (at most ¥%2): check the amount "
                        "typed.")
                         .arg(received.toString(), limits.cashReceived.toString())};
    const auto tender = cashTender(m_basket.total, received);
    if (!tender)
        return Error{ErrorCode::InvalidInput,
                     tr("¥%1 is less than the total ¥%2.")
                         .arg(received.toString(), m_basket.total.toString())};
    if (tender->change >= limits.confirmChange && !confirmed)
        return Error{ErrorCode::Unconfirmed,
                     tr("Change would be ¥%1. Did the customer really hand over ¥%2? Press Enter "
                        "again to confirm, or correct the amount.")
                         .arg(tender->change.toString(), received.toString())};
    const Sale sale = saleFromBasket(m_cart, m_basket, m_clock.nowUtc(), {*tender});
    const Result<qint64> seq = m_ledger.commitSale(sale);
    if (!seq)
        return Error{seq.error().code,
                     tr("The sale was NOT saved. %1 The cart is kept: press Pay again when "
                        "fixed.")
                         .arg(seq.error().message)};
    m_lastPaid = PaidSale{sale, *seq};
    m_cart.clear();
    changed(State::Paid);
    return {};
}

void SaleSession::startNextSale()
{
    if (m_state != State::Paid)
        return;
    m_lastPaid.reset();
    setState(State::Idle);
}

Result<qint64> SaleSession::recordNoSale()
{
    if (m_state == State::Scanning || m_state == State::Tendering)
        return Error{ErrorCode::Conflict,
                     tr("A sale is in progress: finish or cancel it before opening the drawer.")};
    const Result<qint64> seq = m_ledger.commitNoSale(m_clock.nowUtc());
    if (!seq)
        return Error{seq.error().code,
                     tr("The drawer was NOT opened: %1").arg(seq.error().message)};
    startNextSale();
    emit noSaleRecorded(*seq);
    return seq;
}

} // namespace smartpos
