#include "cashiercontroller.h"

#include "cartmodel.h"
#include "ledger/catalogstore.h"
#include "searchmodel.h"
#include "services/checkoutservice.h"

namespace smartpos {

namespace {
constexpr int searchLimit = 50;
}

CashierController::CashierController(CheckoutService &checkout, CatalogStore &catalog,
                                     CartModel &lines, SearchModel &search, QObject *parent)
    : QObject(parent)
    , m_checkout(checkout)
    , m_catalog(catalog)
    , m_lines(lines)
    , m_search(search)
{
    connect(&m_checkout, &CheckoutService::cartChanged, this, &CashierController::onCartChanged);
}

QString CashierController::totalText() const
{
    return m_checkout.cart().total().toString();
}

QString CashierController::taxText() const
{
    return m_checkout.cart().totalTax().toString();
}

int CashierController::articleCount() const
{
    return int(m_checkout.cart().articleCount());
}

bool CashierController::cartEmpty() const
{
    return m_checkout.cart().isEmpty();
}

void CashierController::setSelectedLine(int line)
{
    const int last = int(m_checkout.cart().lines().size()) - 1;
    line = qBound(-1, line, last);
    if (line == m_selectedLine)
        return;
    m_selectedLine = line;
    emit selectedLineChanged();
}

void CashierController::onCartChanged()
{
    m_lines.refresh();
    // Always announced: the model was reset, so views must re-read the selection.
    m_selectedLine = m_checkout.cart().lastChangedLine();
    emit selectedLineChanged();
    emit cartChanged();
}

void CashierController::setMessage(const QString &text, bool isError)
{
    m_message = text;
    m_messageIsError = isError;
    emit messageChanged();
}

void CashierController::clearMessage()
{
    setMessage({}, false);
}

void CashierController::setPaymentOpen(bool open)
{
    if (m_paymentOpen == open)
        return;
    m_paymentOpen = open;
    emit paymentOpenChanged();
}

void CashierController::scan(const QString &code)
{
    if (code.trimmed().isEmpty())
        return;
    if (m_paymentOpen) {
        // The scan must not land in the amount field or silently change a cart being paid.
        setMessage(tr("Scan ignored: finish the payment or press Esc to go back to the cart."),
                   true);
        return;
    }
    dismissPaid();
    const ScanOutcome outcome = m_checkout.scan(code);
    if (outcome.added())
        clearMessage();
    else
        setMessage(outcome.message, true);
}

void CashierController::search(const QString &text)
{
    m_search.setResults(text.trimmed().isEmpty() ? QList<Product>()
                                                 : m_catalog.search(text, searchLimit));
}

bool CashierController::addSearchResult(int row)
{
    const Product *product = m_search.at(row);
    if (!product)
        return false;
    if (product->isWeighed()) {
        setMessage(tr("%1 is sold by weight: weigh it and scan the scale label.")
                       .arg(product->displayName()),
                   true);
        return false;
    }
    dismissPaid();
    if (!m_checkout.addProduct(product->id)) {
        setMessage(tr("Could not add %1.").arg(product->sku), true);
        return false;
    }
    clearMessage();
    return true;
}

void CashierController::changeQuantity(int delta)
{
    const auto &lines = m_checkout.cart().lines();
    if (m_selectedLine < 0 || m_selectedLine >= lines.size())
        return;
    const CartLine &line = lines[m_selectedLine];
    if (line.product.isWeighed()) {
        setMessage(tr("Weighed items keep the weight on their label."), true);
        return;
    }
    const qint64 units = line.quantity + delta;
    if (units < 1) {
        removeSelectedLine();
        return;
    }
    if (!m_checkout.setQuantity(m_selectedLine, units))
        setMessage(tr("Quantity must be between 1 and %1.").arg(Cart::maxUnitsPerLine), true);
}

bool CashierController::setQuantity(int line, const QString &units)
{
    bool ok = false;
    const qint64 value = units.trimmed().toLongLong(&ok);
    if (!ok || !m_checkout.setQuantity(line, value)) {
        setMessage(tr("Quantity must be between 1 and %1.").arg(Cart::maxUnitsPerLine), true);
        return false;
    }
    clearMessage();
    return true;
}

void CashierController::removeSelectedLine()
{
    const int line = m_selectedLine;
    if (m_checkout.removeLine(line))
        setSelectedLine(qMin(line, int(m_checkout.cart().lines().size()) - 1));
}

void CashierController::voidCart()
{
    if (m_checkout.cart().isEmpty())
        return;
    m_checkout.clearCart();
    setMessage(tr("Sale cancelled."), false);
}

void CashierController::openPayment()
{
    if (m_checkout.cart().isEmpty()) {
        setMessage(tr("Scan a product first."), true);
        return;
    }
    clearMessage();
    setPaymentOpen(true);
}

void CashierController::cancelPayment()
{
    setPaymentOpen(false);
}

bool CashierController::payCash(const QString &received)
{
    const auto amount = Money::parse(received);
    if (!amount || amount->isNegative()) {
        setMessage(tr("“%1” is not an amount. Type it like 100 or 58.50.").arg(received), true);
        return false;
    }
    return pay(*amount);
}

bool CashierController::payExact()
{
    return pay(m_checkout.cart().total());
}

bool CashierController::payYuan(int yuan)
{
    return pay(Money::fromYuan(yuan));
}

bool CashierController::pay(Money received)
{
    const PaymentOutcome outcome = m_checkout.payCash(received);
    if (!outcome.ok) {
        setMessage(outcome.error, true);
        return false;
    }
    m_paidTotal = outcome.sale.total;
    m_received = outcome.sale.tenders.first().received;
    m_change = outcome.sale.tenders.first().change;
    m_showingPaid = true;
    setPaymentOpen(false);
    setMessage(tr("Sale %1 saved.").arg(outcome.seq), false);
    emit paidChanged();
    return true;
}

void CashierController::dismissPaid()
{
    if (!m_showingPaid)
        return;
    m_showingPaid = false;
    clearMessage();
    emit paidChanged();
}

} // namespace smartpos
